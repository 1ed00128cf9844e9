import type { AdviceInput, DefectGroupInput } from '../../src/advice/types.js';

const H = 3600;

type DeepPartial<T> = T extends ReadonlyArray<unknown> ? T : T extends object ? { -readonly [K in keyof T]?: DeepPartial<T[K]> | null } : T;
export type InputPatch = DeepPartial<AdviceInput>;

/**
 * Figures of a team in good shape: every rule stays quiet at the default thresholds. With GitHub data by
 * default; `gitOnly()` gives what git alone measures (no pickup or merge stage, no GitHub figures).
 */
export function healthy(): AdviceInput {
  return {
    sources: ['git', 'github'],
    deploySignal: { kind: 'tags' },
    summary: {
      changes: 50,
      stages: {
        coding: { count: 50, p50: 10 * H, share: 0.5 },
        pickup: { count: 50, p50: 2 * H, share: 0.1 },
        review: { count: 50, p50: 4 * H, share: 0.2 },
        merge: { count: 45, p50: 1 * H, share: 0.05 },
        deploy: { count: 40, p50: 3 * H, share: 0.15 },
      },
      shareBasis: { changes: 40 },
      leadTime: { count: 40, p50: 20 * H },
      cycleTime: { count: 50, p50: 17 * H },
      flow: { size: { count: 50, p50: 80, p90: 300, over200: 0.2, over400: 0.05 } },
      dora: {
        deploymentFrequency: { value: 5 },
        changeFailureRate: { value: 0.05, count: 40 },
        timeToRestore: { value: 2 * H },
        reworkRate: { value: 0.02 },
      },
      repair: { changes: 50, repairs: 10, share: 0.2, cycleTimeShare: 0.15 },
      review: { topTwoShare: 0.4, reviewers: 6, unreviewedShare: 0.02, selfMergedShare: 0.01, reviewsPerChange: 1.4, largeChangesWithoutComments: 0 },
      rework: { share: 0.2, changesRequestedShare: 0.1 },
      ci: { p50: 6 * 60, p90: 12 * 60, flakyRate: 0.01, worstFlaky: [], mergeWaitOnChecksShare: 0.3 },
      wip: { open: 8, p50Age: 2 * 86400, perAuthor: 1.2 },
      aiComparison: {
        assisted: { count: 12, p50Size: 90, leadTimeP50: 20 * H, failureRate: 0.05 },
        other: { count: 40, p50Size: 80, leadTimeP50: 18 * H, failureRate: 0.04 },
      },
      // AI-assisted 5% reverted against 4%, a difference the data can tell (real) but under the threshold's 1.5×
      aiDefects: {
        ai: defects({ changes: 200, reverted: 10, revertRate: 0.05, revertRateLow: 0.03, revertRateHigh: 0.09 }),
        other: defects({ changes: 1000, reverted: 40, revertRate: 0.04, revertRateLow: 0.03, revertRateHigh: 0.05 }),
        revertDifference: { value: 0.01, low: 0.001, high: 0.04, real: true },
        fixUpDifference: { value: 0, low: -0.01, high: 0.01, real: false },
        failureDifference: { value: 0, low: -0.1, high: 0.1, real: false },
      },
      // AI-assisted 30% rejected against 25%, a difference the data can tell (real) but under the threshold's 1.5×
      acceptance: {
        ai: { merged: 70, rejected: 30, rate: 0.7, rateLow: 0.6, rateHigh: 0.78, reviews: 45, reviewTime: 60 * H },
        other: { merged: 300, rejected: 100, rate: 0.75, rateLow: 0.71, rateHigh: 0.79, reviews: 150, reviewTime: 200 * H },
        aiMinusOther: { value: -0.05, low: -0.09, high: -0.01, real: true },
      },
    },
  };
}

/** A group's defect rates: none fixed up, no deploys, but for what is given. */
function defects(o: Partial<DefectGroupInput>): DefectGroupInput {
  return {
    changes: 0, reverted: 0, revertRate: null, revertRateLow: null, revertRateHigh: null, fixedUp: 0, fixUpRate: 0, fixUpRateLow: 0, fixUpRateHigh: 0.02,
    deploys: 0, failed: 0, failureRate: null, failureRateLow: null, failureRateHigh: null, ...o,
  };
}

/** What a git-only report carries: pickup and merge are null, the GitHub figures absent. */
export function gitOnly(): AdviceInput {
  const base = healthy();
  return patch(base, {
    sources: ['git'],
    summary: {
      stages: { pickup: { count: 0, p50: null, share: null }, merge: { count: 0, p50: null, share: null }, review: { count: 50, p50: 20 * H, share: 0.3 } },
      review: null,
      rework: null,
      ci: null,
      wip: null,
    },
  });
}

/** A deep copy of `base` with `changes` laid over it: objects merge, arrays and null replace. */
export function patch(base: AdviceInput, changes: InputPatch): AdviceInput {
  return merge(structuredClone(base), changes) as AdviceInput;
}

function merge(target: unknown, source: unknown): unknown {
  if (source === undefined) return target;
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return source;
  const out: Record<string, unknown> = target !== null && typeof target === 'object' ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(source)) out[key] = merge(out[key], value);
  return out;
}

/** `summary.stages.pickup.p50` → the patch that sets it. */
export function at(path: string, value: unknown): InputPatch {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as InputPatch;
}

/** The value at a JSON path like `summary.stages.pickup.p50`. */
export function get(input: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), input);
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
