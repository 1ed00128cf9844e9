import { listPullHeads, type PullHeads } from '../sources/git/history.js';
import { resolve } from 'node:path';
import { readAttributes, readFirstParentLine, spanOf, splitPoint, type FirstParentSpan, type RepoInfo } from '../sources/git/repo.js';
import { previousSince, resolveNow, resolveWindow } from '../time.js';
import type { AuditOptions } from '../options.js';
import { readSizes, type NumstatResult, type PathFilter } from '../sources/git/numstat.js';
import { sizeFilter } from '../model/size-filter.js';

/**
 * The reads an audit starts before it knows it needs them, and how each stops. git's reads are started as early
 * as what they need is known, so they run while the rest is worked out: the pull refs, the checked-out
 * branch's first-parent line and its sizes (git's slowest read) while the repository is opened, before the
 * branch audited, the size filter and the boundary where they stop are known (the sizes of another branch start
 * when it is known). Whatever fails, `stop` ends what is still running.
 */
export interface AuditReads {
  /** the clone's `refs/pull/N/head`: a failure is seen where they are awaited */
  pullRefs: Promise<PullHeads>;
  /**
   * The sizes of the branch's first-parent line: HEAD's, started early, when it is the branch (else they stop,
   * with the early read of HEAD's line, and the branch's start). Where they stop is given later, by `span`.
   */
  branchKnown: (repo: RepoInfo, branch: { tip: string }, sizeExcluded: string[]) => SizesRead;
  /**
   * The branch's first-parent line down to the first commit before `readFrom`: from the line read early when
   * it is the branch's, else read now. The sizes stop at the first commit before `sizesFrom` (at or after
   * `readFrom`): the history read reaches back over the previous period, whose figures need no size, and git's
   * slowest read stays as long as the window's.
   */
  span: (repo: RepoInfo, tip: string, readFrom: number, sizesFrom: number) => Promise<FirstParentSpan>;
  /** `step`, stopping the sizes when it fails: a failure before they are needed leaves no git diffing */
  orCancel: <T>(step: Promise<T>) => Promise<T>;
  /** stops every read still running (an audit that failed early) */
  stop: () => void;
}

// history is read back to the deploy before the window, at most this long (seconds) before it
export const MAX_DEPLOY_LOOKBACK = 365 * 86400;

/** The reads `audit` starts first, and the moment its window ends at (`--now`, or when they were started). */
export interface EarlyReads {
  reads: AuditReads;
  now: number;
}

/**
 * Starts the reads of an audit of `options` that need only its path, branch and window. `flowaudit report`
 * starts them before it loads the audit's code, so git works while that code compiles.
 * @throws ConfigError for a bad window
 */
export function startAuditReads(options: Pick<AuditOptions, 'path' | 'branch' | 'since' | 'until' | 'now'>): EarlyReads {
  const now = resolveNow(options.now);
  const window = resolveWindow(options, now);
  // the checked-out branch's line down to where the history read can start at the earliest
  return { reads: startReads(resolve(options.path), { branch: options.branch, headFrom: previousSince(window) - MAX_DEPLOY_LOOKBACK }), now };
}

/**
 * Starts the pull refs' listing and, unless `branch` names the branch to audit, HEAD's first-parent line down
 * to `headFrom` (the earliest the history read can start), at `path`, before the repository is opened.
 */
