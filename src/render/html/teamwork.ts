import { durationFormat, formatDuration, formatNumber, formatRatio } from '../duration.js';
import type { Report } from '../../report/schema.js';
import { barChart } from '../svg/bars.js';
import { ACCENT_COLOUR, OTHER_COLOUR, STAGE_COLOURS } from '../svg/scale.js';
import { charts, details, ext, figure, h, link, num, plural, section, table, tiles } from './parts.js';
import { repositoryNamer } from '../names.js';
import { readReviewsHint, requestsOf } from '../../review-hosts.js';

/** reviewers drawn in the load chart; the table under it lists them all */
const REVIEWERS_DRAWN = 12;

const over = (value: number | null, threshold: number): boolean => value !== null && value > threshold;

/**
 * Review health, rework, CI and work in progress: what GitHub says of how changes are reviewed and checked.
 * From git alone these cannot be measured, and one short section says so instead of four empty ones.
 */
export function teamwork(report: Report): string[] {
  const s = report.summary;
  if (!s.review && !s.rework && !s.ci && !s.wip) {
    return [section('review', 'Review, CI and work in progress', `Git alone cannot see reviews, checks or open ${requestsOf(report.reviewHost)}, so review load, rework, CI and work in progress are not measured here (unknown, not zero). ${readReviewsHint(report.reviewHost, (s) => `<code>${s}</code>`)}`)];
  }
  return [review(report), rework(report), ci(report), wip(report)];
}

function review(report: Report): string {
  const days = durationFormat(report.businessHours);
  const r = report.summary.review;
  if (!r) return '';
  const t = report.policy.thresholds;
  const shown = r.byReviewer.slice(0, REVIEWERS_DRAWN);
  const load = barChart(
    { id: 'reviewer-load', title: 'Reviews per reviewer', description: `Submitted reviews by each of the ${shown.length} busiest reviewers, and on how many changes each was the first to review.` },
    shown.map((x) => ({ label: x.reviewer, values: [x.reviews], text: `${x.reviews} · ${x.firstReviews} first` })),
    { series: [{ name: 'reviews', colour: STAGE_COLOURS.review }], scale: 'count', layout: 'stacked', format: (v) => String(v ?? 0), empty: 'no review by anyone but the author' },
  );
  const more = r.byReviewer.length - shown.length;
  const rows = r.byReviewer.map((x) => `<tr>${ext(x.reviewer)}${num(String(x.reviews))}${num(String(x.firstReviews))}${num(formatDuration(x.pickupP50, days))}</tr>`);
  return section(
    'review',
    'Review health',
    h(`${plural(r.reviews, 'review')} by ${plural(r.reviewers, 'reviewer')}, ${formatNumber(r.reviewsPerChange)} per change.`),
    tiles([
      { label: 'Reviews by the two busiest', value: formatRatio(r.topTwoShare), sub: 'of all reviews: a bottleneck when high', alert: over(r.topTwoShare, t.reviewTopTwoShare) },
      { label: 'Merged without review', value: formatRatio(r.unreviewedShare), sub: plural(r.unreviewed, 'change'), alert: over(r.unreviewedShare, t.unreviewedShare) },
      { label: 'Merged without another’s approval', value: formatRatio(r.selfMergedShare), sub: plural(r.selfMerged, 'change') },
      {
        label: 'Review depth on large changes',
        value: formatNumber(r.largeChangeCommentsPer100LinesP50),
        sub: `comments per 100 lines (median) over ${plural(r.largeChanges, 'change')} of 400+ lines; ${r.largeChangesWithoutComments} approved without a comment`,
        alert: r.largeChangesWithoutComments > 0,
      },
    ]),
    charts(figure(load, 'Review load: reviews per reviewer', `Each bar is a reviewer’s submitted reviews; “first” counts the changes they reviewed first.${more > 0 ? ` ${plural(more, 'more reviewer')} in the table.` : ''}`)),
    rows.length > 0 ? details(`Every reviewer (${r.byReviewer.length})`, table(['Reviewer', 'Reviews', 'First to review', 'Pickup when first, median'], rows, 'lrrr')) : '',
  );
}

function rework(report: Report): string {
  const w = report.summary.rework;
  if (!w) return '';
  return section(
    'rework',
    'Rework after review',
    h(`Over the ${plural(w.reviewed, 'reviewed change')}.`),
    tiles([
      { label: 'Changed after the first review', value: formatRatio(w.share), sub: `${w.reworked} of ${w.reviewed}: commits or force-pushes after review`, alert: over(w.share, report.policy.thresholds.reworkShare) },
      { label: 'Changes requested', value: formatRatio(w.changesRequestedShare), sub: `${w.changesRequested} of ${w.reviewed}` },
    ]),
  );
}

