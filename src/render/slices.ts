import { Chalk } from 'chalk';
import { STAGES, type StageName } from '../domain.js';
import type { Report } from '../report/schema.js';
import type { SliceRow, Slices } from '../report/slices-schema.js';
import { SHORT_STAGE_LABELS } from '../stage-labels.js';
import { durationFormat, durationOrBound, formatDuration, formatPercent, type DurationFormat } from './duration.js';
import { section } from './html/parts.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';
import { fitTable, naturalWidth } from './text/layout.js';

/*
 * `--by`'s table: one row per team, folder or label (summary.slices). Text, Markdown and HTML lay out the same
 * cells; the share of changes no team owns is a finding of its own, written under the table.
 */

/** the stages a row shows: those the whole report measures (git alone has no pickup or merge wait) */
function shownStages(report: Report): StageName[] {
  return STAGES.filter((s) => report.summary.stages[s].p50 !== null);
}

function stageCell(row: SliceRow, stage: StageName, days: DurationFormat): string {
  const s = row.stages[stage];
  return s.p50 === null ? '—' : `${formatDuration(s.p50, days)}${s.share === null ? '' : ` (${formatPercent(s.share)})`}`;
}

/** the stage that holds most of the slice's typical change, `review 62%` */
function slowestStage(row: SliceRow): string {
  let best: StageName | null = null;
  for (const s of STAGES) if ((row.stages[s].share ?? -1) > (best === null ? -1 : (row.stages[best].share ?? -1))) best = s;
  return best === null || row.stages[best].share === null ? '—' : `${SHORT_STAGE_LABELS[best]} ${formatPercent(row.stages[best].share)}`;
}

function head(report: Report, stages: readonly StageName[]): string[] {
  const github = report.sources.includes('github');
  return ['slice', 'changes', ...stages.map((s) => `${SHORT_STAGE_LABELS[s]} p50 (share)`), 'cycle p50', 'lead p50', ...productHeads(report), 'unreleased', 'AI', ...(github ? ['reviews/change'] : []), 'top recommendation'];
}

function cells(report: Report, row: SliceRow, stages: readonly StageName[]): string[] {
  const github = report.sources.includes('github');
  const days = durationFormat(report.businessHours);
  return [
    row.name,
    String(row.changes),
    ...stages.map((s) => stageCell(row, s, days)),
    formatDuration(row.cycleTimeP50, days),
    durationOrBound(row.leadTimeP50, row.leadTimeAtLeast, days),
    ...productCells(report, row),
    String(row.unreleased),
    formatPercent(row.aiShare),
    ...(github ? [row.reviewsPerChange === null ? '—' : row.reviewsPerChange.toFixed(1)] : []),
    row.topRecommendation ? row.topRecommendation.measure.replace(/:.*$/, '') : '—',
  ];
}

/** `--by product`: each product's own deploys and failure rate (the other groupings share the repository's). */
function productHeads(report: Report): string[] {
  return report.summary.slices?.by === 'product' ? ['deploys', 'failure rate'] : [];
}

function productCells(report: Report, row: SliceRow): string[] {
  if (report.summary.slices?.by !== 'product') return [];
  return [row.deploys === undefined ? '—' : String(row.deploys), row.changeFailureRate === undefined ? '—' : formatPercent(row.changeFailureRate)];
}

/** The finding under the table: how much of the window no team owns, and where the owners were read. */
export function sliceFindings(slices: Slices, counted: number): string[] {
  if (slices.by !== 'team') return [];
  if (slices.owners === null) return ['No CODEOWNERS file at the window\'s end (.github/, the root or docs/): no change has an owner.'];
  const unowned = slices.rows.find((r) => r.name === 'team:unowned')?.changes ?? 0;
  const share = slices.unownedShare === null ? '' : ` (${formatPercent(slices.unownedShare)})`;
  return [
    `${unowned} of ${counted} changes${share} have no team owning a third of their lines in ${slices.owners}${unowned > 0 ? ': nobody is accountable for their wait' : ''}.`,
    'A change is in every team owning at least a third of its changed lines, so the rows may add up to more than the whole.',
  ];
}

/** The table for the terminal: the slowest stage's share stands for the stage columns; empty without --by. */
export function renderSlicesText(report: Report, options: { color: boolean; width?: number }): string[] {
  const slices = report.summary.slices;
  if (!slices) return [];
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const github = report.sources.includes('github');
  const days = durationFormat(report.businessHours);
  const heads = ['slice', 'changes', 'slowest stage', 'cycle p50', 'lead p50', ...productHeads(report), 'unreleased', 'AI', ...(github ? ['rev/chg'] : []), 'top recommendation'];
  const rows = slices.rows.map((r) =>
    [r.name, String(r.changes), slowestStage(r), formatDuration(r.cycleTimeP50, days), durationOrBound(r.leadTimeP50, r.leadTimeAtLeast, days), ...productCells(report, r), String(r.unreleased), formatPercent(r.aiShare),
      ...(github ? [r.reviewsPerChange === null ? '—' : r.reviewsPerChange.toFixed(1)] : []),
      r.topRecommendation ? r.topRecommendation.measure.replace(/:.*$/, '') : '—'].map(terminalSafe));
  const last = heads.length - 1;
  const columns = heads.map((h, i) => ({
    head: h,
    ...(i > 0 && i < last && i !== 2 && { align: 'right' as const }),
    ...((i === 0 || i === last) && { min: Math.min(12, naturalWidth(h, rows.map((r) => r[i]))) }),
  }));
  const table = fitTable(columns, rows, { color: options.color, width: options.width ?? 80 });
  return [c.bold(`By ${terminalSafe(slices.by)}`), table, ...sliceFindings(slices, report.summary.changes).map((l) => c.dim(terminalSafe(l)))];
}

/** The table in GitHub-flavoured Markdown, each measured stage a column; empty without --by. */
export function renderSlicesMarkdown(report: Report): string {
  const slices = report.summary.slices;
  if (!slices) return '';
  const stages = shownStages(report);
  const heads = head(report, stages);
  const rows = slices.rows.map((r) => cells(report, r, stages).map(escapeMarkdown));
  return [
    `### By ${escapeMarkdown(slices.by)}`,
    '',
    `| ${heads.map(escapeMarkdown).join(' | ')} |`,
    `| ${heads.map((_, i) => (i === 0 || i === heads.length - 1 ? ':--' : '--:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...sliceFindings(slices, report.summary.changes).map((l) => `${escapeMarkdown(l)}\n`),
  ].join('\n') + '\n';
}

/** The table as an HTML section; empty without --by. */
export function renderSlicesHtml(report: Report): string {
  const slices = report.summary.slices;
  if (!slices) return '';
  const stages = shownStages(report);
  const heads = head(report, stages);
  const last = heads.length - 1;
  const th = heads.map((t, i) => `<th scope="col"${i > 0 && i < last ? ' class="num"' : ''}>${escapeHtml(t)}</th>`).join('');
  const tr = (r: string[]): string =>
    `<tr>${r.map((t, i) => (i === 0 ? `<th scope="row" class="ext">${escapeHtml(t)}</th>` : `<td${i < last ? ' class="num"' : ' class="ext"'}>${escapeHtml(t)}</td>`)).join('')}</tr>`;
  return section(
    'slices',
    `By ${slices.by}`,
    sliceFindings(slices, report.summary.changes).map(escapeHtml).join(' '),
    `<div class="scroll" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>${slices.rows.map((r) => tr(cells(report, r, stages))).join('')}</tbody></table></div>`,
  );
}
