import { num, percent, plural, times } from '../format.js';
import { hours, measured, row } from '../kit.js';
import type { AcceptanceGroupInput, AdviceRule } from '../types.js';

const interval = (low: number | null, high: number | null): string => (measured(low) && measured(high) ? `${percent(low)}–${percent(high)}` : 'unknown');

/** A group's rejection rate: the share of its decided pull requests closed unmerged, 1 − its acceptance rate. */
const rejection = (g: AcceptanceGroupInput): number | null => (measured(g.rate) ? 1 - g.rate : null);

/** `62% accepted (20 of 32 decided; 95% 45%–77%)` */
const accepted = (g: AcceptanceGroupInput): string =>
  `${percent(g.rate as number)} accepted (${g.merged} of ${g.merged + g.rejected} decided; 95% ${interval(g.rateLow, g.rateHigh)})`;

/**
 * AI-assisted pull requests are rejected (closed unmerged) more often than the rest (issue 39: "AI pull requests are
 * rejected twice as often, and the rejected ones took 40 reviewer-hours"), and the 95% interval of the difference
 * says it is not chance: each group decided ten or more, the Newcombe interval of the acceptance rates' difference
 * lies below 0 (`metrics/acceptance.ts` `aiMinusOther`), and the AI-assisted rejection rate is over the threshold's
 * multiple of the rest's (`aiRatio`, as the AI comparison's and the AI defects').
 */
export const aiAcceptance: AdviceRule = {
  id: 'ai-acceptance',
  needs: 'github',
  evaluate(input, t) {
    const a = input.summary.acceptance;
    if (!a) return null;
    const ai = rejection(a.ai);
    const other = rejection(a.other);
    const diff = a.aiMinusOther;
    // the interval must say AI-assisted ones are accepted less, and the rejection rate be over the threshold's multiple
    if (!diff.real || !measured(diff.high) || diff.high >= 0 || !measured(ai) || !measured(other) || !(ai > other * t.aiRatio)) return null;
    const ratio = other > 0 ? ` ${times(ai / other)} as often` : '';
    const spent = a.ai.reviewTime > 0 ? `; the ${plural(a.ai.rejected, 'rejected one')} took ${num(hours(a.ai.reviewTime))} hours in review (first review → close, summed) and ${plural(a.ai.reviews, 'review')}` : '';
    return row({
      id: 'ai-acceptance',
      measure:
        'Acceptance: of the pull requests decided in the window, the share merged — merged ÷ (merged + closed unmerged); drafts, ' +
        'agents\' failed runs and open ones apart — AI-assisted against the rest',
      value:
        `AI-assisted pull requests were rejected${ratio}: ${percent(ai)} (${a.ai.rejected} of ${a.ai.merged + a.ai.rejected}) against ${percent(other)} for the rest ` +
        `(${a.other.rejected} of ${a.other.merged + a.other.rejected}) (threshold ${times(t.aiRatio)}); AI-assisted ${accepted(a.ai)}, the rest ${accepted(a.other)}; ` +
        // the interval of AI-assisted − other lies below 0: written as how much lower, which a percentage can say
        `the AI-assisted acceptance rate is lower by ${interval(-diff.high, measured(diff.low) ? -diff.low : null)} (95%), an interval that leaves out 0${spent}`,
      tellsYou:
        'Reviewers are spending their time on AI-assisted work that is then thrown away, more often than on the rest, and the ' +
        'interval says it is not chance. Writing the code got cheaper; deciding whether to keep it did not, and the review queue pays for it.',
      doNext:
        'Read the rejected AI-assisted pull requests and sort them by why they were closed (wrong problem, no tests, too large, ' +
        'duplicate, an agent left unattended); agree what one must carry before it asks for review (a linked issue, tests, a size ' +
        'limit), and let its author close a failed attempt before a reviewer picks it up.',
      // the hours reviewers had the rejected AI-assisted pull requests in hand
      impact: hours(a.ai.reviewTime),
      figure: 'summary.acceptance.ai.rate',
      threshold: times(t.aiRatio),
    });
  },
  check(input, t) {
    const a = input.summary.acceptance;
    if (!a || !measured(a.ai.rate) || !measured(a.other.rate)) return null;
    return `AI-assisted acceptance ${percent(a.ai.rate)} vs ${percent(a.other.rate)}${a.aiMinusOther.real ? '' : ' (the data cannot tell)'} (rejection threshold ${times(t.aiRatio)})`;
  },
};
