import { clusterText } from '../band.js';
import { STAGES, type StageName } from '../../domain.js';
import type { DoraFigure } from '../../metrics/dora.js';
import { boundOf, deployRateText, durationFormat, durationOrBound, formatDuration, formatRatio, formatPerWeek, medianRepository, ofRepositories, overText, percentileText } from '../duration.js';
import { figureLabel } from '../../metrics/catalogue.js';
import { codingUnseenNote, doraNotes, figureTitle, leftOutText, shareBasisText } from '../format.js';
import type { Report } from '../../report/schema.js';
import type { WhatIf } from '../../metrics/what-if.js';
import { hoursSavedText } from '../confidence.js';
import { barChart, stackedShareBar } from '../svg/bars.js';
import { LEAD_COLOUR, OTHER_COLOUR, STAGE_COLOURS } from '../svg/scale.js';
import { stageLabel } from '../text.js';
import { details, figure, h, num, plural, section, stageName, table, tiles, wideNum, type Tile } from './parts.js';

/** A key's position against the DORA clusters: coloured by the cluster whose published range holds it, plain words else. */
function band(dora: DoraFigure): string {
  const words = clusterText(dora);
  if (!words) return '';
  return dora.band ? ` <span class="band band-${h(dora.band)}" title="DORA 2024 cluster">${h(words)}</span>` : ` <span class="band band-none" title="DORA 2024 clusters">${h(words)}</span>`;
}

/**
 * Where a tile says its key's position: one repository's beside the label, a badge; over several, how many
 * repositories lie where, a line of small type under the value (each repository is placed on its own).
 */
function placing(dora: DoraFigure, report: Report): Pick<Tile, 'badge' | 'placed'> {
  return (report.repositories?.length ?? 0) > 1 ? { placed: clusterText(dora) || undefined } : { badge: band(dora) };
}

/** `, 1 of them with no lead time`: why the lead time tile counts fewer changes still waiting; '' when none. */
const unmeasuredText = (noLeadTime: number | undefined): string => (noLeadTime ? `, ${noLeadTime} of them with no lead time` : '');

/** The figures a reader takes away, as tiles under the headline. */
export function keyFigures(report: Report): string {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const d = s.dora;
  const excluded = leftOutText(s.excluded);
  const waiting = s.leadTime.censored ? `, ${s.leadTime.censored} still waiting` : '';
  const list: Tile[] = [
    { label: `${figureTitle('leadTime')}, median`, value: percentileText(s.leadTime, 'p50', days), ...placing(d.leadTime, report), sub: `first commit → deploy, ${plural(s.leadTime.count, 'change')}${waiting}` },
    { label: `${figureTitle('cycleTime')}, median`, value: formatDuration(s.cycleTime.p50, days), sub: 'first commit → merge' },
    deployTile(report) ?? {
      label: 'Deploys per week',
      value: formatPerWeek(d.deploymentFrequency.value),
      ...placing(d.deploymentFrequency, report),
      sub: report.deploySignal.kind === 'merge'
        ? 'every merge counted as a deploy'
        : d.deploymentFrequency.value === null && d.deploymentFrequency.coveredDays !== undefined
          ? `${deployRateText(d.deploymentFrequency)}: under a week, no rate`
          : medianRepository(d.deploymentFrequency)
            ? `the median repository’s own, of ${plural(report.repositories?.length ?? 0, 'repository', 'repositories')}`
            : `${plural(d.deploymentFrequency.count, 'deploy')} in the window`,
    },
    { label: figureTitle('dora.changeFailureRate'), value: formatRatio(d.changeFailureRate.value), ...placing(d.changeFailureRate, report), sub: medianRepository(d.changeFailureRate) ? 'the median repository’s own' : `over ${plural(d.changeFailureRate.count, 'deploy')}` },
    // the backlog when the report has it; the DORA table has the time to restore either way
    s.unreleased
      ? { label: 'Merged, not deployed', value: String(s.unreleased.count), sub: s.unreleased.count > 0 ? `waiting up to ${formatDuration(s.unreleased.oldestAge, days)}${unmeasuredText(s.unreleased.noLeadTime)}` : 'everything merged has shipped', alert: s.unreleased.count > 0 && (s.unreleased.oldestAge ?? 0) > 14 * 86400 }
      : { label: `${figureTitle('dora.timeToRestore')}, median`, value: formatDuration(d.timeToRestore.value, days), ...placing(d.timeToRestore, report), sub: medianRepository(d.timeToRestore) ? 'the median repository’s own' : `over ${plural(d.timeToRestore.count, 'restore')}` },
  ];
  list.push({ label: 'Changes counted', value: String(s.changes), sub: excluded ? `left out: ${excluded}` : 'merged in the window' });
  return tiles(list, 'key');
}

