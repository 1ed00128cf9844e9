import { duration, percent } from '../format.js';
import { measured, row, stageHours, stageValue } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Approved pull requests wait to be merged. */
export const mergeWait: AdviceRule = {
  id: 'merge-wait',
  needs: 'github',
  whatIf: { stage: 'merge', cap: (t) => t.mergeWaitP50 },
  evaluate(input, t) {
    const stage = input.summary.stages.merge;
    if (!measured(stage.p50) || stage.p50 <= t.mergeWaitP50) return null;
    const checks = input.summary.ci?.mergeWaitOnChecksShare;
    const onChecks = measured(checks) ? `; ${percent(checks)} of it waiting on checks` : '';
    return row({
      id: 'merge-wait',
      measure: 'Merge wait: time from approval to merge',
      value: `${stageValue('merge wait', stage, t.mergeWaitP50, input)}${onChecks}`,
      tellsYou:
        'Work that reviewers already accepted is not shipping. It waits on checks, a merge queue, a freeze, ' +
        'or an author who has moved on and forgot to merge.',
      doNext:
        'Turn on auto-merge so an approved pull request merges as soon as its checks pass. If a freeze or a ' +
        'manual merge step is the reason, ask whether it still earns its cost.',
      impact: stageHours(stage),
      figure: 'summary.stages.merge.p50',
      threshold: duration(t.mergeWaitP50, input),
    });
  },
  check(input, t) {
    const p50 = input.summary.stages.merge.p50;
    return measured(p50) ? `merge wait p50 ${duration(p50, input)} (threshold ${duration(t.mergeWaitP50, input)})` : null;
  },
};
