import type { Window } from './domain.js';
import { ConfigError } from './errors.js';
import { parseDuration } from './units.js';

export const DEFAULT_WINDOW_DAYS = 90;
/** The longest window: two centuries of weeks is already a very long trend. */
export const MAX_WINDOW_YEARS = 200;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/i;
/** Times flowaudit reads: git dates start in 1970, and a four-digit year ends in 9999. */
const EARLIEST = 0;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/**
 * Reads a time given as an ISO date/time or a span back from `now` (`90d`, `12w`, `6mo`, `1y`, `48h`,
 * `1d 12h`; `m` is minutes, as in every duration flowaudit reads). A date without a time is midnight UTC; a
 * time without an offset is UTC. Strict: a day the month does not have (2026-02-30) is an error, not a day of
 * the next month.
 * @throws ConfigError naming the flag when it cannot be read, or is before 1970 or after 9999
 */
export function parseTime(value: string, now: number, flag: string): number {
  const text = value.trim();
  // a span has a unit: a bare number is neither a span nor a date
  const span = /^\d/.test(text) && /[a-z]$/i.test(text) && !ISO.test(text) ? parseDuration(text) : null;
  const seconds = span !== null ? now - span : isoSeconds(text);
  if (seconds === null) {
    throw new ConfigError(`${flag} '${clean(value)}' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo`);
  }
  if (!(seconds >= EARLIEST)) throw new ConfigError(`${flag} '${clean(value)}' is before 1970-01-01: git history has no earlier dates`);
  if (!(seconds <= LATEST)) throw new ConfigError(`${flag} '${clean(value)}' is after 9999-12-31: use a date with a four-digit year`);
  return seconds;
}

/** Epoch seconds of a strict ISO date or date-time; null when it is not one or names a day that does not exist. */
function isoSeconds(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  if (!dayExists(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (offsetHours > 14 || offsetMinutes > 59) return null;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  const fraction = m[7] === undefined ? 0 : Number(m[7]);
  return Math.floor(Date.UTC(year, month - 1, day, hour, minute, second) / 1000 + fraction) - offset;
}

/** 2026-02-30 does not exist: Date.UTC would quietly roll it over into March. */
function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
  if (until - since > MAX_WINDOW_YEARS * 365.25 * 86400) {
    throw new ConfigError(`the window from ${new Date(since * 1000).toISOString().slice(0, 10)} to ${new Date(until * 1000).toISOString().slice(0, 10)} is longer than ${MAX_WINDOW_YEARS} years: narrow --since or --until`);
  }
  return { since, until };
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
