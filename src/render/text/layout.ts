import type { ChalkInstance } from 'chalk';
import type { DurationFormat } from '../../units.js';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { largest } from '../../lists.js';
import { isoSeconds } from '../../time.js';

/*
 * Laying text out in a terminal of a given width: wrapping (ANSI-aware, by wrap-ansi), visible widths (by
 * string-width: wide CJK and emoji take two columns, escape codes none) and tables whose columns shrink to fit.
 */

/** What every section of the text report is given besides the report. */
export interface TextContext {
  c: ChalkInstance;
  color: boolean;
  /** columns available */
  width: number;
  /** IANA zone times are shown in; labelled on every time */
  timeZone: string;
  /** how long a `d` is in the durations written: a working day when the report counts business hours */
  durations: DurationFormat;
}

/**
 * Wraps `text` to `width` columns. Continuation lines keep the first line's indent plus `hanging` spaces, so a
 * wrapped list item or note stays aligned under its first line.
 */
export function wrap(text: string, width: number, hanging = 2): string {
  const indent = /^ */.exec(text)?.[0].length ?? 0;
  const options = { hard: true, trim: true };
  // the first line has the width less the indent; the rest, wrapped again, that less the hanging indent too
  const [first = '', ...more] = wrapAnsi(text.slice(indent), Math.max(10, width - indent), options).split('\n');
  const rest = more.length === 0 ? [] : wrapAnsi(more.join(' '), Math.max(10, width - indent - hanging), options).split('\n');
  return [' '.repeat(indent) + first, ...rest.map((line) => ' '.repeat(indent + hanging) + line)].join('\n');
}

/** Columns `text` takes in a terminal. */
export function visibleWidth(text: string): number {
  return stringWidth(text);
}

// no rule between body rows: the tables stay short enough to read at a glance
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export interface Column {
  head: string;
  align?: 'left' | 'right';
  /** the fewest columns this column may shrink to (padding included); not given: it never shrinks */
  min?: number;
  /** the width a column of drawn cells (bars) would like, padding excluded */
  prefer?: number;
  /** shrinkable columns of a lower rank give way first (default 0) */
  rank?: number;
  /** when shrunk, wrap the cell's words onto more lines rather than cut it */
  wrap?: boolean;
}

/** A cell: text, or drawn to the width its column got (a bar). */
export type Cell = string | ((width: number) => string);

/**
 * A table no wider than `width`: each column as wide as its widest cell, and when that is too wide the
 * shrinkable columns (those with `min`) give up columns, lowest rank and widest first; their cells are cut with
 * an ellipsis, or wrapped onto more lines in a column that says `wrap`.
 */
export function fitTable(given: readonly Column[], rows: readonly Cell[][], ctx: Pick<TextContext, 'color' | 'width'>): string {
  const columns = headsWhole(given);
  const natural = columns.map((col, i) => Math.max(2 + (col.prefer ?? 0), naturalWidth(col.head, rows.map((r) => r[i]))));
  const widths = shrink(natural, columns, ctx.width - (columns.length + 1));
  const table = new Table({
    // a head too wide for its column wraps onto more lines, never cut: a label cut to 'mean qu…' reads as nothing
    head: columns.map((c, i) => (visibleWidth(c.head) > (widths[i] ?? 2) - 2 ? wrapAnsi(c.head, Math.max(1, (widths[i] ?? 2) - 2), { hard: true, trim: true }) : c.head)),
    chars: COMPACT,
    colWidths: widths,
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
    style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [] },
  });
  for (const row of rows) {
    table.push(
      row.map((cell, i) => {
        const text = typeof cell === 'string' ? cell : cell((widths[i] ?? 2) - 2);
        return columns[i]?.wrap ? { content: text, wordWrap: true } : text;
      }),
    );
  }
  return table.toString();
}

/**
 * The columns with each shrinkable one's `min` at least its head's longest word: a head wraps between its words,
 * never inside one (tokio's oldest unreleased changes, `#7882`, had cut "change" to "chang" over "e").
 */
function headsWhole<C extends Column>(columns: readonly C[]): C[] {
  return columns.map((col) => (col.min === undefined ? col : { ...col, min: Math.max(col.min, longestWord([col.head])) }));
}

/** The columns a table's column takes with its head and text cells whole, its padding included (a cell drawn to fit counts 0). */
export function naturalWidth(head: string, cells: ReadonlyArray<Cell | undefined>): number {
  return 2 + Math.max(visibleWidth(head), largest(cells.map((cell) => (typeof cell === 'string' ? visibleWidth(cell) : 0))));
}

/** The fewest columns a shrinkable column is cut to when the table fits no other way: a character and the ellipsis. */
const FLOOR = 4;

/**
 * Column widths that add up to at most `room`, taken from the lowest-ranked shrinkable columns first, widest
 * first, down to each one's `min`; when that is not enough (wide figures in a narrow terminal), from the
 * shrinkable columns below their `min` too, widest first, down to `FLOOR`: a cut name reads better than a
 * table one column too wide, whose every line the terminal wraps.
 */
