import type { Commit } from '../domain.js';
import { backportedTitle, lineReferences } from '../model/copies.js';
import { squashPullHead, squashPullsReach, withSquashPull } from '../model/line-squash-pulls.js';
import { isReleaseLine, isReleaseTag } from '../model/release-lines.js';
import { quotedRevertNumber, quotedRevertTitle } from '../model/reverts.js';
import { landedNumbers } from '../model/message.js';
import { commitGraph, parentsBeyond, reachesWithin, releaseLineCommits } from '../model/reach.js';
import { firstParentLine } from '../model/tracked-line.js';
import { trailingNumber } from '../title-number.js';
import { copyKey, type CommitGraph, type ReleaseLineCommit } from '../sources/git/deploy-contents.js';
import { readTrees } from '../sources/git/trees.js';
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
  /**
   * those a pre-release's line carries besides (the one the pre-release note names, `noteTips`): what it holds of the
   * changes still waiting by their copies, and nothing else reads them
   */
  prereleaseLine: ReleaseLineCommit[];
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
 * (`withSquashPull`). `noteTips`: the pre-release the note names, whose line's own commits are kept apart. Pure.
 */
export function releaseGraph(
  tips: ReleaseTips,
  branchTip: string,
  tagShas: readonly string[],
  commitOf: (sha: string) => Commit | undefined,
  pullHead: (number: number) => string | undefined = () => undefined,
  noteTips: readonly string[] = [],
): ReleaseGraph {
  const graph = commitGraph(tips.readFrom, (sha) => commitOf(sha)?.parents);
  const shas = releaseLineCommits(graph, branchTip, tagShas);
  const onLine = new Set(shas);
  const inGraph = (sha: string): boolean => graph.node.has(sha);
  const squashHeads = shas.flatMap((sha) => squashPullHead(commitOf(sha) as Commit, { pullHead, inGraph }) ?? []);
  const reachedBy = squashHeads.length === 0 ? undefined : squashPullsReach(squashHeads, { commitOf, inGraph });
  const reads = { pullHead, commitOf, inGraph, onLine: (sha: string) => onLine.has(sha), ...(reachedBy !== undefined && { reachedBy }) };
  const lineCommit = (sha: string): ReleaseLineCommit => {
    const commit = commitOf(sha) as Commit;
    const { cherryPickOf, references, keys } = withSquashPull(commit, { cherryPickOf: commit.cherryPickOf, references: lineReferences(commit), keys: [] }, reads);
    const line: ReleaseLineCommit = { sha: commit.sha, key: copyKey(commit.authorEmail, commit.authoredAt, commit.subject), cherryPickOf, references };
    if (keys.length > 0) line.pulledKeys = keys;
    if (commit.changeId !== null) line.changeId = commit.changeId;
    const backported = backportedTitle(commit.subject);
    if (backported !== null) line.backportTitle = backported;
    if (commit.revertMessage) {
      // the title it quotes too: a named commit may be none of the changes' (axum's v0.8.x reverted its copy of #3603
      // naming another copy, one only an abandoned backport's pull ref holds)
      const title = quotedRevertTitle(commit.subject);
      const number = title === null ? null : quotedRevertNumber(commit.subject);
      if (commit.revertsShas.length > 0 || title !== null) {
        line.reverts = { shas: commit.revertsShas, at: commit.committedAt, ...(title !== null && { title }), ...(number !== null && { titleNumber: number }) };
      }
    }
    return line;
  };
  const releaseLine = shas.map(lineCommit);
  const prereleaseLine = noteTips.length === 0 ? [] : releaseLineCommits(graph, branchTip, noteTips).filter((sha) => !onLine.has(sha)).map(lineCommit);
  return { graph, readFrom: tips.readFrom, lineTips: tips.lineTips, beyond: parentsBeyond(graph, branchTip, tips.active), releaseLine, prereleaseLine };
}

