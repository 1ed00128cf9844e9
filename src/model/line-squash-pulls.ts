import type { Commit } from '../domain.js';
import { copyKey } from '../sources/git/deploy-contents.js';
import { addReference, changeReferences } from './copies.js';
import { trailingNumber } from '../title-number.js';

/** What a release line's squash says it copies, with what its pull request's own commits say. */
export interface SquashNames {
  /** shas named by `(cherry picked from commit X)` lines */
  cherryPickOf: string[];
  /** the changes named by reference (`changeReferences`): a backport phrase's number, a title with its `(#N)` */
  references: Array<{ number: number; title: string | null }>;
  /** the copy keys of the pull request's own commits (author email, author date, subject): a copy that says nothing */
  keys: string[];
}

/** Where a release line's squash's pull request is read from: the history read and the graph of what it reaches. */
export interface SquashPullReads {
  /** the head of `refs/pull/N/head`, when the history read its commits */
  pullHead: (number: number) => string | undefined;
  commitOf: (sha: string) => Commit | undefined;
  /** the commit is one the release tags, the active lines or the tracked branch reach */
  inGraph: (sha: string) => boolean;
  /** the commit is a release line's own: behind a release tag, off the tracked branch's first-parent line */
  onLine: (sha: string) => boolean;
  /** how many of the lines' squashed pull requests' refs reach each commit off the graph (`squashPullsReach`); absent: not counted */
  reachedBy?: ReadonlyMap<string, number>;
}

/**
 * The head of the pull request a release line's commit squash-merged (its `(#M)`, or `number` where its tree said
 * which: see readLineSquashes), when the clone read it off the graph; else undefined.
 */
export function squashPullHead(commit: Pick<Commit, 'subject'>, reads: Pick<SquashPullReads, 'pullHead' | 'inGraph'>, number = trailingNumber(commit.subject)): string | undefined {
  const head = number === null ? undefined : reads.pullHead(number);
  return head === undefined || reads.inGraph(head) ? undefined : head;
}

/**
 * How many of `heads` reach each commit off the graph. Of the commits a pull request's head reaches, those another
 * one reaches too without reaching its head are no work of its own: a line the branch was based on that was
 * rewritten since. nuxt's Renovate pull requests into `4.x` of May 2026 were based on a `4.x` later rebuilt, and eight
 * of their refs hold its 46 old commits, copies of main's changes: read as each one's, they shipped 11 of main's
 * changes in v4.4.7, where `git tag --contains` on the line's own copies gives v4.5.0.
 */
export function squashPullsReach(heads: Iterable<string>, reads: Pick<SquashPullReads, 'commitOf' | 'inGraph'>): Map<string, number> {
  const count = new Map<string, number>();
  for (const head of new Set(heads)) {
    const seen = new Set<string>();
    const stack = [head];
    while (stack.length > 0) {
      const sha = stack.pop() as string;
      if (seen.has(sha) || reads.inGraph(sha)) continue;
      seen.add(sha);
      const commit = reads.commitOf(sha);
      if (commit === undefined) continue;
      count.set(sha, (count.get(sha) ?? 0) + 1);
      for (const parent of commit.parents) stack.push(parent);
    }
  }
  return count;
}

/**
 * What a release line's commit names, with what the commits of the pull request it squash-merged name (SPEC
 * section 3): the `(#M)` its subject ends in, when the clone has refs/pull/M/head and that pull request was based
 * on the line — a release line's own commit, or the squash's own parent (a line's first backport, based where the
 * line left the tracked branch: loki's `… (backport k277) (#19547)`). A backport bot's squash names nothing of
 * main's change: loki's `fix(queryrange): Preserve sketch in MergeLabels [release-3.6.x] (#23771)`, whose one
 * commit on refs/pull/23771/head says `(cherry picked from commit 9680cb3…)`, main's #23326 (v3.6.15 read as
 * shipping nothing). A pull request's own commits are those its head reaches before the commits the lines, tags
 * and tracked branch reach (a merge or a rebase onto the line has them there already, named by their own
 * messages), less those a later one of them reverts. A `(#M)` based on the tracked branch elsewhere is main's
 * own pull request, its squash cherry-picked onto the line with its number: its commits are main's work, not the
 * backport's. `number` is the pull request its tree says it squashed, where its subject names none. Pure.
 */
export function withSquashPull(commit: Pick<Commit, 'subject' | 'parents'>, own: SquashNames, reads: SquashPullReads, number = trailingNumber(commit.subject)): SquashNames {
  const head = squashPullHead(commit, reads, number);
  if (head === undefined) return own;
  const commits = pullOwnCommits(head, commit.parents[0], reads);
  if (commits === null) return own;
  const cherryPickOf = [...own.cherryPickOf];
  const references = [...own.references];
  const keys = [...own.keys];
  // a commit the pull request reverts itself is not in its squash: trop cherry-picked main's #51570, #51558 and
  // #51584 onto electron's #51606 for 43-x-y, and they were reverted there before it merged
  const reverted = commits.flatMap((c) => c.revertsShas);
  for (const pulled of commits) {
    if (reverted.some((sha) => pulled.sha.startsWith(sha))) continue;
    for (const sha of pulled.cherryPickOf) if (!cherryPickOf.includes(sha)) cherryPickOf.push(sha);
    for (const ref of changeReferences(pulled)) addReference(references, ref);
    const key = copyKey(pulled.authorEmail, pulled.authoredAt, pulled.subject);
    if (!keys.includes(key)) keys.push(key);
  }
  return { cherryPickOf, references, keys };
}

/**
 * The commits `head` reaches before the graph, or null when the graph's commits it reaches are neither a release
 * line's own nor `base`, the squash's parent (a pull request based on the tracked branch). A commit another of the
 * lines' pull refs reaches without reaching `head` is a base line's (`squashPullsReach`): the walk stops there, and
 * what the pull request was based on is not known.
 */
function pullOwnCommits(head: string, base: string | undefined, reads: SquashPullReads): Commit[] | null {
  const own: Commit[] = [];
  const seen = new Set<string>();
  const stack = [head];
  let based = false;
  const reached = reads.reachedBy;
  const heads = reached?.get(head) ?? 0;
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (seen.has(sha)) continue;
    seen.add(sha);
    if (reached !== undefined && (reached.get(sha) ?? 0) > heads) continue;
    if (reads.inGraph(sha)) {
      based ||= sha === base || reads.onLine(sha);
      continue;
    }
    const commit = reads.commitOf(sha);
    if (commit === undefined) continue;
    own.push(commit);
    for (const parent of commit.parents) stack.push(parent);
  }
  return based ? own : null;
}
