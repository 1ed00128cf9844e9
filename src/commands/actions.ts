import { appendStepSummary, githubAnnotations, isGitHubActions } from '../gates/actions.js';
import type { GateResult } from '../gates/check.js';
import { renderStepSummary } from '../gates/summary.js';
import type { Report } from '../report/schema.js';
import type { CliIo } from './io.js';

/**
 * Under GitHub Actions: an `::error` annotation per breached threshold (`::warning` per one not measured), on
 * stderr so stdout stays the report, and the summary appended to the step summary (under 1 MiB). Elsewhere
 * nothing.
 */
export async function publishToActions(io: CliIo, report: Report, results: readonly GateResult[] | null): Promise<void> {
  if (!isGitHubActions(io.env)) return;
  for (const line of githubAnnotations(results ?? [])) io.stderr.write(`${line}\n`);
  await appendStepSummary((room) => renderStepSummary(report, results, room), io.env);
}
