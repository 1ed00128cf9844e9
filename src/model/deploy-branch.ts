import type { LineCommit } from '../sources/git/deploy-branch.js';
import type { DeployRef } from './github-deploys.js';

/** What the tracked branch holds: its first-parent line, and its whole history. */
export interface TrackedBranch {
  line: ReadonlySet<string>;
  history: ReadonlySet<string>;
}

export type BranchDeploys = { kind: 'deploys'; refs: DeployRef[] } | { kind: 'fast-forward' };

/**
 * The deploys a deploy branch records (issue 29): each commit of its first-parent line that merges in a
 * commit of the tracked branch (GitFlow's `Merge branch 'develop'` into main, main into production) is a deploy
 * of that merge at its committer date. A branch whose tip is a tracked-branch commit and whose line holds no
 * such merge only fast-forwards: git keeps no time of its own for a fast-forward, so it says so rather than guess.
 * `line` newest first; the deploys returned oldest first. Pure.
 */
export function branchDeploys(name: string, line: readonly LineCommit[], tracked: TrackedBranch): BranchDeploys {
  const refs: DeployRef[] = [];
  for (const commit of line) {
    // a commit of the tracked branch's own line is no deploy (the line reached it, or fast-forwarded to it); a
    // deploy merge the tracked branch later merged back is (GitFlow merges main back into develop). The first
    // parent is the deploy branch's own past, a later one what the merge brought
    if (tracked.line.has(commit.sha)) continue;
    if (commit.parents.slice(1).some((p) => tracked.history.has(p))) refs.push({ name: `${name}@${commit.sha.slice(0, 7)}`, sha: commit.sha, at: commit.at, target: '' });
  }
  const tip = line[0];
  if (refs.length === 0 && tip !== undefined && tracked.history.has(tip.sha)) return { kind: 'fast-forward' };
  return { kind: 'deploys', refs: refs.reverse() };
}
