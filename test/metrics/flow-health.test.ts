import { describe, expect, it } from 'vitest';
import type { AdviceSummary } from '../../src/advice/types.js';
import type { Change, OpenPull, Stages } from '../../src/domain.js';
import { computeFlowHealth, type FlowHealth } from '../../src/metrics/flow-health.js';
import { reviewOf } from '../../src/model/pull-review.js';
import type { GitHubCheck, GitHubPull, GitHubReview } from '../../src/sources/github/types.js';

const T = 1_000_000;
const noStages: Stages = { coding: null, pickup: null, review: null, merge: null, deploy: null };

const change = (sha: string, over: Partial<Change>): Change =>
  ({
    id: sha, number: null, title: sha, author: 'x', authorEmail: 'x@x', url: null, branch: null, kind: 'merge', sha,
    commitShas: [sha], commits: 1, size: null, bot: false, firstCommitAt: null, lastCommitAt: null, readyAt: null,
    firstReviewAt: null, approvedAt: null, mergedAt: T, deployedAt: null, forkPoints: [], forkPointAt: null, flags: [],
    aiEvidence: [], revertedBy: null, isRevert: false, stages: { ...noStages }, cycleTime: null, leadTime: null, review: null, ...over,
  }) as Change;

const review = (author: string, state: string, at: number, authorIsBot = false): GitHubReview => ({ author, authorIsBot, state, submittedAt: T + at });
const check = (name: string, start: number, end: number, conclusion: string): GitHubCheck => ({
  name, status: 'COMPLETED', conclusion, startedAt: T + start, completedAt: T + end,
});
const pull = (over: Partial<GitHubPull>): GitHubPull => ({
  number: 1, title: '', url: '', author: 'x', authorIsBot: false, createdAt: T, updatedAt: T, mergedAt: T, mergeCommitSha: null,
  headRefName: 'b', body: '', additions: 0, deletions: 0, changedFiles: 1, labels: [], commits: [], reviews: [], comments: [], events: [],
  checks: [], wasDraft: false, ...over,
});
/** What the model keeps of the pull request behind `c` (the review figures read only that). */
const withPull = (c: Change, p: GitHubPull, commits = 0, forcePushes = 0, changesRequested = false): Change => ({
  ...c, review: reviewOf(p, c.readyAt ?? p.createdAt, { commitsAfterFirstReview: commits, forcePushesAfterFirstReview: forcePushes, changesRequested }),
});
const open = (author: string, createdAt: number, isDraft = false, bot = false): OpenPull => ({
  number: 9, title: '', url: null, author, bot, createdAt: T + createdAt, isDraft,
});

