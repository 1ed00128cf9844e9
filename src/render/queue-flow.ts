import type { QueueTrend } from '../metrics/queues.js';
import type { ReviewCapacityRates } from '../metrics/queues-review-capacity.js';
import { formatDuration, formatNumber, formatPerWeek, formatRatio, type DurationFormat } from './duration.js';
import { withSign } from '../units.js';

/*
 * The queues' words, the same in every format (SPEC section 9): how a stage's queue went over the window, from
 * the report's own counts and rates — growth is the net flow, (end − start) ÷ weeks, so the words agree with the
 * row and the drawn line — and Little's law with its numbers. No rate is said from under one whole week.
 */

/** `1.80`, `−0.70`: a rate a week as the queue tables write it (the one writer of rates, `formatPerWeek`). */
function rate(n: number, sign = false): string {
  return sign ? withSign(n, formatPerWeek) : formatPerWeek(n);
}

/**
 * `days`: the days of history the window covers (deploy frequency's `coveredDays`, the rates' basis).
 * `The queue grew from 0 to 23 changes: +1.8 a week (24.4 arriving, 22.7 leaving).`, `shrank`, or `ended where it
 * began (4 changes)`; under one whole week of history the counts and the days: `went from 0 to 221 changes in 2.7
 * days (221 arriving, 0 leaving): no rate from under one whole week.` Null for a report without the counts.
 */
function queueChangeText(t: QueueTrend | undefined, days: number): string | null {
  if (!t || t.queueStart === undefined || t.queueEnd === undefined || t.arrivals === undefined || t.departures === undefined) return null;
  const { queueStart: start, queueEnd: end } = t;
  const noun = end === 1 ? 'change' : 'changes';
  if (t.growthPerWeek === null || t.arrivalsPerWeek === null || t.departuresPerWeek === null) {
    return `The queue went from ${start} to ${end} ${noun} in ${days} days (${t.arrivals} arriving, ${t.departures} leaving): no rate from under one whole week.`;
  }
  if (end === start) return `The queue ended where it began (${end} ${noun}): ${rate(t.arrivalsPerWeek)} arriving and ${rate(t.departuresPerWeek)} leaving a week.`;
  return `The queue ${end > start ? 'grew' : 'shrank'} from ${start} to ${end} ${noun}: ${rate(t.growthPerWeek, true)} a week (${rate(t.arrivalsPerWeek)} arriving, ${rate(t.departuresPerWeek)} leaving).`;
}

/** `7.0% of its arrivals AI-assisted.`: the window's share, every week's arrivals together; null where none is known. */
function queueAiText(t: QueueTrend | undefined): string | null {
  return t?.aiShare === null || t?.aiShare === undefined ? null : `${formatRatio(t.aiShare)} of its arrivals AI-assisted.`;
}

/** What a stage's queue did over the window (`queueChangeText`), then its AI-assisted share of arrivals; null when neither is known. */
export function queueStageText(t: QueueTrend | undefined, days: number): string | null {
  const said = [queueChangeText(t, days), queueAiText(t)].filter((x) => x !== null);
  return said.length === 0 ? null : said.join(' ');
}

/**
 * `Over the window, 3.00 reviews a week against 2.50 pull requests ready for review a week.`: reviewer capacity
 * against demand as the window's rates, never one week's counts against another's; null without them (git alone,
 * under one whole week of history, a report made before they were given).
 */
export function capacityText(c: ReviewCapacityRates | undefined): string | null {
  if (!c || c.reviewsPerWeek === null || c.readyPullsPerWeek === null) return null;
  return `Over the window, ${rate(c.reviewsPerWeek)} reviews a week against ${rate(c.readyPullsPerWeek)} pull requests ready for review a week.`;
}

/**
 * Little's law for one stage in words, with its numbers (`covered`: the days of history the rates are over): `deploy wait: 2.6 a week × 2d 19h ≈ 1.0 waiting, against
 * 0.4 on average, while its queue went from 0 to 23`; under one whole week of history, that there is no rate.
 */
export function littlesLawText(label: string, t: QueueTrend, days: DurationFormat, covered: number): string {
  if (t.arrivalsPerWeek === null || t.littleQueue === null) return `${label}: no rate from ${covered} days of history (under one whole week)`;
  const queue = t.queueStart === undefined || t.queueEnd === undefined ? '' : `, while its queue went from ${t.queueStart} to ${t.queueEnd}`;
  return `${label}: ${rate(t.arrivalsPerWeek)} a week × ${formatDuration(t.meanTimeInStage, days)} ≈ ${formatNumber(t.littleQueue)} waiting, against ${formatNumber(t.meanQueue)} on average${queue}`;
}
