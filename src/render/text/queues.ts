import { TZDate } from '@date-fns/tz';
import { STAGES, type StageName } from '../../domain.js';
import { sparkline } from '../../metrics/trend.js';
import type { Report } from '../../report/schema.js';
import { shortStageLabel } from '../../stage-labels.js';
import { formatDuration, formatNumber, formatPerWeek, formatRatio } from '../duration.js';
import { withSign } from '../../units.js';
import { littlesLawText } from '../queue-flow.js';
import { droppedNote, fitTableDropping, longestWord, naturalWidth, wrap, type TextContext } from './layout.js';
import { largest } from '../../lists.js';
import { isoSeconds } from '../../time.js';

const SHARE_SCALE = { min: 0, max: 1 };

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
    const grow = withSign(growth, formatPerWeek);
    return [shortStageLabel(stage, gitOnly), formatPerWeek(t?.arrivalsPerWeek), formatPerWeek(t?.departuresPerWeek), growth !== null && growth > 0 ? c.red(grow) : grow, formatNumber(t?.meanQueue), formatNumber(t?.littleQueue), formatDuration(t?.meanTimeInStage ?? null, ctx.durations)];
  });
  // a figure's column narrows only as far as each figure stays whole on its line (and its head's words: fitTable)
  const figuresWhole = (i: number): number => naturalWidth('', rows.map((r) => r[i]));
  // too wide, the figures of Little's law give way first (named under the table; the sentence under it keeps their
  // numbers), then the heads wrap; a stage's name wraps only when nothing more can give way
  const { table, dropped } = fitTableDropping(
    [
      { head: 'stage', min: longestWord(rows.map((r) => r[0])), wrap: true, whole: true, rank: 1 },
      { head: 'in/wk', align: 'right' },
      { head: 'out/wk', align: 'right' },
      // a signed figure, never cut
      { head: 'growth/wk', align: 'right' },
      { head: 'mean queue', align: 'right', min: figuresWhole(4), wrap: true, drop: 2 },
      { head: 'if steady', align: 'right', min: figuresWhole(5), wrap: true, drop: 0 },
      { head: 'mean time', align: 'right', min: figuresWhole(6), wrap: true, drop: 1 },
    ],
    rows,
    ctx,
  );
  const note = droppedNote(dropped, ctx.width);
  // a label column, then the sparkline and its first and last values: the spark takes what the width leaves
  // the longest name shown, and a space
  const label = Math.max(largest(stages.map((stage) => shortStageLabel(stage, gitOnly).length)), 'PRs ready'.length) + 3;
  // what follows each sparkline: the queue at the window's start and end, or the window's AI share of arrivals
  const aiShown = (stage: StageName): boolean => (s.queues[stage] ?? []).some((w) => w.aiShare !== null);
  const aiSuffix = (stage: StageName): string => ` ${formatRatio(s.queueTrend[stage]?.aiShare ?? null)} of arrivals`;
  const queueSuffix = (stage: StageName): string | null => {
    const t = s.queueTrend[stage];
    return t?.queueStart !== undefined && t.queueEnd !== undefined ? ` ${t.queueStart} → ${t.queueEnd}` : null;
  };
  // room for the longest of them (at least 14: a queue's ends read off the sparkline), so no line passes the width:
  // terraform's year wrote 83 columns at 80 for its "1.6% of arrivals"
  const suffix = Math.max(14, largest(stages.map((stage) => Math.max(queueSuffix(stage)?.length ?? 0, aiShown(stage) ? aiSuffix(stage).length : 0))));
  // as many weeks as the width holds (a year's window touches 53 Mondays: not all of them at 80 columns), the last ones
  const sparkWidth = Math.max(8, ctx.width - label - suffix);
  const spark = (values: ReadonlyArray<number | null>, scale?: { min: number; max: number }): string => c.cyan(sparkline(values.slice(-sparkWidth), undefined, scale));
  const ends = (values: readonly number[]): string => `${values[Math.max(0, values.length - sparkWidth)] ?? 0} → ${values[values.length - 1] ?? 0}`;
  const lines: string[] = [];
  let aiLines = false;
  for (const stage of stages) {
    const weeks = s.queues[stage] ?? [];
    const queue = weeks.map((w) => w.queue);
    // the queue at the window's start and at its end, the figures growth/wk and Little's law's sentence are of (the
    // first week's end read "54 → 36" beside "its queue went from 27 to 36")
    lines.push(`  ${shortStageLabel(stage, gitOnly).padEnd(label - 2)}${spark(queue)}${queueSuffix(stage) ?? ` ${ends(queue)}`}`);
    // a share drawn from 0 to 100%, then the window's: the first week's share against the last's read as a trend
    // (brew's "29% → 3.8%": its first week a day of seven arrivals, beside an AI section whose four-week shares
    // never passed 12%)
    const ai = weeks.map((w) => w.aiShare).slice(-sparkWidth);
    if (ai.some((v) => v !== null)) {
      aiLines = true;
      lines.push(`  ${'  AI share'.padEnd(label - 2)}${spark(ai, SHARE_SCALE)}${aiSuffix(stage)}`);
    }
  }
  // each week's count, then the window's a week: a week's count against another's was two single weeks compared
  const capacity = s.reviewCapacity ?? [];
  const rate = (value: number | null | undefined): string => (value === null || value === undefined ? '' : ` ${formatPerWeek(value)} a week`);
  // none under one whole week of history, as every rate
  const rated = s.capacity?.reviewsPerWeek !== null && s.capacity?.reviewsPerWeek !== undefined;
  if (capacity.length > 0) {
    lines.push(`  ${'reviews'.padEnd(label - 2)}${spark(capacity.map((w) => w.reviews))}${rate(s.capacity?.reviewsPerWeek)}`);
    lines.push(`  ${'PRs ready'.padEnd(label - 2)}${spark(capacity.map((w) => w.readyPulls))}${rate(s.capacity?.readyPullsPerWeek)}`);
  }
  return [
    c.bold('Where the queue builds'),
    table,
    ...(note === null ? [] : [c.dim(wrap(note, ctx.width))]),
    c.dim(wrap('in/wk, out/wk: changes arriving at and leaving the stage a week; growth/wk: the queue at the end less the queue at the start, a week (in/wk − out/wk); mean queue: changes in the stage on average; if steady: the queue a steady flow would have, arrivals a week × weeks in the stage; mean time: the time a change spends in the stage.', ctx.width)),
    ...shortHistory(report, stages, ctx),
    // over repositories whose windows differ the queues are over the span every one covers, as the trends say
    c.dim(wrap(`The queue at each week's end${weeksNote(report, sparkWidth)}, then the queue at ${spanned(report)}${aiLines ? `; under it, the AI-assisted share of each week's arrivals, then of ${s.trend.span ? "the span's" : "the window's"}` : ''}${capacity.length > 0 ? `; reviews done and pull requests ready for review each week${rated ? ', then a week on average' : ''}` : ''}:`, ctx.width)),
    ...lines,
    c.dim(wrap(littlesLaw(report, stages, ctx), ctx.width)),
  ];
}

/** Where the queue's two ends are: the window's, or the span every repository covers when their windows differ. */
function spanned(report: Report): string {
  const span = report.summary.trend.span;
  return span ? `the start → at the end of ${span.since.slice(0, 10)} → ${span.until.slice(0, 10)}, the span every repository covers` : "the window's start → at its end";
}

/**
 * Little's law as one sentence with the numbers of the stage where most changes wait: `if steady` is arrivals a
 * week times weeks in the stage, which a steady flow keeps equal to the mean queue.
 */
function littlesLaw(report: Report, stages: readonly StageName[], ctx: TextContext): string {
  const trend = report.summary.queueTrend;
  const biggest = stages
    .map((stage) => ({ stage, t: trend[stage] }))
    .filter((x) => x.t !== undefined)
    .sort((a, b) => (b.t?.meanQueue ?? 0) - (a.t?.meanQueue ?? 0))[0];
  const rule = "Little's law (the 'if steady' column): in a steady flow, the changes waiting in a stage = arrivals a week × the time each spends in it";
  if (!biggest?.t) return `${rule}.`;
  return `${rule}; ${littlesLawText(shortStageLabel(biggest.stage, !report.sources.includes('github')), biggest.t, ctx.durations, report.summary.dora.deploymentFrequency.coveredDays ?? 0)}.`;
}

/** Under one whole week of covered history: no rate, and what the days held instead, stage by stage. */
function shortHistory(report: Report, stages: readonly StageName[], ctx: TextContext): string[] {
  const gitOnly = !report.sources.includes('github');
  const short = stages.flatMap((stage) => {
    const t = report.summary.queueTrend[stage];
    return t && t.arrivalsPerWeek === null && t.arrivals !== undefined ? [`${shortStageLabel(stage, gitOnly)} ${t.arrivals} in, ${t.departures ?? 0} out, queue ${t.queueStart ?? 0} → ${t.queueEnd ?? 0}`] : [];
  });
  if (short.length === 0) return [];
  const days = report.summary.dora.deploymentFrequency.coveredDays ?? 0;
  return [ctx.c.dim(wrap(`No rate a week from ${days} days of history (under one whole week); in those days: ${short.join('; ')}.`, ctx.width))];
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
