import { DEFAULT_THRESHOLDS } from '../../src/config/index.js';
import { STAGES, type Deploy, type StageName, type Stages } from '../../src/domain.js';
import { computeDora } from '../../src/metrics/dora.js';
import { buildReport as build } from '../../src/report/build.js';
import { fromReportChange } from '../../src/report/convert.js';
import type { Policy, Report, ReportChange, ReportSummary } from '../../src/report/schema.js';

const H = 3600;
const D = 86400;
export { D, H };

/** A change merged at `mergedAt`, its stages as given (seconds); the rest derived or defaulted. */
export function change(id: string, mergedAt: string, stages: Partial<Stages>, extra: Partial<ReportChange> = {}): ReportChange {
  const full = Object.fromEntries(STAGES.map((s) => [s, stages[s] ?? null])) as Stages;
  const cycle = (['coding', 'pickup', 'review', 'merge'] as StageName[]).reduce((sum, s) => sum + (full[s] ?? 0), 0);
  const merged = Date.parse(mergedAt) / 1000;
  const at = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  const number = id.startsWith('#') ? Number(id.slice(1)) : null;
  return {
    id,
    number,
    title: `Change ${id}`,
    author: 'Ada Lovelace',
    url: number === null ? null : `https://github.com/acme/shop/pull/${number}`,
    kind: number === null ? 'direct' : 'merge',
    sha: `${id.replace('#', '')}abcdef0123`.slice(0, 12),
    commits: 2,
    additions: 40,
    deletions: 10,
    files: 3,
    bot: false,
    counted: true,
    firstCommitAt: at(merged - cycle),
    lastCommitAt: null,
    readyAt: null,
    firstReviewAt: null,
    approvedAt: null,
    mergedAt,
    deployedAt: full.deploy === null ? null : at(merged + full.deploy),
    stages: full,
    cycleTime: cycle,
    leadTime: full.deploy === null ? null : cycle + full.deploy,
    soFar: null,
    flags: [],
    aiAssisted: false,
    reverted: false,
    revertedBy: null,
    review: null,
    ...extra,
    // what the model reads: a change is AI-assisted when it carries evidence
    aiEvidence: extra.aiEvidence ?? (extra.aiAssisted ? ['Made-with: Cursor'] : []),
  };
}

const POLICY: Policy = { includeBots: false, requiredApprovals: 1, revertWindow: 14 * D, includePrereleases: false, thresholds: { ...DEFAULT_THRESHOLDS } };

/**
 * A report over `changes` made by the real report builder (renderers only read what it returns), with two
 * releases in the window, one failed. `extra` replaces top-level keys; `summary` replaces summary keys.
 */
export function buildReport(changes: ReportChange[], extra: Partial<Report> = {}, summary: Partial<ReportSummary> = {}): Report {
  const deploys: Deploy[] = [
    { ref: 'v1.2.0', sha: 'aaaaaaa', at: Date.parse('2026-03-05T12:00:00Z') / 1000, changeShas: ['a', 'b', 'c'], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null },
    { ref: 'v1.3.0', sha: 'bbbbbbb', at: Date.parse('2026-03-12T12:00:00Z') / 1000, changeShas: ['d', 'e'], rollback: false, rework: false, failed: true, failureReasons: ['shipped a change later reverted'], restoredAfter: 5 * H },
  ];
  const report = build(
    { changes: changes.map((c) => fromReportChange(c, undefined)), deploys, openPulls: [] },
    { since: Date.parse('2026-03-02T00:00:00Z') / 1000, until: Date.parse('2026-03-30T00:00:00Z') / 1000 },
    Date.parse('2026-04-01T00:00:00Z') / 1000,
    POLICY,
    {
      generatedAt: '2026-04-01T00:00:00Z',
      repository: { path: '/src/shop', remote: 'acme/shop', branch: 'main' },
      sources: ['git', 'github'],
      deploySignal: { kind: 'releases', detail: 'GitHub Releases' },
      businessHours: null,
      notes: ['review times need GitHub data: set GH_TOKEN'],
      warnings: [],
    },
  );
  return { ...report, recommendations: [], ...extra, summary: { ...report.summary, ...summary } };
}

export const EVIL_TITLE = '<img src=x onerror=alert(1)> | `rm -rf` <script>alert(2)</script>\nsecond line *bold* [x](javascript:alert(3)) @octocat fixes #7';

