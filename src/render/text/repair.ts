import type { Report } from '../../report/schema.js';
import { repairHeadline, repairReasons, repairSplit, repairWeeks } from '../repair.js';
import { fitTable, wrap, type TextContext } from './layout.js';

// the terminal shows the last weeks; Markdown, HTML and JSON have them all
const WEEKS = 8;

/** Repair share: how many changes repaired earlier work, why, AI-assisted against the rest, the last weeks. */
export function repair(report: Report, ctx: TextContext): string[] {
  const r = report.summary.repair;
  if (!r || r.changes === 0) return [];
  const reasons = repairReasons(r);
  const split = repairSplit(r);
  const all = repairWeeks(r);
  const weeks = all.slice(-WEEKS);
  // eight weeks of 0% say nothing the first line did not
  const anyRepair = weeks.some((w) => !(w[2] ?? '').startsWith('0 of'));
  const table = weeks.length > 1 && anyRepair;
  // the rows left out are said, as the deploys table says it: the rows shown do not add up to the line above
  const cut = table && all.length > weeks.length ? [ctx.c.dim(wrap(`the last ${weeks.length} of ${all.length} weeks with changes (every week: --format markdown, html or json):`, ctx.width))] : [];
  return [
    ctx.c.bold('Repairs'),
    wrap(`${repairHeadline(r)}${reasons ? `: ${reasons}` : ''}`, ctx.width),
    ...(split ? [wrap(split, ctx.width)] : []),
    ...cut,
    ...(table ? [fitTable([{ head: 'week' }, { head: 'repairs', align: 'right' as const }, { head: 'of changes', align: 'right' as const }, { head: 'of cycle time', align: 'right' as const }], weeks, ctx)] : []),
  ];
}
