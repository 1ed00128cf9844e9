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
  const warnings = by.kind === 'team' && input.owners === null
    ? [...report.warnings, 'no CODEOWNERS file (.github/, the root or docs/) at the window\'s end: every change is unowned']
    : by.kind === 'product' && report.summary.products === undefined
      ? [...report.warnings, 'this repository is one product (no two package tags match workspace packages, and the config names no two products): every change is in product:(no product)']
      : report.warnings;
  return { ...report, summary: { ...report.summary, slices }, warnings };
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
    // a product's slice is measured over its own deploys (SPEC section 3)
    const ownDeploys = slice.kind === 'product' ? (d: ReportDeploy) => d.product?.toLowerCase() === slice.name : undefined;
    return sliceReport(report, new Set(facts.filter(inSlice).map((f) => f.id)), ownDeploys);
  });
}

/** The report of each slice the thresholds name (`team:payments/leadTime.p50<=7d`), by its name; empty when none does. */
export async function namedSlices(report: Report, thresholds: readonly Threshold[]): Promise<Map<string, Report>> {
  const names = slicesNamed(thresholds);
  if (names.length === 0) return new Map();
  const reports = await sliceReports(report, names.map(parseSlice));
  return new Map(names.map((name, i) => [name, reports[i] as Report]));
}

function oneRepository(report: Report, what: string): void {
  if (report.repositories !== undefined) throw new ConfigError(`${what} reads one repository's files and owners: give one path (slices across repositories are not combined yet)`);
}