/**
 * The tile of a repository of several products: its releases per week, by which its cluster is placed (SPEC
 * section 4), with the products' deploys under them; null for one product. opentelemetry-go's year showed 3.82
 * deploys per week under "low cluster, between once per month and once every six months": 199 module tags in 8
 * releases, the 0.15 a week that placed it said only in the DORA table's note.
 */
function deployTile(report: Report): Tile | null {
  const f = report.summary.dora.deploymentFrequency;
  if (f.releasesPerWeek === null || f.releasesPerWeek === undefined || f.releases === null || f.releases === undefined) return null;
  return {
    label: 'Releases per week',
    value: formatPerWeek(f.releasesPerWeek),
    badge: band(f),
    sub: `${plural(f.releases, 'release')} of ${plural(f.count, 'deploy')} in the window (${formatPerWeek(f.value)} a week): its products' tags on one commit are one release`,
  };
}

/**
 * Where the time goes, on the first screen: the share of each stage of the typical change as a bar beside the
 * table of its percentiles. The percentiles' chart is in the lead time's section (`stagePercentiles`).
 */
export function stages(report: Report): string {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const unseen = codingUnseenNote(report);
  // what git cannot see gets no share, in the chart as in its table
  const shareOf = (k: StageName): number | null => (k === 'coding' && unseen !== null ? null : s.stages[k].share);
  const shares = stackedShareBar(
    {
      id: 'stage-shares',
      title: 'Share of the time in each stage',
      description: `The share of each stage in the ${totalOf(report)} of the typical change, over ${plural(s.shareBasis.changes, `${s.shareBasis.kind} change`)}, each segment as wide as its share; ${unseen === null ? 'the shares add up to 100% before each label is rounded' : 'the first → last commit span, 0 for most changes, has no share and its part of the bar is left empty'}.`,
    },
    STAGES.map((k) => ({ name: stageName(k, report), colour: STAGE_COLOURS[k], share: shareOf(k), detail: `p50 ${percentileText(s.stages[k], 'p50', days)}` })),
    unseen === null ? undefined : `${stageName('coding', report)}: no share (git cannot see coding time)`,
  );
  const stageRows = STAGES.map((k) => {
    const f = s.stages[k];
    const cells = [String(f.count), percentileText(f, 'p50', days), percentileText(f, 'p75', days), percentileText(f, 'p90', days), formatRatio(shareOf(k))];
    // a phone's screen keeps the stage, p50, p90 and share: the count and p75 are for wider ones
    const wide = (i: number): boolean => i === 0 || i === 2;
    // the short name, so the table fits beside the bar on a laptop's first screen; the full one on hover
    return `<tr><th scope="row" title="${h(stageLabel(k, report))}"><span class="swatch" style="background:${STAGE_COLOURS[k]}"></span>${h(stageName(k, report))}</th>${cells.map((c, i) => (wide(i) ? wideNum(c) : num(c))).join('')}</tr>`;
  });
  const totals = ([[figureTitle('cycleTime'), 'first commit → merge', s.cycleTime], [figureTitle('leadTime'), 'first commit → deploy', s.leadTime]] as const).map(
    ([name, what, d]) => `<tr class="total"><th scope="row" title="${h(what)}">${h(name)}</th>${[String(d.count), percentileText(d, 'p50', days), percentileText(d, 'p75', days), percentileText(d, 'p90', days), ''].map((c, i) => (i === 0 || i === 2 ? wideNum(c) : num(c))).join('')}</tr>`,
  );
  const notes: string[] = [];
  const censored = s.stages.deploy.censored ?? s.leadTime.censored ?? 0;
  // said where the table writes a bound (`≥`): the changes still waiting are why
  const bounded = [s.stages.deploy, s.leadTime].some((f) => (['p50', 'p75', 'p90'] as const).some((p) => boundOf(f, p) !== null));
  if (censored > 0 && bounded) {
    const one = censored === 1;
    notes.push(`${plural(censored, 'change')} merged but not yet deployed ${one ? 'counts' : 'count'} as still waiting: ${one ? 'its' : 'their'} deploy wait and lead time are at least the time waited so far (a “≥” marks a percentile the data does not reach yet).`);
  }
  if (s.flow.anomalies.clockSkew > 0) notes.push(`${plural(s.flow.anomalies.clockSkew, 'change')} with a negative interval (clock skew), clamped to 0.`);
  return section(
    'stages',
    'Where the time goes',
    h(`A stage's share: the part of the typical change's ${totalOf(report)} spent in it, over ${shareBasisText(s)}, each weighing the same.`),
    `<div class="charts split">${[
      figure(shares, `Share of the ${totalOf(report)} of the typical change, by stage`, shareCaption(report)),
      table(['Stage', 'Changes', 'p50', 'p75', 'p90', 'Share'], [...stageRows, ...totals], 'lrrrrr', { wide: [1, 3] }),
    ].join('')}</div>`,
    notes.map((n) => `<p class="note">${h(n)}</p>`).join(''),
  );
}

