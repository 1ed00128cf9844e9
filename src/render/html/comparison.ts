import { STAGES, type StageName } from '../../domain.js';
import { formatAiTools } from '../ai-tools.js';
import { durationFormat, durationOrBound, formatDuration, formatLines as lines, formatNumber, formatPerWeek, formatRatio } from '../duration.js';
import { differenceCells, durationWords, SIZE_WORDS, tooFewToCompare, withinRepositories, type WithinInterval } from '../health.js';
import type { Compared } from '../../metrics/limits.js';
import type { Report } from '../../report/schema.js';
import { withSign } from '../../units.js';
import type { QueueTrend } from '../../metrics/queues.js';
import { barChart } from '../svg/bars.js';
import { AI_COLOUR, OTHER_COLOUR, STAGE_COLOURS } from '../svg/scale.js';
import { weeklyChart } from '../svg/trend.js';
import { spanNote } from '../trend.js';
import { capacityText, littlesLawText, queueStageText } from '../queue-flow.js';
import { stageLabel } from '../text.js';
import { charts, figure, h, num, plural, section, stageName, table } from './parts.js';


/** AI-assisted changes against the rest: the medians side by side, and whether each difference is real. */
export function aiComparison(report: Report): string {
  const days = durationFormat(report.businessHours);
  const ai = report.summary.aiComparison;
  const a = ai.assisted;
  const o = ai.other;
  const tools = formatAiTools(report.summary.ai, (name) => name);
  const lead = h(`At least ${plural(a.count, 'change')} carried an AI marker (a lower bound: only marked work is found), against ${plural(o.count, 'other')}.${tools ? ` ${tools[0]?.toUpperCase()}${tools.slice(1)}.` : ''}`);
  if (a.count === 0) return section('ai', 'AI-assisted vs other', `${lead} No AI-assisted change was found in the window, so there is nothing to compare.`);
  // a median more than half of a group's changes still wait past is null with a bound: drawn hollow, written ≥
  const boundOf = (group: typeof a, key: Compared): number | null => (key === 'leadTime' ? group.atLeast?.leadTime : key === 'deploy' ? group.atLeast?.deploy : null) ?? null;
  const compared: Array<[Compared, string, number | null, number | null]> = [
    ['leadTime', 'lead time', a.leadTimeP50, o.leadTimeP50],
    ['cycleTime', 'cycle time', a.cycleTimeP50, o.cycleTimeP50],
    ...STAGES.map((k): [Compared, string, number | null, number | null] => [k, stageName(k, report), a.stages[k], o.stages[k]]),
  ];
  const svg = barChart(
    { id: 'ai-vs-other', title: 'AI-assisted vs other changes: p50 of each stage', description: 'The median lead time, cycle time and stage durations of changes carrying an AI marker and of the rest, on a logarithmic time axis.' },
    compared
      .filter(([key, , x, y]) => x !== null || y !== null || boundOf(a, key) !== null || boundOf(o, key) !== null)
      .map(([key, label, x, y]) => ({ label, values: [x, y], bounds: [boundOf(a, key), boundOf(o, key)] })),
    { series: [{ name: `AI-assisted (${a.count})`, colour: AI_COLOUR }, { name: `other (${o.count})`, colour: OTHER_COLOUR }], scale: 'duration', format: (v: number | null) => formatDuration(v, days), empty: 'no duration known for either group' },
  );
  const intervals = ai.intervals;
  const row = (name: string, x: string, y: string, interval?: WithinInterval, words = durationWords(days)): string => {
    const [difference, range, said] = interval ? differenceCells(interval, words, tooFewToCompare(ai), ai.repositories) : ['', '', ''];
    return `<tr><th scope="row">${h(name)}</th>${num(x)}${num(y)}${intervals ? `${num(difference)}${num(range)}<td>${h(said)}</td>` : ''}</tr>`;
  };
  const rows = [
    ...compared.map(([key, label, x, y]) => row(key === 'leadTime' || key === 'cycleTime' ? label : stageLabel(key, report), durationOrBound(x, boundOf(a, key), days), durationOrBound(y, boundOf(o, key), days), intervals?.[key])),
    row('size, median', lines(a.p50Size), lines(o.p50Size), ai.sizeInterval, SIZE_WORDS),
    row('reverted', formatRatio(a.failureRate), formatRatio(o.failureRate)),
    ...(a.reworkShare !== null || o.reworkShare !== null ? [row('reworked after review', formatRatio(a.reworkShare), formatRatio(o.reworkShare))] : []),
  ];
  const head = ['', `AI-assisted (${a.count})`, `Other (${o.count})`, ...(intervals ? [`Difference of medians${withinRepositories(ai.repositories)}`, '95% interval', 'Verdict'] : [])];
  return section(
    'ai',
    'AI-assisted vs other',
    lead,
    ai.note ? `<p class="note warn">${h(ai.note)}</p>` : '',
    charts(figure(svg, 'Medians, AI-assisted and other', 'Each pair: the AI-assisted median above, the other changes’ below.')),
    table(head, rows, intervals ? 'lrrrrl' : 'lrr', { caption: 'The comparison in numbers' }),
    intervals ? '<p class="note">A difference counts only when its 95% interval (bootstrap) leaves out zero; otherwise the data cannot tell the groups apart.</p>' : '',
  );
}

