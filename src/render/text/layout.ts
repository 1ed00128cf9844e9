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
export function fitTable(columns: readonly Column[], rows: readonly Cell[][], ctx: Pick<TextContext, 'color' | 'width'>): string {
  const natural = columns.map((col, i) => Math.max(2 + (col.prefer ?? 0), naturalWidth(col.head, rows.map((r) => r[i]))));
  const widths = shrink(natural, columns, ctx.width - (columns.length + 1));
  const table = new Table({
    head: columns.map((c) => c.head),
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
