import { describe, expect, it } from 'vitest';
import type { ChangeReview, OpenPull } from '../../src/domain.js';
import { computeAiLoad } from '../../src/metrics/ai-load.js';
import { emptyStages } from '../../src/model/stages.js';
import { change, h } from '../model/data.js';

const H = 3600;
/** the window the reviews are counted in per reviewer-day */
const WINDOW = { since: h(0), until: h(1000), timezone: 'UTC' };
const AI = ['Co-Authored-By: Claude <noreply@anthropic.com>'];
const REVIEWED: ChangeReview = { reviewers: [{ login: 'bob', reviews: 1 }], reviewedAt: [h(1)], firstReviewer: 'bob', comments: 0, commitsAfterFirstReview: 0, forcePushesAfterFirstReview: 0, changesRequested: false, checks: null };
/** a merged change of `lines` changed lines whose review stage took `hours` */
const reviewed = (id: string, lines: number, hours: number | null, ai = false, review: ChangeReview | null = REVIEWED) =>
  change(id, { size: { additions: lines, deletions: 0, files: 1 }, stages: { ...emptyStages(), review: hours === null ? null : hours * H }, review, aiEvidence: ai ? AI : [] });
const open = (n: number, hoursOld: number, o: Partial<OpenPull> = {}): OpenPull => ({ number: n, title: `#${n}`, url: null, author: 'ada', bot: false, createdAt: h(100 - hoursOld), isDraft: false, ...o });

/*
 * By hand: AI-assisted a1 600 lines in 2h (300/h), a2 100 in 1h (100/h), a3 500 in 10h (50/h) → p50 100/h, 2 of
 * them large; a4 not reviewed by a person (no reviewers) and a5 with no review stage are in no rate. Other: o1 40 in
 * 2h (20/h), o2 10 in 1h (10/h) → p50 15/h. Open at hour 100: AI #1 (10h old), #2 draft; other #3 (30h), #4 (50h),
 * a bot's #5 left out → AI 1 open (p50 10h), 1 draft; other 2 open (p50 40h).
 */
describe('review load and work in progress, AI-assisted against the rest', () => {
  const changes = [
    reviewed('a1', 600, 2, true), reviewed('a2', 100, 1, true), reviewed('a3', 500, 10, true),
    reviewed('a4', 300, 1, true, { ...REVIEWED, reviewers: [] }), reviewed('a5', 300, null, true),
    reviewed('o1', 40, 2), reviewed('o2', 10, 1),
  ];
  const openPulls = [open(1, 10, { aiEvidence: AI }), open(2, 5, { aiEvidence: AI, isDraft: true }), open(3, 30), open(4, 50), open(5, 70, { bot: true })];
  const load = computeAiLoad({ changes, openPulls, now: h(100), ...WINDOW });

  it('counts lines per review hour over the changes a person reviewed, and the large ones', () => {
    expect(load.ai).toMatchObject({ reviewed: 3, largeReviewed: 2, linesPerReviewHourP50: 100 });
    expect(load.other).toMatchObject({ reviewed: 2, largeReviewed: 0, linesPerReviewHourP50: 15 });
    expect(load.linesPerReviewHourDifference.value).toBe(85);
    // three and two reviewed changes: too few to call it real, whatever the interval
    expect(load.linesPerReviewHourDifference.real).toBe(false);
  });

  it('counts each group\'s open pull requests at the end, drafts apart, bots left out', () => {
    expect(load.ai).toMatchObject({ open: 1, drafts: 1, openP50Age: 10 * H });
    expect(load.other).toMatchObject({ open: 2, drafts: 0, openP50Age: 40 * H });
  });

  it('calls the difference real with ten or more in each group and an interval that leaves out 0', () => {
    const many = [...Array.from({ length: 12 }, (_, i) => reviewed(`a${i}`, 400 + i, 1, true)), ...Array.from({ length: 12 }, (_, i) => reviewed(`o${i}`, 40 + i, 1))];
    const real = computeAiLoad({ changes: many, openPulls: [], now: h(100), ...WINDOW });
    expect(real.linesPerReviewHourDifference.real).toBe(true);
    expect(real.ai).toMatchObject({ open: 0, openP50Age: null, largeReviewed: 11 });
  });
});
