import { audit } from '../audit/index.js';
import { readReportFile } from '../io/read-report.js';
import { ConfigError } from '../errors.js';
import { evaluateGates, renderGateJson, renderGateMarkdown, renderGateText } from '../gates/check.js';
import { parseThresholds } from '../gates/expression.js';
import { terminalOutput } from '../render/sanitize.js';
import type { Report } from '../report/schema.js';
import { publishToActions } from './actions.js';
import { emit, progressLine, resolvePath, type CliIo, type OutputFlags } from './io.js';
import { toAuditOptions, type ReportFlags } from './report-options.js';

export interface CheckFlags extends ReportFlags, OutputFlags {
  failOn: string[];
  format: 'text' | 'json' | 'markdown';
  /** gate this JSON report instead of auditing */
  report?: string;
}

/**
 * `flowaudit check [path]`: evaluates thresholds (from --fail-on, else the config file's `check` list) against a
 * fresh audit, or against a JSON report with --report FILE (validated by the report's schema, nothing
 * re-audited), and prints each with its measured value. Exit 1 when any is breached, 0 otherwise, 2 for a bad
 * expression or report. Under GitHub Actions it also writes the step summary and annotations.
 */
export async function checkCommand(path: string, flags: CheckFlags, io: CliIo, configured: () => Promise<string[]> = async () => []): Promise<number> {
  const explicit = parseThresholds(flags.failOn);
  const thresholds = explicit.length > 0 ? explicit : parseThresholds(await configured());
  if (thresholds.length === 0) {
    throw new ConfigError('no thresholds to check: pass --fail-on EXPR (e.g. --fail-on "leadTime.p50<=7d") or list them under "check" in .flowaudit.json');
  }
  let report: Report;
  if (flags.report !== undefined) {
    report = await readReportFile(resolvePath(flags.report, io.cwd));
  } else {
    const progress = progressLine(io, flags.quiet);
    report = await audit(toAuditOptions(path, flags, io, progress));
    progress.done();
  }
  const outcome = evaluateGates(report, thresholds);
  const rendered = flags.format === 'json' ? renderGateJson(outcome, report) : flags.format === 'markdown' ? renderGateMarkdown(outcome.results) : terminalOutput(renderGateText(outcome.results), false);
  await emit(io, rendered, flags.output);
  await publishToActions(io, report, outcome.results);
  return outcome.breached > 0 ? 1 : 0;
}
