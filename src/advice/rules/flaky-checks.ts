import { percent } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AdviceRule } from '../types.js';

const WORST_LISTED = 3;

/** Checks that fail and then pass on the same commit. */
export const flakyChecks: AdviceRule = {
  id: 'flaky-checks',
  needs: 'github',
  evaluate(input, t) {
    const ci = input.summary.ci;
    const rate = ci?.flakyRate;
    if (!measured(rate) || rate <= t.flakyRate) return null;
    const worst = (ci?.worstFlaky ?? []).slice(0, WORST_LISTED).map((c) => `${c.name} ${percent(c.rate)}`);
    return row({
      id: 'flaky-checks',
      measure: 'Flaky checks: the same check on the same commit failed, then passed',
      value: `flaky rate ${percent(rate)} (threshold ${percent(t.flakyRate)})${worst.length > 0 ? `; worst: ${worst.join(', ')}` : ''}`,
      tellsYou:
        'Failures that go away on a retry teach people to ignore red checks, so real failures get retried ' +
        'too. Every retry also adds a full check run to the wait.',
      doNext:
        'Fix or quarantine the worst offenders first, give each flaky test an owner as you would a bug, and ' +
        'stop automatic retries from hiding new ones.',
      // one extra check run for each flaky change
      impact: measured(ci?.p50) ? hours(rate * input.summary.changes * ci.p50) : 0,
      figure: 'summary.ci.flakyRate',
      threshold: percent(t.flakyRate),
    });
  },
  check(input, t) {
    const rate = input.summary.ci?.flakyRate;
    return measured(rate) ? `flaky check rate ${percent(rate)} (threshold ${percent(t.flakyRate)})` : null;
  },
};
