import { describe, expect, it } from 'vitest';
import type { Change, OpenPull, Stages } from '../../src/domain.js';
import { computeQueues } from '../../src/metrics/queues.js';
import { reviewCapacity, reviewCapacityRates } from '../../src/metrics/queues-review-capacity.js';
import { inWindowQueues, stageSpans } from '../../src/metrics/queues-spans.js';
import { weekBoundaries, weekIndex } from '../../src/metrics/queues-weeks.js';

const H = 3600;
const D = 86400;
// Monday 2026-03-02 00:00 UTC
const MON = Date.parse('2026-03-02T00:00:00Z') / 1000;
const none: Stages = { coding: null, pickup: null, review: null, merge: null, deploy: null };
const iso = (t: number): string => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

/** A change whose stages are "seen" exactly where its events are given (the figures' nulls decide the queues). */
function change(events: Partial<Change>, stages: Partial<Stages>): Change {
  return {
    id: 'c', number: null, title: 'c', author: 'ada', authorEmail: 'ada@x', url: null, branch: null, kind: 'merge', sha: 's', commitShas: [],
    commits: 1, size: null, bot: false, firstCommitAt: null, lastCommitAt: null, readyAt: null, firstReviewAt: null, approvedAt: null,
    mergedAt: 0, deployedAt: null, forkPoints: [], forkPointAt: null, flags: [], aiEvidence: [], revertedBy: null, isRevert: false,
    stages: { ...none, ...stages }, cycleTime: null, leadTime: null, review: null, ...events,
  };
}

const open = (over: Partial<OpenPull>): OpenPull => ({ number: 1, title: '', url: null, author: 'ada', bot: false, createdAt: MON, isDraft: false, ...over });

