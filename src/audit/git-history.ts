import type { Change, Commit, MessageFacts } from '../domain.js';
import { buildChanges, rangeKey, resolveForkPoints } from '../model/changes.js';
import { diffCopies, indexCopies, linesToCompare, titleCarries, withDiffCopies, type TitleCarry } from '../model/copies.js';
import { landedNumber, landedNumbers, parseLanding, parseMessage } from '../model/message.js';
import type { AiCatalogue } from '../model/ai/compile.js';
import type { CommitIdentity } from '../model/own-commits.js';
import { splitPullCommits } from '../model/pull-commits.js';
import { firstParentLine, trackedLine } from '../model/tracked-line.js';
import { releaseCommits, type ReleaseCommits } from '../model/release-lines.js';
import { collectRevertRefs, type RevertRefs } from '../model/reverts.js';
import { sizeFilter } from '../model/size-filter.js';
import { readEmptyRelandings } from './relandings.js';
import { collectGarbage, collectGarbageAfterIo, growHeapSlowly } from '../io/memory.js';
import type { Pattern } from '../patterns.js';
import { namesVersion } from '../release-names.js';
import { copyKey, lineKeys } from '../sources/git/deploy-contents.js';
import { readChangedBlobs, readDiffDigests, type ChangedBlob } from '../sources/git/diff-digests.js';
import { readCommits, readEarlierLandings, type EarlierLanding, type PullHeads } from '../sources/git/history.js';
import { readRangeSizes, readSizes, readSizesOf, type NumstatResult } from '../sources/git/numstat.js';
import { commitDates, readAttributes, splitPoint, type FirstParentSpan, type RepoInfo } from '../sources/git/repo.js';
import { LOOKBACK, branchPullSquashes, carriedHeads, releaseGraph, withTreeSquashes, type ReleaseGraph, type ReleaseTips } from './release-graph.js';
import { readLineSquashes, readLineTreesBeside, treeSquashes } from './tree-squashes.js';

// past this many commits read, memory is collected as soon as they are let go (a small history needs not)
const LARGE_HISTORY = 20_000;
// commits that still hold this much heap once read (bytes in use after a collection) make a model and a report
// whose memory nears the budget: rails 94 MB, the bench's release lines 85-87, its merges case 59
const LARGE_LIVE_HISTORY = 80 * 2 ** 20;

export interface GitModel {
  changes: Change[];
  /** the clone has refs/pull/N/head refs */
  pullRefs: boolean;
  /** its `refs/pull/N/head` refs */
  pullHeads: PullHeads;
  revertRefs: Map<string, RevertRefs>;
  /** git's read of the sizes, the slowest: await it before a change's size is needed */
  sizes: Promise<NumstatResult>;
  /** copy key → landing shas, for the keys of the release lines' own commits: backports find their change */
  copies: Map<string, string[]>;
  /** the graph below the release tags, the active release lines and the tip */
  lines: ReleaseGraph;
  /** the release lines' commits carrying a change's title under a later number (titleCarries): the note's and the copies' */
  carries: TitleCarry[];
  /** commits on a release line or behind a release tag, among those read (SPEC section 1) */
  release: ReadonlySet<string>;
  /** what matching GitHub's pull requests to the changes reads (`forPulls`); null when there are none to match */
  forPulls: PullMatching | null;
}

export interface PullMatching {
  /** every commit of the tracked branch read: a PR commit with a parent among them merges the branch in */
  branchCommits: ReadonlySet<string>;
  /** the commits of changes no pull request names, by sha: a PR's copies of them are not its own work */
  identities: ReadonlyMap<string, CommitIdentity>;
}

// a first-parent line this long has its sizes read in two halves side by side, while half this many commits are
// left to read when the line is known (a shorter one is read before a second git process would pay for itself)
const SPLIT_SIZES_FROM = 4_000;

