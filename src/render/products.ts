import { figureLabel } from '../metrics/catalogue.js';
import type { ProductRow } from '../report/products-schema.js';
import type { Report } from '../report/schema.js';
import { deployRateText, durationFormat, durationOrBound, formatRatio, formatPerWeek } from './duration.js';
import { section } from './html/parts.js';
import { plural } from '../units.js';
import { escapeHtml, escapeMarkdown, terminalSafe } from './sanitize.js';
import { droppedNote, fitTableDropping, wrap, type TextContext } from './text/layout.js';

/*
 * The products table (summary.products, SPEC section 3): one row per product of a monorepo, its deploys and
 * their rate, lead time, failure rate and unreleased changes. Text, Markdown and HTML lay out the same cells;
 * a repository of one product has no table.
 */

const HEADS = ['product', 'changes', 'deploys', 'deploys per week', 'lead p50', 'failure rate', 'unreleased'];
/** the terminal's narrower heads, so the product's name keeps its room in 80 columns */
const TEXT_HEADS = ['product', 'changes', 'deploys', '/week', 'lead p50', 'CFR', 'unrel.'];
/** the terminal's figures in the order they give way when the table is too wide */
const PRODUCT_DROP_ORDER = ['', 'unrel.', '/week', 'changes', 'CFR', 'deploys', 'lead p50'];

/** The mark of a rate over part of the window (`PART_NOTE` says what it means). */
const PART_MARK = '*';
const PART_NOTE = ` A rate marked ${PART_MARK} is per week of the part of the window its package existed: it was added or removed in the window.`;

/**
 * Whether a row's rate is over part of the window where the others' are over all of it: its package was added
 * (later than the report's own history begins) or removed in the window. swarm's 90 deploys read 5.89 a week beside
 * svelte's 90 at 1.73: over the 15 weeks swarm existed, against the year.
 */
function overPart(report: Report, row: ProductRow): boolean {
  return (typeof row.historyFrom === 'string' && row.historyFrom !== report.window.historyFrom) || row.historyUntil !== undefined;
}

/**
 * A rate per week only over a whole week of covered history, as the deploys section writes it, marked when over
 * part of the window, the others then followed by `pad` so the figures stay aligned; else `2 deploys in 5 days`,
 * which says its span itself.
 */
function rateCell(report: Report, row: ProductRow, pad: string): string {
  if (row.deploysPerWeek !== null) return `${formatPerWeek(row.deploysPerWeek)}${overPart(report, row) ? PART_MARK : pad}`;
  return deployRateText({ value: null, unit: 'deploys/week', band: null, count: row.deploys, deployDaysPerWeek: null, coveredDays: row.coveredDays });
}

/** Whether some row's rate is marked (then explained, and the others padded). */
function marked(report: Report, rows: readonly ProductRow[]): boolean {
  return rows.some((r) => r.deploysPerWeek !== null && overPart(report, r));
}

/** What a rate's mark means, when a row's rate has it; else ''. */
function partNote(report: Report, rows: readonly ProductRow[]): string {
  return marked(report, rows) ? PART_NOTE : '';
}

/**
 * A row's cells; `pad` follows an unmarked rate where some are marked (the terminal's space, the page's figure
 * space), as the right-aligned column would otherwise set its figures a character apart.
 */
function cells(report: Report, row: ProductRow, pad = ''): string[] {
  return [
    row.name,
    String(row.changes),
    String(row.deploys),
    rateCell(report, row, pad),
    durationOrBound(row.leadTimeP50, row.leadTimeAtLeast, durationFormat(report.businessHours)),
    formatRatio(row.changeFailureRate),
    String(row.unreleased),
  ];
}

/** What the table is over, under its title. */
function lead(rows: readonly ProductRow[]): string {
  return `${plural(rows.length, 'product')}, each with its own deploys: in the row of each product whose code a change touches (or that a changeset it adds names), it ships with that product's first deploy that reaches it (one touching none ships with the repository's own tags, or without them with the first deploy of any, and is then in no row); ${figureLabel('dora.changeFailureRate')} is over each product's own deploys.`;
}

