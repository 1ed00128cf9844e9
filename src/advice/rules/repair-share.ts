import { percent } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AdviceRule, RepairFiguresInput, RepairInput } from '../types.js';

// under ten changes one revert and one fix are 20%: too few to call a habit
const MIN_CHANGES = 10;

/** `AI-assisted 45% against 25% for the rest`, when both groups have enough changes to say it; else ''. */
function split(ai: RepairFiguresInput | undefined, other: RepairFiguresInput | undefined): string {
  if (!ai || !other || ai.changes < MIN_CHANGES || other.changes < MIN_CHANGES || !measured(ai.share) || !measured(other.share)) return '';
  return `; AI-assisted ${percent(ai.share)} of ${ai.changes}, the rest ${percent(other.share)} of ${other.changes}`;
}

/**
 * Where to look first, by the reasons the repairs have: reverts and failed deploys' fixes name the change they undo
 * or mend; fix: titles and bug labels alone name none (release-please's year: 21 repairs, every one a `fix:` title,
 * was told to study its reverts and failed-deploy fixes, of which it had none).
 */
function firstStep(reasons: RepairInput['reasons']): string {
  // a report written before the reasons were counted: the advice as it was
  if (reasons === undefined || reasons.revert + reasons.failedDeployFix > 0) {
    return 'Read this report\'s repairs by reason: for reverts and failed-deploy fixes, find what the original changes share ' +
      '(size, area, missing tests) and add the check that would have caught them before merge';
  }
  return 'Read this report\'s repairs: none reverts a change or fixes a failed deploy; each is a hotfix, a fix: title or a bug ' +
    'label, a bug found after merge. Find what the fixed code shares (area, age, missing tests) and add the check that would ' +
    'have caught those bugs before merge';
}

/**
 * Many changes repair earlier work (SPEC section 4, repair share): reverts, fixes of failed deploys, hotfixes,
 * fix: titles, bug-labelled pull requests. The articles' "rework share of capacity": what is spent going back.
 */
export const repairShare: AdviceRule = {
  id: 'repair-share',
  needs: 'git',
  evaluate(input, t) {
    const repair = input.summary.repair;
    const share = repair?.share;
    if (!repair || !measured(share) || repair.changes < MIN_CHANGES || share <= t.repairShare) return null;
    const capacity = measured(repair.cycleTimeShare) ? `, ${percent(repair.cycleTimeShare)} of the cycle time` : '';
    const cycle = input.summary.cycleTime.p50;
    return row({
      id: 'repair-share',
      measure: 'Repair share: changes that repaired earlier work (reverts, fixes of a failed deploy, hotfixes, fix: titles, bug labels)',
      value: `${percent(share)} of changes were repairs (threshold ${percent(t.repairShare)}; ${repair.repairs} of ${repair.changes})${capacity}${split(repair.ai, repair.other)}`,
      tellsYou:
        'A large part of the team\'s capacity goes back into work already shipped. Defects escape review and ' +
        'tests, and each repair competes with new work for the same reviewers and deploys.',
      doNext: `${firstStep(repair.reasons)}; if AI-assisted changes need repair more often, review them as closely as the rest.`,
      // the cycle time the repairs took: typical (p50) × how many
      impact: measured(cycle) ? hours(cycle * repair.repairs) : 0,
      figure: 'summary.repair.share',
      threshold: percent(t.repairShare),
    });
  },
  check(input, t) {
    const share = input.summary.repair?.share;
    return measured(share) ? `repair share ${percent(share)} (threshold ${percent(t.repairShare)})` : null;
  },
};
