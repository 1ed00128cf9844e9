import type { Commit } from '../domain.js';

export interface PullWalk {
  commits: Commit[];
  /** commits on the tracked branch where the pull request's history left it */
  forkPoints: string[];
}

/**
 * Splits commits read from `refs/pull/N/head` (and not on the tracked branch) by pull request: each PR's
 * commits are those reachable from its head among them. Merges of the tracked branch into the PR (a parent
 * on it, so not among the commits read) are not its work and do not move its fork point. Pure.
 */
export function splitPullCommits(heads: Map<number, string>, commits: Map<string, Commit>): Map<number, PullWalk> {
  const result = new Map<number, PullWalk>();
  for (const [number, head] of heads) {
    const own: Commit[] = [];
    const forkPoints: string[] = [];
    const seen = new Set<string>();
    const stack: Array<[string, boolean]> = [[head, true]];
    while (stack.length > 0) {
      const [sha, viaFirstParent] = stack.pop() as [string, boolean];
      if (seen.has(sha)) continue;
      seen.add(sha);
      const commit = commits.get(sha);
      if (!commit) {
        if (viaFirstParent) forkPoints.push(sha);
        continue;
      }
      // a merge with a parent off the pull ref's commits brings the tracked branch in: not the PR's work
      if (commit.parents.length < 2 || commit.parents.every((parent) => commits.has(parent))) own.push(commit);
      commit.parents.forEach((parent, i) => stack.push([parent, i === 0]));
    }
    // at their final length: grown by push, a pull request based on a release line (thousands of its commits)
    // held a third more room than commits, in every such pull request of a large repository
    if (own.length > 0) result.set(number, { commits: own.slice(), forkPoints: forkPoints.slice() });
  }
  return result;
}
