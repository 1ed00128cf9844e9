/**
 * Acceptance (SPEC section 5, GitHub mode): of the window's pull requests into the tracked branch that were
 * decided, the share merged — merged ÷ (merged + closed unmerged) — for all of them, the AI-assisted ones, the rest
 * and each AI tool, with 95% intervals, and what a rejected one took: its time to close and its reviewers' effort.
 * A pull request closed unmerged whose change landed all the same (a push of its commits, a commit queue) counts as
 * merged. Drafts closed unmerged (never put up for review) and agents' failed runs (the agent closed its own
 * attempt) are counted apart and are in no rate; open pull requests are undecided. Pure.
 */
import type { ClosedPull, MeasuredChange, Window } from '../domain.js';
import { aiToolsOf } from '../model/pull-ai.js';
import { countOf } from './count.js';
import { MIN_AI_GROUP } from './limits.js';
import { distribution } from './percentile.js';
import { leavesOutZero, shareDifference, stratifiedShareDifference, wilson, type Stratum } from './proportion.js';
import { severalRepositories } from './strata.js';
import type { Acceptance, AcceptanceGroup } from './schema.js';

export type { Acceptance, AcceptanceGroup } from './schema.js';

export interface AcceptanceInput {
  /** the counted changes merged in the window: those GitHub joined to a pull request are its merged ones */
  changes: readonly MeasuredChange[];
  /** every pull request closed without merging that GitHub listed: those closed in the window are read */
  closedPulls: readonly ClosedPull[];
  window: Pick<Window, 'since' | 'until'>;
  /** count the bots' pull requests, as their changes are (`--include-bots`) */
  includeBots: boolean;
  /** seconds from one time to another: wall-clock, or working time with --business-hours */
  measure: (from: number, to: number) => number;
}

/** The window's decided and closed pull requests of one group: closed ones that landed count as merged. */
interface Decided {
  merged: readonly MeasuredChange[];
  closed: readonly ClosedPull[];
}

/** The window's merged pull requests and those closed unmerged in it, bots left out unless counted. */
function decidedOf(input: Omit<AcceptanceInput, 'measure'>): Decided {
  return {
    merged: input.changes.filter((c) => c.review !== null),
    closed: input.closedPulls.filter((p) => p.closedAt >= input.window.since && p.closedAt < input.window.until && (input.includeBots || !p.bot)),
  };
}

/** One pull request decided in the window, as `compare` resamples acceptance rates: merged or rejected, AI-assisted or not. */
export interface DecidedPull {
  merged: boolean;
  ai: boolean;
  other: boolean;
}

/**
 * Every pull request in the window's rates, one each (see the module's comment): merged (a closed one whose change
 * landed counts as merged) or rejected; drafts closed unmerged and agents' failed runs are in no rate and not here.
 * The mean of `merged` over them is the acceptance rate. Pure.
 */
export function decidedPulls(input: Omit<AcceptanceInput, 'measure'>): DecidedPull[] {
  const { merged, closed } = decidedOf(input);
  const ai = (evidence: readonly string[]): DecidedPull => ({ merged: true, ai: evidence.length > 0, other: evidence.length === 0 });
  return [
    ...merged.map((c) => ai(c.aiEvidence)),
    ...closed.filter((p) => p.landed || (!p.failedRun && !p.isDraft)).map((p) => ({ ...ai(p.aiEvidence), merged: p.landed })),
  ];
}

/** The acceptance figures of the window's pull requests (see the module's comment). */
export function computeAcceptance(input: AcceptanceInput): Acceptance {
  const { merged, closed } = decidedOf(input);
  const all: Decided = { merged, closed };
  const ai: Decided = { merged: merged.filter((c) => c.aiEvidence.length > 0), closed: closed.filter((p) => p.aiEvidence.length > 0) };
  const other: Decided = { merged: merged.filter((c) => c.aiEvidence.length === 0), closed: closed.filter((p) => p.aiEvidence.length === 0) };
  const [aiGroup, otherGroup] = [groupOf(ai, input.measure), groupOf(other, input.measure)];
  const decided = (g: AcceptanceGroup): number => g.merged + g.rejected;
  // over several repositories, each one's own difference weighed together (Mantel–Haenszel): pooled, the groups
  // compare the repositories' own habits of merging (one merging 95% of its pull requests, another 60%), not AI's
  const strata = repositoryStrata(ai, other, input.measure);
  const within = strata === null ? null : stratifiedShareDifference(strata);
  const difference = within ?? shareDifference({ k: aiGroup.merged, n: decided(aiGroup) }, { k: otherGroup.merged, n: decided(otherGroup) });
  const few = Math.min(decided(aiGroup), decided(otherGroup)) < MIN_AI_GROUP;
  return {
    ...groupOf(all, input.measure),
    ai: aiGroup,
    other: otherGroup,
    aiMinusOther: {
      value: difference.value,
      low: difference.low,
      high: difference.high,
      real: !few && leavesOutZero(difference),
      ...(within !== null && { repositories: within.strata }),
    },
    tools: byTool(ai, input.measure),
    note: few
      ? `Fewer than ${MIN_AI_GROUP} pull requests decided (merged or rejected) in a group (AI-assisted ${decided(aiGroup)}, other ${decided(otherGroup)}): too few to compare with confidence.`
      : null,
  };
}

