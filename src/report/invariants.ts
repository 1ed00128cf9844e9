/*
 * What a report cannot be, beyond the shape of each field (issue 41): rules between fields, which JSON Schema
 * cannot state. The report's zod schema runs them (`reportSchema`'s refinement), and so does reading a report
 * that a compiled validator accepted (`parseReport`), so a report that breaks one is bad input wherever it is
 * read: `aggregate`, `check --report`, `compare`. Each rule names the field it is about.
 *
 * - percentiles are ordered: p50 ≤ p75 ≤ p90 where present, in every distribution, its lower bounds, the
 *   change sizes (p50 ≤ p90) and the ages of the changes waiting (p50 ≤ oldest);
 * - the window is one the flags could give: from 1970 to 9999, its start before its end, at most 200 years
 *   long; `now` within the same years;
 * - counts agree with what they count: no distribution counts more changes than the summary does, the AI-assisted
 *   and the other changes add up to them, and where the report lists its changes (all but an aggregate written
 *   without --with-changes), `summary.changes` is the number of them counted, `excluded.syncs`,
 *   `excluded.releases` and `excluded.bots` the syncs, the release commits and the uncounted bots among them,
 *   `excluded.syncedPulls` the pull requests those syncs brought in, `excluded.carryingSyncs` the syncs that brought
 *   some, and deploy frequency's count the deploys listed; a repository's row counts the changes its own summary does;
 * - a change's product deploys (`productDeploys`) name its products, in their order, and none went out before the
 *   change's own deploy, the earliest of any product's.
 *
 * Durations that are negative are refused by the fields' own schema (`duration` in metrics/schema.ts).
 * Typed by what it reads, not by the report's type: the schema that runs it is built from this module.
 */
import { RELEASE_COMMIT } from '../domain.js';
import { isoSeconds, RECORD_TIME, windowProblem, withinYears } from '../time.js';

export interface Problem {
  path: Array<string | number>;
  message: string;
}

type Nullable = number | null | undefined;
interface Percentiles {
  count?: number;
  p50?: Nullable;
  p75?: Nullable;
  p90?: Nullable;
  bounds?: { p50?: Nullable; p75?: Nullable; p90?: Nullable } | undefined;
}
interface SummaryLike {
  changes: number;
  excluded: { bots: number; syncs: number; releases?: number | undefined; syncedPulls?: number | undefined; carryingSyncs?: number | undefined };
  stages: Record<string, Percentiles>;
  cycleTime: Percentiles;
  leadTime: Percentiles;
  leadTimeDeployed: Percentiles;
  unreleased: { count: number; p50Age: Nullable; oldestAge: Nullable };
  flow: { size: { p50?: Nullable; p90?: Nullable } };
  ai: { assisted: number; other: number };
  dora: { deploymentFrequency: { count: Nullable } };
}
/** What the rules read of a report. */
export interface Checked {
  window: { since: string; until: string };
  now: string;
  withChanges?: false | undefined;
  changes: ReadonlyArray<{
    counted: boolean;
    bot: boolean;
    kind: string;
    carriedPulls?: number | undefined;
    flags: readonly string[];
    deployedAt?: string | null | undefined;
    products?: readonly string[] | undefined;
    productDeploys?: ReadonlyArray<{ product: string; deployedAt: string | null }> | undefined;
  }>;
  deploys: readonly unknown[];
  summary: SummaryLike;
  repositories?: ReadonlyArray<{ changes: number; window: { since: string; until: string }; summary: SummaryLike }> | undefined;
}

/** Every rule `report` breaks, in the order of its fields; [] for a report that can be. Pure, linear in its lists. */
export function reportProblems(report: Checked): Problem[] {
  const out: Problem[] = [];
  windowRules(report.window, ['window'], out);
  const now = isoSeconds(report.now, RECORD_TIME);
  if (now !== null && !withinYears(now)) out.push({ path: ['now'], message: 'is not between 1970-01-01 and 9999-12-31, where a report\'s times are' });
  summaryRules(report.summary, ['summary'], out);
  if (report.withChanges !== false) listRules(report, out);
  report.repositories?.forEach((row, i) => {
    windowRules(row.window, ['repositories', i, 'window'], out);
    summaryRules(row.summary, ['repositories', i, 'summary'], out);
    if (row.changes !== row.summary.changes) out.push({ path: ['repositories', i, 'changes'], message: `is ${row.changes}, but its summary counts ${row.summary.changes} changes` });
  });
  return out;
}

/**
 * The report's rules as a zod refinement: each broken rule an issue at its field's path.
 */
