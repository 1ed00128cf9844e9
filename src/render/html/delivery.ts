import { STAGES, type StageName } from '../../domain.js';
import { UNLINKED_LEAD, unlinkedText } from '../incidents.js';
import { durationFormat, formatDuration, formatLines as lines, formatRatio, formatPerWeek } from '../duration.js';
import { DEPLOY_CHANGES_NOTE, deploysInWindow, distributionBasis, listsLeftOut, minuteOf } from '../format.js';
import type { Report } from '../../report/schema.js';
import { barChart } from '../svg/bars.js';
import { LEAD_COLOUR, OTHER_COLOUR, STAGE_COLOURS } from '../svg/scale.js';
import { timelineChart, type TimelineEvent } from '../svg/timeline.js';
import { weeklyChart } from '../svg/trend.js';
import { keySeries, periodsSoFar } from '../trend.js';
import { repositoryNamer } from '../names.js';
import { charts, details, ext, figure, h, link, num, plural, section, table, tiles } from './parts.js';
import { deploySignalWords } from '../signal.js';
import { stagePercentiles } from './overview.js';
import { isoSeconds } from '../../time.js';
import { noLeadTimeText } from '../unreleased.js';

const epoch = (iso: string): number => isoSeconds(iso) ?? NaN;

/** The spread of each stage, the lead-time distribution and the weekly trend, side by side. */
export function leadTime(report: Report): string {
  const days = durationFormat(report.businessHours);
  const deployed = report.summary.leadTimeDeployed;
  const lead = deployed.p50 === null || report.summary.leadTime.censored === 0 ? '' : `Over the deployed changes alone, as tools that leave out the waiting ones report it, the median lead time is ${formatDuration(deployed.p50, days)} (p90 ${formatDuration(deployed.p90, days)}).`;
  return section('lead-time', 'Lead time: spread and trend', h(lead), charts(stagePercentiles(report), distribution(report), trend(report)));
}

function distribution(report: Report): string {
  const { of, buckets } = report.summary.leadTimeHistogram;
  const deployed = of === 'leadTime';
  const what = deployed ? 'lead time' : 'cycle time';
  const svg = barChart(
    { id: 'lead-time-distribution', title: `Distribution of ${what}`, description: `How many changes had a ${what} in each range (first commit → ${deployed ? 'deploy' : 'merge'}).` },
    buckets.map((b) => ({ label: b.label, values: [b.count], text: String(b.count) })),
    { series: [{ name: 'changes', colour: STAGE_COLOURS.coding }], scale: 'count', layout: 'stacked', format: (v) => String(v ?? 0), empty: 'no change with a known duration' },
  );
  return figure(svg, `How long changes take: ${what}`, distributionBasis(report));
}

function trend(report: Report): string {
  const days = durationFormat(report.businessHours);
  const periods = periodsSoFar(report);
  const period = report.summary.trend.period ?? 'week';
  const series = keySeries(report);
  const lines = series.filter((k) => k.key === 'leadTime' || (STAGES as readonly string[]).includes(k.key));
  const svg = weeklyChart(
    { id: 'weekly-trend', title: `Lead time and stage medians by ${period}`, description: `Per ${period} (UTC), the median lead time and the median of each stage over the changes merged in it, and how many merged.` },
    {
      weeks: periods.map((p) => p.start),
      ends: periods.map((p) => p.end),
      period,
      lines: lines.map((k) => ({ name: k.label, colour: k.key === 'leadTime' ? LEAD_COLOUR : STAGE_COLOURS[k.key as StageName], strong: k.key === 'leadTime', values: k.values, bounds: k.bounds, apart: k.apart })),
      scale: 'duration',
      format: (v: number | null) => formatDuration(v, days),
      columns: { name: 'changes merged', colour: OTHER_COLOUR, values: periods.map((p) => p.changes), format: String },
      empty: 'no change merged in the window',
    },
  );
  const notes = [`Medians of the changes merged each ${period}, on a logarithmic time axis; the columns below count them.`];
  if (periods.some((p) => p.changes === 0)) notes.push(`A shaded ${period} had no merged change, so its lines break.`);
  if (periods.some((p) => p.partial || p.waiting > 0)) notes.push(`A hollow grey dot is an incomplete ${period}, cut by the window (for lead time and deploy wait also one whose changes are not all deployed, then drawn in the line's colour as a lower bound, ≥): the lines break there and it is left out of every comparison.`);
  return figure(svg, `Trend by ${period}: medians and changes merged`, notes.join(' '));
}