/** A month of changes over four weeks: deployed and not, AI-assisted and not, a bot, a sync, a direct push, an evil title. */
export function sampleChanges(): ReportChange[] {
  return [
    change('#101', '2026-03-03T10:00:00Z', { coding: 6 * H, pickup: 20 * H, review: 3 * H, merge: 1 * H, deploy: 2 * D }, { aiAssisted: true, aiEvidence: ['Co-authored-by: Claude <noreply@anthropic.com>'] }),
    change('#102', '2026-03-04T15:00:00Z', { coding: 2 * D, pickup: 4 * H, review: 10 * H, merge: 30 * 60, deploy: 22 * H }, { title: EVIL_TITLE, author: 'Mallory | <b>evil</b>' }),
    change('#103', '2026-03-05T09:00:00Z', { coding: 3 * H, pickup: 2 * D, review: 1 * H, merge: 2 * H, deploy: 3 * H }, { additions: 300, deletions: 20 }),
    change('#104', '2026-03-10T11:00:00Z', { coding: 5 * D, pickup: 6 * H, review: 2 * D, merge: 4 * H, deploy: 2 * D }, { aiAssisted: true, flags: ['old-commits'] }),
    change('#105', '2026-03-11T16:00:00Z', { coding: 40 * 60, pickup: 30 * 60, review: 20 * 60, merge: 10 * 60, deploy: 20 * H }, { url: 'javascript:alert(4)' }),
    change('c0ffee1', '2026-03-12T08:00:00Z', { coding: 20 * 60, review: 5 * 60, deploy: 4 * H }, { title: 'hotfix: typo', flags: ['unreviewed'] }),
    change('#107', '2026-03-17T13:00:00Z', { coding: 8 * H, pickup: 9 * D, review: 6 * H, merge: 1 * H, deploy: 1 * D }, { reverted: true, revertedBy: 'deadbeef' }),
    change('#108', '2026-03-18T10:00:00Z', { coding: 1 * D, pickup: 3 * H, review: 1 * D, merge: 2 * H }, { aiAssisted: true }),
    change('#109', '2026-03-19T10:00:00Z', { coding: 2 * H, pickup: 1 * H, review: 2 * H, merge: 1 * H }, { bot: true, author: 'renovate[bot]', title: 'chore(deps): bump lodash' }),
    change('#110', '2026-03-24T10:00:00Z', { coding: 3 * D, pickup: 1 * D, review: 5 * H, merge: 20 * 60 }),
    change('#111', '2026-03-25T10:00:00Z', { coding: 6 * H, pickup: 2 * H, review: 1 * H, merge: 1 * H }, { kind: 'sync', title: "Merge tag 'v1.2.1'" }),
  ];
}

type TrendKey = NonNullable<Report['summary']['trend']['keys']>[number];

/** No direction: fewer than four complete periods, as the report builder says it. */
export function noDirection(complete: number): TrendKey['direction'] {
  return { direction: null, completePeriods: complete, first: null, second: null, interval: { difference: null, low: null, high: null, real: false }, note: `${complete} complete weeks, under 4: no direction` };
}

/** A figure's line and direction as the report builder writes them (`summary.trend.keys`): nothing apart, no bound, unless given. */
export function trendKey(key: string, unit: TrendKey['unit'], values: Array<number | null>, o: Partial<Pick<TrendKey, 'bounds' | 'apart' | 'direction'>> = {}): TrendKey {
  return { key, unit, values, bounds: o.bounds ?? values.map(() => null), apart: o.apart ?? values.map(() => false), direction: o.direction ?? noDirection(values.length) };
}

/**
 * `report` as a repository of several products would have it: three packages tagged together on each of 3
 * release commits over its 4 weeks, so its deploy frequency sums 9 tags (2.25 a week, high) and is placed by its 3
 * releases (0.75 a week, medium), as `computeDora` places it.
 */
export function withLockstepProducts(report: Report): Report {
  const since = Date.parse(report.window.since) / 1000;
  const until = Date.parse(report.window.until) / 1000;
  const deploys = [1, 11, 21].flatMap((day, i) =>
    ['api', 'web', 'cli'].map((product): Deploy => ({ ref: `${product}@1.${i}.0`, sha: `r${i}`, at: since + day * D, changeShas: [], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null, product })));
  const lead = report.summary.leadTime;
  const deploymentFrequency = computeDora({ window: { since, until }, now: until, deploys, leadTime: lead, signal: 'tags', businessHours: false }).deploymentFrequency;
  return { ...report, summary: { ...report.summary, dora: { ...report.summary.dora, deploymentFrequency } } };
}
