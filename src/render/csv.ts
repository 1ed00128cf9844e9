import { STAGES } from '../domain.js';
import type { Report, ReportChange } from '../report/schema.js';
import { terminalSafe } from './sanitize.js';
import { repositoryName, repositoryNamer } from './names.js';
import { asWritten } from '../units.js';

const COLUMNS = [
  'id', 'number', 'kind', 'title', 'author', 'sha', 'url', 'bot', 'commits', 'additions', 'deletions', 'files',
  'firstCommitAt', 'readyAt', 'firstReviewAt', 'approvedAt', 'mergedAt', 'deployedAt',
  // the deploy that shipped it first (its tag), even one before its merge: which release holds the change
  'deployRef',
  ...STAGES, 'cycleTime', 'leadTime',
  // merged and not yet deployed at the report's now: how long it has waited, each a lower bound (empty once deployed)
  'deploySoFar', 'leadTimeSoFar',
  'aiAssisted',
  // the AI tools its evidence names, space-separated (claude-code copilot): a pivot per tool
  'aiTools', 'reverted', 'revertedBy', 'flags',
  // why the change counts as a repair (revert, failed-deploy-fix, hotfix-branch, fix-title, bug-label): the summary's repair share per change
  'repair',
] as const;

/** The CSV of the report's changes as one string (the library's; the CLI writes it in pieces). */
export function renderCsv(report: Report): string {
  return [...renderCsvChunks(report)].join('');
}

/** rows per chunk: a few large writes rather than one per change, and never the whole file as one string */
const ROWS_PER_CHUNK = 2000;

/**
 * One row per change with every timestamp and stage (seconds), RFC 4180 quoting, in pieces; a report over
 * several repositories names each change's repository first. `changes`, when given, stand for the report's.
 */
export function* renderCsvChunks(report: Report, changes: Iterable<ReportChange> = report.changes): Generator<string> {
  const repositoryColumn = report.repositories !== undefined;
  // with --by, each change's slices (space-separated): the table's rows are a pivot of this column; a monorepo's
  // products (summary.products), each change's, in another
  const slicesColumn = report.summary.slices !== undefined;
  const productColumn = report.summary.products !== undefined;
  const head = [...(repositoryColumn ? ['repository'] : []), ...COLUMNS, ...(slicesColumn ? ['slices'] : []), ...(productColumn ? ['products'] : [])];
  const name = repositoryNamer(report);
  let rows = [head.join(',')];
  for (const ch of changes) {
    const repair = ch.flags.filter((f) => f.startsWith('repair:')).map((f) => f.slice('repair:'.length)).join(' ');
    const values: Record<string, unknown> = { ...ch, ...ch.stages, deploySoFar: ch.soFar?.deploy ?? null, leadTimeSoFar: ch.soFar?.leadTime ?? null, flags: ch.flags.join(' '), aiTools: (ch.aiTools ?? []).join(' '), repair };
    const row = [...COLUMNS.map((col) => cell(values[col])), ...(slicesColumn ? [cell((ch.slices ?? []).join(' '))] : []), ...(productColumn ? [cell((ch.products ?? []).join(' '))] : [])];
    const repository = ch.repository === undefined ? repositoryName(report.repository) : name(ch.repository);
    rows.push((repositoryColumn ? [cell(repository), ...row] : row).join(','));
    if (rows.length >= ROWS_PER_CHUNK) {
      yield rows.join('\r\n') + '\r\n';
      rows = [];
    }
  }
  if (rows.length > 0) yield rows.join('\r\n') + '\r\n';
}

/** One RFC 4180 cell, escaped for the terminal and defused for spreadsheets; empty for null. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // a number as the JSON writes it (asWritten): an interpolated p90 of 2700.3999999999946 seconds is 2700.4 in both
  let text = terminalSafe(String(typeof value === 'number' && !Number.isInteger(value) ? asWritten(value) : value));
  // a leading = + - @ makes spreadsheets run the cell as a formula
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
