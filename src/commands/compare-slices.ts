import { audit } from '../audit/index.js';
import { compareReports, type Comparison } from '../compare/compare.js';
import type { SliceSide } from '../compare/slice-side.js';
import { ConfigError } from '../errors.js';
import { refuseUnknownSlices, sliceMeasure, sliceNeeds, type Slice } from '../model/slices.js';
import { sliceReport } from '../report/slices.js';
import type { Report } from '../report/schema.js';
import { readSliceInput, type SliceInput } from '../audit/slice-facts.js';
import { plural } from '../units.js';
import { progressLine, type CliIo } from './io.js';
import { toAuditOptions, type ReportFlags } from './report-options.js';
import { namesOf, sliceIds } from './slicing.js';

/**
 * A controlled pilot: `compare team:payments team:checkout`, `compare label:ai-pilot rest`, or one slice before and
 * after (`team:payments@2026-01-01..2026-03-31 team:payments@2026-04-01..2026-06-30`). Each window is audited
 * once; each side is the report of its slice's changes alone, compared with the same bootstrap intervals and
 * rule as two windows. `rest` is the changes of its window the other side leaves out. Two slices of one window
 * that share changes are not independent samples: the comparison warns, naming how many.
 * @throws ConfigError (exit 2) for two `rest` sides, or a slice beside a report file or bare window
 */
export async function compareSlices(sides: Array<SliceSide | null>, flags: ReportFlags & { path: string }, io: CliIo): Promise<Comparison> {
  const [a, b] = sides;
  if (!a || !b) throw new ConfigError('compare takes two slices (team:payments team:checkout, label:ai-pilot rest) or two reports or windows, not one of each');
  if (a.slice === 'rest' && b.slice === 'rest') throw new ConfigError('compare rest rest: one side must name a slice (such as label:ai-pilot rest)');
  const progress = progressLine(io, flags.quiet);
  const audited = new Map<string, Promise<Report>>();
  const reportOf = (side: SliceSide): Promise<Report> => {
    const key = side.window === null ? '' : `${side.window.since}..${side.window.until}`;
    let report = audited.get(key);
    if (report === undefined) {
      report = audit(toAuditOptions(flags.path, flags, io, progress, side.window ?? {}));
      audited.set(key, report);
    }
    return report;
  };
  const ra = await reportOf(a);
  const rb = await reportOf(b);
  progress.done();
  for (const r of [ra, rb]) if (r.repositories !== undefined) throw new ConfigError('a slice reads one repository\'s files and owners: compare slices of one repository');
  const named = [a, b].flatMap((s): Slice[] => (s.slice === 'rest' ? [] : [s.slice]));
  for (const [side, r] of [[a, ra], [b, rb]] as const) if (side.slice !== 'rest') refuseUnknownSlices([side.slice], namesOf(r));
  const needs = sliceNeeds(named);
  const inputA = await readSliceInput(ra, needs);
  const inputB = rb === ra ? inputA : await readSliceInput(rb, needs);
  const idsOf = (side: SliceSide, input: SliceInput): Set<string> | null => (side.slice === 'rest' ? null : sliceIds(side.slice, input));
  let idsA = idsOf(a, inputA);
  let idsB = idsOf(b, inputB);
  // rest: every change of its window the other side does not hold
  if (idsA === null) idsA = new Set(inputA.facts.map((f) => f.id).filter((id) => !(idsB as Set<string>).has(id)));
  if (idsB === null) idsB = new Set(inputB.facts.map((f) => f.id).filter((id) => !(idsA as Set<string>).has(id)));
  // each side measured as its kind says: a product over its own deploys, the bots' slice counting the bots
  const measure = (side: SliceSide) => (side.slice === 'rest' ? {} : sliceMeasure(side.slice));
  const comparison = compareReports(sliceReport(ra, idsA, measure(a)), sliceReport(rb, idsB, measure(b)));
  const repository = (r: Report): string => r.repository.remote ?? r.repository.path;
  comparison.before.repository = `${repository(ra)} · ${a.name}`;
  comparison.after.repository = `${repository(rb)} · ${b.name}`;
  // the windows' overlap warning is about two windows: for slices, what matters is whether a change is on both sides
  comparison.warnings = comparison.warnings.filter((w) => !w.startsWith('the two windows overlap'));
  const shared = ra === rb ? [...idsA].filter((id) => (idsB as Set<string>).has(id)).length : sharedAcross(ra, rb, idsA, idsB);
  if (shared > 0) {
    comparison.warnings.push(`${plural(shared, 'change')} ${shared === 1 ? 'is' : 'are'} on both sides (${a.name} and ${b.name} overlap): the sides are not independent, so the intervals are wider than they show`);
  }
  return comparison;
}

/** Changes on both sides when each side is of its own window: those merged where the windows overlap. */
function sharedAcross(ra: Report, rb: Report, idsA: ReadonlySet<string>, idsB: ReadonlySet<string>): number {
  const inB = new Set(rb.changes.filter((c) => idsB.has(c.id)).map((c) => c.id));
  return ra.changes.filter((c) => idsA.has(c.id) && inB.has(c.id)).length;
}
