import { committedByGitHub, squashesByTree } from '../model/tree-squashes.js';
import type { PullHeads } from '../sources/git/history.js';
import { readCommitTrees, readLineTrees, readPullTrees, type LineTree } from '../sources/git/trees.js';

/** What git says of the trees: the line's commits GitHub committed, and the pull requests whose head has one of their trees. */
export interface LineTrees {
  commits: LineTree[];
  pullsByTree: Map<string, number[]>;
}

/**
 * Reads, beside the history (src/model/tree-squashes.ts), the trees of the tracked line's commits that GitHub committed
 * and the pull refs' heads that have one of them: two git calls streamed through, keeping only those, none when
 * the clone has no pull ref committed since `since` (older ones hold no change of the history read) or the line no
 * commit of GitHub's. A failure reads none.
 */
export async function readLineTreesBeside(cwd: string, tip: string, exclude: readonly string[], refs: Promise<PullHeads>, since: number): Promise<LineTrees | null> {
  if (![...(await refs).values()].some((head) => head.at >= since)) return null;
  const commits = await readLineTrees(cwd, tip, exclude, committedByGitHub);
  if (commits.length === 0) return null;
  return { commits, pullsByTree: await readPullTrees(cwd, new Set(commits.map((c) => c.tree))) };
}

/**
 * The line's commits that squash a pull request without naming it, by sha: see squashesByTree. A head on the branch
 * (`onBranch`: the pull request pushed as it was) or committed before `since` is none to read.
 */
export function treeSquashes(read: LineTrees | null, refs: PullHeads, since: number, onBranch: (sha: string) => boolean): ReadonlyMap<string, number> {
  if (read === null) return new Map();
  return squashesByTree(read.commits, read.pullsByTree, (number) => {
    const head = refs.get(number);
    return head === undefined || head.at < since || onBranch(head.sha) ? undefined : head.at;
  });
}

/**
 * The release lines' commits that squash a pull request without naming it, by sha, as treeSquashes reads the
 * tracked line's: what a sync merging a line back carries (traefik squashes its pull requests under their titles
 * alone, on master and on v3.7 alike, and merges v3.7 back: its 90 days read "9 syncs" carrying no pull request,
 * where git holds 171, 28 of them release pull requests). Read only where the tracked line has such squashes
 * (`read`), of `candidates` (the lines' commits that name none). A failure reads none.
 */
export async function readLineSquashes(cwd: string, read: LineTrees | null, candidates: readonly string[], heads: { refs: PullHeads; since: number; onBranch: (sha: string) => boolean }): Promise<ReadonlyMap<string, number>> {
  if (read === null || candidates.length === 0) return new Map();
  const commits = await readCommitTrees(cwd, candidates, committedByGitHub);
  if (commits.length === 0) return new Map();
  return treeSquashes({ commits, pullsByTree: await readPullTrees(cwd, new Set(commits.map((c) => c.tree))) }, heads.refs, heads.since, heads.onBranch);
}
