import { duration } from '../format.js';
import { hasGithub, measured, row, stageHours, stageValue } from '../kit.js';
import type { AdviceRule } from '../types.js';
import { onGitHub, REVIEW_HOSTS, type ReviewHost } from '../../review-hosts.js';

/**
 * How to tell the wait's three parts apart: GitHub's pull requests, read with a token; a project reviewed elsewhere
 * has them where it is reviewed, which flowaudit does not read (a token would split nothing).
 */
function splitHint(host: ReviewHost | null): string {
  if (onGitHub(host)) return 'Run again with a GitHub token (GH_TOKEN) to split this wait into pickup, review and merge wait, then work on the largest part.';
  const { name, request } = REVIEW_HOSTS[host];
  return `${name} shows when each ${request} was opened, first reviewed and approved (flowaudit does not read it): find there which of the three parts is largest and work on it.`;
}

/**
 * Git-only mode: the "review" stage is the whole wait from a change's last commit to its merge (pickup,
 * review and approval together). With GitHub data the stage means review & rework and this rule stays quiet.
 */
export const reviewWait: AdviceRule = {
  id: 'review-wait',
  needs: 'git',
  whatIf: { stage: 'review', cap: (t) => t.reviewWaitP50 },
  evaluate(input, t) {
    const stage = input.summary.stages.review;
    if (hasGithub(input) || !measured(stage.p50) || stage.p50 <= t.reviewWaitP50) return null;
    return row({
      id: 'review-wait',
      measure: 'Review & merge wait: time from a change\'s last commit to its merge',
      value: stageValue('review & merge wait', stage, t.reviewWaitP50, input),
      tellsYou:
        'Finished code sits unmerged for days: it waits for someone to review it, to approve it, or to press ' +
        'merge. Git alone cannot tell which of the three, only that the code is done and not yet shipped.',
      doNext: `${splitHint(input.reviewHost ?? null)} Meanwhile, agree how soon a review request gets an answer.`,
      impact: stageHours(stage),
      figure: 'summary.stages.review.p50',
      threshold: duration(t.reviewWaitP50, input),
    });
  },
  check(input, t) {
    const p50 = input.summary.stages.review.p50;
    if (hasGithub(input) || !measured(p50)) return null;
    return `review & merge wait p50 ${duration(p50, input)} (threshold ${duration(t.reviewWaitP50, input)})`;
  },
};
