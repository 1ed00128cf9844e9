/**
 * Reviewer capacity (SPEC section 9, GitHub mode): reviews done each week against pull requests becoming
 * ready for review that week. When more become ready than reviewers get through, the review queues grow.
 */
import type { MeasuredChange, OpenPull } from '../domain.js';
import { perWeek } from './coverage.js';
import { queueCoverage, type QueueInput } from './queues.js';
import { weekBoundaries, weekIndex, weekStarts } from './queues-weeks.js';
import type { ReviewCapacity, ReviewCapacityRates } from './schema.js';

export type { ReviewCapacity, ReviewCapacityRates } from './schema.js';

/**
 * Reviews and ready pull requests per week over `[since, min(until, now))`, from every counted change merged
 * by `now` (their `review.reviewedAt`, their `readyAt`) and the open pull requests' events. Pure.
 */
export function reviewCapacity(
  changes: readonly MeasuredChange[],
  openPulls: readonly OpenPull[],
  window: { since: number; until: number; now: number; timezone: string },
): NonNullable<ReviewCapacity> {
  const end = Math.min(window.until, window.now);
  if (window.since >= end) return [];
  const bounds = weekBoundaries(window.since, end, window.timezone);
  const weeks = weekStarts(bounds).map((weekStart) => ({ weekStart, reviews: 0, readyPulls: 0 }));
  const bucket = (t: number | null): (typeof weeks)[number] | undefined => {
    if (t === null || t < window.since || t >= end) return undefined;
    return weeks[weekIndex(bounds, t)];
  };
  for (const c of changes) {
    if (c.mergedAt > window.now) continue;
    const ready = bucket(c.readyAt);
    if (ready) ready.readyPulls++;
    const review = c.review;
    if (review === null) continue;
    // by index: a for-of here made an iterator for each of an organisation's changes
    const times = review.reviewedAt;
    for (let i = 0; i < times.length; i++) {
      const week = bucket(times[i] as number);
      if (week) week.reviews++;
    }
  }
  for (const p of openPulls) {
    const ready = bucket(p.events ? p.events.readyAt : p.isDraft ? null : p.createdAt);
    if (ready) ready.readyPulls++;
    for (const at of p.events?.reviewedAt ?? []) {
      const week = bucket(at);
      if (week) week.reviews++;
    }
  }
  return weeks;
}

/**
 * The window's reviews and ready pull requests a week: every week's together over the weeks of history covered,
 * as the queues' rates are (the text drew a week's count against another's: "2 → 3 a week" of two single weeks).
 */
export function reviewCapacityRates(
  weeks: NonNullable<ReviewCapacity>,
  window: Pick<QueueInput, 'since' | 'until' | 'historyFrom' | 'now'>,
): NonNullable<ReviewCapacityRates> {
  const covered = queueCoverage(window);
  let reviews = 0;
  let ready = 0;
  for (const w of weeks) {
    reviews += w.reviews;
    ready += w.readyPulls;
  }
  return { reviewsPerWeek: perWeek(reviews, covered), readyPullsPerWeek: perWeek(ready, covered) };
}
