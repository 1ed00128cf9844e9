import { describe, expect, it } from 'vitest';
import { binomial, bootstrapDifference, compareMediansOf } from '../../src/metrics/bootstrap.js';
import { MIN_BOOTSTRAP_SAMPLE } from '../../src/metrics/limits.js';
import { percentile } from '../../src/metrics/percentile.js';
import { mulberry32, seededRandom, squeeze } from '../../src/metrics/prng.js';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);
/** Fisher–Yates with a seeded generator: no structure left for a selection to find sorted by chance. */
const shuffle = (values: number[], seed: number): number[] => {
  const random = mulberry32(seed);
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j] as number, values[i] as number];
  }
  return values;
};

describe('bootstrap interval of a difference of medians', () => {
  it('gives the same bytes twice: the seed is fixed', () => {
    const a = range(40).map((i) => (i * 37) % 101);
    const b = range(35).map((i) => (i * 53) % 97);
    expect(JSON.stringify(bootstrapDifference(a, b))).toBe(JSON.stringify(bootstrapDifference(a, b)));
    // and an interval depends only on its two samples, not on what was drawn before it
    bootstrapDifference(b, a);
    expect(bootstrapDifference(a, b)).toEqual(bootstrapDifference([...a], [...b]));
  });

  it('calls an obvious difference real: every value of one group above every value of the other', () => {
    // 100..129 against 0..29: medians 114.5 and 14.5; any resample's medians stay within their groups' ranges
    const result = bootstrapDifference(range(30, 100), range(30));
    expect(result.difference).toBe(100);
    expect(result.low).toBeGreaterThan(70);
    expect(result.high).toBeLessThan(130);
    expect(result.real).toBe(true);
  });

  it('says the data cannot tell when both groups are the same values', () => {
    const same = range(30).map((i) => (i * 7) % 30);
    const result = bootstrapDifference(same, range(30));
    expect(result.difference).toBe(0);
    expect(result.low).toBeLessThan(0);
    expect(result.high).toBeGreaterThan(0);
    expect(result.real).toBe(false);
  });

  it('gives nulls when a group is empty, and leaves out nulls and non-finite values', () => {
    expect(bootstrapDifference([], [1, 2, 3])).toEqual({ difference: null, low: null, high: null, real: false });
    expect(bootstrapDifference([1, 2], [null, Number.NaN])).toEqual({ difference: null, low: null, high: null, real: false });
    expect(bootstrapDifference([null, 10, 20, 30], [1, 2, 3]).difference).toBe(18);
  });

  it('never calls a difference real on fewer values than a bootstrap can vary', () => {
    // one value against one: every resample is the same, the "interval" is a point away from 0
    expect(bootstrapDifference([10], [0])).toEqual({ difference: 10, low: 10, high: 10, real: false });
    const few = range(MIN_BOOTSTRAP_SAMPLE - 1, 100);
    expect(bootstrapDifference(few, range(30)).real).toBe(false);
    expect(bootstrapDifference(range(MIN_BOOTSTRAP_SAMPLE, 100), range(30)).real).toBe(true);
  });

  it('compares rates as means of 0/1 values', () => {
    // 12 failures in 20 against 1 in 20: 0.6 − 0.05
    const a = range(20).map((i) => (i < 12 ? 1 : 0));
    const b = range(20).map((i) => (i < 1 ? 1 : 0));
    const result = bootstrapDifference(a, b, { kind: 'mean' });
    expect(result.difference).toBeCloseTo(0.55, 12);
    expect(result.real).toBe(true);
  });

  it('resamples a large rate by counts as drawing every value would: the same interval as brute force, within noise', () => {
    // an organisation's change failure rate: 12% of 6,000 deploys against 10% of 5,000 (counted past 1,000 values)
    const a = range(6000).map((i) => (i % 25 < 3 ? 1 : 0));
    const b = range(5000).map((i) => (i % 10 === 0 ? 1 : 0));
    const random = mulberry32(11);
    const draw = (xs: number[]): number => xs.reduce((s) => s + (xs[Math.floor(random() * xs.length)] as number), 0) / xs.length;
    const d = range(2000).map(() => draw(a) - draw(b)).sort((x, y) => x - y);
    const [low, high] = [percentile(d, 0.025) as number, percentile(d, 0.975) as number];
    const got = bootstrapDifference(a, b, { kind: 'mean' });
    expect(got.difference).toBeCloseTo(0.02, 12);
    // the normal approximation's half-width: 1.96 × sqrt(.12 × .88 / 6000 + .1 × .9 / 5000) ≈ 0.0119
    expect(Math.abs((got.low as number) - low)).toBeLessThan(0.002);
    expect(Math.abs((got.high as number) - high)).toBeLessThan(0.002);
    expect((got.high as number) - (got.low as number)).toBeGreaterThan(0.02);
    expect((got.high as number) - (got.low as number)).toBeLessThan(0.028);
    // a day's deploys, few distinct counts: the mean of each resample stays a mean of the values
    const days = range(3000).map((i) => i % 4);
    const same = bootstrapDifference(days, days, { kind: 'mean' });
    expect(same.difference).toBe(0);
    expect(same.real).toBe(false);
    expect(Math.abs(same.low as number)).toBeLessThan(0.1);
  });

  it('draws binomials with their mean and variance, at the edges too', () => {
    const random = seededRandom(5);
    for (const [m, p] of [[40, 0.3], [1000, 0.02], [100000, 0.5], [17, 0.9]] as const) {
      const k = range(4000).map(() => binomial(m, p, random));
      const mean = k.reduce((s, x) => s + x, 0) / k.length;
      const variance = k.reduce((s, x) => s + (x - mean) ** 2, 0) / (k.length - 1);
      expect(k.every((x) => Number.isInteger(x) && x >= 0 && x <= m)).toBe(true);
      // the mean within five standard errors; the variance within 10%
      expect(Math.abs(mean - m * p)).toBeLessThan(5 * Math.sqrt((m * p * (1 - p)) / k.length));
      expect(variance / (m * p * (1 - p))).toBeGreaterThan(0.9);
      expect(variance / (m * p * (1 - p))).toBeLessThan(1.1);
    }
    expect(binomial(500, 0, random)).toBe(0);
    expect(binomial(500, 1, random)).toBe(500);
  });

  it('draws each resample\'s percentile as resampling n values would: the same interval as brute force, within noise', () => {
    // the oracle: resample every value, sort, read type 7; 10,000 resamples so its own noise is small
    const brute = (a: number[], b: number[], p: number): [number, number] => {
      const random = mulberry32(7);
      const draw = (xs: number[]): number[] => xs.map(() => xs[Math.floor(random() * xs.length)] as number).sort((x, y) => x - y);
      const d = range(10000).map(() => (percentile(draw(a), p) as number) - (percentile(draw(b), p) as number)).sort((x, y) => x - y);
      return [percentile(d, 0.025) as number, percentile(d, 0.975) as number];
    };
    // skewed durations, as lead times are: 60 against 80 values
    const skewed = (n: number, seed: number, scale: number): number[] => {
      const random = mulberry32(seed);
      return range(n).map(() => Math.round(scale * Math.exp(1.5 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()))));
    };
    const a = skewed(60, 1, 20000);
    const b = skewed(80, 2, 30000);
    for (const p of [0.5, 0.9]) {
      const got = bootstrapDifference(a, b, { kind: 'percentile', p });
      const [low, high] = brute(a, b, p);
      const width = high - low;
      expect(Math.abs((got.low as number) - low)).toBeLessThan(0.15 * width);
      expect(Math.abs((got.high as number) - high)).toBeLessThan(0.15 * width);
    }
  });

  it('interpolates a resample\'s median between its two middle values, as type 7 does', () => {
    // 0, 10, …, 90 against a constant: the differences are the resample medians, mostly halfway between two values
    const tens = range(10).map((i) => i * 10);
    const random = mulberry32(3);
    const medians = range(200000)
      .map(() => percentile(tens.map(() => tens[Math.floor(random() * 10)] as number).sort((x, y) => x - y), 0.5) as number)
      .sort((x, y) => x - y);
    expect([percentile(medians, 0.025), percentile(medians, 0.975)]).toEqual([20, 70]);
    expect(bootstrapDifference(tens, [0, 0, 0, 0, 0])).toEqual({ difference: 45, low: 20, high: 70, real: true });
  });

  it('reads other percentiles by type 7 on the whole groups', () => {
    // p90 of 0..10 is 9, of 0..20 is 18
    expect(bootstrapDifference(range(11), range(21), { kind: 'percentile', p: 0.9 }).difference).toBeCloseTo(-9, 12);
  });
});