function github(): { health: FlowHealth } {
  const a = change('a', {
    author: 'alice', readyAt: T, firstReviewAt: T + 100, approvedAt: T + 100, mergedAt: T + 1000, size: { additions: 400, deletions: 100, files: 3 },
    stages: { ...noStages, pickup: 100 }, aiEvidence: ['Co-authored-by: Claude'],
  });
  const b = change('b', {
    author: 'bob', readyAt: T + 2000, firstReviewAt: T + 2050, approvedAt: T + 2100, mergedAt: T + 2400, size: { additions: 60, deletions: 40, files: 1 },
    stages: { ...noStages, pickup: 50 },
  });
  const c = change('c', {
    author: 'carol', readyAt: T + 3000, firstReviewAt: T + 3200, approvedAt: T + 3500, mergedAt: T + 4000, size: { additions: 420, deletions: 0, files: 2 },
    stages: { ...noStages, pickup: 200 }, aiEvidence: ['label: ai'], revertedBy: 'r1',
  });
  const d = change('d', { author: 'Dana', kind: 'direct', mergedAt: T + 5000, size: { additions: 10, deletions: 0, files: 1 } });
  const reviewed = [
    withPull(a, pull({
      author: 'alice', createdAt: T, mergedAt: T + 1000,
      reviews: [review('bob', 'APPROVED', 100)],
      // build failed then passed on the same commit: flaky; wall 50 → 600 = 550
      checks: [check('build', 50, 250, 'FAILURE'), check('build', 300, 600, 'SUCCESS'), check('lint', 60, 120, 'SUCCESS')],
    }), 1),
    withPull(b, pull({
      author: 'bob', createdAt: T + 2000, mergedAt: T + 2400,
      reviews: [review('carol', 'COMMENTED', 2050), review('bob', 'COMMENTED', 2060), review('carol', 'APPROVED', 2100), review('dependabot[bot]', 'APPROVED', 2100, true), { author: 'eve', authorIsBot: false, state: 'PENDING', submittedAt: null }],
      // lint failed twice, never passed: not flaky; wall 2000 → 2200 = 200
      checks: [check('build', 2000, 2200, 'SUCCESS'), check('lint', 2010, 2020, 'FAILURE'), check('lint', 2030, 2040, 'FAILURE')],
    })),
    withPull(c, pull({
      author: 'carol', createdAt: T + 3000, mergedAt: T + 4000,
      reviews: [review('bob', 'CHANGES_REQUESTED', 3300), review('bob', 'APPROVED', 3500), review('dave', 'COMMENTED', 3600)],
      comments: [{ author: 'alice', authorIsBot: false, createdAt: T + 3200 }],
      checks: [check('build', 3000, 3400, 'FAILURE'), check('build', 3410, 3900, 'SUCCESS')],
    }), 0, 1, true),
  ];
  const openPulls = [open('alice', 4000), open('erin', 8000), open('frank', 9000, true), open('renovate[bot]', 1000, false, true), open('dave', 7000)];
  return { health: computeFlowHealth({ changes: [...reviewed, d], openPulls, now: T + 10_000, github: true }) };
}