/** How big changes are, whether size slows them down here, and how many were reverted. */
export function changeSize(report: Report): string {
  const days = durationFormat(report.businessHours);
  const { size, reverted, partiallyReverted } = report.summary.flow;
  const svg = barChart(
    { id: 'cycle-time-by-size', title: 'Cycle time by change size', description: 'The median cycle time (first commit → merge) of the changes in each size range, in lines added plus deleted.' },
    size.buckets.map((b) => ({ label: `${b.bucket.replace('-', '–')} lines`, values: [b.cycleTimeP50] })),
    { series: [{ name: 'cycle time p50', colour: STAGE_COLOURS.coding }], scale: 'duration', format: (v: number | null) => formatDuration(v, days), empty: 'no change with a known size' },
  );
  const counts = size.buckets.map((b) => `${b.bucket.replace('-', '–')} lines: ${plural(b.count, 'change')}`).join('; ');
  return section(
    'size',
    'Change size',
    h(`Lines added plus deleted (lock, vendored and generated files left out), over ${plural(size.count, 'change')} with a known size.`),
    tiles([
      { label: 'Size, median', value: lines(size.p50), sub: `p90 ${lines(size.p90)}` },
      { label: 'Over 400 lines', value: formatRatio(size.over400), sub: `over 200 lines: ${formatRatio(size.over200)}`, alert: (size.over400 ?? 0) > report.policy.thresholds.largeChangeShare },
      { label: 'Reverted', value: String(reverted), sub: (partiallyReverted ?? 0) > 0 ? `changes a later commit reverted; ${partiallyReverted} partially (no failure)` : 'changes a later commit reverted' },
    ]),
    charts(figure(svg, 'Does size slow changes down here?', `Median cycle time per size range (${counts}).`)),
  );
}

