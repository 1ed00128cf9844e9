import { STAGES } from '../domain.js';
import type { Report } from '../report/schema.js';
import { terminalSafe } from './sanitize.js';

const COLUMNS = [
  'id', 'number', 'kind', 'title', 'author', 'sha', 'url', 'bot', 'commits', 'additions', 'deletions', 'files',
  'firstCommitAt', 'readyAt', 'firstReviewAt', 'approvedAt', 'mergedAt', 'deployedAt',
  ...STAGES, 'cycleTime', 'leadTime', 'aiAssisted', 'reverted', 'revertedBy', 'flags',
] as const;

/** One row per change with every timestamp and stage (seconds), RFC 4180 quoting; a report over several repositories names each change's. */
export function renderCsv(report: Report): string {
  const repositoryColumn = report.repositories !== undefined;
  const head = repositoryColumn ? ['repository', ...COLUMNS] : [...COLUMNS];
  const rows = [head.join(',')];
  for (const ch of report.changes) {
    const values: Record<string, unknown> = { ...ch, ...ch.stages, flags: ch.flags.join(' ') };
    const row = COLUMNS.map((col) => cell(values[col]));
    const repository = ch.repository ?? report.repository.remote ?? report.repository.path;
    rows.push((repositoryColumn ? [cell(repository), ...row] : row).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = terminalSafe(String(value));
  // a leading = + - @ makes spreadsheets run the cell as a formula
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