describe('flow health, GitHub mode', () => {
  it('measures review load, top-two share, per-reviewer pickup, unreviewed and self-merged changes, review depth', () => {
    const review = github().health.review;
    // reviews by humans other than the author: bob 1 (a) + 2 (c), carol 2 (b), dave 1 (c) = 6
    expect(review).toMatchObject({ reviews: 6, reviewers: 3, unreviewed: 1, unreviewedShare: 0.25, selfMerged: 1, selfMergedShare: 0.25, reviewsPerChange: 1.5 });
    expect(review?.topTwoShare).toBeCloseTo(5 / 6, 12);
    expect(review?.byReviewer).toEqual([
      { reviewer: 'bob', reviews: 3, firstReviews: 1, pickupP50: 100 },
      { reviewer: 'carol', reviews: 2, firstReviews: 1, pickupP50: 50 },
      { reviewer: 'dave', reviews: 1, firstReviews: 0, pickupP50: null },
      // alice only commented, first, on c
      { reviewer: 'alice', reviews: 0, firstReviews: 1, pickupP50: 200 },
    ]);
    // a (500 lines) approved with no comment; c (420 lines): 3 comments → 0.714 per 100 lines; p50 of 0 and 0.714
    expect(review).toMatchObject({ largeChanges: 2, largeChangesWithoutComments: 1 });
    expect(review?.largeChangeCommentsPer100LinesP50).toBeCloseTo(((3 / 420) * 100) / 2, 12);
  });

  it('measures rework over the reviewed pull requests', () => {
    expect(github().health.rework).toEqual({ reviewed: 3, reworked: 2, share: 2 / 3, changesRequested: 1, changesRequestedShare: 1 / 3 });
  });

  it('measures check wall time, flaky checks and the merge wait spent on checks', () => {
    const ci = github().health.ci;
    // walls 550, 200, 900 → p50 550, p90 550 + 0.8 × 350 = 830
    expect(ci).toMatchObject({ changes: 3, p50: 550, p90: 830, checks: 5, flakyChecks: 2, flakyRate: 0.4 });
    expect(ci?.worstFlaky).toEqual([{ name: 'build', rate: 2 / 3, flaky: 2, runs: 3 }]);
    // approval → last check: a 500 of 900, b 100 of 300, c 400 of 500
    expect(ci?.mergeWaitOnChecksShare).toBeCloseTo(1000 / 1700, 12);
    // walls 550 s (9m), 200 s (3m), 900 s (15m): one each in 5–10m, 2–5m and 10–20m
    expect(ci?.durationHistogram.filter((b) => b.count > 0).map((b) => [b.label, b.count])).toEqual([['2–5m', 1], ['5–10m', 1], ['10–20m', 1]]);
    expect(ci?.durationHistogram.at(-1)).toEqual({ label: '≥ 2h', from: 7200, to: null, count: 0 });
  });

  it('clamps the wait on checks to the merge stage', () => {
    const x = withPull(change('x', { approvedAt: T, mergedAt: T + 100 }), pull({ checks: [check('ci', 0, 500, 'SUCCESS')] }));
    const health = computeFlowHealth({ changes: [x], openPulls: [], now: T, github: true });
    expect(health.ci?.mergeWaitOnChecksShare).toBe(1);
  });

  it('counts WIP at the end of the window, drafts and bots apart', () => {
    // non-draft ages 6000, 2000, 3000 → p50 3000, p90 3000 + 0.8 × 3000 = 5400; authors alice bob carol dana erin frank dave
    expect(github().health.wip).toMatchObject({ open: 3, drafts: 1, p50Age: 3000, p90Age: 5400, activeAuthors: 7, perAuthor: 3 / 7 });
    // every age under a day: one bucket holds the three ready and the draft; the bot's is left out
    expect(github().health.wip?.ageHistogram[0]).toEqual({ label: '< 1d', from: 0, to: 86400, ready: 3, drafts: 1 });
    expect(github().health.wip?.oldest.map((p) => [p.author, p.age])).toEqual([['alice', 6000], ['dave', 3000], ['erin', 2000], ['frank', 1000]]);
  });

  it('buckets open pull requests by age, drafts apart, and lists the oldest first', () => {
    const D = 86400;
    const now = T + 400 * D;
    const at = (age: number): number => 400 * D - age;
    const pulls = [
      { ...open('a', at(2 * 3600)), number: 1 }, { ...open('b', at(2 * D), true), number: 2 }, { ...open('c', at(10 * D)), number: 3 },
      { ...open('d', at(40 * D)), number: 4, title: 'old one', url: 'https://x.test/4' }, { ...open('e', at(200 * D)), number: 5 }, { ...open('bot', at(300 * D), false, true), number: 6 },
    ];
    const wip = computeFlowHealth({ changes: [], openPulls: pulls, now, github: true }).wip;
    const rows = wip?.ageHistogram.map((b) => [b.label, b.ready, b.drafts]);
    expect(rows).toEqual([['< 1d', 1, 0], ['1–3d', 0, 1], ['3–7d', 0, 0], ['1–2w', 1, 0], ['2–4w', 0, 0], ['4w–3mo', 1, 0], ['3–6mo', 0, 0], ['≥ 6mo', 1, 0]]);
    expect(wip?.oldest.map((p) => [p.number, p.age / D, p.isDraft])).toEqual([[5, 200, false], [4, 40, false], [3, 10, false], [2, 2, true], [1, 2 / 24, false]]);
    expect(wip?.oldest[1]).toEqual({ number: 4, title: 'old one', url: 'https://x.test/4', author: 'd', isDraft: false, age: 40 * D });
  });

  it('compares AI-assisted changes with the rest, with a note when a group is under 10', () => {
    const ai = github().health.aiComparison;
    expect(ai.assisted).toMatchObject({ count: 2, p50Size: 460, failureRate: 0.5, reworkShare: 1 });
    expect(ai.assisted.stages.pickup).toBe(150);
    expect(ai.other).toMatchObject({ count: 2, p50Size: 55, failureRate: 0, reworkShare: 0 });
    expect(ai.note).toMatch(/AI-assisted 2, other 2/);
  });

  it('gives the shapes the advice rules read', () => {
    const part: Pick<AdviceSummary, 'review' | 'rework' | 'ci' | 'wip' | 'aiComparison'> = github().health;
    expect(part.ci?.flakyRate).toBe(0.4);
  });

  it('leaves shares null, not 0, when there is nothing to divide', () => {
    const health = computeFlowHealth({ changes: [], openPulls: [], now: T, github: true });
    expect(health.review).toMatchObject({ reviews: 0, topTwoShare: null, unreviewedShare: null, reviewsPerChange: null });
    expect(health.ci).toMatchObject({ p50: null, flakyRate: null, mergeWaitOnChecksShare: null, worstFlaky: [] });
    expect(health.wip).toMatchObject({ open: 0, drafts: 0, p50Age: null, p90Age: null, activeAuthors: 0, perAuthor: null, oldest: [] });
    expect(health.aiComparison.assisted).toMatchObject({ count: 0, p50Size: null, failureRate: null });
  });
});

