import { describe, expect, it } from 'vitest';
import type { ChangeReview } from '../../src/domain.js';
import { largeAiPerReviewerDay } from '../../src/metrics/ai-reviewer-days.js';
import { change, h } from '../model/data.js';

const AI = ['Co-Authored-By: Claude <noreply@anthropic.com>'];
/** hour `hour` (UTC) of March `day`, 2026 */
const mar = (day: number, hour: number): number => h(24 * (day - 1) + hour);
/** a merged change of `lines` changed lines reviewed by each `[login, time]` */
const reviewed = (id: string, lines: number, ai: boolean, reviews: Array<[string, number]>, keepLogins = true) => {
  const sorted = [...reviews].sort((a, b) => a[1] - b[1]);
  const review: ChangeReview = {
    reviewers: [], reviewedAt: sorted.map(([, at]) => at), firstReviewer: null, comments: 0, commitsAfterFirstReview: 0, forcePushesAfterFirstReview: 0, changesRequested: false, checks: null,
    ...(keepLogins && { reviewedBy: sorted.map(([login]) => login) }),
  };
  return change(id, { size: { additions: lines, deletions: 0, files: 1 }, review, aiEvidence: ai ? AI : [] });
};

/*
 * By hand, the window March 2026 in UTC:
 *   L1, L2, L3 AI-assisted, 500 lines: rae reviews each on March 10 (09:00, 13:00, 16:00; L1 twice, 10:00 too), sam L1 at 23:30
 *   L4 AI-assisted, 500 lines: rae at March 11 00:30
 *   S1 AI-assisted, 400 lines (not over 400: not large): rae on March 12
 *   O1 900 lines, no AI: sam on March 13
 *   P1 AI-assisted, 500 lines: sam on February 28 and ana on April 1 (both outside the window: no day)
 *   Q1 AI-assisted, 500 lines, reviewed by ana on March 20 in a report made before the logins were kept: no day
 * Reviewer-days: rae 03-10 → 3, sam 03-10 → 1, rae 03-11 → 1, rae 03-12 → 0, sam 03-13 → 0: sorted 0 0 1 1 3, p90
 * (type 7) at rank 3.6 → 1 + 0.6 × 2 = 2.2; the worst rae's 3 on 2026-03-10.
 * In New York (UTC−4 from March 8) L4's 00:30 is March 10 20:30 and sam's 23:30 is 19:30: rae 03-10 → 4, sam 03-10
 * → 1, rae 03-12 → 0, sam 03-13 → 0: sorted 0 0 1 4, p90 at rank 2.7 → 1 + 0.7 × 3 = 3.1.
 */
const changes = [
  reviewed('L1', 500, true, [['rae', mar(10, 9)], ['rae', mar(10, 10)], ['sam', mar(10, 23.5)]]),
  reviewed('L2', 500, true, [['rae', mar(10, 13)]]),
  reviewed('L3', 500, true, [['rae', mar(10, 16)]]),
  reviewed('L4', 500, true, [['rae', mar(11, 0.5)]]),
  reviewed('S1', 400, true, [['rae', mar(12, 9)]]),
  reviewed('O1', 900, false, [['sam', mar(13, 9)]]),
  reviewed('P1', 500, true, [['sam', mar(0, 9)], ['ana', mar(32, 9)]]),
  reviewed('Q1', 500, true, [['ana', mar(20, 9)]], false),
];
const window = { since: mar(1, 0), until: mar(32, 0) };

describe('large AI-assisted pull requests per reviewer-day', () => {
  it('counts each reviewer\'s distinct large AI-assisted pull requests per day of the window, its p90 and the worst day', () => {
    const days = largeAiPerReviewerDay({ changes, ...window, timezone: 'UTC' });
    expect(days).toMatchObject({ reviewerDays: 5, worst: 3, worstDate: '2026-03-10', worstReviewer: 'rae' });
    expect(days.p90).toBeCloseTo(2.2, 10);
  });

  it('splits days in the report\'s time zone', () => {
    const days = largeAiPerReviewerDay({ changes, ...window, timezone: 'America/New_York' });
    expect(days).toMatchObject({ reviewerDays: 4, worst: 4, worstDate: '2026-03-10', worstReviewer: 'rae' });
    expect(days.p90).toBeCloseTo(3.1, 10);
  });

  it('counts as large what the large-changes rule does: over 400 changed lines, AI-assisted', () => {
    const at = (lines: number, ai = true) => largeAiPerReviewerDay({ changes: [reviewed('X', lines, ai, [['rae', mar(5, 9)]])], ...window, timezone: 'UTC' });
    expect([at(400).worst, at(401).worst, at(401, false).worst]).toEqual([0, 1, 0]);
    expect(at(400)).toMatchObject({ reviewerDays: 1, p90: 0, worstDate: null, worstReviewer: null });
  });

  it('names the earliest day, then the first login, among equally bad days; none when nothing was reviewed', () => {
    const tied = [reviewed('A', 500, true, [['zed', mar(5, 9)]]), reviewed('B', 500, true, [['amy', mar(6, 9)]]), reviewed('C', 500, true, [['bea', mar(5, 9)]])];
    expect(largeAiPerReviewerDay({ changes: tied, ...window, timezone: 'UTC' })).toEqual({ reviewerDays: 3, p90: 1, worst: 1, worstDate: '2026-03-05', worstReviewer: 'bea' });
    expect(largeAiPerReviewerDay({ changes: [], ...window, timezone: 'UTC' })).toEqual({ reviewerDays: 0, p90: null, worst: 0, worstDate: null, worstReviewer: null });
  });
});
