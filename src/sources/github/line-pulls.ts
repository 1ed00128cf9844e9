/**
 * Merged pull requests into the active release lines (GitHub mode): a backport bot's pull request onto a line may
 * land as a squash that carries its title alone, while its description says `Backport of #N`. Each line is asked
 * for its pull requests newest update first, ten lines a request (aliased connections with no nested one: a
 * point per request), down to the window's start or to what the cache holds. A line whose tip has not moved since
 * it was cached has had nothing merged into it and is not asked for at all. Only the title and the lines of the
 * description that can name a change are kept. Budget (bench/github.mjs): a request per ten lines and per
 * hundred pull requests cold; none warm when no line moved.
 */
import { RateLimitError } from '../../errors.js';
import { plural } from '../../units.js';
import { redact } from './token.js';
import { clientFor } from './client.js';
import { present, seconds, text } from './map.js';
import type { FetchGitHubOptions } from './options.js';
import { CursorGuard } from './pager.js';
import { linePullsOperation, type LinePullsData, type RawLinePull } from './queries.js';
import { DeadlineError } from './request.js';
import { linePullsCache, type CachedLine } from './line-pulls-cache.js';
import type { GitHubLinePull } from './types.js';

/** lines per request: each page of a line holds up to a hundred descriptions, which are long now and then */
const LINES_PER_REQUEST = 10;
const PAGE = 100;
/** a line that moved since it was cached has a few new pull requests: a smaller first page costs less */
const WARM_FIRST_PAGE = 25;
/** the most of a description kept: the lines that name a change are at its top */
const MAX_BODY = 4000;
const NAMES_NUMBER = /#\d|GH-\d/i;
/** the coverage of a line never read to its end: no window starts after it */
const NOT_COVERED = Number.MAX_SAFE_INTEGER;

/** A release line as the clone has it: its branch name on GitHub and its tip. */
export interface ReleaseLine {
  name: string;
  tip: string;
}

export interface LinePullsRead {
  /** the merged pull requests of every line asked, cached or read now */
  pulls: GitHubLinePull[];
  requests: number;
  cost: number;
  /** lines taken from the cache without a request */
  cachedLines: number;
  /** lines GitHub listed nothing for (a null list): their pull requests are those of earlier runs, if any */
  missing: string[];
  partial: boolean;
}

interface Ask {
  line: ReleaseLine;
  after: string | null;
  first: number;
  /** pull requests updated before this are not read: older than the window, or already cached */
  stop: number;
}

/**
 * The merged pull requests into `lines` from the cache and GitHub; the cache is refreshed.
 * @throws GitHubError for a bad token or a broken answer; RateLimitError when a rate limit resets too late and
 *         `partial` is false
 */
