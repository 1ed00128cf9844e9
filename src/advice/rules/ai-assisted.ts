import { duration, lines, percent, times } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AdviceRule, AiGroupInput, AdviceInput, Thresholds } from '../types.js';
import { largest } from '../../lists.js';

// below this many changes in either group a comparison says more about chance than about the work (SPEC 5)
export const MIN_GROUP = 10;

interface Dimension {
  key: 'p50Size' | 'leadTimeP50' | 'failureRate';
  /** smallest baseline compared against: differences under it are noise (a 1-line vs 3-line p50, 0% vs 2%) */
  floor: number;
  label: string;
  /** how the finding reads when it fires */
  word: string;
  /** the figure as the row writes it; `input` says how long a day is */
  format: (v: number, input: AdviceInput) => string;
  /**
   * Whether the report's 95% interval of the groups' difference leaves out 0 (SPEC section 9: a difference is
   * called one only then): the lead time's bootstrap interval, the revert rate's Newcombe interval (the AI
   * defects', which the ai-defects rule reads too), the size's bootstrap interval.
   */
  settled: (input: AdviceInput) => boolean;
}

/** The lead time's difference leaves out 0 in its bootstrap interval (`aiComparison.intervals.leadTime`). */
const leadTimeReal = (input: AdviceInput): boolean => input.summary.aiComparison?.intervals?.leadTime?.real === true;

const DIMENSIONS: readonly Dimension[] = [
  {
    key: 'p50Size', floor: 10, label: 'p50 size', word: 'larger', format: lines,
    // a report written before the size had an interval: its sizes were taken as they stood
    settled: (input) => input.summary.aiComparison?.sizeInterval?.real ?? input.summary.aiComparison?.sizeInterval === undefined,
  },
  {
    key: 'leadTimeP50', floor: 3600, label: 'p50 lead time', word: 'slower to reach production', format: duration,
    settled: leadTimeReal,
  },
  {
    // the share of the group's changes reverted (aiComparison's failureRate), not the DORA change failure rate,
    // which is per deploy: named for what it counts, beside the report's change failure rate
    key: 'failureRate', floor: 0.05, label: 'share reverted', word: 'reverted more often', format: percent,
    settled: (input) => input.summary.aiDefects?.revertDifference.real === true,
  },
];

interface Comparison {
  dimension: Dimension;
  assisted: number;
  other: number;
  ratio: number;
  /** over the threshold's multiple, and a difference the data can tell */
  fires: boolean;
  /** over the threshold's multiple, but an interval that holds 0: written so, never called a finding */
  unsettled: boolean;
}

function compare(input: AdviceInput, t: Thresholds): Comparison[] | null {
  const groups = input.summary.aiComparison;
  if (!groups || groups.assisted.count < MIN_GROUP || groups.other.count < MIN_GROUP) return null;
  const out: Comparison[] = [];
  for (const dimension of DIMENSIONS) {
    const a = groups.assisted[dimension.key];
    const o = groups.other[dimension.key];
    if (!measured(a) || !measured(o)) continue;
    const ratio = a / Math.max(o, dimension.floor);
    const over = ratio > t.aiRatio;
    const settled = dimension.settled(input);
    out.push({ dimension, assisted: a, other: o, ratio, fires: over && settled, unsettled: over && !settled });
  }
  return out.length > 0 ? out : null;
}

/** AI-assisted changes (a lower bound) are larger, slower or reverted more often than the rest; both groups ≥ 10. */
export const aiAssisted: AdviceRule = {
  id: 'ai-assisted',
  needs: 'git',
  evaluate(input, t) {
    const comparisons = compare(input, t);
    const fired = comparisons?.filter((c) => c.fires) ?? [];
    const first = fired[0];
    const groups = input.summary.aiComparison;
    if (!comparisons || !first || !groups) return null;
    const sides = comparisons.map((c) => `${c.dimension.label} ${c.dimension.format(c.assisted, input)} vs ${c.dimension.format(c.other, input)}${ratioNote(c, input)}`);
    return row({
      id: 'ai-assisted',
      measure: 'AI-assisted changes (with an AI marker; a lower bound) against the other changes',
      value: `AI-assisted ${groups.assisted.count} vs other ${groups.other.count}: ${sides.join('; ')} (threshold ${times(t.aiRatio)})`,
      tellsYou:
        `Changes with an AI marker are ${joinWords(fired.map((c) => c.dimension.word))} than the rest. Code may ` +
        'be produced faster than the team can review and test it. Unmarked assisted work counts as "other", ' +
        'so the real gap may differ.',
      doNext:
        'Hold AI-assisted changes to the same bar as the rest: the same size limit, the same review depth, ' +
        'tests in the same change. Ask authors to mark assisted work consistently, and compare again next window.',
      // the extra lead time the assisted changes took over the others' typical lead time, where the data can tell it
      impact: leadTimeReal(input) ? leadTimeExcess(groups.assisted, groups.other) : 0,
      figure: `summary.aiComparison.assisted.${first.dimension.key}`,
      threshold: times(t.aiRatio),
    });
  },
  check(input, t) {
    const comparisons = compare(input, t);
    if (!comparisons) return null;
    // a ratio over the threshold whose interval holds 0 is said so, not read as a miss of the threshold
    const settled = comparisons.filter((c) => !c.unsettled);
    const unsettled = comparisons.filter((c) => c.unsettled).map((c) => `; ${c.dimension.label} ${times(c.ratio)}: the data cannot tell`);
    const worst = settled.length > 0 ? `worst ratio ${times(largest(settled.map((c) => c.ratio)))}` : 'no ratio the data can tell';
    return `AI-assisted vs other, ${worst} (threshold ${times(t.aiRatio)})${unsettled.join('')}`;
  },
};

/**
 * What a row writes after a comparison: its ratio where it fires, and wherever the other group's figure is under the
 * dimension's floor the ratio against that floor, so a reader dividing the two figures sees why they differ from the
 * ratio used (continuedev/continue: reverted 1.8% vs 0.8% is 2.4× by hand, 0.37× against the 5% floor, no finding).
 */
function ratioNote(c: Comparison, input: AdviceInput): string {
  if (c.unsettled) return ' (the data cannot tell)';
  const floored = c.other < c.dimension.floor;
  if (floored) return ` (${times(c.ratio)} against the ${c.dimension.format(c.dimension.floor, input)} floor)`;
  return c.fires ? ` (${times(c.ratio)})` : '';
}

function leadTimeExcess(assisted: AiGroupInput, other: AiGroupInput): number {
  if (!measured(assisted.leadTimeP50) || !measured(other.leadTimeP50)) return 0;
  return hours((assisted.leadTimeP50 - other.leadTimeP50) * assisted.count);
}

/** `a`, `a and b`, `a, b and c` */
function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
