import type { Change } from '../domain.js';
import type { Pattern } from '../patterns.js';
import type { GitHubPull } from '../sources/github/types.js';
import { findAiMarkers } from './ai-markers.js';
import { pullEvents } from './pull-events.js';
import { reviewOf } from './pull-review.js';

export interface ApplyPullsOptions {
  requiredApprovals: number;
  isBot: (login: string) => boolean;
  /** PR labels that mark a change AI-assisted */
  aiLabels: readonly string[];
  aiMarkers: readonly Pattern[];
}

const AI_AUTHORS = /^(copilot|copilot-swe-agent|devin-ai-integration|cursor|codex|claude|gemini-code-assist|openai-codex)(\[bot\])?$/i;

/**
 * Joins merged pull requests to the changes git found, by merge commit (SPEC sections 1–2): a change gets
 * its PR's number, title, author, ready/first-review/approval times, and its first commit from the PR's own
 * commits (squash and rebase merges leave those out of the branch), and what its reviews and checks say
 * (`review`). A PR-landed change that git saw as a plain commit was a rebase (several commits) or a squash
 * without `(#N)`. Pure; mutates the changes.
 */
export function applyPulls(changes: Change[], pulls: readonly GitHubPull[], options: ApplyPullsOptions): void {
  const bySha = new Map(pulls.filter((p) => p.mergeCommitSha !== null).map((p) => [p.mergeCommitSha as string, p]));
  const absorbed = new Set<Change>();
  changes.forEach((change, index) => {
    const pull = bySha.get(change.sha);
    if (!pull || change.kind === 'sync') return;
    const events = pullEvents(pull, { requiredApprovals: options.requiredApprovals, isBot: options.isBot });
    if (change.kind === 'direct') {
      change.kind = pull.commits.length > 1 ? 'rebase' : 'squash';
      if (change.kind === 'rebase') for (const earlier of rebasedCommits(changes, index, pull)) absorb(change, earlier, absorbed);
    }
    change.number = pull.number;
    change.id = `#${pull.number}`;
    change.title = pull.title;
    change.author = pull.author;
    change.url = /^https?:\/\//.test(pull.url) ? pull.url : null;
    change.branch = pull.headRefName;
    change.bot = pull.authorIsBot || options.isBot(pull.author);
    if (pull.commits.length > 0 && change.kind !== 'merge') {
      // the PR's own commits date the work of a squash or rebase merge
      change.commits = pull.commits.length;
      change.firstCommitAt = Math.min(...pull.commits.slice(0, 10_000).map((c) => c.authoredAt));
      change.lastCommitAt = Math.max(...pull.commits.slice(0, 10_000).map((c) => c.authoredAt));
      change.flags = change.flags.filter((f) => f !== 'commits-unseen');
    }
    change.readyAt = events.readyAt;
    change.firstReviewAt = events.firstReviewAt;
    change.approvedAt = events.approvedAt;
    change.flags = [...new Set([...change.flags, ...events.flags])];
    if (change.size === null) change.size = { additions: pull.additions, deletions: pull.deletions, files: pull.changedFiles };
    const evidence = [...change.aiEvidence];
    for (const c of pull.commits) evidence.push(...findAiMarkers(c.message, options.aiMarkers));
    for (const label of pull.labels) if (options.aiLabels.includes(label)) evidence.push(`label: ${label}`);
    if (AI_AUTHORS.test(pull.author)) evidence.push(`PR author: ${pull.author}`);
    change.aiEvidence = [...new Set(evidence)];
    change.review = reviewOf(pull, events.readyAt, events.rework);
  });
  // a rebase merge put the PR's commits on the branch one by one: they are this one change, not direct pushes
  for (let i = changes.length - 1; i >= 0; i--) if (absorbed.has(changes[i] as Change)) changes.splice(i, 1);
}

/**
 * The direct-push changes just before a rebase merge's landing commit that are the PR's other commits:
 * GitHub names only the last rebased commit; the ones before it keep the PR commits' author dates.
 */
function rebasedCommits(changes: Change[], index: number, pull: GitHubPull): Change[] {
  const authored = new Set(pull.commits.map((c) => c.authoredAt));
  const found: Change[] = [];
  for (let i = index - 1; i >= 0 && found.length < pull.commits.length - 1; i--) {
    const earlier = changes[i] as Change;
    if (earlier.kind !== 'direct' || earlier.firstCommitAt === null || !authored.has(earlier.firstCommitAt)) break;
    found.push(earlier);
  }
  return found;
}

function absorb(change: Change, earlier: Change, absorbed: Set<Change>): void {
  absorbed.add(earlier);
  change.commitShas.push(...earlier.commitShas);
  if (change.size !== null && earlier.size !== null) {
    change.size = { additions: change.size.additions + earlier.size.additions, deletions: change.size.deletions + earlier.size.deletions, files: change.size.files + earlier.size.files };
  }
}
