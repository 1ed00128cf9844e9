import type { Change, DeploySignalKind, Stages } from '../domain.js';

export function emptyStages(): Stages {
  return { coding: null, pickup: null, review: null, merge: null, deploy: null };
}

/** How long from a to b counts: wall-clock seconds, or only working time (--business-hours). */
export type Measure = (a: number, b: number) => number;
const wallClock: Measure = (a, b) => b - a;

/**
 * Fills a change's stages, cycle and lead time from its events (SPEC section 2): the stages tile T0→T8, so
 * they add up to the lead time. A stage no source can see stays null, never 0. Returns the number of
 * negative intervals clamped to 0. Mutates `change` (the model owns it).
 */
export function computeStages(change: Change, deploySignal: DeploySignalKind, measure: Measure = wallClock): number {
  const skew = { count: 0 };
  // null when either end is unknown; a negative interval (clock skew) is clamped to 0 and counted
  const interval = (a: number | null, b: number | null, counter: { count: number }): number | null => {
    if (a === null || b === null) return null;
    if (b < a) {
      counter.count++;
      return 0;
    }
    return measure(a, b);
  };
  const flags = new Set(change.flags);
  const { firstCommitAt: t0, lastCommitAt: last } = change;
  // author dates survive a rebase, so work older than the fork point is still the change's: never clamped
  if (t0 !== null && change.forkPointAt !== null && t0 < change.forkPointAt) flags.add('rebased');
  const { readyAt: t2, firstReviewAt: t4, approvedAt: t5, mergedAt: t7, deployedAt: t8 } = change;
  const stages = emptyStages();
  if (change.kind === 'direct') {
    // nothing was reviewed: the whole time to the push is the work, and no review stage is averaged in as 0
    stages.coding = interval(t0, t7, skew);
  } else if (t2 !== null) {
    stages.coding = interval(t0, t2, skew);
    if (t4 !== null) {
      stages.pickup = interval(t2, t4, skew);
      if (t5 !== null) {
        stages.review = interval(t4, t5, skew);
        stages.merge = interval(t5, t7, skew);
      } else {
        stages.review = interval(t4, t7, skew);
        flags.add('unapproved');
      }
    } else {
      stages.pickup = interval(t2, t7, skew);
      flags.add('unreviewed');
    }
  } else {
    // git alone: first → last commit, then "review & merge wait" from the last commit to the merge
    stages.coding = interval(t0, last, skew);
    stages.review = interval(last, t7, skew);
  }
  // a change shipped before it merged is deployed at its merge (deploys.ts): the stages still tile
  stages.deploy = interval(t7, t8, skew);
  if (deploySignal === 'merge' && t8 !== null) flags.add('deploy-is-merge');
  if (skew.count > 0) flags.add('clock-skew');
  change.stages = stages;
  change.cycleTime = t0 === null ? null : interval(t0, t7, { count: 0 });
  change.leadTime = t0 === null || t8 === null ? null : interval(t0, t8, { count: 0 });
  change.flags = [...flags].sort();
  return skew.count;
}
