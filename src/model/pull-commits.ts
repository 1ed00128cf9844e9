import type { Commit } from '../domain.js';
import { githubPullMerge } from './message.js';

/** A pull request's commits read from `refs/pull/N/head` and not on the tracked branch, merges of it left out. */
export interface PullCommits {
  /**
   * its commits that are on no release line and behind no release tag, or every one when all are: what the
   * change can own, and what a copy or a revert may name (see `pullRefCommits`)
   */
  commits: Commit[];
  /** commits on the tracked branch where the pull request's history left it */
  forkPoints: string[];
  /** its release commits were left out of `commits` */
  releaseLeftOut: boolean;
  /** every commit of it, release ones included, in the order of `commits`: walked again, as seldom needed */
  withRelease(): Commit[];
  /**
   * its branch, as a merge of the tracked branch into it names it (`Merge branch 'main' into codex/fix-parser`, what
   * GitHub's "Update branch" writes): a squash's subject names none; absent when no such merge does
   */
  branch?: string;
}

// a merge into the pull request's branch, as git and GitHub's "Update branch" write it: `Merge branch 'main' into
// codex/fix-parser`, `Merge remote-tracking branch 'upstream/main' into codex/python315-upstream-main`
const MERGED_INTO = /^Merge (?:remote-tracking )?branch '[^']+' into (\S+)$/;

/**
 * Splits commits read from `refs/pull/N/head` (and not on the tracked branch) by pull request: each PR's
 * commits are those reachable from its head among them. Merges of the tracked branch into the PR (a parent
 * on it, so not among the commits read) are not its work and do not move its fork point. A pull request
 * based on a release line reaches that line's history down to where it left the tracked branch: thousands
 * of release commits in each such pull request of a large repository (2.1 million in rails'), which no
 * figure reads unless they are all it has, so they are not held. Pure.
 */
export function splitPullCommits(
  heads: Map<number, string>,
  commits: Map<string, Commit>,
  isRelease: (sha: string) => boolean,
  landsOnBranch: (number: number) => boolean,
): Map<number, PullCommits> {
  const result = new Map<number, PullCommits>();
  for (const [number, head] of heads) {
    const { own, forkPoints, branch } = walkPull(head, commits, { number, heads, isRelease, landsOnBranch });
    if (own.length === 0) continue;
    const kept = own.filter((c) => !isRelease(c.sha));
    const releaseLeftOut = kept.length > 0 && kept.length < own.length;
    // at their final length: grown by push, a list held a third more room than commits
    result.set(number, {
      commits: (releaseLeftOut ? kept : own).slice(),
      forkPoints: forkPoints.slice(),
      releaseLeftOut,
      withRelease: () => walkPull(head, commits, { number, heads, isRelease, landsOnBranch }).own,
      ...(branch !== null && { branch }),
    });
  }
  return result;
}

/**
 * The commits a pull request's head reaches among `commits`, and where its first-parent line leaves them. A
 * mainline's history in it is not its work: a merge landing another of the repository's pull requests (its second
 * parent that pull request's head) whose first parent lands one too, neither of them a release line's, and each a
 * pull request the tracked branch lands (`landsOnBranch`), is a base the branch started from that the tracked branch
 * no longer holds. Pull requests merged into an integration branch, which the tracked branch never landed, are the
 * branch's work: mermaid's #7501 squashed `feature/neo-look-base`, which had taken in #7376, #7350, #7413 and seven
 * more since January, and read as begun on March 18. rust-analyzer rebuilt master on 2025-11-15;
 * #21041, never merged, was based on the old one, and the rebuilt master's copies of 16 of its commits (12 pull
 * requests' merges among them) were read as #21041 landed by a rebase. A branch's own merges of pull requests made
 * into it name a fork's numbers (cli's #8698 took in `Merge pull request #1 from phillmv/…` and `#2` in a row),
 * whose heads are not the repository's; a release line's history is what a pull request merging it back brings
 * (prometheus' `Merge 3.1 into main`), and the release commits are told apart already.
 */
function walkPull(
  head: string,
  commits: Map<string, Commit>,
  pull: { number: number; heads: ReadonlyMap<number, string>; isRelease: (sha: string) => boolean; landsOnBranch: (number: number) => boolean },
): { own: Commit[]; forkPoints: string[]; branch: string | null } {
  const { number, heads, isRelease, landsOnBranch } = pull;
  const own: Commit[] = [];
  let branch: string | null = null;
  const seen = new Set<string>();
  const shas = [head];
  const landsAnother = (commit: Commit | undefined): boolean => {
    if (commit === undefined || commit.parents.length < 2 || isRelease(commit.sha)) return false;
    const other = githubPullMerge(commit.subject)?.number ?? number;
    return other !== number && heads.get(other) === commit.parents[1] && landsOnBranch(other);
  };
  while (shas.length > 0) {
    const sha = shas.pop() as string;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const commit = commits.get(sha);
    if (!commit) continue;
    if (landsAnother(commit) && landsAnother(commits.get(commit.parents[0] as string))) continue;
    // a merge with a parent off the pull ref's commits brings the tracked branch in: not the PR's work, but it names
    // the branch it was merged into, the pull request's
    if (commit.parents.length < 2 || commit.parents.every((parent) => commits.has(parent))) own.push(commit);
    else if (branch === null) branch = MERGED_INTO.exec(commit.subject)?.[1] ?? null;
    for (const parent of commit.parents) shas.push(parent);
  }
  return { own, forkPoints: forkPoint(head, commits), branch };
}

/**
 * Where the pull request's own first-parent line leaves `commits`: its fork point. A branch merged into it forked
 * where it did, not where this work began: bevy's #24148 merged its author's other branches, and #24077 a `main`
 * that a force-push rewrote (its commits off the tracked branch since), and each read that branch's newer fork
 * point as its own, flagged `rebased` though its first commit followed its fork from main.
 */
function forkPoint(head: string, commits: Map<string, Commit>): string[] {
  let sha: string | undefined = head;
  for (let commit = commits.get(sha); commit !== undefined; commit = commits.get(sha)) {
    sha = commit.parents[0];
    if (sha === undefined) return [];
  }
  return [sha];
}