/** A change landed as several commits in a row on the first-parent line: sized as one diff, `from` (excluded) to `to`. */
export interface LandedRange {
  from: string;
  to: string;
  /** where its size is kept among the commits' (rangeKey) */
  key: string;
}

/**
 * The changes landed as several commits that follow each other on the first-parent line (a rebase merge): their
 * one diff is the change's size, where the sum of their commits' counts a file two of them touch twice. Landings
 * apart (a pulled side's, commits of other changes between them) keep the sum.
 */
function landedRanges(changes: readonly Change[], commitOf: (sha: string) => Commit | undefined): LandedRange[] {
  const ranges: LandedRange[] = [];
  for (const change of changes) {
    const landed = change.landedShas;
    if (landed === undefined || landed.length < 2) continue;
    const from = commitOf(landed[0] as string)?.parents[0];
    if (from === undefined || !landed.every((sha, i) => i === 0 || commitOf(sha)?.parents[0] === landed[i - 1])) continue;
    ranges.push({ from, to: landed[landed.length - 1] as string, key: rangeKey(landed) });
  }
  return ranges;
}

/** The size of every first-parent commit, git's slowest read: started first, awaited last. */
export interface SizesRead {
  read: Promise<NumstatResult>;
  /** stops git (when the audit fails before it needs the sizes) */
  cancel: () => void;
  /**
   * the read, with the sizes of these commits too (landings off the first-parent line), counted alike, and of these
   * ranges of the line as one diff each, kept under `key` (a change landed as several commits in a row)
   */
  with: (shas: readonly string[], ranges?: readonly LandedRange[]) => Promise<NumstatResult>;
}

/**
 * Starts reading the sizes from `tip` down to the boundary of the history, before the boundary is known
 * (finding it is a walk of its own): the slowest read starts first. Once the walk has found the boundary, a
 * long line is read in two halves side by side, the second from halfway down what the first has not yet read,
 * so that both end together: the diffs are most of a run's CPU, and one git process could keep only one CPU
 * busy while this process waited on it (split at the line's middle, the second ended 0.6 s after the first on
 * the release bench case, one CPU idle meanwhile). The size filter is the tip's `.gitattributes` with
 * `sizeExcluded`.
 */
export function startSizes(repo: RepoInfo, tip: string, span: Promise<FirstParentSpan>, sizeExcluded: string[], splitFrom = SPLIT_SIZES_FROM): SizesRead {
  const stop = new AbortController();
  const filter = readAttributes(repo, tip).then((attributes) => sizeFilter(attributes, sizeExcluded));
  const read = filter.then(async (counts) => {
    const boundary = span.then((s) => s.boundary?.sha ?? null);
    let started = 0;
    // worked out once, as the span comes: both halves read it
    const middle = span.then((s) => splitPoint(s.above, started, splitFrom));
    // the first half ends where the second starts, or at the boundary when the line is read in one piece
    const firstStop = Promise.all([middle, boundary]).then(([m, b]) => m ?? b);
    // a read stopped before the span came never awaits where it would have stopped
    firstStop.catch(() => undefined);
    const first = readSizes(repo.cwd, tip, firstStop, counts, stop.signal, () => started++);
    // a failure of either is seen where both are awaited
    first.catch(() => undefined);
    const from = await middle.catch(() => null);
    if (from === null) return first;
    const [recent, older] = await Promise.all([first, readSizes(repo.cwd, from, boundary, counts, stop.signal)]);
    for (const [sha, size] of older.sizes) recent.sizes.set(sha, size);
    return { sizes: recent.sizes, unknown: [...recent.unknown, ...older.unknown] };
  });
  // a failure is seen where the sizes are awaited, not reported as unhandled in the meantime
  read.catch(() => undefined);
  const withMore = async (shas: readonly string[], ranges: readonly LandedRange[] = []): Promise<NumstatResult> => {
    if (shas.length === 0 && ranges.length === 0) return read;
    const [all, more, whole] = await Promise.all([
      read,
      shas.length === 0 ? null : filter.then((counts) => readSizesOf(repo.cwd, shas, counts, stop.signal)),
      filter.then((counts) => readRangeSizes(repo.cwd, ranges, counts, stop.signal)),
    ]);
    for (const [sha, size] of more?.sizes ?? []) all.sizes.set(sha, size);
    for (const range of ranges) {
      const size = whole.get(range.to);
      if (size !== undefined) all.sizes.set(range.key, size);
    }
    return { sizes: all.sizes, unknown: [...all.unknown, ...(more?.unknown ?? [])] };
  };
  return { read, cancel: () => stop.abort(), with: withMore };
}

