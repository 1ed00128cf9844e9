/**
 * AI defects (issue 39, "track AI-assisted defects"): whether the changes behind failed deploys, reverts and fixes
 * were AI-assisted, and how that compares with the rest. Of the window's counted changes, AI-assisted (agent or
 * assisted evidence) against the rest: the share reverted, the share fixed up — shipped in a failed deploy that a
 * later change repaired (it shipped in the deploy that restored it and fixed the failure: the repairs model's
 * failed-deploy fix), a revert being counted as reverted, not fixed up — and, over the window's deploys
 * that shipped them, the failure rate of the deploys that shipped an AI-assisted change against those that
 * shipped none; with the share of failed deploys that shipped an AI-assisted change. Each rate has its 95% Wilson
 * interval, each difference Newcombe's; a difference is real only when its interval leaves out 0 and both groups
 * have at least MIN_AI_GROUP changes (and deploys, for the failure rate). A change is tied to the deploy that shipped it
 * first by that deploy's ref (`deployRef`; by its `deployedAt` in a report written before refs were kept), and
 * repository: one shipped before it merged is deployed at its merge, which no deploy's time is (grafana/k6's v1.7.1
 * shipped two changes from its release branch a day before they merged, and fell out of both groups). In a
 * repository of several products, it is tied to each product's own first deploy that shipped it (`productDeploys`):
 * the products' deploys at one commit are deploys of their own, and one that shipped none of a change's products
 * did not ship it; one that touched no product is tied to the product deploy its ref names (see refProducts). Over
 * several repositories (a report of several, an aggregate) the deploys are each repository's,
 * as its change failure rate is: the deploy figures are over the repositories that shipped deploys both with and
 * without an AI-assisted change, and their difference is the repositories' own weighed together (Mantel–Haenszel,
 * Sato's interval); the changes' rates, reverted and fixed up, are each group's over all its changes, their
 * differences within each repository too.
 * Pure.
 */
import type { MeasuredChange, MeasuredDeploy } from '../domain.js';
import { DEPLOYED_BEFORE_MERGE } from '../model/deploys.js';
import { REPAIR_FLAGS } from '../model/repairs.js';
import { countOf } from './count.js';
import { byRepository } from './strata.js';
import { MIN_AI_GROUP } from './limits.js';
import { exactShareTest, leavesOutZero, shareDifference, stratifiedShareDifference, wilson, type ProportionInterval, type Stratum } from './proportion.js';
import type { AiDefects, DefectGroup, ShareDifference } from './schema.js';

export type { AiDefects } from './schema.js';

export interface AiDefectsInput {
  /** the counted changes merged in the window */
  changes: readonly MeasuredChange[];
  /** every counted change merged by now, the window's and later: the fixes may land after it */
  later: readonly MeasuredChange[];
  /** the window's deploys */
  deploys: readonly MeasuredDeploy[];
}

const deployKey = (repository: string | undefined, product: string | undefined, at: number): string => `${repository ?? ''}\u0000${product ?? ''}\u0000${at}`;
const refKey = (repository: string | undefined, product: string | undefined, ref: string): string => `${repository ?? ''}\u0000${product ?? ''}\u0000${ref}`;

/**
 * Of the window's deploys whose ref a change shipped before its merge names, by repository, product and ref, when
 * each went out (in time order: a ref deployed twice, a workflow's environment, has several). Any other change went
 * out at its deploy's own time, and needs none: indexing every deploy held a key and a list per change where every
 * merge is a deploy (rails' whole history: 12 MB more at its peak, over the 250 MB budget).
 */
function deployTimes(deploys: readonly MeasuredDeploy[], lists: ReadonlyArray<readonly MeasuredChange[]>): Map<string, number[]> {
  const wanted = new Set<string>();
  for (const list of lists) for (const c of list) {
    if (!c.flags.includes(DEPLOYED_BEFORE_MERGE)) continue;
    if (c.deployRef != null) wanted.add(refKey(c.repository, undefined, c.deployRef));
    for (const d of c.productDeploys ?? []) if (d.ref !== null) wanted.add(refKey(c.repository, d.product, d.ref));
  }
  const times = new Map<string, number[]>();
  if (wanted.size === 0) return times;
  for (const d of deploys) {
    if (d.ref === undefined) continue;
    const key = refKey(d.repository, d.product, d.ref);
    if (!wanted.has(key)) continue;
    const ats = times.get(key);
    if (ats === undefined) times.set(key, [d.at]);
    else ats.push(d.at);
  }
  for (const ats of times.values()) ats.sort((a, b) => a - b);
  return times;
}

