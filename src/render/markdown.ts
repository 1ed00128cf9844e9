import { STAGES, type StageName } from '../domain.js';
import type { DoraFigure } from '../metrics/dora.js';
import { sparkline } from '../metrics/trend.js';
import type { Report, ReportChange } from '../report/schema.js';
import { formatDuration, formatPercent } from './duration.js';
import { differenceText, verdictText, whatIfText } from './confidence.js';
import { businessHoursText, doraNotes, httpUrl, minuteOf } from './format.js';
import { healthSections, type HealthSection } from './health.js';
import { renderRepositoryMarkdown } from './repositories.js';
import { escapeHtml, escapeMarkdown } from './sanitize.js';
import { stageLabel } from './text.js';

export interface MarkdownOptions {
  /** list at most this many changes (a PR comment holds 65,536 characters); default: all */
  maxChanges?: number;
}

/**
 * Text from git or GitHub as inline Markdown: HTML and table syntax escaped (sanitize.ts), and what GitHub would
 * act on neutralised too — `@login` would notify, `#12` would cross-reference, `$…$` is math, `~` strikes
 * through. Newlines were already folded to spaces.
 */
export function md(text: string): string {
  return escapeMarkdown(text)
    .replace(/[~$]/g, (c) => `\\${c}`)
    .replace(/@(?=[\w-])/g, '@&#8203;')
    // not the `#` of an entity (`&#39;`, or the one just written)
    .replace(/(?<!&)#(?=\d)/g, '#&#8203;');
}

/** `md`, for text that starts a line of its own (a list item): a leading `#`, `-`, `+`, `=` or `1.` would start a block. */
function mdLine(text: string): string {
  return md(text).replace(/^(\s*)([#+\-=]|\d+(?=[.)]))/, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/**
 * The whole report as GitHub-flavoured Markdown, for PR comments, wikis and the Actions step summary: header,
 * headline, stage table, DORA keys, recommendations, the summary's other sections, then deploys, slowest
 * changes and every change in collapsible sections, and the notes. Every piece of text from git or GitHub is
 * escaped, so a title cannot break a table or inject markup.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [...header(report)];
  const repositories = renderRepositoryMarkdown(report);
  if (repositories) out.push(repositories);
  if (report.changes.length === 0) {
    out.push(`No changes merged between ${report.window.since} and ${report.window.until}.`, '');
  } else {
    out.push(`> **${md(report.summary.headline)}**`, '');
    out.push(...stageTable(report), ...queueSection(report), ...doraTable(report), ...recommendations(report), ...flow(report));
    for (const section of healthSections(report)) out.push(...healthSection(section), ...(section.id === 'ai' ? aiDifferences(report) : []));
    out.push(...trend(report), ...deploys(report), ...slowest(report), ...allChanges(report, options.maxChanges));
  }
  out.push(...notes(report));
  out.push(`<sub>${escapeHtml(`${report.tool.name} ${report.tool.version}`)} · generated ${escapeHtml(report.generatedAt)}</sub>`);
  return `${out.join('\n')}\n`;
}

function header(report: Report): string[] {
  const r = report.repository;
  const detail = report.deploySignal.detail ? ` (${md(report.deploySignal.detail)})` : '';
  const hours = businessHoursText(report);
  return [
    `## flowaudit · ${md(r.remote ?? r.path)}`,
    '',
    `**Branch** ${md(r.branch)} · **window** ${day(report.window.since)} → ${day(report.window.until)}` +
      ` · **sources** ${report.sources.join(' + ')} · **deploys** ${md(report.deploySignal.kind)}${detail}`,
    '',
    ...(hours ? [`**Business hours on**: durations count only ${md(hours)}.`, ''] : []),
  ];
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], align: string, rows: readonly string[][]): string[] {
  return [row(head), row([...align].map((a) => (a === 'r' ? '--:' : ':--'))), ...rows.map(row), ''];
}

function stageTable(report: Report): string[] {
  const s = report.summary;
  const excluded = [s.excluded.bots > 0 ? `${s.excluded.bots} by bots` : '', s.excluded.syncs > 0 ? `${s.excluded.syncs} syncs` : ''].filter(Boolean).join(', ');
  const rows = STAGES.map((stage) => {
    const f = s.stages[stage];
    return [stageLabel(stage, report), String(f.count), formatDuration(f.p50), formatDuration(f.p75), formatDuration(f.p90), formatPercent(f.share)].map(md);
  });
  for (const [name, d, what] of [['cycle time', s.cycleTime, 'first commit → merge'], ['lead time', s.leadTime, 'first commit → deploy']] as const) {
    rows.push([`**${name}** (${what})`, String(d.count), formatDuration(d.p50), formatDuration(d.p75), formatDuration(d.p90), '']);
  }
  return [
    '### Where the time goes',
    '',
    `${s.changes} change(s) counted${excluded ? ` (left out: ${excluded})` : ''}; shares over ${s.shareBasis.changes} ${s.shareBasis.kind} change(s).`,
    '',
    ...table(['Stage', 'Changes', 'p50', 'p75', 'p90', 'Share'], 'lrrrrr', rows),
  ];
}

function doraTable(report: Report): string[] {
  const d = report.summary.dora;
  const f = d.deploymentFrequency;
  const band = (x: DoraFigure): string => x.band ?? '—';
  const rows = [
    ['Deployment frequency', `${num(f.value)} per week · ${num(f.deployDaysPerWeek)} deploy-days per week`, band(f), `${f.count} deploy(s)`],
    ['Lead time for changes', median(d.leadTime.value), band(d.leadTime), `${d.leadTime.count} change(s)`],
    ['Change failure rate', formatPercent(d.changeFailureRate.value, 1), band(d.changeFailureRate), `${d.changeFailureRate.count} deploy(s)`],
    ['Time to restore', median(d.timeToRestore.value), band(d.timeToRestore), `${d.timeToRestore.count} restore(s)`],
    ['Deployment rework rate', formatPercent(d.reworkRate.value, 1), band(d.reworkRate), `${d.reworkRate.count} deploy(s)`],
  ];
  const figureNotes = doraNotes([['Deployment frequency', f], ['Lead time for changes', d.leadTime], ['Change failure rate', d.changeFailureRate], ['Time to restore', d.timeToRestore], ['Deployment rework rate', d.reworkRate]]);
  return ['### DORA keys', '', ...table(['Key', 'Value', 'Band', 'Over'], 'lrll', rows.map((r) => r.map(md))), ...figureNotes.map((n) => `- ${mdLine(n)}`), ...(figureNotes.length ? [''] : [])];
}

function recommendations(report: Report): string[] {
  if (report.recommendations.length === 0) return [];
  // the what-if goes with what was measured, so the table keeps the articles' four columns
  const measured = (r: Report['recommendations'][number]): string => (r.whatIf ? `${r.value}. What if: ${whatIfText(r.whatIf, stageLabel(r.whatIf.stage, report))}` : r.value);
  const rows = report.recommendations.map((r) => [r.measure, measured(r), r.tellsYou, r.doNext].map(md));
  return ['### What to do next', '', ...table(['What you measure', 'Measured', 'What it tells you', 'What you do next'], 'llll', rows)];
}

/** Where the queue builds (SPEC section 9): the trend per stage, then every week's arrivals, departures and queue. */
function queueSection(report: Report): string[] {
  const s = report.summary;
  const stages = STAGES.filter((stage) => (s.queues[stage]?.length ?? 0) > 0);
  if (stages.length === 0) return [];
  const rate = (n: number | null | undefined, sign = false): string => (n === null || n === undefined ? '—' : `${sign && n > 0 ? '+' : ''}${n.toFixed(1)}`);
  const trend = stages.map((stage) => {
    const t = s.queueTrend[stage];
    return [stageLabel(stage, report), rate(t?.arrivalsPerWeek), rate(t?.departuresPerWeek), rate(t?.growthPerWeek, true), rate(t?.meanQueue), rate(t?.littleQueue), formatDuration(t?.meanTimeInStage ?? null)].map(md);
  });
  const capacity = s.reviewCapacity ?? [];
  const weeks = (s.queues[stages[0] as StageName] ?? []).map((w, i) => [
    md(w.weekStart.slice(0, 16).replace('T', ' ')),
    ...stages.map((stage) => {
      const week = s.queues[stage]?.[i];
      if (!week) return '—';
      return `${week.arrivals} / ${week.departures} / **${week.queue}**${week.aiShare === null ? '' : ` (${formatPercent(week.aiShare)} AI)`}`;
    }),
    ...(capacity.length > 0 ? [String(capacity[i]?.reviews ?? '—'), String(capacity[i]?.readyPulls ?? '—')] : []),
  ]);
  const zone = report.businessHours?.timezone ?? 'UTC';
  return [
    '### Where the queue builds',
    '',
    ...table(['Stage', 'Arrivals a week', 'Departures a week', 'Queue growth a week', 'Mean queue (L)', 'λ × W', 'Time in stage (W)'], 'lrrrrrr', trend),
    'Little\'s law: the mean queue is about arrivals a week × time in stage when the window is steady; far apart, the queue grew or drained.',
    '',
    ...details('Weekly queues', [
      `Each week: arrivals / departures / **queue at its end** (AI-assisted share of the arrivals). Weeks start Monday 00:00 ${md(zone)}, shown in UTC.`,
      '',
      ...table(['Week of (UTC)', ...stages.map((stage) => md(stageLabel(stage, report))), ...(capacity.length > 0 ? ['Reviews done', 'Pull requests ready'] : [])], `l${'r'.repeat(stages.length + (capacity.length > 0 ? 2 : 0))}`, weeks),
    ]),
  ];
}

/** The AI comparison's p50 differences with their 95% intervals, below its table. */
function aiDifferences(report: Report): string[] {
  const ai = report.summary.aiComparison;
  const rows = (['leadTime', 'cycleTime', ...STAGES] as const).flatMap((k) => {
    const text = differenceText(ai.intervals[k]);
    const name = k === 'leadTime' ? 'Lead time' : k === 'cycleTime' ? 'Cycle time' : stageLabel(k, report);
    return text === null ? [] : [[md(name), md(text), verdictText(ai.intervals[k])]];
  });
  return rows.length === 0 ? [] : table(['p50 AI-assisted − other', 'Difference (95% interval)', 'Can the data tell?'], 'lrl', rows);
}

function flow(report: Report): string[] {
  const { size, reverted } = report.summary.flow;
  const ai = report.summary.ai;
  const lines = [
    `- **Size** (lines changed, lock and generated files left out): p50 ${num(size.p50, 0)}, p90 ${num(size.p90, 0)}, over 200 lines ${formatPercent(size.over200)}, over 400 lines ${formatPercent(size.over400)} (${size.count} change(s) with a known size)`,
    `- **Reverted**: ${reverted} change(s)`,
    `- **AI-assisted**: at least ${ai.assisted} change(s), ${ai.other} other (a lower bound: only marked work is found)`,
  ];
  if (report.summary.flow.anomalies.clockSkew > 0) lines.push(`- **Clock skew**: ${report.summary.flow.anomalies.clockSkew} negative interval(s) clamped to 0`);
  return ['### Flow', '', ...lines, ''];
}

function healthSection(section: HealthSection): string[] {
  const out = [`### ${md(section.title)}`, ''];
  if (section.figures.length > 0) out.push(...table(['Figure', 'Value'], 'lr', section.figures.map(([k, v]) => [md(k), md(v)])));
  for (const t of section.tables) out.push(...table(t.head.map(md), t.head.map((_, i) => (i === 0 ? 'l' : 'r')).join(''), t.rows.map((r) => r.map(md))));
  return out;
}

function trend(report: Report): string[] {
  const weeks = report.summary.trend.weeks;
  if (weeks.length < 2) return [];
  const lead = weeks.map((w) => w.leadTimeP50);
  const useLead = lead.some((v) => v !== null);
  const spark = sparkline(useLead ? lead : weeks.map((w) => w.cycleTimeP50 ?? null));
  const rows = weeks.map((w) => [
    md(w.weekStart),
    w.changes === undefined ? '—' : String(w.changes),
    formatDuration(w.leadTimeP50),
    formatDuration(w.cycleTimeP50 ?? null),
    ...STAGES.map((s) => formatDuration(w.stages[s] ?? null)),
  ]);
  return details(
    `Weekly trend: ${useLead ? 'lead' : 'cycle'} time p50 ${spark}`.trimEnd(),
    [
      'Medians of the changes merged each week (weeks start Monday, UTC).',
      '',
      ...table(['Week of', 'Changes', 'Lead time p50', 'Cycle time p50', ...STAGES.map((s) => `${s} p50`)], 'lrrrrrrrr', rows),
    ],
  );
}

function deploys(report: Report): string[] {
  if (report.deploys.length === 0) return [];
  const rows = report.deploys.map((d) => [
    md(d.ref),
    md(minuteOf(d.at)),
    String(d.changes),
    md([d.rollback ? 'rollback' : '', d.failed ? `failed${d.failureReasons.length ? `: ${d.failureReasons.join('; ')}` : ''}` : ''].filter(Boolean).join(', ') || 'ok'),
    formatDuration(d.restoredAfter),
  ]);
  return details(`Deploys (${report.deploys.length})`, table(['Deploy', 'At (UTC)', 'Changes', 'Status', 'Restored after'], 'llrlr', rows));
}

function slowest(report: Report): string[] {
  const top = report.summary.slowest.slice(0, 5);
  if (top.length === 0) return [];
  const rows = top.map((ch) => [changeRef(ch), md(ch.title), formatDuration(ch.total), ch.stage ? md(`${stageLabel(ch.stage, report)} ${formatDuration(ch.stageSeconds)}`) : '—']);
  return details(`Slowest changes (${top.length})`, table(['Change', 'Title', 'Total', 'Mostly'], 'llrl', rows));
}

function allChanges(report: Report, limit: number | undefined): string[] {
  const shown = limit === undefined ? report.changes : report.changes.slice(0, Math.max(0, limit));
  const rows = shown.map((ch) => [
    changeRef(ch),
    md(ch.title),
    md(ch.author),
    md(ch.kind) + (ch.counted ? '' : ' (not counted)'),
    md(minuteOf(ch.mergedAt)),
    ...STAGES.map((s: StageName) => formatDuration(ch.stages[s])),
    formatDuration(ch.leadTime),
    ch.additions === null || ch.deletions === null ? '—' : String(ch.additions + ch.deletions),
    md([...ch.flags, ...(ch.aiAssisted ? ['ai-assisted'] : []), ...(ch.reverted ? ['reverted'] : [])].join(', ')),
  ]);
  const more = report.changes.length - shown.length;
  return details(`All changes (${report.changes.length})`, [
    ...table(['Change', 'Title', 'Author', 'Kind', 'Merged (UTC)', ...STAGES, 'Lead time', 'Size', 'Flags'], 'lllllrrrrrrrl', rows),
    ...(more > 0 ? [`${more} more in the JSON report (\`--format json\`).`, ''] : []),
  ]);
}

function notes(report: Report): string[] {
  const out: string[] = [];
  if (report.warnings.length > 0) out.push('### Warnings', '', ...report.warnings.map((w) => `- ${mdLine(w)}`), '');
  if (report.notes.length > 0) out.push('### Notes', '', ...report.notes.map((n) => `- ${mdLine(n)}`), '');
  return out;
}

/** A collapsible section: the blank lines let GitHub render the Markdown inside the HTML block. */
function details(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${escapeHtml(summary)}</summary>`, '', ...body, '</details>', ''];
}

function changeRef(ch: Pick<ReportChange, 'id' | 'url'>): string {
  const url = httpUrl(ch.url);
  return url ? `[${md(ch.id)}](${url})` : md(ch.id);
}

function num(value: number | null, digits = 2): string {
  return value === null ? '—' : value.toFixed(digits);
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function median(seconds: number | null): string {
  return seconds === null ? '—' : `${formatDuration(seconds)} (median)`;
}
