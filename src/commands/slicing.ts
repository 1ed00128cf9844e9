import { readSliceInput, type SliceInput } from '../audit/slice-facts.js';
import { ConfigError } from '../errors.js';
import { slicesNamed } from '../gates/check.js';
import type { Threshold } from '../gates/expression.js';
import { groupChanges, needsFiles, parseSlice, slicePredicate, type Grouping, type Slice } from '../model/slices.js';
import { sliceReport, sliceTable } from '../report/slices.js';
import type { Report, ReportDeploy } from '../report/schema.js';

/** `--by` on a report of one repository: its `summary.slices`, one row per team, folder or label. */
export async function withSlices(report: Report, by: Grouping, written: string): Promise<Report> {
  oneRepository(report, '--by');
  const input = await readSliceInput(report, by.kind === 'team' || by.kind === 'path');
  const groups = groupChanges(input.facts.filter((_, i) => report.changes[i]?.counted === true), by, input.owners);
  const slices = sliceTable(report, groups, written, by.kind === 'team' ? input.ownersPath : null);
  const said = by.kind === 'team'
    ? input.warnings.length > 0 ? input.warnings : input.owners === null ? ['no CODEOWNERS file (.github/, the root or docs/) at the window\'s end: every change is unowned'] : []
    : by.kind === 'product' && report.summary.products === undefined
      ? ['this repository is one product (its tags version fewer than two of its workspace packages, and the config names no two products): every change is in product:(no product)']
      : [];
  const warnings = said.length === 0 ? report.warnings : [...report.warnings, ...said];
  // each listed change names its slices: what lets an aggregate pool a slice across repositories
  const of = new Map<string, string[]>();
  for (const [name, ids] of groups) for (const id of ids) of.set(id, [...(of.get(id) ?? []), name]);
  const changes = report.changes.map((c) => (c.counted ? { ...c, slices: of.get(c.id) ?? [] } : c));
  return { ...report, changes, summary: { ...report.summary, slices }, warnings };
}

/**
 * The reports of `slices` of one repository's report, each over its changes alone (`compare`, gates); the
 * files and owners are read once for them all. `inputs` caches what was read per report.
 */
export async function sliceReports(report: Report, slices: readonly Slice[], inputs = new Map<Report, SliceInput>()): Promise<Report[]> {
  oneRepository(report, 'a slice');
  let input = inputs.get(report);
  if (input === undefined) {
    input = await readSliceInput(report, slices.some(needsFiles));
    inputs.set(report, input);
  }
  const facts = input.facts;
  const owners = input.owners;
  return slices.map((slice) => {
    const inSlice = slicePredicate(slice, owners);
    // a product's slice is measured over its own deploys (SPEC section 3); the bots' slice counts the bots
    const ownDeploys = slice.kind === 'product' ? (d: ReportDeploy) => d.product?.toLowerCase() === slice.name : undefined;
    return sliceReport(report, new Set(facts.filter(inSlice).map((f) => f.id)), { countBots: slice.kind === 'bots', ownDeploys });
  });
}

/**
 * The report of each slice the thresholds name (`team:payments/leadTime.p50<=7d`), by its name; empty when none
 * does. For a report over several repositories, `parts` are the repositories' own reports: each is sliced by its
 * own files and owners, and the slice's reports are aggregated, so its figures are over the pooled changes.
 */
export async function namedSlices(report: Report, thresholds: readonly Threshold[], parts?: readonly Report[]): Promise<Map<string, Report>> {
  const names = slicesNamed(thresholds);
  if (names.length === 0) return new Map();
  const slices = names.map(parseSlice);
  if (report.repositories !== undefined && parts !== undefined && parts.length > 0) {
    const { aggregateReports } = await import('../aggregate/aggregate.js');
    const inputs = new Map<Report, SliceInput>();
    const perPart = await Promise.all(parts.map((part) => sliceReports(part, slices, inputs)));
    return new Map(names.map((name, i) => [name, aggregateReports(perPart.map((own) => own[i] as Report), { generatedAt: report.generatedAt })]));
  }
  const reports = await sliceReports(report, slices);
  return new Map(names.map((name, i) => [name, reports[i] as Report]));
}

function oneRepository(report: Report, what: string): void {
  if (report.repositories !== undefined) throw new ConfigError(`${what} reads each repository's files and owners: a report over several repositories has only their figures`, { hint: 'gate a slice across repositories with `report PATH… --fail-on` (which reads each repository), or check each repository\'s report' });
}
