/*
 * AI review load as every format writes it (`summary.aiLoad`, GitHub mode): AI-assisted changes against the rest —
 * lines a reviewer is asked to read per review hour, large changes reviewed, open pull requests and their age —
 * with the lines-per-hour difference's 95% interval, and the large AI-assisted pull requests one person reviewed
 * in a day. Text here is unescaped (the worst day's reviewer is a GitHub login); each renderer escapes it.
 */
import type { Report } from '../report/schema.js';
import { LARGE_CHANGE_LINES, MIN_AI_GROUP } from '../metrics/limits.js';
import { withSign } from '../units.js';
import { formatDuration, formatNumber, type DurationFormat } from './duration.js';
import { unsettled } from './health.js';

export const AI_LOAD_TITLE = 'Review load: AI-assisted against other';
/** what every format says the figures are */
export const AI_LOAD_BASIS = `Lines per review hour: the p50 over the merged changes a person reviewed of changed lines ÷ hours from the first review to the approval. Large: over ${LARGE_CHANGE_LINES} changed lines. Open: non-draft pull requests open at the window's end. A difference is told only when its 95% interval (bootstrap) leaves out 0 and each group has at least ${MIN_AI_GROUP} reviewed changes.`;

export interface AiLoadView {
  /** [figure, AI-assisted, other] */
  rows: Array<[string, string, string]>;
  /** `+120 (+40 to +210): AI-assisted changes are read faster`; null when a group has none */
  difference: string | null;
  /** `large AI-assisted pull requests one person reviewed in a day: p90 2, at most 5 (2026-03-04, octocat)`; null without reviewer-days */
  perReviewerDay: string | null;
}

/** The AI review load of a report, ready to lay out; null from git alone or with no AI-assisted change. */
export function aiLoadView(report: Report, days: DurationFormat): AiLoadView | null {
  const l = report.summary.aiLoad;
  if (l === undefined || l === null || report.summary.ai.assisted === 0) return null;
  const group = (g: typeof l.ai): [string, string, string, string] => [
    formatNumber(g.linesPerReviewHourP50),
    `${g.largeReviewed} of ${g.reviewed}`,
    `${g.open} (${g.drafts} draft${g.drafts === 1 ? '' : 's'})`,
    formatDuration(g.openP50Age, days),
  ];
  const [a, o] = [group(l.ai), group(l.other)];
  const labels = ['lines per review hour, p50', 'large changes among those reviewed', 'open pull requests (and drafts)', 'open p50 age'];
  const rows = labels.map((label, i): [string, string, string] => [label, a[i] as string, o[i] as string]);
  const d = l.linesPerReviewHourDifference;
  const signed = (v: number): string => withSign(v, formatNumber);
  const difference = d.value === null || d.low === null || d.high === null
    ? null
    : `lines per review hour, AI-assisted − other: ${signed(d.value)} (95% interval ${signed(d.low)} to ${signed(d.high)}): ${unsettled(d) ?? (d.value > 0 ? 'AI-assisted changes are read faster per hour' : 'AI-assisted changes are read slower per hour')}`;
  const r = l.largeAiPerReviewerDay;
  const perReviewerDay = r === undefined || r.reviewerDays === 0
    ? null
    : `large AI-assisted pull requests one person reviewed in a day, over ${r.reviewerDays} reviewer-days: p90 ${formatNumber(r.p90)}, at most ${r.worst}${r.worst > 0 && r.worstDate !== null ? ` (${r.worstDate}${r.worstReviewer !== null ? `, ${r.worstReviewer}` : ''})` : ''}`;
  return { rows, difference, perReviewerDay };
}
