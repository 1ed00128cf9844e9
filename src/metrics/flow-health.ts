/**
 * Review, rework, CI, WIP and AI-assisted figures (SPEC section 5; issue 4). Pure: plain data in, plain data out.
 * The shapes are supersets of what the advice rules read (`src/advice/types.ts`): durations are seconds, shares
 * 0–1, sizes lines (additions + deletions). Git cannot see reviews, checks or open PRs, so in git-only mode
 * `review`, `rework`, `ci` and `wip` are null (never 0); the AI-assisted comparison works from git alone.
 */
import { STAGES, type Change, type StageName } from '../domain.js';
import type { PullFacts } from '../model/github-pulls.js';
import type { GitHubCheck, GitHubOpenPull, GitHubPull } from '../sources/github/types.js';
import { distribution } from './percentile.js';

/** changes over this many lines are "large" (review depth, SPEC section 5) */
export const LARGE_CHANGE_LINES = 400;
/** below this many changes in either group the AI comparison says more about chance than about the work */
export const MIN_AI_GROUP = 10;
/** worst flaky checks listed by name */
export const WORST_FLAKY = 5;

export interface ReviewerRow {
  /** login, lower-cased */
  reviewer: string;
  /** submitted reviews (any state but PENDING) on the window's changes */
  reviews: number;
  /** changes on which they were the first human reviewer */
  firstReviews: number;
  /** p50 pickup stage of the changes they picked up first, seconds */
  pickupP50: number | null;
}

export interface ReviewHealth {
  /** submitted reviews by humans other than the PR author */
  reviews: number;
  /** how many people reviewed */
  reviewers: number;
  /** share of all reviews done by the two busiest reviewers */
  topTwoShare: number | null;
  /** changes merged with no human review (direct pushes included) */
  unreviewed: number;
  unreviewedShare: number | null;
  /** landed without an approval by anyone but the author (direct pushes included; GitHub's merger is not fetched) */
  selfMerged: number;
  selfMergedShare: number | null;
  reviewsPerChange: number | null;
  /** changes over 400 lines */
  largeChanges: number;
  /** … of them approved with no review comment at all */
  largeChangesWithoutComments: number;
  /** review depth of the large changes: p50 of comments per 100 changed lines */
  largeChangeCommentsPer100LinesP50: number | null;
  /** busiest first */
  byReviewer: ReviewerRow[];
}

export interface ReworkHealth {
  /** the base: reviewed pull requests */
  reviewed: number;
  /** with commits or force-pushes after the first review */
  reworked: number;
  share: number | null;
  changesRequested: number;
  changesRequestedShare: number | null;
}

export interface FlakyCheck {
  name: string;
  /** flaky ÷ changes that ran this check on their final head commit */
  rate: number;
  flaky: number;
  runs: number;
}

export interface CiHealth {
  /** changes whose final head commit has timed check runs */
  changes: number;
  /** wall time of the checks on the final head commit: max(completedAt) − min(startedAt), seconds */
  p50: number | null;
  p90: number | null;
  /** distinct check names per final head commit, summed over changes */
  checks: number;
  /** … of them that concluded FAILURE and later SUCCESS on the same commit */
  flakyChecks: number;
  flakyRate: number | null;
  /** most flaky first */
  worstFlaky: FlakyCheck[];
  /** approved changes: Σ (approval → last check completion, clamped to the merge stage) ÷ Σ merge stage */
  mergeWaitOnChecksShare: number | null;
}

export interface WipHealth {
  /** open non-draft pull requests at `now` (bots left out) */
  open: number;
  drafts: number;
  /** age of the open non-draft pull requests at `now`, seconds */
  p50Age: number | null;
  p90Age: number | null;
  /** people who merged a change in the window or have an open pull request */
  activeAuthors: number;
  /** open non-draft pull requests per active author */
  perAuthor: number | null;
}

export interface AiGroup {
  count: number;
  /** p50 of additions + deletions */
  p50Size: number | null;
  /** share reverted */
  failureRate: number | null;
  /** share of reviewed PRs reworked after the first review; null in git-only mode */
  reworkShare: number | null;
  leadTimeP50: number | null;
  cycleTimeP50: number | null;
  /** p50 of each stage */
  stages: Record<StageName, number | null>;
}

export interface AiComparison {
  /** changes with an AI marker: a lower bound */
  assisted: AiGroup;
  other: AiGroup;
  /** set when either group has fewer than 10 changes */
  note: string | null;
}

export interface FlowHealth {
  review: ReviewHealth | null;
  rework: ReworkHealth | null;
  ci: CiHealth | null;
  wip: WipHealth | null;
  aiComparison: AiComparison;
}

