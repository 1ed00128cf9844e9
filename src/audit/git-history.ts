import type { Change, Commit, MessageFacts } from '../domain.js';
import { buildChanges, resolveForkPoints, type PullCommits } from '../model/changes.js';
import { indexCopies } from '../model/copies.js';
import { parseMessage } from '../model/message.js';
import type { CommitIdentity } from '../model/own-commits.js';
import { splitPullCommits } from '../model/pull-commits.js';
import { isReleaseLine, isReleaseTag, releaseCommits, type ReleaseCommits } from '../model/release-lines.js';
import { collectRevertRefs, type RevertRefs } from '../model/reverts.js';
import { sizeFilter } from '../model/size-filter.js';
import type { Pattern } from '../patterns.js';
import { listPullHeads, listReleaseTips, readCommits, readParents } from '../sources/git/history.js';
import { readSizes } from '../sources/git/numstat.js';
import { commitDates, readAttributes, type RepoInfo } from '../sources/git/repo.js';

const DAY = 86400;
// a pull ref or a release line last committed this long before the history read holds no change in it
const LOOKBACK = 365 * DAY;

export interface GitModel {
  changes: Change[];
  /** the clone has refs/pull/N/head refs */
  pullRefs: boolean;
  revertRefs: Map<string, RevertRefs>;
  unknownSizes: number;
  /** copy key → landing shas, for the keys of `copyKeys` (release lines' commits): backports find their change */
  copies: Map<string, string[]>;
  /** commits on a release line or behind a release tag, among those read (SPEC section 1) */
  release: ReadonlySet<string>;
  /** every commit of the tracked branch read: a PR commit with a parent among them merges the branch in */
  branchCommits: ReadonlySet<string>;
  /** the commits of changes no pull request names, by sha: a PR's copies of them are not its own work */
  identities: ReadonlyMap<string, CommitIdentity>;
}

/**
 * Reads the branch's history and groups it into changes. Its own function so the commits it read (the bulk
 * of the memory) can be collected once the changes are built: only what reverts need is kept.
 */
export async function readGitChanges(
  repo: RepoInfo,
  branch: { name: string; tip: string },
  exclude: string[],
  o: { aiMarkers: Pattern[]; botPattern: Pattern | null; sizeExcluded: string[]; webUrl: string | null; copyKeys: ReadonlySet<string>; onCommits?: (count: number) => void },
): Promise<GitModel> {
  const attributes = await readAttributes(repo, branch.tip);
  let read = 0;
  // every commit read passes through here once: the count for the progress line, every 1,000
  const parse = (message: string): MessageFacts => {
    if (++read % 1000 === 0) o.onCommits?.(read);
    return parseMessage(message, o.aiMarkers);
  };
  // pull refs and release lines older than this cannot hold the work of a change in the history read
  const boundaryAt = exclude[0] !== undefined ? (await commitDates(repo, exclude)).get(exclude[0]) : undefined;
  const since = (boundaryAt ?? 0) - LOOKBACK;
  // independent reads run side by side: git does the work, this process waits
  const [commits, numstat, pulls, releaseLines] = await Promise.all([
    readCommits(repo.cwd, [branch.tip], exclude, parse),
    readSizes(repo.cwd, branch.tip, exclude, sizeFilter(attributes, o.sizeExcluded)),
    readPulls(repo.cwd, branch.tip, since, parse),
    readReleaseLines(repo.cwd, branch, since),
  ]);
  o.onCommits?.(read);
  const firstParent = firstParentLine(branch.tip, commits);
  const commitOf = (sha: string): Commit | undefined => commits.get(sha) ?? pulls.loaded.get(sha);
  const release = releaseAmong(releaseLines, firstParent, commitOf);
  const changes = buildChanges({
    firstParent,
    commits,
    trackedBranch: branch.name,
    sizes: numstat.sizes,
    pulls: pulls.commits,
    pullHeads: pulls.heads,
    release: release.all,
    releaseLines: release.lines,
    botPattern: o.botPattern,
    webUrl: o.webUrl,
  });
  const unknownForks = [...new Set(changes.flatMap((c) => c.forkPoints))].filter((sha) => !commits.has(sha) && !pulls.loaded.has(sha));
  const lookedUp = await commitDates(repo, unknownForks);
  resolveForkPoints(changes, (sha) => commitOf(sha)?.committedAt ?? lookedUp.get(sha));
  const revertRefs = collectRevertRefs(changes, commitOf);
  const copies = indexCopies(changes, commitOf, o.copyKeys);
  const identities = new Map<string, CommitIdentity>();
  for (const change of changes) {
    if (change.number !== null) continue;
    for (const sha of change.commitShas) {
      const c = commitOf(sha);
      if (c) identities.set(sha, { sha, authorEmail: c.authorEmail, authoredAt: c.authoredAt, committedAt: c.committedAt, subject: c.subject });
    }
  }
  return {
    changes, pullRefs: pulls.available, revertRefs, unknownSizes: numstat.unknown.length, copies, release: release.all,
    branchCommits: new Set(commits.keys()), identities,
  };
}

