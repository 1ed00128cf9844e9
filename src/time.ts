import type { Window } from './domain.js';
import { ConfigError } from './errors.js';
import { parseDuration } from './units.js';

export const DEFAULT_WINDOW_DAYS = 90;

/**
 * Reads a time given as an ISO date/time or a span back from `now` (`90d`, `12w`, `6mo`, `1y`, `48h`; `m` is
 * minutes). A date without a time is midnight UTC.
 * @throws ConfigError naming the flag when it cannot be read
 */
export function parseTime(value: string, now: number, flag: string): number {
  const span = /^\d/.test(value.trim()) && !/^\d{4}-/.test(value.trim()) ? parseDuration(value) : null;
  if (span !== null && /[a-z]/i.test(value)) return now - span;
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  const ms = iso ? Date.parse(iso[1] && !iso[4] ? `${value.trim().replace(' ', 'T')}Z` : iso[1] ? value.trim().replace(' ', 'T') : `${value.trim()}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms)) {
    throw new ConfigError(`${flag} '${clean(value)}' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo`);
  }
  return Math.floor(ms / 1000);
}

export function resolveNow(now: string | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  return parseTime(now, 0, '--now');
}

/** The window `[since, until)`; default the last 90 days. @throws ConfigError when since is not before until */
export function resolveWindow(options: { since?: string | undefined; until?: string | undefined }, now: number): Window {
  const until = options.until === undefined ? now : parseTime(options.until, now, '--until');
  const since = options.since === undefined ? until - DEFAULT_WINDOW_DAYS * 86400 : parseTime(options.since, now, '--since');
  if (since >= until) {
    throw new ConfigError(`--since (${new Date(since * 1000).toISOString()}) must be before --until (${new Date(until * 1000).toISOString()})`);
  }
  return { since, until };
}


function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
