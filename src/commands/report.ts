import { aggregateReports } from '../aggregate/aggregate.js';
import { settleWithLimit } from '../aggregate/run-many.js';
import { audit } from '../audit/index.js';
import { ConfigError } from '../errors.js';
import { evaluateGates } from '../gates/check.js';
import { parseThresholds } from '../gates/expression.js';
import { RENDERERS, type Format } from '../render/index.js';
import { terminalSafe } from '../render/sanitize.js';
import type { Report } from '../report/schema.js';
import { emit, progress, realPath, resolvePath, useColor, warner, type CliIo } from './io.js';
import { toAuditOptions, type ReportFlags } from './report-options.js';

export interface ReportCommandFlags extends ReportFlags {
  format: Format;
  output?: string;
  color?: boolean;
  failOn: string[];
  concurrency: string;
  withChanges?: boolean;
}

/**
 * `flowaudit report [path…]`: one repository's report, or (several paths) one report for all with each
 * repository's row, its changes listed with `--with-changes` or in CSV. A repository that fails is reported
 * on stderr and in the report, and the rest still are (exit 1); a path given twice is audited once.
 * Returns the exit code.
 */
export async function reportCommand(paths: string[], flags: ReportCommandFlags, io: CliIo): Promise<number> {
  // a bad threshold is a usage error before any repository is read
  const thresholds = parseThresholds(flags.failOn);
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ConfigError(`--concurrency '${flags.concurrency}' must be a whole number of at least 1`);
  const targets = paths.length > 0 ? paths : ['.'];
  let report: Report;
  const failed: Array<{ name: string; error: string }> = [];
  if (targets.length === 1) {
    report = await audit(toAuditOptions(targets[0] ?? '.', flags, io));
  } else {
    const settled = await settleWithLimit(onceEach(targets, io), concurrency, (path) => audit(toAuditOptions(path, flags, io)));
    const reports: Report[] = [];
    for (const result of settled) {
      if (result.ok) reports.push(result.value);
      else {
        const message = result.error instanceof Error ? result.error.message : String(result.error);
        failed.push({ name: result.item, error: message });
        io.stderr.write(`flowaudit: ${terminalSafe(result.item)}: ${terminalSafe(message)}\n`);
      }
    }
    if (reports.length === 0) throw new ConfigError('no repository could be read');
    report = aggregateReports(reports, { failed, withChanges: flags.withChanges === true || flags.format === 'csv', warn: warner(io) });
  }
  progress(io).clear();
  emit(io, RENDERERS[flags.format](report, { color: useColor(io, flags.color, Boolean(flags.output)) }), flags.output);
  let breached = 0;
  if (thresholds.length > 0) {
    const outcome = evaluateGates(report, thresholds);
    breached = outcome.breached;
    for (const result of outcome.results) if (result.passed === false) io.stderr.write(`flowaudit: threshold breached: ${result.display}\n`);
  }
  return failed.length > 0 || breached > 0 ? 1 : 0;
}

/** The paths, each repository once: the same one given twice (or by two names) is audited once, with a warning. */
function onceEach(paths: readonly string[], io: CliIo): string[] {
  const seen = new Map<string, string>();
  const warn = warner(io);
  return paths.filter((path) => {
    const real = realPath(resolvePath(path, io.cwd));
    const earlier = seen.get(real);
    if (earlier !== undefined) warn(`${path} is given twice (as ${earlier}): audited once`);
    else seen.set(real, path);
    return earlier === undefined;
  });
}

