import { z } from 'zod';
import type { MeasuredChange } from '../domain.js';
import { distribution } from './percentile.js';
import type { Waiting } from './stage-summary.js';

/** the oldest unreleased changes the report lists */
const OLDEST = 10;

export const unreleasedSchema = z.object({
  count: z.number().int().nonnegative().describe('counted changes merged in the window and not deployed at now'),
  p50Age: z.number().nullable().describe('seconds since their merge, at now (type 7); null when there is none'),
  oldestAge: z.number().nullable(),
  oldest: z.array(z.string()).describe('ids of the oldest, oldest first (at most 10)'),
  oldestChanges: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      mergedAt: z.iso.datetime({ offset: true }),
      age: z.number().describe('seconds since the merge, at now'),
      repository: z.string().optional(),
    }),
  ),
});
export type Unreleased = z.infer<typeof unreleasedSchema>;

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