export async function fetchLinePulls(options: FetchGitHubOptions, lines: readonly ReleaseLine[]): Promise<LinePullsRead> {
  const warn = (message: string): void => options.warn?.(redact(message, options.token));
  const cache = linePullsCache.open(options, warn);
  const known = cache.known;

  const byLine = new Map<string, CachedLine>();
  const pending: Ask[] = [];
  for (const line of lines) {
    const cached = known.get(line.name);
    const covered = cached !== undefined && cached.coveredSince <= options.since;
    if (covered && cached.tip === line.tip) byLine.set(line.name, cached);
    else if (covered && cached.newest !== null) pending.push({ line, after: null, first: WARM_FIRST_PAGE, stop: Math.max(options.since, cached.newest) });
    else pending.push({ line, after: null, first: PAGE, stop: options.since });
  }
  const cachedLines = byLine.size;

  const client = clientFor(options);
  const fetched = new Map<string, Map<number, Omit<GitHubLinePull, 'base'>>>();
  const done = new Set<string>();
  const missing: string[] = [];
  const guards = new Map<string, CursorGuard>();
  let partial = false;
  try {
    while (pending.length > 0) {
      // one page size a request ($first is shared): the first asks' size, and the others asked with it
      const size = (pending[0] as Ask).first;
      const batch: Ask[] = [];
      for (let i = 0; i < pending.length && batch.length < LINES_PER_REQUEST; ) {
        if ((pending[i] as Ask).first === size) batch.push(pending.splice(i, 1)[0] as Ask);
        else i++;
      }
      options.onProgress?.(`reading release lines' pull requests from GitHub (${plural(done.size, 'line')} of ${pending.length + batch.length + done.size})`);
      const { operation, variables } = linePullsOperation(batch.map((ask) => ({ base: ask.line.name, after: ask.after })));
      const result = await client.request<LinePullsData>(operation, { owner: options.owner, name: options.name, first: size, ...variables });
      for (const w of result.warnings) warn(w);
      batch.forEach((ask, i) => {
        const conn = result.data?.repository?.[`l${i}`] ?? null;
        if (conn === null || typeof conn !== 'object' || !Array.isArray(conn.nodes)) {
          missing.push(ask.line.name);
          return;
        }
        const pulls = fetched.get(ask.line.name) ?? new Map<number, Omit<GitHubLinePull, 'base'>>();
        fetched.set(ask.line.name, pulls);
        for (const raw of present(conn.nodes)) {
          if ((seconds(raw.updatedAt) ?? 0) < ask.stop) {
            done.add(ask.line.name);
            return;
          }
          const pull = linePullOf(raw);
          if (pull !== null) pulls.set(pull.number, pull);
        }
        const info = conn.pageInfo;
        if (info?.hasNextPage !== true) {
          done.add(ask.line.name);
          return;
        }
        const guard = guards.get(ask.line.name) ?? new CursorGuard(`the pull requests merged into ${ask.line.name}`);
        guards.set(ask.line.name, guard);
        const refusal = guard.refuse({ endCursor: info.endCursor, sent: conn.nodes.length, totalCount: typeof conn.totalCount === 'number' ? conn.totalCount : null });
        // a paging that would not end leaves the line unsettled: it is read again next run
        if (refusal !== null) warn(refusal);
        else pending.push({ line: ask.line, after: info.endCursor, first: PAGE, stop: ask.stop });
      });
    }
  } catch (error) {
    if (!(error instanceof RateLimitError || error instanceof DeadlineError) || !options.partial) throw error;
    partial = true;
    warn(`${error.message}: stopped early (--partial), so the pull requests of ${plural(lines.length - byLine.size - done.size, 'release line')} may be missing`);
  }

  for (const line of lines) {
    const read = fetched.get(line.name);
    if (read === undefined) continue;
    const cached = known.get(line.name);
    const covered = cached !== undefined && cached.coveredSince <= options.since;
    const pulls = new Map((cached?.pulls ?? []).map((p) => [p.number, p]));
    for (const [number, pull] of read) pulls.set(number, pull);
    const list = [...pulls.values()].sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number);
    // a line read to where it stops holds all since the window's start as of its tip; one cut short (a paging
    // that would not end) covers what the cache did before, and is read again from there
    const coverage = done.has(line.name)
      ? { tip: line.tip, coveredSince: covered ? cached.coveredSince : options.since, newest: list[0]?.updatedAt ?? null }
      : { tip: '', coveredSince: covered ? cached.coveredSince : NOT_COVERED, newest: covered ? cached.newest : null };
    byLine.set(line.name, { ...coverage, pulls: list });
  }
  for (const name of missing) {
    const cached = known.get(name);
    if (cached !== undefined && !byLine.has(name)) byLine.set(name, { ...cached, tip: '' });
  }
  if (!partial) cache.save(byLine, options.now);
  const pulls = lines.flatMap((line) => (byLine.get(line.name)?.pulls ?? []).map((p) => ({ base: line.name, ...p })));
  return { pulls, requests: client.stats.requests, cost: client.stats.cost, cachedLines, missing, partial };
}

/** A pull request in domain form; null without a number, a merge time or the commit it landed as. */
function linePullOf(raw: RawLinePull): Omit<GitHubLinePull, 'base'> | null {
  const mergedAt = seconds(raw.mergedAt);
  const updatedAt = seconds(raw.updatedAt);
  const sha = raw.mergeCommit?.oid;
  if (typeof raw.number !== 'number' || mergedAt === null || updatedAt === null || typeof sha !== 'string' || sha === '') return null;
  return { number: raw.number, title: text(raw.title), body: namingLines(text(raw.body)), mergedAt, updatedAt, mergeCommitSha: sha.toLowerCase() };
}

/**
 * What of a description can name a change, in its order: its first line with more than white space (a title with
 * its `(#N)` counts there) and each line naming a number, up to MAX_BODY characters. The rest names nothing.
 */
export function namingLines(body: string): string {
  const kept: string[] = [];
  let size = 0;
  let first = true;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!first && !NAMES_NUMBER.test(line)) continue;
    first = false;
    if (size + line.length > MAX_BODY) break;
    kept.push(line);
    size += line.length + 1;
  }
  return kept.join('\n');
}