/**
 * Reads the branch's history and groups it into changes. Its own function so the commits it read (the bulk
 * of the memory) can be collected once the changes are built: only what reverts need is kept.
 */
export async function readGitChanges(
  repo: RepoInfo,
  branch: { name: string; tip: string },
  boundary: { sha: string; at: number } | null,
  release: { tips: ReleaseTips; tagShas: readonly string[]; tagNames?: ReadonlyMap<string, readonly string[]>; noteTips?: readonly string[] },
  sizes: SizesRead,
  pullRefs: Promise<PullHeads>,
  o: {
    ai: AiCatalogue;
    botPattern: Pattern | null;
    pullsUrl: string | null;
    mergeRequestsUrl: string | null;
    /** the repository's owner, when its remote names it: a pull request from a branch of its own tells from a fork's */
    owner: string | null;
    forPulls: boolean;
    onCommits?: (count: number) => void;
    /** the default branch's first-parent line as far back as the pull refs are read, when the tracked branch is another (see readDefaultLine) */
    otherLine?: Promise<ReadonlySet<string>>;
  },
): Promise<GitModel> {
  const exclude = boundary ? [boundary.sha] : [];
  let read = 0;
  // every commit read passes through here once: the count for the progress line, every 1,000
  const parse = (message: string): MessageFacts => {
    if (++read % 1000 === 0) o.onCommits?.(read);
    return parseMessage(message, o.ai);
  };
  const since = pullRefsSince(boundary);
  // the trees of the line's commits GitHub wrote, beside the history: a squash whose subject lost its number
  const trees = readLineTreesBeside(repo.cwd, branch.tip, exclude, pullRefs, since);
  // a failure is seen where they are awaited
  trees.catch(() => undefined);
  // the sizes, started first, come last: the changes are built, and what needs no size done, while git still diffs
  const built = (async () => {
    const refs = await pullRefs;
    // what the branch landed below the read, beside it: a pull request squashed then whose commits a later one's
    // branch still holds (see landedBefore), and which commits below it were the line's own (see earlierLine)
    const earlier = boundary !== null ? readEarlierLandings(repo.cwd, boundary.sha, since) : null;
    earlier?.catch(() => undefined);
    const { commits, pulls, lines } = await readHistory(repo.cwd, branch, exclude, { refs, since }, release, parse);
    // what decoding the messages left behind goes before the changes are built on top of the commits: the
    // peak of memory otherwise
    if (read >= LARGE_HISTORY) await collectGarbageAfterIo();
    // from here the heap grows by a fifth past what is live, not two or three times (see growHeapSlowly): in the
    // bench (median of three), rails peaked at 240 MB (tags as deploys) and 243 (every merge a deploy) against
    // 251 and 259, the release lines at 225 and 239 against 236 and 253, for 0.35 s more of their 7 s and 15 s
    if (read >= LARGE_HISTORY && process.memoryUsage().heapUsed >= LARGE_LIVE_HISTORY) growHeapSlowly();
    o.onCommits?.(read);
    // the first-parent line, with the sides of the branch's merges of itself (`git pull`) landed before them
    const { line: firstParent, pulled, pulling, pullsFromItself } = trackedLine(branch.tip, commits, branch.name, o.owner);
    // a pull request squashed again, empty: asked of git beside what follows, only where a line's number repeats
    const relandings = readEmptyRelandings(repo.cwd, firstParent, branch.name);
    // a failure is seen where it is awaited
    relandings.catch(() => undefined);
    const commitOf = (sha: string): Commit | undefined => commits.get(sha) ?? pulls.loaded.get(sha);
    const onRelease = releaseAmong(lines, firstParent, commitOf);
    // the default branch's own line, when this is another branch, is what its pull requests were based on: not theirs
    const otherLine = o.otherLine === undefined ? null : await o.otherLine;
    // the pull requests the branch lands, asked of the pull refs' chains of merges only (most clones have no pull ref)
    const landed = new Set(pulls.walked.size === 0 ? [] : landedNumbers(firstParent, branch.name));
    const below = earlier === null ? null : await earlier;
    const landedBefore = pulls.walked.size === 0 || below === null ? new Set<number>() : earlierNumbers(below, branch.name, landed);
    const pullCommits = splitPullCommits(pulls.walked, otherLine === null || otherLine.size === 0 ? pulls.loaded : without(pulls.loaded, otherLine), (sha) => onRelease.all.has(sha), (n) => landed.has(n) || landedBefore.has(n));
    // what splitting the pull refs' walks left behind goes before the changes are built on top: rails peaked
    // there at 249 MB, 244 with this collection (a history without pull refs has nothing to let go here)
    if (read >= LARGE_HISTORY && pulls.walked.size > 0) collectGarbage();
    const lineTrees = await trees;
    const onBranch = (sha: string): boolean => commits.has(sha);
    // and the release lines' squashes that name no pull request: what the syncs merging a line back carry (commits
    // the branch holds), and what the lines' releases ship (the lines' own, kept only in their graph)
    const unnamed = lineTrees === null ? [] : [...new Set([
      ...[...onRelease.all].filter((sha) => {
        const c = commitOf(sha);
        return c !== undefined && c.parents.length === 1 && landedNumber(c, branch.name) === null;
      }),
      // one the read let go names no pull request when it names no change (its parents are git's to say)
      ...lines.releaseLine.filter((c) => c.references.length === 0 && commitOf(c.sha) === undefined).map((c) => c.sha),
    ])];
    const lineSquashes = await readLineSquashes(repo.cwd, lineTrees, unnamed, { refs: pulls.refs, since, onBranch });
    const squashedTrees = new Map([...treeSquashes(lineTrees, pulls.refs, since, onBranch), ...lineSquashes]);
    const graph = withTreeSquashes(lines, lineSquashes, commitOf, (n) => pulls.walked.get(n));
    const emptyRelandings = await relandings;
    const changes = buildChanges({
      firstParent,
      pulling,
      ...(pulled.length > 0 && { pulled: new Set(pulled) }),
      commits,
      trackedBranch: branch.name,
      pulls: pullCommits,
      ...(landedBefore.size > 0 && { landedBefore }),
      ...(below !== null && { earlierLine: { shas: new Set(below.map((l) => l.sha)), since } }),
      ...(below !== null && release.tagNames !== undefined && { releasedBelow: releasedAmong(below, release.tagNames) }),
      // a pull request from the branch itself (analog's `beta` into main) has the branch's own last landing for its head
      pullHeads: pullsFromItself.size === 0 ? pulls.heads : new Map([...pulls.heads].filter(([, n]) => !pullsFromItself.has(n))),
      ...(emptyRelandings.size > 0 && { emptyRelandings }),
      treeSquashes: squashedTrees,
      release: onRelease.all,
      releaseLines: onRelease.lines,
      tagged: new Set(release.tagShas),
      ...(release.tagNames !== undefined && { tagsOf: tagsOf(release.tagNames, graph), releasedBeside: releasedBeside(release.tagNames, graph) }),
      botPattern: o.botPattern,
      ai: o.ai,
      pullsUrl: o.pullsUrl,
      mergeRequestsUrl: o.mergeRequestsUrl,
      shallow: repo.shallow,
      // a cherry-pick of a commit read anywhere (a release line's, a pull ref's) is a copy, of none a port
      read: (sha) => commits.has(sha) || pulls.loaded.has(sha) || lines.graph.node.has(sha),
    });
    const unknownForks = [...new Set(changes.flatMap((c) => c.forkPoints))].filter((sha) => !commits.has(sha) && !pulls.loaded.has(sha));
    const lookingUp = commitDates(repo, unknownForks);
    // what only building the changes needed (the rebase and copy indexes, the claimed commits) is let go
    // before the indexes of what they landed are built on top: the peak of memory otherwise, on rails
    if (read >= LARGE_HISTORY) collectGarbage();
    const lookedUp = await lookingUp;
    resolveForkPoints(changes, (sha) => commitOf(sha)?.committedAt ?? lookedUp.get(sha));
    const revertRefs = collectRevertRefs(changes, commitOf);
    const copies = indexCopies(changes, commitOf, new Set([...graph.releaseLine, ...graph.prereleaseLine].flatMap(lineKeys)));
    // a backport bot's squash carries a change's title under its own number: a copy when it repeats the change's diff
    const carries = titleCarries(changes, graph.releaseLine, (key) => copies.has(key));
    // a set of every branch commit and a map of most: made only when there are GitHub pull requests to match
    const forPulls = o.forPulls ? pullMatching(changes, commits, commitOf) : null;
    return {
      changes, pullRefs: pulls.available, pullHeads: pulls.refs, revertRefs, copies, lines: graph, carries, release: onRelease.all,
      forPulls, pulled, ranges: landedRanges(changes, commitOf),
    };
  })();
  const model = await built.catch((error: unknown) => {
    sizes.cancel();
    throw error;
  });
  // the commits are let go: collected while git still diffs, so the heap grows from what is left
  if (read >= LARGE_HISTORY) await collectGarbageAfterIo();
  const { pulled, ranges, lines, ...rest } = model;
  const sized = sizes.with(pulled, ranges);
  // a failure is seen where the sizes are awaited
  sized.catch(() => undefined);
  // the diffs of the lines' commits that carry a change's title, read once the commits are let go: rails' stable
  // branches merge 155 such backports, whose reads beside the commits made its peak (250 MB)
  const { carries } = rest;
  try {
    const files = carries.length === 0 ? new Map<string, ChangedBlob[]>() : await readChangedBlobs(repo.cwd, [...new Set(carries.flatMap((c) => [c.line, c.change]))]);
    const copies = diffCopies(carries, files, await readDiffDigests(repo.cwd, linesToCompare(carries, files)));
    return { ...rest, lines: { ...lines, releaseLine: withDiffCopies(lines.releaseLine, copies) }, sizes: sized };
  } catch (error) {
    sizes.cancel();
    throw error;
  }
}

