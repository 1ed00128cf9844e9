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
  const weeks = repairWeeks(r).slice(-WEEKS);
  // eight weeks of 0% say nothing the first line did not
  const anyRepair = weeks.some((w) => !(w[2] ?? '').startsWith('0 of'));
  return [
    ctx.c.bold('Repairs'),
    wrap(`${repairHeadline(r)}${reasons ? `: ${reasons}` : ''}`, ctx.width),
    ...(split ? [wrap(split, ctx.width)] : []),
    ...(weeks.length > 1 && anyRepair ? [fitTable([{ head: 'week' }, { head: 'repairs', align: 'right' as const }, { head: 'of changes', align: 'right' as const }, { head: 'of cycle time', align: 'right' as const }], weeks, ctx)] : []),
  ];
}
