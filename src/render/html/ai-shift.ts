import type { Report } from '../../report/schema.js';
import { AI_SHIFT_TITLE, aiShiftView } from '../ai-shift.js';
import { durationFormat } from '../duration.js';
import { h, num, section, table } from './parts.js';

/** Where the queue moved when AI arrived: the sentence, then a row per figure. */
export function aiShift(report: Report): string {
  const view = aiShiftView(report, durationFormat(report.businessHours));
  if (view === null) return '';
  const rows = view.rows.map(([label, before, after, change], i) => {
    const d = view.directions[i];
    return `<tr><th scope="row">${h(label)}</th>${num(before)}${num(after)}<td${d === 'better' || d === 'worse' ? ` class="${d}"` : ''}>${h(change)}</td></tr>`;
  });
  // the finding first, as a reader meets it; what the split is, under the table
  return section('ai-shift', AI_SHIFT_TITLE, `<b>${h(view.sentence)}</b>`, rows.length > 0 ? table(['Figure', 'Before', 'After', 'Change (95% interval)'], rows, 'lrrl') : '', `<p class="note">${h(view.basis)}</p>`);
}
