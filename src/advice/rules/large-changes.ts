import { lines, percent, plural } from '../format.js';
import { measured, row, stageHours } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Too many changes over 400 lines: slow, shallow reviews and risky deploys. */
export const largeChanges: AdviceRule = {
  id: 'large-changes',
  needs: 'git',
  evaluate(input, t) {
    const size = input.summary.flow.size;
    if (!measured(size.over400) || size.over400 <= t.largeChangeShare) return null;
    const typical = [measured(size.p50) ? `p50 ${lines(size.p50)}` : '', measured(size.p90) ? `p90 ${lines(size.p90)}` : '']
      .filter(Boolean)
      .join(', ');
    return row({
      id: 'large-changes',
      measure: 'Change size: lines added plus deleted per change (lock, vendored and generated files left out)',
      value:
        `${percent(size.over400)} of ${plural(size.count, 'change')} over 400 lines (threshold ${percent(t.largeChangeShare)})` +
        `${typical ? `; ${typical}` : ''}`,
      tellsYou:
        'Large changes wait longer for a reviewer, get a lighter read once they have one, and are harder to ' +
        'revert cleanly. Problems that a small change would show early stay hidden until the end.',
      doNext:
        'Aim for changes under about 200 lines: land refactors on their own, put unfinished features behind a ' +
        'flag, and stack several small pull requests instead of opening one big one.',
      // the review-stage waiting of the changes over 400 lines
      impact: stageHours(input.summary.stages.review) * size.over400,
      figure: 'summary.flow.size.over400',
      threshold: percent(t.largeChangeShare),
    });
  },
  check(input, t) {
    const over = input.summary.flow.size.over400;
    return measured(over) ? `changes over 400 lines ${percent(over)} (threshold ${percent(t.largeChangeShare)})` : null;
  },
};
