import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/compare/compare.js';
import type { MeasuredChange } from '../../src/domain.js';
import type { FigureGroup } from '../../src/metrics/catalogue.js';
import { comparedFigures, comparedRows, type ComparedSample } from '../../src/metrics/compared.js';
import { change, report } from '../aggregate/report-builder.js';

const SATURDAY = Date.parse('2026-03-07T12:00:00Z') / 1000;
const MONDAY = Date.parse('2026-03-09T12:00:00Z') / 1000;

/** merged on a weekend: what a made-up share reads of each change, a value no field of a change holds */
const onWeekend = (c: MeasuredChange): number => ([0, 6].includes(new Date(c.mergedAt * 1000).getUTCDay()) ? 1 : 0);

// a group as a newcomer declares one: its count, its share, and the share compared over each change's own 1 or 0
const WEEKEND: FigureGroup = {
  label: 'weekend merges',
  members: {
    weekend: {
      label: 'weekend merges',
      compared: { figures: ['share'], group: 'stage', lowerIsBetter: true, basis: { over: 'changes', value: onWeekend } },
      members: {
        count: { kind: 'count', label: 'changes', nullable: false },
        share: { kind: 'ratio', label: 'share merged on a weekend', nullable: true, bounded: true },
      },
    },
  },
};

const merged = (at: number, n: number): MeasuredChange[] => Array.from({ length: n }, (_, i) => ({ mergedAt: at + i * 60 }) as MeasuredChange);
const side = (changes: MeasuredChange[]): { summary: object; sample: ComparedSample } => {
  const share = changes.reduce((sum, c) => sum + onWeekend(c), 0) / changes.length;
  return { summary: { weekend: { count: changes.length, share } }, sample: { changes, deploys: [], dailyDeploys: [], waiting: { now: MONDAY, measure: (a, b) => b - a } } };
};

describe('a figure compared over a function of each change', () => {
  it('resamples what the function reads: every change before on a Saturday, every one after on a Monday', () => {
    const [figure] = comparedFigures(WEEKEND);
    expect(figure?.key).toBe('weekend.share');
    const [row] = comparedRows(comparedFigures(WEEKEND), side(merged(SATURDAY, 12)), side(merged(MONDAY, 12)), { minSample: 10, gitOnly: true, short: false });
    // 12 of 12 → 0 of 12, each side all one way: a resample is the side itself, so the interval is Newcombe's for two
    // shares, −1 to −1 + √2 × z²/(12 + z²) (the Wilson half-widths of 0 and 12 of 12); fewer weekend merges are better
    expect(row).toMatchObject({ key: 'weekend.share', before: 1, after: 0, change: -1, direction: 'better', sample: { before: 12, after: 12 } });
    expect(row?.interval).toMatchObject({ difference: -1, low: -1, real: true });
    expect(row?.interval.high).toBeCloseTo(-1 + (Math.SQRT2 * 1.96 ** 2) / (12 + 1.96 ** 2), 3);
  });

  it('half and half on both sides: the data cannot tell', () => {
    const mixed = [...merged(SATURDAY, 6), ...merged(MONDAY, 6)];
    const [row] = comparedRows(comparedFigures(WEEKEND), side(mixed), side(mixed), { minSample: 10, gitOnly: true, short: false });
    expect(row?.interval.low).toBeLessThan(0);
    expect(row?.interval.high).toBeGreaterThan(0);
    // equal shares, but resamples that spread either side of 0: not known to be unchanged
    expect(row?.direction).toBe('uncertain');
    expect(row?.change).toBe(0);
  });

  it('compare hands a basis the model\'s changes, as the previous period does: times in epoch seconds, not ISO text', () => {
    // two reports read back from JSON: their changes' times are ISO text there
    const before = report({ changes: Array.from({ length: 12 }, () => change({ mergedAt: '2026-03-07T12:00:00Z' })) });
    const after = report({ changes: Array.from({ length: 12 }, () => change({ mergedAt: '2026-03-09T12:00:00Z' })) });
    const [row] = compareReports(before, after, { catalogue: WEEKEND }).rows;
    // read as text, every mergedAt would be NaN, the same day on both sides and a difference of 0
    expect(row?.key).toBe('weekend.share');
    expect(row?.interval).toMatchObject({ difference: -1, low: -1, real: true });
  });
});
