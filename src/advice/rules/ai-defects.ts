import { percent, times } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AdviceRule, AiDefectsInput, DefectGroupInput, ShareDifferenceInput, Thresholds } from '../types.js';

/** One of the defect rates the rule weighs: where it is in each group, its difference, and how the row words it. */
interface Defect {
  key: 'revertRate' | 'fixUpRate' | 'failureRate';
  difference: 'revertDifference' | 'fixUpDifference' | 'failureDifference';
  /** what the rate counts, in the row's words */
  what: string;
  /** the group's own count the rate is over */
  over: (g: DefectGroupInput) => string;
  /**
   * what a higher rate says, in the row's words: only a deploy's failure (and the fix-up after one) happened in
   * production; a revert counts whether or not its change had shipped (uv's AI-assisted #20351 and #21055 were
   * reverted before any release held them, and "reaches production breaks" misread them)
   */
  finding: string;
}

const DEFECTS: readonly Defect[] = [
  { key: 'failureRate', difference: 'failureDifference', what: 'deploys that shipped an AI-assisted change failed', over: (g) => `${g.failed} of ${g.deploys} deploys`,
    finding: 'The AI-assisted work that reaches production breaks it more often than the rest does' },
  { key: 'revertRate', difference: 'revertDifference', what: 'AI-assisted changes were reverted', over: (g) => `${g.reverted} of ${g.changes} changes`,
    finding: 'AI-assisted changes are undone more often than the rest (a revert counts whether or not its change had shipped)' },
  { key: 'fixUpRate', difference: 'fixUpDifference', what: 'AI-assisted changes needed a fix-up after a failed deploy', over: (g) => `${g.fixedUp} of ${g.changes} changes`,
    finding: 'The AI-assisted work that reaches production needs fixing after a failed deploy more often than the rest' },
];

const interval = (low: number | null, high: number | null): string => (measured(low) && measured(high) ? `${percent(low)}–${percent(high)}` : 'unknown');

/** The first defect rate whose AI-assisted value is over the threshold's multiple of the rest's, with a real difference. */
function worst(d: AiDefectsInput, t: Thresholds): Defect | null {
  for (const defect of DEFECTS) {
    const ai = d.ai[defect.key];
    const other = d.other[defect.key];
    const difference: ShareDifferenceInput = d[defect.difference];
    // the interval must say the groups differ, and by more than the threshold's multiple: a real 2% vs 1.8% is no finding
    if (difference.real && measured(ai) && measured(other) && ai > other * t.aiRatio) return defect;
  }
  return null;
}

/**
 * AI-assisted changes fail, are reverted or need fixing up more often than the rest (issue 39: "track AI-assisted
 * defects"), and the 95% interval of the difference says it is not chance: both groups of ten changes or more (and deploys, for the failure rate), the
 * interval leaving out 0 (`metrics/ai-defects.ts`), and the AI-assisted rate over the threshold's multiple of the
 * rest's (`aiRatio`, as the AI comparison's).
 */
export const aiDefects: AdviceRule = {
  id: 'ai-defects',
  needs: 'git',
  evaluate(input, t) {
    const d = input.summary.aiDefects;
    if (!d) return null;
    const defect = worst(d, t);
    if (defect === null) return null;
    const ai = d.ai[defect.key] as number;
    const other = d.other[defect.key] as number;
    const diff = d[defect.difference];
    const low = `${defect.key}Low` as const;
    const high = `${defect.key}High` as const;
    const ratio = other > 0 ? `${times(ai / other)} as often: ` : '';
    // the changes of the AI-assisted group beyond what the rest's rate would give, each taking a typical cycle
    const excess = Math.max(0, (ai - other) * (defect.key === 'failureRate' ? d.ai.deploys : d.ai.changes));
    const cycle = input.summary.cycleTime.p50;
    return row({
      id: 'ai-defects',
      measure: 'AI defects: how often AI-assisted changes are reverted, need a fix-up after a failed deploy, or ship in a failed deploy, against the rest',
      value:
        `${defect.what} ${ratio}${percent(ai)} (${defect.over(d.ai)}; 95% ${interval(d.ai[low], d.ai[high])}) against ${percent(other)} for the rest ` +
        `(${defect.over(d.other)}; ${interval(d.other[low], d.other[high])}); the difference ${interval(diff.low, diff.high)} leaves out 0 (threshold ${times(t.aiRatio)})`,
      tellsYou:
        `${defect.finding}, and the interval says it is not chance. Writing code got cheaper; checking it did not, ` +
        'and the saving is being paid back in repairs.',
      doNext:
        'Read the reverted and failed AI-assisted changes side by side: find what they share (size, area, missing ' +
        'tests, an agent working unattended) and add the check that would have caught them before merge; keep ' +
        'AI-assisted pull requests small and reviewed as closely as the rest.',
      impact: measured(cycle) ? hours(cycle * excess) : 0,
      figure: `summary.aiDefects.ai.${defect.key}`,
      threshold: times(t.aiRatio),
    });
  },
  check(input, t) {
    const d = input.summary.aiDefects;
    if (!d || !measured(d.ai.revertRate) || !measured(d.other.revertRate)) return null;
    return `AI-assisted revert rate ${percent(d.ai.revertRate)} vs ${percent(d.other.revertRate)}${d.revertDifference.real ? '' : ' (the data cannot tell)'} (threshold ${times(t.aiRatio)})`;
  },
};
