import type { Change } from '../domain.js';
import { decidedPulls } from '../metrics/acceptance.js';
import { repositoryName } from '../render/names.js';
import type { FigureGroup } from '../metrics/catalogue.js';
import { comparedFigures, comparedRows, type ComparedRow, type ComparedSide } from '../metrics/compared.js';
import { MIN_COMPARED_SAMPLE } from '../metrics/limits.js';
import { coveredWindow } from '../metrics/coverage.js';
import { dailyDeployCounts } from '../metrics/difference.js';
import { placingTimes } from '../metrics/releases.js';
import { workingSeconds } from '../metrics/business-hours.js';
import type { Waiting } from '../metrics/stage-summary.js';
import { fromReportClosedPull } from '../report/closed-pulls.js';
import { fromReportChanges } from '../report/convert.js';
import type { Report } from '../report/schema.js';
import { andList, plural } from '../units.js';
import { isoSeconds, windowFrom } from '../time.js';

export type { Direction } from '../metrics/difference.js';
export type { ComparedUnit } from '../metrics/compared.js';

/**
 * One compared figure (`metrics/compared.ts`): `key` is a dot path into `report.summary`; the interval is
 * after − before recomputed from the reports' own changes (or deploys); better or worse only when it excludes 0.
 */
export type ComparisonRow = ComparedRow;

export interface ComparisonSide {
  repository: string;
  window: Report['window'];
  changes: number;
  deploys: number;
  /** a repository of several products: the releases its deploys are, which its deployment frequency counts; absent for one product */
  releases?: number;
  /** a report of several repositories: how many, whose median repository's its own keys (`OWN_KEYS`) are; absent for one */
  repositories?: number;
  sources: Report['sources'];
  deploySignal: Report['deploySignal']['kind'];
  businessHours: Report['businessHours'];
}

/** `flowaudit compare BEFORE AFTER` as data: also its JSON output. */
export interface Comparison {
  schemaVersion: 1;
  minSample: number;
  before: ComparisonSide;
  after: ComparisonSide;
  rows: ComparisonRow[];
  warnings: string[];
}

export interface CompareOptions {
  /** a side with fewer changes than this is flagged as too few to trust; default 10 */
  minSample?: number;
  /** what is compared: the catalogue's figures it declares compared (another catalogue: a test's) */
  catalogue?: FigureGroup;
}

export const DEFAULT_MIN_SAMPLE = MIN_COMPARED_SAMPLE;

/** A report as a side of a comparison: its summary, and the counted changes and deploys its figures are over. */
function comparedSide(r: Report): ComparedSide {
  // in the model's shape, as the previous period's are: a basis reads one shape of change
  // a change still waiting has waited until its own repository's report was made (several repositories: `seenUntil`)
  const counted = fromReportChanges(r, r.changes.filter((c) => c.counted));
  // a report of several repositories gives the median repository's deploy frequency, failure rate and recovery
  // time (dora-across.ts): its repositories' own are what those resample (compared.ts), its deploys pooled only
  // what is pooled (the rework rate)
  const pooled = medianOfRepositories(r);
  // the days its deploy frequency is over (the history's part of the window, up to now): a young repository's, or
  // a product's born or removed in the window, resampled over the whole window were centred on another rate than its own
  const span = coveredWindow(windowFrom(r.window), isoSeconds(r.now) ?? NaN);
  const days = pooled ? [] : dailyDeployCounts(span.since, span.until, releasedAt(r));
  return {
    summary: r.summary,
    sample: {
      changes: counted, deploys: r.deploys, dailyDeploys: days, pulls: decidedPullsOf(r, counted), waiting: waitingOf(r),
      ...(pooled && { repositories: (r.repositories ?? []).map((row) => row.summary) }),
    },
  };
}

/** Whether a report's deploy keys are the median of its repositories' own (a report of several repositories). */
function medianOfRepositories(r: Report): boolean {
  return r.summary.dora.deploymentFrequency.repositories !== undefined;
}

/**
 * When a report's deploys count for its deployment frequency, as its summary placed it: its releases' times when
 * it was placed by its releases (several products, `placingTimes`), else every deploy's (an organisation's pooled
 * releases are no repository's: its summary has none).
 */
function releasedAt(r: Report): number[] {
  const deploys = r.deploys.map((d) => ({ at: isoSeconds(d.at) ?? NaN, product: d.product, sha: d.sha, repository: d.repository }));
  return r.summary.dora.deploymentFrequency.releasesPerWeek == null ? deploys.map((d) => d.at) : placingTimes(deploys);
}

/** How long a report's changes still waiting had waited: until its now, counted as its figures count time (business hours or not). */
function waitingOf(r: Report): Waiting {
  const hours = r.businessHours ?? null;
  return { now: isoSeconds(r.now) ?? NaN, measure: hours === null ? (a, b) => b - a : (a, b) => workingSeconds(a, b, hours) };
}

