import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../src/gates/check.js';
import { renderStepSummary } from '../../src/gates/summary.js';
import { STEP_SUMMARY_ROOM } from '../../src/gates/actions.js';
import { change, H, report, summary } from '../aggregate/report-builder.js';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** a history as large as the one that gave a 1.57 MB summary: 40,000 changes with long titles */
const huge = report({
  changes: Array.from({ length: 40_000 }, (_, i) => change({ id: `#${i}`, number: i, title: `a change with a long enough title to matter, number ${i}`, mergedAt: '2026-01-05T00:00:00Z' })),
});

describe('the step summary', () => {
  it('leaves the lists of every change out whatever the history, and says so', () => {
    const md = renderStepSummary(huge, evaluateGates(huge, ['changes>=0']).results);
    expect(bytes(md)).toBeLessThan(64 * 1024);
    expect(md).toContain('### flowaudit thresholds: 0 of 1 threshold breached');
    expect(md).toContain('_Left out of this summary: the list of 40000 changes, the 0 deploys.');
    expect(md).not.toContain('All changes');
  });

  it('stays within the room it is given even when the text itself is huge, cut at a line with a note', () => {
    const title = 'x'.repeat(600_000);
    const hostile = report({
      changes: [change({})],
      summary: summary({ slowest: [1, 2, 3].map((n) => ({ id: `#${n}`, title, url: null, total: 10 * H, totalIs: 'leadTime' as const, stage: 'coding' as const, stageSeconds: H })) }),
    });
    const md = renderStepSummary(hostile, null);
    expect(bytes(md)).toBeLessThanOrEqual(STEP_SUMMARY_ROOM);
    expect(md.endsWith("_The summary was cut here to stay under GitHub's 1 MiB step-summary limit; the full report has the rest._\n")).toBe(true);
    // the collapsed section it was cut inside is closed, so the rest of the page renders
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    const small = renderStepSummary(hostile, null, 10_000);
    expect(bytes(small)).toBeLessThanOrEqual(10_000);
  });
});