/**
 * The names of the tags on a commit, or on a release line's commit that copies it (same author email, author date
 * and subject): pnpm's `chore(release): 11.0.0` was tagged `v11.0.0`, then rebased onto main before it was pushed.
 */
function tagsOf(names: ReadonlyMap<string, readonly string[]>, lines: ReleaseGraph): (commit: Commit) => readonly string[] {
  const byKey = new Map<string, readonly string[]>();
  for (const line of lines.releaseLine) {
    const tags = names.get(line.sha);
    if (tags !== undefined) byKey.set(line.key, tags);
  }
  return (commit) => names.get(commit.sha) ?? (byKey.size === 0 ? [] : (byKey.get(copyKey(commit.authorEmail, commit.authoredAt, commit.subject)) ?? []));
}

/**
 * Of the first-parent commits below the history read, those a version tag names, or whose merged side one names
 * (buildChanges' `releasedBelow`).
 */
function releasedAmong(below: readonly EarlierLanding[], names: ReadonlyMap<string, readonly string[]>): Set<string> {
  const versioned = (sha: string | null): boolean => sha !== null && namesVersion(names.get(sha) ?? []);
  return new Set(below.filter((l) => versioned(l.sha) || versioned(l.side)).map((l) => l.sha));
}

/**
 * The commits a release was tagged beside (buildChanges' `releasedBeside`): the first parents of the tagged commits
 * off the branch whose tag names a version, read from the release lines' graph.
 */
