import type { Report } from '../../report/schema.js';
import { terminalSafe } from '../sanitize.js';
import { wrap, type TextContext } from './layout.js';

/** What the sources could not show, and how to get it. */
export function notes(report: Report, ctx: TextContext): string[] {
  return report.notes.map((note) => ctx.c.dim(wrap(`· ${terminalSafe(note)}`, ctx.width)));
}
