import { describe, expect, it } from 'vitest';
import { distribution, percentile } from '../../src/metrics/percentile.js';
import { formatDuration } from '../../src/render/duration.js';

describe('type-7 percentiles (SPEC section 6)', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('ignores nulls and counts what it used', () => {
    expect(distribution([null, 4, 1, null, 3, 2])).toEqual({ count: 4, p50: 2.5, p75: 3.25, p90: 3.7000000000000002, mean: 2.5 });
    expect(distribution([null])).toEqual({ count: 0, p50: null, p75: null, p90: null, mean: null });
  });
});

describe('human durations', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(3 * 86400 + 4 * 3600 + 59)).toBe('3d 4h');
    expect(formatDuration(45 * 60)).toBe('45m');
    expect(formatDuration(2 * 86400)).toBe('2d');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(null)).toBe('—');
  });
});
