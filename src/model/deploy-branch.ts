import type { LineCommit } from '../sources/git/deploy-branch.js';
import type { DeployRef } from './github-deploys.js';

export type BranchDeploys = { kind: 'deploys'; refs: DeployRef[] } | { kind: 'fast-forward' };

/**
 * The deploys a deploy branch records (issue 29): each commit of its first-parent line that merges in a
 * commit of the tracked branch (GitFlow's `Merge branch 'develop'` into main, main into production) is a deploy
 * of that merge at its committer date. A branch whose tip is a tracked-branch commit and whose line holds no
 * such merge only fast-forwards: git keeps no time of its own for a fast-forward, so it says so rather than guess.
 * `line` newest first; the deploys returned oldest first. Pure.
 */
export function branchDeploys(name: string, line: readonly LineCommit[], tracked: ReadonlySet<string>): BranchDeploys {
  const refs: DeployRef[] = [];
  for (const commit of line) {
    // a tracked-branch commit on the line is the tracked branch's own (the line reached it, or fast-forwarded
    // to it); else the first parent is the deploy branch's own past, and a later one what the merge brought
    if (tracked.has(commit.sha)) continue;
    if (commit.parents.slice(1).some((p) => tracked.has(p))) refs.push({ name: `${name}@${commit.sha.slice(0, 7)}`, sha: commit.sha, at: commit.at, target: '' });
  }
  const tip = line[0];
  if (refs.length === 0 && tip !== undefined && tracked.has(tip.sha)) return { kind: 'fast-forward' };
  return { kind: 'deploys', refs: refs.reverse() };
}
