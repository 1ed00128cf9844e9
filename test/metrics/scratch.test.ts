import { describe, expect, it } from 'vitest';
import { bootstrapDifference, compareMediansOf } from '../../src/metrics/bootstrap.js';
import { censoredDistribution, censoredDistributionOf, type Observation } from '../../src/metrics/censored.js';
import { distribution, distributionOf, median, medianOf } from '../../src/metrics/percentile.js';
import { ScratchPool } from '../../src/metrics/scratch.js';

/*
 * The metrics reuse scratch arrays (src/metrics/scratch.ts). Two computations at once must not share one: here
 * the second starts inside the first's `value` callback, while the first's values are half gathered, and both
 * must give what each gives alone.
 */

describe('scratch arrays lent to one computation at a time', () => {
  it('lends a second array while the first is out, and the first again once given back', () => {
    const pool = new ScratchPool(2);
    const a = pool.borrow(10);
    const b = pool.borrow(10);
    expect(b).not.toBe(a);
    pool.giveBack(b);
    pool.giveBack(a);
    expect(pool.borrow(10)).toBe(a);
    // too short for what is asked: a longer one, never the short one
    expect(pool.borrow(5000).length).toBeGreaterThanOrEqual(5000);
  });

  it('gives each of two interleaved distributions and medians its own answer', () => {
    const outer = [5, 1, 4, 2, 3];
    const inner = [100, 300, 200, 400];
    const alone = { outer: distribution(outer), inner: distribution(inner), innerMedian: median(inner) };
    const seen: unknown[] = [];
    const both = distributionOf(outer, (v) => {
      // a second computation while the first's values are gathered into its array
      seen.push(distributionOf(inner, (x) => x), medianOf(inner, (x) => x));
      return v;
    });
    expect(both).toEqual(alone.outer);
    expect(both).toEqual({ count: 5, p50: 3, p75: 4, p90: 4.6, mean: 3 });
    expect(seen).toEqual(Array.from({ length: 5 }, () => [alone.inner, alone.innerMedian]).flat());
    expect(medianOf(outer, (v) => (seen.push(median(inner)), v))).toBe(3);
  });

  it('gives each of two interleaved Kaplan–Meier estimates its own answer', () => {
    // each value five times: the estimate is read only while five are at risk
    const times5 = (o: Observation[]): Observation[] => o.flatMap((x) => [x, x, x, x, x]);
    const outer = times5([{ seconds: 10, done: true }, { seconds: 20, done: false }, { seconds: 30, done: true }, { seconds: 40, done: true }]);
    const inner = times5([{ seconds: 1000, done: true }, { seconds: 2000, done: false }, { seconds: 3000, done: true }]);
    const alone = { outer: censoredDistribution(outer), inner: censoredDistribution(inner) };
    const seen: unknown[] = [];
    const both = censoredDistributionOf(outer, (o) => {
      seen.push(censoredDistributionOf(inner, (x) => x));
      return o;
    });
    expect(both).toEqual(alone.outer);
    expect(both.p50).toBe(30);
    expect(seen.every((s) => JSON.stringify(s) === JSON.stringify(alone.inner))).toBe(true);
  });

  it('gives each of two interleaved bootstrap intervals its own answer', () => {
    const a = Array.from({ length: 40 }, (_, i) => 100 + i);
    const b = Array.from({ length: 40 }, (_, i) => i);
    const c = Array.from({ length: 30 }, (_, i) => 1000 + 2 * i);
    const alone = { ab: compareMediansOf(a, b, (v) => v), cb: bootstrapDifference(c, b) };
    const seen: unknown[] = [];
    const both = compareMediansOf(a, b, (v) => {
      if (v === 100) seen.push(bootstrapDifference(c, b));
      return v;
    });
    expect(both).toEqual(alone.ab);
    // the medians are 119.5 and 19.5: a difference of 100, well clear of 0
    expect(both.medians).toEqual([119.5, 19.5]);
    expect(both.interval.difference).toBe(100);
    expect(seen).toEqual([alone.cb]);
  });
});
