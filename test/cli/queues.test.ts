import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { QUEUE_WINDOW, queueScenario } from '../queue-scenario.js';

const H = 3600;
const WEEKS = ['2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z', '2026-03-23T00:00:00Z'];
const week = (i: number, arrivals: number, departures: number, queue: number, aiShare: number | null) => ({ weekStart: WEEKS[i], arrivals, departures, queue, aiShare });

let repo: FixtureRepo;
let report: Report;

beforeAll(async () => {
  repo = queueScenario();
  report = await audit({ path: repo.dir, ...QUEUE_WINDOW });
});
afterAll(() => repo.cleanup());

// the scenario and its dates are described at queueScenario (test/queue-scenario.ts)
describe('weekly queues of a team that finishes more than it merges', () => {
  it('counts the review & merge wait queue growing by two a week', () => {
    // review (git only) = last commit → merge: three arrive each Tuesday, one merges each week
    expect(report.summary.queues.review).toEqual([week(0, 3, 1, 2, 1 / 3), week(1, 3, 1, 4, 1 / 3), week(2, 3, 1, 6, 1 / 3), week(3, 3, 1, 8, 1 / 3)]);
    // net flow: the queue went from 0 to 8 in four weeks, 12 in and 4 out
    expect(report.summary.queueTrend.review).toMatchObject({ arrivalsPerWeek: 3, departuresPerWeek: 1, growthPerWeek: 2, arrivals: 12, departures: 4, queueStart: 0, queueEnd: 8 });
  });

  it('counts coding that crosses a week boundary in both weeks', () => {
    // D3 starts Friday of W3 and finishes Tuesday of W4; the others start and finish in their week
    expect(report.summary.queues.coding).toEqual([week(0, 3, 3, 0, 1 / 3), week(1, 3, 3, 0, 1 / 3), week(2, 4, 3, 1, 1 / 4), week(3, 2, 3, 0, 1 / 2)]);
  });

  it('counts the deploy queue from merges to tags, with a change still waiting at the window end', () => {
    // A1 merged 03-05 shipped 03-06; A2 (03-12) and A3 (03-19) shipped 03-20; B1 merged 03-26, shipped 04-16
    expect(report.summary.queues.deploy).toEqual([week(0, 1, 1, 0, 1), week(1, 1, 0, 1, 0), week(2, 1, 2, 0, 0), week(3, 1, 0, 1, 1)]);
    // from 0 before the first week to 1 at the last week's end: 1 in four weeks (4 in, 3 out)
    expect(report.summary.queueTrend.deploy).toMatchObject({ queueStart: 0, queueEnd: 1, arrivals: 4, departures: 3, growthPerWeek: 0.25 });
  });

  it('sees no pickup or merge wait from git alone, and no reviewer capacity', () => {
    expect(Object.keys(report.summary.queues)).toEqual(['coding', 'review', 'deploy']);
    expect(report.summary.reviewCapacity).toBeNull();
  });

  it('shows both sides of Little\'s law: equal for coding (steady), far apart for the growing review queue', () => {
    // coding: 11 changes × 24h + D3's 96h = 360h in the stage, all inside the 672h window: L = 360/672;
    // W = 360h / 12 = 30h, λ = 12 / 672h, so λW = 360/672 too
    const coding = report.summary.queueTrend.coding;
    expect(coding?.meanTimeInStage).toBe(30 * H);
    expect(coding?.meanQueue).toBeCloseTo(360 / 672, 12);
    expect(coding?.littleQueue).toBeCloseTo(360 / 672, 12);
    // review: time in stage of the 12 arrivals (last commit → merge, 2d 2h = 50h … ): 50 + 218 + 386 + 386 (A1–A3, B1)
    // + 554 + 650 (B2, B3) + 530 + 554 + 578 (C) + 482 + 506 + 530 (D) = 5424h, W = 452h;
    // inside the window only: 50 + 218 + 386 + 386 + 2 × 470 (B2, B3 to 03-30) + 3 × 302 (C) + 3 × 134 (D) = 3288h
    const review = report.summary.queueTrend.review;
    expect(review?.meanTimeInStage).toBe(452 * H);
    expect(review?.meanQueue).toBeCloseTo(3288 / 672, 12);
    expect(review?.littleQueue).toBeCloseTo(5424 / 672, 12);
  });

  it('carries the changes merged after the window that were in its queues, so an aggregate gets the same queues', () => {
    expect(report.changes.map((c) => c.id)).toEqual(['#1', '#2', '#3', '#4']);
    expect(report.queueOnlyChanges.map((c) => c.id)).toEqual(['#5', '#6', '#7', '#8', '#9', '#10', '#11', '#12']);
    const again = aggregateReports([report]);
    expect(again.summary.queues).toEqual(report.summary.queues);
    expect(again.summary.queueTrend).toEqual(report.summary.queueTrend);
  });
});

describe('what-if of the rules about a stage', () => {
  // the window's deployed changes: lead time = first commit → tag
  //   A1 03-02 10:00 → 03-06 12:00 = 98h; A2, A3 → 03-20 12:00 = 434h; B1 03-09 10:00 → 04-16 12:00 = 914h; p50 434h
  it('caps the review & merge wait at its 2d threshold', () => {
    // review: A1 50h, A2 218h, A3 386h, B1 386h; trimmed 2 + 170 + 338 + 338 = 848h over 4 weeks = 212h a week
    // lead times then: 96, 264, 96, 576 → p50 (96 + 264) / 2 = 180h
    const row = report.recommendations.find((r) => r.id === 'review-wait');
    expect(row?.whatIf).toEqual({ stage: 'review', cap: 48 * H, leadTimeP50: { now: 434 * H, then: 180 * H }, hoursSavedPerWeek: 212, hoursSaved: 848, coveredDays: 28 });
  });

  it('caps the deploy wait at its 1d threshold', () => {
    // deploy: A1 24h, A2 192h, A3 24h, B1 504h; trimmed 0 + 168 + 0 + 480 = 648h / 4 weeks = 162h a week
    // lead times then: 98, 266, 434, 434 → p50 (266 + 434) / 2 = 350h
    const row = report.recommendations.find((r) => r.id === 'deploy-wait');
    expect(row?.whatIf).toEqual({ stage: 'deploy', cap: 24 * H, leadTimeP50: { now: 434 * H, then: 350 * H }, hoursSavedPerWeek: 162, hoursSaved: 648, coveredDays: 28 });
  });

  it('ranks the rows by hours saved a week', () => {
    expect(report.recommendations.map((r) => r.id).slice(0, 2)).toEqual(['review-wait', 'deploy-wait']);
  });
});

