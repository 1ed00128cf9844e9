import { duration, num, plural } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AdviceRule } from '../types.js';

/** Too many open pull requests per active author at the end of the window. */
export const wip: AdviceRule = {
  id: 'wip',
  needs: 'github',
  evaluate(input, t) {
    const figures = input.summary.wip;
    const perAuthor = figures?.perAuthor;
    if (!measured(perAuthor) || perAuthor <= t.wipPerAuthor) return null;
    const open = measured(figures?.open) ? `${plural(figures.open, 'open pull request')}, ` : '';
    const age = measured(figures?.p50Age) ? `, p50 age ${duration(figures.p50Age, input)}` : '';
    return row({
      id: 'wip',
      measure: 'Work in progress: open pull requests at the end of the window, per active author',
      value: `${open}${num(perAuthor)} per author (threshold ${num(t.wipPerAuthor)})${age}`,
      tellsYou:
        'People start new work while earlier work waits. Open changes compete for the same reviewers and go ' +
        'stale against the main branch; at the same throughput, more work in progress means longer lead time.',
      doNext:
        'Finish before starting: review someone else\'s pull request before opening another, set a limit per ' +
        'person, and close the pull requests nobody is going to merge.',
      // how long the open pull requests have waited so far
      impact: measured(figures?.open) && measured(figures?.p50Age) ? hours(figures.open * figures.p50Age) : 0,
      figure: 'summary.wip.perAuthor',
      threshold: num(t.wipPerAuthor),
    });
  },
  check(input, t) {
    const perAuthor = input.summary.wip?.perAuthor;
    return measured(perAuthor) ? `open pull requests per author ${num(perAuthor)} (threshold ${num(t.wipPerAuthor)})` : null;
  },
};
