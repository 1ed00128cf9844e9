import { AI_LOAD_BASIS, AI_LOAD_TITLE, aiLoadView } from '../ai-load.js';
import { durationFormat } from '../duration.js';
import type { Report } from '../../report/schema.js';
import { h, num, section, table } from './parts.js';

/** AI review load (GitHub mode): each figure AI-assisted against other, the lines-per-hour difference, the worst day. */
export function aiLoad(report: Report): string {
  const view = aiLoadView(report, durationFormat(report.businessHours));
  if (view === null) return '';
  const rows = view.rows.map(([label, ai, other]) => `<tr><th scope="row">${h(label)}</th>${num(ai)}${num(other)}</tr>`);
  return section(
    'ai-load',
    AI_LOAD_TITLE,
    h(AI_LOAD_BASIS),
    table(['', 'AI-assisted', 'Other'], rows, 'lrr', { caption: 'What reviewers are asked to read, and what waits' }),
    view.difference ? `<p class="note">${h(view.difference)}.</p>` : '',
    view.perReviewerDay ? `<p class="note">${h(view.perReviewerDay)}.</p>` : '',
  );
}
