import type { Change, ChangeKind, Commit, Size } from '../domain.js';
import type { Tester } from '../patterns.js';
import { isBot } from './bots.js';
import { numberFromUrl, parseLanding } from './message.js';
import { emptyStages } from './stages.js';

/** A pull request's own commits read from `refs/pull/N/head` (squash and rebase merges leave them out). */
export interface PullCommits {
  commits: Commit[];
  forkPoints: string[];
}

export interface BuildChangesInput {
  /** first-parent commits of the tracked branch, oldest first */
  firstParent: Commit[];
  /** every commit read, by sha (side commits included) */
  commits: Map<string, Commit>;
  trackedBranch: string;
  sizes: Map<string, Size>;
  pulls: Map<number, PullCommits>;
  botPattern: Tester | null;
  /** web URL of the repository (`https://github.com/o/n`), for change links */
  webUrl: string | null;
}

interface SideWalk {
  own: Commit[];
  /** commits where the branch left the tracked line, reached through first-parent edges */
  forkPoints: string[];
}

/**
 * Groups the branch's history into changes (SPEC section 1). Pure: the caller has read the commits.
 * Side commits belong to the oldest merge that brings them in, which is how `P1..P2` splits history when
 * merges are visited oldest first and each walk stops at what earlier ones claimed.
 */
export function buildChanges(input: BuildChangesInput): Change[] {
  const claimed = new Set(input.firstParent.map((c) => c.sha));
  const changes: Change[] = [];
  const trailerGroups = new Map<string, Change>();
  for (const commit of input.firstParent) {
    if (commit.parents.length >= 2) {
      const walk = walkSide(commit, input.commits, claimed);
      changes.push(mergeChange(commit, walk, input));
      continue;
    }
    if (commit.landingUrl !== null) {
      const group = trailerGroups.get(commit.landingUrl);
      if (group) {
        extendTrailerChange(group, commit, input);
        continue;
      }
      const change = singleChange(commit, 'trailer', input);
      change.number = numberFromUrl(commit.landingUrl);
      change.id = change.number !== null ? `#${change.number}` : change.id;
      change.url = safeUrl(commit.landingUrl);
      trailerGroups.set(commit.landingUrl, change);
      changes.push(change);
      continue;
    }
    const landing = parseLanding(commit.subject, commit.bodyFirstLine, false, input.trackedBranch);
    if (landing.number !== null) {
      changes.push(squashChange(commit, landing.number, input));
      continue;
    }
    changes.push(singleChange(commit, 'direct', input));
  }
  // the work's author (a merge commit's author is whoever merged) decides whether a bot made it
  for (const change of changes) change.bot = isBot(change.author, change.authorEmail, input.botPattern);
  // trailer groups land over several commits: order by when the last one landed
  return changes.sort((a, b) => a.mergedAt - b.mergedAt || a.sha.localeCompare(b.sha));
}

function walkSide(merge: Commit, commits: Map<string, Commit>, claimed: Set<string>): SideWalk {
  const own: Commit[] = [];
  const forkPoints: string[] = [];
  // [sha, reached through a first-parent edge of the side branch]
  const stack: Array<[string, boolean]> = merge.parents.slice(1).map((p) => [p, true]);
  while (stack.length > 0) {
    const [sha, viaFirstParent] = stack.pop() as [string, boolean];
    const commit = commits.get(sha);
    if (claimed.has(sha) || commit === undefined) {
      // a sync merge's second parent reaches the tracked branch too, but that is not where the work forked
      if (viaFirstParent) forkPoints.push(sha);
      continue;
    }
    claimed.add(sha);
    // a merge on the side branch (e.g. "Merge branch 'main' into feature") is not authored work
    if (commit.parents.length < 2) own.push(commit);
    commit.parents.forEach((parent, i) => stack.push([parent, i === 0]));
  }
  return { own, forkPoints };
}

function mergeChange(commit: Commit, walk: SideWalk, input: BuildChangesInput): Change {
  const landing = parseLanding(commit.subject, commit.bodyFirstLine, true, input.trackedBranch);
  const kind: ChangeKind = landing.sync ? 'sync' : 'merge';
  const change = baseChange(commit, kind, landing.number, landing.title, input);
  change.branch = landing.branch;
  const own = walk.own;
  const pull = landing.number !== null ? input.pulls.get(landing.number) : undefined;
  if (own.length === 0 && pull) applyOwnCommits(change, pull.commits, pull.forkPoints);
  else applyOwnCommits(change, own, walk.forkPoints);
  change.aiEvidence = unique([...change.aiEvidence, ...commit.aiEvidence]);
  return change;
}

