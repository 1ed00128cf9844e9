/*
 * AI defects as every format writes it (`summary.aiDefects`): AI-assisted changes against the rest — the share
 * reverted, the share fixed up after a failed deploy, the failure rate of the deploys that shipped them — each
 * with its 95% Wilson interval, and the difference only where its 95% interval leaves out 0 and both groups are
 * large enough. Text here is unescaped; each renderer escapes it.
 */
import type { Report } from '../report/schema.js';
import { MIN_AI_GROUP } from '../metrics/limits.js';
import { formatPoints, plural } from '../units.js';
import { formatRatio } from './duration.js';
import { unsettled, withinRepositories } from './health.js';

export const AI_DEFECTS_TITLE = 'Defects: AI-assisted against other';
/** what every format says the rates are */
export const AI_DEFECTS_BASIS =
  `Reverted: undone by a later revert. Fixed up: shipped in a failed deploy that a later change repaired (a revert counts as reverted). Deploy failure rate: of the window's deploys that first shipped a counted change, those shipping an AI-assisted change against those shipping none. Rates with their 95% Wilson interval; a difference is told only when its 95% interval (Newcombe's; over several repositories the deploys', Sato's) leaves out 0, each group has at least ${MIN_AI_GROUP} changes, and Fisher's exact test agrees (under 5%).`;

type Defects = NonNullable<Report['summary']['aiDefects']>;
type Difference = Defects['revertDifference'];

export interface AiDefectsRow {
  /** `reverted`, `fixed up`, `deploy failure rate` */
  figure: string;
  /** `3 of 171 · 1.8% (0.6%–5%)` */
  ai: string;
  other: string;
  /** `+1.2 pp (−0.4 pp to +4.1 pp): the data cannot tell` */
  difference: string;
  /** a difference told: AI-assisted worse (higher) or better (lower); null when the data cannot tell */
  direction: 'worse' | 'better' | null;
}

export interface AiDefectsView {
  rows: AiDefectsRow[];
  /** `2 of 5 failed deploys shipped an AI-assisted change (40%, 12%–77%), as 22% of the 36 deploys that shipped a counted change did`; null with no failed deploy */
  failed: string | null;
  note: string | null;
}

/** The AI defects of a report, ready to lay out; null when it has none or no AI-assisted change to compare. */
export function aiDefectsView(report: Report): AiDefectsView | null {
  const d = report.summary.aiDefects;
  if (d === undefined || d.ai.changes === 0) return null;
  const rate = (k: number, n: number, value: number | null, low: number | null, high: number | null): string =>
    n === 0 ? '—' : `${k} of ${n} · ${formatRatio(value)} (${formatRatio(low)}–${formatRatio(high)})`;
  const rows: AiDefectsRow[] = [
    { figure: 'reverted', ai: rate(d.ai.reverted, d.ai.changes, d.ai.revertRate, d.ai.revertRateLow, d.ai.revertRateHigh), other: rate(d.other.reverted, d.other.changes, d.other.revertRate, d.other.revertRateLow, d.other.revertRateHigh), ...told(d.revertDifference) },
    { figure: 'fixed up', ai: rate(d.ai.fixedUp, d.ai.changes, d.ai.fixUpRate, d.ai.fixUpRateLow, d.ai.fixUpRateHigh), other: rate(d.other.fixedUp, d.other.changes, d.other.fixUpRate, d.other.fixUpRateLow, d.other.fixUpRateHigh), ...told(d.fixUpDifference) },
    { figure: 'deploy failure rate', ai: rate(d.ai.failed, d.ai.deploys, d.ai.failureRate, d.ai.failureRateLow, d.ai.failureRateHigh), other: rate(d.other.failed, d.other.deploys, d.other.failureRate, d.other.failureRateLow, d.other.failureRateHigh), ...told(d.failureDifference) },
  ];
  const failed = d.failedDeploys === 0
    ? null
    : `${d.failedWithAi} of ${plural(d.failedDeploys, 'failed deploy')} shipped an AI-assisted change (${formatRatio(d.failedAiShare)}, ${formatRatio(d.failedAiShareLow)}–${formatRatio(d.failedAiShareHigh)}), as ${formatRatio(d.deploysAiShare)} of the ${d.ai.deploys + d.other.deploys} deploys that shipped a counted change did`;
  return { rows, failed, note: d.note };
}

/** AI-assisted − other in percentage points with its interval, and what it tells. */
function told(d: Difference): Pick<AiDefectsRow, 'difference' | 'direction'> {
  if (d.value === null || d.low === null || d.high === null) return { difference: '—', direction: null };
  const direction = !d.real ? null : d.value > 0 ? 'worse' : 'better';
  // a group under the minimum: too few to tell (the note says which)
  const verdict = unsettled(d) ?? (direction === 'worse' ? 'higher for AI-assisted changes' : 'lower for AI-assisted changes');
  // over several repositories the deploys' difference is within them (metrics/ai-defects.ts): said where it is read
  return { difference: `${formatPoints(d.value)}${withinRepositories(d.repositories)} (${formatPoints(d.low)} to ${formatPoints(d.high)}): ${verdict}`, direction };
}