function ci(report: Report): string {
  const days = durationFormat(report.businessHours);
  const c = report.summary.ci;
  if (!c) return '';
  const t = report.policy.thresholds;
  const durations = barChart(
    { id: 'check-durations', title: 'Check wall time', description: 'How many changes had their checks (on the final head commit) take each span of wall time.' },
    c.durationHistogram.map((b) => ({ label: b.label, values: [b.count], text: String(b.count) })),
    { series: [{ name: 'changes', colour: ACCENT_COLOUR }], scale: 'count', layout: 'stacked', format: (v) => String(v ?? 0), empty: 'no change with timed check runs' },
  );
  const flaky = c.worstFlaky.map((f) => `<tr>${ext(f.name)}${num(String(f.flaky))}${num(String(f.runs))}${num(formatRatio(f.rate))}</tr>`);
  return section(
    'ci',
    'CI checks',
    h(`Checks on the final head commit of ${plural(c.changes, 'change')}.`),
    tiles([
      { label: 'Check wall time, median', value: formatDuration(c.p50, days), sub: `p90 ${formatDuration(c.p90, days)}`, alert: over(c.p50, t.checksP50) },
      { label: 'Flaky check runs', value: formatRatio(c.flakyRate), sub: `${c.flakyChecks} of ${c.checks}: failed, then passed on the same commit`, alert: over(c.flakyRate, t.flakyRate) },
      { label: 'Merge wait spent on checks', value: formatRatio(c.mergeWaitOnChecksShare), sub: 'after approval, waiting for checks to finish' },
    ]),
    charts(
      figure(durations, 'How long checks take', 'Changes by the wall time of their checks: first start to last finish.'),
      flaky.length > 0
        ? `<figure><figcaption>The flakiest checks</figcaption>${table(['Check', 'Flaky', 'Runs', 'Rate'], flaky, 'lrrr')}<p class="note">Flaky: failed, then passed on the same commit. Runs: changes whose final commit ran the check.</p></figure>`
        : '<figure><figcaption>The flakiest checks</figcaption><p class="note">No check failed and then passed on the same commit.</p></figure>',
    ),
  );
}

function wip(report: Report): string {
  const days = durationFormat(report.businessHours);
  const w = report.summary.wip;
  if (!w) return '';
  const ages = barChart(
    { id: 'open-pull-ages', title: 'Open pull requests by age', description: 'Open pull requests at the end of the window by how long they have been open, ready for review and drafts apart.' },
    w.ageHistogram.map((b) => ({ label: b.label, values: [b.ready, b.drafts], text: b.drafts > 0 ? `${b.ready} + ${b.drafts} draft` : String(b.ready) })),
    { series: [{ name: 'ready for review', colour: STAGE_COLOURS.pickup }, { name: 'draft', colour: OTHER_COLOUR, opacity: 0.5 }], scale: 'count', layout: 'stacked', format: (v) => String(v ?? 0), empty: 'no open pull request', legend: true },
  );
  const multi = report.repositories !== undefined;
  const name = repositoryNamer(report);
  const rows = w.oldest.map((p) => `<tr>${multi ? ext(name(p.repository ?? '')) : ''}<td class="id">${link(p.url, `#${p.number}`)}</td>${ext(p.title, 'title')}${ext(p.author)}<td>${p.isDraft ? 'draft' : 'ready'}</td>${num(formatDuration(p.age, days))}</tr>`);
  return section(
    'wip',
    'Work in progress',
    h(`Pull requests open at the end of the window (bots left out), by ${plural(w.activeAuthors, 'active author')}.`),
    tiles([
      { label: 'Open, ready for review', value: String(w.open), sub: `and ${plural(w.drafts, 'draft')}` },
      { label: 'Age, median', value: formatDuration(w.p50Age, days), sub: `p90 ${formatDuration(w.p90Age, days)}` },
      { label: 'Open per active author', value: formatNumber(w.perAuthor), sub: 'ready for review', alert: over(w.perAuthor, report.policy.thresholds.wipPerAuthor) },
    ]),
    charts(figure(ages, 'Open pull requests by age', 'How long each open pull request has been open at the end of the window.')),
    rows.length > 0 ? table([...(multi ? ['Repository'] : []), 'Pull request', 'Title', 'Author', 'State', 'Open for'], rows, `${multi ? 'l' : ''}llllr`, { caption: 'The longest open' }) : '',
  );
}
