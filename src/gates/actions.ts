import { appendFile, stat } from 'node:fs/promises';
import { FlowauditError } from '../errors.js';
import type { GateResult } from './check.js';

const TITLE = 'flowaudit threshold';

/** True under GitHub Actions (`GITHUB_ACTIONS=true`). */
export function isGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env['GITHUB_ACTIONS'] === 'true';
}

/**
 * Workflow-command lines for stdout: `::error` for each breach and each threshold not measured under --strict,
 * `::warning` for any other threshold not measured, nothing for a pass. Pure.
 */
export function githubAnnotations(results: readonly GateResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.passed === false) lines.push(`::error title=${escapeProperty(TITLE)}::${escapeData(`threshold breached: ${r.display}`)}`);
    if (r.passed === null && r.failed) lines.push(`::error title=${escapeProperty(TITLE)}::${escapeData(`threshold not measured (--strict): ${r.display}`)}`);
    if (r.passed === null && !r.failed) lines.push(`::warning title=${escapeProperty(TITLE)}::${escapeData(`threshold not checked: ${r.display}`)}`);
  }
  return lines;
}

/** A workflow command's message: `%`, CR and LF escaped (%25, %0D, %0A), `%` first. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,` (%3A, %2C). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Appends Markdown to the file `$GITHUB_STEP_SUMMARY` names (the Actions job summary). `markdown` is given the
 * bytes still free under GitHub's 1 MiB limit (less what earlier steps wrote) and must fit them. The only I/O
 * of the gates.
 * @returns false when the variable is not set (not under Actions), true when written
 * @throws FlowauditError (exit 2) when the file cannot be written
 */
export async function appendStepSummary(markdown: string | ((room: number) => string), env: NodeJS.ProcessEnv): Promise<boolean> {
  const path = env['GITHUB_STEP_SUMMARY'];
  if (path === undefined || path === '') return false;
  try {
    const used = await stat(path).then((s) => s.size, () => 0);
    const text = typeof markdown === 'string' ? markdown : markdown(Math.max(0, STEP_SUMMARY_ROOM - used));
    await appendFile(path, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
  } catch (error) {
    throw new FlowauditError(`cannot append to $GITHUB_STEP_SUMMARY (${path}): ${(error as Error).message}`, { cause: error });
  }
  return true;
}

/** GitHub refuses a step summary over 1 MiB; what flowaudit writes keeps 16 KiB of it free for other steps. */
export const STEP_SUMMARY_ROOM = 1024 * 1024 - 16 * 1024;
