import type { Report } from '../report/schema.js';
import { deploysInWindow } from './format.js';

/**
 * The deploy signal in the reader's words: what counted as a deploy and how many, without the pattern that
 * chose them (`390 final release tags`, `12 successful GitHub deployments to production`). The pattern stays
 * in the JSON report's `deploySignal.detail` and on stderr with --verbose: a regex is not a sentence.
 */
export function deploySignalWords(signal: Report['deploySignal']): string {
  if (signal.kind === 'merge') return 'every merge (no deploy signal found)';
  // why the signal was chosen (after a `; `) stays with the pattern, in the JSON report and on stderr with --verbose
  const words = signal.detail.replace(/; .*$/s, '').replace(/ (to environments )?matching .*?(, pre-releases included)?$/s, (_m, environments?: string, prereleases?: string) => `${environments ? ' to production' : ''}${prereleases ?? ''}`);
  return words || signal.kind;
}

/**
 * The deploy signal where the report's header names it, beside the window. A source counts every candidate it
 * read (every release tag of the repository, not the window's), while the report's deploys are the window's:
 * where the two differ the header gives the window's first, as the Deploys section does (`26 in the window,
 * read from 390 final release tags`), so it never shows a count of deploys the report then contradicts.
 */
export function deploySignalHeader(report: Report): string {
  const words = deploySignalWords(report.deploySignal);
  const read = /^(\d+) /.exec(words)?.[1];
  const inWindow = deploysInWindow(report);
  return read === undefined || Number(read) === inWindow ? words : `${inWindow} in the window, read from ${words}`;
}
