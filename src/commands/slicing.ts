import { readSliceInput, type SliceInput } from '../audit/slice-facts.js';
import { ConfigError } from '../errors.js';
import { slicesNamed } from '../gates/check.js';
import type { Threshold } from '../gates/expression.js';
import { groupChanges, groupingName, groupingOf, parseSlice, refuseUnknownSlices, sliceMeasure, sliceNeeds, slicePredicate, type Grouping, type Slice, type SliceNames } from '../model/slices.js';
import { sliceReport, sliceTable, ungroupedTable } from '../report/slices.js';
import type { Report } from '../report/schema.js';

/** `--by` on a report of one repository: its `summary.slices`, one row per team, folder, label or product. */
export async function withSlices(report: Report, by: Grouping): Promise<Report> {
  oneRepository(report, '--by');
  const kind = groupingOf(by.kind);
  if (kind === undefined) throw new Error(`no grouping ${by.kind}`);
  const input = await readSliceInput(report, new Set(kind.meta.needs));
  const context = { ...input.context, products: input.products };
  // nothing to group (a repository of one product): no rows, the reason in their place
  const ungrouped = kind.by.ungrouped?.(context) ?? null;
  const groups = ungrouped === null ? groupChanges(input.facts.filter((_, i) => report.changes[i]?.counted === true), by, input.context) : new Map<string, string[]>();
  const slices = ungrouped === null ? sliceTable(report, groups, groupingName(by), kind.by.owners === true ? input.ownersPath : null) : ungroupedTable(groupingName(by), ungrouped);
  // what could not be read of the owners file says more than that there are no owners
  const warning = kind.by.owners === true && input.warnings.length > 0 ? null : (kind.by.warning?.(context) ?? null);
  const told = [...(kind.by.owners === true ? input.warnings : []), ...(warning === null ? [] : [warning])];
  const warnings = told.length === 0 ? report.warnings : [...report.warnings, ...told];
  // each listed change names its slices: what lets an aggregate pool a slice across repositories
  // by id, each slice once: two changes can share a pull request's number (bitwarden's #7538 landed twice, a
  // commit and an empty one), and each was in its slice's list, so each read `team:unowned` twice
  const of = new Map<string, Set<string>>();
  for (const [name, ids] of groups) for (const id of ids) of.set(id, (of.get(id) ?? new Set<string>()).add(name));
  const changes = report.changes.map((c) => (c.counted ? { ...c, slices: [...(of.get(c.id) ?? [])] } : c));
  return { ...report, changes, summary: { ...report.summary, slices }, warnings };
}

/** The ids of the changes of `input` in `slice`. */
export function sliceIds(slice: Slice, input: SliceInput): Set<string> {
  const inSlice = slicePredicate(slice, input.context);
  return new Set(input.facts.filter(inSlice).map((f) => f.id));
}

/**
 * The reports of `slices` of one repository's report, each over its changes alone (`compare`, gates); the
 * files and owners are read once for them all. `inputs` caches what was read per report.
 */
export async function sliceReports(report: Report, slices: readonly Slice[], inputs = new Map<Report, SliceInput>()): Promise<Report[]> {
  oneRepository(report, 'a slice');
  let input = inputs.get(report);
  if (input === undefined) {
    input = await readSliceInput(report, sliceNeeds(slices));
    inputs.set(report, input);
  }
  const read = input;
  // a product's slice is measured over its own deploys (SPEC section 3); the bots' slice counts the bots
  return slices.map((slice) => sliceReport(report, sliceIds(slice, read), sliceMeasure(slice)));
}

/**
 * The report of each slice the thresholds name (`team:payments/leadTime.p50<=7d`), by its name; empty when none
 * does. For a report over several repositories, `parts` are the repositories' own reports: each is sliced by its
 * own files and owners, and the slice's reports are aggregated, so its figures are over the pooled changes.
 */
export async function namedSlices(report: Report, thresholds: readonly Threshold[], parts?: readonly Report[]): Promise<Map<string, Report>> {
  const names = slicesNamed(thresholds);
  if (names.length === 0) return new Map();
  const slices = names.map((name) => parseSlice(name));
  if (report.repositories !== undefined && parts !== undefined && parts.length > 0) {
    // a product may be some repositories' alone: refused when none of them has it
    refuseUnknownSlices(slices, namesAcross(parts));
    const { aggregateReports } = await import('../aggregate/aggregate.js');
    const inputs = new Map<Report, SliceInput>();
    const perPart = await Promise.all(parts.map((part) => sliceReports(part, slices, inputs)));
    return new Map(names.map((name, i) => [name, aggregateReports(perPart.map((own) => own[i] as Report), { generatedAt: report.generatedAt })]));
  }
  refuseUnknownSlices(slices, namesOf(report));
  const reports = await sliceReports(report, slices);
  return new Map(names.map((name, i) => [name, reports[i] as Report]));
}

/** What a report has that slices name: its products with a change or a deploy in the window (null: it is one product). */
export function namesOf(report: Report): SliceNames {
  return { products: report.summary.products?.map((p) => p.name) ?? null };
}

/** What several repositories' reports have that slices name: the products of any of them (null: each is one product). */
function namesAcross(parts: readonly Report[]): SliceNames {
  const products = [...new Set(parts.flatMap((part) => namesOf(part).products ?? []))];
  return { products: products.length > 0 ? products : null, several: true };
}

function oneRepository(report: Report, what: string): void {
  if (report.repositories !== undefined) throw new ConfigError(`${what} reads each repository's files and owners: a report over several repositories has only their figures`, { hint: 'gate a slice across repositories with `report PATH… --fail-on` (which reads each repository), or check each repository\'s report' });
}
