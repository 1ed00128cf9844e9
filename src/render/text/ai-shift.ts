import type { Report } from '../../report/schema.js';
import { AI_SHIFT_TITLE, aiShiftView } from '../ai-shift.js';
import { fitTable, wrap, type TextContext } from './layout.js';

/** Where the queue moved when AI arrived: the sentence, then a row per figure. */
export function aiShift(report: Report, ctx: TextContext): string[] {
  const view = aiShiftView(report, ctx.durations);
  if (view === null) return [];
  const { c } = ctx;
  const columns = [
    { head: 'figure', min: 12, wrap: true },
    { head: 'before', align: 'right' as const },
    { head: 'after', align: 'right' as const },
    { head: 'change (95% interval)', min: 16, wrap: true, rank: 1 },
  ];
  const paint = (text: string, i: number): string => (view.directions[i] === 'better' ? c.green(text) : view.directions[i] === 'worse' ? c.red(text) : text);
  const rows = view.rows.map(([label, before, after, change], i) => [label, before, after, paint(change, i)]);
  return [c.bold(AI_SHIFT_TITLE), wrap(view.sentence, ctx.width), ...(rows.length > 0 ? [fitTable(columns, rows, ctx)] : []), c.dim(wrap(view.basis, ctx.width))];
}
