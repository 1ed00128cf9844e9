import { describe, expect, it } from 'vitest';
import { digestReport, unpackDeploys } from '../../src/aggregate/digest.js';
import { shaAt, type PackedChanges } from '../../src/aggregate/packed/columns.js';
import { ChangeRows } from '../../src/aggregate/packed/rows.js';
import type { MeasuredChange } from '../../src/domain.js';
import { change, deploy, H, report } from './report-builder.js';

const T = Date.parse('2026-01-10T00:00:00Z') / 1000;
const review = {
  reviewers: [{ login: 'bo', reviews: 2 }],
  reviewedAt: [T - 16 * H, T - 5 * H],
  firstReviewer: 'bo',
  comments: 3,
  commitsAfterFirstReview: 1,
  forcePushesAfterFirstReview: 0,
  changesRequested: true,
  checks: { wallTime: 600, lastCompletedAt: T - 60, names: ['build', 'test'], flaky: ['test'] },
};
const reviewed = change({
  id: '#7', title: 'Fix | <b>', url: 'https://github.com/acme/one/pull/7', author: 'ada', kind: 'squash', additions: 10, deletions: 2, files: 1, sha: 'a'.repeat(40),
  firstCommitAt: '2026-01-09T00:00:00Z', lastCommitAt: '2026-01-09T05:00:00Z', readyAt: '2026-01-09T06:00:00Z', firstReviewAt: '2026-01-09T08:00:00Z', approvedAt: '2026-01-09T20:00:00Z',
  mergedAt: '2026-01-10T00:00:00Z', deployedAt: '2026-01-10T01:30:00Z', deployRef: 'v1.0.0',
  stages: { coding: 6 * H, pickup: 2 * H, review: 12 * H, merge: 4 * H, deploy: 1.5 * H }, cycleTime: 24 * H, leadTime: 25.5 * H,
  flags: ['large'], aiEvidence: ['Made-with: Cursor'], revertedBy: 'abc123', review,
});
// not deployed by the end of the window: another window of the repository may have it in its queues
const bare = change({ id: 'c0ffee1', kind: 'direct', bot: true, number: null, sha: 'b'.repeat(40), firstCommitAt: null, mergedAt: '2026-01-11T00:00:00Z', cycleTime: null, leadTime: null });
const queued = change({ id: '#9', sha: 'c'.repeat(40), firstCommitAt: '2026-01-25T00:00:00Z', mergedAt: '2026-02-02T00:00:00Z', cycleTime: 8 * 24 * H, stages: { coding: 8 * 24 * H } });
const source = report({
  window: { since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z', historyFrom: '2026-01-05T00:00:00Z' },
  changes: [reviewed, bare],
  queueOnlyChanges: [queued],
  deploys: [deploy({ ref: 'v1.0.0', at: '2026-01-10T01:30:00Z', failed: true, rework: true, restoredAfter: 2 * H }), deploy({ ref: 'v1.0.1', at: '2026-01-12T00:00:00Z' })],
  openPulls: [
    { number: 9, title: 'wip', url: null, author: 'ada', bot: false, createdAt: '2026-01-20T00:00:00Z', isDraft: false, events: { readyAt: '2026-01-21T00:00:00Z', firstReviewAt: null, approvedAt: null, reviewedAt: ['2026-01-22T00:00:00Z'] } },
  ],
});

/** Every field a metric reads of a change, read once into a plain object (a packed change reads them where they are held). */
function plain(c: MeasuredChange): MeasuredChange {
  const { review, stages, size } = c;
  return {
    id: c.id, title: c.title, url: c.url, author: c.author, kind: c.kind, bot: c.bot,
    firstCommitAt: c.firstCommitAt, lastCommitAt: c.lastCommitAt, readyAt: c.readyAt, firstReviewAt: c.firstReviewAt, approvedAt: c.approvedAt, mergedAt: c.mergedAt, deployedAt: c.deployedAt, deployRef: c.deployRef,
    stages: { coding: stages.coding, pickup: stages.pickup, review: stages.review, merge: stages.merge, deploy: stages.deploy }, cycleTime: c.cycleTime, leadTime: c.leadTime,
    size: size && { ...size }, flags: c.flags, aiEvidence: c.aiEvidence, revertedBy: c.revertedBy,
    review: review && {
      reviewers: review.reviewers, reviewedAt: review.reviewedAt, firstReviewer: review.firstReviewer, comments: review.comments,
      commitsAfterFirstReview: review.commitsAfterFirstReview, forcePushesAfterFirstReview: review.forcePushesAfterFirstReview, changesRequested: review.changesRequested,
      checks: review.checks && { ...review.checks },
    },
    repository: c.repository,
  } as MeasuredChange;
}

/** A report's changes as an aggregate reads them, in the order of their merges. */
const listed = (packed: PackedChanges, repository: string): MeasuredChange[] => {
  const rows = new ChangeRows();
  return rows.merged([{ held: rows.hold(packed), repository }]);
};

const unpack = (packed: PackedChanges, repository: string) => ({
  changes: listed(packed, repository).map(plain),
  shas: Array.from({ length: packed.count }, (_, i) => shaAt(packed, i)),
});

describe('a report digest, as a worker thread sends it', () => {
  // the copy a thread receives: what is not copied whole would be lost here
  const digest = structuredClone(digestReport(source));
  const unpacked = { changes: unpack(digest.changes, 'acme/one'), queueOnly: unpack(digest.queueOnly, 'acme/one'), ...unpackDeploys(digest, 'acme/one') };

  it('gives back every figure a metric reads, times as epoch seconds, nulls as nulls', () => {
    expect(unpacked.changes.changes[0]).toEqual({
      id: '#7', title: 'Fix | <b>', url: 'https://github.com/acme/one/pull/7', author: 'ada', kind: 'squash', bot: false,
      firstCommitAt: T - 24 * H, lastCommitAt: T - 19 * H, readyAt: T - 18 * H, firstReviewAt: T - 16 * H, approvedAt: T - 4 * H, mergedAt: T, deployedAt: T + 1.5 * H, deployRef: 'v1.0.0',
      stages: { coding: 6 * H, pickup: 2 * H, review: 12 * H, merge: 4 * H, deploy: 1.5 * H }, cycleTime: 24 * H, leadTime: 25.5 * H,
      size: { additions: 10, deletions: 2, files: 1 }, flags: ['large'], aiEvidence: ['Made-with: Cursor'], revertedBy: 'abc123', review, repository: 'acme/one',
    });
    expect(unpacked.changes.changes[1]).toMatchObject({ id: 'c0ffee1', kind: 'direct', bot: true, firstCommitAt: null, lastCommitAt: null, readyAt: null, cycleTime: null, leadTime: null, size: null, review: null, flags: [], revertedBy: null, url: null, deployRef: null });
  });

  it('keeps the sha only of a change another window may list again: not deployed by the window\'s end, or begun before it', () => {
    // #7 began and shipped inside Jan 1–29; c0ffee1 was never deployed
    expect(unpacked.changes.shas).toEqual([null, 'b'.repeat(40)]);
  });

  it('tells a change crossing the window by its times in any form a report may hold', () => {
    const times = report({
      changes: [
        // deployed at the window's end, which is outside it
        change({ sha: 'd'.repeat(40), mergedAt: '2026-01-10T00:00:00Z', firstCommitAt: '2026-01-09T00:00:00Z', deployedAt: '2026-01-29T00:00:00Z' }),
        // a second before the end, with a fraction: inside
        change({ sha: 'e'.repeat(40), mergedAt: '2026-01-10T00:00:00Z', firstCommitAt: '2026-01-09T00:00:00Z', deployedAt: '2026-01-28T23:59:59.500Z' }),
        // begun at 01:00 on the first day in UTC+2, 23:00 the day before in UTC: before the window
        change({ sha: 'f'.repeat(40), mergedAt: '2026-01-10T00:00:00Z', firstCommitAt: '2026-01-01T01:00:00+02:00', deployedAt: '2026-01-11T00:00:00Z' }),
        // begun at the window's start: inside
        change({ sha: '0'.repeat(40), mergedAt: '2026-01-10T00:00:00Z', firstCommitAt: '2026-01-01T00:00:00Z', deployedAt: '2026-01-11T00:00:00Z' }),
      ],
    });
    const packed = digestReport(times).changes;
    expect(Array.from({ length: packed.count }, (_, i) => shaAt(packed, i))).toEqual(['d'.repeat(40), null, 'f'.repeat(40), null]);
  });

  it('gives back the queue-only changes, each with its sha', () => {
    expect(unpacked.queueOnly.changes).toHaveLength(1);
    expect(unpacked.queueOnly.changes[0]).toMatchObject({ id: '#9', mergedAt: Date.parse('2026-02-02T00:00:00Z') / 1000, stages: { coding: 8 * 24 * H } });
    expect(unpacked.queueOnly.shas).toEqual(['c'.repeat(40)]);
  });

  it('keeps the facts the combined window is made of', () => {
    expect(digest.facts.window).toEqual({ since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z', historyFrom: '2026-01-05T00:00:00Z' });
    expect(digest.facts.policy).toMatchObject({ revertWindow: 14 * 86400, includePrereleases: false });
    expect(digest.facts.timezone).toBe('UTC');
  });

  it('gives back the deploys and open pull requests with their review events, each naming its repository', () => {
    expect(unpacked.deploys).toEqual([
      { at: T + 1.5 * H, failed: true, rollback: false, rework: true, restoredAfter: 2 * H, ref: 'v1.0.0', repository: 'acme/one' },
      { at: T + 48 * H, failed: false, rollback: false, rework: false, restoredAfter: null, ref: 'v1.0.1', repository: 'acme/one' },
    ]);
    expect(unpacked.openPulls).toEqual([
      { number: 9, title: 'wip', url: null, author: 'ada', bot: false, createdAt: T + 10 * 24 * H, isDraft: false, events: { readyAt: T + 11 * 24 * H, firstReviewAt: null, approvedAt: null, reviewedAt: [T + 12 * 24 * H] }, repository: 'acme/one' },
    ]);
  });

  it('keeps a list that repeats across changes once', () => {
    const twice = report({ changes: [change({ flags: ['a', 'b'] }), change({ flags: ['a', 'b'] })] });
    const [a, b] = listed(digestReport(twice).changes, 'r');
    expect(a?.flags).toBe(b?.flags);
    expect(a?.flags).toEqual(['a', 'b']);
  });
});
