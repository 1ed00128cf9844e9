import type { Report } from '../../report.js';
import { formatDuration, formatPercent } from '../duration.js';

/*
 * The summary gains sections over time (review, rework, CI, WIP, AI comparison, …) whose exact shapes the
 * renderers need not know: each is laid out from its keys, formatted by what the key says it holds
 * (a share, a count, a size, a duration in seconds), so a new figure shows up without a renderer change.
 * Every string here is plain, unescaped text: each renderer escapes it for its format.
 */

export interface FigureTable {
  title: string;
  head: string[];
  rows: string[][];
  /** rows left out to keep the table short */
  more: number;
}

export interface FigureSection {
  key: string;
  title: string;
  figures: Array<[string, string]>;
  tables: FigureTable[];
}

/** summary keys the renderers draw themselves */
const DRAWN = new Set(['changes', 'excluded', 'stages', 'shareBasis', 'cycleTime', 'leadTime', 'flow', 'ai', 'dora', 'trend']);
const TITLES: Record<string, string> = {
  review: 'Review health', reviews: 'Review health', rework: 'Rework', ci: 'CI checks', checks: 'CI checks',
  wip: 'Work in progress', aiComparison: 'AI-assisted vs other', size: 'Change size', businessHours: 'Business hours',
};
const ORDER = ['review', 'reviews', 'rework', 'size', 'ci', 'checks', 'wip', 'aiComparison'];
const MAX_ROWS = 10;
const MAX_COLUMNS = 9;
const MAX_DEPTH = 3;

/** The summary sections no renderer draws by name, in reading order, each flattened to figures and tables. */
export function extraSections(report: Report): FigureSection[] {
  const summary = report.summary as unknown as Record<string, unknown>;
  const keys = Object.keys(summary)
    .filter((k) => !DRAWN.has(k) && isObject(summary[k]))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return keys.map((key) => {
    const section: FigureSection = { key, title: TITLES[key] ?? humanize(key), figures: [], tables: [] };
    const value = summary[key] as Record<string, unknown>;
    // groups side by side (AI-assisted and other; one row per reviewer) read best as one table
    if (isGroups(value)) section.tables.push(table('', Object.entries(value) as Array<[string, Record<string, unknown>]>, [key], true));
    else describe(value, [], section, 0);
    return section;
  });
}

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  return i === -1 ? ORDER.length : i;
}

function describe(object: Record<string, unknown>, path: string[], section: FigureSection, depth: number): void {
  for (const [key, value] of Object.entries(object)) {
    const here = [...path, key];
    const name = here.map(humanize).join(' · ');
    if (isFigure(value)) section.figures.push([name, formatFigure(value)]);
    else if (!isObject(value) && !Array.isArray(value)) section.figures.push([name, formatValue(key, value, here)]);
    else if (Array.isArray(value)) {
      if (value.every((v) => !isObject(v))) section.figures.push([name, value.slice(0, MAX_ROWS).map((v) => formatValue(key, v, here)).join(', ') + (value.length > MAX_ROWS ? ', …' : '')]);
      else section.tables.push(table(name, value.filter(isObject).map((row, i) => [String(i + 1), row]), here, false));
    } else if (depth < MAX_DEPTH && isGroups(value)) {
      section.tables.push(table(name, Object.entries(value) as Array<[string, Record<string, unknown>]>, here, true));
    } else if (depth < MAX_DEPTH) describe(value, here, section, depth + 1);
  }
}

/** Rows of objects as a table: columns are their scalar keys (nested objects flattened one level). */
function isGroups(value: Record<string, unknown>): boolean {
  const values = Object.values(value);
  return values.length > 1 && values.every(isObject) && !values.some(isFigure);
}

function table(title: string, entries: Array<[string, Record<string, unknown>]>, path: string[], keyed: boolean): FigureTable {
  const flat = entries.map(([name, row]) => [name, flatten(row)] as const);
  const columns: string[] = [];
  for (const [, row] of flat) for (const col of Object.keys(row)) if (!columns.includes(col) && columns.length < MAX_COLUMNS) columns.push(col);
  const rows = flat.slice(0, MAX_ROWS).map(([name, row]) => [
    ...(keyed ? [humanizeKey(name)] : []),
    ...columns.map((col) => (col in row ? formatCell(col, row[col], path) : '—')),
  ]);
  return { title, head: [...(keyed ? [''] : []), ...columns.map((c) => c.split('.').map(humanize).join(' '))], rows, more: Math.max(0, flat.length - MAX_ROWS) };
}

function flatten(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (isObject(value) && !isFigure(value)) {
      for (const [inner, v] of Object.entries(value)) if (!isObject(v) && !Array.isArray(v)) out[`${key}.${inner}`] = v;
    } else if (!Array.isArray(value)) out[key] = value;
    else if (value.every((v) => !isObject(v))) out[key] = value.join(', ');
  }
  return out;
}

function formatCell(column: string, value: unknown, path: string[]): string {
  if (isFigure(value)) return formatFigure(value);
  const parts = column.split('.');
  return formatValue(parts[parts.length - 1] ?? column, value, [...path, ...parts]);
}

interface Figure {
  value: number | null;
  unit: string;
  band?: string | null;
}

function isFigure(value: unknown): value is Figure {
  return isObject(value) && 'value' in value && typeof value.unit === 'string' && (value.value === null || typeof value.value === 'number');
}

function formatFigure(figure: Figure): string {
  const band = typeof figure.band === 'string' ? ` (${figure.band})` : '';
  if (figure.value === null) return `—${band}`;
  if (figure.unit === 'seconds') return formatDuration(figure.value) + band;
  if (figure.unit === 'ratio') return formatPercent(figure.value, 1) + band;
  return `${formatNumber(figure.value)} ${figure.unit}${band}`;
}

// matched against the words of a camelCase key: `pickupP50` is a duration, `unreviewed` and `reviewCount` are not
const SHARE = /^(share|rate|ratio|percent|percentage|fraction)$/;
const COUNT = /^(count|n|number|total|per|changes|commits|prs|pulls|authors|comments|reviews|reviewers|deploys|runs|checks|approvals|files|open|lines)$/;
const SIZE = /^(size|sizes|lines|additions|deletions|loc)$/;
const DURATION = /^(time|times|age|wait|duration|seconds|latency|p\d\d|mean|median|restore|coding|pickup|review|merge|deploy|stages)$/;

const words = (text: string): string[] => humanize(text).split(/[\s.]+/);

/** A leaf value formatted by what its key (and the keys above it) say it holds. */
export function formatValue(key: string, value: unknown, path: readonly string[] = [key]): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '—';
  const own = words(key);
  const context = path.flatMap(words);
  if (own.some((w) => SHARE.test(w)) && Math.abs(value) <= 1) return formatPercent(value, 1);
  if (own.some((w) => COUNT.test(w)) || context.some((w) => SIZE.test(w))) return formatNumber(value);
  if (own.some((w) => DURATION.test(w)) || context.some((w) => DURATION.test(w))) return formatDuration(value);
  return formatNumber(value);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}

/** `topTwoShare` → `top two share`; `p50` stays. */
export function humanize(key: string): string {
  return key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().replace(/\bp (\d\d)\b/g, 'p$1').replace(/\bci\b/g, 'CI').replace(/\bai\b/g, 'AI');
}

/** Row names of keyed tables are often data (a reviewer's login, a check's name): only known words change. */
function humanizeKey(key: string): string {
  return /^[a-z][a-zA-Z0-9]*$/.test(key) && /[A-Z]/.test(key) ? humanize(key) : key;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
