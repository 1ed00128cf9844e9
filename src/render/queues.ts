import { TZDate } from '@date-fns/tz';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { STAGES } from '../domain.js';
import { sparkline } from '../metrics/trend.js';
import type { Report } from '../report/schema.js';
import { stageLabel } from '../stage-labels.js';
import { formatDuration } from './duration.js';

// the last half year of weeks fits a line
const SPARK_WEEKS = 26;
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** `2.0`, `+2.0`, `—` */
const rate = (n: number | null | undefined, sign = false): string => (n === null || n === undefined ? '—' : `${sign && n > 0 ? '+' : ''}${n.toFixed(1)}`);

/**
 * "Where the queue builds" for the terminal (SPEC section 9): per stage the arrivals, departures and growth of
 * its queue a week, both sides of Little's law, and the weekly queue (and AI share of arrivals) as sparklines;
 * reviewer capacity in GitHub mode. Lines, empty when no stage has weeks.
 */
export function queueTextLines(report: Report, c: ChalkInstance, color: boolean): string[] {
  const s = report.summary;
  const gitOnly = !report.sources.includes('github');
  const stages = STAGES.filter((stage) => (s.queues[stage]?.length ?? 0) > 0);
  if (stages.length === 0) return [];
  const table = new Table({
    head: ['stage', 'in/wk', 'out/wk', 'growth/wk', 'mean queue', 'λ × W', 'time in stage'],
    chars: COMPACT,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  const lines: string[] = [];
  for (const stage of stages) {
    const t = s.queueTrend[stage];
    const weeks = (s.queues[stage] ?? []).slice(-SPARK_WEEKS);
    const growth = t?.growthPerWeek ?? null;
    const grow = rate(growth, true);
    table.push([
      stageLabel(stage, gitOnly), rate(t?.arrivalsPerWeek), rate(t?.departuresPerWeek), growth !== null && growth > 0 ? c.red(grow) : grow,
      rate(t?.meanQueue), rate(t?.littleQueue), formatDuration(t?.meanTimeInStage ?? null),
    ]);
    const queue = weeks.map((w) => w.queue);
    const ai = weeks.map((w) => w.aiShare);
    const aiLine = ai.some((v) => v !== null) ? ` · AI share of arrivals ${c.cyan(sparkline(ai))}` : '';
    lines.push(`  ${stageLabel(stage, gitOnly).padEnd(27)} ${c.cyan(sparkline(queue))} ${queue[0] ?? 0} → ${queue[queue.length - 1] ?? 0}${aiLine}`);
  }
  const out = [c.bold('Where the queue builds'), table.toString()];
  out.push(c.dim(`queue at each week's end${weeksNote(report)}:`), ...lines);
  const capacity = (s.reviewCapacity ?? []).slice(-SPARK_WEEKS);
  if (capacity.length > 0) {
    out.push(`  ${'reviews done a week'.padEnd(27)} ${c.cyan(sparkline(capacity.map((w) => w.reviews)))} ${capacity[0]?.reviews ?? 0} → ${capacity[capacity.length - 1]?.reviews ?? 0}`);
    out.push(`  ${'pull requests ready a week'.padEnd(27)} ${c.cyan(sparkline(capacity.map((w) => w.readyPulls)))} ${capacity[0]?.readyPulls ?? 0} → ${capacity[capacity.length - 1]?.readyPulls ?? 0}`);
  }
  out.push(c.dim('Little\'s law: mean queue ≈ λ × W when steady; far apart, the queue grew or drained in the window.'));
  out.push('');
  return out;
}

function weeksNote(report: Report): string {
  const first = Object.values(report.summary.queues).find((w) => w && w.length > 0);
  if (!first) return '';
  const shown = first.slice(-SPARK_WEEKS);
  const zone = report.businessHours?.timezone ?? 'UTC';
  // a week starts Monday 00:00 in the zone: written as that local date
  const day = (iso: string | undefined): string => {
    if (iso === undefined) return '';
    const d = new TZDate(Date.parse(iso), zone);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  return `, weeks of ${day(shown[0]?.weekStart)} → ${day(shown[shown.length - 1]?.weekStart)} (Mondays, ${zone})`;
}
