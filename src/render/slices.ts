import { Chalk } from 'chalk';
import { STAGES, type StageName } from '../domain.js';
import { groupingNoun, groupingOf, groupingTitle, isNoGroup } from '../model/slices.js';
import type { Report } from '../report/schema.js';
import { FEW_CHANGES_NOTE } from '../report/few-changes.js';
import type { SliceRow, Slices } from '../report/slices-schema.js';
import { shortStageLabel } from '../stage-labels.js';
import { boundOf, durationFormat, durationOrBound, formatDuration, formatNumber, formatRatio, type DurationFormat } from './duration.js';
import { charts, figure, section, stageName } from './html/parts.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';
import { barChart } from './svg/bars.js';
import { STAGE_COLOURS } from './svg/scale.js';
import { droppedNote, fitTableDropping, naturalWidth, wrap } from './text/layout.js';
import { largest } from '../lists.js';
import { commonScope, scopeSentence, shortNamer } from './products.js';

/*
 * `--by`'s table: one row per team, product, folder or label (summary.slices). Text, Markdown and HTML lay out the same
 * cells from one list of columns; the share of changes no team owns is a finding of its own, written under the
 * table, and the HTML draws each slice's stage medians and lead time beside it.
 */

/**
 * An unowned share at or above this is a finding that asks for owners: a quarter of the window's changes with
 * nobody accountable for their wait is more than the odd top-level file (README, a lock file) every repository
 * has. Documented in docs/definitions.md.
 */
export const UNOWNED_FINDING = 0.25;

/**
 * the terminal table's figures in the order they give way when it is too wide, the least read first; the count
 * last, which says how much a row's median and first fix stand on ("too few" beside no count read as nothing:
 * bitwarden's 43-column team names left lead p50 and fix first, and no count)
 */
const SLICE_DROP_ORDER = ['rev/chg', 'AI', 'repos', 'unreleased', 'cycle p50', 'failure rate', 'deploys', 'slowest stage', 'lead p50', 'changes'];

/** under the Markdown and HTML tables, whose stage cells hold two figures */
const STAGE_NOTE = 'A stage\'s cell: its median, and in brackets its share of the typical change.';

const HOUR = 3600;
const DAY = 86400;

/** What a cell is written from. */
interface Context {
  report: Report;
  days: DurationFormat;
}

/** One column of the table: its head, its cell, and when the table has it. */
interface Column {
  head: string;
  cell: (row: SliceRow, ctx: Context) => string;
  /** a figure, right-aligned */
  numeric?: boolean;
  /** the table has the column only when this holds; always when absent */
  when?: (report: Report, slices: Slices) => boolean;
}

/** the stages a row shows: those the whole report measures (git alone has no pickup or merge wait), or bounds */
function shownStages(report: Report): StageName[] {
  return STAGES.filter((s) => report.summary.stages[s].p50 !== null || boundOf(report.summary.stages[s], 'p50') !== null);
}

function stageCell(row: SliceRow, stage: StageName, days: DurationFormat): string {
  const s = row.stages[stage];
  // a median beyond what the changes still waiting let it reach is its bound (`≥ 81d 17h`), its share beside it
  if (s.p50 === null && s.atLeast === undefined) return '—';
  return `${durationOrBound(s.p50, s.atLeast, days)}${s.share === null ? '' : ` (${formatRatio(s.share)})`}`;
}

const github = (report: Report): boolean => report.sources.includes('github');
const top = (row: SliceRow): string => (row.fewChanges === true ? 'too few' : row.topRecommendation ? row.topRecommendation.measure.replace(/:.*$/, '') : '—');

/** The notes under the table: its grouping's own, and the rows' with too few changes to name a first fix. */
function tableNotes(slices: Slices): string[] {
  const { note, pooledNote } = groupingOf(slices.by)?.by ?? {};
  // an aggregate of one repository's report pools nothing
  const pooled = pooledNote !== undefined && new Set(slices.rows.flatMap((r) => r.repositories ?? [])).size > 1;
  return [...(note === undefined ? [] : [note]), ...(pooled ? [pooledNote] : []), ...(slices.rows.some((r) => r.fewChanges === true) ? [FEW_CHANGES_NOTE] : [])];
}

/**
 * The columns in order. Product slices (the products a monorepo ships) add their deploys and failure rate
 * before `unreleased`, shown when a row carries them: a team's or folder's changes ship with every other's,
 * so only a product has DORA keys of its own.
 */
