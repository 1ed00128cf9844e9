import { audit } from '../audit/index.js';
import { ConfigError } from '../errors.js';
import { appendStepSummary, githubAnnotations, isGitHubActions } from '../gates/actions.js';
import { evaluateGates, renderGateMarkdown, renderGateText } from '../gates/check.js';
import { parseThresholds } from '../gates/expression.js';
import { renderMarkdown } from '../render/markdown.js';
import { terminalOutput } from '../render/sanitize.js';
import { emit, progress, type CliIo } from './io.js';
import { toAuditOptions, type ReportFlags } from './report-options.js';

export interface CheckFlags extends ReportFlags {
  failOn: string[];
  output?: string;
}

/**
 * `flowaudit check [path]`: evaluates thresholds (from --fail-on, else the config file's `check` list) and
 * prints each with its measured value. Exit 1 when any is breached, 0 otherwise, 2 for a bad expression.
 * Under GitHub Actions it also appends the Markdown report and the results to the step summary and emits
 * annotations for breaches.
 */
export async function checkCommand(path: string, flags: CheckFlags, io: CliIo, configured: () => string[] = () => []): Promise<number> {
  const explicit = parseThresholds(flags.failOn);
  const report = await audit(toAuditOptions(path, flags, io));
  progress(io).clear();
  const thresholds = explicit.length > 0 ? explicit : parseThresholds(configured());
  if (thresholds.length === 0) {
    throw new ConfigError('no thresholds to check: pass --fail-on EXPR (e.g. --fail-on "leadTime.p50<=7d") or list them under "check" in .flowaudit.json');
  }
  const outcome = evaluateGates(report, thresholds);
  emit(io, terminalOutput(renderGateText(outcome.results), false), flags.output);
  if (isGitHubActions(io.env)) {
    for (const line of githubAnnotations(outcome.results)) io.stdout.write(`${line}\n`);
    await appendStepSummary(`${renderGateMarkdown(outcome.results)}\n${renderMarkdown(report)}`, io.env);
  }
  return outcome.breached > 0 ? 1 : 0;
}
