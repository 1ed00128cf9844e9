import { describe, expect, it } from 'vitest';
import { FAILED_RUN_SECONDS, toClosedPull } from '../../src/model/closed-pulls.js';
import { compileCatalogue } from '../../src/model/ai/compile.js';
import { aiToolsOf } from '../../src/model/pull-ai.js';
import { compilePattern } from '../../src/patterns.js';
import type { GitHubClosedPull } from '../../src/sources/github/types.js';

const H = 3600;
const T = 1_700_000_000;

function closed(o: Partial<GitHubClosedPull> = {}): GitHubClosedPull {
  return {
    number: 7, title: 'Try a thing', url: 'https://github.com/acme/app/pull/7', author: 'ada', authorIsBot: false,
    createdAt: T, updatedAt: T + 10 * H, closedAt: T + 10 * H, isDraft: false, headRefName: 'ada/thing', labels: [], body: '',
    commitMessages: [], reviews: [], comments: [], truncated: false, closedBy: { login: 'bob', isBot: false }, ...o,
  };
}

const options = { botPattern: null, ai: compileCatalogue({ labels: ['ai-pilot'] }), landedNumbers: new Set([41]) };

describe('a pull request closed without merging, in domain form', () => {
  it('counts the reviews and comments of people other than the author before the close, and dates the first', () => {
    const pull = toClosedPull(closed({
      reviews: [
        { author: 'ada', authorIsBot: false, state: 'COMMENTED', submittedAt: T + H }, // the author's own
        { author: 'bob', authorIsBot: false, state: 'CHANGES_REQUESTED', submittedAt: T + 3 * H },
        { author: 'carol', authorIsBot: false, state: 'PENDING', submittedAt: null }, // never submitted
        { author: 'copilot-pull-request-reviewer', authorIsBot: true, state: 'COMMENTED', submittedAt: T + 2 * H }, // a bot
        { author: 'dave', authorIsBot: false, state: 'COMMENTED', submittedAt: T + 11 * H }, // after the close
      ],
      comments: [
        { author: 'ADA', authorIsBot: false, createdAt: T + H }, // the author, in other case
        { author: 'erin', authorIsBot: false, createdAt: T + 4 * H },
        { author: 'renovate', authorIsBot: false, createdAt: T + 2 * H }, // a bot by name
      ],
    }), options);
    expect(pull).toMatchObject({ reviews: 1, comments: 1, firstReviewAt: T + 3 * H, bot: false, failedRun: false, aiEvidence: [], closedBy: 'bob' });
  });

  it('one whose number a change of the branch names landed all the same', () => {
    expect([toClosedPull(closed({ number: 41 }), options).landed, toClosedPull(closed({ number: 42 }), options).landed]).toEqual([true, false]);
  });

  it('a bot\'s is a bot\'s; an agent\'s app is never one', () => {
    expect(toClosedPull(closed({ author: 'dependabot', authorIsBot: true }), options).bot).toBe(true);
    expect(toClosedPull(closed({ author: 'release-bot' }), { ...options, botPattern: compilePattern('^release-') }).bot).toBe(true);
    for (const author of ['copilot-swe-agent', 'devin-ai-integration', 'Copilot']) {
      const pull = toClosedPull(closed({ author, authorIsBot: true }), options);
      expect([author, pull.bot, pull.aiEvidence]).toEqual([author, false, [`PR author: ${author}`]]);
    }
  });

  it('an agent that closed its own attempt, titled so or within the hour, is a failed run; closed by a person, it is not', () => {
    const copilot = { author: 'copilot-swe-agent', authorIsBot: true };
    const run = (o: Partial<GitHubClosedPull>): boolean => toClosedPull(closed({ ...copilot, ...o }), options).failedRun;
    const self = { login: 'copilot-swe-agent', isBot: true };
    // titled as an attempt, closed by itself days later
    expect(run({ title: '[WIP] Fix the login form', closedBy: self, closedAt: T + 50 * H })).toBe(true);
    expect(run({ title: '[Failed] Fix the login form', closedBy: { login: 'Copilot', isBot: true }, closedAt: T + 50 * H })).toBe(true);
    expect(run({ title: 'WIP: login', closedBy: self, closedAt: T + 50 * H })).toBe(true);
    // any title, closed by itself within the hour; an hour and a second is no longer a run that failed at once
    expect(run({ title: 'Fix the login form', closedBy: self, closedAt: T + FAILED_RUN_SECONDS })).toBe(true);
    expect(run({ title: 'Fix the login form', closedBy: self, closedAt: T + FAILED_RUN_SECONDS + 1 })).toBe(false);
    // a person closed it, or GitHub does not say who: rejected, not failed
    expect(run({ title: '[WIP] Fix the login form', closedBy: { login: 'bob', isBot: false }, closedAt: T + 60 })).toBe(false);
    expect(run({ title: '[WIP] Fix the login form', closedBy: null, closedAt: T + 60 })).toBe(false);
    // another agent closed it
    expect(run({ title: '[WIP] Fix', closedBy: { login: 'devin-ai-integration', isBot: true }, closedAt: T + 60 })).toBe(false);
    // a person's own attempt, closed by themselves at once, is a person's work withdrawn: not an agent's failed run
    expect(toClosedPull(closed({ title: '[WIP] try', closedBy: { login: 'ada', isBot: false }, closedAt: T + 60 }), options).failedRun).toBe(false);
  });

  it('reads the AI evidence of the author, the description, the commit messages and labels, by the one catalogue', () => {
    const pull = toClosedPull(closed({
      author: 'ada', headRefName: 'codex/fix-login', labels: ['codex', 'bug'],
      body: 'Fixes the login.\n\n🤖 Generated with [Claude Code](https://claude.ai/code)',
      commitMessages: ['Fix login\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>'],
    }), options);
    // a co-author trailer, the footer in the description, Codex's label: assisted; the codex/ branch is weak, apart
    expect(pull.aiEvidence).toEqual(['Co-authored-by: Cursor Agent <cursoragent@cursor.com>', 'label: codex', 'PR body: 🤖 Generated with [Claude Code](https://claude.ai/code)']);
    expect(pull.aiWeakEvidence).toEqual(['branch: codex/fix-login']);
    expect([aiToolsOf(pull), pull.aiStrength]).toEqual([['claude-code', 'codex', 'cursor'], 'assisted']);
    // a configured label is evidence of the user's own tool
    expect(aiToolsOf(toClosedPull(closed({ labels: ['ai-pilot'] }), options))).toEqual(['configured']);
    // a person named Claude co-authoring is a person; an unconfigured label is nobody's evidence
    const none = toClosedPull(closed({ labels: ['ai'], commitMessages: ['x\n\nCo-authored-by: Claude Shannon <claude@bell-labs.com>'] }), options);
    expect([none.aiEvidence, aiToolsOf(none)]).toEqual([[], []]);
  });
});

describe('the tools of an AI-assisted change or pull request', () => {
  it('are its aiTools, sorted; none without AI-assisted evidence (weak alone is not); unknown for lines made elsewhere', () => {
    expect(aiToolsOf({ aiEvidence: ['PR author: Copilot', 'label: codex'], aiTools: ['copilot', 'codex'] })).toEqual(['codex', 'copilot']);
    expect(aiToolsOf({ aiEvidence: [], aiTools: ['claude-code'] })).toEqual([]);
    expect(aiToolsOf({ aiEvidence: ['AI-Tool: in-house'] })).toEqual(['unknown']);
  });
});