function columns(report: Report): Column[] {
  return [
    { head: 'slice', cell: (r) => r.name },
    { head: 'repos', numeric: true, cell: (r) => String(r.repositories?.length ?? 0), when: (_, s) => s.rows.some((r) => r.repositories !== undefined) },
    { head: 'changes', numeric: true, cell: (r) => String(r.changes) },
    ...shownStages(report).map((stage): Column => ({ head: `${stageName(stage, report)} p50`, numeric: true, cell: (r, c) => stageCell(r, stage, c.days) })),
    { head: 'cycle p50', numeric: true, cell: (r, c) => formatDuration(r.cycleTimeP50, c.days) },
    { head: 'lead p50', numeric: true, cell: (r, c) => durationOrBound(r.leadTimeP50, r.leadTimeAtLeast, c.days) },
    { head: 'deploys', numeric: true, cell: (r) => (r.deploys === undefined ? '—' : String(r.deploys)), when: byProduct },
    { head: 'failure rate', numeric: true, cell: (r) => (r.changeFailureRate === undefined ? '—' : formatRatio(r.changeFailureRate)), when: byProduct },
    { head: 'unreleased', numeric: true, cell: (r) => String(r.unreleased) },
    { head: 'AI', numeric: true, cell: (r) => formatRatio(r.aiShare) },
    { head: 'reviews/change', numeric: true, cell: (r) => formatNumber(r.reviewsPerChange), when: github },
    { head: 'top recommendation', cell: top },
  ];
}

/**
 * A grouping whose slices have deploys of their own (`--by product`): each row's deploys and failure rate (the
 * other groupings share the repository's).
 */
const byProduct = (report: Report): boolean => {
  const by = report.summary.slices?.by;
  return by !== undefined && groupingOf(by)?.ownProduct !== undefined;
};

function productHeads(report: Report): string[] {
  return byProduct(report) ? ['deploys', 'failure rate'] : [];
}

function productCells(report: Report, row: SliceRow): string[] {
  if (!byProduct(report)) return [];
  return [row.deploys === undefined ? '—' : String(row.deploys), row.changeFailureRate === undefined ? '—' : formatRatio(row.changeFailureRate)];
}

function table(report: Report, slices: Slices): { heads: string[]; numeric: boolean[]; rows: string[][] } {
  const ctx: Context = { report, days: durationFormat(report.businessHours) };
  const shown = columns(report).filter((c) => c.when === undefined || c.when(report, slices));
  return { heads: shown.map((c) => c.head), numeric: shown.map((c) => c.numeric === true), rows: slices.rows.map((r) => shown.map((c) => c.cell(r, ctx))) };
}

/** the stage that holds most of the slice's typical change, `review 62%` */
function slowestStage(row: SliceRow, gitOnly: boolean): string {
  let best: StageName | null = null;
  for (const s of STAGES) if ((row.stages[s].share ?? -1) > (best === null ? -1 : (row.stages[best].share ?? -1))) best = s;
  return best === null || row.stages[best].share === null ? '—' : `${shortStageLabel(best, gitOnly)} ${formatRatio(row.stages[best].share)}`;
}

/**
 * The findings under the table: how much of the window no team owns and where the owners were read, a call for
 * owners when that share reaches UNOWNED_FINDING, and how a change counts in several rows.
 */
export function sliceFindings(slices: Slices, counted: number): string[] {
  if (groupingOf(slices.by)?.by.owners !== true) return [];
  if (slices.owners === null) return ['No CODEOWNERS file at the window\'s end (.github/, the root or docs/): no change has an owner.'];
  const unowned = slices.rows.find((r) => isNoGroup(r.name, slices.by))?.changes ?? 0;
  const share = slices.unownedShare;
  const pooled = slices.rows.some((r) => r.repositories !== undefined);
  // pooled: the share is of the changes of the repositories whose reports were sliced, not of the whole
  const of = pooled && share !== null && share > 0 ? Math.round(unowned / share) : counted;
  return [
    `${unowned} of ${of} changes${share === null ? '' : ` (${formatRatio(share)})`} have no team owning a third of their lines in ${slices.owners}${unowned > 0 ? ': nobody is accountable for their wait' : ''}.`,
    ...(share !== null && share >= UNOWNED_FINDING
      ? [`Finding: ${formatRatio(share)} of the changes are unowned (${formatRatio(UNOWNED_FINDING)} or more): give their folders owners in CODEOWNERS, so their waits have someone to answer for them.`]
      : []),
    'A change is in every team owning at least a third of its changed lines, so the rows may add up to more than the whole.',
    ...(pooled ? ['Across repositories a slice pools its changes by name (team payments wherever it owns code): its figures are over the pooled changes, not averages of the repositories\' figures.'] : []),
  ];
}

/**
 * How the terminal and the page name a product's row: without the products' common scope, as the products table
 * names them (changesets' 21 rows of `product:@changesets/…` pushed seven of the table's columns out of 80), and
 * the sentence that says which; the row of the changes in no product keeps its name. Other groupings: as they are.
 */
