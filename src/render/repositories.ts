import { Chalk } from 'chalk';
import type { Report, RepositoryRow } from '../report/schema.js';
import { durationFormat, durationOrBound, formatDuration, formatRatio, formatPerWeek, percentileText, type DurationFormat } from './duration.js';
import { repositoryNamer } from './names.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';
import { fitTable, naturalWidth, wrap } from './text/layout.js';
import { charts, figure, section } from './html/parts.js';
import { barChart } from './svg/bars.js';
import { ACCENT_COLOUR, FAIL_COLOUR, STAGE_COLOURS } from './svg/scale.js';

/*
 * The per-repository table of a report over several repositories: one row each, then the whole (its percentiles
 * recomputed over all changes by the builder, its deploys per week and failure rate the median repository's own,
 * never summed rows). Text, Markdown and HTML lay out the same cells.
 */

const HEAD = ['repository', 'window', 'changes', 'lead time p50', 'cycle time p50', 'deploys', 'per week', 'failure rate', 'unreleased', 'top recommendation'];
/** the numeric columns, right-aligned */
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8]);
/** the last column */
const TOP = HEAD.length - 1;

function cells(row: RepositoryRow, name: (key: string) => string, days: DurationFormat): string[] {
  return [
    name(row.name),
    `${row.window.since.slice(0, 10)} → ${row.window.until.slice(0, 10)}`,
    String(row.changes),
    durationOrBound(row.leadTimeP50, row.summary.leadTime.atLeast, days),
    formatDuration(row.cycleTimeP50, days),
    String(row.deploys),
    formatPerWeek(row.deploymentFrequency),
    formatRatio(row.changeFailureRate),
    unreleasedCell(row.unreleased, days),
    row.topRecommendation ? row.topRecommendation.measure.replace(/:.*$/, '') : '—',
  ];
}

/** A window's two dates, each kept whole, the line free to break between them: one unbroken, the table was wider than a 1280 px page. */
function windowCell(text: string): string {
  return text.split(' → ').map((date) => `<span class="date">${escapeHtml(date)}</span>`).join(' → ');
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
    percentileText(s.leadTime, 'p50', days),
    formatDuration(s.cycleTime.p50, days),
    String(s.dora.deploymentFrequency.count),
    formatPerWeek(freq),
    formatRatio(s.dora.changeFailureRate.value),
    unreleasedCell(s.unreleased, days),
    top && top.id !== 'healthy' ? top.measure.replace(/:.*$/, '') : '—',
  ];
}

/**
 * What the whole row is, in one sentence: counts summed, percentiles over every change, and deploys per week and the
 * failure rate the median repository's own (each repository placed on its own against the DORA clusters, never the
 * whole by its deploys summed), with where the repositories stand. Null for a report without the distribution.
 */
function wholeNote(report: Report): string | null {
  const d = report.summary.dora;
  if (d.deploymentFrequency.repositories === undefined && d.changeFailureRate.repositories === undefined) return null;
  const where = (label: string, position: string | null | undefined): string[] => (position ? [`${label}: ${position}`] : []);
  const whereAll = [...where('deploys per week', d.deploymentFrequency.position), ...where('change failure rate', d.changeFailureRate.position), ...where('recovery time', d.timeToRestore.position)];
  return `all ${report.repositories?.length ?? 0}: changes and deploys summed, lead and cycle time over all their changes together; per week and failure rate the median repository’s own — each repository is placed on its own, never the whole by its deploys summed${whereAll.length > 0 ? `. ${whereAll.join('; ')}` : ''}.`;
}

// a repository that could not be read keeps the name it was given by: the argument to correct
function failedLines(report: Report): string[] {
  return (report.failedRepositories ?? []).map((f) => `${f.name}: ${f.error}`);
}

/** a repository's name is shown whole up to this many characters in the terminal's table */
const NAME_WHOLE = 30;
/** the figures that give way when the terminal's table is too wide, first to last; each then listed below it */
const DROP_ORDER = [4, 5, 6, 2, 7, 3];

/**
 * The table for the terminal, laid out to `width` columns (80 by default); empty when the report is over one
 * repository. Every name is whole up to 30 characters and every recommendation whole: where the table is too
 * wide, its figures give way first (cycle time, deploys, per week, changes, failure rate, lead time), each
 * column dropped written below it, row by row.
 */
