import { describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { ConfigError } from '../../src/errors.js';
import { change, deploy, H, report } from './report-builder.js';

/*
 * Two repositories, every figure by hand (hours):
 *  one  (4 weeks, Jan 1–29): lead times 1, 2, 3, each half coding, half review; sizes 150, 500, unknown;
 *       a bot change (lead 100) its report left out; one change with clock skew; 4 deploys, 1 failed
 *       (restored after 2h); 1 of 4 rework
 *  two  (8 weeks, Jan 1–Feb 26): lead times 10, 20, all coding; sizes 10, 250; a sync (lead 50) left out;
 *       4 deploys, 2 failed (restored after 6h, and not yet); no rework
 * Combined lead times 1, 2, 3, 10, 20: p50 3 (the mean of the medians would be 8.5), p75 10, p90 16.
 */
const split = (lead: number, codingShare: number): Parameters<typeof change>[0] => ({
  leadTime: lead * H,
  cycleTime: lead * H,
  stages: { coding: lead * codingShare * H, review: lead * (1 - codingShare) * H, deploy: 0 },
});

const one = report({
  repository: { path: '/r/one', remote: 'acme/one' },
  window: { since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z' },
  changes: [
    change({ ...split(1, 0.5), mergedAt: '2026-01-03T00:00:00Z', additions: 100, deletions: 50, files: 2, flags: ['clock-skew'] }),
    change({ ...split(2, 0.5), mergedAt: '2026-01-10T00:00:00Z', additions: 300, deletions: 200, files: 9, reverted: true, revertedBy: 'ffff' }),
    change({ ...split(3, 0.5), mergedAt: '2026-01-20T00:00:00Z' }),
    change({ ...split(100, 1), mergedAt: '2026-01-21T00:00:00Z', bot: true, author: 'dependabot[bot]', additions: 1, deletions: 1 }),
  ],
  deploys: [
    deploy({ at: '2026-01-05T10:00:00Z' }),
    deploy({ at: '2026-01-12T10:00:00Z', failed: true, restoredAfter: 2 * H }),
    deploy({ at: '2026-01-19T10:00:00Z', rework: true }),
    deploy({ at: '2026-01-26T10:00:00Z' }),
  ],
  notes: ['git only'],
  warnings: ['shallow clone'],
});
const two = report({
  repository: { path: '/r/two', remote: 'acme/two' },
  window: { since: '2026-01-01T00:00:00Z', until: '2026-02-26T00:00:00Z' },
  now: '2026-03-01T00:00:00Z',
  changes: [
    change({ ...split(10, 1), mergedAt: '2026-01-08T00:00:00Z', additions: 10, deletions: 0, aiAssisted: true, aiEvidence: ['Co-authored-by: Claude'] }),
    change({ ...split(50, 1), mergedAt: '2026-01-15T00:00:00Z', kind: 'sync', carriedPulls: 7 }),
    change({ ...split(20, 1), mergedAt: '2026-02-01T00:00:00Z', additions: 250, deletions: 0 }),
  ],
  deploys: [
    deploy({ at: '2026-01-05T18:00:00Z' }),
    deploy({ at: '2026-02-02T10:00:00Z', failed: true, restoredAfter: 6 * H }),
    deploy({ at: '2026-02-09T10:00:00Z', failed: true }),
    deploy({ at: '2026-02-16T10:00:00Z' }),
  ],
  notes: ['git only'],
});

describe('aggregateReports', () => {
  const all = aggregateReports([one, two], { generatedAt: '2026-03-01T00:00:00Z' });
  const s = all.summary;

  it('recomputes lead and cycle time percentiles from the changes, not from the medians', () => {
    expect(s.changes).toBe(5);
    expect(s.excluded).toEqual({ bots: 1, syncs: 1, releases: 0, syncedPulls: 7, carryingSyncs: 1 });
    expect(s.leadTime).toEqual({ count: 5, p50: 3 * H, p75: 10 * H, p90: 16 * H, mean: (36 / 5) * H, censored: 0, atLeast: null });
    expect(s.leadTimeDeployed).toEqual({ count: 5, p50: 3 * H, p75: 10 * H, p90: 16 * H, mean: (36 / 5) * H });
    expect(s.cycleTime.p50).toBe(3 * H);
  });

  it('recomputes each stage and its share of the total over all changes', () => {
    // coding 0.5, 1, 1.5, 10, 20 → p50 1.5, p75 10, p90 10 + 0.6 × 10; review 0.5, 1, 1.5, 0, 0 → p50 0.5
    expect(s.stages.coding).toMatchObject({ count: 5, p50: 1.5 * H, p75: 10 * H, p90: 16 * H });
    expect(s.stages.review).toMatchObject({ count: 5, p50: 0.5 * H });
    // the typical change: three half coding, two all coding → coding (3 × 0.5 + 2 × 1) / 5 = 0.7, review 0.3,
    // recomputed per change, not the mean of the two repositories' shares (0.75 coding)
    expect(s.stages.coding.share).toBeCloseTo(0.7, 12);
    expect(s.stages.review.share).toBeCloseTo(0.3, 12);
    expect(s.stages.deploy.share).toBe(0);
    // of the total: Σ coding 33h, Σ review 3h, deploy 0
    expect(s.stages.coding.shareOfTotal).toBeCloseTo(33 / 36, 12);
    expect(s.stages.review.shareOfTotal).toBeCloseTo(3 / 36, 12);
    // a stage no change could show has no share (as for one repository)
    expect(s.stages.pickup).toMatchObject({ count: 0, p50: null, share: null });
    expect(s.shareBasis).toEqual({ kind: 'deployed', changes: 5, zeroTotal: 0 });
  });

  it('recomputes sizes, reverts and AI over the counted changes', () => {
    // 10, 150, 250, 500 (the bot's 2 lines left out)
    expect(s.flow.size).toMatchObject({ count: 4, p50: 200, over200: 0.5, over400: 0.25 });
    expect(s.flow.size.p90).toBeCloseTo(425, 9);
    expect(s.flow.reverted).toBe(1);
    expect(s.flow.anomalies.clockSkew).toBe(1);
    // a report written before tools were named: its AI-assisted change counts under an unnamed tool
    expect(s.ai).toEqual({ assisted: 1, other: 4, agent: 0, weak: 0, tools: [{ tool: 'unknown', name: 'an AI tool it does not name', changes: 1, weak: 0 }], lowerBound: true });
  });

  it('takes deploy frequency, failure rate and recovery time of each repository on its own, places lead time by them: the whole is their median and how they lie', () => {
    const d = s.dora;
    // one: 4 deploys in 4 weeks (1 a week: high), two: 4 in 8 (0.5: medium) — summed, 8 in 8 weeks would read "1 a
    // week, high", a place neither holds as a pair; the median repository's is 0.75
    expect(d.deploymentFrequency).toMatchObject({
      value: 0.75, count: 8, band: null,
      position: '2 of 2 repositories, each on its own (DORA 2024): 1 high · 1 medium',
      repositories: 2,
    });
    // lead time stays pooled over every change, and is placed by its repositories: one's 2h, two's 15h
    expect(d.leadTime).toMatchObject({ value: 3 * H, count: 5, band: null, position: '2 of 2 repositories, each on its own (DORA 2024): 2 elite' });
    expect(d.leadTime.repositories).toBeUndefined();
    // 1 of 4 failed (25%) and 2 of 4 (50%): the median 37.5%, and where each lies against the published rates
    expect(d.changeFailureRate).toMatchObject({
      value: 0.375, count: 8, band: null,
      position: '2 of 2 repositories, each on its own (DORA 2024): 1 between the high cluster’s 20% and the low cluster’s 40% · 1 over the low cluster’s 40%',
    });
    // one restored after 2h, two after 6h (its other failure not restored): the median repository's 4h
    expect(d.timeToRestore).toMatchObject({ value: 4 * H, band: null, position: '2 of 2 repositories, each on its own (DORA 2024): 2 high' });
    expect(d.reworkRate).toMatchObject({ value: 1 / 8, count: 8 });
  });

  it('has a row per repository over the same changes, with its top recommendation', () => {
    expect(all.repositories).toMatchObject([
      { name: 'acme/one', path: '/r/one', remote: 'acme/one', branch: 'main', window: one.window, deploySignal: 'tags', changes: 3, leadTimeP50: 2 * H, cycleTimeP50: 2 * H, deploys: 4, failedDeploys: 1, deploymentFrequency: 1, changeFailureRate: 0.25 },
      { name: 'acme/two', path: '/r/two', remote: 'acme/two', branch: 'main', window: two.window, deploySignal: 'tags', changes: 2, leadTimeP50: 15 * H, cycleTimeP50: 15 * H, deploys: 4, failedDeploys: 2, deploymentFrequency: 0.5, changeFailureRate: 0.5 },
    ]);
    // one: failure rate 25% (impact 2h restore × 1 failure) outranks large changes (review p50 1h × 3 × half over 400 = 1.5h)
    // two: failure rate 50% (6h × 2 = 12h); nothing over 400 lines
    expect(all.repositories?.map((r) => r.topRecommendation?.id)).toEqual(['change-failure-rate', 'change-failure-rate']);
  });

  it('makes recommendations for the whole, ranked by the hours they account for', () => {
    // failure rate 3/8 (restore p50 4h × 3 failed = 12h), then large changes (review p50 0.5h × 5 × 25% = 0.6h)
    expect(all.recommendations.map((r) => [r.id, r.impact])).toEqual([['change-failure-rate', 12], ['large-changes', 0.6]]);
  });

  it('is a report: the union window, and with its changes, every change and deploy naming its repository', () => {
    expect(all.schemaVersion).toBe(1);
    expect(all.generatedAt).toBe('2026-03-01T00:00:00Z');
    expect(all.repository).toEqual({ path: 'aggregate', remote: null, branch: 'main' });
    expect(all.window).toEqual({ since: '2026-01-01T00:00:00Z', until: '2026-02-26T00:00:00Z' });
    expect(all.deploySignal).toEqual({ kind: 'tags', detail: 'tags in all 2 repositories' });
    // without --with-changes the lists are left out, and the report says so
    expect([all.changes, all.deploys, all.openPulls, all.withChanges]).toEqual([[], [], [], false]);
    const listed = aggregateReports([one, two], { withChanges: true });
    expect(listed.withChanges).toBeUndefined();
    // repository by repository, each in its report's order; `counted` as the aggregate counts (the bot: no)
    expect(listed.changes.map((c) => [c.repository, c.mergedAt.slice(5, 10), c.counted])).toEqual([
      ['acme/one', '01-03', true], ['acme/one', '01-10', true], ['acme/one', '01-20', true], ['acme/one', '01-21', false],
      ['acme/two', '01-08', true], ['acme/two', '01-15', false], ['acme/two', '02-01', true],
    ]);
    expect(listed.deploys.map((d) => d.repository)).toEqual(['acme/one', 'acme/one', 'acme/one', 'acme/one', 'acme/two', 'acme/two', 'acme/two', 'acme/two']);
    expect(listed.summary).toEqual(all.summary);
    // week by week only over Jan 1–29, which both windows cover: one's window ends there, so February would read as
    // two's alone; five weeks from Monday Dec 29, holding one's 3 counted changes and two's of Jan 8, not its Feb 1
    expect(all.summary.trend.span).toEqual({ since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z' });
    expect(all.summary.trend.weeks.map((w) => w.weekStart)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    expect(all.summary.trend.weeks.reduce((n, w) => n + w.changes, 0)).toBe(4);
    expect(all.notes).toEqual(['git only']);
    expect(all.warnings).toEqual([
      'acme/one: shallow clone',
      "the reports cover different windows, 2026-01-01 → 2026-02-26 together: each repository's changes and deploys count over its own window; the trends, the queues and the weeks are over 2026-01-01 → 2026-01-29, the span every one covers",
    ]);
  });

  it('leaves bot changes out everywhere when any report left its own out, and says so', () => {
    const withBots = report({ ...two, repository: { remote: 'acme/three' }, changes: [...two.changes, change({ ...split(5, 1), bot: true })], policy: { ...two.policy, includeBots: true } });
    const mixed = aggregateReports([one, withBots]);
    expect(mixed.summary.changes).toBe(5);
    expect(mixed.summary.excluded.bots).toBe(2);
    expect(mixed.warnings).toContain('bot changes counted in acme/three are left out, as the other reports left theirs out');
    // and counts them when every report did
    const counting = aggregateReports([withBots]);
    expect(counting.summary.changes).toBe(3);
    expect(counting.summary.excluded.bots).toBe(0);
  });

  it('compares AI-assisted changes in a row over what the whole counts, not what its own report counted', () => {
    // acme/three counts bots, and has a bot's AI-assisted change (lead 5h) beside two's (10h): its own report
    // compares 2 against 1; with acme/one, which leaves bots out, its row compares 1 against 1
    const aiBot = change({ ...split(5, 1), mergedAt: '2026-01-09T00:00:00Z', bot: true, aiAssisted: true, aiEvidence: ['Co-authored-by: Claude'] });
    const withBots = report({ ...two, repository: { remote: 'acme/three' }, changes: [...two.changes, aiBot], policy: { ...two.policy, includeBots: true } });
    const row = (r: ReturnType<typeof aggregateReports>, name: string) => r.repositories?.find((x) => x.name === name)?.summary.aiComparison;
    const mixed = row(aggregateReports([one, withBots]), 'acme/three');
    expect(mixed?.assisted.count).toBe(1);
    expect(mixed?.assisted.leadTimeP50).toBe(10 * H);
    expect(mixed?.other.count).toBe(1);
    const alone = row(aggregateReports([withBots, report({ ...withBots, repository: { remote: 'acme/four' } })]), 'acme/three');
    expect(alone?.assisted.count).toBe(2);
    expect(alone?.assisted.leadTimeP50).toBe(7.5 * H);
  });

  it('compares in a row every change of its window it counts, a change its report carried for its queues too', () => {
    // flowaudit never writes a queue-only change inside the window, but a report that does is valid: its row
    // counts it (lead 30h, AI-assisted) beside two's own (10h)
    const inside = change({ ...split(30, 1), mergedAt: '2026-01-12T00:00:00Z', sha: 'd'.repeat(40), aiAssisted: true, aiEvidence: ['Co-authored-by: Claude'] });
    const carrying = report({ ...two, queueOnlyChanges: [inside] });
    const row = aggregateReports([one, carrying]).repositories?.find((x) => x.name === 'acme/two')?.summary.aiComparison;
    expect(row?.assisted.count).toBe(2);
    expect(row?.assisted.leadTimeP50).toBe(20 * H);
  });

  it('names a mix of deploy signals, and notes where merges were counted as deploys', () => {
    const merges = report({ ...two, deploySignal: { kind: 'merge', detail: 'no deploy signal found' } });
    const mixed = aggregateReports([one, merges]);
    expect(mixed.deploySignal).toEqual({ kind: 'tags', detail: 'mixed: tags in 1, merge in 1 of 2 repositories' });
    expect(mixed.summary.dora.deploymentFrequency.note).toBe('every merge counted as a deploy in 1 of 2 repositories (no deploy signal found)');
    expect(mixed.summary.dora.timeToRestore.note).toBeUndefined();
  });

  it('counts a repository given twice over overlapping windows once, with a warning; disjoint windows both count', () => {
    const warned: string[] = [];
    const twice = aggregateReports([one, two, one], { warn: (m) => warned.push(m) });
    expect(twice.summary).toEqual(aggregateReports([one, two]).summary);
    expect(twice.repositories?.map((r) => r.name)).toEqual(['acme/one', 'acme/two']);
    expect(warned[0]).toBe('acme/one is given twice over overlapping windows (/r/one): counted once, from /r/one');
    // then the whole's own warnings, as its report lists them
    expect(warned.slice(1)).toEqual(twice.warnings.filter((w) => !w.startsWith('acme/')));
    // a later window of the same repository is more changes, not the same ones: its own row
    const later = report({ ...one, window: { since: '2026-01-29T00:00:00Z', until: '2026-02-26T00:00:00Z' }, changes: [change({ ...split(4, 1), mergedAt: '2026-02-02T00:00:00Z' })] });
    const both = aggregateReports([one, later], { warn: (m) => warned.push(m) });
    expect(both.repositories?.map((r) => [r.name, r.changes])).toEqual([['acme/one', 3], ['acme/one', 1]]);
    expect(both.summary.changes).toBe(4);
    // the two windows touch: the repository covers both, so its weeks run over the whole union
    expect(both.summary.trend.span).toBeUndefined();
    expect(both.warnings.filter((w) => w.includes('different windows'))).toEqual([]);
  });

  it('takes the review figures over the repositories read with GitHub alone: git cannot see a review', () => {
    const review = { reviewers: [{ login: 'bo', reviews: 1 }], reviewedAt: [Date.parse('2026-01-04T12:00:00Z') / 1000], firstReviewer: 'bo', comments: 0, commitsAfterFirstReview: 0, forcePushesAfterFirstReview: 0, changesRequested: false, checks: null };
    const gh = report({
      repository: { path: '/r/gh', remote: 'acme/gh' },
      sources: ['git', 'github'],
      changes: [
        change({ ...split(1, 0.5), mergedAt: '2026-01-05T00:00:00Z', firstReviewAt: '2026-01-04T12:00:00Z', approvedAt: '2026-01-04T18:00:00Z', review }),
        change({ ...split(2, 0.5), mergedAt: '2026-01-06T00:00:00Z' }),
      ],
    });
    // one: git only, its 3 counted changes without review facts; were they counted, 4 of 5 would be "unreviewed"
    const mixed = aggregateReports([gh, one]);
    expect(mixed.summary.review).toMatchObject({ reviews: 1, unreviewed: 1, unreviewedShare: 0.5, selfMerged: 1, reviewsPerChange: 0.5 });
    expect(mixed.summary.changes).toBe(5);
    expect(mixed.repositories?.map((r) => r.summary.review?.unreviewed ?? null)).toEqual([1, null]);
  });

  it('says where the changes were reviewed when every repository says the same, and nothing when they differ', () => {
    const a = report({ ...one, reviewHost: 'gitlab' });
    const b = report({ ...two, reviewHost: 'gitlab' });
    expect(aggregateReports([a, b]).reviewHost).toBe('gitlab');
    expect(aggregateReports([a, report({ ...two, reviewHost: 'github' })]).reviewHost).toBeNull();
    expect(aggregateReports([a, two]).reviewHost).toBeNull();
  });

  it('keeps business hours every report shares, and warns when they differ', () => {
    const hours = { timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    const a = report({ ...one, businessHours: hours });
    const b = report({ ...two, businessHours: { ...hours } });
    expect(aggregateReports([a, b]).businessHours).toEqual(hours);
    const mixed = aggregateReports([a, two]);
    expect(mixed.businessHours).toBeNull();
    expect(mixed.warnings).toContain('the reports mix business hours and calendar time (or different business hours): their durations do not add up; audit them alike');
    expect(all.businessHours).toBeNull();
  });

  it('needs at least one report', () => {
    expect(() => aggregateReports([])).toThrow(ConfigError);
    expect(() => aggregateReports([])).toThrow('nothing to aggregate: give at least one JSON report');
  });
});

