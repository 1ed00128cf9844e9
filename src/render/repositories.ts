import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Report, RepositoryRow } from '../report/schema.js';
import { formatDuration, formatPercent } from './duration.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';

/*
 * The per-repository table of a report over several repositories: one row each, then the whole (its figures
 * recomputed over all changes by the builder, not summed rows). Text, Markdown and HTML lay out the same cells.
 */

const HEAD = ['repository', 'window', 'changes', 'lead time p50', 'cycle time p50', 'deploys', 'per week', 'failure rate', 'unreleased', 'top recommendation'];
/** the numeric columns, right-aligned */
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8]);
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
    unreleasedCell(row.unreleased),
    row.topRecommendation ? row.topRecommendation.measure.replace(/:.*$/, '') : '—',
  ];
}

/** `3 (oldest 9d)`: changes merged and not deployed at the end, and the oldest's age; — when unknown. */
function unreleasedCell(unreleased: RepositoryRow['unreleased'] | undefined): string {
  if (!unreleased) return '—';
  return unreleased.count === 0 || unreleased.oldestAge === null ? String(unreleased.count) : `${unreleased.count} (oldest ${formatDuration(unreleased.oldestAge)})`;
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
    // the summary's unreleased figures, when this version of the report has them
    unreleasedCell((s as { unreleased?: RepositoryRow['unreleased'] }).unreleased),
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
    colAligns: HEAD.map((_, i) => (NUMERIC.has(i) ? 'right' : 'left')),
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
    `| ${HEAD.map((_, i) => (NUMERIC.has(i) ? '--:' : ':--')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...(failed.length > 0 ? [...failed, ''] : []),
  ].join('\n') + '\n';
}

/** The same table as an HTML section; empty for one repository. */
export function renderRepositoryHtml(report: Report): string {
  if (!report.repositories) return '';
  const th = HEAD.map((c, i) => `<th scope="col"${NUMERIC.has(i) ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const tr = (r: string[], total: boolean): string =>
    `<tr${total ? ' class="total"' : ''}>${r.map((t, i) => (i === 0 ? `<th scope="row">${escapeHtml(t)}</th>` : `<td${NUMERIC.has(i) ? ' class="num"' : ''}>${escapeHtml(t)}</td>`)).join('')}</tr>`;
  const failed = failedLines(report);
  return `<section id="repositories">\n<h2>Repositories</h2>\n<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${report.repositories.map((r) => tr(cells(r), false)).join('')}${tr(whole(report), true)}</tbody></table></div>${
    failed.length > 0 ? `<p class="note">Could not be read:</p><ul>${failed.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>` : ''
  }\n</section>`;
}
