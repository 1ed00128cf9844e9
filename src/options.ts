import { isExists } from 'date-fns';
import { ConfigError } from './errors.js';
import { compilePattern, PatternError, type Pattern } from './patterns.js';
import type { DeploySignalKind, Window } from './domain.js';
import type { BusinessHours } from './metrics/business-hours.js';


/** Everything `audit()` needs, resolved from flags (and later the config file). */
export interface AuditOptions {
  path: string;
  branch?: string;
  since?: string;
  until?: string;
  /** ISO time taken as "now": reproducible output */
  now?: string;
  deployFrom?: DeploySignalKind;
  tagPattern?: string;
  includeBots?: boolean;
  botPattern?: string;
  aiMarkers?: string[];
  /** count only working time in every duration */
  businessHours?: BusinessHours;
  /** --config FILE (absolute); default .flowaudit.json at the repository root */
  configFile?: string;
  /** false: git only, even with a token (--no-github) */
  github?: boolean;
  /** owner/name on GitHub (default: from origin) */
  repo?: string;
  /** GraphQL endpoint (default from the remote host or GH_HOST) */
  apiUrl?: string;
  noCache?: boolean;
  refresh?: boolean;
  /** on a rate limit that resets too late, report on what was fetched */
  partial?: boolean;
  /** longest wait for each GitHub request, in seconds (--timeout; default 30) */
  timeoutSeconds?: number;
  environment?: string;
  incidentLabel?: string;
  requiredApprovals?: number;
  /** where the token and GH_HOST come from (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** report the GitHub query cost on stderr */
  verbose?: boolean;
  /** called with progress messages (the CLI shows them on a TTY) */
  progress?: (message: string) => void;
  /** called with warnings (stderr) */
  warn?: (message: string) => void;
}

export const DEFAULT_TAG_PATTERN = String.raw`^v?\d+\.\d+(\.\d+)?`;
export const DEFAULT_WINDOW_DAYS = 90;

const SPAN = /^(\d+)\s*(h|d|w|m|y)$/i;
const SPAN_SECONDS: Record<string, number> = { h: 3600, d: 86400, w: 7 * 86400, m: 30 * 86400, y: 365 * 86400 };
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/i;
/** Times flowaudit reads: git dates start in 1970, and a four-digit year ends in 9999. */
const EARLIEST = 0;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;
/** The longest window: two centuries of weeks is already a very long trend. */
export const MAX_WINDOW_YEARS = 200;

/**
 * Reads a time given as an ISO date/time or a span back from `now` (`90d`, `12w`, `6m`, `1y`, `48h`).
 * A date without a time is midnight UTC; a time without an offset is UTC. Strict: a day the month does not
 * have (2026-02-30) is an error, not a day of the next month.
 * @throws ConfigError naming the flag when it cannot be read, or is before 1970 or after 9999
 */
export function parseTime(value: string, now: number, flag: string): number {
  const text = value.trim();
  const span = SPAN.exec(text);
  const seconds = span ? now - Number(span[1]) * (SPAN_SECONDS[(span[2] ?? 'd').toLowerCase()] ?? 86400) : isoSeconds(text);
  if (seconds === null) {
    throw new ConfigError(`${flag} '${clean(value)}' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w`);
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
  if (!isExists(year, month - 1, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (offsetHours > 14 || offsetMinutes > 59) return null;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  const fraction = m[7] === undefined ? 0 : Number(m[7]);
  return Math.floor(Date.UTC(year, month - 1, day, hour, minute, second) / 1000 + fraction) - offset;
}

export function resolveNow(now: string | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  return parseTime(now, 0, '--now');
}

/**
 * The window `[since, until)`; default the last 90 days.
 * @throws ConfigError when since is not before until, or the window is longer than MAX_WINDOW_YEARS
 */
export function resolveWindow(options: Pick<AuditOptions, 'since' | 'until'>, now: number): Window {
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

/**
 * Compiles a pattern from a flag or the config (`i`: ignore case, `m`: multiline) on the linear-time engine.
 * @throws ConfigError naming the flag when `source` is not a pattern that engine can run
 */
export function compileRegex(source: string, flag: string, flags = ''): Pattern {
  try {
    return compilePattern(source, { ignoreCase: flags.includes('i'), multiline: flags.includes('m') });
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new ConfigError(`${flag} '${clean(source)}' is not a valid regular expression: ${error.message}`);
  }
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