export function refineReport(report: Checked, ctx: { addIssue(issue: { code: 'custom'; path: Array<string | number>; message: string }): void }): void {
  for (const problem of reportProblems(report)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
}

function windowRules(window: { since: string; until: string }, at: Array<string | number>, out: Problem[]): void {
  const since = isoSeconds(window.since, RECORD_TIME);
  const until = isoSeconds(window.until, RECORD_TIME);
  // a time that is no time is its field's schema's to say
  if (since === null || until === null) return;
  const problem = windowProblem(since, until);
  if (problem !== null) out.push({ path: problem.field === undefined ? at : [...at, problem.field], message: problem.message });
}

function summaryRules(summary: SummaryLike, at: Array<string | number>, out: Problem[]): void {
  const distributions: Array<[string[], Percentiles]> = [
    [['cycleTime'], summary.cycleTime],
    [['leadTime'], summary.leadTime],
    [['leadTimeDeployed'], summary.leadTimeDeployed],
    ...Object.entries(summary.stages).map(([stage, figures]): [string[], Percentiles] => [['stages', stage], figures]),
  ];
  for (const [path, d] of distributions) {
    ordered([['p50', d.p50], ['p75', d.p75], ['p90', d.p90]], [...at, ...path], out);
    if (d.bounds !== undefined) ordered([['p50', d.bounds.p50], ['p75', d.bounds.p75], ['p90', d.bounds.p90]], [...at, ...path, 'bounds'], out);
    if (d.count !== undefined && d.count > summary.changes) out.push({ path: [...at, ...path, 'count'], message: `is ${d.count}, more than the ${summary.changes} changes the summary counts` });
  }
  ordered([['p50', summary.flow.size.p50], ['p90', summary.flow.size.p90]], [...at, 'flow', 'size'], out);
  ordered([['p50Age', summary.unreleased.p50Age], ['oldestAge', summary.unreleased.oldestAge]], [...at, 'unreleased'], out);
  if (summary.unreleased.count > summary.changes) out.push({ path: [...at, 'unreleased', 'count'], message: `is ${summary.unreleased.count}, more than the ${summary.changes} changes the summary counts` });
  if (summary.ai.assisted + summary.ai.other !== summary.changes) {
    out.push({ path: [...at, 'ai'], message: `assisted (${summary.ai.assisted}) and other (${summary.ai.other}) do not add up to the ${summary.changes} changes the summary counts` });
  }
}

/** Each present value no smaller than the one before it (a relative hair for rounding). */
function ordered(values: Array<[string, Nullable]>, at: Array<string | number>, out: Problem[]): void {
  let before: [string, number] | null = null;
  for (const [name, value] of values) {
    if (value === null || value === undefined) continue;
    if (before !== null && value < before[1] - 1e-9 * Math.max(1, Math.abs(before[1]))) {
      out.push({ path: [...at, name], message: `is ${value}, below ${before[0]} (${before[1]}): percentiles are ordered, ${values.map(([n]) => n).join(' ≤ ')}` });
    }
    before = [name, value];
  }
}

function listRules(report: Checked, out: Problem[]): void {
  let counted = 0;
  let syncs = 0;
  let releases = 0;
  let bots = 0;
  let carried = 0;
  let carrying = 0;
  report.changes.forEach((c, i) => {
    if (c.counted) counted += 1;
    if (c.kind === 'sync') {
      syncs += 1;
      carried += c.carriedPulls ?? 0;
      if ((c.carriedPulls ?? 0) > 0) carrying += 1;
    } else if (c.flags.includes(RELEASE_COMMIT)) releases += 1;
    else if (c.bot && !c.counted) bots += 1;
    if (c.productDeploys !== undefined) productDeployRules(c, ['changes', i], out);
  });
  const s = report.summary;
  if (s.changes !== counted) out.push({ path: ['summary', 'changes'], message: `is ${s.changes}, but ${counted} of the changes listed are counted` });
  if (s.excluded.syncs !== syncs) out.push({ path: ['summary', 'excluded', 'syncs'], message: `is ${s.excluded.syncs}, but ${syncs} of the changes listed are syncs` });
  // a report written before release commits were told apart has none, and no count of them
  if ((s.excluded.releases ?? 0) !== releases) out.push({ path: ['summary', 'excluded', 'releases'], message: `is ${s.excluded.releases ?? 'absent'}, but ${releases} of the changes listed are release commits` });
  // a report written before the syncs' pull requests were counted has neither
  if ((s.excluded.syncedPulls ?? 0) !== carried) out.push({ path: ['summary', 'excluded', 'syncedPulls'], message: `is ${s.excluded.syncedPulls ?? 'absent'}, but the syncs listed brought in ${carried} pull requests` });
  // and one written before the syncs that brought some were counted has no count of them
  if (s.excluded.carryingSyncs !== undefined && s.excluded.carryingSyncs !== carrying) out.push({ path: ['summary', 'excluded', 'carryingSyncs'], message: `is ${s.excluded.carryingSyncs}, but ${carrying} of the syncs listed brought in pull requests` });
  if (s.excluded.bots !== bots) out.push({ path: ['summary', 'excluded', 'bots'], message: `is ${s.excluded.bots}, but ${bots} of the changes listed are bots' left out` });
  const deploys = s.dora.deploymentFrequency.count;
  if (deploys !== null && deploys !== undefined && deploys !== report.deploys.length) {
    out.push({ path: ['summary', 'dora', 'deploymentFrequency', 'count'], message: `is ${deploys}, but ${report.deploys.length} deploys are listed` });
  }
}

/** A change's product deploys: one per product of the change, in its order, none before the change's own deploy. */
function productDeployRules(c: Checked['changes'][number], at: Array<string | number>, out: Problem[]): void {
  const products = c.products ?? [];
  const named = (c.productDeploys ?? []).map((d) => d.product);
  if (named.length !== products.length || named.some((p, j) => p !== products[j])) {
    out.push({ path: [...at, 'productDeploys'], message: `names ${named.join(', ') || 'no product'}, but the change's products are ${products.join(', ') || 'none'}` });
  }
  const own = c.deployedAt === null || c.deployedAt === undefined ? null : isoSeconds(c.deployedAt, RECORD_TIME);
  c.productDeploys?.forEach((d, j) => {
    const when = d.deployedAt === null ? null : isoSeconds(d.deployedAt, RECORD_TIME);
    if (when !== null && (own === null || when < own)) {
      out.push({ path: [...at, 'productDeploys', j, 'deployedAt'], message: `is ${d.deployedAt}, before the change's own deploy (${c.deployedAt ?? 'none'}), the earliest of any product's` });
    }
  });
}
