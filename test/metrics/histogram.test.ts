import { describe, expect, it } from 'vitest';
import { histogram, leadTimeHistogram } from '../../src/metrics/histogram.js';

const H = 3600;
const D = 86400;

describe('histogram', () => {
  it('buckets grow roughly by doubling, the lower edge inclusive, and leave nulls out', () => {
    const buckets = histogram([0, 59 * 60, H, 5 * H, D, 8 * D, 40 * D, null]);
    expect(buckets.map((b) => b.label)).toEqual(['< 1h', '1–4h', '4–12h', '12h–1d', '1–2d', '2–4d', '4–7d', '1–2w', '2–4w', '≥ 4w']);
    expect(buckets.map((b) => b.count)).toEqual([2, 1, 1, 0, 1, 0, 0, 1, 0, 1]);
    expect(buckets.at(-1)?.to).toBeNull();
  });

  it('is over lead time when anything deployed, else over cycle time', () => {
    expect(leadTimeHistogram([{ leadTime: null, cycleTime: 2 * H }, { leadTime: 5 * D, cycleTime: D }]).of).toBe('leadTime');
    const cycle = leadTimeHistogram([{ leadTime: null, cycleTime: 2 * H }, { leadTime: null, cycleTime: 30 * 60 }]);
    expect(cycle.of).toBe('cycleTime');
    expect(cycle.buckets.slice(0, 2).map((b) => b.count)).toEqual([1, 1]);
  });
});
