import { Chalk } from 'chalk';
import type { Report, RepositoryRow } from '../report/schema.js';
import { durationFormat, durationOrBound, formatDuration, formatPercent, type DurationFormat } from './duration.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';
import { fitTable, naturalWidth } from './text/layout.js';
import { charts, figure, section } from './html/parts.js';
import { barChart } from './svg/bars.js';
import { STAGE_COLOURS } from './svg/scale.js';

/*
 * The per-repository table of a report over several repositories: one row each, then the whole (its figures
 * recomputed over all changes by the builder, not summed rows). Text, Markdown and HTML lay out the same cells.
 */

const HEAD = ['repository', 'window', 'changes', 'lead time p50', 'cycle time p50', 'deploys', 'per week', 'failure rate', 'unreleased', 'top recommendation'];
/** the numeric columns, right-aligned */
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8]);
/** the last column */
const TOP = HEAD.length - 1;

function cells(row: RepositoryRow, days: DurationFormat): string[] {
  return [
    row.name,
    `${row.window.since.slice(0, 10)} → ${row.window.until.slice(0, 10)}`,
    String(row.changes),
    durationOrBound(row.leadTimeP50, row.summary.leadTime.atLeast, days),
    formatDuration(row.cycleTimeP50, days),
    String(row.deploys),
    row.deploymentFrequency === null ? '—' : row.deploymentFrequency.toFixed(2),
    formatPercent(row.changeFailureRate),
    unreleasedCell(row.unreleased, days),
    row.topRecommendation ? row.topRecommendation.measure.replace(/:.*$/, '') : '—',
  ];
}

/** `3 (oldest 9d)`: changes merged and not deployed at the end, and the oldest's age; — when unknown. */
function unreleasedCell(unreleased: RepositoryRow['unreleased'], days: DurationFormat): string {
  return unreleased.count === 0 || unreleased.oldestAge === null ? String(unreleased.count) : `${unreleased.count} (oldest ${formatDuration(unreleased.oldestAge, days)})`;
}

function whole(report: Report): string[] {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const freq = s.dora.deploymentFrequency.value;
  const top = report.recommendations[0];
  return [
    `all ${report.repositories?.length ?? 0}`,
    `${report.window.since.slice(0, 10)} → ${report.window.until.slice(0, 10)}`,
    String(s.changes),
    durationOrBound(s.leadTime.p50, s.leadTime.atLeast, days),
    formatDuration(s.cycleTime.p50, days),
    String(s.dora.deploymentFrequency.count),
    freq === null ? '—' : freq.toFixed(2),
    formatPercent(s.dora.changeFailureRate.value),
    unreleasedCell(s.unreleased, days),
    top && top.id !== 'healthy' ? top.measure.replace(/:.*$/, '') : '—',
  ];
}

function failedLines(report: Report): string[] {
  return (report.failedRepositories ?? []).map((f) => `${f.name}: ${f.error}`);
}

/** The table for the terminal, laid out to `width` columns (80 by default); empty when the report is over one repository. */
export function renderRepositoryText(report: Report, options: { color: boolean; width?: number }): string {
  if (!report.repositories) return '';
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const days = durationFormat(report.businessHours);
  // short heads; the unreleased column when there is room, then the window column when the windows differ
  // and there is room; else a line each below
  const head = ['repository', 'window', 'changes', 'lead p50', 'cycle p50', 'deploys', '/week', 'CFR', 'unreleased', 'top recommendation'];
  const width = options.width ?? 80;
  const rows = report.repositories.map((row) => cells(row, days).map(terminalSafe));
  rows.push(whole(report).map((text) => c.bold(terminalSafe(text))));
  // the repository and its top recommendation give way first, the window next; the figures never do
  const columns = head.map((h, i) => ({
    head: h,
    ...(NUMERIC.has(i) && { align: 'right' as const }),
    ...((i === 0 || i === TOP) && { min: 10 }),
    ...(i === 1 && { min: 12, rank: 1 }),
  }));
  const natural = (i: number): number => naturalWidth(head[i] ?? '', rows.map((r) => r[i]));
  const least = (shown: readonly number[]): number => shown.reduce((sum, i) => sum + (columns[i]?.min ?? natural(i)), shown.length + 1);
  const shown = [0, 2, 3, 4, 5, 6, 7, TOP];
  const unreleasedColumn = least([...shown, 8]) <= width;
  if (unreleasedColumn) shown.push(8);
  const sameWindow = report.repositories.every((r) => r.window.since === report.window.since && r.window.until === report.window.until);
  const windowColumn = !sameWindow && least([...shown, 1]) <= width;
  if (windowColumn) shown.push(1);
  shown.sort((x, y) => x - y);
  // a name cut at its end keeps its beginning: where the table cannot show every name whole, a path keeps its
  // last two parts, where local clones differ
  if (shown.reduce((sum, i) => sum + natural(i), shown.length + 1) > width) report.repositories.forEach((row, i) => ((rows[i] as string[])[0] = terminalSafe(chartLabel(row))));
  const pick = <T>(list: readonly T[]): T[] => shown.map((i) => list[i] as T);
  const table = fitTable(pick(columns), rows.map(pick), { color: options.color, width });
  const below = [
    ...(unreleasedColumn ? [] : report.repositories.filter((r) => r.unreleased.count > 0).map((r) => `unreleased in ${terminalSafe(r.name)}: ${unreleasedCell(r.unreleased, days)}`)),
    ...(sameWindow || windowColumn ? [] : report.repositories.map((r) => `window of ${terminalSafe(r.name)}: ${cells(r, days)[1]}`)),
  ];
  const failed = failedLines(report).map((line) => c.red(`could not be read: ${terminalSafe(line)}`));
  return [c.bold('Repositories'), table, ...below.map((line) => c.dim(line)), ...failed].join('\n');
}

