import { TZDate } from '@date-fns/tz';
import { STAGES, type StageName } from '../../domain.js';
import { sparkline } from '../../metrics/trend.js';
import type { Report } from '../../report/schema.js';
import { shortStageLabel } from '../../stage-labels.js';
import { formatDuration } from '../duration.js';
import { fitTable, wrap, type TextContext } from './layout.js';
import { largest } from '../../lists.js';
import { isoSeconds } from '../../time.js';

/** `2.0`, `+2.0`, `—` */
const rate = (n: number | null | undefined, sign = false): string => (n === null || n === undefined ? '—' : `${sign && n > 0 ? '+' : ''}${n.toFixed(1)}`);
const WEEK = 7 * 86_400;

/**
 * "Where the queue builds" (SPEC section 9): per stage the arrivals, departures and growth of its queue a week,
 * both sides of Little's law, and the weekly queue (with the AI share of arrivals) as a sparkline as wide as
 * the terminal allows; reviewer capacity in GitHub mode. Empty when no stage has weeks.
 */
export function queues(report: Report, ctx: TextContext): string[] {
  const { c } = ctx;
  const s = report.summary;
  const stages = STAGES.filter((stage) => (s.queues[stage]?.length ?? 0) > 0);
  if (stages.length === 0) return [];
  const gitOnly = !report.sources.includes('github');
  const rows = stages.map((stage) => {
    const t = s.queueTrend[stage];
    const growth = t?.growthPerWeek ?? null;
    const grow = rate(growth, true);
    return [shortStageLabel(stage, gitOnly), rate(t?.arrivalsPerWeek), rate(t?.departuresPerWeek), growth !== null && growth > 0 ? c.red(grow) : grow, rate(t?.meanQueue), rate(t?.littleQueue), formatDuration(t?.meanTimeInStage ?? null, ctx.durations)];
  });
  const table = fitTable(
    [
      { head: 'stage', min: 8, wrap: true },
      { head: 'in/wk', align: 'right' },
      { head: 'out/wk', align: 'right' },
      { head: 'growth/wk', align: 'right', min: 7 },
      { head: 'mean queue', align: 'right', min: 7, wrap: true },
      { head: 'λ × W', align: 'right' },
      { head: 'mean time', align: 'right', min: 8, wrap: true },
    ],
    rows,
    ctx,
  );
  // a label column, then the sparkline and its first and last values: the spark takes what the width leaves
  // the longest name shown, and a space
  const label = Math.max(largest(stages.map((stage) => shortStageLabel(stage, gitOnly).length)), 'PRs ready'.length) + 3;
  const sparkWidth = Math.max(8, Math.min(52, ctx.width - label - 14));
  const spark = (values: ReadonlyArray<number | null>): string => c.cyan(sparkline(values.slice(-sparkWidth)));
  const ends = (values: readonly number[]): string => `${values[Math.max(0, values.length - sparkWidth)] ?? 0} → ${values[values.length - 1] ?? 0}`;
  const lines: string[] = [];
  for (const stage of stages) {
    const weeks = s.queues[stage] ?? [];
    const queue = weeks.map((w) => w.queue);
    lines.push(`  ${shortStageLabel(stage, gitOnly).padEnd(label - 2)}${spark(queue)} ${ends(queue)}`);
    const ai = weeks.map((w) => w.aiShare);
    if (ai.some((v) => v !== null)) lines.push(`  ${'  AI share'.padEnd(label - 2)}${spark(ai)}`);
  }
  const capacity = s.reviewCapacity ?? [];
  if (capacity.length > 0) {
    lines.push(`  ${'reviews'.padEnd(label - 2)}${spark(capacity.map((w) => w.reviews))} ${ends(capacity.map((w) => w.reviews))} a week`);
    lines.push(`  ${'PRs ready'.padEnd(label - 2)}${spark(capacity.map((w) => w.readyPulls))} ${ends(capacity.map((w) => w.readyPulls))} a week`);
  }
  return [
    c.bold('Where the queue builds'),
    table,
    c.dim(wrap('in/wk, out/wk: changes arriving at and leaving the stage a week; growth/wk: how much longer its queue got each week; mean time: the time a change spends in the stage (W).', ctx.width)),
    c.dim(wrap(`The queue at each week's end${weeksNote(report, sparkWidth)}:`, ctx.width)),
    ...lines,
    c.dim(wrap(littlesLaw(report, stages), ctx.width)),
  ];
}

/**
 * Little's law as one sentence with the numbers of the stage where most changes wait: `λ × W` is arrivals a
 * week times weeks in the stage, which a steady flow keeps equal to the mean queue.
 */
function littlesLaw(report: Report, stages: readonly StageName[]): string {
  const trend = report.summary.queueTrend;
  const biggest = stages
    .map((stage) => ({ stage, t: trend[stage] }))
    .filter((x) => x.t && x.t.littleQueue !== null && x.t.arrivalsPerWeek !== null && x.t.meanTimeInStage !== null && x.t.meanQueue !== null)
    .sort((a, b) => (b.t?.meanQueue ?? 0) - (a.t?.meanQueue ?? 0))[0];
  const rule = "Little's law (the λ × W column): in a steady flow, the changes waiting in a stage = arrivals a week × weeks each spends in it";
  if (!biggest?.t) return `${rule}.`;
  const { arrivalsPerWeek, meanTimeInStage, littleQueue, meanQueue } = biggest.t;
  const weeks = (meanTimeInStage ?? 0) / WEEK;
  const verdict = Math.abs((littleQueue ?? 0) - (meanQueue ?? 0)) <= 0.2 * Math.max(1, meanQueue ?? 0) ? 'close: the flow was steady' : 'far apart: the queue grew or drained in the window';
  return `${rule}; ${shortStageLabel(biggest.stage, !report.sources.includes('github'))}: ${rate(arrivalsPerWeek)} a week × ${rate(weeks)} weeks ≈ ${rate(littleQueue)} waiting, against ${rate(meanQueue)} on average (${verdict}).`;
}

function weeksNote(report: Report, shown: number): string {
  const first = Object.values(report.summary.queues).find((w) => w && w.length > 0);
  if (!first) return '';
  const weeks = first.slice(-shown);
  const zone = report.timezone;
  // a week starts Monday 00:00 in the zone: written as that local date
  const day = (iso: string | undefined): string => {
    if (iso === undefined) return '';
    const d = new TZDate((isoSeconds(iso) ?? NaN) * 1000, zone);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  return `, weeks of ${day(weeks[0]?.weekStart)} → ${day(weeks[weeks.length - 1]?.weekStart)} (Mondays, ${zone})`;
}
