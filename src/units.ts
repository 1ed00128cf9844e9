const CALENDAR_DAY = 86400;

/**
 * A figure as the JSON report writes it: to the millionth. Every writer below rounds from this value, so a
 * page and the JSON beside it never round one figure apart (121.49999999999997 seconds, float noise of an
 * interpolated percentile, is 121.5 in the JSON: 2m 2s on every page, not 2m 1s in the terminal).
 */
export function asWritten(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * How long a `d` is where durations are written: a calendar day, or the working day when a report counts only
 * business hours (SPEC section 6: with --business-hours a "day" is a working day, 8h for 09:00–17:00). A value
 * the writer is given, so two reports written at once (one in working days) cannot change each other's units.
 */
export interface DurationFormat {
  /** seconds in a `d` */
  readonly day: number;
}

/** Durations in calendar days: what every writer uses unless its report counts business hours. */
export const CALENDAR_DAYS: DurationFormat = Object.freeze({ day: CALENDAR_DAY });

/** The format a report's durations are written in: working days when `hours` is set, calendar days otherwise. */
export function durationFormat(hours: { start: string; end: string } | null | undefined): DurationFormat {
  return hours ? { day: workingDaySeconds(hours) } : CALENDAR_DAYS;
}

/**
 * Human duration with the two largest units: `3d 4h`, `45m`, `12s`; '—' for null. Input in seconds. Shared by
 * the advice rows and the renderers, so both write a duration the same way; `format` says how long a `d` is.
 */
export function formatDuration(seconds: number | null, format: DurationFormat = CALENDAR_DAYS): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  let rest = Math.round(asWritten(seconds));
  if (rest <= 0) return '0s';
  const parts: string[] = [];
  const units: ReadonlyArray<readonly [string, number]> = [['d', format.day], ['h', 3600], ['m', 60], ['s', 1]];
  for (const [i, [unit, size]] of units.entries()) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
    // `2d 0h` says nothing `2d` does not
    if (parts.length === 1 && rest < (units[i + 1]?.[1] ?? 1)) break;
  }
  return parts.join(' ');
}

/** `09:00`–`17:00` → 28,800 seconds. */
export function workingDaySeconds(hours: { start: string; end: string }): number {
  const minutes = (clock: string): number => {
    const [h = 0, m = 0] = clock.split(':').map(Number);
    return h * 60 + m;
  };
  return Math.max(60, (minutes(hours.end) - minutes(hours.start)) * 60);
}

/**
 * Seconds per duration unit, everywhere a duration is written (`--since 90d`, thresholds, `check`): `m` is
 * minutes, months are `mo` (30 days) and years `y` (365 days).
 */
export const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 7 * 86400, mo: 30 * 86400, y: 365 * 86400 };

const DURATION_PART = /(\d+(?:\.\d+)?)\s*(mo|[smhdwy])(?![a-z])/y;

/**
 * Reads a duration: `24h`, `3d`, `1d 12h`, `90m`, `45s`, `2w`, `6mo`, `1y`, or a plain number of seconds.
 * Case-insensitive; null when it is not one (negative, empty, an unknown unit).
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number.isFinite(Number(text)) ? Number(text) : null;
  let seconds = 0;
  let at = 0;
  while (at < text.length) {
    DURATION_PART.lastIndex = at;
    const m = DURATION_PART.exec(text);
    if (m === null) return null;
    seconds += Number(m[1]) * (DURATION_UNITS[m[2] ?? 's'] ?? 1);
    at = DURATION_PART.lastIndex;
    while (text[at] === ' ') at++;
  }
  // a 400-digit amount is not a duration, it is Infinity
  return Number.isFinite(seconds) ? seconds : null;
}

const PLURAL = new Intl.PluralRules('en-US');

/**
 * The noun in the form English gives it for `count`: `change` for 1, `changes` for 0, 2 or 1.5. `other` is the
 * plural when it is not `one` + "s" (`reply`, `replies`).
 */
export function noun(count: number, one: string, other = `${one}s`): string {
  return PLURAL.select(count) === 'one' ? one : other;
}

/** `a`, `a and b`, `a, b and c`: words in a sentence's list. */
export function andList(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** The first `count` items, comma-separated, and an ellipsis when there are more: a warning's few examples. */
export function firstFew(items: readonly (string | number)[], count: number): string {
  return `${items.slice(0, count).join(', ')}${items.length > count ? ', …' : ''}`;
}

/** `1 change`, `3 changes`, `0 changes`: a count and its noun. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${noun(count, one, other)}`;
}

/*
 * How each kind of figure is written, everywhere it is written (every format, the headline, the advice rows, the
 * gates): one writer per kind, so one figure never reads two ways on one page. Durations are `formatDuration`'s.
 */

/** how close a float must come to a whole percent to be written as one (0.05 × 100 is 5.000000000000001) */
const WHOLE = 1e-9;

/**
 * A ratio (0–1) in percent: whole from 10% (`44%`), one decimal under it (`5.3%`, `0.5%`), so 4.5% is never
 * written as DORA's 5%; a ratio that is not 0 never reads `0%` (`< 0.1%` under 0.05%) and one that is not 1
 * never `100%` (`> 99%` from 99.5%). `—` when not measured. docs/definitions.md states the rule.
 */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  if (ratio === 0) return '0%';
  if (ratio === 1) return '100%';
  const p = asWritten(ratio) * 100;
  if (p < 0.05) return '< 0.1%';
  if (p >= 99.5) return '> 99%';
  if (p < 9.95) return Math.abs(p - Math.round(p)) < WHOLE ? `${Math.round(p)}%` : `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/**
 * A rate per week (deploys, arrivals): two decimals (`0.34`), so a repository releasing every six weeks does not
 * read 0.2 in one place and 0.17 in another, nor one releasing twice a year 0.0 beside its 12 deploys. `—` when
 * not measured.
 */
export function formatPerWeek(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : asWritten(value).toFixed(2);
}

/** A plain number (a mean queue, reviews per change, change-hours): one decimal under 100 (`17.5`), whole from 100 (`1104`); `—` when not measured. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const written = asWritten(value);
  return Math.abs(written) >= 99.95 ? String(Math.round(written)) : written.toFixed(1);
}

/** Lines changed: `12 lines`, `1 line`; `—` when not measured. */
export function formatLines(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return plural(Math.round(asWritten(value)), 'line');
}

/**
 * A signed figure written by its kind's writer: `+0.70`, `−1.25`, `0.00` (a change, a growth). What writes as
 * zero has no sign: `+0s` or `−0.00` would say a direction the figure does not have.
 */
export function withSign(value: number | null | undefined, write: (magnitude: number) => string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const magnitude = write(Math.abs(value));
  return value === 0 || magnitude === write(0) ? magnitude : `${value > 0 ? '+' : '−'}${magnitude}`;
}

/**
 * A difference of two ratios in percentage points, signed, its size written as a ratio is (whole from 10 points,
 * one decimal under them): `+3.5 pp`, `−12 pp`, `0 pp`; `—` when not measured.
 */
export function formatPoints(difference: number | null | undefined, minus = '−'): string {
  if (difference === null || difference === undefined || !Number.isFinite(difference)) return '—';
  const size = formatRatio(Math.abs(asWritten(difference))).replace(/%$/, '');
  return size === '0' ? '0 pp' : `${difference < 0 ? minus : '+'}${size} pp`;
}