describe('stage spans from a change\'s events', () => {
  it('tiles a reviewed pull request T0 → T2 → T4 → T5 → T7 → T8', () => {
    const c = change(
      { firstCommitAt: MON, readyAt: MON + H, firstReviewAt: MON + 3 * H, approvedAt: MON + 6 * H, mergedAt: MON + 10 * H, deployedAt: MON + 15 * H, aiEvidence: ['x'] },
      { coding: H, pickup: 2 * H, review: 3 * H, merge: 4 * H, deploy: 5 * H },
    );
    expect(stageSpans([c], [], MON + D)).toEqual({
      coding: [{ start: MON, end: MON + H, ai: true }],
      pickup: [{ start: MON + H, end: MON + 3 * H, ai: true }],
      review: [{ start: MON + 3 * H, end: MON + 6 * H, ai: true }],
      merge: [{ start: MON + 6 * H, end: MON + 10 * H, ai: true }],
      deploy: [{ start: MON + 10 * H, end: MON + 15 * H, ai: true }],
    });
  });

  it('ends pickup and review at the merge when nobody reviewed or approved', () => {
    const unreviewed = change({ firstCommitAt: MON, readyAt: MON + H, mergedAt: MON + 5 * H }, { coding: H, pickup: 4 * H });
    const unapproved = change({ firstCommitAt: MON, readyAt: MON + H, firstReviewAt: MON + 2 * H, mergedAt: MON + 5 * H }, { coding: H, pickup: H, review: 3 * H });
    expect(stageSpans([unreviewed], [], MON + D).pickup).toEqual([{ start: MON + H, end: MON + 5 * H, ai: false }]);
    expect(stageSpans([unapproved], [], MON + D).review).toEqual([{ start: MON + 2 * H, end: MON + 5 * H, ai: false }]);
    expect(stageSpans([unapproved], [], MON + D).merge).toEqual([]);
  });

  it('reads git alone as coding T0 → last commit and review & merge wait last commit → merge', () => {
    const c = change({ firstCommitAt: MON, lastCommitAt: MON + 2 * H, mergedAt: MON + 7 * H }, { coding: 2 * H, review: 5 * H });
    const spans = stageSpans([c], [], MON + D);
    expect(spans.coding).toEqual([{ start: MON, end: MON + 2 * H, ai: false }]);
    expect(spans.review).toEqual([{ start: MON + 2 * H, end: MON + 7 * H, ai: false }]);
    // not deployed: in the deploy queue until it is
    expect(spans.deploy).toEqual([{ start: MON + 7 * H, end: null, ai: false }]);
  });

  it('puts a stage the figures leave null in no queue, and a direct push\'s coding ends at the merge', () => {
    // a squash whose commits are unseen: no first commit, no coding
    const unseen = change({ mergedAt: MON + H }, { coding: null, review: null });
    expect(stageSpans([unseen], [], MON + D).coding).toEqual([]);
    expect(stageSpans([unseen], [], MON + D).review).toEqual([]);
    const direct = change({ firstCommitAt: MON, lastCommitAt: MON, mergedAt: MON + H }, { coding: H });
    expect(stageSpans([direct], [], MON + D).coding).toEqual([{ start: MON, end: MON + H, ai: false }]);
    expect(stageSpans([direct], [], MON + D).review).toEqual([]);
  });

  it('ends a skewed span where it starts, and treats what happens after now as not yet happened', () => {
    const skewed = change({ firstCommitAt: MON + 2 * H, lastCommitAt: MON + H, mergedAt: MON + 3 * H, deployedAt: MON + 9 * D }, { coding: 0, review: H, deploy: 9 * D - 3 * H });
    const spans = stageSpans([skewed], [], MON + D);
    expect(spans.coding).toEqual([{ start: MON + 2 * H, end: MON + 2 * H, ai: false }]);
    expect(spans.deploy).toEqual([{ start: MON + 3 * H, end: null, ai: false }]);
    // merged after now: not counted at all
    expect(stageSpans([skewed], [], MON + 2 * H).coding).toEqual([]);
  });

  it('places open pull requests in pickup, review or merge wait from their events, and drafts nowhere', () => {
    const events = (readyAt: number | null, firstReviewAt: number | null, approvedAt: number | null) => ({ readyAt, firstReviewAt, approvedAt, reviewedAt: [] });
    const pulls = [
      open({ events: events(MON, null, null) }),
      open({ events: events(MON, MON + H, null) }),
      open({ events: events(MON, MON + H, MON + 2 * H) }),
      open({ isDraft: true, events: events(null, null, null) }),
      // written before open pulls carried their events: ready when opened, no review seen
      open({ createdAt: MON + 5 * H }),
    ];
    const spans = stageSpans([], pulls, MON + D);
    expect(spans.pickup).toEqual([
      { start: MON, end: null, ai: null },
      { start: MON, end: MON + H, ai: null },
      { start: MON, end: MON + H, ai: null },
      { start: MON + 5 * H, end: null, ai: null },
    ]);
    expect(spans.review).toEqual([{ start: MON + H, end: null, ai: null }, { start: MON + H, end: MON + 2 * H, ai: null }]);
    expect(spans.merge).toEqual([{ start: MON + 2 * H, end: null, ai: null }]);
    expect(spans.coding).toEqual([]);
  });

  it('says whether a change merged outside the window was in its queues', () => {
    const waiting = change({ firstCommitAt: MON - 9 * D, lastCommitAt: MON - 9 * D, mergedAt: MON - 8 * D, deployedAt: MON + D }, { coding: 0, review: D, deploy: 9 * D });
    const shipped = change({ firstCommitAt: MON - 9 * D, lastCommitAt: MON - 9 * D, mergedAt: MON - 8 * D, deployedAt: MON - D }, { coding: 0, review: D, deploy: 7 * D });
    expect(inWindowQueues(waiting, MON, MON + 7 * D, MON + 30 * D)).toBe(true);
    expect(inWindowQueues(shipped, MON, MON + 7 * D, MON + 30 * D)).toBe(false);
  });
});