export function shrink(natural: readonly number[], columns: readonly Column[], room: number): number[] {
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) - room;
  // a column at a time from the widest of those `may` lets give one, until the table fits or none may
  const take = (may: (col: Column, width: number) => boolean): void => {
    while (excess > 0) {
      let widest = -1;
      columns.forEach((col, i) => {
        if (!may(col, widths[i] ?? 0)) return;
        if (widest === -1 || (widths[i] ?? 0) > (widths[widest] ?? 0)) widest = i;
      });
      if (widest === -1) return;
      widths[widest] = (widths[widest] ?? 0) - 1;
      excess--;
    }
  };
  const ranks = [...new Set(columns.filter((c) => c.min !== undefined).map((c) => c.rank ?? 0))].sort((a, b) => a - b);
  for (const rank of ranks) take((col, width) => col.min !== undefined && (col.rank ?? 0) === rank && width > col.min);
  take((col, width) => col.min !== undefined && width > FLOOR);
  return widths;
}

export interface DroppableColumn extends Column {
  /** the order columns are dropped in when the table is too wide, lowest first; absent: never dropped */
  drop?: number;
  /**
   * a row's name that wraps (`wrap`, `min`): the droppable columns give way before it wraps, and it wraps only
   * when the table fits no other way, its `min` (the longest word) keeping every word whole
   */
  whole?: boolean;
}

/** The fewest columns a wrapping column needs to keep each word of its cells whole: its longest word and padding. */
export function longestWord(cells: ReadonlyArray<Cell | undefined>): number {
  return 2 + Math.max(0, largest(cells.map((cell) => (typeof cell === 'string' ? Math.max(0, largest(cell.split(/\s+/).map(visibleWidth))) : 0))));
}

/**
 * A table no wider than `width` whose cells stay whole where a column can give way: the columns with a `drop`
 * rank are left out, lowest first, until the rest fit with every cell whole; only then do the shrinkable columns
 * (`min`) shrink. A row's name (a column with neither `drop` nor `min`) is never cut. Returns the table and the
 * heads of the columns left out, for a line under it that says so.
 */
export function fitTableDropping(given: readonly DroppableColumn[], rows: readonly Cell[][], ctx: Pick<TextContext, 'color' | 'width'>): { table: string; dropped: string[] } {
  const columns = headsWhole(given);
  const natural = columns.map((col, i) => Math.max(2 + (col.prefer ?? 0), naturalWidth(col.head, rows.map((r) => r[i]))));
  // a wrapping column takes its `min` when fitting (wrapped, it cuts nothing), a drawn one (a bar) its `min`; a
  // whole name its natural width, so that the figures that can drop give way before it wraps
  const least = columns.map((col, i) => ((col.wrap || col.prefer !== undefined) && col.min !== undefined && !col.whole ? Math.min(col.min, natural[i] ?? 0) : (natural[i] ?? 0)));
  const kept = columns.map(() => true);
  const fits = (): boolean => least.reduce((sum, w, i) => sum + (kept[i] ? w + 1 : 0), 1) <= ctx.width;
  const order = columns.map((col, i) => ({ i, rank: col.drop })).filter((c): c is { i: number; rank: number } => c.rank !== undefined).sort((a, b) => a.rank - b.rank || b.i - a.i);
  const dropped: number[] = [];
  for (const { i } of order) {
    if (fits()) break;
    kept[i] = false;
    dropped.push(i);
  }
  const pick = <T>(list: readonly T[]): T[] => list.filter((_, i) => kept[i]);
  // a drawn column (a bar) has no head to name: it is left out unsaid, its figure (the share) beside it
  return { table: fitTable(pick(columns), rows.map(pick), ctx), dropped: dropped.sort((a, b) => a - b).map((i) => columns[i]?.head ?? '').filter((head) => head !== '') };
}

/** The line under a table that left columns out to fit the terminal: which, and where to see them. */
export function droppedNote(dropped: readonly string[], width: number): string | null {
  return dropped.length === 0 ? null : `left out to fit ${width} columns: ${dropped.join(', ')} (a wider --width, or --format markdown or html, shows them)`;
}

/** A share as a bar of `width` cells: filled green, the rest dim dots. */
export function bar(share: number | null, width: number, c: ChalkInstance): string {
  if (share === null || width <= 0) return '';
  const filled = Math.round(share * width);
  return c.green('█'.repeat(filled)) + c.dim('·'.repeat(width - filled));
}

/**
 * `2026-03-04 10:00` in `timeZone`; just the date when `dateOnly`. The zone is named once, where the times are
 * introduced (a column head, the window line).
 */
export function formatTime(iso: string, timeZone: string, dateOnly = false): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date((isoSeconds(iso) ?? NaN) * 1000))
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return dateOnly ? day : `${day} ${parts.hour}:${parts.minute}`;
}
