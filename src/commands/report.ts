import { aggregateReports } from '../aggregate/aggregate.js';
import { settleWithLimit } from '../aggregate/run-many.js';
import { audit } from '../audit/index.js';
import { ConfigError } from '../errors.js';
import { evaluateGates } from '../gates/check.js';
import { parseThresholds } from '../gates/expression.js';
import { RENDERERS, type Format } from '../render/index.js';
import { terminalSafe } from '../render/sanitize.js';
import type { Report } from '../report/schema.js';
import { redactEnvTokens } from '../sources/github/token.js';
import { emit, progress, useColor, type CliIo } from './io.js';
import { toAuditOptions, wholeNumber, type ReportFlags } from './report-options.js';

export interface ReportCommandFlags extends ReportFlags {
  format: Format;
  output?: string;
  color?: boolean;
  failOn: string[];
  concurrency: string;
}

/**
 * `flowaudit report [path…]`: one repository's report, or (several paths) one report for all with each
 * repository's row. A repository that fails is reported on stderr and the rest still are (exit 1).
 * Returns the exit code.
 */
export async function reportCommand(paths: string[], flags: ReportCommandFlags, io: CliIo): Promise<number> {
  // a bad threshold is a usage error before any repository is read
  const thresholds = parseThresholds(flags.failOn);
  const concurrency = wholeNumber(flags.concurrency, '--concurrency', 1, 32);
  const targets = paths.length > 0 ? paths : ['.'];
  let report: Report;
  let failed = 0;
  if (targets.length === 1) {
    report = await audit(toAuditOptions(targets[0] ?? '.', flags, io));
  } else {
    const settled = await settleWithLimit(targets, concurrency, (path) => audit(toAuditOptions(path, flags, io)));
    const reports: Report[] = [];
    for (const result of settled) {
      if (result.ok) reports.push(result.value);
      else {
        failed++;
        const message = result.error instanceof Error ? result.error.message : String(result.error);
        io.stderr.write(`flowaudit: ${terminalSafe(result.item)}: ${terminalSafe(redactEnvTokens(message, io.env))}\n`);
      }
    }
    if (reports.length === 0) throw new ConfigError('no repository could be read');
    report = aggregateReports(reports);
  }
  progress(io).clear();
  emit(io, RENDERERS[flags.format](report, { color: useColor(io, flags.color, Boolean(flags.output)) }), flags.output);
  let breached = 0;
  if (thresholds.length > 0) {
    const outcome = evaluateGates(report, thresholds);
    breached = outcome.breached;
    for (const result of outcome.results) if (result.passed === false) io.stderr.write(`flowaudit: threshold breached: ${terminalSafe(result.display)}\n`);
  }
  return failed > 0 || breached > 0 ? 1 : 0;
}