/**
 * In a repository of several products, the product of each deploy that shipped first a change touching none of them
 * (CI, docs: shipped with the first product tagged after it, and among that deploy's changes), by repository and
 * ref: otel-js-contrib's 80 such changes of a year were tied to no deploy, and 11 deploys that shipped only them
 * fell out of both groups. Empty where no deploy is a product's.
 */
function refProducts(deploys: readonly MeasuredDeploy[], lists: ReadonlyArray<readonly MeasuredChange[]>): Map<string, string> {
  const products = new Map<string, string>();
  if (!deploys.some((d) => d.product !== undefined)) return products;
  const wanted = new Set<string>();
  for (const list of lists) for (const c of list) if (c.deployRef != null && c.productDeploys?.length === 0) wanted.add(refKey(c.repository, undefined, c.deployRef));
  for (const d of deploys) {
    if (d.product === undefined || d.ref === undefined) continue;
    const key = refKey(d.repository, undefined, d.ref);
    if (wanted.has(key) && !products.has(key)) products.set(key, d.product);
  }
  return products;
}

/**
 * The keys of the deploys that shipped a change first: its one deploy's, and in a repository of several products
 * each product's own first deploy of it, which is the deploy of that product that shipped it. Each is found by its
 * ref, the last deploy of that ref at or before the change's deploy time (the same deploy; one before the merge
 * when it shipped before); by that time alone when no deploy of the window has the ref, or the change names none.
 */
function shippedInWith(times: ReadonlyMap<string, readonly number[]>, refProduct: ReadonlyMap<string, string>): (c: MeasuredChange) => string[] {
  const keyOf = (repository: string | undefined, product: string | undefined, ref: string | null | undefined, deployedAt: number): string => {
    const ats = ref == null ? undefined : times.get(refKey(repository, product, ref));
    return deployKey(repository, product, ats?.findLast((t) => t <= deployedAt) ?? deployedAt);
  };
  return (c) => {
    const product = c.deployRef == null || refProduct.size === 0 ? undefined : refProduct.get(refKey(c.repository, undefined, c.deployRef));
    const own = c.deployedAt === null ? [] : [keyOf(c.repository, product, c.deployRef, c.deployedAt)];
    const products = (c.productDeploys ?? []).flatMap((d) => (d.deployedAt === null ? [] : [keyOf(c.repository, d.product, d.ref, d.deployedAt)]));
    return own.concat(products);
  };
}
const isAi = (c: Pick<MeasuredChange, 'aiEvidence'>): boolean => c.aiEvidence.length > 0;