/** The same table in GitHub-flavoured Markdown; empty for one repository. */
export function renderRepositoryMarkdown(report: Report): string {
  if (!report.repositories) return '';
  const days = durationFormat(report.businessHours);
  const rows = [...report.repositories.map((row) => cells(row, days)), whole(report)].map((r, i, all) => r.map((t) => (i === all.length - 1 ? `**${escapeMarkdown(t)}**` : escapeMarkdown(t))));
  const failed = failedLines(report).map((line) => `- could not be read: ${escapeMarkdown(line)}`);
  return [
    '### Repositories',
    '',
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (NUMERIC.has(i) ? '--:' : ':--')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...(failed.length > 0 ? [...failed, ''] : []),
  ].join('\n') + '\n';
}

/**
 * A chart label, or a terminal's table cell, cuts a long name at its end: a repository known by its path keeps
 * its last two parts there, as local clones' paths share their beginning (`~/clones/…`) and differ at the
 * end. The name is whole in the lines below the terminal's table.
 */
function chartLabel(row: RepositoryRow): string {
  if (row.remote !== null) return row.name;
  const parts = row.name.split('/').filter(Boolean);
  return parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : row.name;
}

/**
 * The repositories side by side as an HTML section: their median lead and cycle times as a chart, then the
 * table with the whole in bold and the repositories that could not be read. Empty for one repository.
 */
export function renderRepositoryHtml(report: Report): string {
  const days = durationFormat(report.businessHours);
  if (!report.repositories) return '';
  const th = HEAD.map((c, i) => `<th scope="col"${NUMERIC.has(i) ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const tr = (r: string[], total: boolean): string =>
    `<tr${total ? ' class="total"' : ''}>${r.map((t, i) => (i === 0 ? `<th scope="row" class="ext">${escapeHtml(t)}</th>` : `<td${NUMERIC.has(i) ? ' class="num"' : i === 1 ? ' class="date"' : ''}>${escapeHtml(t)}</td>`)).join('')}</tr>`;
  const svg = barChart(
    { id: 'repository-lead-times', title: 'Median lead and cycle time per repository', description: 'For each repository, the median lead time (first commit → deploy) and cycle time (first commit → merge), on a logarithmic time axis.' },
    report.repositories.map((r) => ({ label: chartLabel(r), values: [r.leadTimeP50, r.cycleTimeP50] })),
    { series: [{ name: 'lead time p50', colour: STAGE_COLOURS.deploy }, { name: 'cycle time p50', colour: STAGE_COLOURS.coding }], scale: 'duration', format: (v: number | null) => formatDuration(v, days), empty: 'no repository has a known lead or cycle time' },
  );
  const failed = failedLines(report);
  return section(
    'repositories',
    'Repositories',
    escapeHtml(`${report.repositories.length} repositories in one report: each row is measured over its own window, the last over all their changes together.`),
    charts(figure(svg, 'Lead and cycle time by repository', 'The name is cut short where it is long; the table gives it whole.')),
    `<div class="scroll" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>${report.repositories.map((r) => tr(cells(r, days), false)).join('')}${tr(whole(report), true)}</tbody></table></div>`,
    failed.length > 0 ? `<div class="note warn">Could not be read:<ul>${failed.map((f) => `<li class="ext">${escapeHtml(f)}</li>`).join('')}</ul></div>` : '',
  );
}
