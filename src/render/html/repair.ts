import type { Report } from '../../report/schema.js';
import { REPAIR_LEAD, repairHeadline, repairReasons, repairSplit, repairWeeks } from '../repair.js';
import { details, h, num, section, table } from './parts.js';

/** Repair share: how many changes repaired earlier work, why, AI-assisted against the rest, week by week. */
export function repair(report: Report): string {
  const r = report.summary.repair;
  if (!r || r.changes === 0) return '';
  const reasons = repairReasons(r);
  const split = repairSplit(r);
  const weeks = repairWeeks(r);
  return section(
    'repair',
    'Repairs',
    h(REPAIR_LEAD),
    `<p><b>${h(repairHeadline(r))}</b>${reasons ? `: ${h(reasons)}` : ''}</p>`,
    split ? `<p>${h(split)}</p>` : '',
    // a year is 52 rows: folded, as the page's other long lists
    weeks.length > 1 ? details(`Week by week (${weeks.length} weeks with changes)`, table(['Week', 'Repairs', 'Of changes', 'Of cycle time'], weeks.map(([week = '', ...rest]) => `<tr><td>${h(week)}</td>${rest.map(num).join('')}</tr>`), 'lrrr')) : '',
  );
}
