/*
 * What every rate per week is over (SPEC sections 4 and 6): the part of the window the history covers, from its
 * first commit (when that is later than the window's start) up to now, or up to where it ends (a product whose
 * package was removed in the window). Deploy frequency, the queues' arrivals,
 * departures and growth, the what-if's hours saved and the trends' rates all divide by it, and none is given from
 * under one whole week of it: two days of history would say 500 deploys a week.
 */
import type { Window } from '../domain.js';

const DAY = 86400;
const WEEK = 7 * DAY;

/** The covered part of a window, epoch seconds. */
export interface Coverage {
  from: number;
  to: number;
  /** to − from, never negative */
  seconds: number;
  /** the same in days, to two decimals: what a report says instead of a rate ("17 in 2.7 days") */
  days: number;
  /** the same in weeks; null under one whole week, where no rate per week is given */
  weeks: number | null;
}

/** The part of `window` the history covers, up to `now`. Pure. */
export function coverage(window: Window, now: number): Coverage {
  const from = Math.max(window.since, window.historyFrom ?? window.since);
  const to = Math.max(from, Math.min(window.until, window.historyUntil ?? window.until, Math.max(now, window.since)));
  const seconds = to - from;
  return { from, to, seconds, days: Math.round((seconds / DAY) * 100) / 100, weeks: seconds >= WEEK ? seconds / WEEK : null };
}

/** The covered part of `window` up to `now`, as a window: what a rate per week's daily counts are over. Pure. */
export function coveredWindow(window: Window, now: number): Window {
  const { from, to } = coverage(window, now);
  return { since: from, until: to };
}

/** `count` per week of the covered part; null under one whole week of it. */
export function perWeek(count: number, covered: Pick<Coverage, 'weeks'>): number | null {
  return covered.weeks === null ? null : count / covered.weeks;
}
