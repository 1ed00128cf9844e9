import { AI_DEFECTS_BASIS, AI_DEFECTS_TITLE, aiDefectsView } from '../ai-defects.js';
import type { Report } from '../../report/schema.js';
import { h, num, section, table } from './parts.js';

/** AI defects: each rate AI-assisted against other with its interval, and what the difference tells. */
export function aiDefects(report: Report): string {
  const view = aiDefectsView(report);
  if (view === null) return '';
  const rows = view.rows.map((r) => `<tr><th scope="row">${h(r.figure)}</th>${num(r.ai)}${num(r.other)}<td class="${r.direction === null ? 'told' : `told ${r.direction}`}">${h(r.difference)}</td></tr>`);
  return section(
    'ai-defects',
    AI_DEFECTS_TITLE,
    h(AI_DEFECTS_BASIS),
    view.note ? `<p class="note warn">${h(view.note)}</p>` : '',
    table(['', 'AI-assisted', 'Other', 'AI-assisted − other (95% interval)'], rows, 'lrrl', { kind: 'figures', caption: 'Reverts, fix-ups and failed deploys' }),
    view.failed ? `<p class="note">${h(view.failed)}.</p>` : '',
  );
}
