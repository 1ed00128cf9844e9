import { coverage } from '../metrics/coverage.js';
import { whatIf, type WhatIf, type WhatIfChange } from '../metrics/what-if.js';
import { STAGES, type StageName } from '../domain.js';
import { codingUnseen } from '../metrics/stage-summary.js';
import { stageLabel } from '../stage-labels.js';
import { duration, percent } from './format.js';
import { hasGithub, measured, sharesSay } from './kit.js';
import { aiAcceptance } from './rules/ai-acceptance.js';
import { aiAssisted } from './rules/ai-assisted.js';
import { aiDefects } from './rules/ai-defects.js';
import { changeFailureRate } from './rules/change-failure-rate.js';
import { deployWait } from './rules/deploy-wait.js';
import { flakyChecks } from './rules/flaky-checks.js';
import { largeChanges } from './rules/large-changes.js';
import { mergeWait } from './rules/merge-wait.js';
import { pickupWait } from './rules/pickup-wait.js';
import { repairShare } from './rules/repair-share.js';
import { reviewConcentration } from './rules/review-concentration.js';
import { reviewWait } from './rules/review-wait.js';
import { rework } from './rules/rework.js';
import { slowChecks } from './rules/slow-checks.js';
import { unreviewedMerges } from './rules/unreviewed-merges.js';
import { wip } from './rules/wip.js';
import type { AdviceInput, AdviceRule, Recommendation, Thresholds } from './types.js';
import { isoSeconds, windowFrom } from '../time.js';

export type { AdviceInput, AdviceRule, Recommendation, Thresholds } from './types.js';

/** Every rule, in the order the stages happen; the output order is by impact, not this. */
export const RULES: readonly AdviceRule[] = [
  pickupWait,
  reviewWait,
  reviewConcentration,
  rework,
  unreviewedMerges,
  largeChanges,
  slowChecks,
  flakyChecks,
  mergeWait,
  deployWait,
  changeFailureRate,
  repairShare,
  wip,
  aiAssisted,
  aiDefects,
  aiAcceptance,
];

/** The rules that can run on these sources: GitHub rules only when the report has GitHub data. */
export function applicableRules(input: AdviceInput): AdviceRule[] {
  const github = hasGithub(input);
  return RULES.filter((rule) => rule.needs === 'git' || github);
}

/**
 * Runs every applicable rule and returns the rows that fired; a rule about a stage carries its what-if. The
 * rows with a what-if come first, the most hours saved per week first; the rest after, the most hours of
 * waiting first; ties by id. When none fires, one `healthy` row naming what was checked. Pure: same input,
 * same rows.
 */
export function advise(input: AdviceInput, thresholds: Thresholds): Recommendation[] {
  const rules = applicableRules(input);
  const rows: Recommendation[] = [];
  // the counted changes once for every what-if, not once per rule
  let counted: ReadonlyArray<WhatIfChange> | undefined;
  for (const rule of rules) {
    const row = rule.evaluate(input, thresholds);
    if (row === null) continue;
    const saving = rule.whatIf ? whatIfOf(input, (counted ??= input.changes?.filter((c) => c.counted !== false)), rule.whatIf.stage, rule.whatIf.cap(thresholds)) : null;
    rows.push(saving ? { ...row, whatIf: saving } : row);
  }
  if (rows.length === 0) return [healthy(input, thresholds, rules)];
  // every what-if of a report is over the same days: the hours saved rank them as the hours a week would
  const saved = (r: Recommendation): number => r.whatIf?.hoursSaved ?? r.whatIf?.hoursSavedPerWeek ?? -1;
  return rows.sort((a, b) => saved(b) - saved(a) || b.impact - a.impact || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function whatIfOf(input: AdviceInput, counted: ReadonlyArray<WhatIfChange> | undefined, stage: WhatIf['stage'], cap: number): WhatIf | null {
  if (!counted || !input.window) return null;
  // over the part of the window the history covers (a removed product's ends with its package), up to now:
  // deploy frequency's basis
  const window = windowFrom(input.window);
  const span = coverage(window, input.now === undefined ? window.until : (isoSeconds(input.now) ?? NaN));
  return whatIf(counted, stage, cap, span);
}

/**
 * The one row when no rule fires, said in one sentence a reader takes in at a glance: nothing is over its
 * threshold, and where the typical change's time goes most (`measure` and `value` read as one sentence); each
 * rule's figure against its threshold is kept apart (`checked`), for a page to fold away.
 */
function healthy(input: AdviceInput, thresholds: Thresholds, rules: readonly AdviceRule[]): Recommendation {
  const checked = rules.map((rule) => rule.check(input, thresholds)).filter((c): c is string => c !== null);
  const gitOnly = hasGithub(input)
    ? ''
    : ' Review, rework, check and work-in-progress figures need GitHub data and were not checked.';
  if (checked.length === 0) {
    return {
      id: 'healthy',
      measure: 'Nothing could be checked against a threshold',
      value: 'no figure could be measured',
      tellsYou: `Nothing crosses a threshold, but only because there was nothing to measure in this window.${gitOnly}`,
      doNext: 'Widen the window (--since) or check the branch and deploy signal, then run again.',
      impact: 0,
      figure: 'summary',
      threshold: 'each rule\'s threshold',
    };
  }
  return {
    id: 'healthy',
    measure: 'Nothing is over its threshold',
    value: slowestStage(input),
    checked,
    tellsYou: `No waiting stage, size, quality or AI figure that could be measured crosses its threshold: no single queue dominates the flow.${gitOnly}`,
    doNext:
      'Keep these figures guarded in CI with the config\'s `check` list, and tighten the threshold closest to its ' +
      'limit in .flowaudit.json to find the next constraint.',
    impact: 0,
    figure: 'summary',
    threshold: 'each rule\'s threshold',
  };
}

/**
 * `the slowest stage is deploy wait: 44% of the typical change's time, p50 3h` — the stage with the largest share
 * of the typical change, named as the stages table names it; a coding stage git cannot see (most changes one
 * commit) is not named, as it has no share on the page.
 */
function slowestStage(input: AdviceInput): string {
  const gitOnly = !hasGithub(input);
  const stages = input.summary.stages;
  const shown = STAGES.filter((s) => measured(stages[s].share) && sharesSay(input) && !(s === 'coding' && codingUnseen({ count: stages.coding.count, oneCommit: stages.coding.oneCommit }, gitOnly)));
  const slowest = shown.reduce<StageName | null>((best, s) => (best === null || (stages[s].share ?? 0) > (stages[best].share ?? 0) ? s : best), null);
  const basis = input.summary.shareBasis.changes;
  if (slowest === null) return sharesSay(input) || basis === 0 ? 'no stage has a share of the typical change\'s time' : `too few changes (${basis}) to give a stage a share of the typical change's time`;
  const stage = stages[slowest];
  return `the slowest stage is ${stageLabel(slowest, gitOnly)}: ${percent(stage.share ?? 0)} of the typical change's time, p50 ${stage.p50 === null ? '—' : duration(stage.p50, input)}`;
}
