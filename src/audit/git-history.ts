import type { Change, Commit, MessageFacts } from '../domain.js';
import { buildChanges, resolveForkPoints, type PullCommits } from '../model/changes.js';
import { parseMessage } from '../model/message.js';
import { splitPullCommits } from '../model/pull-commits.js';
import { collectRevertRefs, type RevertRefs } from '../model/reverts.js';
import { sizeFilter } from '../model/size-filter.js';
import type { FirstParentLine } from '../sources/git/deploy-contents.js';
import type { Pattern } from '../patterns.js';
import { readCommits } from '../sources/git/history.js';
import { readSizes } from '../sources/git/numstat.js';
import { commitDates, listPullHeads, readAttributes, type RepoInfo } from '../sources/git/repo.js';

export interface GitModel {
  changes: Change[];
  /** the clone has refs/pull/N/head refs */
  pullRefs: boolean;
  revertRefs: Map<string, RevertRefs>;
  unknownSizes: number;
  /** the tracked branch's first-parent commits read, oldest first: deploys on it need no git process */
  line: FirstParentLine;
}

/**
 * Reads the branch's history and groups it into changes. Its own function so the commits it read (the bulk
 * of the memory) can be collected once the changes are built: only what reverts need is kept.
 */
export async function readGitChanges(
  repo: RepoInfo,
  branch: { name: string; tip: string },
  exclude: string[],
  o: { aiMarkers: Pattern[]; botPattern: Pattern | null; sizeExcluded: string[]; webUrl: string | null; onCommits?: (count: number) => void },
): Promise<GitModel> {
  const attributes = await readAttributes(repo, branch.tip);
  let read = 0;
  // every commit read passes through here once: the count for the progress line, every 1,000
  const parse = (message: string): MessageFacts => {
    if (++read % 1000 === 0) o.onCommits?.(read);
    return parseMessage(message, o.aiMarkers);
  };
  const [commits, numstat] = await Promise.all([
    readCommits(repo.cwd, [branch.tip], exclude, parse),
    readSizes(repo.cwd, branch.tip, exclude, sizeFilter(attributes, o.sizeExcluded)),
  ]);
  o.onCommits?.(read);
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
  const revertRefs = collectRevertRefs(changes, (sha) => commits.get(sha) ?? pulls.loaded.get(sha));
  const shas = firstParent.map((c) => c.sha);
  const line = { shas, position: new Map(shas.map((sha, i) => [sha, i])) };
  return { changes, pullRefs: pulls.available, revertRefs, unknownSizes: numstat.unknown.length, line };
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

