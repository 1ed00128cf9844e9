import { appendFile } from 'node:fs/promises';
import { FlowauditError } from '../errors.js';
import type { GateResult } from './check.js';

const TITLE = 'flowaudit threshold';

/** True under GitHub Actions (`GITHUB_ACTIONS=true`). */
export function isGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env['GITHUB_ACTIONS'] === 'true';
}

/**
 * Workflow-command lines for stdout: `::error` for each breach, `::warning` for each threshold not measured,
 * nothing for a pass. Pure.
 */
export function githubAnnotations(results: readonly GateResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.passed === false) lines.push(`::error title=${escapeProperty(TITLE)}::${escapeData(`threshold breached: ${r.display}`)}`);
    if (r.passed === null) lines.push(`::warning title=${escapeProperty(TITLE)}::${escapeData(`threshold not checked: ${r.display}`)}`);
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
 * Appends Markdown to the file `$GITHUB_STEP_SUMMARY` names (the Actions job summary). The only I/O of the gates.
 * @returns false when the variable is not set (not under Actions), true when written
 * @throws FlowauditError (exit 2) when the file cannot be written
 */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const path = env['GITHUB_STEP_SUMMARY'];
  if (path === undefined || path === '') return false;
  try {
    await appendFile(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
  } catch (error) {
    throw new FlowauditError(`cannot append to $GITHUB_STEP_SUMMARY (${path}): ${(error as Error).message}`, { cause: error });
  }
  return true;
}
