import { TZDate } from '@date-fns/tz';
import { isoTime } from '../time-format.js';

/**
 * The starts of the weeks that cover `[since, until)`: Mondays 00:00 in `timezone` (an IANA name), as epoch
 * seconds, the first on or before `since`, the last before `until`; plus the Monday after the last, so week
 * i is `[starts[i], starts[i + 1])`. Daylight saving is handled by computing each Monday in the zone. Pure.
 */
export function weekBoundaries(since: number, until: number, timezone: string): readonly number[] {
  // a report over many repositories asks again for each one's row, mostly over the same window: each zone's
  // Mondays are worked out once
  const key = `${since}/${until}/${timezone}`;
  let bounds = known.get(key);
  if (bounds === undefined) {
    if (known.size >= KNOWN) known.delete(known.keys().next().value as string);
    known.set(key, (bounds = Object.freeze(mondays(since, until, timezone))));
  }
  return bounds;
}

const KNOWN = 16;
const known = new Map<string, readonly number[]>();

const DAY = 86400;

function mondays(since: number, until: number, timezone: string): number[] {
  // in UTC a Monday is plain arithmetic; TZDate costs a time-zone lookup per Monday (1,400 over 26 years)
  if (timezone === 'UTC') {
    const day = Math.floor(since / DAY);
    // day 0, 1970-01-01, was a Thursday: 3 days after a Monday
    const first = day - ((((day + 3) % 7) + 7) % 7);
    const out = [first * DAY];
    for (let i = 1; (out[out.length - 1] as number) < until; i++) out.push((first + 7 * i) * DAY);
    return out;
  }
  const first = new TZDate(since * 1000, timezone);
  const back = (first.getDay() + 6) % 7;
  const monday = (weeks: number): number =>
    new TZDate(first.getFullYear(), first.getMonth(), first.getDate() - back + 7 * weeks, 0, 0, 0, timezone).getTime() / 1000;
  const out = [monday(0)];
  for (let i = 1; (out[out.length - 1] as number) < until; i++) out.push(monday(i));
  return out;
}

/**
 * The week `t` falls in: the last i with `bounds[i] <= t`, for `t` in `[bounds[0], bounds[last])` (0 before
 * them, the last week after them). Weeks are seven days but for a daylight saving hour, so the week counted
 * from the first is the one or beside it: a step or two, where a search took seven over a two-year window (it
 * is asked twice per change and stage over an organisation's 600,000 changes).
 */
export function weekIndex(bounds: readonly number[], t: number): number {
  const last = bounds.length - 2;
  if (last <= 0) return 0;
  let i = Math.floor((t - (bounds[0] as number)) / WEEK);
  // NaN and times before the first week too
  if (!(i >= 0)) i = 0;
  else if (i > last) i = last;
  while (i > 0 && (bounds[i] as number) > t) i--;
  while (i < last && (bounds[i + 1] as number) <= t) i++;
  return i;
}

const WEEK = 7 * DAY;

const starts = new WeakMap<readonly number[], readonly string[]>();

/**
 * Each week's start as the report writes it, an ISO UTC time (`2026-03-02T00:00:00Z`), for `bounds` from
 * `weekBoundaries`: written once per window, not once per stage.
 */
export function weekStarts(bounds: readonly number[]): readonly string[] {
  let out = starts.get(bounds);
  if (out === undefined) starts.set(bounds, (out = bounds.slice(0, -1).map((s) => isoTime(s) as string)));
  return out;
}
