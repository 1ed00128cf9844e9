import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Report, RepositoryRow } from '../report/schema.js';
import { formatDuration, formatPercent } from './duration.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';
import { charts, figure, section } from './html/parts.js';
import { barChart } from './svg/bars.js';
import { STAGE_COLOURS } from './svg/scale.js';

/*
 * The per-repository table of a report over several repositories: one row each, then the whole (its figures
 * recomputed over all changes by the builder, not summed rows). Text, Markdown and HTML lay out the same cells.
 */

const HEAD = ['repository', 'window', 'changes', 'lead time p50', 'cycle time p50', 'deploys', 'per week', 'failure rate', 'top recommendation'];
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function cells(row: RepositoryRow): string[] {
  return [
    row.name,
    `${row.window.since.slice(0, 10)} → ${row.window.until.slice(0, 10)}`,
    String(row.changes),
    formatDuration(row.leadTimeP50),
    formatDuration(row.cycleTimeP50),
    String(row.deploys),
    row.deploymentFrequency === null ? '—' : row.deploymentFrequency.toFixed(2),
    formatPercent(row.changeFailureRate),
    row.topRecommendation ? row.topRecommendation.measure.replace(/:.*$/, '') : '—',
  ];
}

function whole(report: Report): string[] {
  const s = report.summary;
  const freq = s.dora.deploymentFrequency.value;
  const top = report.recommendations[0];
  return [
    `all ${report.repositories?.length ?? 0}`,
    `${report.window.since.slice(0, 10)} → ${report.window.until.slice(0, 10)}`,
    String(s.changes),
    formatDuration(s.leadTime.p50),
    formatDuration(s.cycleTime.p50),
    String(s.dora.deploymentFrequency.count),
    freq === null ? '—' : freq.toFixed(2),
    formatPercent(s.dora.changeFailureRate.value),
    top && top.id !== 'healthy' ? top.measure.replace(/:.*$/, '') : '—',
  ];
}

function failedLines(report: Report): string[] {
  return (report.failedRepositories ?? []).map((f) => `${f.name}: ${f.error}`);
}

/** The table for the terminal; empty when the report is over one repository. */
export function renderRepositoryText(report: Report, options: { color: boolean }): string {
  if (!report.repositories) return '';
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    head: HEAD,
    chars: COMPACT,
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  });
  for (const row of report.repositories) table.push(cells(row).map(terminalSafe));
  table.push(whole(report).map((text) => c.bold(terminalSafe(text))));
  const failed = failedLines(report).map((line) => c.red(`could not be read: ${terminalSafe(line)}`));
  return [c.bold('Repositories'), table.toString(), ...failed, ''].join('\n') + '\n';
}

/** The same table in GitHub-flavoured Markdown; empty for one repository. */
export function renderRepositoryMarkdown(report: Report): string {
  if (!report.repositories) return '';
  const rows = [...report.repositories.map(cells), whole(report)].map((r, i, all) => r.map((t) => (i === all.length - 1 ? `**${escapeMarkdown(t)}**` : escapeMarkdown(t))));
  const failed = failedLines(report).map((line) => `- could not be read: ${escapeMarkdown(line)}`);
  return [
    '### Repositories',
    '',
    `| ${HEAD.join(' | ')} |`,
    '| :-- | :-- | --: | --: | --: | --: | --: | --: | :-- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...(failed.length > 0 ? [...failed, ''] : []),
  ].join('\n') + '\n';
}

/**
 * The repositories side by side as an HTML section: their median lead and cycle times as a chart, then the
 * table with the whole in bold and the repositories that could not be read. Empty for one repository.
 */
export function renderRepositoryHtml(report: Report): string {
  if (!report.repositories) return '';
  const th = HEAD.map((c, i) => `<th scope="col"${i >= 2 && i <= 7 ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const tr = (r: string[], total: boolean): string =>
    `<tr${total ? ' class="total"' : ''}>${r.map((t, i) => (i === 0 ? `<th scope="row" class="ext">${escapeHtml(t)}</th>` : `<td${i >= 2 && i <= 7 ? ' class="num"' : i === 1 ? ' class="date"' : ''}>${escapeHtml(t)}</td>`)).join('')}</tr>`;
  const svg = barChart(
    { id: 'repository-lead-times', title: 'Median lead and cycle time per repository', description: 'For each repository, the median lead time (first commit → deploy) and cycle time (first commit → merge), on a logarithmic time axis.' },
    report.repositories.map((r) => ({ label: r.name, values: [r.leadTimeP50, r.cycleTimeP50] })),
    { series: [{ name: 'lead time p50', colour: STAGE_COLOURS.deploy }, { name: 'cycle time p50', colour: STAGE_COLOURS.coding }], scale: 'duration', format: formatDuration, empty: 'no repository has a known lead or cycle time' },
  );
  const failed = failedLines(report);
  return section(
    'repositories',
    'Repositories',
    escapeHtml(`${report.repositories.length} repositories in one report: each row is measured over its own window, the last over all their changes together.`),
    charts(figure(svg, 'Lead and cycle time by repository', 'The name is cut short where it is long; the table gives it whole.')),
    `<div class="scroll" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>${report.repositories.map((r) => tr(cells(r), false)).join('')}${tr(whole(report), true)}</tbody></table></div>`,
    failed.length > 0 ? `<div class="note warn">Could not be read:<ul>${failed.map((f) => `<li class="ext">${escapeHtml(f)}</li>`).join('')}</ul></div>` : '',
  );
}
