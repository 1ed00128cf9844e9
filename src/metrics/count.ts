import type { Change } from '../domain.js';

/**
 * How many of `items` pass `test`: a count, where a filter made an array only to take its length (up to 600,000
 * entries over an organisation's aggregate, a dozen times per report). Pure.
 */
export function countOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (test(items[i] as T)) n++;
  return n;
}

/** Whether a change is a sync that brought in pull requests (`excluded.carryingSyncs` counts them). Pure. */
export function carriesPulls(change: Pick<Change, 'kind' | 'carriedPulls'>): boolean {
  return change.kind === 'sync' && (change.carriedPulls ?? 0) > 0;
}

/**
 * The pull requests the syncs among `changes` brought in, merged first on the line each merges (pi-hole's
 * `development`, react-router's `release`): work that reached the tracked branch and is in no figure. Pure.
 */
export function syncedPulls(changes: readonly Pick<Change, 'kind' | 'carriedPulls'>[]): number {
  let n = 0;
  for (const c of changes) if (c.kind === 'sync') n += c.carriedPulls ?? 0;
  return n;
}
