/**
 * Large AI-assisted pull requests per reviewer-day (issue 39, item 4; GitHub mode): "limit how many large
 * AI-generated pull requests any reviewer evaluates in a day". For each person and each day (in the report's time
 * zone) on which they submitted a review of a counted change merged in the window, the number of distinct large
 * AI-assisted pull requests among those they reviewed that day — large as the large-changes rule counts it (over
 * `LARGE_CHANGE_LINES` changed lines), AI-assisted by agent or assisted evidence. Only reviews submitted inside the
 * window are read: a day before it would see only the pull requests merged later. Its p90 over those reviewer-days
 * and the worst one. A change reviewed in a report made before reviewers' logins were kept adds no day. Pure.
 */
import { TZDate } from '@date-fns/tz';
import type { MeasuredChange } from '../domain.js';
import { LARGE_CHANGE_LINES } from './limits.js';
import { percentile } from './percentile.js';
import type { LargeAiPerReviewerDay } from './schema.js';
import { changedLines } from './size.js';

export interface ReviewerDaysInput {
  /** the counted changes merged in the window */
  changes: readonly MeasuredChange[];
  since: number;
  until: number;
  /** the IANA zone a day is in: the report's (`--timezone`), UTC by default */
  timezone: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-03-10`: the day `at` (epoch seconds) falls on in `timezone`. */
function dayOf(at: number, timezone: string): string {
  if (timezone === 'UTC') return new Date(at * 1000).toISOString().slice(0, 10);
  const d = new TZDate(at * 1000, timezone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The per reviewer-day figures of the window's reviews (see the module's comment). */
export function largeAiPerReviewerDay(input: ReviewerDaysInput): LargeAiPerReviewerDay {
  // reviewer NUL day → the large AI-assisted changes reviewed then (a change reviewed twice that day counts once)
  const days = new Map<string, Set<MeasuredChange>>();
  for (const c of input.changes) {
    const review = c.review;
    const by = review?.reviewedBy;
    // a report made before the logins were kept, or one whose lists disagree: who reviewed when is unknown
    if (!review || !by || by.length !== review.reviewedAt.length) continue;
    const large = c.aiEvidence.length > 0 && (changedLines(c) ?? 0) > LARGE_CHANGE_LINES;
    review.reviewedAt.forEach((at, j) => {
      if (at < input.since || at >= input.until) return;
      const key = `${by[j] as string}\u0000${dayOf(at, input.timezone)}`;
      let set = days.get(key);
      if (!set) days.set(key, (set = new Set()));
      if (large) set.add(c);
    });
  }
  let worst: { count: number; login: string; day: string } | null = null;
  const counts: number[] = [];
  for (const [key, set] of days) {
    const [login, day] = key.split('\u0000') as [string, string];
    counts.push(set.size);
    // the most; among equals the earliest day, then the login in alphabetical order: the same on every run
    if (set.size > 0 && (worst === null || set.size > worst.count || (set.size === worst.count && (day < worst.day || (day === worst.day && login < worst.login))))) {
      worst = { count: set.size, login, day };
    }
  }
  counts.sort((a, b) => a - b);
  return {
    reviewerDays: counts.length,
    p90: percentile(counts, 0.9),
    worst: worst?.count ?? 0,
    worstDate: worst?.day ?? null,
    worstReviewer: worst?.login ?? null,
  };
}
