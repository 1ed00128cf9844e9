import { describe, expect, it } from 'vitest';
import { aiFactsOf } from '../../../src/model/ai/facts.js';
import { compileCatalogue } from '../../../src/model/ai/compile.js';
import { pullAiEvidence, type PullAiInput } from '../../../src/model/ai/pull.js';

const pull = (over: Partial<PullAiInput>): PullAiInput => ({ author: 'ada', authorIsBot: false, headRefName: 'ada/fix', labels: [], body: '', commits: [], ...over });
const facts = (over: Partial<PullAiInput>, catalogue = compileCatalogue()) => aiFactsOf(pullAiEvidence(pull(over), catalogue));

describe('a pull request\'s AI evidence', () => {
  it('takes an agent\'s app that opened it for the agent, by its login and Bot type', () => {
    expect(facts({ author: 'Copilot', authorIsBot: true, headRefName: 'copilot/fix-flaky-test' })).toEqual({
      aiEvidence: ['PR author: Copilot'], aiTools: ['copilot'], aiStrength: 'agent', aiWeakEvidence: ['branch: copilot/fix-flaky-test'],
    });
    expect(facts({ author: 'devin-ai-integration', authorIsBot: true }).aiStrength).toBe('agent');
    // an app's login is the agent's only as a Bot: a person may hold a login an app's slug spells
    expect(facts({ author: 'devin-ai-integration', authorIsBot: false }).aiStrength).toBeUndefined();
  });

  it('reads what Codex leaves on a pull request a person opened: its label and task link, and its branch apart', () => {
    const body = 'Closes #14724\n\nhttps://chatgpt.com/codex/tasks/task_e_687a53ba646c8331baa4140c5b2bec70';
    expect(facts({ author: 'zanieb', headRefName: 'codex/fix-bounds', labels: ['codex'], body })).toEqual({
      aiEvidence: ['label: codex', 'PR body: https://chatgpt.com/codex/tasks/task_e_687a53ba646c8331baa4140c5b2bec70'],
      aiTools: ['codex'],
      aiStrength: 'assisted',
      aiWeakEvidence: ['branch: codex/fix-bounds'],
    });
  });

  it('takes a branch name alone for weak evidence', () => {
    expect(facts({ headRefName: 'claude/fix-vite-port-binding-issue' })).toEqual({ aiEvidence: [], aiTools: ['claude-code'], aiStrength: 'weak', aiWeakEvidence: ['branch: claude/fix-vite-port-binding-issue'] });
    expect(facts({ headRefName: 'claude-vertex' }).aiStrength).toBeUndefined();
  });

  it('reads the description\'s footer, its commits\' messages and authors, and the configured labels', () => {
    expect(facts({ body: 'Fixes the parser.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)' }).aiEvidence).toEqual(['PR body: 🤖 Generated with [Claude Code](https://claude.com/claude-code)']);
    // a person's pull request the agent added one commit of two to: assisted, as a co-author's
    expect(facts({ commits: [{ message: 'Fix\n\nMade-with: Cursor', authorEmail: 'ada@example.com' }, { message: 'Tidy', authorEmail: 'cursoragent@cursor.com' }] })).toMatchObject({
      aiEvidence: ['Made-with: Cursor', 'commit author: cursoragent@cursor.com'], aiTools: ['cursor'], aiStrength: 'assisted',
    });
    // the agent began it (GitHub lists the commits oldest first), or wrote most of its commits: the agent's
    expect(facts({ commits: [{ message: 'Initial plan', authorEmail: 'cursoragent@cursor.com' }, { message: 'Tidy', authorEmail: 'ada@example.com' }] }).aiStrength).toBe('agent');
    expect(facts({ commits: [{ message: 'Fix', authorEmail: 'ada@example.com' }, { message: 'Tidy', authorEmail: 'cursoragent@cursor.com' }, { message: 'Test', authorEmail: 'cursoragent@cursor.com' }] }).aiStrength).toBe('agent');
    expect(facts({ labels: ['ai-assisted', 'bug'] }, compileCatalogue({ labels: ['ai-assisted'] }))).toEqual({ aiEvidence: ['label: ai-assisted'], aiTools: ['configured'], aiStrength: 'assisted' });
    expect(facts({ labels: ['ai-assisted'] }).aiStrength).toBeUndefined();
  });
});
