import { describe, expect, it } from 'vitest';
import { fitTable, fitTableDropping, longestWord, shrink, type Column, type DroppableColumn } from '../../../src/render/text/layout.js';

// a name, a figure and a recommendation: the figure never shrinks, the other two down to 10 columns
const COLUMNS: Column[] = [{ head: 'name', min: 10 }, { head: 'figure' }, { head: 'top', min: 10 }];

describe('shrink', () => {
  it('takes what is too much from the shrinkable columns, widest first, down to their minimum', () => {
    // 20 + 50 + 30 = 100 in 80: the wider one gives 10 to reach the other's width, then they give 5 each
    expect(shrink([20, 50, 30], COLUMNS, 80)).toEqual([15, 50, 15]);
    expect(shrink([20, 50, 30], COLUMNS, 100)).toEqual([20, 50, 30]);
  });

  it('goes below the minimum when the table fits no other way, down to one character and the ellipsis', () => {
    // at their minimum 10 + 50 + 10 = 70 is still 10 too wide for 60: 5 more each
    expect(shrink([20, 50, 20], COLUMNS, 60)).toEqual([5, 50, 5]);
    // at 4 each the figure alone is too wide: the table overflows rather than cut a figure
    expect(shrink([20, 50, 20], COLUMNS, 50)).toEqual([4, 50, 4]);
  });
});

describe('fitTableDropping', () => {
  const rows = [['review & merge wait', '12', '≥ 148d 14h', '3d 2h']];
  const cols: DroppableColumn[] = [
    { head: 'stage', min: longestWord(rows.map((r) => r[0])), wrap: true, whole: true, rank: 1 },
    { head: 'count', align: 'right' },
    { head: 'p50', align: 'right', drop: 0 },
    { head: 'mean time in stage', align: 'right', min: longestWord(['mean time in stage']), wrap: true },
  ];
  const ctx = { color: false, width: 0 };

  const firsts = (table: string): string => table.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│')[1]?.trim()).join(' ').replace(/\s+/g, ' ');

  it('wraps a head too wide for its column rather than cut it', () => {
    // natural 21 + 7 + 12 + 20 and 5 borders = 65: at 60 the head of the shrinkable column wraps, nothing drops
    const { table, dropped } = fitTableDropping(cols, rows, { ...ctx, width: 60 });
    expect(dropped).toEqual([]);
    expect(table).not.toContain('…');
    expect(table).toMatch(/│ +mean time in │\n│[^\n]*│ +stage │/);
  });

  it('drops a figure before a whole name wraps, and names it', () => {
    // at least 21 + 7 + 12 + 7 and 5 borders = 52: at 45 the p50 goes, the name stays on its line
    const { table, dropped } = fitTableDropping(cols, rows, { ...ctx, width: 45 });
    expect(dropped).toEqual(['p50']);
    expect(table).toContain('│ review & merge wait │');
  });

  it('wraps a whole name at its words when nothing more can drop', () => {
    // without the p50 at least 21 + 7 + 7 and 4 borders = 39: at 35 the name wraps, never cut
    const { table, dropped } = fitTableDropping(cols, rows, { ...ctx, width: 35 });
    expect(dropped).toEqual(['p50']);
    for (const line of table.split('\n')) expect([...line].length).toBeLessThanOrEqual(35);
    expect(table).not.toContain('…');
    expect(table).not.toContain('│ review & merge wait │');
    expect(firsts(table)).toContain('review & merge wait');
  });
});

describe('fitTable', () => {
  it('shrinks a column no narrower than its head\'s longest word: the head never breaks inside a word', () => {
    // a change id shorter than its head ('#7882', 5, under 'change', 6) beside a long title: the id column's own
    // minimum (its longest cell, 7 with padding) would cut the head to 'chang' over 'e'
    const rows = [['#7882', 'io: fix race in `Mock::poll_write` when the buffer is full', '176d 19h']];
    const columns: Column[] = [{ head: 'change', min: longestWord(rows.map((r) => r[0])), wrap: true }, { head: 'title', min: 12, rank: 1 }, { head: 'waiting', align: 'right' }];
    const table = fitTable(columns, rows, { color: false, width: 40 });
    expect(table).toContain('│ change │');
    expect(table).not.toMatch(/│ chang +│/);
    for (const line of table.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
  });
});
