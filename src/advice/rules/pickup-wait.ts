import { duration } from '../format.js';
import { measured, row, stageHours, stageValue } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Pull requests wait for their first review longer than the threshold (needs GitHub: git cannot see it). */
export const pickupWait: AdviceRule = {
  id: 'pickup-wait',
  needs: 'github',
  whatIf: { stage: 'pickup', cap: (t) => t.pickupP50 },
  evaluate(input, t) {
    const stage = input.summary.stages.pickup;
    if (!measured(stage.p50) || stage.p50 <= t.pickupP50) return null;
    return row({
      id: 'pickup-wait',
      measure: 'Pickup: time from a pull request being ready for review to its first review',
      value: stageValue('pickup', stage, t.pickupP50, input),
      tellsYou:
        'Finished work queues before anyone looks at it. The author starts something else meanwhile, so every ' +
        'review comment later costs a context switch, and this queue adds straight to lead time.',
      doNext:
        'Make reviewing the first thing people pick up: agree a response time (say half a working day), ' +
        'post review requests where the team sees them, and name a reviewer when the pull request opens.',
      impact: stageHours(stage),
      figure: 'summary.stages.pickup.p50',
      threshold: duration(t.pickupP50, input),
    });
  },
  check(input, t) {
    const p50 = input.summary.stages.pickup.p50;
    return measured(p50) ? `pickup p50 ${duration(p50, input)} (threshold ${duration(t.pickupP50, input)})` : null;
  },
};
