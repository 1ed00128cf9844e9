import { renderMarkdown } from '../render/markdown.js';
import type { Report } from '../report/schema.js';
import { STEP_SUMMARY_ROOM } from './actions.js';
import { renderGateMarkdown, type GateResult } from './check.js';


const CUT_NOTE = "\n\n_The summary was cut here to stay under GitHub's 1 MiB step-summary limit; the full report has the rest._\n";

/**
 * The Markdown for the Actions step summary: the thresholds (when checked), then the report's summary — headline,
 * stages, DORA keys, recommendations, health, the slowest changes and a note of what was left out (every change,
 * deploy and week). Never more than `room` bytes of UTF-8, however long the history or its titles: past that it
 * is cut at a line and says so. Pure.
 */
export function renderStepSummary(report: Report, results: readonly GateResult[] | null, room = STEP_SUMMARY_ROOM): string {
  const markdown = `${results && results.length > 0 ? `${renderGateMarkdown(results)}\n` : ''}${renderMarkdown(report, { summary: true })}`;
  if (Buffer.byteLength(markdown, 'utf8') <= room) return markdown;
  // room for the note, and for closing a collapsed section the cut falls inside
  const budget = Math.max(0, room - Buffer.byteLength(CUT_NOTE, 'utf8') - '\n</details>'.length);
  // cut on a character boundary, then back to the last whole line
  let cut = Buffer.from(markdown, 'utf8').subarray(0, budget).toString('utf8').replace(/\uFFFD$/, '');
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
  if ((cut.match(/<details>/g)?.length ?? 0) > (cut.match(/<\/details>/g)?.length ?? 0)) cut += '\n</details>';
  return `${cut}${CUT_NOTE}`;
}