describe('bootstrap intervals over large samples', () => {
  it('depend on the values, not their order: read by selection, shuffled gives what sorted gives', () => {
    // 40,000 against 30,000 values: each resample's ranks lie in a narrow band around the median, which alone
    // is put in order; a band one short of the ranks read would read a value not yet in place when shuffled
    const a = shuffle(range(40000), 3);
    const b = shuffle(range(30000, 5000), 4);
    const shuffled = bootstrapDifference(a, b);
    const sorted = bootstrapDifference([...a].sort((x, y) => x - y), [...b].sort((x, y) => x - y));
    expect(shuffled).toEqual(sorted);
    // medians 19,999.5 and 19,999.5: no difference, and an interval around it a few hundred wide
    expect(shuffled.difference).toBe(0);
    expect(shuffled.low).toBeLessThan(0);
    expect(shuffled.high).toBeGreaterThan(0);
    expect((shuffled.high as number) - (shuffled.low as number)).toBeLessThan(1000);
    for (const p of [0.1, 0.9]) expect(bootstrapDifference(a, b, { kind: 'percentile', p })).toEqual(bootstrapDifference([...a].reverse(), [...b].reverse(), { kind: 'percentile', p }));
  });
});

describe('seeded draws', () => {
  it('draws Beta(a, b) with its mean a / (a + b)', () => {
    const random = seededRandom(1);
    const draws = range(20000).map(() => random.beta(3, 5));
    expect(Math.abs(draws.reduce((s, x) => s + x, 0) / draws.length - 3 / 8)).toBeLessThan(0.005);
    expect(draws.every((x) => x > 0 && x < 1)).toBe(true);
    // a large, even pair concentrates at 1/2, as the median of a big sample does
    const big = range(2000).map(() => random.beta(20000, 20000));
    expect(Math.max(...big.map((x) => Math.abs(x - 0.5)))).toBeLessThan(0.02);
  });

  it('draws the same stream through betaOf, the shapes worked out once, as through beta', () => {
    const one = seededRandom(9);
    const other = seededRandom(9);
    const draw = other.betaOf(3, 700);
    expect(range(500).map(() => draw())).toEqual(range(500).map(() => one.beta(3, 700)));
  });
});