/** The deploys of the window on a timeline, failed and rollback marked, each as tall as what it shipped. */
export function deploys(report: Report): string {
  const days = durationFormat(report.businessHours);
  const signal = deploySignalWords(report.deploySignal);
  const name = repositoryNamer(report);
  const leftOut = listsLeftOut(report, 'deploy', (flag) => `<code>${flag}</code>`);
  if (leftOut !== null) {
    // the list needs --with-changes; the summary of each repository's deploys is in its row
    const rows = (report.repositories ?? []).map((r) => `<tr>${ext(name(r.name), 'title')}${num(String(r.deploys))}${num(String(r.failedDeploys))}${num(formatPerWeek(r.deploymentFrequency))}</tr>`);
    return section(
      'deploys',
      'Deploys',
      `${h(`${plural(deploysInWindow(report), 'deploy')} in the window, read from ${signal}.`)} ${leftOut}`,
      rows.length > 0 ? table(['Repository', 'Deploys', 'Failed', 'Per week'], rows, 'lrrr', { caption: 'Deploys of each repository' }) : '',
    );
  }
  const start = epoch(report.window.since);
  const end = Math.min(epoch(report.window.until), Math.max(epoch(report.now), start + 1));
  const events: TimelineEvent[] = report.deploys.map((d) => ({
    at: epoch(d.at),
    size: d.changes,
    status: d.failed ? 'failed' : d.rollback ? 'rollback' : 'ok',
    tip: [
      `${d.repository ? `${name(d.repository)} ` : ''}${d.ref}`,
      `${minuteOf(d.at)} UTC`,
      `${plural(d.changes, 'change')} shipped`,
      ...(d.rollback ? ['rollback'] : []),
      ...(d.failed ? [`failed${d.failureReasons.length ? `: ${d.failureReasons.join('; ')}` : ''}`] : []),
      ...(d.restoredAfter !== null ? [`restored after ${formatDuration(d.restoredAfter, days)}`] : []),
    ].join(' · '),
  }));
  const svg = timelineChart(
    { id: 'deploy-timeline', title: 'Deploys over the window', description: 'Each deploy at its time, as tall as the number of counted changes it shipped first (logarithmic); failed deploys are red crosses, rollbacks orange diamonds.' },
    events,
    start,
    end,
    'changes shipped',
    'no deploy in the window',
  );
  const multi = report.repositories !== undefined;
  const rows = report.deploys.map((d) => {
    const status = [d.rollback ? 'rollback' : '', d.failed ? `failed${d.failureReasons.length ? `: ${d.failureReasons.join('; ')}` : ''}` : ''].filter(Boolean).join(', ');
    return `<tr${d.failed ? ' class="failed"' : ''}>${multi ? ext(name(d.repository ?? '')) : ''}${ext(d.ref)}<td class="date">${h(minuteOf(d.at))}</td>${num(String(d.changes))}<td>${h(status || 'ok')}</td>${num(formatDuration(d.restoredAfter, days))}</tr>`;
  });
  const list = report.deploys.length === 0 ? '' : details(`Every deploy (${report.deploys.length})`, table([...(multi ? ['Repository'] : []), 'Deploy', 'At (UTC)', 'Changes', 'Status', 'Restored after'], rows, `${multi ? 'l' : ''}llrlr`) + `<p class="note">${h(DEPLOY_CHANGES_NOTE)}</p>`);
  const note = report.deploySignal.kind === 'merge' ? 'No deploy signal was found, so every merge counts as a deploy.' : 'A deploy that shipped none of the changes counted above (a release of an older line, or one of bots\' changes or a release commit alone) sits on the baseline.';
  const unlinked = report.unlinkedIncidents ?? [];
  const incidents = unlinked.length === 0 ? '' : `<p>${h(`Unlinked ${UNLINKED_LEAD}`)}</p><ul>${unlinked.map((i) => `<li>${h(unlinkedText(i))}</li>`).join('')}</ul>`;
  return section('deploys', 'Deploys', h(`${plural(report.deploys.length, 'deploy')} in the window, read from ${signal}.`), figure(svg, 'Deploys and what each shipped', note), list, incidents);
}

/** What is merged but not deployed: how much, how long it has waited, the oldest by name. */
export function unreleased(report: Report): string {
  const days = durationFormat(report.businessHours);
  const u = report.summary.unreleased;
  if (!u) return '';
  if (u.count === 0) return section('unreleased', 'Merged, not yet deployed', 'Every change merged in the window has been deployed.');
  const oldest = u.oldestChanges ?? [];
  const multi = report.repositories !== undefined;
  const name = repositoryNamer(report);
  const unmeasured = noLeadTimeText(report);
  const rows = oldest.map((c) => `<tr>${multi ? ext(name(c.repository ?? '')) : ''}<td class="id">${link(c.url, c.id)}</td>${ext(c.title, 'title')}<td class="date">${h(minuteOf(c.mergedAt))}</td>${num(formatDuration(c.age, days))}</tr>`);
  return section(
    'unreleased',
    'Merged, not yet deployed',
    h(`Work merged in the window that is not in users’ hands yet: it counts in the lead time as still waiting.${unmeasured === null ? '' : ` ${unmeasured}.`}`),
    tiles([
      { label: 'Changes waiting', value: String(u.count) },
      { label: 'Median wait so far', value: formatDuration(u.p50Age, days) },
      { label: 'Longest wait', value: formatDuration(u.oldestAge, days), alert: u.oldestAge !== null && u.oldestAge > 14 * 86400 },
    ]),
    rows.length > 0 ? table([...(multi ? ['Repository'] : []), 'Change', 'Title', 'Merged (UTC)', 'Waiting'], rows, `${multi ? 'l' : ''}lllr`, { caption: `The ${rows.length} waiting longest` }) : oldestIds(u.oldest),
  );
}

function oldestIds(ids: readonly string[]): string {
  return ids.length === 0 ? '' : `<p>Oldest: <span class="ext">${h(ids.join(', '))}</span></p>`;
}
