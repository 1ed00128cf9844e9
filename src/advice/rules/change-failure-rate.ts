import { figureLabel } from '../../metrics/catalogue.js';
import { duration, percent } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Too many deploys fail: reverted changes, rollbacks, failed deployments or incidents (SPEC section 4). */
export const changeFailureRate: AdviceRule = {
  id: 'change-failure-rate',
  needs: 'git',
  evaluate(input, t) {
    const { changeFailureRate: cfr, timeToRestore, reworkRate } = input.summary.dora;
    const rate = cfr.value;
    if (!measured(rate) || rate <= t.changeFailureRate) return null;
    const failed = Math.round(rate * cfr.count);
    const restore = measured(timeToRestore.value) ? `; p50 ${figureLabel('dora.timeToRestore')} ${duration(timeToRestore.value, input)}` : '';
    const rework = measured(reworkRate.value) && reworkRate.value > 0 ? `; ${percent(reworkRate.value)} of deploys only carried fixes or reverts` : '';
    return row({
      id: 'change-failure-rate',
      measure: 'Change failure rate: deploys followed by a revert, a rollback, a failed status or an incident',
      value: `${percent(rate)} of deploys failed (threshold ${percent(t.changeFailureRate)}; ${failed} of ${cfr.count})${restore}${rework}`,
      tellsYou:
        'Problems are found in production rather than before merge. Each failure costs a fix, a revert or a ' +
        'rollback, and teams that fail often tend to slow down and batch up, which makes the next deploy riskier.',
      doNext:
        'Go through the failed deploys in this report and look for what the reverted changes share (size, area ' +
        'of the code, missing tests). Add the check that would have caught them, and make rollback one routine step.',
      // hours the failures stayed in production before being restored; 0 when restore time is unknown
      impact: measured(timeToRestore.value) ? hours(timeToRestore.value * failed) : 0,
      figure: 'summary.dora.changeFailureRate.value',
      threshold: percent(t.changeFailureRate),
    });
  },
  check(input, t) {
    const rate = input.summary.dora.changeFailureRate.value;
    return measured(rate) ? `change failure rate ${percent(rate)} (threshold ${percent(t.changeFailureRate)})` : null;
  },
};
