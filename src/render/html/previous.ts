import type { Report } from '../../report/schema.js';
import { durationFormat } from '../duration.js';
import { previousView } from '../previous.js';
import { h, num, section, table } from './parts.js';

/** The window against the one before it: a table, or one sentence when the history does not reach back over it. */
export function previousPeriod(report: Report): string {
  const view = previousView(report, durationFormat(report.businessHours));
  if (view === null || (view.uncovered === null && view.rows.length === 0)) return '';
  if (view.uncovered !== null) return `<p class="note" id="previous">${h(`${view.uncovered}.`)}</p>`;
  const rows = view.rows.map((r) => `<tr><th scope="row">${h(r.label)}</th>${num(r.before)}${num(r.now)}<td${r.direction === 'better' || r.direction === 'worse' ? ` class="${r.direction}"` : ''}>${h(r.change)}</td></tr>`);
  return section('previous', view.title, h(view.note), table(['Figure', 'Before', 'Now', 'Change (95% interval)'], rows, 'lrrl', { kind: 'figures' }));
}