/** The tracked branch's first-parent line among the commits read, oldest first. */
function firstParentLine(tip: string, commits: Map<string, Commit>): Commit[] {
  const line: Commit[] = [];
  for (let commit = commits.get(tip); commit !== undefined; commit = commits.get(commit.parents[0] ?? '')) line.push(commit);
  return line.reverse();
}

interface Pulls {
  commits: Map<number, PullCommits>;
  /** every pull ref's head commit → its number */
  heads: Map<string, number>;
  loaded: Map<string, Commit>;
  /** the clone has refs/pull/N/head refs */
  available: boolean;
}

/**
 * Reads the commits of every pull ref whose head was committed since `since` and that is not on the tracked
 * branch, all in one streaming pass: squash merges take their commits from them, and rebase merges are found
 * as copies of them.
 */
async function readPulls(cwd: string, tip: string, since: number, parse: (message: string) => MessageFacts): Promise<Pulls> {
  const refs = await listPullHeads(cwd);
  const bySha = new Map([...refs].map(([number, head]) => [head.sha, number]));
  const heads = new Map([...refs].filter(([, head]) => head.at >= since).map(([number, head]) => [number, head.sha]));
  if (heads.size === 0) return { commits: new Map(), heads: bySha, loaded: new Map(), available: refs.size > 0 };
  const loaded = await readCommits(cwd, [...new Set(heads.values())], [tip], parse);
  return { commits: splitPullCommits(heads, loaded), heads: bySha, loaded, available: true };
}

interface ReleaseLines {
  tips: string[];
  /** parents of the commits of release lines active since the lookback, where they are not on the tracked branch */
  beyond: Map<string, string[]>;
}

/**
 * Release-line and tag tips, and the shape of the lines active since `since` beyond the tracked branch, in
 * one `rev-list` (older lines are walked only through the commits read).
 */
async function readReleaseLines(cwd: string, branch: { name: string; tip: string }, since: number): Promise<ReleaseLines> {
  const tips = await listReleaseTips(cwd, branch.name, { isReleaseLine, isReleaseTag });
  const active = [...tips].filter(([, at]) => at >= since).map(([sha]) => sha);
  return { tips: [...tips.keys()], beyond: await readParents(cwd, active, [branch.tip]) };
}

/**
 * Commits on a release line or behind a tag (SPEC section 1), among those read and on the active release
 * lines (GitHub's API may list any of them as a pull request's).
 */
function releaseAmong(lines: ReleaseLines, firstParent: Commit[], commitOf: (sha: string) => Commit | undefined): ReleaseCommits {
  const onLine = new Set(firstParent.map((c) => c.sha));
  return releaseCommits(lines.tips, (sha) => commitOf(sha)?.parents ?? lines.beyond.get(sha), (sha) => onLine.has(sha));
}
