import { CALENDAR_DAYS, durationFormat, formatDuration, type DurationFormat } from '../units.js';

export { durationFormat, formatDuration, type DurationFormat };

/** A duration, or `≥ bound` when the percentile is beyond what the data reaches (changes still waiting). */
export function durationOrBound(value: number | null, bound: number | null | undefined, format: DurationFormat = CALENDAR_DAYS): string {
  return value === null && bound !== null && bound !== undefined ? `≥ ${formatDuration(bound, format)}` : formatDuration(value, format);
}

export function formatPercent(ratio: number | null, digits = 0): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}
