import { ACCEPTANCE_BASIS, ACCEPTANCE_TITLE, acceptanceView, type AcceptanceRow } from '../acceptance.js';
import { durationFormat } from '../duration.js';
import type { Report } from '../../report/schema.js';
import { h, num, section, table } from './parts.js';

/** Acceptance of the window's pull requests, per group and AI tool; from git alone, one sentence saying it cannot be known. */
export function acceptance(report: Report): string {
  const view = acceptanceView(report, durationFormat(report.businessHours), true);
  if (view === null) return '';
  if (view.unknown !== null) return section('acceptance', ACCEPTANCE_TITLE, h(view.unknown));
  const name = (r: AcceptanceRow): string => `<th scope="row">${r.tool ? `&nbsp;&nbsp;${h(r.name)}` : h(r.name)}</th>`;
  const decided = view.rows.map((r) => `<tr>${name(r)}${[r.merged, r.rejected, r.share, r.interval, r.drafts, r.failedRuns].map(num).join('')}</tr>`);
  const rejected = view.rows.map((r) => `<tr>${name(r)}${[r.rejected, r.toClose, r.reviewed, r.reviews, r.comments, r.inReview].map(num).join('')}</tr>`);
  return section(
    'acceptance',
    ACCEPTANCE_TITLE,
    h(ACCEPTANCE_BASIS),
    view.note ? `<p class="note warn">${h(view.note)}</p>` : '',
    table(['', 'Merged', 'Rejected', 'Acceptance', '95% interval', 'Drafts closed', 'Agents’ failed runs'], decided, 'lrrrrrr', { caption: 'Pull requests decided in the window, and those closed apart' }),
    table(['', 'Rejected', 'p50 to close', 'Reviewed', 'Reviews', 'Comments', 'Time in review'], rejected, 'lrrrrrr', { caption: 'What the rejected ones took: opened → closed, and others’ reviews and comments before the close (first one → close)' }),
    view.difference ? `<p class="note">${h(view.difference)}.</p>` : '',
  );
}
