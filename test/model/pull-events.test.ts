import { describe, expect, it } from 'vitest';
import { pullEvents } from '../../src/model/pull-events.js';
import type { GitHubPull, GitHubReview } from '../../src/sources/github/types.js';

/** Hours after 2024-03-01T00:00Z, in epoch seconds: every time below reads as "hour h of the story". */
const h = (hours: number): number => Date.UTC(2024, 2, 1) / 1000 + hours * 3600;

function pull(over: Partial<GitHubPull> = {}): GitHubPull {
  return {
    number: 1,
    title: 'Change',
    url: 'https://github.com/acme/app/pull/1',
    author: 'ada',
    authorIsBot: false,
    createdAt: h(0),
    updatedAt: h(20),
    mergedAt: h(20),
    mergeCommitSha: 'f'.repeat(40),
    headRefName: 'ada/change',
    body: '',
    additions: 10,
    deletions: 1,
    changedFiles: 1,
    labels: [],
    commits: [{ sha: 'a'.repeat(40), authorEmail: null, parents: [], authoredAt: h(-2), committedAt: h(-2), message: 'Change' }],
    reviews: [],
    comments: [],
    events: [],
    checks: [],
    wasDraft: false,
    ...over,
  };
}

const review = (author: string, state: string, at: number | null, authorIsBot = false): GitHubReview => ({ author, authorIsBot, state, submittedAt: at });

describe('pullEvents', () => {
  it('a draft is ready at its first ready-for-review event; reviews while a draft do not count', () => {
    const events = pullEvents(pull({
      wasDraft: true,
      events: [{ type: 'ready', at: h(5) }, { type: 'draft', at: h(6) }, { type: 'ready', at: h(7) }],
      reviews: [review('carol', 'COMMENTED', h(2)), review('bob', 'APPROVED', h(9))],
    }));
    expect(events).toMatchObject({ readyAt: h(5), firstReviewAt: h(9), approvedAt: h(9) });
    expect(events.flags).toEqual(['was-draft']);
  });

  it('a PR converted to draft after opening is ready at creation', () => {
    expect(pullEvents(pull({ wasDraft: false, events: [{ type: 'draft', at: h(1) }, { type: 'ready', at: h(3) }] })).readyAt).toBe(h(0));
  });

  it('no review before the merge: unreviewed, no approval', () => {
    const events = pullEvents(pull({ reviews: [review('bob', 'APPROVED', h(21))], comments: [{ author: 'bob', authorIsBot: false, createdAt: h(22) }] }));
    expect(events).toEqual({
      readyAt: h(0),
      firstReviewAt: null,
      approvedAt: null,
      flags: ['unreviewed'],
      rework: { commitsAfterFirstReview: 0, forcePushesAfterFirstReview: 0, changesRequested: false },
    });
  });

  it('the author\'s and bots\' comments and reviews never count; a human\'s comment does', () => {
    const events = pullEvents(
      pull({
        comments: [
          { author: 'ada', authorIsBot: false, createdAt: h(1) },
          { author: 'Ada', authorIsBot: false, createdAt: h(1.5) },
          { author: 'codecov', authorIsBot: true, createdAt: h(2) },
          { author: 'github-actions[bot]', authorIsBot: false, createdAt: h(3) },
          { author: 'renovate', authorIsBot: false, createdAt: h(3.5) },
          { author: 'dave', authorIsBot: false, createdAt: h(4) },
        ],
        reviews: [review('copilot', 'APPROVED', h(2.5), true), review('ada', 'APPROVED', h(3)), review('bob', 'APPROVED', h(6))],
      }),
      { isBot: (login) => /^renovate$/.test(login) },
    );
    expect(events).toMatchObject({ firstReviewAt: h(4), approvedAt: h(6), flags: [] });
  });

  it('a pending review does not count as a review', () => {
    expect(pullEvents(pull({ reviews: [review('bob', 'PENDING', null), review('bob', 'COMMENTED', h(8))] })).firstReviewAt).toBe(h(8));
  });

  it('changes requested, then approved: approval waits for the requester', () => {
    const events = pullEvents(pull({
      commits: [
        { sha: 'a'.repeat(40), authorEmail: null, parents: [], authoredAt: h(-2), committedAt: h(-2), message: 'Change' },
        { sha: 'b'.repeat(40), authorEmail: null, parents: [], authoredAt: h(4), committedAt: h(4), message: 'Address review' },
      ],
      reviews: [review('bob', 'CHANGES_REQUESTED', h(2)), review('carol', 'APPROVED', h(3)), review('bob', 'COMMENTED', h(5)), review('bob', 'APPROVED', h(6))],
    }));
    expect(events).toMatchObject({ firstReviewAt: h(2), approvedAt: h(6), flags: ['changes-requested'] });
    expect(events.rework).toEqual({ commitsAfterFirstReview: 1, forcePushesAfterFirstReview: 0, changesRequested: true });
  });

  it('a dismissed request for changes no longer blocks', () => {
    const events = pullEvents(pull({ reviews: [review('bob', 'DISMISSED', h(2)), review('carol', 'APPROVED', h(3))] }));
    expect(events.approvedAt).toBe(h(3));
    const blocked = pullEvents(pull({ reviews: [review('carol', 'APPROVED', h(3)), review('bob', 'CHANGES_REQUESTED', h(4))] }));
    expect(blocked).toMatchObject({ firstReviewAt: h(3), approvedAt: h(3) });
    const never = pullEvents(pull({ reviews: [review('bob', 'CHANGES_REQUESTED', h(2)), review('carol', 'APPROVED', h(3))] }));
    expect(never).toMatchObject({ firstReviewAt: h(2), approvedAt: null, flags: ['changes-requested', 'unapproved'] });
  });

  it('two required approvals: the moment the second distinct reviewer approves', () => {
    const p = pull({ reviews: [review('bob', 'APPROVED', h(2)), review('bob', 'APPROVED', h(3)), review('carol', 'COMMENTED', h(4)), review('carol', 'APPROVED', h(5))] });
    expect(pullEvents(p).approvedAt).toBe(h(2));
    expect(pullEvents(p, { requiredApprovals: 2 }).approvedAt).toBe(h(5));
    expect(pullEvents(p, { requiredApprovals: 3 })).toMatchObject({ approvedAt: null, flags: ['unapproved'] });
  });

  it('a force-push and commits after approval are flagged and counted as rework', () => {
    const events = pullEvents(pull({
      commits: [
        { sha: 'a'.repeat(40), authorEmail: null, parents: [], authoredAt: h(-2), committedAt: h(-2), message: 'Change' },
        { sha: 'b'.repeat(40), authorEmail: null, parents: [], authoredAt: h(12), committedAt: h(12), message: 'One more thing' },
      ],
      reviews: [review('bob', 'APPROVED', h(10))],
      events: [{ type: 'reviewRequested', at: h(1) }, { type: 'forcePush', at: h(5) }, { type: 'forcePush', at: h(11) }],
    }));
    expect(events.flags).toEqual(['commits-after-approval', 'force-push-after-approval']);
    expect(events.rework).toEqual({ commitsAfterFirstReview: 1, forcePushesAfterFirstReview: 1, changesRequested: false });
  });
});