/** The AI defects of a window (see the module's comment). */
export function computeAiDefects(input: AiDefectsInput): AiDefects {
  const lists = [input.changes, input.later];
  const shippedIn = shippedInWith(deployTimes(input.deploys, lists), refProducts(input.deploys, lists));
  const shipped = new Map<string, MeasuredChange[]>();
  for (const c of input.changes) {
    for (const key of shippedIn(c)) {
      const together = shipped.get(key);
      // pushed, not copied: a release that ships thousands of changes made a copy per change, quadratic
      if (together === undefined) shipped.set(key, [c]);
      else together.push(c);
    }
  }
  // the deploys a later change repaired: a fix of the failure, shipped in the deploy that restored it
  const fixes = input.later.filter((c) => c.flags.includes(REPAIR_FLAGS.failedDeployFix));
  const fixedAt = new Set(fixes.flatMap(shippedIn));
  // the deploys that restored a failure by its revert: the reverted change was what failed, counted as reverted
  const revertedAt = new Set(fixes.filter((c) => c.flags.includes(REPAIR_FLAGS.revert)).flatMap(shippedIn));
  const fixedUp = new Set<MeasuredChange>();
  // the failed deploys the fix-ups shipped in: changes shipped together fail together, so these, not the changes,
  // are how many times the data saw a fix-up happen (continuedev/continue: 218 of 260 in one deploy)
  let repairedDeploys = 0;
  // each repository's deploys apart: across repositories the failure rates compare within each (see below)
  const deploysBy = new Map<string, Counts>();
  for (const d of input.deploys) {
    const changes = shipped.get(deployKey(d.repository, d.product, d.at)) ?? [];
    if (changes.length === 0) continue;
    const repository = d.repository ?? '';
    let counts = deploysBy.get(repository);
    if (counts === undefined) deploysBy.set(repository, (counts = { ai: { all: 0, failed: 0 }, other: { all: 0, failed: 0 } }));
    const group = changes.some(isAi) ? counts.ai : counts.other;
    group.all += 1;
    if (!d.failed) continue;
    group.failed += 1;
    const restoredAt = d.restoredAfter === null ? null : deployKey(d.repository, d.product, d.at + d.restoredAfter);
    // a failure undone by reverting the change that caused it fixed nothing else the deploy shipped: the rest of
    // its batch merely shipped beside it (OpenHands' 2024-25 failures, each one change reverted: 206 of its 2,680
    // changes read as fixed up, 109 of them AI-assisted, for shipping in the same four releases)
    const repaired = restoredAt !== null && fixedAt.has(restoredAt) && !revertedAt.has(restoredAt);
    if (!repaired) continue;
    repairedDeploys += 1;
    for (const c of changes) if (c.revertedBy === null && !c.flags.includes(REPAIR_FLAGS.failedDeployFix)) fixedUp.add(c);
  }
  // over several repositories, the deploys of those that shipped deploys of both groups: a repository deploying every
  // merge (curl: 3,383 deploys, a change each) is no baseline for others' releases, and pooled it made one failed release
  // with an AI-assisted change read 70× the rest's rate. Its difference is the repositories' own, weighed together
  const strata = [...deploysBy.values()];
  const several = strata.length > 1;
  const compared = several ? strata.filter((r) => r.ai.all > 0 && r.other.all > 0) : strata;
  const deploys = {
    ai: { all: sumOf(compared, (r) => r.ai.all), failed: sumOf(compared, (r) => r.ai.failed) },
    other: { all: sumOf(compared, (r) => r.other.all), failed: sumOf(compared, (r) => r.other.failed) },
  };
  const groupOf = (changes: readonly MeasuredChange[], own: { all: number; failed: number }): DefectGroup => {
    const reverted = changes.filter((c) => c.revertedBy !== null).length;
    const fixed = changes.filter((c) => fixedUp.has(c)).length;
    const revert = wilson(reverted, changes.length);
    const fix = wilson(fixed, changes.length);
    const failure = wilson(own.failed, own.all);
    return {
      changes: changes.length,
      reverted,
      revertRate: revert.value,
      revertRateLow: revert.low,
      revertRateHigh: revert.high,
      fixedUp: fixed,
      fixUpRate: fix.value,
      fixUpRateLow: fix.low,
      fixUpRateHigh: fix.high,
      deploys: own.all,
      failed: own.failed,
      failureRate: failure.value,
      failureRateLow: failure.low,
      failureRateHigh: failure.high,
    };
  };
  const ai = groupOf(input.changes.filter(isAi), deploys.ai);
  const other = groupOf(input.changes.filter((c) => !isAi(c)), deploys.other);
  const failed = ai.failed + other.failed;
  const failedShare = wilson(ai.failed, failed);
  const fewChanges = Math.min(ai.changes, other.changes) < MIN_AI_GROUP;
  const fewDeploys = Math.min(ai.deploys, other.deploys) < MIN_AI_GROUP;
  // (the failure difference needs ten changes too: the deploys with an AI-assisted change are no more observations
  // than the changes behind them; six repositories' 9 in 12 products' deploys, one failed, read "higher")
  // fix-ups seen at all, from fewer failed deploys than a group needs: one batch is one event, however many changes
  const fewRepaired = ai.fixedUp + other.fixedUp > 0 && repairedDeploys < MIN_AI_GROUP;
  // the differences whose interval left out 0 where the exact test found the split as likely by chance
  const byChance: Chance[] = [];
  const verdict = (d: ProportionInterval, strata: readonly Stratum[], few: boolean, events: Chance['events']): ShareDifference => {
    let real = !few && leavesOutZero(d);
    if (real) {
      const p = exactShareTest(strata);
      if (p !== null && p >= 0.05) {
        real = false;
        byChance.push({ events, count: strata.reduce((sum, r) => sum + r.a.k + r.b.k, 0), p });
      }
    }
    return { value: d.value, low: d.low, high: d.high, real };
  };
  // within repositories: the difference and how many repositories it weighed
  const within = (strata: readonly Stratum[], few: boolean, events: Chance['events']): ShareDifference => {
    const d = stratifiedShareDifference(strata);
    return { ...verdict(d, strata, few, events), repositories: d.strata };
  };
  const difference = (k: [number, number], n: [number, number], few: boolean, events: Chance['events']): ShareDifference => {
    const stratum = { a: { k: k[0], n: n[0] }, b: { k: k[1], n: n[1] } };
    return verdict(shareDifference(stratum.a, stratum.b), [stratum], few, events);
  };
  // the changes' rates, over several repositories, within each as the deploys' are (and as the AI comparison's
  // medians are): a repository that reverts often beside one that never does, its changes AI-assisted or not
  const changesBy = byRepository(input.changes, isAi);
  const changeDifference = (counts: (c: MeasuredChange) => boolean, k: [number, number], few: boolean, events: Chance['events']): ShareDifference => {
    if (changesBy === null) return difference(k, [ai.changes, other.changes], few, events);
    return within(changesBy.map(([a, b]) => ({ a: { k: countOf(a, counts), n: a.length }, b: { k: countOf(b, counts), n: b.length } })), few, events);
  };
  const failureDifference: ShareDifference = several
    ? within(compared.map((r) => ({ a: { k: r.ai.failed, n: r.ai.all }, b: { k: r.other.failed, n: r.other.all } })), fewDeploys || fewChanges, 'failed')
    : difference([ai.failed, other.failed], [ai.deploys, other.deploys], fewDeploys || fewChanges, 'failed');
  const revertDifference = changeDifference((c) => c.revertedBy !== null, [ai.reverted, other.reverted], fewChanges, 'reverted');
  const fixUpDifference = changeDifference((c) => fixedUp.has(c), [ai.fixedUp, other.fixedUp], fewChanges || fewRepaired, 'fixed up');
  return {
    failedDeploys: failed,
    failedWithAi: ai.failed,
    failedAiShare: failedShare.value,
    failedAiShareLow: failedShare.low,
    failedAiShareHigh: failedShare.high,
    deploysAiShare: wilson(ai.deploys, ai.deploys + other.deploys).value,
    ai,
    other,
    revertDifference,
    fixUpDifference,
    failureDifference,
    note: noteOf(ai, other, { fewChanges, fewDeploys, repairedDeploys: fewRepaired ? repairedDeploys : null, repositories: several ? strata.length : null, byChance }),
  };
}

