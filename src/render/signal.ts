import type { Report } from '../report/schema.js';

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
