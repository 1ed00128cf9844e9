import { formatDuration } from '../units.js';

export { formatDuration };

/** A duration, or `≥ bound` when the percentile is beyond what the data reaches (changes still waiting). */
export function durationOrBound(value: number | null, bound: number | null | undefined): string {
  return value === null && bound !== null && bound !== undefined ? `≥ ${formatDuration(bound)}` : formatDuration(value);
}

export function formatPercent(ratio: number | null, digits = 0): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}
