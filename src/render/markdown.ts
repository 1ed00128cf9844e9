import { STAGES, type StageName } from '../domain.js';
import type { DoraFigure } from '../metrics/dora.js';
import { sparkline } from '../metrics/trend.js';
import type { Report, ReportChange } from '../report/schema.js';
import { formatDuration, formatPercent } from './duration.js';
import { businessHoursText, doraNotes, httpUrl, mergedInWindow, minuteOf } from './format.js';
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
  if (mergedInWindow(report) === 0) {
    out.push(`No changes merged between ${report.window.since} and ${report.window.until}.`, '');
  } else {
    out.push(`> **${md(report.summary.headline)}**`, '');
    out.push(...stageTable(report), ...doraTable(report), ...recommendations(report), ...flow(report));
    for (const section of healthSections(report)) out.push(...healthSection(section));
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
  const rows = report.recommendations.map((r) => [r.measure, r.value, r.tellsYou, r.doNext].map(md));
  return ['### What to do next', '', ...table(['What you measure', 'Measured', 'What it tells you', 'What you do next'], 'llll', rows)];
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
  if (report.withChanges === false) {
    return [`Every change of the ${report.repositories?.length ?? 0} repositories is left out of this report: run with \`--with-changes\` to list them.`, ''];
  }
  // a report over several repositories names whose change each is
  const several = report.repositories !== undefined;
  const shown = limit === undefined ? report.changes : report.changes.slice(0, Math.max(0, limit));
  const rows = shown.map((ch) => [
    ...(several ? [md(ch.repository ?? '')] : []),
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
    ...table([...(several ? ['Repository'] : []), 'Change', 'Title', 'Author', 'Kind', 'Merged (UTC)', ...STAGES, 'Lead time', 'Size', 'Flags'], `${several ? 'l' : ''}lllllrrrrrrrl`, rows),
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
