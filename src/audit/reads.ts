import { listPullHeads, type PullHeads } from '../sources/git/history.js';
import { readFirstParentLine, spanOf, type FirstParentSpan, type RepoInfo } from '../sources/git/repo.js';
import { startSizes, type SizesRead } from './git-history.js';

/**
 * The reads an audit starts before it knows it needs them, and how each stops. git's reads are started as early
 * as what they need is known, so they run while the rest is worked out: the pull refs and the checked-out
 * branch's first-parent line while the repository is opened, the sizes (git's slowest read) as soon as the
 * branch is known, before the boundary where they stop is. Whatever fails, `stop` ends what is still running.
 */
export interface AuditReads {
  /** the clone's `refs/pull/N/head`: a failure is seen where they are awaited */
  pullRefs: Promise<PullHeads>;
  /**
   * Starts the sizes of the branch's first-parent line, and stops the early read of HEAD's line when the branch
   * audited is another (it would be read again). Where the sizes stop is given later, by `span`.
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
  let sizes: SizesRead | null = null;
  // where the sizes stop, once known
  let giveSpan: (span: Promise<FirstParentSpan>) => void = () => undefined;
  const spanGiven = new Promise<FirstParentSpan>((give) => (giveSpan = (span) => give(span)));
  // seen by the sizes, when they are started
  spanGiven.catch(() => undefined);
  const cancelSizes = (): void => {
    sizes?.cancel();
    // stopped before it was known where they stop: they end now, rejected, not wait for a span never given
    const aborted = Promise.reject(new DOMException('the sizes were not needed', 'AbortError'));
    aborted.catch(() => undefined);
    giveSpan(aborted);
  };
  early.signal.addEventListener('abort', cancelSizes);
  return {
    pullRefs,
    branchKnown(repo, branch, sizeExcluded) {
      const headTip = repo.refs.find((ref) => ref.name === repo.head)?.commit;
      if (headTip !== undefined && headTip !== branch.tip) headStop.abort();
      sizes = startSizes(repo, branch.tip, spanGiven, sizeExcluded);
      if (early.signal.aborted) sizes.cancel();
      return sizes;
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