function releasedBeside(names: ReadonlyMap<string, readonly string[]>, lines: ReleaseGraph): Set<string> {
  const found = new Set<string>();
  for (const [sha, tags] of names) {
    const parent = lines.beyond.get(sha)?.[0];
    if (parent !== undefined && namesVersion(tags)) found.add(parent);
  }
  return found;
}

/** What matching pull requests reads of the commits, which are let go once the changes are built. */
function pullMatching(changes: readonly Change[], commits: Map<string, Commit>, commitOf: (sha: string) => Commit | undefined): PullMatching {
  const identities = new Map<string, CommitIdentity>();
  for (const change of changes) {
    if (change.number !== null) continue;
    for (const sha of change.commitShas) {
      const c = commitOf(sha);
      if (c) identities.set(sha, { sha, authorEmail: c.authorEmail, authoredAt: c.authoredAt, committedAt: c.committedAt, subject: c.subject });
    }
  }
  return { branchCommits: new Set(commits.keys()), identities };
}

interface Pulls {
  refs: PullHeads;
  /** the heads of the pull refs whose commits were read, by number: split once the release commits are known */
  walked: Map<number, string>;
  /** every pull ref's head commit → its number */
  heads: Map<string, number>;
  loaded: Map<string, Commit>;
  /** the clone has refs/pull/N/head refs */
  available: boolean;
}

