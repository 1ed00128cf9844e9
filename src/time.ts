import type { Window } from './domain.js';
import { ConfigError } from './errors.js';
import { parseDuration } from './units.js';

export const DEFAULT_WINDOW_DAYS = 90;
/** The longest window: two centuries of weeks is already a very long trend. */
export const MAX_WINDOW_YEARS = 200;

/** Times flowaudit reads: git dates start in 1970, and a four-digit year ends in 9999. */
const EARLIEST = 0;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/**
 * How a time must be written where flowaudit reads it: one parser (`isoSeconds`) for every time it reads, each
 * place saying which form it takes, and each error saying what that form is in the same words (`expected`).
 */
export interface TimeForm {
  /**
   * `required`: a zone (`Z`, `+02:00`, `+0200`) must be given, where another system wrote the time (events
   * files, reports, GitHub's answers: without one it would be read in this machine's zone); `utc`: a time
   * without one is UTC (flags)
   */
  readonly zone: 'required' | 'utc';
  /** a date alone is midnight UTC (flags) */
  readonly dateOnly: boolean;
  /** the largest offset from UTC, in hours: 14 where a person types it (no zone is further), 23 as RFC 3339 allows */
  readonly maxOffsetHours: number;
  /** what the place takes, as its errors say: `an ISO 8601 time with its zone, such as 2026-03-02T14:05:00Z` */
  readonly expected: string;
}

/** The form of a flag's time (--since, --until, --now, a compare window): a date, or a time in UTC unless a zone is given. */
export const FLAG_TIME: TimeForm = { zone: 'utc', dateOnly: true, maxOffsetHours: 14, expected: 'an ISO date (2026-01-31, 2026-01-31T12:00:00Z)' };

