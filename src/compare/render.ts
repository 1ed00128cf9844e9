import { Chalk } from 'chalk';
import { fitTable, wrap } from '../render/text/layout.js';
import { comparedChange, comparedInterval, comparedValue } from '../render/duration.js';
import { plural } from '../units.js';
import { escapeMarkdown, jsonSafe, terminalOutput, terminalSafe } from '../render/sanitize.js';
import { OWN_KEYS, type Comparison, type ComparisonRow, type ComparisonSide, type Direction } from './compare.js';
import { append } from '../lists.js';
import { notTold, tooFewValues } from '../render/health.js';
import { holdsChange } from '../metrics/difference.js';

export interface ComparisonTextOptions {
  color: boolean;
  /** columns to lay the table out to; default 80 */
  width?: number;
}

/** A value in its row's unit: `3d 4h`, `12.5%`, `2.33/wk`; '—' when not measured. */
export function formatValue(value: number | null, row: Pick<ComparisonRow, 'unit'>): string {
  return comparedValue(value, row.unit);
}

/** The change in its row's unit, signed: `+1d 2h`, `−3 pp`, `+0.50/wk`. */
export function formatChange(row: ComparisonRow): string {
  return comparedChange(row.change, row.unit);
}

/**
 * The 95% interval of the change, in its row's unit: `−6h … −2h`, `−4.4 … +23 pp`; `≤ +5d 17h` when its other end
 * is unbounded (a side with changes still waiting whose percentile some resamples do not reach); '—' when it
 * could not be computed.
 */
export function formatInterval(row: ComparisonRow): string {
  const { low, high } = row.interval;
  // an interval that does not hold the change shown is not of it (directionOf): shown beside it, it would contradict it
  if (row.before !== null && row.after !== null && row.direction !== 'same' && (low !== null || high !== null) && !holdsChange(row.interval, row.before, row.after)) return '—';
  if (low === null || high === null) return comparedInterval(low, high, row.unit) ?? '—';
  if (row.unit === 'seconds') return `${comparedChange(low, row.unit)} … ${comparedChange(high, row.unit)}`;
  // the unit once, after both ends
  const unit = row.unit === 'ratio' ? ' pp' : row.unit === 'changes' ? '' : '/wk';
  const [lo, hi] = [comparedChange(low, row.unit), comparedChange(high, row.unit)].map((t) => (unit === '' ? t : t.slice(0, -unit.length)));
  return `${lo} … ${hi}${unit}`;
}

/**
 * What the direction says to a reader: better, worse, same, or why not: too few values to tell where the interval
 * leaves out 0 over fewer values than a bootstrap can vary (as the report's previous period and trends say it),
 * else that the data cannot tell.
 */
function directionText(row: Pick<ComparisonRow, 'direction' | 'interval'>): string {
  if (row.direction === null) return 'not measured';
  if (row.direction !== 'uncertain') return row.direction;
  return notTold(row.interval);
}

/** The verdict in one word, for a narrow terminal: `unclear` for "the data cannot tell", `too few` for too few values, `—` when not measured. */
function shortDirection(row: Pick<ComparisonRow, 'direction' | 'interval'>): string {
  if (row.direction === null) return '—';
  if (row.direction !== 'uncertain') return row.direction;
  return tooFewValues(row.interval) ? 'too few' : 'unclear';
}

/** The relative change, in whole percent with the sign every page writes (`−45%`, `+12%`, `0%`). */
export function formatRelative(relative: number | null): string {
  if (relative === null) return '—';
  const pct = Math.round(relative * 100);
  return pct === 0 ? '0%' : `${pct > 0 ? '+' : '−'}${Math.abs(pct)}%`;
}

function describeSide(name: string, s: ComparisonSide, clean: (t: string) => string): string {
  const releases = s.releases === undefined ? '' : ` (${plural(s.releases, 'release')})`;
  const repositories = s.repositories === undefined ? '' : ` of ${plural(s.repositories, 'repository', 'repositories')}`;
  return `${name}: ${clean(s.repository)} · ${s.window.since.slice(0, 10)} → ${s.window.until.slice(0, 10)} · ${plural(s.changes, 'change')}, ${plural(s.deploys, 'deploy')}${releases}${repositories}`;
}

/**
 * What the n column counts: a repository of several products' deployment frequency is over its releases, the
 * median repository's keys of several repositories over those repositories.
 */
