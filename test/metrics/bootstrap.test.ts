import { describe, expect, it } from 'vitest';
import { binomial, bootstrapCensoredDifference, bootstrapCensoredDifferences, bootstrapDifference, compareMediansOf, stratifiedMedianDifference } from '../../src/metrics/bootstrap.js';
import { censoredDistribution, type Observation } from '../../src/metrics/censored.js';
import { dailyDeployCounts } from '../../src/metrics/difference.js';
import { MIN_BOOTSTRAP_SAMPLE } from '../../src/metrics/limits.js';
import { percentile } from '../../src/metrics/percentile.js';
import { mulberry32, seededRandom, squeeze } from '../../src/metrics/prng.js';
import type { Interval } from '../../src/metrics/schema.js';

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

  it('reads an interval end that is a float sum\'s last bits as 0: equal means are no difference', () => {
    // electron's deploys a day over two years of 366 days each (one a second longer than 365 days, so a day
    // weighs 7 × 366 / 365.00001): 27 days of one deploy, 6 of two and 1 of three, against 38 of one and 14 of
    // two. The resamples' lower end is two equal means, which the float sums put 4e-16 apart
    const day = 86_400;
    const perDay = (since: number, counts: number[]): number[] => dailyDeployCounts(since, since + 365 * day + 1, counts.flatMap((n, i) => range(n).map(() => since + i * day)));
    const before = perDay(0, [...range(27).map(() => 1), ...range(6).map(() => 2), 3]);
    const after = perDay(365 * day + 1, [...range(38).map(() => 1), ...range(14).map(() => 2)]);
    const result = bootstrapDifference(after, before, { kind: 'mean' });
    expect(result.difference).toBeCloseTo(0.46, 2);
    expect(result.low).toBe(0);
    expect(result.real).toBe(false);
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

describe('bootstrap interval of a percentile\'s difference with changes still waiting', () => {
  const H = 3600;
  const done = (seconds: number, n = 1): Observation[] => Array.from({ length: n }, () => ({ seconds, done: true }));
  const waiting = (seconds: number, n = 1): Observation[] => Array.from({ length: n }, () => ({ seconds, done: false }));

  it('is the finished values\' bootstrap, byte for byte, when none waits on either side', () => {
    const a = range(40).map((i) => (i * 37) % 101);
    const b = range(35).map((i) => (i * 53) % 97);
    const observe = (xs: number[]): Observation[] => xs.map((seconds) => ({ seconds, done: true }));
    expect(bootstrapCensoredDifference(observe(a), observe(b), 0.5)).toEqual(bootstrapDifference(a, b));
    expect(bootstrapCensoredDifference([...observe(a), null], observe(b), 0.9)).toEqual(bootstrapDifference(a, b, { kind: 'percentile', p: 0.9 }));
  });

  it('resamples the waiting changes with the finished ones, the median read off Kaplan–Meier, where the finished ones alone say the opposite', () => {
    // after: 70 deployed in 2h, 30 in 40h and 100 waiting 35h so far. Kaplan–Meier: Ŝ(2h) = 130/200 = 0.65, the 100
    // leave the risk set at 35h, the 30 left all deploy at 40h: Ŝ(40h) = 0, so the median is 40h (the deployed
    // alone: 2h). Before: 20 deployed in 30h. A resample's median is 2h only if 100 of its 200 draws are 2h
    // (Binomial(200, 0.35), 4.4 sd above its mean), and unread only if fewer than its last 10 are 40h
    // (Binomial(200, 0.15), 4 sd below): every resample's difference is 40h − 30h, so the interval is that point
    const after = [...done(2 * H, 70), ...done(40 * H, 30), ...waiting(35 * H, 100)];
    const before = done(30 * H, 20);
    expect(censoredDistribution(after).p50).toBe(40 * H);
    expect(bootstrapCensoredDifference(after, before, 0.5)).toEqual({ difference: 10 * H, low: 10 * H, high: 10 * H, real: true });
    // and the other way round: the same point, negated
    expect(bootstrapCensoredDifference(before, after, 0.5)).toEqual({ difference: -10 * H, low: -10 * H, high: -10 * H, real: true });
  });

  it('leaves an end unbounded where a side\'s percentile is unreached, the other end from its lower bound', () => {
    // after: 4 deployed in 2h and 16 waiting 100h so far: Ŝ(2h) = 0.8 and nothing deploys after, so the median
    // is unreached, at least 100h (type 7 with each waiting change at its age). A resample reaches it (2h) only
    // when 10 of its 20 draws are 2h (Binomial(20, 0.2) ≥ 10: 0.26%, about 5 of 2,000); else its median is at
    // least its 10th and 11th smallest draws, both 100h. So after − before is at least 100h − 30h in more than
    // 97.5% of the resamples, and at most nothing known in as many: [+70h, unbounded), real
    const after = [...done(2 * H, 4), ...waiting(100 * H, 16)];
    const before = done(30 * H, 20);
    expect(censoredDistribution(after)).toMatchObject({ p50: null, atLeast: 100 * H });
    expect(bootstrapCensoredDifference(after, before, 0.5)).toEqual({ difference: null, low: 70 * H, high: null, real: true });
    expect(bootstrapCensoredDifference(before, after, 0.5)).toEqual({ difference: null, low: null, high: -70 * H, real: true });
    // both sides so: nothing is known of either end
    expect(bootstrapCensoredDifference(after, after, 0.5)).toEqual({ difference: null, low: null, high: null, real: false });
  });

  it('is what drawing every resample and reading it with censoredDistribution gives, draw for draw', () => {
    // two groups with ties and waiting changes among the finished ones and past them: the p50's interval has both
    // ends, the p90's only its high one (b's p90 is unreached in more than 2.5% of the resamples)
    const a = range(80).map((i): Observation => ({ seconds: ((i * 37) % 23) * H, done: i % 5 !== 0 }));
    const b = range(45).map((i): Observation => ({ seconds: ((i * 11) % 29) * H, done: i % 4 !== 1 }));
    for (const p of [0.5, 0.9]) {
      const key = p === 0.5 ? 'p50' : 'p90';
      // the resamples as the bootstrap draws them: one mulberry32 stream from its seed, a's n draws then b's
      let state = 0x5eed2026 >>> 0;
      const uniform = (): number => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const resample = (xs: Observation[]): Observation[] => xs.map(() => xs[Math.floor(uniform() * xs.length)] as Observation);
      const lows: number[] = [];
      const highs: number[] = [];
      for (let r = 0; r < 2000; r++) {
        const [x, y] = [censoredDistribution(resample(a)), censoredDistribution(resample(b))];
        const [vx, vy] = [x[key] ?? (x.bounds?.[key] as number), y[key] ?? (y.bounds?.[key] as number)];
        lows.push(y[key] === null ? -Infinity : vx - vy);
        highs.push(x[key] === null ? Infinity : vx - vy);
      }
      lows.sort((u, v) => u - v);
      highs.sort((u, v) => u - v);
      // type 7 at 2.5% and 97.5%, an end reaching an infinite value unbounded
      const end = (sorted: number[], q: number): number | null => {
        const h = (sorted.length - 1) * q;
        const [lo, hi] = [sorted[Math.floor(h)] as number, sorted[Math.ceil(h)] as number];
        const v = !Number.isFinite(lo) || lo === hi ? lo : !Number.isFinite(hi) ? hi : lo + (h - Math.floor(h)) * (hi - lo);
        return Number.isFinite(v) ? v : null;
      };
      const [pa, pb] = [censoredDistribution(a)[key], censoredDistribution(b)[key]];
      const got = bootstrapCensoredDifference(a, b, p);
      expect(got.difference).toBe(pa === null || pb === null ? null : pa - pb);
      expect(got.low).toBe(end(lows, 0.025));
      expect(got.high).toBe(end(highs, 0.975));
      expect(got.high).not.toBeNull();
      expect(got.low === null).toBe(p === 0.9);
    }
  });

  it('reads a group with none waiting by two ranks a resample: the interval brute force gives, within noise', () => {
    // a: 300 changes, one in four still waiting; b: 400 deployed, 0h … 39h. Brute force: every resample drawn and read
    const a = range(300).map((i): Observation => ({ seconds: ((i * 37) % 50) * H, done: i % 4 !== 0 }));
    const b = range(400).map((i): Observation => ({ seconds: ((i * 13) % 40) * H, done: true }));
    const random = mulberry32(7);
    const resample = (xs: Observation[]): Observation[] => xs.map(() => xs[Math.floor(random() * xs.length)] as Observation);
    const d = range(2000).map(() => (censoredDistribution(resample(a)).p50 as number) - (censoredDistribution(resample(b)).p50 as number)).sort((u, v) => u - v);
    const got = bootstrapCensoredDifference(a, b, 0.5);
    expect(got.difference).toBe((censoredDistribution(a).p50 as number) - (censoredDistribution(b).p50 as number));
    // both ends within 1h of brute force's (the values are whole hours; a median moves by one a rank)
    expect(Math.abs((got.low as number) - (percentile(d, 0.025) as number))).toBeLessThanOrEqual(H);
    expect(Math.abs((got.high as number) - (percentile(d, 0.975) as number))).toBeLessThanOrEqual(H);
  });

  it('resamples a large group with few waiting by counts between them: what drawing every value gives, within noise', () => {
    // a history's last changes after its last release: 3,000 or more changes, one in 200 or fewer still waiting,
    // their waits so far short (among the deployed ones') or long (past them all); minutes 0 … 999
    const random = mulberry32(3);
    const minutes = (): number => Math.floor(random() * 1000) * 60;
    const deployed = (n: number): Observation[] => range(n).map(() => ({ seconds: minutes(), done: true }));
    const cases: Array<[Observation[], Observation[]]> = [
      [[...range(15).map(() => ({ seconds: Math.floor(random() * 50) * 60, done: false })), ...deployed(4000)], deployed(3000)],
      [[...range(12).map((i) => ({ seconds: 2000 * 60 + i, done: false })), ...deployed(3000)], [...range(14).map(() => ({ seconds: 1500 * 60, done: false })), ...deployed(3500)]],
      // every one deployed 5h after its merge, ten waiting 1h so far: each resample's median is 5h
      [[...range(10).map(() => ({ seconds: H, done: false })), ...done(5 * H, 2990)], done(30 * H, 20)],
    ];
    for (const [a, b] of cases) {
      const few = bootstrapCensoredDifferences(a, b, [0.5, 0.9]);
      const each = bootstrapCensoredDifferences(a, b, [0.5, 0.9], { drawEach: true });
      few.forEach((interval, k) => {
        const drawn = each[k] as Interval;
        expect(interval.difference).toBe(drawn.difference);
        // within a tenth of the interval's width and a minute, the values' step: two sets of 2,000 resamples
        const slack = 0.1 * ((drawn.high as number) - (drawn.low as number)) + 60;
        expect(Math.abs((interval.low as number) - (drawn.low as number))).toBeLessThanOrEqual(slack);
        expect(Math.abs((interval.high as number) - (drawn.high as number))).toBeLessThanOrEqual(slack);
      });
    }
    expect(bootstrapCensoredDifferences(cases[2]?.[0] ?? [], cases[2]?.[1] ?? [], [0.5])).toEqual([{ difference: -25 * H, low: -25 * H, high: -25 * H, real: true }]);
  });

  it('gives nulls when a group has no observation', () => {
    expect(bootstrapCensoredDifference([], done(H, 5), 0.5)).toEqual({ difference: null, low: null, high: null, real: false });
    expect(bootstrapCensoredDifference([null, { seconds: Number.NaN, done: false }], done(H, 5), 0.5)).toEqual({ difference: null, low: null, high: null, real: false });
  });
});

describe('the difference of medians within strata (repositories), weighed together', () => {
  const f = (values: number[]): Float64Array => Float64Array.from(values);

  // stratum 1: medians 3 and 1 (5 and 10 values), weight 5·10/15 = 10/3; stratum 2: medians 12 and 4 (5 and 5),
  // weight 2.5. (10/3·2 + 2.5·8) ÷ (10/3 + 2.5) = (20/3 + 20) ÷ (35/6) = 32/7
  const two = (): Array<[Float64Array, Float64Array]> => [
    [f([5, 1, 3, 2, 4]), f([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])],
    [f([10, 11, 12, 13, 14]), f([2, 3, 4, 5, 6])],
  ];

  it('weighs each stratum\'s difference by n_a·n_b ÷ (n_a + n_b)', () => {
    const d = stratifiedMedianDifference(two());
    expect(d.difference).toBeCloseTo(32 / 7, 12);
    expect(d.strata).toBe(2);
    expect((d.low as number) <= 32 / 7 && 32 / 7 <= (d.high as number)).toBe(true);
  });

  it('gives no weight to a stratum with fewer than five values in a group, and nothing at all when none counts', () => {
    // wherever they stand, the others keep their resamples, and the interval is the same
    const more = stratifiedMedianDifference([[f([]), f([7, 8, 9, 10, 11])], ...two(), [f([500]), f([1, 2, 3, 4, 5, 6])], [f([1, 2, 3, 4]), f([9, 9, 9, 9, 9])]]);
    expect(more).toEqual(stratifiedMedianDifference(two()));
    // one value resamples to itself: beside 5 others it would have weighed in as known
    expect(stratifiedMedianDifference([[f([1, 2]), f([5, 6, 7, 8, 9])]])).toEqual({ difference: null, low: null, high: null, real: false, strata: 0 });
  });

  it('finds no difference where pooling the strata makes one (Simpson)', () => {
    // AI-assisted changes all in a repository that releases (deploy waits of days, alike for both groups), the
    // others mostly in one that deploys every merge (waits of minutes): pooled, the groups differ by days
    const days = (n: number, from: number): number[] => Array.from({ length: n }, (_, i) => (from + (i % 7)) * 86_400);
    const minutes = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 30) * 60);
    const releases: [Float64Array, Float64Array] = [f(days(40, 1)), f(days(60, 1))];
    const everyMerge: [Float64Array, Float64Array] = [f([]), f(minutes(3000))];
    const pooled = bootstrapDifference([...days(40, 1)], [...days(60, 1), ...minutes(3000)]);
    expect(pooled.real).toBe(true);
    const within = stratifiedMedianDifference([releases, everyMerge]);
    expect(within.difference).toBe(0);
    expect(within.real).toBe(false);
    expect(within.strata).toBe(1);
  });

  it('tells a difference every stratum shows', () => {
    const strata = Array.from({ length: 5 }, (_, k): [Float64Array, Float64Array] => [f(Array.from({ length: 30 }, (_, i) => 100 + k + i)), f(Array.from({ length: 30 }, (_, i) => 50 + k + i))]);
    const d = stratifiedMedianDifference(strata);
    expect(d.difference).toBe(50);
    expect(d.real).toBe(true);
    expect((d.low as number) > 0).toBe(true);
  });
});