/**
 * The folders every product's name starts with, when they share some: an npm scope (`@changesets/`), a Go
 * module's path (`go.opentelemetry.io/otel/`, whose root module is the scope itself); for names of no folder, a
 * Maven group or .NET namespace of two parts or more (`dev.openfeature.contrib.`); else ''.
 */
export function commonScope(products: readonly string[]): string {
  if (products.length < 2) return '';
  const names = products.map((name) => `${name}/`);
  let scope = commonStart(names, '/');
  // a Go module's major version is no name: containerd's github.com/containerd/containerd/v2 read `v2` beside `api`
  while (scope !== '' && names.some((name) => /^v\d+\/$/.test(name.slice(scope.length)))) scope = shorter(scope, '/');
  if (scope !== '' || products.some((name) => name.includes('/'))) return scope;
  // java-sdk-contrib's 19 `dev.openfeature.contrib.providers.flagd` hid 4 of the terminal's 7 columns. One part is
  // no namespace: `socket.io-client` beside `socket.io-parser` share a word, not a group
  const dotted = commonStart(products, '.');
  return dotted.split('.').length > 2 ? dotted : '';
}

/** `scope` without its last part: `a/b/` of `a/b/c/`. */
const shorter = (scope: string, separator: string): string => scope.slice(0, scope.lastIndexOf(separator, scope.length - 2) + 1);

/** The longest start every name shares that ends with `separator`; '' when none does. */
function commonStart(names: readonly string[], separator: string): string {
  let scope = (names[0] as string).slice(0, (names[0] as string).lastIndexOf(separator) + 1);
  for (const name of names) while (scope !== '' && !name.startsWith(scope)) scope = shorter(scope, separator);
  return scope;
}

/**
 * How the terminal's and the page's tables name each of `products`: without the common scope (`gopls` of
 * golang.org/x/tools/gopls).
 */
export function shortNamer(products: readonly string[], scope: string): (name: string) => string {
  if (scope === '') return (name) => name;
  const root = rootName(products, scope);
  return (name) => (`${name}/` === scope ? root : name.slice(scope.length));
}

/**
 * What the product that is the scope's own module is shown as: the scope's last part, a major version passed over,
 * as Go names the module's package (golang/tools' root module golang.org/x/tools is `tools` beside `gopls`, where
 * `.` read `product:.`; `kit` of go.example.com/kit/v2); whole when another product's short name is that part.
 */
function rootName(products: readonly string[], scope: string): string {
  const whole = scope.slice(0, -1);
  const last = whole.split('/').findLast((part) => !/^v\d+$/.test(part)) ?? whole;
  return products.some((name) => name.slice(scope.length) === last) ? whole : last;
}

/**
 * ` Names are without their common @opentelemetry/.`, with what the scope's own module is shown as when it is a
 * product itself; ` Names are without their common group dev.openfeature.contrib.`; '' without a scope.
 */
export function scopeSentence(products: readonly string[], scope: string, safe: (text: string) => string): string {
  if (scope === '') return '';
  // a group's own dot would end the sentence twice: `…contrib..`
  if (scope.endsWith('.')) return ` Names are without their common group ${safe(scope.slice(0, -1))}.`;
  const root = products.some((name) => `${name}/` === scope) ? rootName(products, scope) : null;
  const itself = root === null || `${root}/` === scope ? '' : ` (${safe(root)} is ${safe(scope.slice(0, -1))} itself)`;
  return ` Names are without their common ${safe(scope)}${itself}.`;
}

/**
 * The rows the table draws; null when there are none, or when the one product busy in the window is the root package,
 * whose row repeats the report's own figures (cargo's 90 days: only the `cargo` crate, at the root, changed or shipped).
 */