describe('weekly queues', () => {
  const reviewWait = (last: number, merged: number): Change => change({ firstCommitAt: last, lastCommitAt: last, mergedAt: merged, deployedAt: merged }, { coding: 0, review: merged - last, deploy: 0 });

  it('counts partial first and last weeks over the window only, the queue carried from before it', () => {
    // window Wed 03-04 → Wed 03-18; weeks start Mon 03-02, 03-09, 03-16
    const since = MON + 2 * D;
    const until = MON + 16 * D;
    const changes = [
      reviewWait(MON, MON + 3 * D), // waiting at the window's start, leaves in week 1
      reviewWait(MON + D, MON + 20 * D), // waiting at the start, still at the end
      reviewWait(MON + 3 * D, MON + 8 * D), // arrives week 1, leaves week 2
      reviewWait(MON + 8 * D, MON + 10 * D), // arrives and leaves in week 2
      reviewWait(MON + 15 * D, MON + 17 * D), // arrives week 3 (in the window), leaves after it
      reviewWait(MON + 17 * D, MON + 18 * D), // after the window: not counted
    ];
    const { queues, queueTrend } = computeQueues({ changes, openPulls: [], since, until, now: MON + 30 * D, stages: ['review'], timezone: 'UTC' });
    expect(queues.review).toEqual([
      { weekStart: '2026-03-02T00:00:00Z', arrivals: 1, departures: 1, queue: 2, aiShare: null },
      { weekStart: '2026-03-09T00:00:00Z', arrivals: 1, departures: 2, queue: 1, aiShare: null },
      { weekStart: '2026-03-16T00:00:00Z', arrivals: 1, departures: 0, queue: 2, aiShare: null },
    ]);
    // 3 arrivals and 3 departures in 2 weeks; the queue 2 at the start and 2 at the end: no growth
    expect(queueTrend.review).toMatchObject({ arrivalsPerWeek: 1.5, departuresPerWeek: 1.5, growthPerWeek: 0, arrivals: 3, departures: 3, queueStart: 2, queueEnd: 2 });
    expect(Object.keys(queues)).toEqual(['review']);
  });

  it('gives the AI share of the week\'s arriving changes, and none when no change carries a marker', () => {
    const ai = (t: number): Change => ({ ...reviewWait(t, t + H), aiEvidence: ['Co-authored-by: Claude'] });
    const { queues: weeks, queueTrend } = computeQueues({ changes: [ai(MON), reviewWait(MON + D, MON + 2 * D), reviewWait(MON + 2 * D, MON + 3 * D)], openPulls: [open({ createdAt: MON + H })], since: MON, until: MON + 14 * D, now: MON + 14 * D, stages: ['review', 'pickup'], timezone: 'UTC' });
    expect(weeks.review?.map((w) => w.aiShare)).toEqual([1 / 3, null]);
    // the window's share: the second week, with no arrival, has none and weighs nothing
    expect(queueTrend.review?.aiShare).toBe(1 / 3);
    expect(queueTrend.pickup?.aiShare).toBeNull();
    // the open pull request arrives in pickup but its AI status is unknown: no share, not 0%
    expect(weeks.pickup?.map((w) => [w.arrivals, w.aiShare])).toEqual([[1, null], [0, null]]);
    const plain = computeQueues({ changes: [reviewWait(MON, MON + H)], openPulls: [], since: MON, until: MON + 7 * D, now: MON + 7 * D, stages: ['review'], timezone: 'UTC' });
    expect(plain.queues.review?.[0]?.aiShare).toBeNull();
    expect(plain.queueTrend.review?.aiShare).toBeNull();
  });

  it('gives the window\'s AI share over every arrival, not the mean of the weeks\' shares nor the first and last week\'s', () => {
    const ai = (t: number): Change => ({ ...reviewWait(t, t + H), aiEvidence: ['Co-authored-by: Claude'] });
    // week 1: its one arrival AI-assisted (100%); week 2: none of three (0%); week 3: one of two (50%)
    const changes = [ai(MON), reviewWait(MON + 7 * D, MON + 8 * D), reviewWait(MON + 8 * D, MON + 9 * D), reviewWait(MON + 9 * D, MON + 10 * D), ai(MON + 14 * D), reviewWait(MON + 15 * D, MON + 16 * D)];
    const { queues, queueTrend } = computeQueues({ changes, openPulls: [], since: MON, until: MON + 21 * D, now: MON + 21 * D, stages: ['review'], timezone: 'UTC' });
    expect(queues.review?.map((w) => w.aiShare)).toEqual([1, 0, 1 / 2]);
    // 2 of 6 arrivals: the weeks' mean would be 50%, the first and last 100% and 50%
    expect(queueTrend.review?.aiShare).toBe(2 / 6);
  });

  it('starts weeks on Monday midnight in the time zone, across a daylight saving change', () => {
    // Europe/Berlin: 03-02 is UTC+1, summer time starts 03-29, so Monday 03-30 00:00 is 03-29 22:00 UTC
    const bounds = weekBoundaries(Date.parse('2026-03-18T12:00:00Z') / 1000, Date.parse('2026-04-01T00:00:00Z') / 1000, 'Europe/Berlin').map(iso);
    expect(bounds).toEqual(['2026-03-15T23:00:00Z', '2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z', '2026-04-05T22:00:00Z']);
    // a change arriving Sunday 23:30 UTC is already Monday in Berlin: next week's
    const late = reviewWait(Date.parse('2026-03-22T23:30:00Z') / 1000, Date.parse('2026-03-23T10:00:00Z') / 1000);
    const byZone = (timezone: string) => computeQueues({ changes: [late], openPulls: [], since: MON, until: MON + 21 * D, now: MON + 30 * D, stages: ['review'], timezone }).queues.review?.map((w) => w.arrivals);
    expect(byZone('UTC')).toEqual([0, 0, 1]);
    expect(byZone('Europe/Berlin')).toEqual([0, 0, 0, 1]);
  });

  it('finds the week of a time across a daylight saving change, and the first or last week outside them', () => {
    const at = (t: string): number => Date.parse(t) / 1000;
    // Europe/Berlin's Mondays around the change of 2026-03-29 (the test above): weeks of 7 days, 7 days less an hour, 7 days
    const bounds = [at('2026-03-15T23:00:00Z'), at('2026-03-22T23:00:00Z'), at('2026-03-29T22:00:00Z'), at('2026-04-05T22:00:00Z'), at('2026-04-12T22:00:00Z')];
    const weekOf = (t: string): number => weekIndex(bounds, at(t));
    expect(weekOf('2026-03-15T23:00:00Z')).toBe(0);
    expect(weekOf('2026-03-22T22:59:59Z')).toBe(0);
    expect(weekOf('2026-03-22T23:00:00Z')).toBe(1);
    // 6 days 23.5 hours after the first Monday, but the third week has begun: Monday 00:30 in Berlin
    expect(weekOf('2026-03-29T22:30:00Z')).toBe(2);
    expect(weekOf('2026-03-29T21:59:59Z')).toBe(1);
    expect(weekOf('2026-04-12T21:59:59Z')).toBe(3);
    // summer time ends 2026-10-25: that week is an hour longer, and 7 days 30 minutes after its Monday is still in it
    const autumn = [at('2026-10-18T22:00:00Z'), at('2026-10-25T23:00:00Z'), at('2026-11-01T23:00:00Z')];
    expect(weekIndex(autumn, at('2026-10-25T22:30:00Z'))).toBe(0);
    expect(weekIndex(autumn, at('2026-10-25T23:00:00Z'))).toBe(1);
    // outside the weeks: the first before them, the last after them, as a search would say
    expect(weekOf('2026-03-01T00:00:00Z')).toBe(0);
    expect(weekOf('2026-05-01T00:00:00Z')).toBe(3);
    expect(weekIndex(bounds, Number.NaN)).toBe(0);
    expect(weekIndex([at('2026-03-15T23:00:00Z'), at('2026-03-22T23:00:00Z')], at('2026-03-20T00:00:00Z'))).toBe(0);
  });

  it('starts UTC weeks on Monday midnight, from any day of the week, before 1970 too', () => {
    const weeks = (since: string, until: string): string[] => weekBoundaries(Date.parse(since) / 1000, Date.parse(until) / 1000, 'UTC').map(iso);
    // a Sunday's last second is still the week that began on Monday 03-02
    expect(weeks('2026-03-08T23:59:59Z', '2026-03-10T00:00:00Z')).toEqual(['2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z']);
    // Monday midnight starts its own week; the window ending on the next Monday midnight is one week
    expect(weeks('2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z')).toEqual(['2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z']);
    // 1969-12-31 was a Wednesday
    expect(weeks('1969-12-31T12:00:00Z', '1970-01-02T00:00:00Z')).toEqual(['1969-12-29T00:00:00Z', '1970-01-05T00:00:00Z']);
    // 2000-01-01 was a Saturday and 2026-11-02 a Monday, 1,401 weeks after 1999-12-27: 1,402 weeks cover the
    // window, the last starting on 2026-11-02, then the Monday after it
    const long = weeks('2000-01-01T00:00:00Z', '2026-11-02T00:00:01Z');
    expect([long[0], long.length, long.at(-2), long.at(-1)]).toEqual(['1999-12-27T00:00:00Z', 1403, '2026-11-02T00:00:00Z', '2026-11-09T00:00:00Z']);
  });

  it('reports nothing for an empty window', () => {
    expect(computeQueues({ changes: [], openPulls: [], since: MON, until: MON, now: MON, stages: ['review'], timezone: 'UTC' })).toEqual({ queues: {}, queueTrend: {} });
  });

  it('gives the queue\'s growth as net flow: (end − start) ÷ weeks, arrivals − departures a week, whatever the weeks between', () => {
    // five whole weeks from Monday: ten changes arrive in week 1, two leave in each of weeks 2, 3 and 4, four wait
    // past the end. The queue is 10, 8, 6, 4, 4: a least-squares line through it falls (−1.6 a week), but the
    // queue went from 0 to 4 — it grew by 0.8 a week, 2 arriving and 1.2 leaving.
    const arriving = Array.from({ length: 10 }, (_, i) => MON + i * H);
    const leaving = [9, 10, 16, 17, 23, 24].map((d) => MON + d * D);
    const changes = arriving.map((at, i) => reviewWait(at, leaving[i] ?? MON + 36 * D + i * H));
    const { queues, queueTrend } = computeQueues({ changes, openPulls: [], since: MON, until: MON + 35 * D, now: MON + 40 * D, stages: ['review'], timezone: 'UTC' });
    expect(queues.review?.map((w) => w.queue)).toEqual([10, 8, 6, 4, 4]);
    expect(queueTrend.review).toMatchObject({ arrivals: 10, departures: 6, queueStart: 0, queueEnd: 4, arrivalsPerWeek: 2, departuresPerWeek: 1.2 });
    expect(queueTrend.review?.growthPerWeek).toBeCloseTo(0.8, 12);
  });

  it('gives no rate from under one whole week of covered history, only the counts and the days', () => {
    // five days of window: three arrivals and one departure are counts, not "4.2 a week"
    const changes = [reviewWait(MON, MON + D), reviewWait(MON + D, MON + 9 * D), reviewWait(MON + 2 * D, MON + 9 * D)];
    const short = computeQueues({ changes, openPulls: [], since: MON, until: MON + 5 * D, now: MON + 10 * D, stages: ['review'], timezone: 'UTC' }).queueTrend.review;
    expect(short).toMatchObject({ arrivals: 3, departures: 1, queueStart: 0, queueEnd: 2, arrivalsPerWeek: null, departuresPerWeek: null, growthPerWeek: null, littleQueue: null });
    // a window of four weeks whose history starts two weeks in: the rates are over those two weeks
    const late = [reviewWait(MON + 15 * D, MON + 16 * D), reviewWait(MON + 16 * D, MON + 17 * D), reviewWait(MON + 20 * D, MON + 30 * D)];
    const covered = computeQueues({ changes: late, openPulls: [], since: MON, until: MON + 28 * D, now: MON + 35 * D, historyFrom: MON + 14 * D, stages: ['review'], timezone: 'UTC' }).queueTrend.review;
    expect(covered).toMatchObject({ arrivals: 3, departures: 2, arrivalsPerWeek: 1.5, departuresPerWeek: 1, growthPerWeek: 0.5 });
    // and as far as now, for a window that runs past it: 10 days of 14, still over a week
    const soFar = computeQueues({ changes, openPulls: [], since: MON, until: MON + 14 * D, now: MON + 10 * D, stages: ['review'], timezone: 'UTC' }).queueTrend.review;
    expect(soFar).toMatchObject({ arrivals: 3, departures: 3, arrivalsPerWeek: 2.1 });
  });
});

