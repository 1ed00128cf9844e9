import { audit } from '../audit/index.js';
import { compareReports, type Comparison } from '../compare/compare.js';
import { parseSliceSide } from '../compare/slice-side.js';
import { compareSlices } from './compare-slices.js';
import { readReportFile } from '../io/read-report.js';
import { renderComparisonJson, renderComparisonMarkdown, renderComparisonText } from '../compare/render.js';
import { parseSide, type Side } from '../compare/side.js';
import type { Report } from '../report/schema.js';
import { emit, layoutWidth, progressLine, resolvePath, useColor, type CliIo, type OutputFlags } from './io.js';
import { toAuditOptions, type ReportFlags } from './report-options.js';

export interface CompareFlags extends ReportFlags, OutputFlags {
  /** the repository whose windows are compared */
  path: string;
  format: 'text' | 'json' | 'markdown';
}

/** `flowaudit compare BEFORE AFTER`: each side a JSON report file or a window `2026-01-01..2026-03-31`. */
export async function compareCommand(before: string, after: string, flags: CompareFlags, io: CliIo): Promise<number> {
  const pilot = [parseSliceSide(before), parseSliceSide(after)];
  const comparison = pilot.some((s) => s !== null) ? await compareSlices(pilot, flags, io) : await compareSides(before, after, flags, io);
  const text =
    flags.format === 'json'
      ? renderComparisonJson(comparison)
      : flags.format === 'markdown'
        ? renderComparisonMarkdown(comparison)
        : renderComparisonText(comparison, { color: useColor(io, flags), width: layoutWidth(io, flags.width) });
  await emit(io, text, flags.output);
  return 0;
}

/** Two reports or windows of the repository. */
async function compareSides(before: string, after: string, flags: CompareFlags, io: CliIo): Promise<Comparison> {
  const sides = [parseSide(before), parseSide(after)];
  const progress = progressLine(io, flags.quiet);
  const load = (side: Side): Promise<Report> =>
    side.kind === 'file' ? readReportFile(resolvePath(side.path, io.cwd)) : audit(toAuditOptions(flags.path, flags, io, progress, { since: side.since, until: side.until }));
  const [a, b] = [await load(sides[0] as Side), await load(sides[1] as Side)];
  progress.done();
  return compareReports(a, b);
}