function drawnRows(report: Report): readonly ProductRow[] | null {
  const rows = report.summary.products;
  if (rows === undefined || rows.length === 0) return null;
  const only = rows.length === 1 ? rows[0] : undefined;
  return only !== undefined && only.paths.length === 1 && only.paths[0] === '.' ? null : rows;
}

/** The table for the terminal, the products' common npm scope left out of their names; none for a repository of one product (drawnRows). */
export function renderProductsText(report: Report, ctx: TextContext): string[] {
  const rows = drawnRows(report);
  if (rows === null) return [];
  const scope = commonScope(rows.map((r) => r.name));
  const shortName = shortNamer(rows.map((r) => r.name), scope);
  const pad = marked(report, rows) ? ' ' : '';
  const body = rows.map((r) => cells(report, r, pad).map((cell, i) => terminalSafe(i === 0 ? shortName(cell) : cell)));
  // too wide, the figures give way (named under the table), never the product's name
  const columns = TEXT_HEADS.map((head, i) => ({
    head,
    ...(i > 0 && { align: 'right' as const, drop: PRODUCT_DROP_ORDER.indexOf(head) }),
  }));
  const { table, dropped } = fitTableDropping(columns, body, ctx);
  // the rates' mark is explained only where the rates are shown
  const named = `${scopeSentence(rows.map((r) => r.name), scope, terminalSafe)} CFR: change failure rate; unrel.: unreleased.${dropped.includes('/week') ? '' : partNote(report, rows)}`;
  const note = droppedNote(dropped, ctx.width);
  return [ctx.c.bold('Products'), ctx.c.dim(wrap(`${lead(rows)}${named}`, ctx.width)), table, ...(note === null ? [] : [ctx.c.dim(wrap(note, ctx.width))])];
}

/** The table in GitHub-flavoured Markdown; empty for a repository of one product. */
export function renderProductsMarkdown(report: Report): string[] {
  const rows = drawnRows(report);
  if (rows === null) return [];
  return [
    '### Products',
    '',
    escapeMarkdown(`${lead(rows)}${partNote(report, rows)}`),
    '',
    `| ${HEADS.map(escapeMarkdown).join(' | ')} |`,
    `| ${HEADS.map((_, i) => (i === 0 ? ':--' : '--:')).join(' | ')} |`,
    ...rows.map((r) => `| ${cells(report, r).map(escapeMarkdown).join(' | ')} |`),
    '',
  ];
}

/**
 * A name escaped for HTML, with a line break allowed after each `.` and `/` of it: on a phone
 * `OpenTelemetry.Instrumentation.AspNetCore` broke inside a word (`OpenTelemetry.Instru|mentation`).
 */
function breakable(name: string): string {
  return name.split(/(?<=[./])(?=.)/).map(escapeHtml).join('<wbr>');
}

/**
 * The table as an HTML section, the products' common scope left out of their names as in the terminal (on a
 * phone, `@opentelemetry/instrumentation-aws-lambda` broke over three lines, its scope the same in 73 rows); empty
 * for a repository of one product.
 */
export function renderProductsHtml(report: Report): string {
  const rows = drawnRows(report);
  if (rows === null) return '';
  const scope = commonScope(rows.map((r) => r.name));
  const shortName = shortNamer(rows.map((r) => r.name), scope);
  const th = HEADS.map((t, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${escapeHtml(t)}</th>`).join('');
  // a figure space: as wide as a digit, near enough to the mark's width
  const pad = marked(report, rows) ? '\u2007' : '';
  const tr = (r: string[]): string => `<tr>${r.map((t, i) => (i === 0 ? `<th scope="row" class="ext">${breakable(shortName(t))}</th>` : `<td class="num">${escapeHtml(t)}</td>`)).join('')}</tr>`;
  return section(
    'products',
    'Products',
    escapeHtml(`${lead(rows)}${scopeSentence(rows.map((r) => r.name), scope, (text) => text)}${partNote(report, rows)}`),
    `<div class="scroll" tabindex="0"><table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => tr(cells(report, r, pad))).join('')}</tbody></table></div>`,
  );
}