export interface FlowHealthInput {
  /** the counted changes of the window (bots and syncs already left out) */
  changes: readonly Change[];
  /** by change.sha (GitHub mode only; empty in git-only mode) */
  facts: ReadonlyMap<string, PullFacts>;
  /** [] in git-only mode */
  openPulls: readonly GitHubOpenPull[];
  /** epoch seconds: the end of the window, for WIP ages */
  now: number;
  github: boolean;
}

export function computeFlowHealth(input: FlowHealthInput): FlowHealth {
  const { changes, facts, github } = input;
  return {
    review: github ? reviewHealth(changes, facts) : null,
    rework: github ? reworkHealth(changes, facts) : null,
    ci: github ? ciHealth(changes, facts) : null,
    wip: github ? wipHealth(changes, input.openPulls, input.now) : null,
    aiComparison: aiComparison(changes, facts, github),
  };
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const isBotLogin = (login: string, isBot: boolean): boolean => isBot || /\[bot\]$/i.test(login);
const sizeOf = (change: Change, fact: PullFacts | undefined): number | null =>
  change.size ? change.size.additions + change.size.deletions : fact ? fact.pull.additions + fact.pull.deletions : null;

interface Say {
  who: string;
  at: number;
}

/** human reviews (not PENDING) by anyone but the author */
function humanReviews(pull: GitHubPull): Say[] {
  const author = pull.author.toLowerCase();
  const out: Say[] = [];
  for (const r of pull.reviews) {
    if (r.state === 'PENDING' || r.submittedAt === null || isBotLogin(r.author, r.authorIsBot)) continue;
    if (r.author.toLowerCase() === author) continue;
    out.push({ who: r.author.toLowerCase(), at: r.submittedAt });
  }
  return out;
}

/** conversation comments and COMMENTED / CHANGES_REQUESTED reviews by humans other than the author */
function reviewComments(pull: GitHubPull): number {
  const author = pull.author.toLowerCase();
  const human = (login: string, bot: boolean): boolean => !isBotLogin(login, bot) && login.toLowerCase() !== author;
  const comments = pull.comments.filter((c) => human(c.author, c.authorIsBot)).length;
  const reviews = pull.reviews.filter((r) => human(r.author, r.authorIsBot) && r.submittedAt !== null && (r.state === 'COMMENTED' || r.state === 'CHANGES_REQUESTED')).length;
  return comments + reviews;
}

/** who gave the first review (or comment) between ready and merge, as the pull's events date it */
function firstReviewer(change: Change, pull: GitHubPull): string | null {
  const from = change.readyAt ?? pull.createdAt;
  const author = pull.author.toLowerCase();
  const candidates: Say[] = [
    ...humanReviews(pull),
    ...pull.comments.filter((c) => !isBotLogin(c.author, c.authorIsBot) && c.author.toLowerCase() !== author).map((c) => ({ who: c.author.toLowerCase(), at: c.createdAt })),
  ].filter((s) => s.at >= from && s.at <= pull.mergedAt);
  let first: Say | null = null;
  for (const s of candidates) if (first === null || s.at < first.at) first = s;
  return first?.who ?? null;
}

function reviewHealth(changes: readonly Change[], facts: ReadonlyMap<string, PullFacts>): ReviewHealth {
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
    const fact = facts.get(change.sha);
    if (change.firstReviewAt === null) unreviewed++;
    if (change.approvedAt === null) selfMerged++;
    if (!fact) continue;
    for (const say of humanReviews(fact.pull)) {
      entry(say.who).reviews++;
      reviews++;
    }
    const first = firstReviewer(change, fact.pull);
    if (first !== null) entry(first).pickups.push(change.stages.pickup);
    const size = sizeOf(change, fact);
    if (size !== null && size > LARGE_CHANGE_LINES) {
      largeChanges++;
      const comments = reviewComments(fact.pull);
      depth.push((comments / size) * 100);
      if (comments === 0 && change.approvedAt !== null) largeWithoutComments++;
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

function reworkHealth(changes: readonly Change[], facts: ReadonlyMap<string, PullFacts>): ReworkHealth {
  let reviewed = 0;
  let reworked = 0;
  let requested = 0;
  for (const change of changes) {
    const fact = facts.get(change.sha);
    if (!fact || change.firstReviewAt === null) continue;
    reviewed++;
    if (fact.rework.commitsAfterFirstReview > 0 || fact.rework.forcePushesAfterFirstReview > 0) reworked++;
    if (fact.rework.changesRequested) requested++;
  }
  return { reviewed, reworked, share: ratio(reworked, reviewed), changesRequested: requested, changesRequestedShare: ratio(requested, reviewed) };
}

/** max(completedAt) − min(startedAt) of the runs; null when no run has both ends */
function wallTime(checks: readonly GitHubCheck[]): number | null {
  const starts = checks.map((c) => c.startedAt).filter((t): t is number => t !== null);
  const ends = checks.map((c) => c.completedAt).filter((t): t is number => t !== null);
  if (starts.length === 0 || ends.length === 0) return null;
  return Math.max(0, Math.max(...ends) - Math.min(...starts));
}

/** check names on one commit that concluded FAILURE and later SUCCESS */
function flakyNames(checks: readonly GitHubCheck[]): { names: Set<string>; flaky: Set<string> } {
  const byName = new Map<string, Array<{ conclusion: string; order: number; index: number }>>();
  checks.forEach((c, index) => {
    const runs = byName.get(c.name) ?? [];
    runs.push({ conclusion: (c.conclusion ?? '').toUpperCase(), order: c.completedAt ?? c.startedAt ?? Number.POSITIVE_INFINITY, index });
    byName.set(c.name, runs);
  });
  const flaky = new Set<string>();
  for (const [name, runs] of byName) {
    runs.sort((a, b) => a.order - b.order || a.index - b.index);
    const firstFailure = runs.findIndex((r) => r.conclusion === 'FAILURE');
    if (firstFailure !== -1 && runs.slice(firstFailure + 1).some((r) => r.conclusion === 'SUCCESS')) flaky.add(name);
  }
  return { names: new Set(byName.keys()), flaky };
}

function ciHealth(changes: readonly Change[], facts: ReadonlyMap<string, PullFacts>): CiHealth {
  const walls: number[] = [];
  let checks = 0;
  let flakyChecks = 0;
  const byName = new Map<string, { flaky: number; runs: number }>();
  let mergeStage = 0;
  let onChecks = 0;
  for (const change of changes) {
    const fact = facts.get(change.sha);
    if (!fact) continue;
    const runs = fact.pull.checks;
    const wall = wallTime(runs);
    if (wall !== null) walls.push(wall);
    const { names, flaky } = flakyNames(runs);
    checks += names.size;
    flakyChecks += flaky.size;
    for (const name of names) {
      const e = byName.get(name) ?? { flaky: 0, runs: 0 };
      e.runs++;
      if (flaky.has(name)) e.flaky++;
      byName.set(name, e);
    }
    if (change.approvedAt !== null) {
      const stage = Math.max(0, change.mergedAt - change.approvedAt);
      const ends = runs.map((c) => c.completedAt).filter((t): t is number => t !== null);
      const lastDone = ends.length > 0 ? Math.max(...ends) : null;
      mergeStage += stage;
      if (lastDone !== null) onChecks += Math.min(stage, Math.max(0, lastDone - change.approvedAt));
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
  };
}

function wipHealth(changes: readonly Change[], openPulls: readonly GitHubOpenPull[], now: number): WipHealth {
  const open = openPulls.filter((p) => !isBotLogin(p.author, p.authorIsBot) && p.createdAt <= now);
  const ready = open.filter((p) => !p.isDraft);
  const ages = distribution(ready.map((p) => now - p.createdAt));
  const authors = new Set([...changes.map((c) => c.author.toLowerCase()), ...open.map((p) => p.author.toLowerCase())]);
  return {
    open: ready.length,
    drafts: open.length - ready.length,
    p50Age: ages.p50,
    p90Age: ages.p90,
    activeAuthors: authors.size,
    perAuthor: ratio(ready.length, authors.size),
  };
}

function aiGroup(changes: readonly Change[], facts: ReadonlyMap<string, PullFacts>, github: boolean): AiGroup {
  const stages = Object.fromEntries(STAGES.map((s) => [s, distribution(changes.map((c) => c.stages[s])).p50])) as Record<StageName, number | null>;
  const rework = github ? reworkHealth(changes, facts).share : null;
  return {
    count: changes.length,
    p50Size: distribution(changes.map((c) => sizeOf(c, facts.get(c.sha)))).p50,
    failureRate: ratio(changes.filter((c) => c.revertedBy !== null).length, changes.length),
    reworkShare: rework,
    leadTimeP50: distribution(changes.map((c) => c.leadTime)).p50,
    cycleTimeP50: distribution(changes.map((c) => c.cycleTime)).p50,
    stages,
  };
}

function aiComparison(changes: readonly Change[], facts: ReadonlyMap<string, PullFacts>, github: boolean): AiComparison {
  const assisted = changes.filter((c) => c.aiEvidence.length > 0);
  const other = changes.filter((c) => c.aiEvidence.length === 0);
  const small = Math.min(assisted.length, other.length) < MIN_AI_GROUP;
  return {
    assisted: aiGroup(assisted, facts, github),
    other: aiGroup(other, facts, github),
    note: small
      ? `Fewer than ${MIN_AI_GROUP} changes in a group (AI-assisted ${assisted.length}, other ${other.length}): too few to compare with confidence.`
      : null,
  };
}