/** The five DORA keys with their bands and what each is over. */
export function dora(report: Report): string {
  const days = durationFormat(report.businessHours);
  const d = report.summary.dora;
  const f = d.deploymentFrequency;
  const median = (v: number | null): string => (v === null ? '—' : `${formatDuration(v, days)} (median)`);
  const rows: Array<[string, string, DoraFigure, string, string]> = [
    [figureTitle('dora.deploymentFrequency'), deployRateText(f), f, overText(f, 'deploy'), 'deploymentFrequency'],
    [figureTitle('dora.leadTime'), d.leadTime.value === null && report.summary.leadTime.atLeast !== null ? durationOrBound(null, report.summary.leadTime.atLeast, days) : median(d.leadTime.value), d.leadTime, plural(d.leadTime.count, 'change'), 'leadTime'],
    [figureTitle('dora.changeFailureRate'), ofRepositories(d.changeFailureRate, formatRatio(d.changeFailureRate.value)), d.changeFailureRate, overText(d.changeFailureRate, 'deploy'), 'changeFailureRate'],
    [figureTitle('dora.timeToRestore'), ofRepositories(d.timeToRestore, median(d.timeToRestore.value)), d.timeToRestore, overText(d.timeToRestore, 'restore'), 'timeToRestore'],
    [figureTitle('dora.reworkRate'), formatRatio(d.reworkRate.value), d.reworkRate, plural(d.reworkRate.count, 'deploy'), 'reworkRate'],
  ];
  return section(
    'dora',
    'DORA keys',
    'The four keys of the State of DevOps reports and the rework rate added in 2024, each placed against the 2024 report\'s clusters (elite, high, medium, low) as published — the last report to publish them: the cluster whose published range holds it, or the published values it lies between.',
    table(['Key', 'Value', 'Against the DORA clusters', 'Over'], rows.map(([k, v, x, over]) => `<tr><th scope="row">${h(k)}</th><td>${h(v)}</td><td>${band(x) || '<span class="muted">—</span>'}</td>${wideNum(over)}</tr>`), 'lllr', { wide: [3], kind: 'figures' }),
    doraNotes(rows.map(([k, , x]) => [k, x])).map((n) => `<p class="note">${h(n)}</p>`).join(''),
  );
}

