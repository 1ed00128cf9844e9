import { codingUnseenNote, leftOutText, mergedInWindow, shareBasisText, workingDayText } from '../format.js';
import { STAGES, type StageName } from '../../domain.js';
import { repositoryName } from '../names.js';
import type { Report } from '../../report/schema.js';
import { shortStageLabel, stageLabel } from '../../stage-labels.js';
import { plural } from '../../units.js';
import { formatDuration, formatRatio, percentileText } from '../duration.js';
import { terminalSafe } from '../sanitize.js';
import { bar, droppedNote, fitTableDropping, formatTime, longestWord, wrap, type Cell, type DroppableColumn, type TextContext } from './layout.js';
import { deploySignalHeader } from '../signal.js';

/** The stage names of the table: spelled out when there is room, else short (`pickup`, `merge wait`). */
function labeller(report: Report, width: number): (stage: StageName) => string {
  const gitOnly = !report.sources.includes('github');
  if (width >= 100) return (stage) => stageLabel(stage, gitOnly);
  return (stage) => (stage === 'review' ? stageLabel(stage, gitOnly) : shortStageLabel(stage, gitOnly));
}

/** `2026-01-01 → 2026-04-01 UTC`: a date alone where the bound is midnight in the zone, else with its time. */
export function windowText(report: Report, timeZone: string): string {
  return `${localBound(report.window.since, timeZone)} → ${localBound(report.window.until, timeZone)} ${timeZone}`;
}

/** A time of the window in the zone: its date alone at midnight there, else with its minute. */
function localBound(iso: string, timeZone: string): string {
  const full = formatTime(iso, timeZone);
  return full.endsWith(' 00:00') ? full.slice(0, 10) : full;
}

/** The repository, branch, window, sources and deploy signal; business hours when on. */
export function header(report: Report, ctx: TextContext): string[] {
  const { c } = ctx;
  const lines = [
    c.bold(wrap(`flowaudit · ${terminalSafe(repositoryName(report.repository))}`, ctx.width)),
    wrap(
      `branch ${terminalSafe(report.repository.branch)} · ${windowText(report, ctx.timeZone)}${report.window.historyFrom ? ` (history from ${formatTime(report.window.historyFrom, ctx.timeZone)})` : ''}, as of ${localBound(report.now, ctx.timeZone)} · sources: ${report.sources.join(' + ')} · ` +
        `deploys: ${terminalSafe(deploySignalHeader(report))}`,
      ctx.width,
    ),
  ];
  const b = report.businessHours;
  if (b) lines.push(c.yellow(wrap(`business hours on: durations count only ${b.start}–${b.end} on working days (${terminalSafe(b.timezone)}); ${workingDayText(report)}`, ctx.width)));
  return lines;
}

export function nothingMerged(report: Report, ctx: TextContext): string[] {
  if (mergedInWindow(report) > 0) return [];
  return [wrap(`No changes merged between ${windowText(report, ctx.timeZone).replace(' → ', ' and ')}.`, ctx.width)];
}

/** The headline, and what the figures count. */
export function headline(report: Report, ctx: TextContext): string[] {
  const s = report.summary;
  const excluded = leftOutText(s.excluded);
  return [
    ctx.c.bold(wrap(terminalSafe(s.headline), ctx.width)),
    ctx.c.dim(wrap(`${plural(s.changes, 'change')} counted${excluded ? ` (left out: ${excluded})` : ''}; shares over ${shareBasisText(s)}.`, ctx.width)),
  ];
}

/** Where the time goes: each stage's count, p50, p75, p90 and share with a bar; then cycle and lead time. */
export function stages(report: Report, ctx: TextContext): string[] {
  const { c } = ctx;
  const s = report.summary;
  const name = labeller(report, ctx.width);
  const what = (text: string) => (w: number): string => (w >= text.length ? c.dim(text) : '');
  const unseen = codingUnseenNote(report);
  const rows: Cell[][] = STAGES.map((stage) => {
    const f = s.stages[stage];
    const share = stage === 'coding' && unseen !== null ? null : f.share;
    return [name(stage), String(f.count), percentileText(f, 'p50', ctx.durations), percentileText(f, 'p75', ctx.durations), percentileText(f, 'p90', ctx.durations), formatRatio(share), (w: number) => bar(share, w, c)];
  });
  rows.push([c.bold('cycle time'), String(s.cycleTime.count), formatDuration(s.cycleTime.p50, ctx.durations), formatDuration(s.cycleTime.p75, ctx.durations), formatDuration(s.cycleTime.p90, ctx.durations), '', what('commit → merge')]);
  rows.push([c.bold('lead time'), String(s.leadTime.count), percentileText(s.leadTime, 'p50', ctx.durations), percentileText(s.leadTime, 'p75', ctx.durations), percentileText(s.leadTime, 'p90', ctx.durations), '', what('commit → deploy')]);
  // narrow terminals lose the bar first, then the p75 (named under the table): the figures that stay are never
  // cut, and a stage's name wraps only when nothing more can give way (bounds such as `≥ 192d 5h` make the figures
  // wider)
  const columns: DroppableColumn[] = [
    { head: 'stage', min: longestWord(rows.map((r) => r[0])), wrap: true, whole: true, rank: 1 },
    { head: 'count', align: 'right' },
    { head: 'p50', align: 'right' },
    { head: 'p75', align: 'right', drop: 1 },
    { head: 'p90', align: 'right' },
    { head: 'share', align: 'right' },
    { head: '', min: 6, prefer: 20, drop: 0 },
  ];
  const { table, dropped } = fitTableDropping(columns, rows, ctx);
  const note = droppedNote(dropped, ctx.width);
  return [c.bold('Where the time goes'), table, ...(note === null ? [] : [c.dim(wrap(note, ctx.width))]), ...(unseen === null ? [] : [c.dim(wrap(unseen, ctx.width))])];
}
