import { describe, expect, it } from 'vitest';
import { censoredDistribution, censoredPercentile, type Observation } from '../../src/metrics/censored.js';

const done = (...seconds: number[]): Observation[] => seconds.map((s) => ({ seconds: s, done: true }));
const running = (...seconds: number[]): Observation[] => seconds.map((s) => ({ seconds: s, done: false }));

describe('censoredDistribution', () => {
  it('is type 7 over the values when none is still running', () => {
    // p50 of 1, 2, 3, 4 is 2.5; p75 at rank 2.25: 3 + 0.25; p90 at rank 2.7: 3 + 0.7
    expect(censoredDistribution(done(4, 1, 3, 2))).toEqual({ count: 4, p50: 2.5, p75: 3.25, p90: 3.7, mean: 2.5, censored: 0, atLeast: null });
    expect(censoredDistribution([])).toEqual({ count: 0, p50: null, p75: null, p90: null, mean: null, censored: 0, atLeast: null });
  });

  it('reads the percentiles off the Kaplan–Meier estimate when some are still running', () => {
    /*
     * finished 2, 4, 6, 8, 10; still running at 5 and 9 (7 in all):
     *   t=2  at risk 7: Ŝ = 6/7            = 0.857
     *   t=4  at risk 6: Ŝ = 6/7 × 5/6      = 0.714
     *   (5 leaves, running)
     *   t=6  at risk 4: Ŝ = 5/7 × 3/4      = 0.536
     *   t=8  at risk 3: Ŝ = 15/28 × 2/3    = 0.357  ≤ 0.5: p50 = 8
     *   (9 leaves, running)
     *   t=10 at risk 1: Ŝ = 0                       ≤ 0.25 and ≤ 0.1: p75 = p90 = 10
     * Type 7 over the finished values alone would say p50 = 6.
     */
    expect(censoredDistribution([...done(2, 4, 6, 8, 10), ...running(5, 9)])).toEqual({ count: 7, p50: 8, p75: 10, p90: 10, mean: null, censored: 2, atLeast: null });
  });

  it('leaves a percentile the estimate never reaches null, with a true lower bound of it', () => {
    // finished 1, 2, 3, 4, running 5: Ŝ = 4/5, 3/5, 2/5 (p50 = 3), 1/5 (p75 = 4), then no more steps: p90 unknown,
    // at least type 7 of 1, 2, 3, 4, 5 at rank 3.6 = 4.6
    expect(censoredDistribution([...done(1, 2, 3, 4), ...running(5)])).toEqual({ count: 5, p50: 3, p75: 4, p90: null, mean: null, censored: 1, atLeast: 4.6, bounds: { p50: null, p75: null, p90: 4.6 } });
    // nothing finished at all: every percentile unknown, each at least type 7 of the waits so far (3, 7)
    expect(censoredDistribution(running(3, 7))).toEqual({ count: 2, p50: null, p75: null, p90: null, mean: null, censored: 2, atLeast: 5, bounds: { p50: 5, p75: 6, p90: 6.6 } });
  });

  it('bounds an unreached percentile by the reached one below it, when the waits so far say less', () => {
    /*
     * finished 10, 20, …, 100; running 30 at 1 and 2 at 500 (42 in all). At t=1 the 30 leave at risk, unfinished:
     * 12 at risk, and each finished value takes a twelfth: Ŝ = 3/12 = 0.25 at 90 (p75 = 90), 2/12 at 100, then no
     * more steps: p90 unreached. Type 7 of the 42 at rank 36.9 (the 30 ones first) is 70 + 0.9 × 10 = 79, under
     * the p75: p90 is at least p75, 90.
     */
    const d = censoredDistribution([...done(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), ...running(...Array<number>(30).fill(1), 500, 500)]);
    expect(d).toMatchObject({ p50: 60, p75: 90, p90: null, atLeast: 90, bounds: { p50: null, p75: null, p90: 90 } });
  });

  it('bounds a window where every change waits by their ages, not by the oldest', () => {
    // four changes waiting 1d, 2d, 3d and 100d: each median of what they will be is at least the median of their
    // ages, 2.5d; p75 at rank 2.25: 3d + 0.25 × 97d; p90 at rank 2.7: 3d + 0.7 × 97d. The oldest (100d) is no bound.
    const D = 86400;
    const all = censoredDistribution(running(100 * D, 2 * D, 3 * D, 1 * D));
    expect(all).toMatchObject({ p50: null, p75: null, p90: null, atLeast: 2.5 * D });
    expect(all.bounds?.p75).toBeCloseTo(27.25 * D, 6);
    expect(all.bounds?.p90).toBeCloseTo(70.9 * D, 6);
  });

  it('reads the estimate only while 5% of the values are still at risk', () => {
    // 21 values, so at least 2 must be at risk (⌈1.05⌉): 19 still running at 1h, finished at 100h and 200h.
    // At 100h two are at risk: Ŝ = 1/2, p50 = 100h. At 200h one is at risk (under 5%): Ŝ = 0 there is not read,
    // so p75 and p90 are unknown, at least the p50 of 100h (ranks 15 and 18 of 21, waits of 1h, say less). Without
    // the rule: p75 = p90 = 200h.
    const many = [...running(...Array.from({ length: 19 }, () => 3600)), ...done(100 * 3600, 200 * 3600)];
    expect(censoredDistribution(many)).toEqual({ count: 21, p50: 100 * 3600, p75: null, p90: null, mean: null, censored: 19, atLeast: 100 * 3600, bounds: { p50: null, p75: 100 * 3600, p90: 100 * 3600 } });
  });

  it('meets 1 − p exactly despite rounding', () => {
    // finished 1, 2, running 3, 4: Ŝ(1) = 3/4, Ŝ(2) = 3/4 × 2/3 = 1/2 exactly: p50 = 2 (0.75 × 0.666… is not 0.5 in floating point)
    expect(censoredDistribution([...done(1, 2), ...running(3, 4)])).toMatchObject({ p50: 2, p75: null, atLeast: 3.25 });
  });

  it('keeps a value still running at a time at risk at that time', () => {
    // finished 5 and 7, one running at 5: at t=5 three are at risk, Ŝ = 2/3; the running one leaves; at t=7
    // one is at risk, Ŝ = 0: p50 = 7. (Dropping the running one before the finished one would give Ŝ(5) = 1/2, p50 = 5.)
    expect(censoredDistribution([...done(5, 7), ...running(5)])).toMatchObject({ p50: 7, censored: 1 });
  });
});

describe('censoredPercentile', () => {
  it('reads one percentile as censoredDistribution reads its p50, p75 and p90, with its lower bound when unreached', () => {
    const samples: Observation[][] = [
      done(1, 2, 3, 4),
      [...done(1, 2, 3), ...running(10)],
      [...done(5, 5, 2), ...running(5, 1, 8, 8)],
      [...done(1), ...running(1, 2, 3, 100)],
      Array.from({ length: 50 }, (_, i) => ({ seconds: (i * 17) % 13, done: i % 4 !== 0 })),
    ];
    for (const sample of samples) {
      const d = censoredDistribution(sample);
      for (const [key, p] of [['p50', 0.5], ['p75', 0.75], ['p90', 0.9]] as const) {
        expect(censoredPercentile(sample, p)).toEqual({ value: d[key], atLeast: d[key] === null ? (d.bounds?.[key] ?? null) : null });
      }
    }
  });
});