/** What the rules found, each with what to do and, for a stage, what capping it would save. */
export function recommendations(report: Report): string {
  if (report.recommendations.length === 0) return '';
  const [first] = report.recommendations;
  if (first?.id === 'healthy') {
    // nothing fired: one sentence; what was checked folded under it, not a row of every figure
    const checked = first.checked ?? [];
    return section('recommendations', 'What to fix first', '', `<p><b>${h(`${first.measure}; ${first.value}.`)}</b></p>`, checked.length > 0 ? details(`What was checked (${checked.length})`, `<ul>${checked.map((c) => `<li>${h(c)}</li>`).join('')}</ul>`) : '');
  }
  const items = report.recommendations.map((r) => {
    const whatIf = r.whatIf ? `<div class="whatif"><b>What if</b><br>${h(whatIfText(r.whatIf, report))}</div>` : '';
    return `<li class="rec"><h3>${h(r.measure)}</h3><p class="measured">Measured: <b>${h(r.value)}</b></p><div class="rec-body"><div><p>${h(r.tellsYou)}</p><p class="do"><b>What you do next:</b> ${h(r.doNext)}</p></div>${whatIf}</div></li>`;
  });
  return section('recommendations', 'What to fix first', 'Ranked by the hours of waiting each accounts for.', `<ol class="recs">${items.join('')}</ol>`);
}

function whatIfText(w: WhatIf, report: Report): string {
  const days = durationFormat(report.businessHours);
  return `With ${stageLabel(w.stage, report)} capped at ${formatDuration(w.cap, days)} and every other stage as it was, the median lead time of the deployed changes would be ${formatDuration(w.leadTimeP50.then, days)} instead of ${formatDuration(w.leadTimeP50.now, days)}: about ${hoursSavedText(w)}, summed over the changes that waited longer.`;
}

/** What the shares are of: the lead time, or the cycle time when nothing deployed (the share basis's kind). */
function totalOf(report: Report): string {
  return report.summary.shareBasis.kind === 'deployed' ? 'lead time' : 'cycle time';
}

/**
 * What the share bar's caption may say: that the shares add up to 100% only when every stage has its share (before
 * rounding: vite's 11.9%, 19.6% and 68.5% are labelled 12%, 20% and 69%, 101% in all); else what the empty part of
 * the bar is.
 */
export function shareCaption(report: Report): string {
  const coding = report.summary.stages.coding;
  const unseen = codingUnseenNote(report) !== null;
  // no share drawn, no sum to state
  if (!STAGES.some((k) => !(k === 'coding' && unseen) && (report.summary.stages[k].share ?? 0) > 0)) return 'No change has a known, positive time: there is no share to draw.';
  // the empty part is there only when the stage git cannot see took time in the changes: else the shares shown are all of it
  return unseen && (coding.share ?? 0) > 0
    ? `Each segment is as wide as its share; the empty part is the first → last commit span, which has no share (${coding.oneCommit ?? 0} of ${plural(coding.count, 'change')}, ${formatRatio(coding.oneCommitShare)}, landed from a branch as one commit or commits of one moment): the shares shown add up to less than 100%.`
    : `Each change is split into its stages from first commit to ${report.summary.shareBasis.kind === 'deployed' ? 'deploy' : 'merge'}, and each segment is as wide as its share: the shares add up to 100% before each label is rounded.`;
}

/** p50 and p90 of each stage and of the lead time on a log axis: the spread the first screen's table gives in figures. */
export function stagePercentiles(report: Report): string {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const rows = [
    ...STAGES.map((k) => ({ label: stageName(k, report), colour: STAGE_COLOURS[k], values: [s.stages[k].p50, s.stages[k].p90], bounds: [boundOf(s.stages[k], 'p50'), boundOf(s.stages[k], 'p90')] })),
    { label: figureLabel('leadTime'), colour: LEAD_COLOUR, values: [s.leadTime.p50, s.leadTime.p90], bounds: [boundOf(s.leadTime, 'p50'), boundOf(s.leadTime, 'p90')] },
  ];
  const percentiles = barChart(
    { id: 'stage-percentiles', title: 'p50 and p90 of each stage', description: 'Per stage and for the whole lead time, the median and the 90th percentile, on a logarithmic time axis; a hollow bar is a lower bound (≥), where changes still waiting keep the percentile unknown.' },
    rows,
    { series: [{ name: 'p50: half take less', colour: OTHER_COLOUR }, { name: 'p90: one in ten takes longer', colour: OTHER_COLOUR, opacity: 0.4 }], scale: 'duration', format: (v: number | null) => formatDuration(v, days), empty: 'no stage has a known duration' },
  );
  return figure(percentiles, 'p50 and p90 per stage', 'Logarithmic axis: each grid step is a longer span (minutes, hours, days, weeks), so a median of hours and a p90 of months both show.');
}