/** A difference not told for the exact test: what its events are, how many there were, and the test's p-value. */
interface Chance {
  events: 'failed' | 'reverted' | 'fixed up';
  count: number;
  p: number;
}

interface Counts {
  ai: { all: number; failed: number };
  other: { all: number; failed: number };
}

const sumOf = (strata: readonly Counts[], of: (r: Counts) => number): number => strata.reduce((sum, r) => sum + of(r), 0);

function noteOf(ai: DefectGroup, other: DefectGroup, few: { fewChanges: boolean; fewDeploys: boolean; repairedDeploys: number | null; repositories: number | null; byChance: readonly Chance[] }): string | null {
  const parts = [
    ...(few.fewChanges ? [`changes (AI-assisted ${ai.changes}, other ${other.changes})`] : []),
    ...(few.fewDeploys ? [`deploys that shipped them (with an AI-assisted change ${ai.deploys}, without ${other.deploys})`] : []),
  ];
  const groups = parts.length === 0 ? null : `Too few to tell the groups apart: fewer than ${MIN_AI_GROUP} ${parts.join(` or fewer than ${MIN_AI_GROUP} `)} in a group.`;
  const batches = few.repairedDeploys === null ? null : `The fix-ups shipped in ${few.repairedDeploys === 1 ? 'one failed deploy' : `${few.repairedDeploys} failed deploys`}, fewer than ${MIN_AI_GROUP}: changes shipped together fail together, so their difference is not told.`;
  // over several repositories, what the deploys' row holds and why its difference is not the gap between its rates
  const within = few.repositories === null
    ? null
    : `Deploy failures compare within a repository: the deploys counted are those of the repositories that shipped deploys both with and without an AI-assisted change (of ${few.repositories} with deploys), and the difference is each one's own, weighed together (Mantel–Haenszel), not the gap between the rates beside it, which pool them.`;
  const chance = few.byChance.map(({ events, count, p }) => {
    const what = events === 'failed' ? (count === 1 ? 'one failed deploy' : `${count} failed deploys`) : count === 1 ? `one change ${events}` : `${count} changes ${events}`;
    return `The ${events === 'failed' ? 'deploy failure rates' : events === 'reverted' ? 'revert rates' : 'fix-up rates'} rest on ${what}: a split as uneven comes by chance ${Math.round(p * 100)}% of the time (Fisher's exact test), so their difference is not told.`;
  });
  return [within, groups, batches, ...chance].filter((n) => n !== null).join(' ') || null;
}
