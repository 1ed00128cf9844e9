import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { DEFAULT_THRESHOLDS } from '../../src/config/index.js';
import { STAGES, type Deploy, type OpenPull, type StageName } from '../../src/domain.js';
import { buildReport as build } from '../../src/report/build.js';
import { fromReportChange } from '../../src/report/convert.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { change, D, EVIL_TITLE, H } from './report-builder.js';

/*
 * Reports for the HTML report's layout tests, made by the real report builder from plain data: a GitHub-mode
 * report of two months with every section filled, and a large git-only history. The figures are whatever the
 * builder makes of them (the layout tests check what a reader sees, not the numbers); the fields other work is
 * adding to the summary (queues, censoring, what-if, intervals) are set by hand.
 */

const MIN = 60;
const epoch = (iso: string): number => Date.parse(iso) / 1000;
const iso = (t: number): string => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

/** A fixed sequence of numbers in [0, 1): the same report every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A duration spread over orders of magnitude: `from` to `to` seconds, log-uniform. */
function spread(next: () => number, from: number, to: number): number {
  return Math.round(from * (to / from) ** next());
}

const POLICY = { includeBots: false, requiredApprovals: 1, revertWindow: 14 * 86400, includePrereleases: false, thresholds: { ...DEFAULT_THRESHOLDS } };
const REVIEWERS = ['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory<b>x</b>', 'a-reviewer-with-a-very-long-login-name', 'olivia', 'peggy'];
const CHECKS = ['build', 'lint', 'test (ubuntu-latest, node 20)', 'e2e <script>alert(1)</script>'];

/** Two months of a team on GitHub: reviews, checks, open pull requests, AI-assisted work, a week with no merge. */
export function githubReport(remote = 'acme/shop', seed = 7): Report {
  const next = random(seed);
  const since = epoch('2026-02-02T00:00:00Z');
  const until = epoch('2026-03-30T00:00:00Z');
  const changes: ReportChange[] = [];
  for (let i = 0; i < 64; i++) {
    let merged = since + Math.floor((i / 64) * (until - since - 2 * D)) + 3 * H;
    // nothing merges in the week of 2026-03-02
    if (merged >= epoch('2026-03-02T00:00:00Z') && merged < epoch('2026-03-09T00:00:00Z')) merged += 7 * D;
    const deployed = merged < until - 9 * D;
    const stages: Partial<Record<StageName, number>> = {
      coding: spread(next, 10 * MIN, 6 * D),
      pickup: spread(next, 5 * MIN, 3 * D),
      review: spread(next, 2 * MIN, 2 * D),
      merge: spread(next, MIN, 12 * H),
      ...(deployed ? { deploy: spread(next, 30 * MIN, 5 * D) } : {}),
    };
    const reviewers = [REVIEWERS[Math.floor(next() ** 2 * REVIEWERS.length)] as string, REVIEWERS[Math.floor(next() * REVIEWERS.length)] as string];
    const size = spread(next, 3, 1500);
    const wall = spread(next, 40, 3 * H);
    const flaky = next() < 0.2 ? [CHECKS[Math.floor(next() * CHECKS.length)] as string] : [];
    const number = 100 + i;
    const unreviewed = i % 11 === 5;
    changes.push(change(`#${number}`, iso(merged), stages, {
      title: i === 3 ? EVIL_TITLE : `Change ${number}: ${['fix the cart total', 'add a coupon field', 'refactor the checkout flow', 'bump the payment SDK'][i % 4]}`,
      author: ['ada', 'grace', 'linus', 'Mallory | <b>evil</b>', 'ken'][i % 5] as string,
      additions: Math.round(size * 0.7),
      deletions: Math.round(size * 0.3),
      aiAssisted: i % 4 === 1,
      reverted: i === 20,
      revertedBy: i === 20 ? 'deadbeef' : null,
      flags: unreviewed ? ['unreviewed'] : [],
      firstReviewAt: unreviewed ? null : iso(merged - (stages.merge ?? 0) - (stages.review ?? 0)),
      approvedAt: unreviewed || i % 13 === 0 ? null : iso(merged - (stages.merge ?? 0)),
      review: unreviewed ? null : {
        reviewers: [...new Set(reviewers)].map((login, j) => ({ login, reviews: 1 + j + (i % 3 === 0 ? 1 : 0) })),
        reviewedAt: [],
        firstReviewer: reviewers[0] ?? null,
        comments: Math.floor(next() * 6),
        commitsAfterFirstReview: next() < 0.4 ? 2 : 0,
        forcePushesAfterFirstReview: next() < 0.1 ? 1 : 0,
        changesRequested: next() < 0.2,
        checks: { wallTime: wall, lastCompletedAt: merged - (stages.merge ?? 0) + Math.round(wall / 2), names: CHECKS, flaky },
      },
    }));
  }
  changes.push(change('#300', '2026-02-20T10:00:00Z', { coding: 2 * H, pickup: H, review: H, merge: H }, { bot: true, author: 'renovate[bot]', title: 'chore(deps): bump lodash' }));
  const deploys: Deploy[] = [];
  for (let t = since + 2 * D + 15 * H, k = 0; t < until - 8 * D; t += (k % 2 === 0 ? 3 : 4) * D, k++) {
    deploys.push({
      ref: `v1.${k}.0`, sha: `${k}`.padStart(7, 'a'), at: t, changeShas: Array.from({ length: k === 4 ? 0 : 1 + (k % 5) * 2 }, (_, j) => `s${k}-${j}`),
      rollback: k === 7, rework: k === 7, failed: k === 3 || k === 9, failureReasons: k === 3 || k === 9 ? ['shipped a change later reverted'] : [], restoredAfter: k === 3 ? 5 * H : k === 9 ? 2 * D : null,
    });
  }
  const pull = (number: number, ageDays: number, extra: Partial<OpenPull> = {}): OpenPull => ({
    number, title: `Open work ${number}`, url: `https://github.com/${remote}/pull/${number}`, author: 'ada', bot: false, createdAt: until - ageDays * D, isDraft: false, ...extra,
  });
  const openPulls = [
    pull(401, 0.2), pull(402, 2), pull(403, 5, { isDraft: true }), pull(404, 9), pull(405, 20, { title: '<img src=x onerror=alert(5)> open' }),
    pull(406, 45, { isDraft: true }), pull(407, 120), pull(408, 240), pull(409, 300, { bot: true, author: 'dependabot[bot]' }),
  ];
  const report: Report = build(
    { changes: changes.map((c) => fromReportChange(c, undefined)), deploys, openPulls },
    { since, until },
    until,
    POLICY,
    {
      generatedAt: '2026-03-30T00:00:00Z',
      repository: { path: `/src/${remote}`, remote, branch: 'main' },
      sources: ['git', 'github'],
      deploySignal: { kind: 'releases', detail: 'GitHub Releases' },
      businessHours: null,
      notes: ['a note from the audit'],
      warnings: [],
    },
  );
  return withPendingFields(report, next, true);
}