describe('reviewer capacity', () => {
  it('counts reviews done and pull requests becoming ready each week, open ones too', () => {
    const review = (reviewedAt: number[]) => ({ reviewers: [], reviewedAt, firstReviewer: null, comments: 0, commitsAfterFirstReview: 0, forcePushesAfterFirstReview: 0, changesRequested: false, checks: null });
    const changes = [
      change({ readyAt: MON + H, mergedAt: MON + 9 * D, review: review([MON + 2 * H, MON + 8 * D, MON + 20 * D]) }, {}),
      change({ readyAt: MON - D, mergedAt: MON + D, review: review([MON - H, MON + 3 * H]) }, {}),
    ];
    const pulls = [
      open({ events: { readyAt: MON + 8 * D, firstReviewAt: MON + 9 * D, approvedAt: null, reviewedAt: [MON + 9 * D, MON + 10 * D] } }),
      open({ isDraft: true, events: { readyAt: null, firstReviewAt: null, approvedAt: null, reviewedAt: [] } }),
    ];
    expect(reviewCapacity(changes, pulls, { since: MON, until: MON + 14 * D, now: MON + 30 * D, timezone: 'UTC' })).toEqual([
      // ready: the first change; reviews at +2h and +3h (the one before the window is left out)
      { weekStart: '2026-03-02T00:00:00Z', reviews: 2, readyPulls: 1 },
      // ready: the open pull request; reviews: +8d, and the open one's two
      { weekStart: '2026-03-09T00:00:00Z', reviews: 3, readyPulls: 1 },
    ]);
  });
});

