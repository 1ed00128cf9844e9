import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { censoredDistribution } from '../../src/metrics/censored.js';
import { distribution, percentile } from '../../src/metrics/percentile.js';

// durations in seconds, with repeats (many changes share a duration: 0s, whole hours)
const seconds = fc.oneof(fc.integer({ min: 0, max: 400 * 86400 }), fc.constantFrom(0, 3600, 86400));
const samples = fc.array(fc.option(seconds, { freq: 8 }), { maxLength: 120 });

describe('percentiles over random samples', () => {
  it('are ordered p50 ≤ p75 ≤ p90, within the values, and equal type 7 over the sorted values', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
        const d = distribution(values);
        expect(d.count).toBe(known.length);
        if (known.length === 0) {
          expect([d.p50, d.p75, d.p90]).toEqual([null, null, null]);
          return;
        }
        const [p50, p75, p90] = [d.p50 ?? NaN, d.p75 ?? NaN, d.p90 ?? NaN];
        expect(p50).toBeLessThanOrEqual(p75);
        expect(p75).toBeLessThanOrEqual(p90);
        expect(p50).toBeGreaterThanOrEqual(known[0] as number);
        expect(p90).toBeLessThanOrEqual(known.at(-1) as number);
        // selection reads the same figures as a full sort
        expect([p50, p75, p90]).toEqual([percentile(known, 0.5), percentile(known, 0.75), percentile(known, 0.9)]);
      }),
      { numRuns: 300 },
    );
  });

  it('with some values still running: ordered, and a percentile not reached leaves every higher one unreached', () => {
    const observations = fc.array(fc.record({ seconds, done: fc.boolean() }), { minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(observations, (obs) => {
        const d = censoredDistribution(obs);
        expect(d.count).toBe(obs.length);
        expect(d.censored).toBe(obs.filter((o) => !o.done).length);
        const figures = [d.p50, d.p75, d.p90];
        const reached = figures.filter((p): p is number => p !== null);
        // the reached ones come first: p75 cannot be known when p50 is not
        expect(figures.slice(0, reached.length)).toEqual(reached);
        for (let i = 1; i < reached.length; i++) expect(reached[i - 1] as number).toBeLessThanOrEqual(reached[i] as number);
        // a reached percentile is a time some change finished at
        for (const p of reached) expect(obs.some((o) => o.done && o.seconds === p) || d.censored === 0).toBe(true);
        expect(d.atLeast === null).toBe(reached.length === 3);
        // what a page shows, the figure or its bound, only rises from p50 to p90: an unreached p90 is at least p75
        const shown = (['p50', 'p75', 'p90'] as const).map((k) => d[k] ?? d.bounds?.[k] ?? NaN);
        for (let i = 1; i < shown.length; i++) expect(shown[i - 1] as number).toBeLessThanOrEqual(shown[i] as number);
      }),
      { numRuns: 300 },
    );
  });

  it('with some values still running: never reads a percentile off the last few at risk once one has left unfinished', () => {
    const observations = fc.array(fc.record({ seconds: fc.integer({ min: 0, max: 40 }), done: fc.boolean() }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(observations, (obs) => {
        if (obs.every((o) => o.done)) return;
        const d = censoredDistribution(obs);
        const n = obs.length;
        // counted here from the values, not from the code's own columns: how many finish or still run at t or later
        const atRisk = (t: number): number => obs.filter((o) => o.seconds >= t).length;
        const firstRunning = Math.min(...obs.filter((o) => !o.done).map((o) => o.seconds));
        const needed = Math.min(n, Math.max(5, Math.ceil(0.05 * n)));
        for (const p of [d.p50, d.p75, d.p90]) {
          if (p === null) continue;
          // read with enough at risk, or where no running value came before it (Ŝ is then the plain share)
          expect(atRisk(p) >= needed || p <= firstRunning).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