describe('the AI comparison with changes still waiting', () => {
  it('counts them at their wait so far, as the summary does, so a group whose slow changes wait reads no faster', () => {
    const H = 3600;
    const waiting = { now: T + 1000 * H, measure: (a: number, b: number) => b - a };
    const deployed = (sha: string, lead: number, ai: boolean): Change =>
      change(sha, { aiEvidence: ai ? ['Made-with: Cursor'] : [], firstCommitAt: T, cycleTime: 0, leadTime: lead, deployedAt: T + lead, mergedAt: T, stages: { ...noStages, coding: 0, deploy: lead } });
    const still = (sha: string, ai: boolean): Change =>
      change(sha, { aiEvidence: ai ? ['Made-with: Cursor'] : [], firstCommitAt: T, cycleTime: 0, mergedAt: T, stages: { ...noStages, coding: 0 } });
    // AI-assisted: 6 deployed in 1h, 10 still waiting (1,000h so far); other: 16 deployed in 10h. Over the deployed
    // alone the AI-assisted median is 1h, −9h (−9h … −9h): "faster". Counted, 10 of 16 wait past every deploy:
    // p50 unreached, at least type 7 of 1h ×6 and 1,000h ×10 at rank 8.5: 1,000h
    const changes = [...Array.from({ length: 6 }, (_, i) => deployed(`a${i}`, H, true)), ...Array.from({ length: 10 }, (_, i) => still(`w${i}`, true)), ...Array.from({ length: 16 }, (_, i) => deployed(`o${i}`, 10 * H, false))];
    const ai = computeFlowHealth({ changes, openPulls: [], now: T + 1000 * H, github: false, waiting }).aiComparison;
    expect(ai.assisted.leadTimeP50).toBeNull();
    expect(ai.assisted.atLeast).toEqual({ leadTime: 1000 * H, deploy: 1000 * H });
    expect(ai.other.leadTimeP50).toBe(10 * H);
    // a resample drawing 8 or more of the 1h changes (about one in four) reads −9h; one drawing fewer knows only
    // that its median is past every deploy: no upper end, and no difference called
    expect(ai.intervals.leadTime).toMatchObject({ difference: null, low: -9 * H, high: null, real: false });
    expect(ai.note).toBe('Lead time and deploy wait count the changes merged but not yet deployed at their wait so far, as right-censored (AI-assisted 10, other 0).');
    // a group of over 3,000 changes: the deployed alone, medians and intervals alike, and the note says so
    const big = [...changes, ...Array.from({ length: 2990 }, (_, i) => deployed(`b${i}`, 10 * H, false))];
    const bigAi = computeFlowHealth({ changes: big, openPulls: [], now: T + 1000 * H, github: false, waiting }).aiComparison;
    expect([bigAi.assisted.leadTimeP50, bigAi.assisted.atLeast]).toEqual([H, undefined]);
    expect(bigAi.note).toContain('Lead time and deploy wait compare deployed changes only');
    // without the changes still waiting (every merge a deploy: none can wait), the old reading, deployed alone
    const deployedOnly = computeFlowHealth({ changes, openPulls: [], now: T + 1000 * H, github: false }).aiComparison;
    expect(deployedOnly.intervals.leadTime).toMatchObject({ difference: -9 * H, low: -9 * H, high: -9 * H, real: true });
  });
});