/** The summary fields being added by the queues, censoring and what-if work, with plausible values by hand. */
function withPendingFields(report: Report, next: () => number, github: boolean): Report {
  const s = report.summary;
  const weeks = s.trend.weeks.map((w) => w.weekStart);
  // a stage no source could see (pickup and merge wait from git alone) has no queue
  const seen = STAGES.filter((k) => s.stages[k].count > 0);
  const queues = Object.fromEntries(seen.map((k, j) => [k, weeks.map((weekStart, i) => ({
    weekStart: `${weekStart}T00:00:00Z`, arrivals: 4 + Math.floor(next() * 6), departures: 3 + Math.floor(next() * 6), queue: j === 1 ? 3 + i * 2 : 2 + Math.floor(next() * 5), aiShare: i % 3 === 0 ? null : Math.round(next() * 40) / 100,
  }))]));
  // over the window's four weeks: 26 arrive at each stage; pickup's queue grows from 3 to 11 (18 leave), merge
  // wait's shrinks from 6 to 4 (28 leave), the others end where they began (26 leave)
  const queueTrend = Object.fromEntries(seen.map((k, j) => {
    const [departures, queueStart, queueEnd] = j === 1 ? [18, 3, 11] : j === 3 ? [28, 6, 4] : [26, 4, 4];
    return [k, {
      arrivalsPerWeek: 26 / 4, departuresPerWeek: departures / 4, growthPerWeek: (queueEnd - queueStart) / 4, meanQueue: j === 1 ? 10 : 4.1, meanTimeInStage: (j + 1) * 9 * H, littleQueue: j === 1 ? 9.1 : 3.9,
      arrivals: 26, departures, queueStart, queueEnd,
    }];
  }));
  const unreleasedChanges = report.changes.filter((c) => c.deployedAt === null && c.counted).slice(0, 5);
  const pending: Report = {
    ...report,
    recommendations: report.recommendations.map((r, i) => (i === 0 ? { ...r, whatIf: { stage: 'pickup' as const, cap: 24 * H, leadTimeP50: { now: 6 * D + 4 * H, then: 4 * D + 20 * H }, hoursSavedPerWeek: 37.5, hoursSaved: 150, coveredDays: 28 } } : r)),
    summary: {
      ...s,
      stages: Object.fromEntries(STAGES.map((k) => [k, { ...s.stages[k], shareOfTotal: s.stages[k].share === null ? null : Math.min(1, s.stages[k].share * 1.1), ...(k === 'deploy' ? { censored: unreleasedChanges.length, atLeast: null } : {}) }])) as Report['summary']['stages'],
      leadTime: { ...s.leadTime, censored: unreleasedChanges.length, atLeast: null },
      leadTimeDeployed: { ...s.leadTime },
      unreleased: {
        count: unreleasedChanges.length, p50Age: 6 * D, oldestAge: 9 * D + 2 * H, oldest: unreleasedChanges.map((c) => c.id),
        oldestChanges: unreleasedChanges.map((c, i) => ({ id: c.id, title: i === 0 ? EVIL_TITLE : c.title, url: c.url, mergedAt: c.mergedAt, age: (9 - i) * D })),
      },
      queues,
      queueTrend,
      reviewCapacity: github ? weeks.map((weekStart, i) => ({ weekStart: `${weekStart}T00:00:00Z`, reviews: 8 + (i % 3) * 2, readyPulls: 6 + i })) : null,
      aiComparison: {
        ...s.aiComparison,
        intervals: {
          leadTime: { difference: -8 * H, low: -30 * H, high: 10 * H, real: false },
          cycleTime: { difference: -5 * H, low: -9 * H, high: -H, real: true },
          coding: { difference: 3 * H, low: H, high: 7 * H, real: true },
          pickup: { difference: null, low: null, high: null, real: false },
          review: { difference: null, low: null, high: null, real: false },
          merge: { difference: null, low: null, high: null, real: false },
          deploy: { difference: null, low: null, high: null, real: false },
        },
      },
    },
  };
  return pending;
}

