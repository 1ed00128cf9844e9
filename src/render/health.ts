import { STAGES } from '../domain.js';
import type { Report } from '../report/schema.js';
import { SHORT_STAGE_LABELS } from '../stage-labels.js';
import { formatDuration, formatPercent } from './duration.js';
import { plural } from '../units.js';

/*
 * The review, rework, CI, work-in-progress and AI sections as labelled rows of plain text, each figure named
 * in words with its unit: the Markdown and HTML reports lay them out. Text here is unescaped; each renderer
 * escapes it for its format.
 */

export interface HealthTable {
  head: string[];
  rows: string[][];
}

export interface HealthSection {
  id: 'review' | 'rework' | 'ci' | 'wip' | 'ai';
  title: string;
  figures: Array<[string, string]>;
  tables: HealthTable[];
}

const count = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));
const decimal = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toFixed(1));
const lines = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : `${Math.round(n)} lines`);

/** The sections the report measured, in reading order; a section whose figures are null (git only) is left out. */
export function healthSections(report: Report): HealthSection[] {
  const s = report.summary;
  const out: HealthSection[] = [];
  if (s.review) {
    const r = s.review;
    out.push({
      id: 'review',
      title: 'Review health',
      figures: [
        ['Reviews', `${r.reviews} by ${plural(r.reviewers, 'reviewer')}, ${decimal(r.reviewsPerChange)} per change`],
        ['Share of reviews by the two busiest reviewers', formatPercent(r.topTwoShare)],
        ['Merged without review', `${r.unreviewed} (${formatPercent(r.unreviewedShare)})`],
        ['Merged without an approval by someone else', `${r.selfMerged} (${formatPercent(r.selfMergedShare)})`],
        ['Large changes (over 400 lines)', `${r.largeChanges}, ${r.largeChangesWithoutComments} approved without a comment`],
        ['Review depth on large changes (comments per 100 lines, p50)', decimal(r.largeChangeCommentsPer100LinesP50)],
      ],
      tables: r.byReviewer.length === 0 ? [] : [{
        head: ['Reviewer', 'Reviews', 'First reviews', 'Pickup p50 when first'],
        rows: r.byReviewer.slice(0, 10).map((x) => [x.reviewer, count(x.reviews), count(x.firstReviews), formatDuration(x.pickupP50)]),
      }],
    });
  }
  if (s.rework) {
    const w = s.rework;
    out.push({
      id: 'rework',
      title: 'Rework',
      figures: [
        ['Reviewed changes', count(w.reviewed)],
        ['Commits or force-pushes after the first review', `${w.reworked} (${formatPercent(w.share)})`],
        ['Changes requested', `${w.changesRequested} (${formatPercent(w.changesRequestedShare)})`],
      ],
      tables: [],
    });
  }
  if (s.ci) {
    const c = s.ci;
    out.push({
      id: 'ci',
      title: 'CI checks',
      figures: [
        ['Check wall time on the final head commit', `p50 ${formatDuration(c.p50)}, p90 ${formatDuration(c.p90)} over ${plural(c.changes, 'change')}`],
        ['Flaky checks (failed, then passed on the same commit)', `${c.flakyChecks} of ${c.checks} (${formatPercent(c.flakyRate, 1)})`],
        ['Share of the merge wait spent waiting on checks', formatPercent(c.mergeWaitOnChecksShare)],
      ],
      tables: c.worstFlaky.length === 0 ? [] : [{
        head: ['Flaky check', 'Flaky runs', 'Changes that ran it', 'Rate'],
        rows: c.worstFlaky.map((f) => [f.name, count(f.flaky), count(f.runs), formatPercent(f.rate)]),
      }],
    });
  }
  if (s.wip) {
    const w = s.wip;
    out.push({
      id: 'wip',
      title: 'Work in progress',
      figures: [
        ['Open pull requests (not drafts)', `${w.open}, and ${plural(w.drafts, 'draft')}`],
        ['Age of the open pull requests', `p50 ${formatDuration(w.p50Age)}, p90 ${formatDuration(w.p90Age)}`],
        ['Open pull requests per active author', decimal(w.perAuthor)],
      ],
      tables: [],
    });
  }
  const ai = s.aiComparison;
  if (ai.assisted.count > 0) {
    const pair = (a: string, o: string): [string, string] => [a, o];
    const rows: Array<[string, ...[string, string]]> = [
      ['Changes', ...pair(count(ai.assisted.count), count(ai.other.count))],
      ['Lead time p50', ...pair(formatDuration(ai.assisted.leadTimeP50), formatDuration(ai.other.leadTimeP50))],
      ['Cycle time p50', ...pair(formatDuration(ai.assisted.cycleTimeP50), formatDuration(ai.other.cycleTimeP50))],
      ...STAGES.map((k): [string, string, string] => [`${SHORT_STAGE_LABELS[k]} p50`, formatDuration(ai.assisted.stages[k]), formatDuration(ai.other.stages[k])]),
      ['Size p50', ...pair(lines(ai.assisted.p50Size), lines(ai.other.p50Size))],
      ['Reverted', ...pair(formatPercent(ai.assisted.failureRate), formatPercent(ai.other.failureRate))],
      ['Reworked after review', ...pair(formatPercent(ai.assisted.reworkShare), formatPercent(ai.other.reworkShare))],
    ];
    out.push({
      id: 'ai',
      title: 'AI-assisted vs other',
      figures: ai.note ? [['Note', ai.note]] : [],
      tables: [{ head: ['', 'AI-assisted (a lower bound)', 'Other'], rows }],
    });
  }
  return out;
}
