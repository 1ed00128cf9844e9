import { z } from 'zod';
import { distribution, distributionSchema } from './percentile.js';

/**
 * A duration some of whose values are still running (SPEC section 6): changes merged and not yet deployed
 * count as right-censored at `now` — their lead time is at least what has passed.
 */
export const censoredDistributionSchema = distributionSchema.extend({
  censored: z.number().int().nonnegative().describe('values still running at now (merged, not yet deployed), counted as right-censored'),
  atLeast: z.number().nullable().describe('set when a percentile is null (the estimate never reaches it): the largest time seen, seconds'),
});
export type CensoredDistribution = z.infer<typeof censoredDistributionSchema>;

/** One value: a finished duration (`done`), or one still running, known only to be at least `seconds`. */
export interface Observation {
  seconds: number;
  done: boolean;
}

const PERCENTILES = [['p50', 0.5], ['p75', 0.75], ['p90', 0.9]] as const;
// Ŝ is a product of fractions: 1 − p must be met despite rounding (Ŝ = 0.5 computed as 0.4999…9 or 0.5000…1)
const EPSILON = 1e-9;

/**
 * count, p50, p75, p90 and mean of the observations. With none still running: type 7 over them, as every
 * distribution. With some: read off the Kaplan–Meier estimate Ŝ — the smallest t with Ŝ(t) ≤ 1 − p — and a
 * percentile Ŝ never reaches is null, with `atLeast` the largest time seen. The mean of values not all known
 * is unknown: null then. `count` counts both kinds. Pure.
 */
export function censoredDistribution(observations: readonly Observation[]): CensoredDistribution {
  const values = observations.filter((o) => Number.isFinite(o.seconds));
  const censored = values.filter((o) => !o.done).length;
  if (censored === 0) {
    const d = distribution(values.map((o) => o.seconds));
    // every percentile of a non-empty list is reached; an empty one has no largest time
    return { ...d, censored: 0, atLeast: null };
  }
  const survival = kaplanMeier(values);
  const at = (p: number): number | null => survival.find((step) => step.survival <= 1 - p + EPSILON)?.seconds ?? null;
  const figures = Object.fromEntries(PERCENTILES.map(([key, p]) => [key, at(p)])) as Record<'p50' | 'p75' | 'p90', number | null>;
  const unreached = PERCENTILES.some(([key]) => figures[key] === null);
  const largest = values.reduce((max, o) => Math.max(max, o.seconds), 0);
  return { count: values.length, ...figures, mean: null, censored, atLeast: unreached ? largest : null };
}

/**
 * The Kaplan–Meier survival estimate: at each time a value finished, Ŝ(t) = Ŝ(before) × (1 − d/n), with d
 * the values finishing at t and n those still at risk (finishing or running at t or later). A value still
 * running at t is at risk at t: it ran at least that long. Returns the steps in time order.
 */
function kaplanMeier(observations: readonly Observation[]): Array<{ seconds: number; survival: number }> {
  const sorted = [...observations].sort((a, b) => a.seconds - b.seconds);
  const steps: Array<{ seconds: number; survival: number }> = [];
  let atRisk = sorted.length;
  let survival = 1;
  for (let i = 0; i < sorted.length; ) {
    const t = (sorted[i] as Observation).seconds;
    let finished = 0;
    let all = 0;
    for (; i < sorted.length && (sorted[i] as Observation).seconds === t; i++) {
      all++;
      if ((sorted[i] as Observation).done) finished++;
    }
    if (finished > 0) {
      survival *= 1 - finished / atRisk;
      steps.push({ seconds: t, survival });
    }
    atRisk -= all;
  }
  return steps;
}
