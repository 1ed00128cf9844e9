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
function figures(changes: readonly MeasuredChange[], windowDeploys: readonly MeasuredDeploy[], window: { since: number; until: number }, at: Waiting): object {
  const stages = summarizeStages(changes, at);
  const dora = computeDora({ window, now: at.now, deploys: windowDeploys, leadTime: stages.leadTime, signal: 'tags', businessHours: false });
  return { stages: stages.stages, cycleTime: stages.cycleTime, leadTime: stages.leadTime, dora };
}

function previous(covered: boolean) {
  return previousPeriod({
    before: { changes: before, deploys }, after: { changes: after, deploys: deploys.filter((d) => d.at >= WINDOW.since) }, window: WINDOW, covered,
    current: figures(after, deploys.filter((d) => d.at >= WINDOW.since), WINDOW, waiting),
    figuresOf: figures, waiting, stages: ['coding', 'review', 'deploy'], github: false,
  });
}

describe('the previous period', () => {
  it('is the window of the same length just before this one, with its counts', () => {
    const p = previous(true);
    expect([p.since, p.until]).toEqual(['2026-02-02T00:00:00Z', '2026-03-02T00:00:00Z']);
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
    // equal, and its interval below holds far more than 0: the data cannot tell, never "no change"
    expect(rows.get('dora.changeFailureRate')).toMatchObject({ before: 0, after: 0, change: 0, direction: 'uncertain' });
    // no failed deploy on either side: not "0 pp to 0 pp", which a bootstrap of sides all one way reads, but Newcombe's
    // interval of 0 of 4 against 0 of n, −z²/(4 + z²) to +z²/(n + z²)
    const z2 = 1.96 ** 2;
    const n = deploys.filter((d) => d.at >= WINDOW.since).length;
    expect(rows.get('dora.changeFailureRate')?.interval).toMatchObject({ difference: 0, real: false });
    expect(rows.get('dora.changeFailureRate')?.interval.low).toBeCloseTo(-z2 / (4 + z2), 3);
    expect(rows.get('dora.changeFailureRate')?.interval.high).toBeCloseTo(z2 / (n + z2), 3);
    // the stages the data cannot see are not compared
    expect(rows.has('stages.pickup.p50')).toBe(false);
  });

  it('compares every figure the catalogue declares compared that the data can see, as compare does, with the figures\' whole names', () => {
    const listed = previous(true).rows;
    // git alone sees no pickup and no merge stage, and the previous period has no decided pull requests: every
    // other figure compare compares is here, in its order (which they are: test/metrics/compared-coverage.test.ts)
    const unseen = new Set(['pickup', 'merge']);
    expect(listed.map((r) => r.key)).toEqual(comparedFigures().filter((f) => f.basis.over !== 'pulls' && !unseen.has(f.stage ?? '')).map((f) => f.key));
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

describe('the previous period of a repository of several products', () => {
  // a release a week, its products tagged at one commit: two products each before, five now. The cluster is
  // placed by the releases (one a week, both periods), so the row compares them: not 2 tags a week against 5
  const release = (t: number, products: readonly string[]): MeasuredDeploy[] =>
    products.map((product) => ({ ...deploy(t), product, sha: `sha-${t}` }) as MeasuredDeploy);
  const weekly = (from: number, products: readonly string[]): MeasuredDeploy[] => [1, 8, 15, 22].flatMap((d) => release(from + d * D + 2 * H, products));
  const tagged = [...weekly(PREVIOUS_START, ['cli', 'core']), ...weekly(WINDOW.since, ['cli', 'core', 'read', 'write', 'types'])];
  const now = tagged.filter((d) => d.at >= WINDOW.since);

  it('compares its releases per week, as its cluster is placed, and its deploys stay counted as deploys', () => {
    const p = previousPeriod({
      before: { changes: before, deploys: tagged }, after: { changes: after, deploys: now }, window: WINDOW, covered: true,
      current: figures(after, now, WINDOW, waiting), figuresOf: figures, waiting, stages: ['coding', 'review', 'deploy'], github: false,
    });
    expect(p.deploys).toBe(8);
    const frequency = p.rows.find((r) => r.key === 'dora.deploymentFrequency');
    // over 4 releases a side (8 and 20 tags)
    expect(frequency).toMatchObject({ before: 1, after: 1, change: 0, direction: 'uncertain', sample: { before: 4, after: 4 } });
    // the interval is of the releases' days too: its point is the row's change
    expect(frequency?.interval.difference).toBe(0);
  });
});

describe('the previous period of a window that ends after now', () => {
  it('resamples this window\'s deploys over the days up to now, as its deploy frequency is over them', () => {
    // two weeks into the four-week window: its deploys of days 1, 4, 8 and 11 are 2 a week over the 14 days
    const now = WINDOW.since + 14 * D;
    const early: Waiting = { now, measure: (a, b) => b - a };
    const shipped = deploys.filter((d) => d.at >= WINDOW.since && d.at < now);
    const p = previousPeriod({
      before: { changes: before, deploys }, after: { changes: after.filter((c) => c.mergedAt < now), deploys: shipped }, window: WINDOW, covered: true,
      current: figures(after.filter((c) => c.mergedAt < now), shipped, WINDOW, early), figuresOf: figures, waiting: early, stages: ['coding', 'review', 'deploy'], github: false,
    });
    const frequency = p.rows.find((r) => r.key === 'dora.deploymentFrequency');
    expect(frequency).toMatchObject({ before: 1, after: 2, change: 1 });
    // over the whole four weeks the 4 deploys would be 1 a week: an interval around no change
    expect(frequency?.interval.difference).toBeCloseTo(1, 10);
  });
});

describe('the previous period with changes still waiting', () => {
  /** merged at `merged` an hour after its first commit; deployed `deploy` later, or still waiting at NOW (null) */
  const shipped = (merged: number, deploy: number | null): MeasuredChange => ({
    mergedAt: merged,
    firstCommitAt: merged - H,
    cycleTime: H,
    deployedAt: deploy === null ? null : merged + deploy,
    leadTime: deploy === null ? null : H + deploy,
    stages: { coding: H, pickup: null, review: 0, merge: null, deploy },
  }) as unknown as MeasuredChange;
  const times = (n: number, from: number, deploy: number | null): MeasuredChange[] => Array.from({ length: n }, (_, i) => shipped(from + i * H, deploy));
  // before: 20 changes deployed 30h after their merge (lead time 31h)
  const earlier = times(20, PREVIOUS_START + D, 30 * H);
  const rowsOf = (now: readonly MeasuredChange[]) => {
    const p = previousPeriod({
      before: { changes: earlier, deploys: [] }, after: { changes: now, deploys: [] }, window: WINDOW, covered: true, current: figures(now, [], WINDOW, waiting),
      figuresOf: figures, waiting, stages: ['coding', 'review', 'deploy'], github: false,
    });
    return new Map(p.rows.map((r) => [r.key, r]));
  };

  it('resamples them with the deployed ones, so the interval is of the Kaplan–Meier medians shown', () => {
    // now: 70 changes deployed 2h after their merge, 30 deployed 40h after, and 100 merged 35h before NOW and still
    // waiting. Kaplan–Meier of the deploy wait: Ŝ(2h) = 130/200 = 0.65, the 100 leave the risk set at 35h, the 30 left
    // all deploy at 40h: the median is 40h (the deployed alone: 2h); of lead time, 41h (waiting: 36h so far). The
    // medians rose 10h, and every resample's do (one reads 2h only when 100 of its 200 draws are 2h, 4.4 sd above
    // the mean): worse, +10h … +10h. Over the deployed alone the interval was −28h … −28h, a fall, beside a rise
    // shown, and the row said the data cannot tell.
    const rows = rowsOf([...times(70, WINDOW.since + D, 2 * H), ...times(30, WINDOW.since + 5 * D, 40 * H), ...Array.from({ length: 100 }, () => shipped(NOW - 35 * H, null))]);
    const point = { difference: 10 * H, low: 10 * H, high: 10 * H, real: true };
    expect(rows.get('stages.deploy.p50')).toMatchObject({ before: 30 * H, after: 40 * H, change: 10 * H, direction: 'worse', interval: point, sample: { before: 20, after: 200 } });
    expect(rows.get('dora.leadTime')).toMatchObject({ before: 31 * H, after: 41 * H, change: 10 * H, direction: 'worse', interval: point });
  });

  it('censors the previous window\'s changes still waiting at its own end, not at this window\'s', () => {
    // before: 6 changes deployed 10 days after their merge, and 5 merged two days before the previous window ends,
    // waiting then. At its end they leave the risk set at 2 days, before the deploys at 10 days: Ŝ(10d) = 0 and
    // the p90 is 10 days. Censored at NOW, four weeks on, they would still be at risk at 10 days (Ŝ = 5/11): the
    // p90 unreached, as though they waited a month more in a window that had ended
    const deployed = times(6, PREVIOUS_START + D, 10 * D);
    const waitingThen = Array.from({ length: 5 }, (_, i) => shipped(WINDOW.since - 2 * D + i * H, null));
    const p = previousPeriod({
      before: { changes: [...deployed, ...waitingThen], deploys: [] }, after: { changes: earlier.map((c) => ({ ...c, mergedAt: c.mergedAt + 28 * D })), deploys: [] },
      window: WINDOW, covered: true, current: figures([], [], WINDOW, waiting), figuresOf: figures, waiting, stages: ['coding', 'review', 'deploy'], github: false,
    });
    expect(p.rows.find((r) => r.key === 'stages.deploy.p90')?.before).toBe(10 * D);
  });

  it('leaves the interval open on the side of a median the estimate does not reach, bounded on the other by its lower bound', () => {
    // now: 4 changes deployed 2h after their merge and 16 merged 100h before NOW, still waiting: Ŝ(2h) = 0.8 and
    // no later deploy, so the deploy wait's median is unreached, at least 100h. A resample reaches it (2h) only
    // when 10 of its 20 draws are deployed (0.26%); else it is at least 100h: after − before ≥ 100h − 30h
    const rows = rowsOf([...times(4, WINDOW.since + D, 2 * H), ...Array.from({ length: 16 }, () => shipped(NOW - 100 * H, null))]);
    expect(rows.get('stages.deploy.p50')).toMatchObject({ before: 30 * H, after: null, direction: null, interval: { difference: null, low: 70 * H, high: null, real: true } });
  });
});
