import type { Size } from '../../domain.js';
import { ownAscii } from './own-string.js';
import { streamGit, streamGitRanges } from './run.js';

export interface NumstatResult {
  /** size per first-parent commit; absent when its file contents were missing (partial clone) */
  sizes: Map<string, Size>;
  /** commits whose size could not be read */
  unknown: string[];
}

// a blobless clone lacks every blob: past this many failures the rest of the sizes stay unknown
const MAX_RESTARTS = 25;

/**
 * Line counts of every first-parent commit from `tip` down to `boundary` (excluded; null: the whole line),
 * merges diffed against their first parent (the whole pull request), with git's rename detection (a moved file
 * is not a rewrite). git starts before the boundary is known (finding it is a walk of its own): it is stopped
 * there, and what it printed past it dropped. `counts(path)` says whether a path counts toward size (lock files
 * and generated files do not). In a partial clone git dies on a missing blob instead of fetching it: the commit
 * it died on gets an unknown size and the walk goes on from its parent, up to MAX_RESTARTS times. Aborting
 * `signal` stops git (the promise rejects with an AbortError). `onCommit` is told of each commit git starts.
 */
export async function readSizes(
  repo: string,
  tip: string,
  boundary: Promise<string | null>,
  counts: (path: string) => boolean,
  signal?: AbortSignal,
  onCommit?: () => void,
): Promise<NumstatResult> {
  const sizes = new Map<string, Size>();
  const unknown: string[] = [];
  let end: string | null | undefined;
  boundary.then((sha) => (end = sha), () => undefined);
  // the walk is past the boundary once it is known and reached, in this run or an earlier one
  const beyond = (sha: string, run: ReadonlyMap<string, Size>): boolean => typeof end === 'string' && (sha === end || run.has(end) || sizes.has(end));
  let from: string | null = tip;
  for (let restart = 0; from !== null; restart++) {
    const run = await numstat(repo, [from], counts, { stop: beyond, ...(signal && { signal }), ...(onCommit && { onCommit }) });
    for (const [sha, size] of run.sizes) sizes.set(sha, size);
    if (run.complete || restart >= MAX_RESTARTS) break;
    const last = await boundary;
    if (last !== null && sizes.has(last)) break;
    const failed = await failedCommit(repo, run.last ?? from, run.last === null, counts, sizes);
    if (failed === null || failed.sha === last) break;
    unknown.push(failed.sha);
    from = failed.parent === null || failed.parent === last ? null : failed.parent;
  }
  const last = await boundary;
  if (last !== null && sizes.has(last)) {
    // what git printed from the boundary on is older than the history read
    let past = false;
    for (const sha of [...sizes.keys()]) {
      past ||= sha === last;
      if (past) sizes.delete(sha);
    }
  }
  return { sizes, unknown };
}

/**
 * Line counts of the given commits alone (`--no-walk`), counted as readSizes counts them: the landings off the
 * first-parent line (a pulled side's, see model/tracked-line.ts). A commit a partial clone cannot diff, and every
 * one after it, has an unknown size.
 */
export async function readSizesOf(repo: string, shas: readonly string[], counts: (path: string) => boolean, signal?: AbortSignal): Promise<NumstatResult> {
  const sizes = new Map<string, Size>();
  // newest first (the window is the history's end), and on from the next commit after one git cannot diff
  let left = [...shas].reverse();
  for (let restart = 0; left.length > 0; restart++) {
    const run = await numstat(repo, left, counts, { options: ['--no-walk=unsorted'], ...(signal && { signal }) });
    for (const [sha, size] of run.sizes) sizes.set(sha, size);
    if (run.complete) break;
    // the commit printed last before a failure may be cut short: not trusted (see numstat), read alone
    const failed = run.last === null ? (left[0] as string) : run.last;
    sizes.delete(failed);
    const alone = restart < MAX_RESTARTS ? await numstat(repo, [failed], counts, { options: ['--no-walk'], ...(signal && { signal }) }) : null;
    if (alone?.complete === true && alone.sizes.has(failed)) sizes.set(failed, alone.sizes.get(failed) as Size);
    if (restart >= MAX_RESTARTS) break;
    left = left.slice(left.indexOf(failed) + 1).filter((sha) => !sizes.has(sha));
  }
  return { sizes, unknown: shas.filter((sha) => !sizes.has(sha)) };
}

/**
 * Line counts of whole ranges of the first-parent line, `from` (excluded) to `to`, counted as readSizes counts a
 * commit: a change landed as several commits in a row (a rebase merge) is one diff, not the sum of its commits',
 * which counts a file two of them touch twice (keepassxc's #11321: 19 files where it changed 17). Keyed by `to`;
 * a range a partial clone cannot diff is left out (its change keeps the sum of its commits).
 */
