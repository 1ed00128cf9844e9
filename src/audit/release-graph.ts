import type { Commit } from '../domain.js';
import { backportedTitle, changeReferences } from '../model/copies.js';
import { squashPullHead, squashPullsReach, withSquashPull } from '../model/line-squash-pulls.js';
import { isReleaseLine, isReleaseTag } from '../model/release-lines.js';
import { quotedRevertTitle } from '../model/reverts.js';
import { commitGraph, parentsBeyond, releaseLineCommits } from '../model/reach.js';
import { copyKey, type CommitGraph, type ReleaseLineCommit } from '../sources/git/deploy-contents.js';
import { releaseTips, type RepoInfo } from '../sources/git/repo.js';

const DAY = 86400;
/** a pull ref or a release line last committed this long (seconds) before the history read holds no change in it */
export const LOOKBACK = 365 * DAY;

/** Where the release lines are read from, known from the refs before any history is read. */
export interface ReleaseTips {
  /** the release tags in the history's span, the active release lines and (when there is any) the branch's tip */
  readFrom: ReadonlySet<string>;
  /** release-line and release-tag tips, of any age */
  lineTips: string[];
  /** the release lines committed to since a year before the boundary */
  active: string[];
  /** those lines by branch name (a local and a remote branch of one name are one line, at the newer tip) */
  activeLines: Array<{ name: string; tip: string }>;
}

/**
 * The commit graph below the release tags, the active release lines and the tracked branch's tip, made from the
 * one history read that also reads the branch and the pull refs, for the three things that walk it: the release
 * lines' own commits (copies), the shape of the lines beyond the branch (the history's release commits) and, for
 * release tags, which deploy shipped each change.
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
 * What the history read adds for the release lines: the release tags in its span (`tagShas`), the release lines
 * committed to since a year before the boundary, and `branch.tip` with them.
 */
export function releaseTipsOf(repo: RepoInfo, branch: { name: string; tip: string }, tagShas: readonly string[], boundary: { at: number } | null): ReleaseTips {
  const tips = releaseTips(repo, branch.name, { isReleaseLine, isReleaseTag });
  const since = (boundary?.at ?? 0) - LOOKBACK;
  const active = [...tips].filter(([, at]) => at >= since).map(([sha]) => sha);
  const readFrom = new Set([...tagShas, ...active]);
  if (readFrom.size > 0) readFrom.add(branch.tip);
  return { readFrom, lineTips: [...tips.keys()], active, activeLines: activeLines(repo, branch.name, since) };
}