/** Where the queue builds: changes waiting in each stage week by week, and whether arrivals outpace departures. */
export function queues(report: Report): string {
  const days = durationFormat(report.businessHours);
  const q = report.summary.queues;
  if (!q) return '';
  const trend = report.summary.queueTrend ?? {};
  const stages = STAGES.filter((k) => (q[k] ?? []).some((w) => w.queue > 0 || w.arrivals > 0));
  const small = stages.map((k) => {
    const weeks = q[k] ?? [];
    const svg = weeklyChart(
      { id: `queue-${k}`, title: `${stageName(k, report)}: changes waiting, arriving and leaving`, description: `Per week, how many changes were in ${stageLabel(k, report)} at the week's end, how many entered it and how many left it.` },
      {
        weeks: weeks.map((w) => w.weekStart.slice(0, 10)),
        lines: [
          { name: 'waiting at week’s end', colour: STAGE_COLOURS[k], strong: true, values: weeks.map((w) => w.queue), notes: weeks.map((w) => (w.aiShare === null ? '' : `AI-assisted ${formatRatio(w.aiShare)} of arrivals`)) },
          { name: 'arrived', colour: OTHER_COLOUR, dashed: true, values: weeks.map((w) => w.arrivals) },
          { name: 'left', colour: OTHER_COLOUR, values: weeks.map((w) => w.departures) },
        ],
        scale: 'count',
        format: (v) => String(v),
        plotHeight: 110,
        empty: 'no change in this stage',
      },
    );
    return figure(svg, stageLabel(k, report), growthNote(trend[k], report.summary.dora.deploymentFrequency.coveredDays ?? 0));
  });
  const rows = stages.map((k) => {
    const t = trend[k];
    const growth = t?.growthPerWeek ?? null;
    // written as the text writes it (pi-hole's −0.04 read "steady" here); marked growing only where it writes as more than 0
    const written = growth === null ? '—' : withSign(growth, formatPerWeek);
    const growthCell = `<td class="num${written.startsWith('+') ? ' growing' : ''}">${h(written)}</td>`;
    return `<tr><th scope="row"><span class="swatch" style="background:${STAGE_COLOURS[k]}"></span>${h(stageLabel(k, report))}</th>${num(formatPerWeek(t?.arrivalsPerWeek))}${num(formatPerWeek(t?.departuresPerWeek))}${growthCell}${[formatNumber(t?.meanQueue), formatNumber(t?.littleQueue), formatDuration(t?.meanTimeInStage ?? null, days)].map(num).join('')}</tr>`;
  });
  const capacity = reviewCapacity(report);
  // over repositories whose windows differ the queues are over the span every one covers, as the trends
  const span = spanNote(report);
  return section(
    'queues',
    'Where the queue builds',
    h(`When work arrives at a stage faster than it leaves, changes pile up there and wait. A queue that grows week after week marks the stage to fix first.${span === null ? '' : ` ${span}`}`),
    table(['Stage', 'Arrive per week', 'Leave per week', 'Queue growth per week', 'Mean queue', 'If steady', 'Mean time in stage'], rows, 'lrrrrrr'),
    `<p class="note">Little’s law: in a steady window the mean queue is about the arrivals per week times the mean time in the stage (in weeks), the “If steady” column. When the two differ a lot, the window was not steady. Queue growth per week is the queue at the end less the queue at the start, per week: arrivals less departures.${littleCaption(report, stages)}</p>`,
    charts(...small, capacity),
  );
}

function growthNote(t: QueueTrend | undefined, days: number): string {
  return queueStageText(t, days) ?? '';
}

/** Little's law with the numbers of the stage where most changes wait, as the text report says it. */
function littleCaption(report: Report, stages: readonly StageName[]): string {
  const trend = report.summary.queueTrend ?? {};
  const biggest = stages.map((k) => ({ k, t: trend[k] })).filter((x) => x.t !== undefined).sort((a, b) => (b.t?.meanQueue ?? 0) - (a.t?.meanQueue ?? 0))[0];
  return biggest?.t ? ` ${h(`${littlesLawText(stageLabel(biggest.k, report), biggest.t, durationFormat(report.businessHours), report.summary.dora.deploymentFrequency.coveredDays ?? 0)}.`)}` : '';
}

function reviewCapacity(report: Report): string {
  const weeks = report.summary.reviewCapacity;
  if (!weeks || weeks.length === 0) return '';
  const svg = weeklyChart(
    { id: 'review-capacity', title: 'Review capacity: reviews against pull requests ready', description: 'Per week, the reviews submitted and the pull requests ready for review.' },
    {
      weeks: weeks.map((w) => w.weekStart.slice(0, 10)),
      lines: [
        { name: 'reviews submitted', colour: STAGE_COLOURS.review, strong: true, values: weeks.map((w) => w.reviews) },
        { name: 'pull requests ready', colour: STAGE_COLOURS.pickup, values: weeks.map((w) => w.readyPulls) },
      ],
      scale: 'count',
      format: (v) => String(v),
      plotHeight: 110,
      empty: 'no review in the window',
    },
  );
  const rates = capacityText(report.summary.capacity);
  return figure(svg, 'Review capacity', `Reviews submitted each week against the pull requests ready for review: when the second line pulls away, review is the constraint.${rates === null ? '' : ` ${rates}`}`);
}

