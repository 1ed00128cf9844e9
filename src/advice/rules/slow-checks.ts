import { duration, percent } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** CI checks on the final commit take longer than the threshold. */
export const slowChecks: AdviceRule = {
  id: 'slow-checks',
  needs: 'github',
  evaluate(input, t) {
    const ci = input.summary.ci;
    const p50 = ci?.p50;
    if (!measured(p50) || p50 <= t.checksP50) return null;
    const p90 = measured(ci?.p90) ? `, p90 ${duration(ci.p90, input)}` : '';
    const onChecks = measured(ci?.mergeWaitOnChecksShare) ? `; ${percent(ci.mergeWaitOnChecksShare)} of merge wait spent on checks` : '';
    return row({
      id: 'slow-checks',
      measure: 'Checks: wall time of the CI checks on each change\'s final commit',
      value: `p50 checks ${duration(p50, input)} (threshold ${duration(t.checksP50, input)})${p90}${onChecks}`,
      tellsYou:
        'Every push waits this long for an answer, and every fix after review waits again. Slow checks push ' +
        'people to batch fixes into fewer pushes and to switch to other work while they run.',
      doNext:
        'Profile the slowest job first: cache dependencies, split tests across parallel runners, run only the ' +
        'tests the change affects on pull requests, and move the longest suites after merge.',
      // each change waits for at least one run on its final commit
      impact: hours(p50 * input.summary.changes),
      figure: 'summary.ci.p50',
      threshold: duration(t.checksP50, input),
    });
  },
  check(input, t) {
    const p50 = input.summary.ci?.p50;
    return measured(p50) ? `checks p50 ${duration(p50, input)} (threshold ${duration(t.checksP50, input)})` : null;
  },
};
