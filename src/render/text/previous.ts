import { previousView } from '../previous.js';
import type { Report } from '../../report/schema.js';
import { fitTable, wrap, type TextContext } from './layout.js';

/** The window against the previous one: a table, or one line when the history does not reach back over it. */
export function previous(report: Report, ctx: TextContext): string[] {
  const view = previousView(report, ctx.durations);
  if (view === null) return [];
  const { c } = ctx;
  if (view.uncovered !== null) return [wrap(view.uncovered, ctx.width)];
  if (view.rows.length === 0) return [];
  const columns = [
    { head: 'figure', min: 12, wrap: true },
    { head: 'before', align: 'right' as const },
    { head: 'now', align: 'right' as const },
    { head: 'change (95% interval)', min: 16, wrap: true, rank: 1 },
  ];
  const rows = view.rows.map((r) => [r.label, r.before, r.now, r.direction === 'better' ? c.green(r.change) : r.direction === 'worse' ? c.red(r.change) : r.change]);
  return [c.bold(wrap(view.title, ctx.width)), fitTable(columns, rows, ctx), c.dim(wrap(view.note, ctx.width))];
}