export function renderRepositoryText(report: Report, options: { color: boolean; width?: number }): string {
  if (!report.repositories) return '';
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const name = repositoryNamer(report);
  const days = durationFormat(report.businessHours);
  const head = ['repository', 'window', 'changes', 'lead p50', 'cycle p50', 'deploys', '/week', 'CFR', 'unreleased', 'fix first'];
  const width = options.width ?? 80;
  const plain = [...report.repositories.map((row) => cells(row, name, days)), whole(report)].map((r) => r.map(terminalSafe));
  const rows = plain.map((r, i) => (i === plain.length - 1 ? r.map((text) => c.bold(text)) : r));
  const natural = (i: number): number => naturalWidth(head[i] ?? '', plain.map((r) => r[i]));
  // the least a column takes: a name up to 30 characters, a recommendation and every figure whole
  const least = (i: number): number => (i === 0 ? Math.min(natural(0), NAME_WHOLE + 2) : natural(i));
  const fits = (shown: readonly number[]): boolean => shown.reduce((sum, i) => sum + least(i), shown.length + 1) <= width;
  const shown = [0, 2, 3, 4, 5, 6, 7, TOP];
  const dropped: number[] = [];
  for (const i of DROP_ORDER) {
    if (fits(shown)) break;
    shown.splice(shown.indexOf(i), 1);
    dropped.push(i);
  }
  const unreleasedColumn = fits([...shown, 8]);
  if (unreleasedColumn) shown.push(8);
  const sameWindow = report.repositories.every((r) => r.window.since === report.window.since && r.window.until === report.window.until);
  const windowColumn = !sameWindow && fits([...shown, 1]);
  if (windowColumn) shown.push(1);
  shown.sort((x, y) => x - y);
  // narrower still than a name and a recommendation: they are cut, the name before the recommendation
  const columns = head.map((h, i) => ({
    head: h,
    ...(NUMERIC.has(i) && { align: 'right' as const }),
    ...(i === 0 && { min: Math.min(least(0), 12) }),
    ...(i === TOP && { min: Math.min(least(TOP), 12), rank: 1 }),
  }));
  const pick = <T>(list: readonly T[]): T[] => shown.map((i) => list[i] as T);
  const table = fitTable(pick(columns), rows.map(pick), { color: options.color, width });
  const names = plain.map((r) => r[0] ?? '');
  const below = [
    ...dropped.sort((x, y) => x - y).map((i) => `${HEAD[i] ?? ''}: ${plain.map((r, j) => `${names[j] ?? ''} ${r[i] ?? ''}`).join(' · ')}`),
    ...(unreleasedColumn ? [] : report.repositories.filter((r) => r.unreleased.count > 0).map((r) => `unreleased in ${terminalSafe(name(r.name))}: ${unreleasedCell(r.unreleased, days)}`)),
    ...(sameWindow || windowColumn ? [] : report.repositories.map((r) => `window of ${terminalSafe(name(r.name))}: ${cells(r, name, days)[1]}`)),
  ];
  const failed = failedLines(report).map((line) => c.red(`could not be read: ${terminalSafe(line)}`));
  const note = wholeNote(report);
  return [c.bold('Repositories'), table, ...below.map((line) => c.dim(wrap(line, width))), ...(note === null ? [] : [c.dim(wrap(terminalSafe(note), width))]), ...failed].join('\n');
}

/** The same table in GitHub-flavoured Markdown; empty for one repository. */
export function renderRepositoryMarkdown(report: Report): string {
  if (!report.repositories) return '';
  const name = repositoryNamer(report);
  const days = durationFormat(report.businessHours);
  const rows = [...report.repositories.map((row) => cells(row, name, days)), whole(report)].map((r, i, all) => r.map((t) => (i === all.length - 1 ? `**${escapeMarkdown(t)}**` : escapeMarkdown(t))));
  const failed = failedLines(report).map((line) => `- could not be read: ${escapeMarkdown(line)}`);
  return [
    '### Repositories',
    '',
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (NUMERIC.has(i) ? '--:' : ':--')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...(wholeNote(report) === null ? [] : [escapeMarkdown(wholeNote(report) ?? ''), '']),
    ...(failed.length > 0 ? [...failed, ''] : []),
  ].join('\n') + '\n';
}