/**
 * Reads, in one streaming `git log`, the tracked branch's history, the commits of every pull ref whose head was
 * committed since `since` and that is not on the branch, and the release lines' own commits (from the release
 * tips): squash merges take their commits from the pull refs, rebase merges are found as copies of them, and
 * the release graph is made from what the lines and tags reach. One walk rather than one per side: each side
 * read alone walked the branch's whole history again. What the tip reaches is the branch's; what the pull heads
 * reach besides is the pull refs'; the rest is the release lines' alone, kept only in their graph.
 */
async function readHistory(
  cwd: string,
  { name: trackedBranch, tip }: { name: string; tip: string },
  exclude: string[],
  { refs, since }: { refs: PullHeads; since: number },
  release: { tips: ReleaseTips; tagShas: readonly string[]; noteTips?: readonly string[] },
  parse: (message: string) => MessageFacts,
): Promise<{ commits: Map<string, Commit>; pulls: Pulls; lines: ReleaseGraph }> {
  const { readFrom } = release.tips;
  const bySha = new Map([...refs].map(([number, head]) => [head.sha, number]));
  const heads = new Map([...refs].filter(([, head]) => head.at >= since).map(([number, head]) => [number, head.sha]));
  const read = await readCommits(cwd, [...new Set([tip, ...heads.values(), ...readFrom])], exclude, parse);
  const noPulls: Pulls = { refs, walked: new Map(), heads: bySha, loaded: new Map(), available: refs.size > 0 };
  const commitOf = (sha: string): Commit | undefined => read.get(sha);
  const pullHead = (number: number): string | undefined => heads.get(number);
  // a line's squash names what its pull request's own commits name, when the pull ref was read
  const graphed = releaseGraph(release.tips, tip, release.tagShas, commitOf, pullHead, release.noteTips);
  // a line's squash of a branch that brought the tracked branch in holds what that branch held
  const lines = await carriedHeads(cwd, graphed, branchPullSquashes(graphed, { name: trackedBranch, tip }, commitOf, pullHead), commitOf);
  if (heads.size === 0 && readFrom.size === 0) return { commits: read, pulls: noPulls, lines };
  const commits = reachedFrom([tip], read, EMPTY);
  const loaded = reachedFrom(heads.values(), read, commits);
  for (const number of [...pullsFromBranch(read, tip, trackedBranch, bySha), ...pullsFollowingBranch(read, tip, trackedBranch, refs, commits)]) {
    const head = refs.get(number)?.sha;
    if (head !== undefined && bySha.get(head) === number) bySha.delete(head);
  }
  const pulls = heads.size === 0 ? noPulls : { refs, walked: heads, heads: bySha, loaded, available: true };
  return { commits, pulls, lines };
}

