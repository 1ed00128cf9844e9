import { describe, expect, it } from 'vitest';
import { toOpenPull } from '../../src/model/open-pulls.js';
import type { GitHubOpenPull } from '../../src/sources/github/types.js';

/** Hours after 2024-03-01T00:00Z, in epoch seconds. */
const h = (hours: number): number => Date.UTC(2024, 2, 1) / 1000 + hours * 3600;
const NOW = h(100);
const options = { requiredApprovals: 1, botPattern: /^ci-helper$/ };

function pull(over: Partial<GitHubOpenPull> = {}): GitHubOpenPull {
  return {
    number: 7, title: 'Open', url: 'https://github.com/acme/app/pull/7', author: 'ada', authorIsBot: false, createdAt: h(0), updatedAt: h(50),
    isDraft: false, baseRefName: 'main', headRefName: 'ada/open', labels: [], body: '', wasDraft: false, events: [], reviews: [], comments: [], ...over,
  };
}

describe('an open pull request\'s review events', () => {
  it('waits for pickup from its creation while nobody but the author and bots have spoken', () => {
    const open = toOpenPull(pull({
      comments: [{ author: 'ada', authorIsBot: false, createdAt: h(1) }, { author: 'ci-helper', authorIsBot: false, createdAt: h(2) }],
      reviews: [{ author: 'dependabot[bot]', authorIsBot: true, state: 'APPROVED', submittedAt: h(3) }],
    }), NOW, options);
    expect(open.events).toEqual({ readyAt: h(0), firstReviewAt: null, approvedAt: null, reviewedAt: [] });
    expect(open.bot).toBe(false);
  });

  it('dates ready from the ready-for-review event of a pull request opened as a draft, then review and approval', () => {
    const open = toOpenPull(pull({
      wasDraft: true,
      events: [{ type: 'ready', at: h(10) }],
      reviews: [
        { author: 'bob', authorIsBot: false, state: 'COMMENTED', submittedAt: h(5) }, // while a draft: no first review
        { author: 'bob', authorIsBot: false, state: 'CHANGES_REQUESTED', submittedAt: h(12) },
        { author: 'bob', authorIsBot: false, state: 'APPROVED', submittedAt: h(20) },
        { author: 'eve', authorIsBot: false, state: 'PENDING', submittedAt: null },
      ],
    }), NOW, options);
    // reviewedAt counts every submitted human review, the draft-time one too: reviewing was done then
    expect(open.events).toEqual({ readyAt: h(10), firstReviewAt: h(12), approvedAt: h(20), reviewedAt: [h(5), h(12), h(20)] });
  });

  it('leaves a draft out of the review queues, and marks a bot author', () => {
    const draft = toOpenPull(pull({ isDraft: true, reviews: [{ author: 'bob', authorIsBot: false, state: 'COMMENTED', submittedAt: h(4) }] }), NOW, options);
    expect(draft.events).toEqual({ readyAt: null, firstReviewAt: null, approvedAt: null, reviewedAt: [h(4)] });
    expect(toOpenPull(pull({ author: 'ci-helper' }), NOW, options).bot).toBe(true);
  });
});
