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

describe('size buckets', async () => {
  const { sizeSummary } = await import('../../src/metrics/size.js');
  it('gives cycle time p50 per size bucket', () => {
    const c = (lines: number, cycleTime: number): { size: { additions: number; deletions: number; files: number }; cycleTime: number } => ({ size: { additions: lines, deletions: 0, files: 1 }, cycleTime });
    const s = sizeSummary([c(10, 100), c(40, 300), c(300, 1000), c(900, 5000), { size: null, cycleTime: 7 } as never]);
    expect(s).toMatchObject({ count: 4, p50: 170, over200: 0.5, over400: 0.25 });
    expect(s.buckets).toEqual([
      { bucket: '0-50', count: 2, cycleTimeP50: 200 },
      { bucket: '51-200', count: 0, cycleTimeP50: null },
      { bucket: '201-400', count: 1, cycleTimeP50: 1000 },
      { bucket: '401+', count: 1, cycleTimeP50: 5000 },
    ]);
  });
});
