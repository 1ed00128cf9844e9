import type { Report } from '../../report/schema.js';
import { shortStageLabel, stageLabel } from '../../stage-labels.js';
import { durationOrBound, formatDuration } from '../duration.js';
import { slowFlagsText } from '../format.js';
import { terminalSafe } from '../sanitize.js';
import { fitTable, type TextContext } from './layout.js';

const SHOWN = 5;

/** The slowest changes, and the stage that held most of each one's time; titles are cut to fit. */
export function slowest(report: Report, ctx: TextContext): string[] {
  const top = report.summary.slowest.slice(0, SHOWN);
  if (top.length === 0) return [];
  const gitOnly = !report.sources.includes('github');
  // below 100 columns the stage's short name, so the title keeps its room
  const narrow = ctx.width < 100;
  const rows = top.map((ch) => [
    terminalSafe(ch.id),
    `${slowFlagsText(ch)}${terminalSafe(ch.title)}`,
    // still waiting: its lead time so far, a bound, written as every bound is
    ch.totalIs === 'waiting' ? durationOrBound(null, ch.total, ctx.durations) : formatDuration(ch.total, ctx.durations),
    // the time first: where the column is cut, the stage's name gives way, not its figure
    ch.stage ? `${formatDuration(ch.stageSeconds, ctx.durations)} ${narrow ? shortStageLabel(ch.stage, gitOnly) : stageLabel(ch.stage, gitOnly)}` : '',
  ]);
  const table = fitTable([{ head: 'change' }, { head: 'title', min: 12 }, { head: 'total', align: 'right' }, { head: 'mostly', min: 12 }], rows, ctx);
  return [ctx.c.bold('Slowest changes'), table];
}
