import type { Change, Commit, MessageFacts } from '../domain.js';
import { buildChanges, resolveForkPoints, type PullCommits } from '../model/changes.js';
import { indexCopies } from '../model/copies.js';
import { parseMessage } from '../model/message.js';
import { splitPullCommits } from '../model/pull-commits.js';
import { collectRevertRefs, type RevertRefs } from '../model/reverts.js';
import { sizeFilter } from '../model/size-filter.js';
import { readCommits } from '../sources/git/history.js';
import { readSizes } from '../sources/git/numstat.js';
import { commitDates, listPullHeads, readAttributes, type RepoInfo } from '../sources/git/repo.js';

export interface GitModel {
  changes: Change[];
  /** the clone has refs/pull/N/head refs */
  pullRefs: boolean;
  revertRefs: Map<string, RevertRefs>;
  unknownSizes: number;
  /** copy key → landing shas, for the keys of `copyKeys` (release lines' commits): backports find their change */
  copies: Map<string, string[]>;
}

/**
 * Reads the branch's history and groups it into changes. Its own function so the commits it read (the bulk
 * of the memory) can be collected once the changes are built: only what reverts need is kept.
 */
export async function readGitChanges(
  repo: RepoInfo,
  branch: { name: string; tip: string },
  exclude: string[],
  o: { aiMarkers: RegExp[]; botPattern: RegExp | null; sizeExcluded: string[]; webUrl: string | null; copyKeys: ReadonlySet<string> },
): Promise<GitModel> {
  const attributes = await readAttributes(repo, branch.tip);
  const parse = (message: string): MessageFacts => parseMessage(message, o.aiMarkers);
  const [commits, numstat] = await Promise.all([
    readCommits(repo.cwd, [branch.tip], exclude, parse),
    readSizes(repo.cwd, branch.tip, exclude, sizeFilter(attributes, o.sizeExcluded)),
  ]);
  const firstParent = firstParentLine(branch.tip, commits);
  const pulls = await readPulls(repo, branch.tip, firstParent, parse);
  const changes = buildChanges({
    firstParent,
    commits,
    trackedBranch: branch.name,
    sizes: numstat.sizes,
    pulls: pulls.commits,
    botPattern: o.botPattern,
    webUrl: o.webUrl,
  });
  const unknownForks = [...new Set(changes.flatMap((c) => c.forkPoints))].filter((sha) => !commits.has(sha) && !pulls.loaded.has(sha));
  const lookedUp = await commitDates(repo, unknownForks);
  resolveForkPoints(changes, (sha) => commits.get(sha)?.committedAt ?? pulls.loaded.get(sha)?.committedAt ?? lookedUp.get(sha));
  const commitOf = (sha: string): Commit | undefined => commits.get(sha) ?? pulls.loaded.get(sha);
  const revertRefs = collectRevertRefs(changes, commitOf);
  const copies = indexCopies(changes, commitOf, o.copyKeys);
  return { changes, pullRefs: pulls.available, revertRefs, unknownSizes: numstat.unknown.length, copies };
}

/** The tracked branch's first-parent line among the commits read, oldest first. */
function firstParentLine(tip: string, commits: Map<string, Commit>): Commit[] {
  const line: Commit[] = [];
  for (let commit = commits.get(tip); commit !== undefined; commit = commits.get(commit.parents[0] ?? '')) line.push(commit);
  return line.reverse();
}

interface Pulls {
  commits: Map<number, PullCommits>;
  loaded: Map<string, Commit>;
  /** the clone has refs/pull/N/head refs */
  available: boolean;
}

/** Reads squash-merged PRs' own commits from `refs/pull/N/head`, all in one streaming pass. */
async function readPulls(repo: RepoInfo, tip: string, firstParent: Commit[], parse: (message: string) => MessageFacts): Promise<Pulls> {
  const heads = await listPullHeads(repo);
  if (heads.size === 0) return { commits: new Map(), loaded: new Map(), available: false };
  const wanted = new Map<number, string>();
  for (const commit of firstParent) {
    const m = /\(#(\d+)\)\s*$/.exec(commit.subject) ?? /^Merge pull request #(\d+)/.exec(commit.subject);
    const head = m ? heads.get(Number(m[1])) : undefined;
    if (head !== undefined) wanted.set(Number(m?.[1]), head);
  }
  if (wanted.size === 0) return { commits: new Map(), loaded: new Map(), available: true };
  const loaded = await readCommits(repo.cwd, [...new Set(wanted.values())], [tip], parse);
  const split = splitPullCommits(wanted, loaded);
  return { commits: split, loaded, available: true };
}