/**
 * The pull requests whose merge off the tracked branch's line names the tracked branch as their head: GitFlow's
 * release pull request from the tracked branch itself into main (serilog's `Merge pull request #2118 from
 * serilog/dev`, read below the release tag v4.0.2). Its pull ref's head is the tracked branch's tip as it merged, a
 * first-parent commit the branch got by a push of its own (serilog's `Update publishing key`), not a pull request
 * pushed to the branch as it was. Off the line, not off the branch: main merged back into the branch (shlink's
 * develop, after each hotfix) makes the release merges reachable from it. A merge titled otherwise is one when its
 * side is its pull ref's head and a commit of the tracked branch's first-parent line: apollo-client's `Release 4.2
 * (#13129)` merged `release-4.2` into main, whose tip, `Exit prerelease mode`, read as #13129 landed by a rebase.
 */
function pullsFromBranch(read: ReadonlyMap<string, Commit>, tip: string, trackedBranch: string, headOf: ReadonlyMap<string, number>): number[] {
  const found = new Map<string, number>();
  // merges whose side is a pull ref's head, kept if the side is on the tracked line: by their number
  const sides = new Map<string, { sha: string; number: number }>();
  // GitHub's subject ends with the head, `owner/dev`: the test every merge passes through, parseLanding for those alone
  const headEnd = `/${trackedBranch.slice(trackedBranch.lastIndexOf('/') + 1)}`;
  for (const commit of read.values()) {
    if (commit.parents.length < 2) continue;
    const side = headOf.get(commit.parents[1] as string);
    if (side !== undefined && landedNumber(commit, trackedBranch) === side) sides.set(commit.parents[1] as string, { sha: commit.sha, number: side });
    if (!commit.subject.startsWith('Merge pull request ') || !commit.subject.endsWith(headEnd)) continue;
    const landing = parseLanding(commit.subject, commit.bodyFirstLine, true, trackedBranch);
    if (landing.number !== null && landing.branch !== null && (landing.branch === trackedBranch || trackedBranch.endsWith(`/${landing.branch}`))) found.set(commit.sha, landing.number);
  }
  if (sides.size === 0 && found.size === 0) return [];
  const line = firstParentLine(tip, (sha) => read.get(sha));
  for (const commit of line) {
    const merge = sides.get(commit.sha);
    if (merge !== undefined) found.set(merge.sha, merge.number);
  }
  // one on the branch's own first-parent line landed there: a fork's branch of that name
  for (const commit of line) found.delete(commit.sha);
  return [...found.values()];
}

/**
 * The pull requests whose head follows the tracked branch itself: an open pull request from it into another branch,
 * whose `refs/pull/N/head` moves with the branch. Its test merge (`refs/pull/N/merge`) was made of an earlier head, a
 * commit of the branch's first-parent line with another pull request landed after it: eslint's #16089, open from main
 * into 1.x since 2022, its head main's tip (the `10.9.0` release commit), its test merge of April's `docs: Update
 * README`, 263 first-parent commits below. A pull request pushed to the branch as it was has no other landing between
 * its heads: its own commits are all there is.
 */