describe('flow health, git-only mode', () => {
  it('leaves the GitHub figures null and compares AI-assisted changes from git', () => {
    const changes: Change[] = [];
    for (let i = 1; i <= 10; i++) {
      changes.push(change(`ai${i}`, { size: { additions: 10 * i, deletions: 0, files: 1 }, aiEvidence: ['Made-with: Cursor'], leadTime: 100 * i, stages: { ...noStages, coding: i }, revertedBy: i <= 2 ? 'r' : null }));
      changes.push(change(`o${i}`, { size: { additions: i, deletions: 0, files: 1 }, leadTime: 10 * i, revertedBy: i === 1 ? 'r' : null }));
    }
    const health = computeFlowHealth({ changes, openPulls: [], now: T, github: false });
    expect(health.review).toBeNull();
    expect(health.rework).toBeNull();
    expect(health.ci).toBeNull();
    expect(health.wip).toBeNull();
    // sizes 10..100 → p50 55; lead times 100..1000 → 550; coding 1..10 → 5.5
    expect(health.aiComparison.assisted).toMatchObject({ count: 10, p50Size: 55, leadTimeP50: 550, failureRate: 0.2, reworkShare: null });
    expect(health.aiComparison.assisted.stages.coding).toBe(5.5);
    expect(health.aiComparison.other).toMatchObject({ count: 10, p50Size: 5.5, leadTimeP50: 55, failureRate: 0.1, reworkShare: null });
    expect(health.aiComparison.note).toBeNull();
  });

  it('says how many changes still waiting for a deploy the lead time medians leave out, per group', () => {
    const changes: Change[] = [];
    for (let i = 1; i <= 10; i++) {
      // AI-assisted 8, 9 and 10 merged and not deployed; of the others, 10 alone
      changes.push(change(`ai${i}`, { aiEvidence: ['Made-with: Cursor'], leadTime: i <= 7 ? 100 * i : null }));
      changes.push(change(`o${i}`, { leadTime: i <= 9 ? 10 * i : null }));
    }
    const health = computeFlowHealth({ changes, openPulls: [], now: T, github: false });
    // lead times 100..700 → p50 400
    expect(health.aiComparison.assisted.leadTimeP50).toBe(400);
    expect(health.aiComparison.note).toBe('Lead time and deploy wait compare deployed changes only; changes merged but not yet deployed are left out of them (AI-assisted 3, other 1).');
  });
});

