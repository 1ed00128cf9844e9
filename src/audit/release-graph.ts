import { isReleaseLine, isReleaseTag } from '../model/release-lines.js';
import { parentsBeyond, releaseLineCommits } from '../model/reach.js';
import { readCommitGraph, readReleaseLineCommits, type CommitGraph, type ReleaseLineCommit } from '../sources/git/deploy-contents.js';
import { releaseTips, type RepoInfo } from '../sources/git/repo.js';

const DAY = 86400;
/** a pull ref or a release line last committed this long (seconds) before the history read holds no change in it */
export const LOOKBACK = 365 * DAY;

/**
 * The commit graph below the release tags, the active release lines and the tracked branch's tip, read once
 * (one `rev-list --parents`, no message) for the three things that walk it: the release lines' own commits
 * (copies), the shape of the lines beyond the branch (the history's release commits) and, for release tags,
 * which deploy shipped each change. Reading it once rather than three times saves two walks of the whole
 * history on a repository with release lines (npm run bench).
 */
export interface ReleaseGraph {
  graph: CommitGraph;
  /** the commits the graph was read from: deploys among them are matched on it */
  readFrom: ReadonlySet<string>;
  /** release-line and release-tag tips, of any age */
  lineTips: string[];
  /** parents of the commits of release lines active since the lookback, where they are not on the tracked branch */
  beyond: Map<string, string[]>;
  /** the commits the release lines carry of their own, with their copy keys and cherry-pick lines */
  releaseLine: ReleaseLineCommit[];
}

/**
 * Reads the graph of everything reachable from the release tags in the history's span (`tagShas`), the release
 * lines committed to since a year before the boundary, and `branch.tip`, down to `boundary` (excluded; null: the
 * whole history), then the release lines' own commits by name: two git processes, whatever the number of tags.
 */
export async function readReleaseGraph(
  repo: RepoInfo,
  branch: { name: string; tip: string },
  tagShas: readonly string[],
  boundary: { sha: string; at: number } | null,
): Promise<ReleaseGraph> {
  const tips = releaseTips(repo, branch.name, { isReleaseLine, isReleaseTag });
  const since = (boundary?.at ?? 0) - LOOKBACK;
  const active = [...tips].filter(([, at]) => at >= since).map(([sha]) => sha);
  const readFrom = new Set([...tagShas, ...active]);
  if (readFrom.size > 0) readFrom.add(branch.tip);
  const graph = await readCommitGraph(repo.cwd, [...readFrom], boundary ? [boundary.sha] : []);
  const releaseLine = await readReleaseLineCommits(repo.cwd, releaseLineCommits(graph, branch.tip, tagShas));
  return { graph, readFrom, lineTips: [...tips.keys()], beyond: parentsBeyond(graph, branch.tip, active), releaseLine };
}
