/**
 * Review, rework, CI, WIP and AI-assisted figures (SPEC section 5). Pure: they read each change's `review`
 * (what GitHub said of it) and the open pull requests, so a JSON report read back gives the same figures.
 * Durations are seconds, shares 0–1, sizes lines (additions + deletions). Git cannot see reviews, checks or
 * open PRs, so in git-only mode `review`, `rework`, `ci` and `wip` are null (never 0); the AI-assisted
 * comparison works from git alone.
 */
import { STAGES, type MeasuredChange, type OpenPull } from '../domain.js';
import { STAGE_OF } from './stage-of.js';
import { shortStageLabel } from '../stage-labels.js';
import { byRepository } from './strata.js';
import { AGE_EDGES, CHECK_EDGES, histogram } from './histogram.js';
import { bootstrapCensoredDifference, compareMediansOf, stratifiedMedianDifference } from './bootstrap.js';
import { censoredDistribution, type Observation } from './censored.js';
import { deployObservation, leadObservation, type Waiting } from './stage-summary.js';
import { countOf } from './count.js';
import { changedLines } from './size.js';
import { distribution, percentilesOfUnsorted } from './percentile.js';
import { AI_INTERVAL_KEYS, LARGE_CHANGE_LINES, MIN_AI_GROUP, MIN_BOOTSTRAP_SAMPLE, OLDEST_OPEN, WORST_FLAKY, type Compared } from './limits.js';
import type { AiComparison, AiGroup, CiHealth, ReviewerRow, ReviewHealth, ReworkHealth, WipHealth } from './schema.js';

export type { AiComparison, AiGroup, CiHealth, ReviewerRow, ReviewHealth, ReworkHealth, WipHealth } from './schema.js';

export interface FlowHealth {
  review: ReviewHealth | null;
  rework: ReworkHealth | null;
  ci: CiHealth | null;
  wip: WipHealth | null;
  aiComparison: AiComparison;
}

export interface FlowHealthInput {
  /** the counted changes of the window (bots and syncs already left out) */
  changes: readonly MeasuredChange[];
  /** open pull requests at the end of the window; [] in git-only mode */
  openPulls: readonly OpenPull[];
  /** epoch seconds: the end of the window, for WIP ages */
  now: number;
  /** whether GitHub was read: without it review, rework, CI and WIP are unknown, not 0 */
  github: boolean;
  /**
   * the changes GitHub was read for, when only some were (a report over repositories read with and without
   * GitHub): review, rework, CI and WIP are over them alone, since git cannot tell an unreviewed change from
   * one whose review it cannot see. Default: all of `changes`.
   */
  fromGitHub?: readonly MeasuredChange[];
  /**
   * the changes still waiting for a deploy have waited until `waiting.now`: the AI comparison's lead time and
   * deploy wait count them so (SPEC section 6); absent where every merge is a deploy (none waits)
   */
  waiting?: Waiting;
}

