import { describe, expect, it } from 'vitest';
import { distribution, distributionOf, medianOf, orderBand, percentile, percentilesOfUnsorted } from '../../src/metrics/percentile.js';
import { mulberry32 } from '../../src/metrics/prng.js';
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

describe('percentiles by selection', () => {
  it('reads the ranks a full sort would give: duplicates, ties at the interpolation points, unsorted input', () => {
    // 10 values: p50 between ranks 4 and 5 (0-based), p75 at 6.75, p90 at 8.1; written out by hand
    const values = [9, 1, 7, 7, 3, 10, 2, 7, 5, 4];
    // sorted: 1 2 3 4 5 7 7 7 9 10 → p50 (5+7)/2 = 6, p75 7 + 0.75×0 = 7, p90 9 + 0.1×1 = 9.1
    expect(distribution(values)).toEqual({ count: 10, p50: 6, p75: 7, p90: 9.1, mean: 5.5 });
    // an off-by-one in the rank would read 5 or 7 for p50, 9 or 10 for p90
    expect(distribution([...values].reverse())).toEqual(distribution(values));
  });

  it('over a field of items, leaving out nulls and what is not a finite number', () => {
    const items = [{ t: 4 }, { t: null }, { t: 1 }, { t: Number.NaN }, { t: 3 }, { t: 2 }, { t: Infinity }];
    expect(distributionOf(items, (i) => i.t)).toEqual({ count: 4, p50: 2.5, p75: 3.25, p90: 3.7000000000000002, mean: 2.5 });
  });

  it('is not confused by a larger call before a smaller one (the values are held in one scratch array)', () => {
    distribution(Array.from({ length: 5000 }, (_, i) => 5000 - i));
    expect(distribution([3, 1, 2])).toEqual({ count: 3, p50: 2, p75: 2.5, p90: 2.8, mean: 2 });
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

  it('reads two percentiles that fall between the same two values: the second searches past the first', () => {
    // 0 and 10: p90 at 0.9 and p75 at 0.75 both lie between index 0 and 1 → 9 and 7.5
    expect(percentilesOfUnsorted(Float64Array.of(10, 0), [0.9, 0.75, 0.5])).toEqual([9, 7.5, 5]);
    // 5 values: p97.5 at 3.9, p2.5 at 0.1 → 4 + 0.9×(100 − 4) = 90.4 and 0 + 0.1×1 = 0.1
    const [high, low] = percentilesOfUnsorted(Float64Array.of(4, 100, 0, 2, 1), [0.975, 0.025]);
    expect(high).toBeCloseTo(90.4, 10);
    expect(low).toBeCloseTo(0.1, 10);
  });

  it('puts a band of ranks in sorted order and only the band, the rest on its right side', () => {
    // 0..999 shuffled (Fisher–Yates, seeded): the value at rank r is r
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const random = mulberry32(5);
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [values[i], values[j]] = [values[j] as number, values[i] as number];
    }
    orderBand(values, 480, 520);
    expect(Array.from(values.subarray(480, 521))).toEqual(Array.from({ length: 41 }, (_, i) => 480 + i));
    expect(Math.max(...values.subarray(0, 480))).toBe(479);
    expect(Math.min(...values.subarray(521))).toBe(521);
    // a band that is most of the values: all of them sorted
    const most = Float64Array.from({ length: 8 }, (_, i) => (i * 3) % 8);
    orderBand(most, 1, 6);
    expect(Array.from(most)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('medianOf', () => {
  it('is type 7 over the finite values: between the two middle ones of an even count, nulls and infinities left out', () => {
    const items = [{ v: 5 }, { v: null }, { v: 1 }, { v: 3 }, { v: Infinity }, { v: 9 }];
    // 1, 3, 5, 9: halfway between 3 and 5
    expect(medianOf(items, (i) => i.v)).toBe(4);
    expect(medianOf([{ v: 7 }], (i) => i.v)).toBe(7);
    expect(medianOf([{ v: null }], (i) => i.v)).toBeNull();
    expect(medianOf([], (i: { v: number }) => i.v)).toBeNull();
  });

  it('reads the middle of a large shuffled sample, odd and even', () => {
    // 1 … 10,001 in a scrambled order (7919 is prime, so i × 7919 mod 10,001 visits each once): the median is 5,001
    const values = Array.from({ length: 10001 }, (_, i) => ((i * 7919) % 10001) + 1);
    expect(medianOf(values, (v) => v)).toBe(5001);
    // the last one left out is 2,083 (10,000 × 7919 ≡ −7919 ≡ 2082): 5,001 and 5,002 are the middle two
    expect(medianOf(values.slice(0, 10000), (v) => v)).toBe(5001.5);
  });
});
