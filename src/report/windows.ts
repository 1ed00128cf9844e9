/*
 * The windows of a report over several repositories. Each report is of its own window; the whole's window is
 * their union, which need not be covered by every repository (reports made a year apart, a repository whose
 * history ended). Two rules keep the whole true to its rows:
 *
 * - a change or a deploy is of the whole's window when it is of one of its own repository's windows: a report
 *   lists the changes its queues count too, merged before its window, which the union may cover (18 reports of
 *   different years counted 2,616 such changes as the whole's, 15,288 against the 12,672 their rows summed);
 * - what is read period by period (the trends, the queues, the repairs and reviews by week) is over the span every
 *   repository covers: a month no report covers is no month of 0 deploys, and a sum over the repositories that
 *   covers some of them would rise as more are covered.
 */
import type { Window } from '../domain.js';

/** A shared span shorter than a week is none: nothing is a rate a week over it (as deploy frequency needs one). */
const MIN_SHARED = 7 * 86400;

/** Each repository's windows, by the name its changes and deploys carry. */
export type RepositoryWindows = ReadonlyMap<string, readonly Window[]>;

/** The windows by their repository's name (one taken over several windows has one each), in the order given. */
export function windowsByName(entries: Iterable<readonly [string, Window]>): Map<string, Window[]> {
  const windows = new Map<string, Window[]>();
  for (const [name, window] of entries) windows.set(name, [...(windows.get(name) ?? []), window]);
  return windows;
}

/**
 * Whether an item at `at` (a change's merge, a deploy) is of the whole's window: of one of its repository's own
 * windows when `windows` has them, else of `window`.
 */
export function withinOf(window: Window, windows: RepositoryWindows | undefined): (repository: string | undefined, at: number) => boolean {
  const inside = (w: Window, at: number): boolean => at >= w.since && at < w.until;
  if (windows === undefined) return (_repository, at) => inside(window, at);
  return (repository, at) => {
    const own = repository === undefined ? undefined : windows.get(repository);
    return own === undefined ? inside(window, at) : own.some((w) => inside(w, at));
  };
}

/**
 * The span every repository covers, for what is read period by period: `window` itself when no repository
 * leaves part of it uncovered (one repository, or several over the same window); else the latest stretch all of
 * them cover, their windows' intersection (a repository's windows that touch cover what they join); null when
 * there is none a week long. A repository whose history starts inside its window covers the time before it: it
 * had nothing to count then. Pure.
 */
export function sharedSpan(window: Window, windows: RepositoryWindows | undefined): Window | null {
  if (windows === undefined || windows.size === 0) return window;
  let shared: Array<[number, number]> = [[window.since, window.until]];
  for (const own of windows.values()) shared = intersect(shared, covered(own));
  const last = shared.at(-1);
  if (last === undefined) return null;
  const [since, until] = last;
  if (since === window.since && until === window.until) return window;
  if (until - since < MIN_SHARED) return null;
  const historyFrom = window.historyFrom;
  return { since, until, ...(historyFrom !== undefined && historyFrom > since && { historyFrom: Math.min(historyFrom, until) }) };
}

/** The stretches `windows` cover, in time order, those that overlap or touch joined. */
function covered(windows: readonly Window[]): Array<[number, number]> {
  const sorted = windows.map((w): [number, number] => [w.since, w.until]).filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The stretches both lists cover (each in time order, none overlapping), in time order. */
function intersect(xs: ReadonlyArray<readonly [number, number]>, ys: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of xs) {
    for (const [c, d] of ys) {
      const from = Math.max(a, c);
      const to = Math.min(b, d);
      if (from < to) out.push([from, to]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}