function rowNames(report: Report, slices: Slices): { name: (row: SliceRow) => string; sentence: string } {
  const asIs = { name: (row: SliceRow): string => row.name, sentence: '' };
  if (!byProduct(report)) return asIs;
  const value = (name: string): string => name.slice(name.indexOf(':') + 1);
  const products = slices.rows.filter((r) => !isNoGroup(r.name, slices.by)).map((r) => value(r.name));
  const scope = commonScope(products);
  if (scope === '') return asIs;
  const shortName = shortNamer(products, scope);
  return {
    name: (row) => (isNoGroup(row.name, slices.by) ? row.name : `${row.name.slice(0, row.name.indexOf(':') + 1)}${shortName(value(row.name))}`),
    sentence: scopeSentence(products, scope, (text) => text).trim(),
  };
}

/** The table for the terminal: the slowest stage's share stands for the stage columns; empty without --by. */
export function renderSlicesText(report: Report, options: { color: boolean; width?: number }): string[] {
  const slices = report.summary.slices;
  if (!slices) return [];
  const c = new Chalk({ level: options.color ? 1 : 0 });
  // nothing to group (a repository of one product): the reason where the table would be
  if (slices.ungrouped !== undefined) return [c.bold(terminalSafe(groupingTitle(slices.by))), wrap(terminalSafe(slices.ungrouped), options.width ?? 80)];
  const days = durationFormat(report.businessHours);
  const pooled = slices.rows.some((r) => r.repositories !== undefined);
  const heads = ['slice', ...(pooled ? ['repos'] : []), 'changes', 'slowest stage', 'cycle p50', 'lead p50', ...productHeads(report), 'unreleased', 'AI', ...(github(report) ? ['rev/chg'] : []), 'fix first'];
  const names = rowNames(report, slices);
  const rows = slices.rows.map((r) =>
    [names.name(r), ...(pooled ? [String(r.repositories?.length ?? 0)] : []), String(r.changes), slowestStage(r, !report.sources.includes('github')), formatDuration(r.cycleTimeP50, days), durationOrBound(r.leadTimeP50, r.leadTimeAtLeast, days), ...productCells(report, r), String(r.unreleased), formatRatio(r.aiShare),
      ...(github(report) ? [formatNumber(r.reviewsPerChange)] : []),
      top(r)].map(terminalSafe));
  const last = heads.length - 1;
  // too wide for the terminal, the figures give way, the least read first, and are named under the table: the
  // slice's name is never cut (every `path:` or `product:` slice read `p…` at 80 columns), the recommendation wraps
  const columns = heads.map((h, i) => ({
    head: h,
    ...(i > 0 && i < last && h !== 'slowest stage' && { align: 'right' as const }),
    ...(i === last && { min: Math.min(14, naturalWidth(h, rows.map((r) => r[i]))), wrap: true }),
    ...(i > 0 && i < last && { drop: SLICE_DROP_ORDER.indexOf(h) === -1 ? SLICE_DROP_ORDER.length : SLICE_DROP_ORDER.indexOf(h) }),
  }));
  const width = options.width ?? 80;
  const { table: fitted, dropped } = fitTableDropping(columns, rows, { color: options.color, width });
  const note = droppedNote(dropped, width);
  return [c.bold(terminalSafe(groupingTitle(slices.by))), fitted, ...(names.sentence === '' ? [] : [c.dim(wrap(terminalSafe(names.sentence), width))]), ...(note === null ? [] : [c.dim(wrap(note, width))]), ...tableNotes(slices).map((l) => c.dim(wrap(l, width))), ...sliceFindings(slices, report.summary.changes).map((l) => c.dim(wrap(terminalSafe(l), width)))];
}

/** The table in GitHub-flavoured Markdown, each measured stage a column; empty without --by. */
export function renderSlicesMarkdown(report: Report): string {
  const slices = report.summary.slices;
  if (!slices) return '';
  if (slices.ungrouped !== undefined) return `### ${escapeMarkdown(groupingTitle(slices.by))}\n\n${escapeMarkdown(slices.ungrouped)}\n\n`;
  const t = table(report, slices);
  return [
    `### ${escapeMarkdown(groupingTitle(slices.by))}`,
    '',
    `| ${t.heads.map(escapeMarkdown).join(' | ')} |`,
    `| ${t.numeric.map((n) => (n ? '--:' : ':--')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`),
    '',
    `${escapeMarkdown(STAGE_NOTE)}\n`,
    ...tableNotes(slices).map((l) => `${escapeMarkdown(l)}\n`),
    ...sliceFindings(slices, report.summary.changes).map((l) => `${escapeMarkdown(l)}\n`),
  ].join('\n') + '\n';
}

/**
 * The table as an HTML section with the slices' charts side by side under it (one under the other on a phone):
 * the page is too narrow for a table of ten columns and a chart abreast. Empty without --by.
 */