/** The pull requests a report decided in its window, as its acceptance counts them; none when it has no acceptance. */
function decidedPullsOf(r: Report, counted: readonly Change[]): ReturnType<typeof decidedPulls> {
  if (r.summary.acceptance == null || r.closedPulls === undefined) return [];
  return decidedPulls({
    changes: counted,
    closedPulls: r.closedPulls.map((p) => fromReportClosedPull(p, p.repository)),
    window: windowFrom(r.window),
    includeBots: r.policy.includeBots,
  });
}

/**
 * Compares two reports (a baseline and a later window, or two repositories): every figure the catalogue declares
 * compared, the two values, the change, the 95% interval of the change (bootstrap over the reports' changes and
 * deploys), its direction and the sample sizes. A change is better or worse only when its interval excludes 0
 * (SPEC section 9). Pure.
 */
export function compareReports(before: Report, after: Report, options: CompareOptions = {}): Comparison {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  // a stage is named as the rest of the report names it; a side read from git alone saw only the first to the
  // last commit of "coding", so the row says so (the sides' sources differing is a warning of its own)
  const gitOnly = !(before.sources.includes('github') && after.sources.includes('github'));
  // the narrow table's names: "recovery time", not "failed deployment recovery time", which wraps at 80 columns
  const rows = comparedRows(comparedFigures(options.catalogue), comparedSide(before), comparedSide(after), { minSample, gitOnly, short: true });
  const sides = { before: side(before), after: side(after) };
  // one repository on both sides: known by its remote, else the folder it was read from (its name may be shared)
  const same = (before.repository.remote ?? before.repository.path) === (after.repository.remote ?? after.repository.path);
  return { schemaVersion: 1, minSample, ...sides, rows, warnings: [...warnings(sides.before, sides.after, minSample, same), ...unlistedWarnings(before, after)] };
}

function side(report: Report): ComparisonSide {
  return {
    // named as every page names it: its remote, else its folder, never the machine's path to it
    repository: repositoryName(report.repository),
    window: report.window,
    changes: report.summary.changes,
    deploys: report.summary.dora.deploymentFrequency.count,
    ...(report.summary.dora.deploymentFrequency.releases != null && { releases: report.summary.dora.deploymentFrequency.releases }),
    ...(medianOfRepositories(report) && { repositories: report.repositories?.length ?? 0 }),
    sources: report.sources,
    deploySignal: report.deploySignal.kind,
    businessHours: report.businessHours ?? null,
  };
}

/** The keys a report of several repositories gives as its median repository's, as compare's table names them. */
export const OWN_KEYS = andList(comparedFigures().filter((f) => f.perRepository).map((f) => f.label({ gitOnly: false, short: true })));

/**
 * What the intervals cannot be over: a side that lists none of the changes it counts (a report of several
 * repositories written without --with-changes) leaves every figure over its changes and deploys without one,
 * and a report of several repositories beside one of one has its own keys as its median repository's, which one
 * repository's deploys are no sample of (two of several resample their repositories: compared.ts).
 */
function unlistedWarnings(before: Report, after: Report): string[] {
  const out: string[] = [];
  for (const [name, r] of [['before', before], ['after', after]] as const) {
    if (r.withChanges === false && r.summary.changes > 0) {
      out.push(`${name} lists none of its ${plural(r.summary.changes, 'change')} (written without --with-changes): no figure over its changes or deploys has an interval, so none of them is called better or worse; write its report with --with-changes`);
    }
  }
  if (medianOfRepositories(before) !== medianOfRepositories(after)) {
    const [several, one] = medianOfRepositories(before) ? ['before', 'after'] : ['after', 'before'];
    out.push(`${several} is several repositories and ${one} one: ${several}'s ${OWN_KEYS} are its median repository's, of which one repository's own deploys are no sample, so they are compared without an interval`);
  }
  return out;
}

function warnings(before: ComparisonSide, after: ComparisonSide, minSample: number, sameRepository: boolean): string[] {
  const out: string[] = [];
  for (const [name, s] of [['before', before], ['after', after]] as const) {
    if (s.changes < minSample) out.push(`${name} has ${plural(s.changes, 'change')}, fewer than ${minSample}: too few to trust its figures`);
  }
  if (before.sources.join('+') !== after.sources.join('+')) {
    out.push(`the sides read different sources (before: ${before.sources.join(' + ')}, after: ${after.sources.join(' + ')}): stage figures are not comparable`);
  }
  if (before.deploySignal !== after.deploySignal) {
    out.push(`the sides count deploys differently (before: ${before.deploySignal}, after: ${after.deploySignal}): deploy figures are not comparable`);
  }
  if (JSON.stringify(before.businessHours) !== JSON.stringify(after.businessHours)) {
    out.push('the sides count time differently (business hours on one side, or different hours): durations are not comparable');
  }
  const t = (iso: string): number => isoSeconds(iso) ?? NaN;
  const overlap = t(before.window.since) < t(after.window.until) && t(after.window.since) < t(before.window.until);
  if (sameRepository && overlap) out.push('the two windows overlap: some changes are on both sides');
  return out;
}
