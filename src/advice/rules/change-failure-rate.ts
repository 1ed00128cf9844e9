import { figureLabel } from '../../metrics/catalogue.js';
import { duration, percent, plural } from '../format.js';
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
    // over several repositories the rate is the median repository's own: times the deploys of all of them it
    // counts failures that never happened (0%, 25% and 30% of 10, 8 and 400 deploys: median 25%, "105 of 418",
    // where 122 failed), so the row gives the median, and the failures of their deploys together
    const pooled = input.pooledFailures;
    const failed = pooled?.failed ?? Math.round(rate * cfr.count);
    const restoreP50 = pooled === undefined ? timeToRestore.value : pooled.restoreP50;
    const restore = measured(timeToRestore.value) ? `; ${pooled === undefined ? '' : 'the median repository’s '}p50 ${figureLabel('dora.timeToRestore')} ${duration(timeToRestore.value, input)}` : '';
    const rework = measured(reworkRate.value) && reworkRate.value > 0 ? `; ${percent(reworkRate.value)} of deploys only carried fixes or reverts` : '';
    const rateText = pooled === undefined
      ? `${percent(rate)} of deploys failed (threshold ${percent(t.changeFailureRate)}; ${failed} of ${cfr.count})`
      : `the median repository: ${percent(rate)} of its deploys failed (threshold ${percent(t.changeFailureRate)}); ${failed} of all ${plural(pooled.deploys, 'deploy')} failed`;
    return row({
      id: 'change-failure-rate',
      measure: 'Change failure rate: deploys followed by a revert, a rollback, a failed status, an incident or a retraction',
      value: `${rateText}${restore}${rework}`,
      tellsYou:
        'Problems are found in production rather than before merge. Each failure costs a fix, a revert or a ' +
        'rollback, and teams that fail often tend to slow down and batch up, which makes the next deploy riskier.',
      doNext:
        'Go through the failed deploys in this report and look for what the reverted changes share (size, area ' +
        'of the code, missing tests). Add the check that would have caught them, and make rollback one routine step.',
      // hours the failures stayed in production before being restored; 0 when restore time is unknown
      impact: measured(restoreP50) ? hours(restoreP50 * failed) : 0,
      figure: 'summary.dora.changeFailureRate.value',
      threshold: percent(t.changeFailureRate),
    });
  },
  check(input, t) {
    const rate = input.summary.dora.changeFailureRate.value;
    const of = input.pooledFailures === undefined ? '' : ' of the median repository';
    return measured(rate) ? `change failure rate${of} ${percent(rate)} (threshold ${percent(t.changeFailureRate)})` : null;
  },
};