export function renderSlicesHtml(report: Report): string {
  const slices = report.summary.slices;
  if (!slices) return '';
  if (slices.ungrouped !== undefined) return section('slices', groupingTitle(slices.by), escapeHtml(slices.ungrouped));
  const names = rowNames(report, slices);
  const t = table(report, slices);
  t.rows.forEach((row, i) => (row[0] = names.name(slices.rows[i] as SliceRow)));
  const last = t.heads.length - 1;
  // `p50` under its stage's name: the page's width goes to the figures, so the table fits beside nothing at 1280 px
  const th = t.heads.map((text, i) => `<th scope="col"${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(text).replace(/ p50$/, '<br>p50')}</th>`).join('');
  const tr = (r: string[]): string =>
    `<tr>${r.map((text, i) => (i === 0 ? `<th scope="row" class="ext">${escapeHtml(text)}</th>` : `<td${t.numeric[i] ? ' class="num"' : i === last ? ' class="ext"' : ''}>${escapeHtml(text)}</td>`)).join('')}</tr>`;
  const tableHtml = `<div class="scroll" tabindex="0"><table><caption>${escapeHtml(`One row per ${groupingNoun(slices.by)}`)}</caption><thead><tr>${th}</tr></thead><tbody>${t.rows.map(tr).join('')}</tbody></table></div>`;
  return section(
    'slices',
    groupingTitle(slices.by),
    [...sliceFindings(slices, report.summary.changes), ...(names.sentence === '' ? [] : [names.sentence])].map(escapeHtml).join(' '),
    tableHtml,
    [STAGE_NOTE, ...tableNotes(slices)].map((l) => `<p class="note">${escapeHtml(l)}</p>`).join(''),
    charts(...sliceCharts(report, slices)),
  );
}

/**
 * Each slice's stage medians end to end (where its typical change waits) and its lead and cycle time medians;
 * every value in a bar's tooltip is its table cell's.
 */
function sliceCharts(report: Report, slices: Slices): string[] {
  const days = durationFormat(report.businessHours);
  const format = (v: number | null): string => formatDuration(v, days);
  const stages = shownStages(report);
  // every row's name starts with the grouping's kind (team:): the caption says it, the bars keep the room; a
  // product's without the common scope the table's sentence names
  const names = rowNames(report, slices);
  const label = (row: SliceRow): string => { const name = names.name(row); return name.slice(name.indexOf(':') + 1); };
  const noun = groupingNoun(slices.by);
  // a linear axis in whole days, hours or minutes, whichever the longest bar spans twice: ticks at 2d, 4d, not 2d 7h
  const longest = Math.max(0, largest(slices.rows.map((r) => stages.reduce((sum, s) => sum + (r.stages[s].p50 ?? r.stages[s].atLeast ?? 0), 0))));
  const unit = longest >= 2 * DAY ? DAY : longest >= 2 * HOUR ? HOUR : 60;
  const inUnits = (v: number | null): number | null => (v === null ? null : v / unit);
  const stagesSvg = barChart(
    { id: 'slice-stages', title: `Stage medians by ${noun}`, description: `For each ${noun}, the median time of its changes in each stage, laid end to end.` },
    // no total after a bar: the sum of the medians is no figure of the report (each median is its segment's tooltip)
    slices.rows.map((r) => ({ label: label(r), values: stages.map((s) => inUnits(r.stages[s].p50)), bounds: stages.map((s) => inUnits(r.stages[s].atLeast ?? null)) })),
    // back in seconds to twelve figures, as the table's cell has it: 1,635.5 s through days came back 1,635.4999… (27m 15s)
    { series: stages.map((s) => ({ name: stageName(s, report), colour: STAGE_COLOURS[s] })), layout: 'stacked', scale: 'count', format: (v) => format(v === null ? null : Number((v * unit).toPrecision(12))), empty: 'no slice has a stage with a known duration' },
  );
  const leadSvg = barChart(
    { id: 'slice-lead-times', title: `Median lead and cycle time by ${noun}`, description: `For each ${noun}, the median lead time (first commit → deploy) and cycle time (first commit → merge), on a logarithmic time axis.` },
    slices.rows.map((r) => ({ label: label(r), values: [r.leadTimeP50, r.cycleTimeP50], bounds: [r.leadTimeP50 === null ? r.leadTimeAtLeast : null, null] })),
    { series: [{ name: 'lead time p50', colour: STAGE_COLOURS.deploy }, { name: 'cycle time p50', colour: STAGE_COLOURS.coding }], scale: 'duration', format, empty: 'no slice has a known lead or cycle time' },
  );
  return [
    figure(stagesSvg, `Where each ${noun}’s typical change waits`, 'Each bar: the stage medians end to end, each segment as long as its median (hover for it); their sum is not the median cycle time, which the table gives.'),
    figure(leadSvg, `Lead and cycle time by ${noun}`),
  ];
}