/** Two GitHub repositories in one report, as `aggregate --with-changes` makes it, the pending fields set again by hand. */
export function multiRepositoryReport(): Report {
  const all = aggregateReports([githubReport('acme/shop', 7), githubReport('acme/a-repository-with-a-rather-long-name', 11)], {
    generatedAt: '2026-03-30T00:00:00Z',
    failed: [{ name: '/src/gone', error: 'not a git repository' }],
    withChanges: true,
  });
  return withPendingFields(all, random(3), true);
}

/**
 * A large git-only history: `count` changes over two years, tags every week or two, some failed, lead times
 * from minutes to months; no GitHub data.
 */
export function largeGitReport(count = 3000): Report {
  const next = random(42);
  const since = epoch('2024-06-03T00:00:00Z');
  const until = epoch('2026-06-01T00:00:00Z');
  const changes: ReportChange[] = [];
  for (let i = 0; i < count; i++) {
    const merged = since + Math.floor(next() * (until - since));
    const deployed = merged < until - 20 * D || next() < 0.3;
    const id = (0x1000000 + i * 7919).toString(16).slice(-7);
    changes.push(change(i % 3 === 0 ? id : `#${20000 + i}`, iso(merged), {
      coding: next() < 0.4 ? 0 : spread(next, MIN, 20 * D),
      review: spread(next, 30, 30 * D),
      ...(deployed ? { deploy: spread(next, H, 90 * D) } : {}),
    }, { title: `Change ${i}: ${['improve the query planner', 'fix a typo in the guides', 'add a configuration option for the cache store', 'refactor ActiveSupport::Notifications'][i % 4]}`, author: `author-${i % 97}`, aiAssisted: i % 37 === 0, kind: i % 3 === 0 ? 'direct' : 'merge' }));
  }
  const deploys: Deploy[] = [];
  for (let t = since + 3 * D, k = 0; t < until; t += (k % 3 === 0 ? 14 : 7) * D, k++) {
    deploys.push({ ref: `v7.${Math.floor(k / 10)}.${k % 10}`, sha: `${k}`.padStart(7, 'b'), at: t, changeShas: Array.from({ length: k % 13 === 0 ? 0 : Math.floor(next() * 60) }, (_, j) => `d${k}-${j}`), rollback: false, rework: false, failed: k % 17 === 5, failureReasons: k % 17 === 5 ? ['shipped a change later reverted'] : [], restoredAfter: k % 17 === 5 ? 3 * D : null });
  }
  const report: Report = build(
    { changes: changes.map((c) => fromReportChange(c, undefined)), deploys, openPulls: [] },
    { since, until },
    until,
    POLICY,
    {
      generatedAt: '2026-06-01T00:00:00Z',
      repository: { path: '/src/big', remote: null, branch: 'main' },
      sources: ['git'],
      deploySignal: { kind: 'tags', detail: `${deploys.length} tag(s) matching ^v` },
      businessHours: null,
      notes: ['Git alone cannot see when a pull request was opened.'],
      warnings: [],
    },
  );
  return withPendingFields(report, next, false);
}