/** The release-line branches (local or remote) committed to since `since`, by name, each at its newest tip. */
function activeLines(repo: RepoInfo, trackedBranch: string, since: number): Array<{ name: string; tip: string }> {
  const newest = new Map<string, { tip: string; at: number }>();
  for (const ref of repo.refs) {
    const m = /^refs\/(?:heads|remotes\/[^/]+)\/(.+)$/.exec(ref.name);
    const name = m?.[1];
    if (name === undefined || ref.commit === '' || name === trackedBranch || name === 'HEAD' || !isReleaseLine(name) || !(ref.committedAt >= since)) continue;
    const known = newest.get(name);
    if (known === undefined || ref.committedAt > known.at) newest.set(name, { tip: ref.commit, at: ref.committedAt });
  }
  return [...newest].map(([name, { tip }]) => ({ name, tip })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The release graph from the commits read (`commitOf`: any commit the history read, whatever it was reached
 * from). A line's squash of a pull request whose commits were read (`pullHead`) names what they name too
 * (`withSquashPull`). Pure.
 */
export function releaseGraph(
  tips: ReleaseTips,
  branchTip: string,
  tagShas: readonly string[],
  commitOf: (sha: string) => Commit | undefined,
  pullHead: (number: number) => string | undefined = () => undefined,
): ReleaseGraph {
  const graph = commitGraph(tips.readFrom, (sha) => commitOf(sha)?.parents);
  const shas = releaseLineCommits(graph, branchTip, tagShas);
  const onLine = new Set(shas);
  const inGraph = (sha: string): boolean => graph.node.has(sha);
  const squashHeads = shas.flatMap((sha) => squashPullHead(commitOf(sha) as Commit, { pullHead, inGraph }) ?? []);
  const reachedBy = squashHeads.length === 0 ? undefined : squashPullsReach(squashHeads, { commitOf, inGraph });
  const reads = { pullHead, commitOf, inGraph, onLine: (sha: string) => onLine.has(sha), ...(reachedBy !== undefined && { reachedBy }) };
  const releaseLine = shas.map((sha) => {
    const commit = commitOf(sha) as Commit;
    const { cherryPickOf, references, keys } = withSquashPull(commit, { cherryPickOf: commit.cherryPickOf, references: changeReferences(commit), keys: [] }, reads);
    const line: ReleaseLineCommit = { sha: commit.sha, key: copyKey(commit.authorEmail, commit.authoredAt, commit.subject), cherryPickOf, references };
    if (keys.length > 0) line.pulledKeys = keys;
    const backported = backportedTitle(commit.subject);
    if (backported !== null) line.backportTitle = backported;
    if (commit.revertMessage) {
      const title = commit.revertsShas.length === 0 ? quotedRevertTitle(commit.subject) : null;
      if (commit.revertsShas.length > 0) line.reverts = { shas: commit.revertsShas, at: commit.committedAt };
      else if (title !== null) line.reverts = { shas: [], at: commit.committedAt, title };
    }
    return line;
  });
  return { graph, readFrom: tips.readFrom, lineTips: tips.lineTips, beyond: parentsBeyond(graph, branchTip, tips.active), releaseLine };
}

/**
 * The release graph with its lines' squashes that name no pull request read as the one their tree says (`numbers`,
 * see readLineSquashes): each names what that pull request's own commits name, as a squash its `(#M)` numbers does.
 * traefik's #13095 on v3.7, squashed by another person under the title alone, holds a cherry-pick of master's
 * #11786 (same author, date and subject): v3.7.0 shipped it, read as never released. The same graph when none is.
 */
export function withTreeSquashes(lines: ReleaseGraph, numbers: ReadonlyMap<string, number>, commitOf: (sha: string) => Commit | undefined, pullHead: (number: number) => string | undefined): ReleaseGraph {
  if (numbers.size === 0) return lines;
  const { graph } = lines;
  const onLine = new Set(lines.releaseLine.map((c) => c.sha));
  const inGraph = (sha: string): boolean => graph.node.has(sha);
  // a line's own commit is kept only in the graph: its parents are read there
  const parentsOf = (sha: string): string[] => {
    const n = graph.node.get(sha);
    const start = n === undefined ? -1 : (graph.parentStart[n] as number);
    if (n === undefined || start === -1) return commitOf(sha)?.parents ?? [];
    return graph.parents.slice(start, start + (graph.parentCount[n] as number)).map((p) => graph.sha[p] as string);
  };
  const squash = (sha: string): { subject: string; parents: string[] } => ({ subject: '', parents: parentsOf(sha) });
  // the heads a base line is told by: those these squashes name, and those of the numbered squashes still in memory
  // (the lines' own commits were let go after the read: theirs count only as far as these reach)
  const heads = [...lines.releaseLine.flatMap((c) => {
    const commit = commitOf(c.sha);
    return commit === undefined ? [] : (squashPullHead(commit, { pullHead, inGraph }) ?? []);
  }), ...[...numbers].flatMap(([sha, number]) => squashPullHead(squash(sha), { pullHead, inGraph }, number) ?? [])];
  const reads = { pullHead, commitOf, inGraph, onLine: (sha: string) => onLine.has(sha), reachedBy: squashPullsReach(heads, { commitOf, inGraph }) };
  const releaseLine = lines.releaseLine.map((line) => {
    const number = numbers.get(line.sha);
    if (number === undefined) return line;
    const { cherryPickOf, references, keys } = withSquashPull(squash(line.sha), { cherryPickOf: line.cherryPickOf, references: [...line.references], keys: line.pulledKeys ?? [] }, reads, number);
    return keys.length === 0 ? { ...line, cherryPickOf, references } : { ...line, cherryPickOf, references, pulledKeys: keys };
  });
  return { ...lines, releaseLine };
}
