import type { Change } from '../domain.js';
import type { GitHubPull } from '../sources/github/types.js';
import { findAiMarkers } from './ai-markers.js';
import { pullEvents, type PullRework } from './pull-events.js';

export interface ApplyPullsOptions {
  requiredApprovals: number;
  isBot: (login: string) => boolean;
  /** PR labels that mark a change AI-assisted */
  aiLabels: readonly string[];
  aiMarkers: readonly RegExp[];
}

/** What GitHub adds to a change beyond its events: kept beside the model for the review and CI figures. */
export interface PullFacts {
  pull: GitHubPull;
  rework: PullRework;
}

const AI_AUTHORS = /^(copilot|copilot-swe-agent|devin-ai-integration|cursor|codex|claude|gemini-code-assist|openai-codex)(\[bot\])?$/i;

/**
 * Joins merged pull requests to the changes git found, by merge commit (SPEC sections 1–2): a change gets
 * its PR's number, title, author, ready/first-review/approval times, and its first commit from the PR's own
 * commits (squash and rebase merges leave those out of the branch). A PR-landed change that git saw as a
 * plain commit was a rebase (several commits) or a squash without `(#N)`. Pure; mutates the changes.
 * Returns the PR facts by landing sha.
 */
export function applyPulls(changes: Change[], pulls: readonly GitHubPull[], options: ApplyPullsOptions): Map<string, PullFacts> {
  const bySha = new Map(pulls.filter((p) => p.mergeCommitSha !== null).map((p) => [p.mergeCommitSha as string, p]));
  const facts = new Map<string, PullFacts>();
  for (const change of changes) {
    const pull = bySha.get(change.sha);
    if (!pull || change.kind === 'sync') continue;
    const events = pullEvents(pull, { requiredApprovals: options.requiredApprovals, isBot: options.isBot });
    if (change.kind === 'direct') change.kind = pull.commits.length > 1 ? 'rebase' : 'squash';
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
    facts.set(change.sha, { pull, rework: events.rework });
  }
  return facts;
}