export async function readRangeSizes(repo: string, ranges: readonly { from: string; to: string }[], counts: (path: string) => boolean, signal?: AbortSignal): Promise<Map<string, Size>> {
  if (ranges.length === 0) return new Map();
  // the range printed last before a failure may be cut short: numstat keeps none such
  return (await numstat(repo, ranges.map((r) => `${r.to} ${r.from}`), counts, { ranges: true, ...(signal && { signal }) })).sizes;
}

interface NumstatRun {
  /** sizes of the commits whose diff git finished */
  sizes: Map<string, Size>;
  /** the last commit git started to print, whose diff may be cut short; null when it printed none */
  last: string | null;
  /** git finished the walk (no missing file contents) */
  complete: boolean;
}

/**
 * One `git log --numstat` over `revs`. Whether git prints a commit's header before it reads the commit's
 * files depends on the clone (a partial clone with its promisor remote prefetches first; one without prints
 * first), so the commit printed last before a failure is never trusted: the caller checks it alone.
 */
interface RunOptions {
  /** extra git options */
  options?: string[];
  /** `diff-tree` in place of the walk: each line of input is `to from`, one diff between them (no first-parent walk) */
  ranges?: boolean;
  /** true for a commit where the walk ends, before it (it is not read) */
  stop?: (sha: string, read: ReadonlyMap<string, Size>) => boolean;
  signal?: AbortSignal;
  onCommit?: () => void;
}

async function numstat(repo: string, revs: string[], counts: (path: string) => boolean, run: RunOptions = {}): Promise<NumstatRun> {
  const sizes = new Map<string, Size>();
  let current: string | null = null;
  let size: Size = { additions: 0, deletions: 0, files: 0 };
  // a rename's entry is `added\tdeleted\t` followed by the old and the new path as tokens of their own
  let pending: { added: number; deleted: number; paths: number } | null = null;
  let missing = false;
  const add = (added: number, deleted: number, path: string): void => {
    size.files++;
    if (!counts(path)) return;
    // binary files show '-': no lines to count
    if (Number.isFinite(added)) size.additions += added;
    if (Number.isFinite(deleted)) size.deletions += deleted;
  };
  await streamGitRanges(
    repo,
    run.ranges === true
      ? ['diff-tree', '-z', '--numstat', '-M', '--no-ext-diff', '--no-textconv', '--format=%x1e%H', '--stdin']
      : ['log', '-z', '--first-parent', '--diff-merges=first-parent', '--numstat', '-M', '--no-ext-diff', '--no-textconv', '--format=%x1e%H', ...(run.options ?? []), '--stdin', '--'],
    (buffer, start, end) => {
      const token = buffer.toString('utf8', start, end);
      if (pending !== null) {
        if (--pending.paths === 0) {
          add(pending.added, pending.deleted, token);
          pending = null;
        }
        return;
      }
      const text = token.replace(/^\n+/, '');
      if (text.startsWith('\x1e')) {
        if (current !== null) sizes.set(current, size);
        const sha = ownAscii(text.slice(1));
        if (run.stop?.(sha, sizes)) {
          current = null;
          return false;
        }
        current = sha;
        size = { additions: 0, deletions: 0, files: 0 };
        run.onCommit?.();
        return;
      }
      const m = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/.exec(text);
      if (!m || current === null) return;
      const [added, deleted] = [Number(m[1]), Number(m[2])];
      if (m[3] === '') pending = { added, deleted, paths: 2 };
      else add(added, deleted, m[3] ?? '');
    },
    {
      separator: 0,
      input: `${revs.join('\n')}\n`,
      ...(run.signal && { signal: run.signal }),
      onFailure: (_code, stderr) => {
        if (!/unable to read|missing|could not fetch|promisor|bad object|not allowed/i.test(stderr)) return false;
        missing = true;
        return true;
      },
    },
  );
  if (!missing && current !== null) sizes.set(current, size);
  return { sizes, last: current, complete: !missing };
}

/**
 * The commit a failed walk died on: `last` when its own diff fails too (its size stays unknown), else the
 * next one on the first-parent line (and `last`'s size, read alone, is kept). `isStart`: git printed nothing,
 * so `last` is where the walk started and is the one that failed.
 */
async function failedCommit(
  repo: string,
  last: string,
  isStart: boolean,
  counts: (path: string) => boolean,
  sizes: Map<string, Size>,
): Promise<{ sha: string; parent: string | null } | null> {
  if (!isStart) {
    const alone = await numstat(repo, [last], counts, { options: ['-1'] });
    const size = alone.sizes.get(last);
    if (alone.complete && size !== undefined) {
      sizes.set(last, size);
      return resolveCommit(repo, `${last}^1`);
    }
  }
  return resolveCommit(repo, last);
}

async function resolveCommit(repo: string, rev: string): Promise<{ sha: string; parent: string | null } | null> {
  let line = '';
  await streamGit(repo, ['rev-list', '--parents', '-n', '1', rev, '--'], (l) => (line = l.toString('utf8')), { separator: 10, onFailure: () => true });
  const [sha, parent] = line.trim().split(' ');
  return sha ? { sha, parent: parent ?? null } : null;
}