describe('the AI comparison over several repositories', () => {
  // aider's AI-assisted changes against curl's others: a repository that releases (deploy waits of days, alike for
  // both groups) beside one deploying every merge (minutes), and a third with two AI-assisted changes of its own
  const H = 3600;
  const shipped = (sha: string, repository: string, deploy: number, ai: boolean, cycle = 2 * H): Change =>
    change(sha, { repository, aiEvidence: ai ? ['Made-with: Cursor'] : [], cycleTime: cycle, leadTime: cycle + deploy, deployedAt: T + deploy, stages: { ...noStages, coding: cycle, deploy } });
  const releases = [
    ...Array.from({ length: 30 }, (_, i) => shipped(`a${i}`, 'releases', (1 + (i % 7)) * 24 * H, true)),
    ...Array.from({ length: 50 }, (_, i) => shipped(`r${i}`, 'releases', (1 + (i % 7)) * 24 * H, false)),
  ];
  const everyMerge = Array.from({ length: 2000 }, (_, i) => shipped(`e${i}`, 'every-merge', (i % 30) * 60, false));
  const lone = [shipped('x1', 'lone', 60, true, 900 * H), shipped('x2', 'lone', 60, true, 900 * H), ...Array.from({ length: 20 }, (_, i) => shipped(`y${i}`, 'lone', 60, false))];
  const changes = [...releases, ...everyMerge, ...lone];
  const ai = computeFlowHealth({ changes, openPulls: [], now: T + 1000 * H, github: false }).aiComparison;

  it('takes each difference within a repository: a release train against deploys at every merge is no AI effect', () => {
    // pooled, the AI-assisted deploy wait (days) against mostly minutes: a real difference of days
    expect(computeFlowHealth({ changes: changes.map(({ repository: _, ...c }) => c as Change), openPulls: [], now: T + 1000 * H, github: false }).aiComparison.intervals.deploy.real).toBe(true);
    // within: 'releases' alone holds five or more of each group, where both groups wait alike
    expect(ai.repositories).toBe(1);
    expect(ai.intervals.deploy).toMatchObject({ difference: 0, real: false });
    expect(ai.intervals.cycleTime).toMatchObject({ difference: 0, low: 0, high: 0 });
    // 'lone' has two AI-assisted changes: its 900h cycles would have weighed in as known, and they are left out
    expect(ai.intervals.coding.difference).toBe(0);
  });

  it('keeps each group\'s medians over every change, and says where the differences are taken', () => {
    // AI-assisted: 30 of 'releases' (2h cycles) and 2 of 'lone' (900h): median 2h; deploy waits of days
    expect(ai.assisted.count).toBe(32);
    expect(ai.assisted.cycleTimeP50).toBe(2 * H);
    expect(ai.other.stages.deploy).toBeLessThan(H);
    expect(ai.note).toBe('Each difference is within the one repository of 3 with 5 changes or more of each group; the medians beside it are of all the changes.');
  });
});

describe('the AI comparison over several repositories, figure by figure', () => {
  // two repositories, each with 10 AI-assisted and 10 other changes merged; in 'train' only 3 AI-assisted have
  // shipped yet, so lead time and the deploy wait, which count deployed changes only, stand on 'steady' alone
  const H = 3600;
  const merged = (sha: string, repository: string, ai: boolean, deploy: number | null): Change =>
    change(sha, {
      repository,
      aiEvidence: ai ? ['Made-with: Cursor'] : [],
      cycleTime: 2 * H,
      leadTime: deploy === null ? null : 2 * H + deploy,
      deployedAt: deploy === null ? null : T + deploy,
      stages: { ...noStages, coding: 2 * H, deploy },
    });
  const steady = Array.from({ length: 20 }, (_, i) => merged(`s${i}`, 'steady', i < 10, H));
  const train = Array.from({ length: 20 }, (_, i) => merged(`t${i}`, 'train', i < 10, i < 3 || i >= 10 ? 24 * H : null));
  const ai = computeFlowHealth({ changes: [...steady, ...train], openPulls: [], now: T + 100 * H, github: false }).aiComparison;

  it('says within how many repositories each difference is taken, and names those taken within fewer', () => {
    expect(ai.repositories).toBe(2);
    expect(ai.intervals.cycleTime.repositories).toBe(2);
    expect(ai.sizeInterval?.repositories).toBe(0);
    expect(ai.intervals.leadTime.repositories).toBe(1);
    expect(ai.intervals.deploy.repositories).toBe(1);
    expect(ai.note).toBe('Each difference is within each of the 2 repositories of 2 with 5 changes or more of each group, weighed together; the medians beside it are of all the changes. Only the repositories with 5 values of a figure in each group count for it: lead time within 1, deploy wait within 1. Lead time and deploy wait compare deployed changes only; changes merged but not yet deployed are left out of them (AI-assisted 7, other 0).');
  });
});
