import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatDuration, formatPercent } from '../render/duration.js';
import { escapeMarkdown, terminalSafe } from '../render/sanitize.js';
import type { AggregateReport, RepositoryRow } from './aggregate.js';

export interface RepositoryTableOptions {
  color: boolean;
}

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const HEAD = ['repository', 'window', 'changes', 'lead time p50', 'cycle time p50', 'deploys', 'per week', 'failure rate'];

function cells(row: RepositoryRow, clean: (text: string) => string): string[] {
  return [
    clean(row.name),
    clean(`${row.window.since.slice(0, 10)} → ${row.window.until.slice(0, 10)}`),
    String(row.changes),
    formatDuration(row.leadTimeP50),
    formatDuration(row.cycleTimeP50),
    String(row.deploys),
    row.deploymentFrequency === null ? '—' : row.deploymentFrequency.toFixed(2),
    formatPercent(row.changeFailureRate),
  ];
}

/** One row per repository, then the combined figures (recomputed, not summed rows): for the terminal. */
export function renderRepositoryTable(aggregate: AggregateReport, options: RepositoryTableOptions = { color: false }): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    head: HEAD,
    chars: COMPACT,
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  for (const row of aggregate.repositories) table.push(cells(row, terminalSafe));
  table.push(combined(aggregate).map((text) => c.bold(text)));
  return `${c.bold('Repositories')}\n${table.toString()}\n`;
}

/** The same table in GitHub-flavoured Markdown, names escaped. */
export function renderRepositoryMarkdown(aggregate: AggregateReport): string {
  const rows = aggregate.repositories.map((row) => cells(row, escapeMarkdown));
  const total = combined(aggregate).map((text) => `**${escapeMarkdown(text)}**`);
  return [
    '## Repositories',
    '',
    `| ${HEAD.join(' | ')} |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...rows, total].map((r) => `| ${r.join(' | ')} |`),
  ].join('\n') + '\n';
}

function combined(aggregate: AggregateReport): string[] {
  const s = aggregate.summary;
  const freq = s.dora.deploymentFrequency.value;
  return [
    `all ${aggregate.repositories.length}`,
    `${aggregate.window.since.slice(0, 10)} → ${aggregate.window.until.slice(0, 10)}`,
    String(s.changes),
    formatDuration(s.leadTime.p50),
    formatDuration(s.cycleTime.p50),
    String(s.dora.deploymentFrequency.count),
    freq === null ? '—' : freq.toFixed(2),
    formatPercent(s.dora.changeFailureRate.value),
  ];
}