function countsLegend(comparison: Comparison): string {
  const released = comparison.before.releases !== undefined || comparison.after.releases !== undefined;
  const several = comparison.before.repositories !== undefined || comparison.after.repositories !== undefined;
  return `n: changes (deploys${released ? '; releases for deployment frequency' : ''}${several ? `; repositories for ${OWN_KEYS} of several` : ''}, pull requests) before → after`;
}

/** The comparison for the terminal: both sides, a table of every figure, then the warnings. */
export function renderComparisonText(comparison: Comparison, options: ComparisonTextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (d: Direction | null, text: string): string => (d === 'better' ? c.green(text) : d === 'worse' ? c.red(text) : text);
  const width = options.width ?? 80;
  // the relative change is left out below 100 columns: the interval says more, and both do not fit; below 100
  // the interval and the long verdict do not fit either (every row wrapped to three lines at 80): the row keeps
  // its verdict in one word and the intervals are in --width 100, Markdown and JSON
  const wide = width >= 100;
  const rows = comparison.rows.map((row) => [
    row.label,
    formatValue(row.before, row),
    formatValue(row.after, row),
    paint(row.direction, formatChange(row)),
    ...(wide ? [paint(row.direction, formatRelative(row.relativeChange)), formatInterval(row)] : []),
    paint(row.direction, wide ? directionText(row) : shortDirection(row)),
    `${row.sample.before} → ${row.sample.after}${row.lowSample ? ' *' : ''}`,
  ]);
  const columns = [
    { head: 'measure', min: 11, wrap: true },
    { head: 'before', align: 'right' as const },
    { head: 'after', align: 'right' as const },
    { head: 'change', align: 'right' as const },
    ...(wide ? [{ head: '%', align: 'right' as const }, { head: 'interval (95%)', align: 'right' as const, min: 10, wrap: true, rank: 1 }] : []),
    { head: 'direction', min: 7, wrap: true, rank: 1 },
    { head: 'n', align: 'right' as const },
  ];
  const table = fitTable(columns, rows, { color: options.color, width });
  const out = [
    c.bold('flowaudit compare'),
    wrap(describeSide('before', comparison.before, terminalSafe), width),
    wrap(describeSide('after ', comparison.after, terminalSafe), width),
    '',
    table,
  ];
  out.push(c.dim(wrap('better or worse only where the 95% interval of the change excludes 0 (bootstrap, 2,000 resamples)' + (wide ? '' : '; unclear: it includes 0, the data cannot tell; too few: it leaves out 0 over too few values. The intervals: --width 100, or --format markdown or json'), width)));
  out.push(c.dim(wrap(`${countsLegend(comparison)}${comparison.rows.some((r) => r.lowSample) ? `; * fewer than ${comparison.minSample} on a side: too few to trust` : ''}`, width)));
  for (const w of comparison.warnings) out.push(c.yellow(wrap(`warning: ${terminalSafe(w)}`, width)));
  return terminalOutput(out.join('\n') + '\n', options.color);
}

const ARROW: Record<Exclude<Direction, 'uncertain'>, string> = { better: '🟢 better', worse: '🔴 worse', same: 'same' };

/** GitHub-flavoured Markdown: both sides, a table of every figure, the warnings as a quote. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const e = escapeMarkdown;
  const out = [
    '## flowaudit compare',
    '',
    `- ${describeSide('before', comparison.before, e)}`,
    `- ${describeSide('after', comparison.after, e)}`,
    '',
    '| measure | before | after | change | % | 95% interval | direction | n before → after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const row of comparison.rows) {
    const cells = [
      e(row.label), e(formatValue(row.before, row)), e(formatValue(row.after, row)), e(formatChange(row)),
      e(formatRelative(row.relativeChange)), e(formatInterval(row)), row.direction === null || row.direction === 'uncertain' ? directionText(row) : ARROW[row.direction],
      `${row.sample.before} → ${row.sample.after}${row.lowSample ? ' ⚠️' : ''}`,
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('', 'Better or worse only where the 95% interval of the change excludes 0 (bootstrap, 2,000 resamples).', '', `${countsLegend(comparison)}.`);
  if (comparison.rows.some((r) => r.lowSample)) out.push('', `⚠️ fewer than ${comparison.minSample} on a side: too few to trust.`);
  if (comparison.warnings.length > 0) append(out, ['', ...comparison.warnings.map((w) => `> **Warning:** ${e(w)}`)]);
  return out.join('\n') + '\n';
}

/** The comparison as JSON: two-space indent, fractions rounded to 6 decimals as in the JSON report, a final newline. */
export function renderComparisonJson(comparison: Comparison): string {
  return `${jsonSafe(JSON.stringify(comparison, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e6) / 1e6 : value), 2))}\n`;
}
