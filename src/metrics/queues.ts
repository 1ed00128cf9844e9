/**
 * Where the queue builds (SPEC section 9): week by week, how many changes entered each stage, how many left
 * it, and how many were in it at the week's end; and per stage the trend and both sides of Little's law.
 * The spans come from `queues-spans.ts`; weeks start Monday 00:00 in the report's time zone.
 */
import type { MeasuredChange, OpenPull, StageName } from '../domain.js';
import { coverage, perWeek, type Coverage } from './coverage.js';
import { stageSpanColumns, type SpanColumns } from './queues-spans.js';
import { weekBoundaries, weekIndex, weekStarts } from './queues-weeks.js';
import type { QueueTrend, QueueTrends, Queues, QueueWeek } from './schema.js';

export type { QueueTrend, QueueTrends, Queues, QueueWeek } from './schema.js';

const WEEK = 7 * 86400;

export interface QueueInput {
  /** every counted change merged by `now`, in the window or not: a change merged next month was in this month's queue */
  changes: readonly MeasuredChange[];
  /** pull requests open at `now` (GitHub mode): in pickup, review or merge wait */
  openPulls: readonly OpenPull[];
  since: number;
  until: number;
  now: number;
  /** the history's first commit, when later than since: the rates are over the part of the window it covers */
  historyFrom?: number | undefined;
  /** which stages to report: those the data can see */
  stages: readonly StageName[];
  /** IANA zone the weeks start in */
  timezone: string;
}

/** Weekly queues and their trend per stage. Pure; epoch seconds in. */
export function computeQueues(input: QueueInput): { queues: Queues; queueTrend: QueueTrends } {
  const end = Math.min(input.until, input.now);
  const queues: Queues = {};
  const queueTrend: QueueTrends = {};
  if (input.since >= end) return { queues, queueTrend };
  const spans = stageSpanColumns(input.changes, input.openPulls, input.now);
  // the AI share is shown where markers exist: some change in the window's queues carries one
  const anyAi = Object.values(spans).some((c) => {
    for (let i = 0; i < c.length; i++) if (c.ai[i] === 1 && (c.start[i] as number) < end && !((c.end[i] as number) < input.since)) return true;
    return false;
  });
  const bounds = weekBoundaries(input.since, end, input.timezone);
  const covered = queueCoverage(input);
  for (const stage of input.stages) {
    const { weeks, start, aiShare } = weeklyQueue(spans[stage], bounds, input.since, end, anyAi);
    queues[stage] = weeks;
    queueTrend[stage] = { ...trendOf(spans[stage], weeks, start, covered, input.now), aiShare };
  }
  return { queues, queueTrend };
}

/** What the queues' rates are over, and the review capacity's (`queues-review-capacity.ts`): the window's covered part. */
export function queueCoverage(input: Pick<QueueInput, 'since' | 'until' | 'historyFrom' | 'now'>): Coverage {
  return coverage({ since: input.since, until: input.until, ...(input.historyFrom !== undefined && { historyFrom: input.historyFrom }) }, input.now);
}

/**
 * Week i counts events in `[max(bounds[i], since), min(bounds[i+1], end))` and the queue at that interval's
 * end, so the partial first and last weeks hold only the window's events and each week's queue is the one
 * before it plus its arrivals minus its departures.
 */
function weeklyQueue(spans: SpanColumns, bounds: readonly number[], since: number, end: number, anyAi: boolean): { weeks: QueueWeek[]; start: number; aiShare: number | null } {
  const rows = weekStarts(bounds).map((weekStart) => ({ weekStart, arrivals: 0, departures: 0, queue: 0, ai: 0, known: 0 }));
  const weekOf = (t: number): (typeof rows)[number] => rows[weekIndex(bounds, t)] as (typeof rows)[number];
  const inWindow = (t: number): boolean => t >= since && t < end;
  let queue = 0;
  for (let i = 0; i < spans.length; i++) {
    const start = spans.start[i] as number;
    // NaN: still open, which ends after everything
    const ended = spans.end[i] as number;
    const ai = spans.ai[i] as number;
    if (start < since && !(ended < since)) queue++;
    if (inWindow(start)) {
      const week = weekOf(start);
      week.arrivals++;
      if (ai !== -1) {
        week.known++;
        if (ai === 1) week.ai++;
      }
    }
    if (!Number.isNaN(ended) && inWindow(ended)) weekOf(ended).departures++;
  }
  const start = queue;
  const shareOf = (ai: number, known: number): number | null => (anyAi && known > 0 ? ai / known : null);
  const weeks = rows.map(({ weekStart, arrivals, departures, ai, known }) => {
    queue += arrivals - departures;
    return { weekStart, arrivals, departures, queue, aiShare: shareOf(ai, known) };
  });
  // the window's share, of every week's arrivals together: what a reader compares the weekly shares with, never
  // the first week's against the last (SPEC section 10), a partial week of a day's arrivals among them
  const aiShare = shareOf(
    rows.reduce((n, w) => n + w.ai, 0),
    rows.reduce((n, w) => n + w.known, 0),
  );
  return { weeks, start, aiShare };
}

/**
 * A stage's figures over the window: its arrivals, departures and queue from start to end; per week of the
 * covered history (null under one whole week) the arrival and departure rates and the growth, which is their
 * difference, the net flow: (end − start) ÷ weeks, so it agrees with its row and its drawn line; and both sides
 * of Little's law over the covered time.
 */
function trendOf(spans: SpanColumns, weeks: readonly QueueWeek[], start: number, covered: Coverage, now: number): Omit<QueueTrend, 'aiShare'> {
  const arrivals = weeks.reduce((s, w) => s + w.arrivals, 0);
  const departures = weeks.reduce((s, w) => s + w.departures, 0);
  const end = weeks.at(-1)?.queue ?? start;
  let occupied = 0;
  let stayed = 0;
  for (let i = 0; i < spans.length; i++) {
    const began = spans.start[i] as number;
    const ended = spans.end[i] as number;
    const to = Number.isNaN(ended) ? now : ended;
    occupied += Math.max(0, Math.min(to, covered.to) - Math.max(began, covered.from));
    if (began >= covered.from && began < covered.to) stayed += to - began;
  }
  const arriving = arrivalsIn(spans, covered);
  const meanTime = arriving > 0 ? stayed / arriving : null;
  const rate = perWeek(arriving, covered);
  return {
    arrivalsPerWeek: perWeek(arrivals, covered),
    departuresPerWeek: perWeek(departures, covered),
    growthPerWeek: perWeek(end - start, covered),
    meanQueue: covered.seconds > 0 ? occupied / covered.seconds : 0,
    meanTimeInStage: meanTime,
    littleQueue: meanTime === null || rate === null ? null : (rate / WEEK) * meanTime,
    arrivals,
    departures,
    queueStart: start,
    queueEnd: end,
  };
}

/** How many stays began in the covered time: Little's law's arrivals, over the time its mean queue is. */
function arrivalsIn(spans: SpanColumns, covered: Coverage): number {
  let n = 0;
  for (let i = 0; i < spans.length; i++) {
    const began = spans.start[i] as number;
    if (began >= covered.from && began < covered.to) n++;
  }
  return n;
}
