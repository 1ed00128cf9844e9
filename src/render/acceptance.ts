/*
 * Acceptance as every format writes it (SPEC section 5): the share of the window's decided pull requests that
 * merged, per group (all, AI-assisted, other, each AI tool) with its 95% interval, what the rejected ones took,
 * and whether AI-assisted and other pull requests differ. Text here is unescaped; each renderer escapes it.
 */
import type { AcceptanceGroup } from '../metrics/acceptance.js';
import type { Report } from '../report/schema.js';
import { plural } from '../units.js';
import { onGitHub, REVIEW_HOSTS, reviewedElsewhere } from '../review-hosts.js';
import { formatDuration, formatRatio, type DurationFormat } from './duration.js';
import { withinRepositories } from './health.js';
import { formatPoints } from '../units.js';

export interface AcceptanceRow {
  /** `All`, `AI-assisted`, `Other`, or a tool (`copilot`) */
  name: string;
  merged: string;
  rejected: string;
  /** merged + rejected: what the rate is over */
  decided: number;
  /** `64% (39%–84%)`; `—` when none was decided */
  rate: string;
  /** the rate and its interval apart, for a table's columns: `64%`, `39%–84%` */
  share: string;
  interval: string;
  /** drafts closed unmerged and agents' failed runs: in no rate */
  apart: string;
  drafts: string;
  failedRuns: string;
  /** how many rejected ones a person reviewed or commented on */
  reviewed: string;
  /** p50 opened → closed of the rejected ones */
  toClose: string;
  /** `5 reviews, 4 comments, 5d 13h in review`; `none reviewed` */
  effort: string;
  /** the same apart, for a table's columns */
  reviews: string;
  comments: string;
  inReview: string;
  /** a tool's row, under the AI-assisted one */
  tool: boolean;
}

export interface AcceptanceView {
  /** the one sentence said, alone, when acceptance is not measured (why, and what to do) */
  unknown: string | null;
  rows: AcceptanceRow[];
  /** `AI-assisted − other: −24 pp (95% interval −61 pp to +19 pp): the data cannot tell` */
  difference: string | null;
  note: string | null;
}

export const ACCEPTANCE_TITLE = 'Acceptance: merged or closed unmerged';
/** what every format says the rates are over */
export const ACCEPTANCE_BASIS = 'Acceptance is merged ÷ (merged + rejected) of the pull requests into the tracked branch decided in the window; drafts closed unmerged and agents’ own failed runs are counted apart, open pull requests are undecided, and the interval is a 95% Wilson interval.';

/**
 * The acceptance of a report, ready to lay out; null when there is nothing to say: a git-only report without
 * AI-assisted changes (whose only word would be that it cannot know) unless `always`.
 */
export function acceptanceView(report: Report, days: DurationFormat, always = false): AcceptanceView | null {
  const a = report.summary.acceptance;
  // a report made before acceptance was measured says nothing of it
  if (a === undefined) return null;
  if (a === null) {
    const github = report.sources.includes('github');
    if (!always && !github && report.summary.ai.assisted === 0) return null;
    return { unknown: unknownText(report), rows: [], difference: null, note: null };
  }
  const rows = [
    row('All', a, days),
    row('AI-assisted', a.ai, days),
    ...a.tools.map((t) => ({ ...row(t.tool, t, days), tool: true })),
    row('Other', a.other, days),
  ];
  return { unknown: null, rows, difference: differenceText(a.aiMinusOther, a.note !== null), note: a.note };
}

function unknownText(report: Report): string {
  if (!report.sources.includes('github')) {
    const host = report.reviewHost;
    if (onGitHub(host)) return 'Acceptance cannot be known from git alone: git never sees a pull request closed without merging (read GitHub: set GH_TOKEN).';
    return `Acceptance cannot be known from git alone: git never sees a ${REVIEW_HOSTS[host].request} closed without merging. ${reviewedElsewhere(host)}.`;
  }
  return 'Acceptance is not measured: the pull requests closed without merging in the window were not all read (a GitHub read that stopped early, or a report among those aggregated made without them).';
}

function row(name: string, g: AcceptanceGroup, days: DurationFormat): AcceptanceRow {
  const apart = [g.closedDrafts > 0 ? plural(g.closedDrafts, 'draft') : '', g.failedRuns > 0 ? plural(g.failedRuns, 'failed run') : ''].filter(Boolean).join(', ');
  return {
    name,
    merged: String(g.merged),
    rejected: String(g.rejected),
    decided: g.merged + g.rejected,
    rate: g.rate === null ? '—' : `${formatRatio(g.rate)} (${interval(g)})`,
    share: formatRatio(g.rate),
    interval: g.rate === null ? '—' : interval(g),
    apart: apart || '—',
    drafts: String(g.closedDrafts),
    failedRuns: String(g.failedRuns),
    reviewed: String(g.reviewed),
    toClose: formatDuration(g.timeToCloseP50, days),
    effort: g.rejected === 0 ? '—' : g.reviewed === 0 ? 'none reviewed' : `${plural(g.reviews, 'review')}, ${plural(g.comments, 'comment')}, ${formatDuration(g.reviewTime, days)} in review`,
    reviews: String(g.reviews),
    comments: String(g.comments),
    inReview: formatDuration(g.reviewTime, days),
    tool: false,
  };
}

function interval(g: AcceptanceGroup): string {
  return `${formatRatio(g.rateLow)}–${formatRatio(g.rateHigh)}`;
}

/** A difference of two rates in percentage points, with its sign, as every page writes one. */
const points = (value: number): string => formatPoints(value);

function differenceText(d: { value: number | null; low: number | null; high: number | null; real: boolean; repositories?: number }, tooFew: boolean): string | null {
  if (d.value === null || d.low === null || d.high === null) return null;
  const verdict = tooFew ? 'too few pull requests to tell' : !d.real ? 'the data cannot tell' : d.value < 0 ? 'AI-assisted pull requests are merged less often' : 'AI-assisted pull requests are merged more often';
  return `AI-assisted − other${withinRepositories(d.repositories)}: ${points(d.value)} (95% interval ${points(d.low)} to ${points(d.high)}): ${verdict}`;
}