describe('in the text and Markdown reports', () => {
  const args = (format: string): string[] => [repo.dir, '--since', QUEUE_WINDOW.since, '--until', QUEUE_WINDOW.until, '--now', QUEUE_WINDOW.now, '--format', format];

  it('text: where the queue builds, both sides of Little\'s law, the weekly queue, and the what-if of each stage rule', async () => {
    const { stdout, code } = await runCli(args('text'));
    expect(code).toBe(0);
    expect(stdout).toContain('Where the queue builds');
    const section = stdout.slice(stdout.indexOf('Where the queue builds'));
    const cells = (label: string): string[] => (section.split('\n').find((l) => l.startsWith(`│ ${label} `)) ?? '').split('│').map((s) => s.trim()).filter(Boolean);
    // in/wk, out/wk, growth/wk (rates per week, two decimals), mean queue (3288/672), if steady (5424/672), time in stage 452h
    expect(cells('review & merge')).toEqual(['review & merge', '3.00', '1.00', '+2.00', '4.9', '8.1', '18d 20h']);
    // from git alone the coding stage is the span between first and last commit, named so
    expect(cells('first → last')).toEqual(['first → last', '3.00', '3.00', '0.00', '0.5', '0.5', '1d 6h']);
    // Little's law in one sentence, with the numbers of the stage where most changes wait (review: 4.9)
    expect(stdout.replace(/\n +/g, ' ')).toContain('review & merge: 3.00 a week × 18d 20h ≈ 8.1 waiting, against 4.9 on average, while its queue went from 0 to 8.');
    expect(stdout.replace(/\n +/g, ' ')).toContain("The queue at each week's end, weeks of 2026-03-02 → 2026-03-23 (Mondays, UTC), then the queue at the window's start → at its end; under it, the AI-assisted share of each week's arrivals, then of the window's:");
    // the queue 0 at the window's start, as the sentence above says, not the first week's end (2)
    // the AI share of its arrivals under it, drawn from 0 to 100%, then the window's: a third each week sits low (it
    // read ▄▄▄▄, a flat line's mid-height)
    expect(stdout).toMatch(/^ {2}review & merge +▁▃▆█ 0 → 8\n {4}AI share +▃▃▃▃ 33% of arrivals$/m);
    // first → last: 1 of 3, 3, 4 and 2 arrivals, 4 of 12 in all (the weeks' mean would read 35%, the last week 50%)
    expect(stdout).toMatch(/^ {2}first → last .*\n {4}AI share +▃▃▃▅ 33% of arrivals$/m);
    // wrapped lines joined back for the wording
    const joined = stdout.replace(/\n +/g, ' ');
    expect(joined).toContain('what if: review & merge wait capped at 2d: lead time p50 of deployed changes 18d 2h → 7d 12h, 212 change-hours of waiting saved a week (summed over the changes)');
    expect(joined).toContain('what if: deploy wait capped at 1d: lead time p50 of deployed changes 18d 2h → 14d 14h, 162 change-hours of waiting saved a week (summed over the changes)');
    // two AI-assisted changes against two: too few to tell, one verdict for every figure
    expect(stdout).toMatch(/p50 AI-assisted − other \(95% interval\): lead time \+3d \(/);
    expect(stdout.replace(/\n +/g, ' ')).toContain('— too few changes in a group to tell any of them apart');
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('Markdown: the trend table, every week in a collapsible table, and the what-if with what was measured', async () => {
    const { stdout, code } = await runCli(args('markdown'));
    expect(code).toBe(0);
    expect(stdout).toContain('### Where the queue builds');
    expect(stdout).toContain('| review &amp; merge wait | 3.00 | 1.00 | +2.00 | 4.9 | 8.1 | 18d 20h |');
    expect(stdout).toContain('| Week of (UTC) | first → last commit | review &amp; merge wait | deploy wait |');
    expect(stdout).toContain('| 2026-03-16 00:00 | 4 / 3 / **1** (25% AI) | 3 / 1 / **6** (33% AI) | 1 / 2 / **0** (0% AI) |');
    // the first recommendation written out, its what-if under it; the next in the table, its what-if in its column
    expect(stdout).toContain('- **What if**: review &amp; merge wait capped at 2d: lead time p50 of deployed changes 18d 2h → 7d 12h, 212 change-hours of waiting saved a week (summed over the changes)\n');
    expect(stdout).toContain('| deploy wait capped at 1d: lead time p50 of deployed changes 18d 2h → 14d 14h, 162 change-hours of waiting saved a week (summed over the changes) |');
    expect(stdout).toContain('|  | AI-assisted (a lower bound) | Other | Difference of medians | 95% interval | Verdict |');
    expect(stdout).toMatch(/\| Lead time p50 \| [^|]+ \| [^|]+ \| \+3d \| −[^|]+ to \+[^|]+ \| too few changes to tell \|/);
  });
});
