import { ConfigError } from './errors.js';
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

/**
 * Reads a time given as an ISO date/time or a span back from `now` (`90d`, `12w`, `6m`, `1y`, `48h`).
 * A date without a time is midnight UTC.
 * @throws ConfigError naming the flag when it cannot be read
 */
export function parseTime(value: string, now: number, flag: string): number {
  const span = SPAN.exec(value.trim());
  if (span) return now - Number(span[1]) * (SPAN_SECONDS[(span[2] ?? 'd').toLowerCase()] ?? 86400);
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  const ms = iso ? Date.parse(iso[1] && !iso[4] ? `${value.trim().replace(' ', 'T')}Z` : iso[1] ? value.trim().replace(' ', 'T') : `${value.trim()}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms)) {
    throw new ConfigError(`${flag} '${clean(value)}' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w`);
  }
  return Math.floor(ms / 1000);
}

export function resolveNow(now: string | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  return parseTime(now, 0, '--now');
}

/** The window `[since, until)`; default the last 90 days. @throws ConfigError when since is not before until */
export function resolveWindow(options: Pick<AuditOptions, 'since' | 'until'>, now: number): Window {
  const until = options.until === undefined ? now : parseTime(options.until, now, '--until');
  const since = options.since === undefined ? until - DEFAULT_WINDOW_DAYS * 86400 : parseTime(options.since, now, '--since');
  if (since >= until) {
    throw new ConfigError(`--since (${new Date(since * 1000).toISOString()}) must be before --until (${new Date(until * 1000).toISOString()})`);
  }
  return { since, until };
}

/** @throws ConfigError naming the flag when `source` is not a valid regular expression */
export function compileRegex(source: string, flag: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new ConfigError(`${flag} '${clean(source)}' is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
}

function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
