import { percent, plural } from '../format.js';
import { measured, row, stageHours } from '../kit.js';
import type { AdviceRule } from '../types.js';

// with one or two reviewers in all, the top two doing every review is the team's size, not a habit to change
const MIN_REVIEWERS = 3;

/** Most reviews go through two people: gatekeepers whose queue sets everyone's pickup time. */
export const reviewConcentration: AdviceRule = {
  id: 'review-concentration',
  needs: 'github',
  evaluate(input, t) {
    const review = input.summary.review;
    const share = review?.topTwoShare;
    const reviewers = review?.reviewers;
    if (!measured(share) || share <= t.reviewTopTwoShare) return null;
    if (measured(reviewers) && reviewers < MIN_REVIEWERS) return null;
    const who = measured(reviewers) ? ` among ${plural(reviewers, 'reviewer')}` : '';
    return row({
      id: 'review-concentration',
      measure: 'Review load: share of all reviews done by the two busiest reviewers',
      value: `top two reviewers did ${percent(share)} of reviews (threshold ${percent(t.reviewTopTwoShare)})${who}`,
      tellsYou:
        'Two people are the gate for most changes. Their queue sets how long everyone waits for a first ' +
        'review, and when either is away or busy, reviews stall.',
      doNext:
        'Spread the load: rotate a reviewer of the day, assign code owners as teams rather than people, and ' +
        'pair others with the two busiest reviewers until more people can approve with confidence.',
      // the part of the pickup wait that passes through the two of them
      impact: stageHours(input.summary.stages.pickup) * share,
      figure: 'summary.review.topTwoShare',
      threshold: percent(t.reviewTopTwoShare),
    });
  },
  check(input, t) {
    const share = input.summary.review?.topTwoShare;
    return measured(share) ? `top-two review share ${percent(share)} (threshold ${percent(t.reviewTopTwoShare)})` : null;
  },
};