/**
 * The release lines' squashes of a pull request that may have brought the tracked branch's own line in, each with its
 * pull request's head (`carriedHeads` keeps those whose tree is their head's). mermaid (develop tracked) cut
 * `release/11.14.0` from develop and squashed it into master as `Release candidate 11.14.0 (#7526)`, tagged
 * mermaid@11.14.0: `git tag --contains` finds none of develop's 33 changes it shipped, read as never released. A
 * line's commit is one when it has one parent, its `(#M)`'s head is read off the graph (a merged head is on no line)
 * and reaches, before the graph, a commit of the tracked branch's first-parent line that the squash's parent does not
 * hold, and the tracked branch landed no pull request #M (a line's copy of main's squash keeps main's number: its pull
 * request was based on main, and brought nothing). Pure.
 */
export function branchPullSquashes(
  lines: ReleaseGraph,
  branch: { name: string; tip: string },
  commitOf: (sha: string) => Commit | undefined,
  pullHead: (number: number) => string | undefined,
): Map<string, string> {
  const { graph } = lines;
  const inGraph = (sha: string): boolean => graph.node.has(sha);
  const candidates = lines.releaseLine.flatMap(({ sha }) => {
    const commit = commitOf(sha);
    const head = commit === undefined || commit.parents.length !== 1 ? undefined : squashPullHead(commit, { pullHead, inGraph });
    return head === undefined ? [] : [{ commit: commit as Commit, head }];
  });
  if (candidates.length === 0) return new Map();
  // the tracked branch's first-parent line, walked once and only when some line squash has a pull ref off the graph
  const line = firstParentLine(branch.tip, commitOf);
  const onBranchLine = new Set(line.map((c) => c.sha));
  const landed = new Set(landedNumbers(line, branch.name));
  const carried = new Map<string, string>();
  for (const { commit, head } of candidates) {
    if (landed.has(trailingNumber(commit.subject) as number)) continue;
    const parent = commit.parents[0] as string;
    const brought = basesOf(head, commitOf, inGraph).filter((sha) => onBranchLine.has(sha));
    if (brought.some((sha) => reachesWithin(graph, parent, sha) === false)) carried.set(commit.sha, head);
  }
  return carried;
}

/**
 * The release graph where each squash of `carried` (`branchPullSquashes`) whose tree is its pull request head's holds
 * what that head holds, as a merge of it would: what the squash's release shipped. tokio's `rt: do not track
 * time-based metrics on wasm32-unknown-unknown (#7322)` onto tokio-1.45.x, from a branch based on master, carried
 * master's #7290 and #7311 into tokio-1.45.1 (its diff holds both), read as shipped by tokio-1.46.0 six weeks later.
 * A tree that differs says the squash took less than the head held (a squash made by hand): the graph as it was.
 */
export async function carriedHeads(cwd: string, lines: ReleaseGraph, carried: ReadonlyMap<string, string>, commitOf: (sha: string) => Commit | undefined): Promise<ReleaseGraph> {
  if (carried.size === 0) return lines;
  const trees = await readTrees(cwd, [...carried].flat());
  const held = new Map([...carried].filter(([squash, head]) => trees.get(squash) !== undefined && trees.get(squash) === trees.get(head)));
  if (held.size === 0) return lines;
  const graph = commitGraph(lines.readFrom, (sha) => {
    const parents = commitOf(sha)?.parents;
    const head = held.get(sha);
    return head === undefined || parents === undefined ? parents : [...parents, head];
  });
  return { ...lines, graph };
}

/** The commits of the graph that `head` reaches first, walking the commits read off it. */
function basesOf(head: string, commitOf: (sha: string) => Commit | undefined, inGraph: (sha: string) => boolean): string[] {
  const bases: string[] = [];
  const seen = new Set<string>();
  const stack = [head];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (seen.has(sha)) continue;
    seen.add(sha);
    if (inGraph(sha)) {
      bases.push(sha);
      continue;
    }
    for (const parent of commitOf(sha)?.parents ?? []) stack.push(parent);
  }
  return bases;
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
