import { ConfigError } from '../errors.js';
import { parseTime } from '../time.js';

export type Side = { kind: 'file'; path: string } | { kind: 'window'; since: string; until: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const STARTS_WITH_DATE = /^\d{4}-\d{2}-\d{2}/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads one side of `compare`: a window `SINCE..UNTIL` (ISO dates or date-times) or, for anything not starting
 * with a date followed by `..`, a JSON report file path.
 * A date-only UNTIL includes that day: `2026-01-01..2026-03-31` is the window [2026-01-01, 2026-04-01),
 * and `until` comes back as `2026-04-01`, ready for `--until`. Pure.
 * @throws ConfigError for an empty side, a window with a bad or missing end, or a window that ends before it starts
 */
export function parseSide(arg: string): Side {
  const text = arg.trim();
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (text === '') throw new ConfigError('compare needs a JSON report file or a window such as 2026-01-01..2026-03-31, got an empty argument');
  if (ISO_TIME.test(text)) throw new ConfigError(`'${shown}' is one date, not a window: write SINCE..UNTIL, such as 2026-01-01..2026-03-31`);
  // a file may be named 2026-01-01.json; only a date followed by `..` is a window
  if (!STARTS_WITH_DATE.test(text) || !text.includes('..')) return { kind: 'file', path: arg };
  const parts = text.split('..');
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) {
    throw new ConfigError(`'${shown}' is not a window: write SINCE..UNTIL, such as 2026-01-01..2026-03-31`);
  }
  const [since, untilWritten] = parts.map((p) => p.trim()) as [string, string];
  const time = (value: string): number => {
    try {
      if (!STARTS_WITH_DATE.test(value)) throw new Error('not a date');
      return parseTime(value, 0, 'window');
    } catch {
      throw new ConfigError(`'${shown}' is not a window: '${value}' is not an ISO date (write SINCE..UNTIL, such as 2026-01-01..2026-03-31)`);
    }
  };
  const start = time(since);
  // a date-only end includes its day
  const until = DATE_ONLY.test(untilWritten) ? new Date((time(untilWritten) + 86400) * 1000).toISOString().slice(0, 10) : untilWritten;
  const end = time(until);
  if (start >= end) throw new ConfigError(`window '${shown}' ends before it starts`);
  return { kind: 'window', since, until };
}
