import { audit } from '../audit/index.js';
import { readReportFile } from '../io/read-report.js';
import { ConfigError } from '../errors.js';
import { evaluateGates, renderGateJson, renderGateMarkdown, renderGateText, unmeasuredLine } from '../gates/check.js';
import { parseThresholds } from '../gates/expression.js';
import { renderFigureList } from '../gates/list.js';
import type { Mode } from '../metrics/catalogue.js';
import { terminalOutput, terminalSafe } from '../render/sanitize.js';
import type { Report } from '../report/schema.js';
import { parseRemote } from '../sources/git/remote.js';
import { openRepository } from '../sources/git/repo.js';
import { gitHubAccess } from '../sources/github/access.js';
import { publishToActions } from './actions.js';
import { namedSlices } from './slicing.js';
import { emit, layoutWidth, progressLine, resolvePath, type CliIo, type OutputFlags } from './io.js';
import { toAuditOptions, type ReportFlags } from './report-options.js';

export interface CheckFlags extends ReportFlags, OutputFlags {
  /** absent when no --fail-on was given (commander would print a default array in --help) */
  failOn?: string[];
  format: 'text' | 'json' | 'markdown';
  /** gate this JSON report instead of auditing */
  report?: string;
  /** a threshold on a figure the run cannot measure fails (exit 1) */
  strict?: boolean;
  /** list the figures a threshold may name instead of checking any */
  list?: boolean;
}

/**
 * `flowaudit check [path]`: evaluates thresholds (from --fail-on, else the config file's `check` list) against a
 * fresh audit, or against a JSON report with --report FILE (validated by the report's schema, nothing
 * re-audited), and prints each with its measured value. Exit 1 when any is breached (or, with --strict, not
 * measured), 0 otherwise, 2 for a bad expression or report. Under GitHub Actions it also writes the step summary
 * and annotations. With --list it prints the figures a threshold may name instead.
 */
export async function checkCommand(path: string, flags: CheckFlags, io: CliIo, configured: () => Promise<string[]> = async () => []): Promise<number> {
  if (flags.list) {
    await emit(io, renderFigureList(await runMode(path, flags, io), flags.format, layoutWidth(io, flags.width)), flags.output);
    return 0;
  }
  const explicit = parseThresholds(flags.failOn ?? []);
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
  const options = { strict: flags.strict === true, slices: await namedSlices(report, thresholds) };
  const outcome = evaluateGates(report, thresholds, options);
  const rendered = flags.format === 'json' ? renderGateJson(outcome, report, options) : flags.format === 'markdown' ? renderGateMarkdown(outcome.results) : terminalOutput(renderGateText(outcome.results, layoutWidth(io, flags.width)), false);
  await emit(io, rendered, flags.output);
  // a threshold the run cannot measure passes: said on stderr too, with why and what --strict does
  for (const result of outcome.results) {
    const unmeasured = unmeasuredLine(result);
    if (unmeasured !== null) io.stderr.write(`flowaudit: ${terminalSafe(unmeasured)}\n`);
  }
  await publishToActions(io, report, outcome.results);
  return outcome.failed > 0 ? 1 : 0;
}

/**
 * The mode this run would measure in: the report's (--report), else git with GitHub when the repository's remote
 * and a token allow it (as the audit decides), else git only; null when there is no repository at `path`.
 */
async function runMode(path: string, flags: CheckFlags, io: CliIo): Promise<Mode | null> {
  if (flags.report !== undefined) return (await readReportFile(resolvePath(flags.report, io.cwd))).sources.includes('github') ? 'github' : 'git';
  const repo = await openRepository(resolvePath(path, io.cwd)).catch(() => null);
  if (repo === null) return null;
  if (flags.github === false) return 'git';
  const access = await gitHubAccess({ ...(flags.repo !== undefined && { repo: flags.repo }), ...(flags.apiUrl !== undefined && { apiUrl: flags.apiUrl }), env: io.env }, parseRemote(repo.remoteUrl));
  return access === null ? 'git' : 'github';
}
