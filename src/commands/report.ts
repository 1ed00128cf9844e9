import { audit } from '../audit/index.js';
import { ConfigError } from '../errors.js';
import type { GateResult } from '../gates/check.js';
import { parseThresholds } from '../gates/expression.js';
import { parseGrouping } from '../model/slices.js';
import type { Format } from '../render/index.js';
import { collectGarbage } from '../io/memory.js';
import { terminalSafe } from '../render/sanitize.js';
import type { Report } from '../report/schema.js';
import { redactEnvTokens } from '../sources/github/token.js';
import { progressLine, realPath, resolvePath, warner, type CliIo, type OutputFlags } from './io.js';
import { renderTo } from './render.js';
import { namedSlices, withSlices } from './slicing.js';
import { toAuditOptions, wholeNumber, type ReportFlags } from './report-options.js';

// a report of this many changes comes from a history large enough for its memory to matter
const LARGE_REPORT = 10_000;

export interface ReportCommandFlags extends ReportFlags, OutputFlags {
  format: Format;
  /** absent when no --fail-on was given (commander would print a default array in --help) */
  failOn?: string[];
  /** a threshold on a figure the report cannot measure fails */
  strict?: boolean;
  concurrency: string;
  withChanges?: boolean;
  /** append the summary to $GITHUB_STEP_SUMMARY even without --fail-on */
  stepSummary?: boolean;
  /** one row per team, product, folder or label: `team`, `product`, `path:DEPTH`, `label` */
  by?: string;
}

/**
 * `flowaudit report [path…]`: one repository's report, or (several paths) one report for all with each
 * repository's row, its changes listed with `--with-changes` or in CSV. A repository that fails is reported
 * on stderr and in the report, and the rest still are (exit 1); a path given twice is audited once. With
 * --fail-on it gates as `check` does, under GitHub Actions too (step summary and annotations).
 * Returns the exit code.
 */
export async function reportCommand(paths: string[], flags: ReportCommandFlags, io: CliIo): Promise<number> {
  // a bad threshold is a usage error before any repository is read
  const thresholds = parseThresholds(flags.failOn ?? []);
  const by = flags.by === undefined ? null : parseGrouping(flags.by);
  const concurrency = wholeNumber(flags.concurrency, '--concurrency', 1, 32);
  const targets = paths.length > 0 ? paths : ['.'];
  const progress = progressLine(io, flags.quiet);
  let report: Report;
  // the repositories' own reports, when there are several: a gate on a slice pools its changes from them
  let parts: Report[] | undefined;
  const failed: Array<{ name: string; error: string }> = [];
  if (targets.length === 1) {
    report = await audit(toAuditOptions(targets[0] ?? '.', flags, io, progress));
  } else {
    const [{ settleWithLimit }, { aggregateReports }] = await Promise.all([import('../aggregate/run-many.js'), import('../aggregate/aggregate.js')]);
    const settled = await settleWithLimit(onceEach(targets, io, flags.quiet), concurrency, (path) =>
      audit(toAuditOptions(path, flags, io, { ...progress, update: (event) => progress.update({ ...event, step: `${path}: ${event.step}` }) })).then((r) =>
        // each repository is sliced by its own owners; the aggregate pools the slices by name
        by === null ? r : withSlices(r, by),
      ),
    );
    const reports: Report[] = [];
    for (const result of settled) {
      if (result.ok) reports.push(result.value);
      else {
        const message = result.error instanceof Error ? result.error.message : String(result.error);
        failed.push({ name: result.item, error: redactEnvTokens(message, io.env) });
        io.stderr.write(`flowaudit: ${terminalSafe(result.item)}: ${terminalSafe(redactEnvTokens(message, io.env))}\n`);
      }
    }
    if (reports.length === 0) throw new ConfigError('no repository could be read');
    if (thresholds.some((t) => t.slice !== undefined)) parts = reports;
    report = aggregateReports(reports, { failed, withChanges: flags.withChanges === true || flags.format === 'csv', warn: warner(io, flags.quiet) });
  }
  if (by !== null && targets.length === 1) report = await withSlices(report, by);
  progress.done();
  // the header names the deploy signal in words; the pattern that chose the deploys is for --verbose (and JSON)
  if (flags.verbose && !flags.quiet) io.stderr.write(`flowaudit: deploys: ${terminalSafe(report.deploySignal.kind)}: ${terminalSafe(report.deploySignal.detail)}\n`);
  // what the report was built from is let go: collected before the output is made (see collectGarbage)
  if (report.changes.length >= LARGE_REPORT) collectGarbage();
  // a slice a threshold names is read before anything is written: a bad one writes nothing
  const gateSlices = await namedSlices(report, thresholds, parts);
  await renderTo(io, report, flags);
  let results: GateResult[] | null = null;
  if (thresholds.length > 0) {
    const { evaluateGates } = await import('../gates/check.js');
    results = evaluateGates(report, thresholds, { strict: flags.strict === true, slices: gateSlices }).results;
    const { unmeasuredLine } = await import('../gates/check.js');
    for (const result of results) {
      const unmeasured = unmeasuredLine(result);
      if (result.passed === false) io.stderr.write(`flowaudit: threshold breached: ${terminalSafe(result.display)}\n`);
      else if (unmeasured !== null) io.stderr.write(`flowaudit: ${terminalSafe(unmeasured)}\n`);
    }
  }
  if (results !== null || flags.stepSummary) await (await import('./actions.js')).publishToActions(io, report, results);
  const breached = results?.some((r) => r.failed) ?? false;
  return failed.length > 0 || breached ? 1 : 0;
}

/** The paths, each repository once: the same one given twice (or by two names) is audited once, with a warning. */
function onceEach(paths: readonly string[], io: CliIo, quiet: boolean | undefined): string[] {
  const seen = new Map<string, string>();
  const warn = warner(io, quiet);
  return paths.filter((path) => {
    const real = realPath(resolvePath(path, io.cwd));
    const earlier = seen.get(real);
    if (earlier !== undefined) warn(`${path} is given twice (as ${earlier}): audited once`);
    else seen.set(real, path);
    return earlier === undefined;
  });
}

