import type { MeasuredChange } from '../domain.js';
import { distribution } from './percentile.js';
import type { Waiting } from './stage-summary.js';
import type { Unreleased } from './schema.js';

export type { Unreleased } from './schema.js';

/** the oldest unreleased changes the report lists */
const OLDEST = 10;

/**
 * The unreleased backlog (SPEC section 6): the changes merged and not yet deployed at `now`, their ages
 * (counted as every duration is, working time with business hours), and the oldest of them. Pure.
 */
export function unreleasedChanges(changes: readonly MeasuredChange[], waiting: Waiting): Unreleased {
  const waitingChanges = changes
    .filter((c) => c.deployedAt === null && c.mergedAt <= waiting.now)
    .sort((a, b) => a.mergedAt - b.mergedAt || a.id.localeCompare(b.id));
  const ages = waitingChanges.map((c) => waiting.measure(c.mergedAt, waiting.now));
  const oldest = waitingChanges.slice(0, OLDEST).map((c, i) => ({
    id: c.id,
    title: c.title,
    url: c.url,
    mergedAt: new Date(c.mergedAt * 1000).toISOString().replace('.000Z', 'Z'),
    age: ages[i] as number,
    ...(c.repository !== undefined && { repository: c.repository }),
  }));
  return {
    count: waitingChanges.length,
    p50Age: distribution(ages).p50,
    oldestAge: ages[0] ?? null,
    oldest: oldest.map((c) => c.id),
    oldestChanges: oldest,
  };
}