export function computeFlowHealth(input: FlowHealthInput): FlowHealth {
  const { changes, github } = input;
  const seen = input.fromGitHub ?? changes;
  return {
    review: github ? reviewHealth(seen) : null,
    rework: github ? reworkHealth(seen) : null,
    ci: github ? ciHealth(seen) : null,
    wip: github ? wipHealth(seen, input.openPulls, input.now) : null,
    aiComparison: aiComparison(changes, github, input.waiting ?? null),
  };
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function reviewHealth(changes: readonly MeasuredChange[]): ReviewHealth {
  const load = new Map<string, { reviews: number; pickups: Array<number | null> }>();
  const entry = (who: string) => {
    let e = load.get(who);
    if (!e) load.set(who, (e = { reviews: 0, pickups: [] }));
    return e;
  };
  let reviews = 0;
  let unreviewed = 0;
  let selfMerged = 0;
  let largeChanges = 0;
  let largeWithoutComments = 0;
  const depth: number[] = [];
  for (const change of changes) {
    if (change.firstReviewAt === null) unreviewed++;
    if (change.approvedAt === null) selfMerged++;
    const review = change.review;
    if (!review) continue;
    for (const r of review.reviewers) {
      entry(r.login).reviews += r.reviews;
      reviews += r.reviews;
    }
    if (review.firstReviewer !== null) entry(review.firstReviewer).pickups.push(change.stages.pickup);
    const size = changedLines(change);
    if (size !== null && size > LARGE_CHANGE_LINES) {
      largeChanges++;
      depth.push((review.comments / size) * 100);
      if (review.comments === 0 && change.approvedAt !== null) largeWithoutComments++;
    }
  }
  const byReviewer: ReviewerRow[] = [...load.entries()]
    .map(([reviewer, e]) => ({ reviewer, reviews: e.reviews, firstReviews: e.pickups.length, pickupP50: distribution(e.pickups).p50 }))
    .sort((a, b) => b.reviews - a.reviews || b.firstReviews - a.firstReviews || a.reviewer.localeCompare(b.reviewer));
  const topTwo = byReviewer.slice(0, 2).reduce((s, r) => s + r.reviews, 0);
  const n = changes.length;
  return {
    reviews,
    reviewers: byReviewer.filter((r) => r.reviews > 0).length,
    topTwoShare: ratio(topTwo, reviews),
    unreviewed,
    unreviewedShare: ratio(unreviewed, n),
    selfMerged,
    selfMergedShare: ratio(selfMerged, n),
    reviewsPerChange: ratio(reviews, n),
    largeChanges,
    largeChangesWithoutComments: largeWithoutComments,
    largeChangeCommentsPer100LinesP50: distribution(depth).p50,
    byReviewer,
  };
}

function reworkHealth(changes: readonly MeasuredChange[]): ReworkHealth {
  let reviewed = 0;
  let reworked = 0;
  let requested = 0;
  for (const change of changes) {
    const review = change.review;
    if (!review || change.firstReviewAt === null) continue;
    reviewed++;
    if (review.commitsAfterFirstReview > 0 || review.forcePushesAfterFirstReview > 0) reworked++;
    if (review.changesRequested) requested++;
  }
  return { reviewed, reworked, share: ratio(reworked, reviewed), changesRequested: requested, changesRequestedShare: ratio(requested, reviewed) };
}

function ciHealth(changes: readonly MeasuredChange[]): CiHealth {
  const walls: number[] = [];
  let checks = 0;
  let flakyChecks = 0;
  const byName = new Map<string, { flaky: number; runs: number }>();
  let mergeStage = 0;
  let onChecks = 0;
  for (const change of changes) {
    const runs = change.review?.checks;
    if (!runs) continue;
    if (runs.wallTime !== null) walls.push(runs.wallTime);
    checks += runs.names.length;
    flakyChecks += runs.flaky.length;
    // most runs have no flaky check: no set of them for every change
    const flaky = runs.flaky;
    for (const name of runs.names) {
      const e = byName.get(name) ?? { flaky: 0, runs: 0 };
      e.runs++;
      if (flaky.length > 0 && flaky.includes(name)) e.flaky++;
      byName.set(name, e);
    }
    if (change.approvedAt !== null) {
      const stage = Math.max(0, change.mergedAt - change.approvedAt);
      mergeStage += stage;
      if (runs.lastCompletedAt !== null) onChecks += Math.min(stage, Math.max(0, runs.lastCompletedAt - change.approvedAt));
    }
  }
  const d = distribution(walls);
  const worstFlaky = [...byName.entries()]
    .filter(([, e]) => e.flaky > 0)
    .map(([name, e]) => ({ name, rate: e.flaky / e.runs, flaky: e.flaky, runs: e.runs }))
    .sort((a, b) => b.flaky - a.flaky || b.rate - a.rate || a.name.localeCompare(b.name))
    .slice(0, WORST_FLAKY);
  return {
    changes: d.count,
    p50: d.p50,
    p90: d.p90,
    checks,
    flakyChecks,
    flakyRate: ratio(flakyChecks, checks),
    worstFlaky,
    mergeWaitOnChecksShare: ratio(onChecks, mergeStage),
    durationHistogram: histogram(walls, CHECK_EDGES),
  };
}

function wipHealth(changes: readonly MeasuredChange[], openPulls: readonly OpenPull[], now: number): WipHealth {
  const open = openPulls.filter((p) => !p.bot && p.createdAt <= now);
  const ready = open.filter((p) => !p.isDraft);
  const ages = distribution(ready.map((p) => now - p.createdAt));
  const authors = new Set([...changes.map((c) => c.author.toLowerCase()), ...open.map((p) => p.author.toLowerCase())]);
  const readyAges = histogram(ready.map((p) => now - p.createdAt), AGE_EDGES);
  const draftAges = histogram(open.filter((p) => p.isDraft).map((p) => now - p.createdAt), AGE_EDGES);
  const oldest = [...open]
    .sort((a, b) => a.createdAt - b.createdAt || a.number - b.number)
    .slice(0, OLDEST_OPEN)
    .map((p) => ({ number: p.number, title: p.title, url: p.url, author: p.author, isDraft: p.isDraft, age: now - p.createdAt, ...(p.repository !== undefined && { repository: p.repository }) }));
  return {
    open: ready.length,
    drafts: open.length - ready.length,
    p50Age: ages.p50,
    p90Age: ages.p90,
    activeAuthors: authors.size,
    perAuthor: ratio(ready.length, authors.size),
    ageHistogram: readyAges.map(({ count: readyCount, ...bucket }, i) => ({ ...bucket, ready: readyCount, drafts: draftAges[i]?.count ?? 0 })),
    oldest,
  };
}

/** A group of the AI comparison; `medians` are its medians of what the intervals compare, worked out with them. */
function aiGroup(changes: readonly MeasuredChange[], github: boolean, medians: Record<Compared, number | null>, p50Size: number | null, atLeast?: AiGroup['atLeast']): AiGroup {
  const stages = Object.fromEntries(STAGES.map((s) => [s, medians[s]])) as AiGroup['stages'];
  return {
    count: changes.length,
    p50Size,
    failureRate: ratio(countOf(changes, (c) => c.revertedBy !== null), changes.length),
    reworkShare: github ? reworkHealth(changes).share : null,
    leadTimeP50: medians.leadTime,
    cycleTimeP50: medians.cycleTime,
    stages,
    ...(atLeast !== undefined && { atLeast }),
  };
}

// the largest group whose changes still waiting the AI comparison resamples with the rest (see aiComparison)
const CENSORED_AT_MOST = 3_000;

/** one figure of the AI comparison's two groups: AI-assisted, other */
type Pair = [number | null, number | null];

function aiComparison(changes: readonly MeasuredChange[], github: boolean, waiting: Waiting | null): AiComparison {
  const assisted = changes.filter((c) => c.aiEvidence.length > 0);
  const other = changes.filter((c) => c.aiEvidence.length === 0);
  const small = Math.min(assisted.length, other.length) < MIN_AI_GROUP;
  const value = (key: Compared): ((c: MeasuredChange) => number | null) => (key === 'leadTime' ? (c) => c.leadTime : key === 'cycleTime' ? (c) => c.cycleTime : STAGE_OF[key]);
  // over several repositories each difference is within them, weighed together (stratifiedMedianDifference): pooled,
  // aider's AI-assisted changes against curl's others read "deploy wait +2d 5h, a real difference", aider's releases
  // against curl's deploy at every merge. The groups' medians stay the organisation's own
  const strata = byRepository(changes, (c) => c.aiEvidence.length > 0);
  if (strata !== null) return withinRepositories(assisted, other, strata, { github, small, value });
  // lead time and the deploy wait count the changes still waiting at their wait so far, as the summary's do: over
  // the deployed alone, aider's year read AI-assisted 2d 5h against 2d 9h where its slices, counting the 26% of
  // AI-assisted changes still waiting against 11% of the rest, read 7d 2h against 3d 23h. Each resample of a group
  // with changes still waiting draws its every change (CensoredResamples): past CENSORED_AT_MOST in a group, the
  // deployed alone are compared, medians and intervals alike, and the note says so (the bench's 100,000-commit
  // release history: 1.7 s more of its 8 s, for a whole-history comparison)
  const censor = waiting !== null && Math.max(assisted.length, other.length) <= CENSORED_AT_MOST ? waiting : null;
  const observe = (key: Compared): ((c: MeasuredChange) => Observation | null) | null =>
    censor === null ? null : key === 'leadTime' ? (c) => leadObservation(c, censor) : key === 'deploy' ? (c) => deployObservation(c, censor) : null;
  // each figure's values gathered once for both its interval and the groups' medians (600,000 changes over an
  // organisation); a censored median not reached carries its bound
  const compared = AI_INTERVAL_KEYS.map((key) => {
    const of = observe(key);
    if (of === null) return [key, { ...compareMediansOf(assisted, other, value(key)), bounds: [null, null] as Pair }] as const;
    const [xs, ys] = [assisted.map(of), other.map(of)];
    const [dx, dy] = [censoredDistribution(xs.filter((o) => o !== null)), censoredDistribution(ys.filter((o) => o !== null))];
    const bounds: Pair = [dx.p50 === null ? dx.atLeast : null, dy.p50 === null ? dy.atLeast : null];
    return [key, { interval: bootstrapCensoredDifference(xs, ys, 0.5), medians: [dx.p50, dy.p50] as Pair, bounds }] as const;
  });
  const intervals = Object.fromEntries(compared.map(([key, c]) => [key, c.interval])) as AiComparison['intervals'];
  const medians = (group: 0 | 1): Record<Compared, number | null> => Object.fromEntries(compared.map(([key, c]) => [key, c.medians[group]])) as Record<Compared, number | null>;
  const byKey = new Map(compared);
  const atLeast = (group: 0 | 1): AiGroup['atLeast'] => {
    const [lead, deploy] = [byKey.get('leadTime')?.bounds[group] ?? null, byKey.get('deploy')?.bounds[group] ?? null];
    return lead === null && deploy === null ? undefined : { leadTime: lead, deploy };
  };
  // sizes in lines, over the changes whose size is known: its own interval, in its own unit (SPEC section 5: by size)
  const size = compareMediansOf(assisted, other, changedLines);
  // the changes merged and not yet deployed: counted at their wait so far, said; left out only where none can wait
  const waitingOf = (group: readonly MeasuredChange[]): number => countOf(group, (c) => c.deployedAt === null && c.leadTime === null);
  const [assistedWaiting, otherWaiting] = [waitingOf(assisted), waitingOf(other)];
  const notes = [
    small ? `Fewer than ${MIN_AI_GROUP} changes in a group (AI-assisted ${assisted.length}, other ${other.length}): too few to compare with confidence.` : null,
    assistedWaiting + otherWaiting > 0
      ? censor === null
        ? `Lead time and deploy wait compare deployed changes only; changes merged but not yet deployed are left out of them (AI-assisted ${assistedWaiting}, other ${otherWaiting}).`
        : `Lead time and deploy wait count the changes merged but not yet deployed at their wait so far, as right-censored (AI-assisted ${assistedWaiting}, other ${otherWaiting}).`
      : null,
  ].filter((n): n is string => n !== null);
  return {
    assisted: aiGroup(assisted, github, medians(0), size.medians[0], atLeast(0)),
    other: aiGroup(other, github, medians(1), size.medians[1], atLeast(1)),
    note: notes.length > 0 ? notes.join(' ') : null,
    intervals,
    sizeInterval: size.interval,
  };
}

/**
 * The AI comparison over several repositories: each group's medians over all its changes, as the summary's are,
 * and each difference within the repositories that hold changes of both groups, weighed together
 * (`stratifiedMedianDifference`). Lead time and the deploy wait compare deployed changes: a change still waiting has
 * no value a repository's resamples could weigh.
 */
function withinRepositories(
  assisted: readonly MeasuredChange[],
  other: readonly MeasuredChange[],
  strata: ReadonlyArray<readonly [readonly MeasuredChange[], readonly MeasuredChange[]]>,
  o: { github: boolean; small: boolean; value: (key: Compared) => (c: MeasuredChange) => number | null },
): AiComparison {
  // the resamples' ranks by group size, drawn once for every figure of the comparison
  const drawn = new Map<number, Int32Array>();
  // each figure's values read once, by repository and group, into one array a group (an organisation's 590,000
  // changes: an array each per repository was 47 MB of garbage a comparison): its difference within them, then each
  // group's median over all of them
  const all: [Float64Array, Float64Array] = [new Float64Array(assisted.length), new Float64Array(other.length)];
  const compare = (value: (c: MeasuredChange) => number | null): { interval: AiComparison['intervals'][Compared]; medians: [number | null, number | null] } => {
    const filled = [0, 0];
    const values = strata.map((pair): [Float64Array, Float64Array] => [read(pair, 0), read(pair, 1)]);
    function read(pair: readonly [readonly MeasuredChange[], readonly MeasuredChange[]], group: 0 | 1): Float64Array {
      const into = all[group];
      const from = filled[group] as number;
      let n = from;
      for (const c of pair[group]) {
        const v = value(c);
        if (v !== null && Number.isFinite(v)) into[n++] = v;
      }
      filled[group] = n;
      return into.subarray(from, n);
    }
    // each figure's own count: a figure of deployed changes alone can stand on fewer repositories than the comparison
    const { strata: repositories, ...within } = stratifiedMedianDifference(values, drawn);
    const interval = { ...within, repositories };
    // after the strata's own orders: a group's values reordered as one
    const median = (group: 0 | 1): number | null => (filled[group] === 0 ? null : (percentilesOfUnsorted(all[group].subarray(0, filled[group]), [0.5])[0] ?? null));
    return { interval, medians: [median(0), median(1)] };
  };
  const compared = new Map(AI_INTERVAL_KEYS.map((key) => [key, compare(o.value(key))]));
  const medians = (group: 0 | 1): Record<Compared, number | null> =>
    Object.fromEntries(AI_INTERVAL_KEYS.map((key) => [key, compared.get(key)?.medians[group] ?? null])) as Record<Compared, number | null>;
  const intervals = Object.fromEntries(AI_INTERVAL_KEYS.map((key) => [key, compared.get(key)?.interval])) as AiComparison['intervals'];
  const size = compare(changedLines);
  const both = strata.filter(([a, b]) => Math.min(a.length, b.length) >= MIN_BOOTSTRAP_SAMPLE).length;
  const waitingOf = (group: readonly MeasuredChange[]): number => countOf(group, (c) => c.deployedAt === null && c.leadTime === null);
  const [assistedWaiting, otherWaiting] = [waitingOf(assisted), waitingOf(other)];
  // a figure of deployed changes alone can stand on fewer repositories than the comparison: said, as its cell says it
  const fewer = [...AI_INTERVAL_KEYS.map((key) => [figureWords(key, o.github), compared.get(key)?.interval.repositories ?? 0] as const), ['size', size.interval.repositories ?? 0] as const]
    .filter(([, n]) => n > 0 && n < both)
    .map(([name, n]) => `${name} within ${n}`);
  const notes = [
    withinNote(both, strata.length, fewer),
    o.small ? `Fewer than ${MIN_AI_GROUP} changes in a group (AI-assisted ${assisted.length}, other ${other.length}): too few to compare with confidence.` : null,
    assistedWaiting + otherWaiting > 0 ? `Lead time and deploy wait compare deployed changes only; changes merged but not yet deployed are left out of them (AI-assisted ${assistedWaiting}, other ${otherWaiting}).` : null,
  ].filter((n): n is string => n !== null);
  return {
    assisted: aiGroup(assisted, o.github, medians(0), size.medians[0]),
    other: aiGroup(other, o.github, medians(1), size.medians[1]),
    note: notes.join(' '),
    intervals,
    sizeInterval: size.interval,
    repositories: both,
  };
}

/**
 * Where the differences over several repositories are taken, beside medians of all the changes; `fewer` names the
 * figures taken within fewer of them (`lead time within 2`), which count only the repositories holding
 * MIN_BOOTSTRAP_SAMPLE of that figure's own values in each group.
 */
function withinNote(both: number, repositories: number, fewer: readonly string[]): string {
  const held = `${MIN_BOOTSTRAP_SAMPLE} changes or more of each group`;
  if (both === 0) return `No difference is taken: none of the ${repositories} repositories holds ${held}, and a difference is taken within a repository; the medians are of all the changes.`;
  const where = both === 1 ? `within the one repository of ${repositories} with ${held}` : `within each of the ${both} repositories of ${repositories} with ${held}, weighed together`;
  const less = fewer.length === 0 ? '' : ` Only the repositories with ${MIN_BOOTSTRAP_SAMPLE} values of a figure in each group count for it: ${fewer.join(', ')}.`;
  return `Each difference is ${where}; the medians beside it are of all the changes.${less}`;
}

/** A compared figure as the note names it: `lead time`, `deploy wait`, `first → last` from git alone. */
function figureWords(key: Compared, github: boolean): string {
  return key === 'leadTime' ? 'lead time' : key === 'cycleTime' ? 'cycle time' : shortStageLabel(key, !github);
}