/** Each repository's merged and decided pull requests, AI-assisted (`a`) and other (`b`), by name; null over one. */
function repositoryStrata(ai: Decided, other: Decided, measure: (from: number, to: number) => number): Stratum[] | null {
  if (!severalRepositories(ai.merged, other.merged, ai.closed, other.closed)) return null;
  // each group's pull requests by repository, in one pass: an organisation's thousand repositories
  type Filling = { merged: MeasuredChange[]; closed: ClosedPull[] };
  const by = new Map<string, [Filling, Filling]>();
  const at = (name: string | undefined): [Filling, Filling] => {
    let pair = by.get(name ?? '');
    if (pair === undefined) by.set(name ?? '', (pair = [{ merged: [], closed: [] }, { merged: [], closed: [] }]));
    return pair;
  };
  [ai, other].forEach((group, g) => {
    for (const c of group.merged) (at(c.repository)[g] as Filling).merged.push(c);
    for (const p of group.closed) (at(p.repository)[g] as Filling).closed.push(p);
  });
  const decided = (group: Decided): { k: number; n: number } => {
    const g = groupOf(group, measure);
    return { k: g.merged, n: g.merged + g.rejected };
  };
  return [...by.keys()].sort().map((name) => {
    const [a, b] = by.get(name) as [Filling, Filling];
    return { a: decided(a), b: decided(b) };
  });
}

/** One group's figures: its rate and interval, what was closed apart, and what its rejected pull requests took. */
function groupOf(group: Decided, measure: (from: number, to: number) => number): AcceptanceGroup {
  const landed = countOf(group.closed, (p) => p.landed);
  const unlanded = group.closed.filter((p) => !p.landed);
  const failedRuns = unlanded.filter((p) => p.failedRun);
  const rejected = unlanded.filter((p) => !p.failedRun && !p.isDraft);
  const merged = group.merged.length + landed;
  const rate = wilson(merged, merged + rejected.length);
  let reviewTime = 0;
  for (const p of rejected) if (p.firstReviewAt !== null) reviewTime += Math.max(0, measure(p.firstReviewAt, p.closedAt));
  return {
    merged,
    rejected: rejected.length,
    rate: rate.value,
    rateLow: rate.low,
    rateHigh: rate.high,
    closedDrafts: countOf(unlanded, (p) => !p.failedRun && p.isDraft),
    failedRuns: failedRuns.length,
    timeToCloseP50: distribution(rejected.map((p) => Math.max(0, measure(p.createdAt, p.closedAt)))).p50,
    reviewed: countOf(rejected, (p) => p.firstReviewAt !== null),
    reviews: rejected.reduce((sum, p) => sum + p.reviews, 0),
    comments: rejected.reduce((sum, p) => sum + p.comments, 0),
    reviewTime,
  };
}

/** Each AI tool's group, most decided first: a pull request whose evidence names two tools is in both. */
function byTool(ai: Decided, measure: (from: number, to: number) => number): Acceptance['tools'] {
  const groups = new Map<string, { merged: MeasuredChange[]; closed: ClosedPull[] }>();
  const of = (tool: string): { merged: MeasuredChange[]; closed: ClosedPull[] } => {
    let g = groups.get(tool);
    if (!g) groups.set(tool, (g = { merged: [], closed: [] }));
    return g;
  };
  for (const c of ai.merged) for (const tool of aiToolsOf(c)) of(tool).merged.push(c);
  for (const p of ai.closed) for (const tool of aiToolsOf(p)) of(tool).closed.push(p);
  return [...groups]
    .map(([tool, g]) => ({ tool, ...groupOf(g, measure) }))
    .sort((a, b) => b.merged + b.rejected - (a.merged + a.rejected) || a.tool.localeCompare(b.tool));
}
