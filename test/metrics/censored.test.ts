import { describe, expect, it } from 'vitest';
import { censoredDistribution, censoredPercentile, type Observation } from '../../src/metrics/censored.js';

const done = (...seconds: number[]): Observation[] => seconds.map((s) => ({ seconds: s, done: true }));
const running = (...seconds: number[]): Observation[] => seconds.map((s) => ({ seconds: s, done: false }));
const times5 = (observations: Observation[]): Observation[] => observations.flatMap((o) => [o, o, o, o, o]);

describe('censoredDistribution', () => {
  it('is type 7 over the values when none is still running', () => {
    // p50 of 1, 2, 3, 4 is 2.5; p75 at rank 2.25: 3 + 0.25; p90 at rank 2.7: 3 + 0.7
    expect(censoredDistribution(done(4, 1, 3, 2))).toEqual({ count: 4, p50: 2.5, p75: 3.25, p90: 3.7, mean: 2.5, censored: 0, atLeast: null });
    expect(censoredDistribution([])).toEqual({ count: 0, p50: null, p75: null, p90: null, mean: null, censored: 0, atLeast: null });
  });

  // The estimate is read only while 5 values or more are at risk: the tests of its steps hold each value five
  // times, which leaves every step of Ŝ where it was (d and n both × 5) and puts 5 at risk where there was 1.
  it('reads the percentiles off the Kaplan–Meier estimate when some are still running', () => {
    /*
     * finished 2, 4, 6, 8, 10; still running at 5 and 9; each five times (35 in all):
     *   t=2  at risk 35: Ŝ = 30/35          = 0.857
     *   t=4  at risk 30: Ŝ = 6/7 × 25/30    = 0.714
     *   (the 5s leave, running)
     *   t=6  at risk 20: Ŝ = 5/7 × 15/20    = 0.536
     *   t=8  at risk 15: Ŝ = 15/28 × 10/15  = 0.357  ≤ 0.5: p50 = 8
     *   (the 9s leave, running)
     *   t=10 at risk 5:  Ŝ = 0                        ≤ 0.25 and ≤ 0.1: p75 = p90 = 10
     * Type 7 over the finished values alone would say p50 = 6.
     */
    expect(censoredDistribution(times5([...done(2, 4, 6, 8, 10), ...running(5, 9)]))).toEqual({ count: 35, p50: 8, p75: 10, p90: 10, mean: null, censored: 10, atLeast: null });
  });

  it('leaves a percentile the estimate never reaches null, with a true lower bound of it', () => {
    // finished 1, 2, 3, 4, running 5, each five times: Ŝ = 4/5, 3/5, 2/5 (p50 = 3), 1/5 (p75 = 4), then no more
    // steps: p90 unknown, at least type 7 of the 25 at rank 21.6, two of the 5s: 5
    expect(censoredDistribution(times5([...done(1, 2, 3, 4), ...running(5)]))).toEqual({ count: 25, p50: 3, p75: 4, p90: null, mean: null, censored: 5, atLeast: 5, bounds: { p50: null, p75: null, p90: 5 } });
    // nothing finished at all: every percentile unknown, each at least type 7 of the waits so far (3, 7)
    expect(censoredDistribution(running(3, 7))).toEqual({ count: 2, p50: null, p75: null, p90: null, mean: null, censored: 2, atLeast: 5, bounds: { p50: 5, p75: 6, p90: 6.6 } });
  });

  it('bounds an unreached percentile by the reached one below it, when the waits so far say less', () => {
    /*
     * finished 10, 20, …, 100 twice each; running 60 at 1 and 4 at 500 (84 in all). At t=1 the 60 leave at risk,
     * unfinished: 24 at risk, and each finished time takes two twelfths: Ŝ = 12/24 at 60 (p50), 6/24 at 90 (p75,
     * 8 at risk), 4/24 at 100, then no more steps: p90 unreached. Type 7 of the 84 at rank 74.7 (the 60 ones
     * first) is 80, under the p75: p90 is at least p75, 90.
     */
    const twice = (...seconds: number[]): Observation[] => [...done(...seconds), ...done(...seconds)];
    const d = censoredDistribution([...twice(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), ...running(...Array<number>(60).fill(1), 500, 500, 500, 500)]);
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
    // 200 values, so at least 10 must be at risk (⌈5% × 200⌉, more than the floor of 5): 188 still running at 1h,
    // 6 finished at 100h and 6 at 200h. At 100h twelve are at risk: Ŝ = 1/2, p50 = 100h. At 200h six are (under
    // 5%): Ŝ = 0 there is not read, so p75 and p90 are unknown, at least the p50 of 100h (ranks 149 and 179 of 200,
    // waits of 1h, say less). With the floor of 5 alone: p75 = p90 = 200h.
    const many = [...running(...Array.from({ length: 188 }, () => 3600)), ...done(...Array<number>(6).fill(100 * 3600), ...Array<number>(6).fill(200 * 3600))];
    expect(censoredDistribution(many)).toEqual({ count: 200, p50: 100 * 3600, p75: null, p90: null, mean: null, censored: 188, atLeast: 100 * 3600, bounds: { p50: null, p75: 100 * 3600, p90: 100 * 3600 } });
  });

  it('reads the estimate only while 5 values or more are at risk, whatever their share', () => {
    /*
     * helm's AI-assisted changes of 90 days, to the day: 11, three deployed (6d, 84d, 350d), eight waiting 27d to
     * 267d. Ŝ = 10/11 from 6d, × 6/7 = 0.78 from 84d (seven at risk), then 0 at 350d with one change at risk: read
     * there, the median was 350 days. Five must be at risk, so the estimate is read up to the fifth largest value
     * (168d): no percentile is reached, and the median is at least type 7 of the eleven at rank 5, 130d.
     */
    const D = 86400;
    const helm = [...done(6 * D, 84 * D, 350 * D), ...running(27 * D, 43 * D, 64 * D, 130 * D, 168 * D, 178 * D, 267 * D, 267 * D)];
    expect(censoredDistribution(helm)).toMatchObject({ count: 11, p50: null, p75: null, p90: null, censored: 8, atLeast: 130 * D });
    // the same changes each five times: five at risk at 350d, where Ŝ falls from 0.78 to 0, and it is read
    expect(censoredDistribution(times5(helm))).toMatchObject({ p50: 350 * D, p90: 350 * D });
    // four values, one running at 2 among them: Ŝ(3) = 3/4 × 1/2 = 3/8 with two at risk is not read; the median is
    // at least type 7 of 1, 2, 3, 4 at rank 1.5
    expect(censoredDistribution([...done(1, 3, 4), ...running(2)])).toMatchObject({ p50: null, p75: null, atLeast: 2.5 });
  });

  it('reads the estimate of any group up to its first value still running, where it is the plain share', () => {
    // finished 1, 2, 3, 4, running 5: before 5 nothing has left unfinished, so Ŝ is the share not yet finished,
    // whatever few are at risk: p50 = 3 (Ŝ = 2/5), p75 = 4 (Ŝ = 1/5), p90 at least type 7 of the five at rank 3.6
    expect(censoredDistribution([...done(1, 2, 3, 4), ...running(5)])).toEqual({ count: 5, p50: 3, p75: 4, p90: null, mean: null, censored: 1, atLeast: 4.6, bounds: { p50: null, p75: null, p90: 4.6 } });
    // a product's 3d and 6d with one waiting 12d: its median is 6d, whatever the one waiting takes
    expect(censoredDistribution([...done(3, 6), ...running(12)])).toMatchObject({ p50: 6 });
    // ties: one running at 2 and one finished at 2 are both at risk at 2, and the estimate is read there
    expect(censoredDistribution([...done(1, 2), ...running(2)])).toMatchObject({ p50: 2 });
  });

  it('meets 1 − p exactly despite rounding', () => {
    // finished 1, 2, running 3, 4, each five times: Ŝ(1) = 15/20, Ŝ(2) = 3/4 × 10/15 = 1/2 exactly: p50 = 2
    // (0.75 × 0.666… is not 0.5 in floating point); p75 at least type 7 of the 20 at rank 14.25: 3 + 0.25
    expect(censoredDistribution(times5([...done(1, 2), ...running(3, 4)]))).toMatchObject({ p50: 2, p75: null, atLeast: 3.25 });
  });

  it('keeps a value still running at a time at risk at that time', () => {
    // finished 5 and 7, running at 5, each five times: at t=5 fifteen are at risk, Ŝ = 2/3; the running ones
    // leave; at t=7 five are at risk, Ŝ = 0: p50 = 7. (Dropping the running ones before the finished ones would
    // give Ŝ(5) = 1/2, p50 = 5.)
    expect(censoredDistribution(times5([...done(5, 7), ...running(5)]))).toMatchObject({ p50: 7, censored: 5 });
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
