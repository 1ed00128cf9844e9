import { percent } from '../format.js';
import { measured, row } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Changes merged without any review: a risk, not a wait, so its impact is 0. */
export const unreviewedMerges: AdviceRule = {
  id: 'unreviewed-merges',
  needs: 'github',
  evaluate(input, t) {
    const review = input.summary.review;
    const share = review?.unreviewedShare;
    if (!measured(share) || share <= t.unreviewedShare) return null;
    const self = measured(review?.selfMergedShare) ? `; ${percent(review.selfMergedShare)} merged by their own author` : '';
    return row({
      id: 'unreviewed-merges',
      measure: 'Unreviewed merges: changes merged with no review from anyone but the author',
      value: `${percent(share)} of changes merged unreviewed (threshold ${percent(t.unreviewedShare)})${self}`,
      tellsYou:
        'These changes reached the main branch on one person\'s judgement: mistakes and knowledge stay with ' +
        'the author, and the review figures look faster than the team really is.',
      doNext:
        'Require one approving review on the main branch (branch protection or a ruleset). If some changes ' +
        'truly need no review, agree which (docs, paired work) instead of skipping it silently.',
      impact: 0,
      figure: 'summary.review.unreviewedShare',
      threshold: percent(t.unreviewedShare),
    });
  },
  check(input, t) {
    const share = input.summary.review?.unreviewedShare;
    return measured(share) ? `unreviewed merges ${percent(share)} (threshold ${percent(t.unreviewedShare)})` : null;
  },
};