function squashChange(commit: Commit, number: number, input: BuildChangesInput): Change {
  const title = commit.subject.replace(/\s*\(#\d+\)\s*$/, '');
  const change = baseChange(commit, 'squash', number, title, input);
  const pull = input.pulls.get(number);
  if (pull && pull.commits.length > 0) {
    applyOwnCommits(change, pull.commits, pull.forkPoints);
    change.commitShas.push(commit.sha);
  } else {
    // the PR's own commits are not in this clone: its first commit cannot be known from git
    change.commitShas = [commit.sha];
    change.commits = null;
    change.flags.push('commits-unseen');
  }
  change.aiEvidence = unique([...change.aiEvidence, ...commit.aiEvidence]);
  return change;
}

function singleChange(commit: Commit, kind: ChangeKind, input: BuildChangesInput): Change {
  const change = baseChange(commit, kind, null, commit.subject, input);
  applyOwnCommits(change, [commit], []);
  return change;
}

function extendTrailerChange(change: Change, commit: Commit, input: BuildChangesInput): void {
  change.commitShas.push(commit.sha);
  change.commits = (change.commits ?? 0) + 1;
  change.firstCommitAt = Math.min(change.firstCommitAt ?? commit.authoredAt, commit.authoredAt);
  change.lastCommitAt = Math.max(change.lastCommitAt ?? commit.authoredAt, commit.authoredAt);
  change.aiEvidence = unique([...change.aiEvidence, ...commit.aiEvidence]);
  if (commit.committedAt >= change.mergedAt) {
    change.mergedAt = commit.committedAt;
    change.sha = commit.sha;
  }
  const size = input.sizes.get(commit.sha);
  if (change.size !== null && size !== undefined) {
    change.size = { additions: change.size.additions + size.additions, deletions: change.size.deletions + size.deletions, files: change.size.files + size.files };
  } else change.size = null;
}

function baseChange(commit: Commit, kind: ChangeKind, number: number | null, title: string, input: BuildChangesInput): Change {
  return {
    id: number !== null ? `#${number}` : commit.sha.slice(0, 10),
    number,
    title,
    author: commit.authorName,
    authorEmail: commit.authorEmail,
    url: number !== null && input.webUrl !== null ? `${input.webUrl}/pull/${number}` : null,
    branch: null,
    kind,
    sha: commit.sha,
    commitShas: [],
    commits: 0,
    size: input.sizes.get(commit.sha) ?? null,
    bot: false,
    firstCommitAt: null,
    lastCommitAt: null,
    readyAt: null,
    firstReviewAt: null,
    approvedAt: null,
    mergedAt: commit.committedAt,
    deployedAt: null,
    forkPoints: [],
    forkPointAt: null,
    flags: [],
    aiEvidence: [],
    revertedBy: null,
    isRevert: false,
    stages: emptyStages(),
    cycleTime: null,
    leadTime: null,
    review: null,
  };
}

function applyOwnCommits(change: Change, own: Commit[], forkPoints: string[]): void {
  change.commitShas = own.map((c) => c.sha);
  change.commits = own.length;
  change.forkPoints = forkPoints;
  if (own.length === 0) return;
  // a loop, not Math.min(...): a huge merge can bring more commits than a call takes arguments
  let first = Infinity;
  let last = -Infinity;
  for (const c of own) {
    if (c.authoredAt < first) first = c.authoredAt;
    if (c.authoredAt > last) last = c.authoredAt;
  }
  change.firstCommitAt = first;
  change.lastCommitAt = last;
  change.aiEvidence = unique(own.flatMap((c) => c.aiEvidence));
  // a merge's author is who merged it; the work is the side commits' author's
  const firstAuthor = own.reduce((a, b) => (b.authoredAt < a.authoredAt ? b : a));
  if (change.kind === 'merge' || change.kind === 'squash') {
    change.author = firstAuthor.authorName;
    change.authorEmail = firstAuthor.authorEmail;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Only http(s) URLs are kept: a `javascript:` trailer must never become a link. */
function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}

/**
 * Sets each change's fork-point date: the newest commit date among its fork points (the merge base's).
 * `dateOf` knows the commits read and those looked up after; a change with no known fork point keeps null.
 */
export function resolveForkPoints(changes: Change[], dateOf: (sha: string) => number | undefined): void {
  for (const change of changes) {
    const dates = change.forkPoints.map(dateOf).filter((d): d is number => d !== undefined);
    change.forkPointAt = dates.length > 0 ? Math.max(...dates) : null;
  }
}
