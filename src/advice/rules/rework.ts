import { percent } from '../format.js';
import { measured, row, stageHours } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Many changes get new commits or force-pushes after their first review. */
export const rework: AdviceRule = {
  id: 'rework',
  needs: 'github',
  evaluate(input, t) {
    const figures = input.summary.rework;
    const share = figures?.share;
    if (!measured(share) || share <= t.reworkShare) return null;
    const requested = measured(figures?.changesRequestedShare) ? `; ${percent(figures.changesRequestedShare)} had changes requested` : '';
    return row({
      id: 'rework',
      measure: 'Rework: changes with commits or force-pushes after their first review',
      value: `${percent(share)} of changes reworked after review (threshold ${percent(t.reworkShare)})${requested}`,
      tellsYou:
        'Changes are still being reshaped after review started: the approach was agreed too late, or pull ' +
        'requests are opened before they are ready. Each round trip waits for the reviewer again.',
      doNext:
        'Agree the approach before the code on anything sizeable (a short note, or a draft pull request early ' +
        'on), keep drafts as drafts until they are ready, and write down what reviewers keep asking for.',
      // the review-stage waiting of the reworked changes
      impact: stageHours(input.summary.stages.review) * share,
      figure: 'summary.rework.share',
      threshold: percent(t.reworkShare),
    });
  },
  check(input, t) {
    const share = input.summary.rework?.share;
    return measured(share) ? `rework after review ${percent(share)} (threshold ${percent(t.reworkShare)})` : null;
  },
};