function pullsFollowingBranch(read: ReadonlyMap<string, Commit>, tip: string, trackedBranch: string, refs: PullHeads, branch: ReadonlyMap<string, Commit>): number[] {
  const moved = [...refs].filter(([, head]) => head.mergedHead !== undefined && branch.has(head.sha) && branch.has(head.mergedHead));
  if (moved.length === 0) return [];
  const line = firstParentLine(tip, (sha) => read.get(sha));
  // where each head stands on the line: most heads of a history of merges stand on none
  const wanted = new Set(moved.flatMap(([, head]) => [head.sha, head.mergedHead ?? '']));
  const at = new Map<string, number>();
  line.forEach((commit, i) => {
    if (wanted.has(commit.sha)) at.set(commit.sha, i);
  });
  return moved.filter(([number, head]) => {
    const newer = at.get(head.sha);
    const older = at.get(head.mergedHead ?? '');
    if (newer === undefined || older === undefined || older <= newer) return false;
    // the line is newest first: what landed from the head down to the earlier head, less that one
    return line.slice(newer, older).some((commit) => {
      const landed = landedNumber(commit, trackedBranch);
      return landed !== null && landed !== number;
    });
  }).map(([number]) => number);
}

const EMPTY: ReadonlyMap<string, Commit> = new Map();

/**
 * The commits among `read` that `starts` reach through them without passing through `stop`, by sha in the order
 * walked: made as it walks, not a set of shas to sort the commits by afterwards (a second pass over every one).
 */
function reachedFrom(starts: Iterable<string>, read: ReadonlyMap<string, Commit>, stop: ReadonlyMap<string, Commit>): Map<string, Commit> {
  const reached = new Map<string, Commit>();
  const stack = [...starts];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (reached.has(sha) || stop.has(sha)) continue;
    const commit = read.get(sha);
    if (commit === undefined) continue;
    reached.set(sha, commit);
    for (const parent of commit.parents) stack.push(parent);
  }
  return reached;
}

/**
 * Commits on a release line or behind a tag (SPEC section 1), among those read and on the active release
 * lines (GitHub's API may list any of them as a pull request's).
 */
function releaseAmong(lines: ReleaseGraph, firstParent: Commit[], commitOf: (sha: string) => Commit | undefined): ReleaseCommits {
  const onLine = new Set(firstParent.map((c) => c.sha));
  return releaseCommits(lines.lineTips, (sha) => commitOf(sha)?.parents ?? lines.beyond.get(sha), (sha) => onLine.has(sha));
}

/** Pull refs older than this (epoch seconds) cannot hold the work of a change in a history read down to `boundary`. */
export function pullRefsSince(boundary: { at: number } | null): number {
  return (boundary?.at ?? 0) - LOOKBACK;
}

/**
 * The pull requests the branch landed below the history read (`readEarlierLandings`), less those it lands again
 * within it (`landed`). A whole-history read builds their changes, and a later pull request's branch that still
 * holds their commits holds work already landed: nomad's #27106 came from the fork's `main` that #27051, squashed
 * seven months before, was opened from; read over 90 days, #27051's commit was #27106's first, 9 days earlier
 * than over 365.
 */
function earlierNumbers(landings: readonly EarlierLanding[], trackedBranch: string, landed: ReadonlySet<number>): Set<number> {
  const numbers = new Set<number>();
  for (const l of landings) {
    const n = parseLanding(l.subject, '', l.merge, trackedBranch).number;
    if (n !== null && !landed.has(n)) numbers.add(n);
  }
  return numbers;
}

/** `commits` less those in `left`. */
function without(commits: ReadonlyMap<string, Commit>, left: ReadonlySet<string>): Map<string, Commit> {
  const kept = new Map<string, Commit>();
  for (const [sha, commit] of commits) if (!left.has(sha)) kept.set(sha, commit);
  return kept;
}