export function startReads(path: string, o: { branch: string | undefined; headFrom: number }): AuditReads {
  const early = new AbortController();
  const pullRefs = listPullHeads(path, early.signal);
  // a failure is seen where the history awaits them, not reported as unhandled in the meantime
  pullRefs.catch(() => undefined);
  const headStop = new AbortController();
  early.signal.addEventListener('abort', () => headStop.abort());
  const headLine = o.branch === undefined ? readFirstParentLine(path, 'HEAD', o.headFrom, headStop.signal).catch(() => null) : Promise.resolve(null);
  // where the sizes stop, once known
  let giveSpan: (span: Promise<FirstParentSpan>) => void = () => undefined;
  const spanGiven = new Promise<FirstParentSpan>((give) => (giveSpan = (span) => give(span)));
  // seen by the sizes, when they are started
  spanGiven.catch(() => undefined);
  // HEAD's sizes count what the tip's `.gitattributes` and the config say, known once the config is read
  let giveFilter: (filter: Promise<PathFilter>) => void = () => undefined;
  const filterGiven = new Promise<PathFilter>((give) => (giveFilter = (filter) => give(filter)));
  filterGiven.catch(() => undefined);
  const headAttributes = o.branch === undefined ? readAttributes(path, 'HEAD') : null;
  const headSizes = o.branch === undefined ? startSizes(path, 'HEAD', spanGiven, filterGiven) : null;
  let sizes: SizesRead | null = headSizes;
  const cancelSizes = (): void => {
    sizes?.cancel();
    // stopped before it was known where they stop: they end now, rejected, not wait for a span never given
    const aborted = Promise.reject(new DOMException('the sizes were not needed', 'AbortError'));
    aborted.catch(() => undefined);
    giveSpan(aborted);
    giveFilter(aborted);
  };
  early.signal.addEventListener('abort', cancelSizes);
  return {
    pullRefs,
    branchKnown(repo, branch, sizeExcluded) {
      const headTip = repo.refs.find((ref) => ref.name === repo.head)?.commit;
      if (headTip !== undefined && headTip !== branch.tip) headStop.abort();
      const fresh = (): SizesRead => {
        sizes = startSizes(repo.cwd, branch.tip, spanGiven, readAttributes(repo.cwd, branch.tip).then((a) => sizeFilter(a, sizeExcluded)));
        if (early.signal.aborted) sizes.cancel();
        return sizes;
      };
      if (headSizes !== null && headAttributes !== null && headTip === branch.tip) {
        giveFilter(headAttributes.then((a) => sizeFilter(a, sizeExcluded)));
        // HEAD moved between its early read and the refs' listing (a commit made meanwhile): the tip is read again
        const read = headSizes.read.then((r) => (r.first === null || r.first === branch.tip ? r : fresh().read));
        read.catch(() => undefined);
        return { read, cancel: () => sizes?.cancel() };
      }
      headSizes?.cancel();
      const unused = Promise.reject(new DOMException('HEAD is not the branch audited', 'AbortError'));
      unused.catch(() => undefined);
      giveFilter(unused);
      return fresh();
    },
    span(repo, tip, readFrom, sizesFrom) {
      const line = (async () => {
        const early = await headLine;
        return early !== null && early.shas[0] === tip ? early : readFirstParentLine(repo.cwd, tip, readFrom);
      })();
      giveSpan(line.then((l) => spanOf(l, Math.max(readFrom, sizesFrom))));
      return line.then((l) => spanOf(l, readFrom));
    },
    orCancel: (step) =>
      step.catch((error: unknown) => {
        cancelSizes();
        throw error;
      }),
    stop: () => early.abort(),
  };
}

// a first-parent line this long has its sizes read in two halves side by side, while half this many commits are
// left to read when the line is known (a shorter one is read before a second git process would pay for itself)
const SPLIT_SIZES_FROM = 4_000;

/** The size of every first-parent commit, git's slowest read: started first, awaited last. */
export interface SizesRead {
  read: Promise<NumstatResult>;
  /** stops git (when the audit fails before it needs the sizes) */
  cancel: () => void;
}

/**
 * Starts reading the sizes from `tip` down to the boundary of the history, before the boundary is known
 * (finding it is a walk of its own): the slowest read starts first. Once the walk has found the boundary, a
 * long line is read in two halves side by side, the second from halfway down what the first has not yet read,
 * so that both end together: the diffs are most of a run's CPU, and one git process could keep only one CPU
 * busy while this process waited on it (split at the line's middle, the second ended 0.6 s after the first on
 * the release bench case, one CPU idle meanwhile). `tip` is a sha or `HEAD` (read before the branch's tip is
 * known); `counts`, the size filter (`sizeFilter`), may come after git has started.
 */
export function startSizes(cwd: string, tip: string, span: Promise<FirstParentSpan>, counts: Promise<PathFilter>, splitFrom = SPLIT_SIZES_FROM): SizesRead {
  const stop = new AbortController();
  const read = (async (): Promise<NumstatResult> => {
    const boundary = span.then((s) => s.boundary?.sha ?? null);
    let started = 0;
    // worked out once, as the span comes: both halves read it
    const middle = span.then((s) => splitPoint(s.above, started, splitFrom));
    // the first half ends where the second starts, or at the boundary when the line is read in one piece
    const firstStop = Promise.all([middle, boundary]).then(([m, b]) => m ?? b);
    // a read stopped before the span came never awaits where it would have stopped
    firstStop.catch(() => undefined);
    const first = readSizes(cwd, tip, firstStop, counts, stop.signal, () => started++);
    // a failure of either is seen where both are awaited
    first.catch(() => undefined);
    const from = await middle.catch(() => null);
    if (from === null) return first;
    const [recent, older] = await Promise.all([first, readSizes(cwd, from, boundary, counts, stop.signal)]);
    for (const [sha, size] of older.sizes) recent.sizes.set(sha, size);
    return { sizes: recent.sizes, unknown: [...recent.unknown, ...older.unknown], first: recent.first };
  })();
  // a failure is seen where the sizes are awaited, not reported as unhandled in the meantime
  read.catch(() => undefined);
  return { read, cancel: () => stop.abort() };
}