/** The form of a time another system wrote (an events file, a report, GitHub's answers): a date and time with its zone. */
export const RECORD_TIME: TimeForm = { zone: 'required', dateOnly: false, maxOffsetHours: 23, expected: 'an ISO 8601 time with its zone, such as 2026-03-02T14:05:00Z' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/i;
const DAY = 86_400;

/**
 * Reads a time given as an ISO date/time or a span back from `now` (`90d`, `12w`, `6mo`, `1y`, `48h`,
 * `1d 12h`; `m` is minutes, as in every duration flowaudit reads): a flag's time (`FLAG_TIME`). A date without
 * a time is midnight UTC; a time without an offset is UTC. Strict: a day the month does not have (2026-02-30)
 * is an error, not a day of the next month.
 * @throws ConfigError naming the flag when it cannot be read, or is before 1970 or after 9999
 */
export function parseTime(value: string, now: number, flag: string): number {
  const text = value.trim();
  // a span has a unit: a bare number is neither a span nor a date
  const span = /^\d/.test(text) && /[a-z]$/i.test(text) && !ISO.test(text) ? parseDuration(text) : null;
  const seconds = span !== null ? now - span : isoSeconds(text, FLAG_TIME);
  if (seconds === null) {
    throw new ConfigError(`${flag} '${clean(value)}' is not a date: use ${FLAG_TIME.expected} or a span like 90d, 12w, 6mo`);
  }
  if (!(seconds >= EARLIEST)) throw new ConfigError(`${flag} '${clean(value)}' is before 1970-01-01: git history has no earlier dates`);
  if (!(seconds <= LATEST)) throw new ConfigError(`${flag} '${clean(value)}' is after 9999-12-31: use a date with a four-digit year`);
  return seconds;
}

/**
 * Epoch seconds (whole, rounded down) of an ISO 8601 date-time written in `form`, for every time flowaudit
 * reads; null when it is not one: a day its month does not have (2026-02-30, 2025-02-29), an hour past 23, a
 * minute or second past 59, an offset past the form's, a zone missing where the form needs one. Years 0000-9999
 * as written (Date.UTC would read 0099 as 1999). Pure.
 */
export function isoSeconds(text: string, form: TimeForm = RECORD_TIME): number | null {
  const fast = reportFormSeconds(text);
  if (fast !== undefined) return fast;
  const m = ISO.exec(text);
  if (!m) return null;
  if (m[4] === undefined && !form.dateOnly) return null;
  if (m[4] !== undefined && m[8] === undefined && form.zone === 'required') return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  if (!dayExists(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (offsetHours > form.maxOffsetHours || offsetMinutes > 59) return null;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  const fraction = m[7] === undefined ? 0 : Number(m[7]);
  return Math.floor(daysFromCivil(year, month, day) * DAY + hour * 3600 + minute * 60 + second + fraction) - offset;
}

const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const two = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

/**
 * `2026-03-04T10:00:00Z`, the one form reports write (and GitHub answers in), read without a regular expression
 * or Date.parse (an organisation's aggregate reads 3.5 million of them); undefined for any other form, which
 * `isoSeconds` reads the long way, and null for that form with a day or time that does not exist.
 */
function reportFormSeconds(text: string): number | null | undefined {
  if (!(text.length === 20 && text[4] === '-' && text[7] === '-' && text[10] === 'T' && text[13] === ':' && text[16] === ':' && text[19] === 'Z')) return undefined;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  // NaN fails every comparison: a non-digit is no time
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return null;
  return daysFromCivil(year, month, day) * DAY + hour * 3600 + minute * 60 + second;
}

/** 2026-02-30 does not exist: Date.UTC would quietly roll it over into March. */
function dayExists(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard Hinnant's days_from_civil), in half
 * Date.UTC's time and for every four-digit year as written.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  // months counted from March, so that February, with its leap day, comes last
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function resolveNow(now: string | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  return parseTime(now, 0, '--now');
}

/**
 * The time every figure is measured at, in epoch seconds (SPEC section 6): the time `--now` gives when it is
 * given, else the window's end, or the clock when that comes first (a window that runs to now). A closed window
 * is measured at its end, so its report reads the same whenever it runs.
 */
export function measuredAt(window: Window, clock: number, nowGiven: boolean): number {
  return nowGiven ? clock : Math.min(window.until, clock);
}

/** The longest window in seconds: `MAX_WINDOW_YEARS` of 365.25 days. */
const MAX_WINDOW_SECONDS = MAX_WINDOW_YEARS * 365.25 * DAY;

/** Whether epoch seconds `t` is within the years flowaudit reads: 1970-01-01 to 9999-12-31. */
export function withinYears(t: number): boolean {
  return t >= EARLIEST && t <= LATEST;
}

/**
 * What makes `[since, until)` a window the flags could not give, and the field it is about (none: the window
 * as a whole); null when it is one. The same rules as `resolveWindow`, for a window read from a report.
 */
export function windowProblem(since: number, until: number): { field?: 'since' | 'until'; message: string } | null {
  if (!withinYears(since)) return { field: 'since', message: 'is not between 1970-01-01 and 9999-12-31, where a window is' };
  if (!withinYears(until)) return { field: 'until', message: 'is not between 1970-01-01 and 9999-12-31, where a window is' };
  if (since >= until) return { field: 'until', message: 'is not after since: a window ends after it starts' };
  if (until - since > MAX_WINDOW_SECONDS) return { message: `is longer than ${MAX_WINDOW_YEARS} years, as no window flowaudit writes is` };
  return null;
}

/** A window as a report writes it: ISO times with their zone. */
export interface WrittenWindow {
  readonly since: string;
  readonly until: string;
  readonly historyFrom?: string | undefined;
  readonly historyUntil?: string | undefined;
}

/**
 * A window a report wrote, back in epoch seconds: what every reader of a report (the advice's what-if, the
 * aggregate, compare, a report's slices) measures over. A bound that is not a time reads as 0, as the report's
 * own checks have refused such a report before this reads it.
 */
export function windowFrom(window: WrittenWindow): Window {
  const at = (time: string | undefined): number | null => (time === undefined ? null : isoSeconds(time, RECORD_TIME));
  const historyFrom = at(window.historyFrom);
  const historyUntil = at(window.historyUntil);
  return { since: at(window.since) ?? 0, until: at(window.until) ?? 0, ...(historyFrom !== null && { historyFrom }), ...(historyUntil !== null && { historyUntil }) };
}

/** The window of the same length just before `window`, which a report compares it with. */
export function previousWindow(window: Window): Window {
  return { since: window.since - (window.until - window.since), until: window.since };
}

/**
 * The window `[since, until)`; default the last 90 days.
 * @throws ConfigError when since is not before until, or the window is longer than MAX_WINDOW_YEARS
 */
export function resolveWindow(options: { since?: string | undefined; until?: string | undefined }, now: number): Window {
  const until = options.until === undefined ? now : parseTime(options.until, now, '--until');
  const since = options.since === undefined ? Math.max(EARLIEST, until - DEFAULT_WINDOW_DAYS * 86400) : parseTime(options.since, now, '--since');
  if (since >= until) {
    throw new ConfigError(`--since (${new Date(since * 1000).toISOString()}) must be before --until (${new Date(until * 1000).toISOString()})`);
  }
  if (until - since > MAX_WINDOW_SECONDS) {
    throw new ConfigError(`the window from ${new Date(since * 1000).toISOString().slice(0, 10)} to ${new Date(until * 1000).toISOString().slice(0, 10)} is longer than ${MAX_WINDOW_YEARS} years: narrow --since or --until`);
  }
  return { since, until };
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
