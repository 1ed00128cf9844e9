import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactShareTest, shareDifference, stratifiedShareDifference, wilson } from '../../src/metrics/proportion.js';

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

describe('a difference of two shares within strata (Mantel–Haenszel, Sato\'s interval)', () => {
  // by hand: stratum 1, 3 of 10 against 10 of 100 (weight 10·100/110, numerator (3·100 − 10·10)/110 = 20/11);
  // stratum 2, 1 of 20 against 2 of 40 (weight 40/3, numerator 0). d = (20/11) ÷ (740/33) = 3/37. Sato's P = 16000/12100
  // + 7200/3600 = 402/121, Q = 340/220 + 76/120 = 719/330, variance (d·P + Q) ÷ (740/33)² = 0.0048686
  const strata = [
    { a: { k: 3, n: 10 }, b: { k: 10, n: 100 } },
    { a: { k: 1, n: 20 }, b: { k: 2, n: 40 } },
  ];

  it('weighs each stratum\'s difference as Mantel and Haenszel do, with Sato\'s variance', () => {
    const d = stratifiedShareDifference(strata);
    const half = 1.959963984540054 * Math.sqrt(((3 / 37) * (402 / 121) + 719 / 330) / (740 / 33) ** 2);
    expect(d.value).toBeCloseTo(3 / 37, 12);
    expect(d.low).toBeCloseTo(3 / 37 - half, 12);
    expect(d.high).toBeCloseTo(3 / 37 + half, 12);
    expect([round4(d.low), round4(d.high)]).toEqual([-0.0557, 0.2178]);
  });

  it('gives no weight to a stratum that lacks a group: it cannot say how the groups differ', () => {
    const more = [...strata, { a: { k: 0, n: 0 }, b: { k: 4, n: 3000 } }, { a: { k: 2, n: 5 }, b: { k: 0, n: 0 } }];
    expect(stratifiedShareDifference(more)).toEqual(stratifiedShareDifference(strata));
    expect(stratifiedShareDifference([{ a: { k: 1, n: 12 }, b: { k: 0, n: 0 } }])).toEqual({ value: null, low: null, high: null, strata: 0 });
  });

  it('with no event anywhere, says how large a difference could hide, as Newcombe does over the strata pooled', () => {
    // Sato's variance is 0 without events: "0 pp to 0 pp" would read as known
    const none = [{ a: { k: 0, n: 30 }, b: { k: 0, n: 200 } }, { a: { k: 0, n: 39 }, b: { k: 0, n: 3546 } }, { a: { k: 0, n: 0 }, b: { k: 0, n: 50 } }];
    // the third stratum has no first group: two weigh in
    expect(stratifiedShareDifference(none)).toEqual({ ...shareDifference({ k: 0, n: 69 }, { k: 0, n: 3746 }), strata: 2 });
    expect((stratifiedShareDifference(none).high ?? 0) > 0.05).toBe(true);
  });

  it('finds no difference where pooling makes one (Simpson): the groups alike within each stratum', () => {
    // the first group mostly where failures are common (10% in both groups), the second mostly where they are rare
    // (0.1% in both): pooled, 9.2% against 0.15%
    const simpson = [
      { a: { k: 10, n: 100 }, b: { k: 1, n: 10 } },
      { a: { k: 0, n: 10 }, b: { k: 3, n: 3000 } },
    ];
    const pooled = shareDifference({ k: 10, n: 110 }, { k: 4, n: 3010 });
    expect((pooled.low ?? 0) > 0).toBe(true);
    const within = stratifiedShareDifference(simpson);
    expect(Math.abs(within.value ?? 1)).toBeLessThan(0.01);
    expect((within.low ?? 0) < 0 && (within.high ?? 0) > 0).toBe(true);
  });
});

describe('the exact test of two shares (Fisher\'s; the exact Cochran–Mantel–Haenszel test over strata)', () => {
  const one = (a: [number, number], b: [number, number]): number | null => exactShareTest([{ a: { k: a[0], n: a[1] }, b: { k: b[0], n: b[1] } }]);

  it('gives the published values', () => {
    // Fisher's tea tasting (R's `fisher.test(matrix(c(3, 1, 1, 3), 2))`): 34/70 = 0.4857
    expect(one([3, 4], [1, 4])).toBeCloseTo(34 / 70, 12);
    // one event of 194 items, 17 of them in the first group: the chance it falls there, 17/194
    expect(one([1, 17], [0, 177])).toBeCloseTo(17 / 194, 12);
    // all four events in the first group of 4 of 8: (1 + 1)/70, both tables as unlikely counted
    expect(one([4, 4], [0, 4])).toBeCloseTo(2 / 70, 12);
  });

  it('sums the first group\'s events over strata, each stratum\'s margins given', () => {
    // two strata of one event among 2 + 2 items, each in the first group: P(2) = 1/4, and P(0) = 1/4 is as unlikely
    const p = exactShareTest([{ a: { k: 1, n: 2 }, b: { k: 0, n: 2 } }, { a: { k: 1, n: 2 }, b: { k: 0, n: 2 } }]);
    expect(p).toBeCloseTo(0.5, 12);
    // a stratum that lacks a group, or holds no event, changes nothing
    expect(exactShareTest([{ a: { k: 1, n: 17 }, b: { k: 0, n: 177 } }, { a: { k: 0, n: 5 }, b: { k: 0, n: 9 } }, { a: { k: 3, n: 3 }, b: { k: 0, n: 0 } }])).toBeCloseTo(17 / 194, 12);
  });

  it('says nothing without an event', () => {
    expect(one([0, 10], [0, 20])).toBeNull();
    expect(exactShareTest([])).toBeNull();
  });

  it('is a probability, the same whichever group comes first', () => {
    const side = fc.tuple(fc.nat(30), fc.nat(30)).map(([k, more]) => [k, k + more + 1] as [number, number]);
    fc.assert(fc.property(side, side, (a, b) => {
      const p = one(a, b);
      if (a[0] + b[0] === 0) return p === null;
      return p !== null && p > 0 && p <= 1 && Math.abs(p - (one(b, a) as number)) < 1e-9;
    }));
  });
});
