import { describe, expect, it } from 'vitest';
import type { MeasuredChange, MeasuredDeploy } from '../../src/domain.js';
import { computeDora } from '../../src/metrics/dora.js';
import { comparedFigures } from '../../src/metrics/compared.js';
import { previousPeriod } from '../../src/metrics/previous.js';
import { summarizeStages, type Waiting } from '../../src/metrics/stage-summary.js';

const H = 3600;
const D = 86400;
const at = (iso: string): number => Date.parse(iso) / 1000;
// four weeks, and the four before them
const WINDOW = { since: at('2026-03-02T00:00:00Z'), until: at('2026-03-30T00:00:00Z') };
const PREVIOUS_START = at('2026-02-02T00:00:00Z');
const NOW = WINDOW.until;
const waiting: Waiting = { now: NOW, measure: (a, b) => b - a };

/** merged at `merged`, after `coding` then `review`; deployed an hour later */
const change = (merged: number, coding: number, review: number): MeasuredChange => ({
  mergedAt: merged,
  firstCommitAt: merged - coding - review,
  cycleTime: coding + review,
  deployedAt: merged + H,
  leadTime: coding + review + H,
  stages: { coding, pickup: null, review, merge: null, deploy: H },
}) as unknown as MeasuredChange;
const deploy = (t: number): MeasuredDeploy => ({ at: t, failed: false, rollback: false, rework: false, restoredAfter: null });

/**
 * Eleven changes in each window, one a day from its second day. Review: 10h … 20h before (p50 15h), 1h … 11h
 * now (p50 6h) — the samples do not even overlap, so the interval of −9h lies below 0. Coding: 1h … 11h before
 * (p50 6h), 2h … 12h now (p50 7h) — +1h within two samples that mostly overlap: the data cannot tell.
 * Deploys: 4 before (1 a week), 8 now (2 a week).
 */
const before = Array.from({ length: 11 }, (_, i) => change(PREVIOUS_START + (i + 1) * D, (i + 1) * H, (10 + i) * H));
const after = Array.from({ length: 11 }, (_, i) => change(WINDOW.since + (i + 1) * D, (i + 2) * H, (1 + i) * H));
const deploys = [...[1, 8, 15, 22].map((d) => deploy(PREVIOUS_START + d * D + 2 * H)), ...[1, 4, 8, 11, 15, 18, 22, 25].map((d) => deploy(WINDOW.since + d * D + 2 * H))];

/** a window's figures as the report builder places them in its summary */
function figures(changes: readonly MeasuredChange[], windowDeploys: readonly MeasuredDeploy[], window: { since: number; until: number }): object {
  const stages = summarizeStages(changes, waiting);
  const dora = computeDora({ window, now: NOW, deploys: windowDeploys, leadTime: stages.leadTime, signal: 'tags', businessHours: false });
  return { stages: stages.stages, cycleTime: stages.cycleTime, leadTime: stages.leadTime, dora };
}

function previous(covered: boolean) {
  return previousPeriod({
    changes: [...before, ...after], deploys, window: WINDOW, covered, current: figures(after, deploys.filter((d) => d.at >= WINDOW.since), WINDOW),
    figuresOf: figures, stages: ['coding', 'review', 'deploy'], github: false,
  });
}

describe('the previous period', () => {
  it('is the window of the same length just before this one, with its counts', () => {
    const p = previous(true);
    expect([p.since, p.until]).toEqual(['2026-02-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z']);
    expect([p.changes, p.deploys]).toEqual([11, 4]);
  });

  it('calls a stage better when its interval excludes 0, and says the data cannot tell when it does not', () => {
    const rows = new Map(previous(true).rows.map((r) => [r.key, r]));
    const review = rows.get('stages.review.p50');
    expect(review).toMatchObject({ before: 15 * H, after: 6 * H, change: -9 * H, direction: 'better', sample: { before: 11, after: 11 } });
    expect(review?.interval.real).toBe(true);
    expect(review?.interval.high).toBeLessThan(0);
    const coding = rows.get('stages.coding.p50');
    expect(coding).toMatchObject({ before: 6 * H, after: 7 * H, change: H, direction: 'uncertain' });
    expect(coding?.interval.low).toBeLessThan(0);
    expect(coding?.interval.high).toBeGreaterThan(0);
  });

  it('compares the DORA keys too: lead time the median, deploy frequency per week', () => {
    const rows = new Map(previous(true).rows.map((r) => [r.key, r]));
    // lead time = coding + review + 1h: before 1h+10h+1h … 11h+20h+1h, p50 6h+15h+1h = 22h; now 3h … 23h, p50 7h+6h+1h = 14h
    expect(rows.get('dora.leadTime')).toMatchObject({ before: 22 * H, after: 14 * H, change: -8 * H });
    expect(rows.get('dora.deploymentFrequency')).toMatchObject({ before: 1, after: 2, change: 1, lowSample: false });
    expect(rows.get('dora.changeFailureRate')).toMatchObject({ before: 0, after: 0, direction: 'same' });
    // the stages the data cannot see are not compared
    expect(rows.has('stages.pickup.p50')).toBe(false);
  });

  it('compares every figure the catalogue declares compared that the data can see, as compare does, with the figures\' whole names', () => {
    const listed = previous(true).rows;
    // git alone sees no pickup and no merge stage, and the previous period has no decided pull requests: every
    // other figure compare compares is here, in its order (which they are: test/metrics/compared-coverage.test.ts)
    const unseen = new Set(['pickup', 'merge']);
    expect(listed.map((r) => r.key)).toEqual(comparedFigures().filter((f) => !f.basis.pulls && !unseen.has(f.stage ?? '')).map((f) => f.key));
    expect(listed.slice(0, 13).map((r) => [r.key, r.label])).toEqual([
      ['stages.coding.p50', 'first → last p50'], ['stages.coding.p90', 'first → last p90'],
      ['stages.review.p50', 'review & merge p50'], ['stages.review.p90', 'review & merge p90'],
      ['stages.deploy.p50', 'deploy wait p50'], ['stages.deploy.p90', 'deploy wait p90'],
      ['cycleTime.p50', 'cycle time p50'], ['cycleTime.p90', 'cycle time p90'],
      ['dora.deploymentFrequency', 'deployment frequency'], ['dora.leadTime', 'lead time for changes'], ['dora.changeFailureRate', 'change failure rate'],
      ['dora.timeToRestore', 'failed deployment recovery time'], ['dora.reworkRate', 'deployment rework rate'],
    ]);
    // cycle time = coding + review: before 11h … 31h (p50 21h), now 3h … 23h (p50 13h): apart by 8h, the samples overlapping
    const rows = new Map(previous(true).rows.map((r) => [r.key, r]));
    expect(rows.get('cycleTime.p50')).toMatchObject({ before: 21 * H, after: 13 * H, change: -8 * H, sample: { before: 11, after: 11 } });
  });

  it('gives no figures when the history does not reach back over the previous window', () => {
    const p = previous(false);
    expect(p.covered).toBe(false);
    expect(p.rows).toEqual([]);
  });
});