describe('review capacity over the window', () => {
  const week = (weekStart: string, reviews: number, readyPulls: number) => ({ weekStart, reviews, readyPulls });
  // a fortnight from a Wednesday: three weeks touched, the first and last partial
  const weeks = [week('2026-03-02T00:00:00Z', 1, 1), week('2026-03-09T00:00:00Z', 4, 2), week('2026-03-16T00:00:00Z', 1, 0)];
  const since = MON + 2 * D;

  it('gives every week\'s reviews and ready pull requests over the weeks covered, not over the weeks touched', () => {
    // 6 reviews and 3 ready in 14 days: 3 and 1.5 a week (over the 3 weeks touched: 2 and 1)
    expect(reviewCapacityRates(weeks, { since, until: since + 14 * D, now: since + 30 * D })).toEqual({ reviewsPerWeek: 3, readyPullsPerWeek: 1.5 });
  });

  it('covers the window up to now, from the history\'s first commit, and gives no rate under one whole week', () => {
    // now 7 days in: 6 reviews a week
    expect(reviewCapacityRates(weeks, { since, until: since + 14 * D, now: since + 7 * D })).toEqual({ reviewsPerWeek: 6, readyPullsPerWeek: 3 });
    // history from 7 days in, until the window's end: 6 a week too
    expect(reviewCapacityRates(weeks, { since, until: since + 14 * D, historyFrom: since + 7 * D, now: since + 30 * D })).toEqual({ reviewsPerWeek: 6, readyPullsPerWeek: 3 });
    expect(reviewCapacityRates(weeks, { since, until: since + 6 * D, now: since + 30 * D })).toEqual({ reviewsPerWeek: null, readyPullsPerWeek: null });
  });
});