/** Marsaglia and Tsang's Beta(a, b) as they wrote it, every draw tested by the logarithms: what the intervals were drawn from. */
function plainBeta(seed: number, a: number, b: number): () => number {
  const uniform = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const gamma = (shape: number): (() => number) => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    return () => {
      for (;;) {
        const x = normal();
        const v = (1 + c * x) ** 3;
        if (v > 0 && Math.log(1 - uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
      }
    };
  };
  const ga = gamma(a);
  const gb = gamma(b);
  return () => {
    const x = ga();
    return x / (x + gb());
  };
}

describe('the gamma draws\' squeeze', () => {
  it('draws exactly what the logarithms alone draw, small shapes and an organisation\'s alike', () => {
    // a squeeze accepting what the logarithms reject, or drawing a uniform of its own, changes these bytes
    for (const [a, b] of [[1, 1], [1, 2], [3, 5], [26, 25], [700, 3], [250001, 250000]] as const) {
      const ours = seededRandom(0x5eed2026).betaOf(a, b);
      const theirs = plainBeta(0x5eed2026, a, b);
      expect(range(20000).map(() => ours())).toEqual(range(20000).map(() => theirs()));
    }
  });

  it('stays below the acceptance bound by its margin, where the two meet (x near 0) and in the tails', () => {
    for (const shape of [1, 2, 10, 1000, 1e6]) {
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (let x = Math.max(-1 / c + 1e-3, -8); x < 8; x += 0.0137) {
        const v = (1 + c * x) ** 3;
        const bound = Math.exp(0.5 * x * x + d - d * v + d * Math.log(v));
        expect(squeeze(x)).toBeLessThan(bound - 1e-7);
      }
    }
    // at x = 0 the bound is 1: the squeeze is 1 less its margin
    expect(squeeze(0)).toBe(1 - 1e-6);
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const drawn = range(1000).map(() => a());
    expect(range(1000).map(() => b())).toEqual(drawn);
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(drawn[0]);
    // not stuck in a corner: the mean of 1,000 uniform draws is near 0.5
    expect(Math.abs(drawn.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });
});

describe('two groups\' medians with the interval of their difference', () => {
  const value = (item: { v: number | null }): number | null => item.v;
  const items = (values: Array<number | null>) => values.map((v) => ({ v }));

  it('gives each group\'s type-7 median, nulls left out, and the same interval as the difference of the values', () => {
    // assisted 40, 10, null, 30, 20 → 10 20 30 40, median 25; other 7, 1, 4 → median 4
    const { interval, medians } = compareMediansOf(items([40, 10, null, 30, 20]), items([7, 1, 4]), value);
    expect(medians).toEqual([25, 4]);
    expect(interval).toEqual(bootstrapDifference([40, 10, null, 30, 20], [7, 1, 4]));
    expect(interval.difference).toBe(21);
  });

  it('still gives the median of a group compared with an empty one', () => {
    const { interval, medians } = compareMediansOf(items([]), items([5, null, 9]), value);
    expect(medians).toEqual([null, 7]);
    expect(interval).toEqual({ difference: null, low: null, high: null, real: false });
  });
});
