import type { Change, DeploySignalKind, StageName, Stages } from '../domain.js';

export function emptyStages(): Stages {
  return { coding: null, pickup: null, review: null, merge: null, deploy: null };
}

/**
 * The stages of a change not measured yet, one object for every change read: `computeStages` gives each its own.
 * Frozen, so no step can fill in the one all share (rails' whole history held 46,000 copies, 2.8 MB, at its peak).
 */
export const UNMEASURED: Readonly<Stages> = Object.freeze(emptyStages());

/** How long from a to b counts: wall-clock seconds, or only working time (--business-hours). */
export type Measure = (a: number, b: number) => number;
const wallClock: Measure = (a, b) => b - a;

/**
 * Fills a change's stages, cycle and lead time from its events (SPEC section 2): the stages tile T0→T7, so
 * they add up to the cycle time, and with the deploy wait to the lead time, on every change. A stage no source
 * can see stays null, never 0. An event dated out of order (clock skew: a review before the pull request was
 * ready, a commit dated after its merge) counts as at the event before it, and no event counts later than the
 * merge nor a deploy earlier: so a first commit dated after the merge counts as at the merge. Returns the
 * number of negative intervals so clamped to 0 (the change is flagged `clock-skew`). In a monorepo, the deploy wait
 * and lead time to each of its products' own first deploy of it too (`productDeploys`). Mutates `change`.
 */
export function computeStages(change: Change, deploySignal: DeploySignalKind, measure: Measure = wallClock): number {
  const flags = new Set(change.flags);
  const { firstCommitAt: t0, lastCommitAt: last, readyAt: t2, firstReviewAt: t4, approvedAt: t5, mergedAt: t7, deployedAt: t8 } = change;
  // author dates survive a rebase, so work older than the fork point is still the change's: never clamped
  if (t0 !== null && change.forkPointAt !== null && t0 < change.forkPointAt) flags.add('rebased');
  // the events before the merge in stage order, each with the stage it starts (which runs to the next one)
  const events: Array<{ at: number | null; starts: StageName }> = [{ at: t0, starts: 'coding' }];
  if (change.kind === 'direct') {
    // nothing was reviewed: the whole time to the push is the work, and no review stage is averaged in as 0
  } else if (t2 !== null) {
    events.push({ at: t2, starts: 'pickup' });
    if (t4 === null) flags.add('unreviewed');
    else {
      events.push({ at: t4, starts: 'review' });
      if (t5 === null) flags.add('unapproved');
      else events.push({ at: t5, starts: 'merge' });
    }
  } else {
    // git alone: first → last commit, then "review & merge wait" from the last commit to the merge
    events.push({ at: last, starts: 'review' });
  }
  let skew = 0;
  // where each event counts: not before the one before it (when that was seen), never after the merge
  const counted: Array<number | null> = [];
  for (const [i, e] of events.entries()) {
    const before = i === 0 ? null : (events[i - 1]?.at ?? null);
    if (before !== null && e.at !== null && e.at < before) skew++;
    const floor = i === 0 ? null : (counted[i - 1] ?? null);
    counted.push(e.at === null ? null : Math.min(t7, floor === null ? e.at : Math.max(floor, e.at)));
  }
  const lastEvent = events.at(-1)?.at ?? null;
  if (lastEvent !== null && t7 < lastEvent) skew++;
  const stages = emptyStages();
  for (const [i, e] of events.entries()) {
    const from = counted[i] ?? null;
    const to = i + 1 < events.length ? (counted[i + 1] ?? null) : t7;
    if (from !== null && to !== null) stages[e.starts] = measure(from, to);
  }
  // a change shipped before it merged is deployed at its merge (deploys.ts): the stages still tile
  if (t8 !== null && t8 < t7) skew++;
  const shipped = t8 === null ? null : Math.max(t7, t8);
  if (shipped !== null) stages.deploy = measure(t7, shipped);
  if (deploySignal === 'merge' && t8 !== null) flags.add('deploy-is-merge');
  if (skew > 0) flags.add('clock-skew');
  change.stages = stages;
  const start = counted[0] ?? null;
  change.cycleTime = start === null ? null : measure(start, t7);
  change.leadTime = start === null || shipped === null ? null : measure(start, shipped);
  // to each of its products' own first deploy of it, as to the earliest (never before the merge: deploys.ts)
  if (change.productDeploys !== undefined) {
    change.productDeploys = change.productDeploys.map((d) => {
      const at = d.deployedAt === null ? null : Math.max(t7, d.deployedAt);
      return { ...d, deployWait: at === null ? null : measure(t7, at), leadTime: start === null || at === null ? null : measure(start, at) };
    });
  }
  change.flags = [...flags].sort();
  return skew;
}
