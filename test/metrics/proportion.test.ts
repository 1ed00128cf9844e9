import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareDifference, wilson } from '../../src/metrics/proportion.js';

const round4 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10_000) / 10_000);

describe('a proportion\'s 95% interval (Wilson) and a difference\'s (Newcombe)', () => {
  it('gives the published values', () => {
    // Newcombe (1998), Statistics in Medicine 17:873–890, table II: 56/70 − 48/80 = 0.2, method 10 gives 0.0524 to 0.3339
    const d = shareDifference({ k: 56, n: 70 }, { k: 48, n: 80 });
    expect([round4(d.value), round4(d.low), round4(d.high)]).toEqual([0.2, 0.0524, 0.3339]);
    // … and 9/10 − 3/10 = 0.6, 0.1705 to 0.8090
    const small = shareDifference({ k: 9, n: 10 }, { k: 3, n: 10 });
    expect([round4(small.low), round4(small.high)]).toEqual([0.1705, 0.809]);
    // none of 10: the upper bound is z² ÷ (n + z²)
    expect(round4(wilson(0, 10).high)).toBe(round4(1.959963984540054 ** 2 / (10 + 1.959963984540054 ** 2)));
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(10, 10).high).toBe(1);
  });

  it('knows nothing of an empty sample', () => {
    expect(wilson(0, 0)).toEqual({ value: null, low: null, high: null });
    expect(shareDifference({ k: 1, n: 2 }, { k: 0, n: 0 })).toEqual({ value: null, low: null, high: null });
  });

  it('holds the share within its interval, within 0–1, and narrows as the sample grows', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const k = Math.round(f * n);
      const i = wilson(k, n);
      const bigger = wilson(k * 4, n * 4);
      expect(i.low).not.toBeNull();
      expect((i.low as number) <= (i.value as number) && (i.value as number) <= (i.high as number)).toBe(true);
      expect((i.low as number) >= 0 && (i.high as number) <= 1).toBe(true);
      expect((bigger.high as number) - (bigger.low as number)).toBeLessThanOrEqual((i.high as number) - (i.low as number) + 1e-12);
    }));
  });
});
