/*
 * Where the queue moved when AI arrived (`summary.aiShift`), as every format writes it: one sentence, then each
 * figure before against after with its change — written only where the 95% interval leaves out 0, otherwise the
 * data cannot tell (SPEC section 9).
 */
import type { ComparedRow } from '../metrics/compared.js';
import type { Report } from '../report/schema.js';
import { comparedInterval, comparedValue, formatRatio, type DurationFormat } from './duration.js';
import { isoSeconds } from '../time.js';
import { escapeMarkdown } from './sanitize.js';

export const AI_SHIFT_TITLE = 'Where the queue moved when AI arrived';

export interface AiShiftView {
  /** the finding in one sentence: the split and the stages that moved, or why there is none */
  sentence: string;
  /** what the split is: the level, how the share is taken, what a side needs */
  basis: string;
  /** [figure, before, after, change] */
  rows: Array<[string, string, string, string]>;
  directions: Array<ComparedRow['direction']>;
}

/** The day before an instant, as a date: a window's date-only end includes its day, so a side ends the day before. */
const dayBefore = (iso: string): string => new Date(((isoSeconds(iso) ?? NaN) - 86400) * 1000).toISOString().slice(0, 10);

/** How far a figure moved: `rose 2.1×`, `fell 40%`; `no change`; `the data cannot tell`. */
function moved(row: ComparedRow): string {
  if (row.direction === 'same') return 'no change';
  if (row.direction === null || row.direction === 'uncertain' || row.before === null || row.after === null || row.before === 0) return 'the data cannot tell';
  const ratio = row.after / row.before;
  if (ratio >= 2) return `rose ${ratio.toFixed(1)}×`;
  return ratio > 1 ? `rose ${formatRatio(ratio - 1)}` : `fell ${formatRatio(1 - ratio)}`;
}

/** The change with its 95% interval, in the row's unit, where the data can tell. */
function changeText(row: ComparedRow, days: DurationFormat): string {
  const word = moved(row);
  const range = comparedInterval(row.interval.low, row.interval.high, row.unit, days);
  if (word === 'no change' || word === 'the data cannot tell' || range === null) return word;
  return `${word} (${range})`;
}

/** The section's content; null when the report has none, or no AI-assisted change to speak of. */
export function aiShiftView(report: Report, days: DurationFormat): AiShiftView | null {
  const s = report.summary.aiShift;
  if (s === undefined || s.peak === null || s.peak.share === 0) return null;
  const level = formatRatio(s.level);
  const basis = `The AI-assisted share is taken over each week and the ${s.weeks - 1} after it; AI arrived in the first week from which it stays above ${level} to the window's end (a week of its own above it). Each side needs ${s.weeks} weeks and ${s.minChanges} changes. A change is written only where its 95% interval (bootstrap) leaves out 0.${s.status === 'shifted' && s.before && s.after ? ` Every figure, split so: flowaudit compare ${s.before.since.slice(0, 10)}..${dayBefore(s.before.until)} ${s.after.since.slice(0, 10)}..${dayBefore(s.after.until)}.` : ''}`;
  const peak = `its highest was ${formatRatio(s.peak.share)} (the ${s.weeks} weeks from ${s.peak.week})`;
  if (s.status === 'never') return { sentence: `The AI-assisted share of changes never stayed above ${level} to the window's end: ${peak}. There is no before and after to compare.`, basis, rows: [], directions: [] };
  if (s.status === 'always') return { sentence: `AI-assisted changes were above ${level} from the window's first weeks: there is no before to compare (an earlier --since may find one).`, basis, rows: [], directions: [] };
  const sides = `before: ${s.before?.changes ?? 0} changes over ${s.before?.weeks ?? 0} weeks; after: ${s.after?.changes ?? 0} over ${s.after?.weeks ?? 0}`;
  if (s.status === 'too-short') return { sentence: `AI-assisted changes passed ${level} in the week of ${s.week ?? ''}, but a side is too short to compare (${sides}; each needs ${s.weeks} weeks and ${s.minChanges} changes).`, basis, rows: [], directions: [] };
  const stageRows = s.rows.filter((r) => r.unit === 'seconds');
  const told = stageRows.map((r) => (moved(r) === 'the data cannot tell' ? `${r.label}: the data cannot tell` : `${r.label} ${moved(r)}`));
  return {
    sentence: `Since AI-assisted changes passed ${level} (week of ${s.week ?? ''}; ${formatRatio(s.before?.aiShare ?? 0)} before, ${formatRatio(s.after?.aiShare ?? 0)} after): ${told.join(', ')}.`,
    basis,
    rows: s.rows.map((r) => [r.label, comparedValue(r.before, r.unit, days), comparedValue(r.after, r.unit, days), changeText(r, days)]),
    directions: s.rows.map((r) => r.direction),
  };
}

/** The section in Markdown. */
export function aiShiftMarkdown(report: Report, days: DurationFormat): string[] {
  const view = aiShiftView(report, days);
  if (view === null) return [];
  const md = escapeMarkdown;
  const table = view.rows.length === 0 ? [] : ['| Figure | Before | After | Change (95% interval) |', '| --- | ---: | ---: | --- |', ...view.rows.map((r) => `| ${r.map(md).join(' | ')} |`), ''];
  return [`### ${AI_SHIFT_TITLE}`, '', md(view.sentence), '', ...table, md(view.basis), ''];
}