/**
 * The repositories side by side as an HTML section: their median lead and cycle times as a chart, then the
 * table with the whole in bold and the repositories that could not be read. Empty for one repository.
 */
export function renderRepositoryHtml(report: Report): string {
  if (!report.repositories) return '';
  const th = HEAD.map((c, i) => `<th scope="col"${NUMERIC.has(i) ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const name = repositoryNamer(report);
  const days = durationFormat(report.businessHours);
  const tr = (r: string[], total: boolean): string =>
    `<tr${total ? ' class="total"' : ''}>${r.map((t, i) => (i === 0 ? `<th scope="row" class="ext">${escapeHtml(t)}</th>` : i === 1 ? `<td>${windowCell(t)}</td>` : `<td${NUMERIC.has(i) ? ' class="num"' : ''}>${escapeHtml(t)}</td>`)).join('')}</tr>`;
  const svg = barChart(
    { id: 'repository-lead-times', title: 'Median lead and cycle time per repository', description: 'For each repository, the median lead time (first commit → deploy) and cycle time (first commit → merge), on a logarithmic time axis.' },
    report.repositories.map((r) => ({ label: name(r.name), values: [r.leadTimeP50, r.cycleTimeP50], bounds: [r.leadTimeP50 === null ? r.summary.leadTime.atLeast : null, null] })),
    { series: [{ name: 'lead time p50', colour: STAGE_COLOURS.deploy }, { name: 'cycle time p50', colour: STAGE_COLOURS.coding }], scale: 'duration', format: (v: number | null) => formatDuration(v, days), empty: 'no repository has a known lead or cycle time' },
  );
  const failed = failedLines(report);
  return section(
    'repositories',
    'Repositories',
    escapeHtml(`${report.repositories.length} repositories in one report: each row is measured over its own window, the last over all their changes together.`),
    charts(figure(svg, 'Lead and cycle time by repository', 'The name is cut short where it is long; the table gives it whole.'), ...doraCharts(report.repositories, name)),
    `<div class="scroll" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>${report.repositories.map((r) => tr(cells(r, name, days), false)).join('')}${tr(whole(report), true)}</tbody></table></div>${wholeNote(report) === null ? '' : `<p class="note">${escapeHtml(wholeNote(report) ?? '')}</p>`}`,
    failed.length > 0 ? `<div class="note warn">Could not be read:<ul>${failed.map((f) => `<li class="ext">${escapeHtml(f)}</li>`).join('')}</ul></div>` : '',
  );
}

/**
 * The repositories' deploy frequency and change failure rate side by side, each from its row (the table's
 * `per week` and `failure rate`); a repository without deploys has neither, and its bar is left out.
 */
function doraCharts(rows: readonly RepositoryRow[], name: (key: string) => string): string[] {
  const frequency = barChart(
    { id: 'repository-deploy-frequency', title: 'Deploys per week by repository', description: 'For each repository, its deploys per week over its own window.' },
    rows.map((r) => ({ label: name(r.name), values: [r.deploymentFrequency] })),
    { series: [{ name: 'deploys per week', colour: ACCENT_COLOUR }], scale: 'count', format: formatPerWeek, empty: 'no repository has a deploy in its window' },
  );
  // in percent, so the axis steps in whole points (10%, 20%) rather than from 0 to 100%
  const failure = barChart(
    { id: 'repository-failure-rate', title: 'Change failure rate by repository', description: 'For each repository, the share of its deploys that failed.' },
    rows.map((r) => ({ label: name(r.name), values: [r.changeFailureRate === null ? null : r.changeFailureRate * 100] })),
    { series: [{ name: 'change failure rate', colour: FAIL_COLOUR }], scale: 'count', format: (v: number | null) => (v === null ? '—' : formatRatio(v / 100)), empty: 'no repository has a failed deploy, or none has deploys' },
  );
  return [figure(frequency, 'Deploy frequency by repository'), figure(failure, 'Change failure rate by repository')];
}
