import type { MeasuredChange } from '../domain.js';
import { distribution } from './percentile.js';
import { leadObservation, waitedSince, type Waiting } from './stage-summary.js';
import type { Unreleased } from './schema.js';
import { isoTime } from '../time-format.js';

export type { Unreleased } from './schema.js';

/** the oldest unreleased changes the report lists */
const OLDEST = 10;

/**
 * The unreleased backlog (SPEC section 6): the changes merged and not yet deployed at `now`, their ages
 * (counted as every duration is, working time with business hours), and the oldest of them. Pure.
 */
export function unreleasedChanges(changes: readonly MeasuredChange[], waiting: Waiting): Unreleased {
  // the longest waiting first: over several repositories a change waits only until its report was made
  // (`waitedSince`), so the one merged first need not be the one that waited longest
  const aged = changes
    .filter((c) => c.deployedAt === null && c.mergedAt <= waiting.now)
    .map((c) => ({ c, age: waitedSince(c.mergedAt, c, waiting) }))
    .sort((a, b) => b.age - a.age || a.c.mergedAt - b.c.mergedAt || a.c.id.localeCompare(b.c.id));
  const waitingChanges = aged.map((a) => a.c);
  const ages = aged.map((a) => a.age);
  const oldest = waitingChanges.slice(0, OLDEST).map((c, i) => ({
    id: c.id,
    title: c.title,
    url: c.url,
    mergedAt: isoTime(c.mergedAt) as string,
    age: ages[i] as number,
    ...(c.repository !== undefined && { repository: c.repository }),
  }));
  return {
    count: waitingChanges.length,
    p50Age: distribution(ages).p50,
    oldestAge: ages[0] ?? null,
    // the lead time counts a change still waiting from its first commit (its `censored`): one whose first commit is
    // unknown it cannot count, and a page showing both says how many (prometheus, cli and changesets: 151 and 150)
    noLeadTime: waitingChanges.filter((c) => leadObservation(c, waiting) === null).length,
    oldest: oldest.map((c) => c.id),
    oldestChanges: oldest,
  };
}
