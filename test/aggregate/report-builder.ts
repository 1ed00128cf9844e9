import { STAGES, type Stages } from '../../src/domain.js';
import type { Dora, DoraFigure } from '../../src/metrics/dora.js';
import type { CensoredDistribution } from '../../src/metrics/censored.js';
import type { Distribution } from '../../src/metrics/percentile.js';
import { DEFAULT_THRESHOLDS } from '../../src/config/index.js';
import type { Report, ReportChange, ReportDeploy, ReportSummary } from '../../src/report/schema.js';

/** Plain-data builders for Report objects: every figure a test does not set is empty (count 0, values null). */

export const H = 3600;
export const D = 86400;

export function dist(p: Partial<Distribution> = {}): Distribution {
  return { count: 0, p50: null, p75: null, p90: null, mean: null, ...p };
}

function figure(unit: string, p: Partial<DoraFigure> = {}): DoraFigure {
  return { value: null, unit, band: null, count: 0, ...p };
}

export interface DoraValues {
  deploymentFrequency?: Partial<DoraFigure>;
  leadTime?: Partial<DoraFigure>;
  changeFailureRate?: Partial<DoraFigure>;
  timeToRestore?: Partial<DoraFigure>;
  reworkRate?: Partial<DoraFigure>;
}

export function dora(v: DoraValues = {}): Dora {
  return {
    deploymentFrequency: { ...figure('deploys/week', v.deploymentFrequency), deployDaysPerWeek: null },
    leadTime: figure('seconds', v.leadTime),
    changeFailureRate: figure('ratio', v.changeFailureRate),
    timeToRestore: figure('seconds', v.timeToRestore),
    reworkRate: figure('ratio', v.reworkRate),
  };
}

export interface SummaryValues extends Partial<Omit<ReportSummary, 'stages' | 'dora' | 'cycleTime' | 'leadTime'>> {
  cycleTime?: Partial<Distribution>;
  leadTime?: Partial<CensoredDistribution>;
  stages?: Partial<Record<keyof Stages, Partial<Distribution> & { share?: number | null; shareOfTotal?: number | null }>>;
  dora?: DoraValues;
}

export function summary(v: SummaryValues = {}): ReportSummary {
  const { stages = {}, dora: doraValues, cycleTime, leadTime, ...rest } = v;
  return {
    changes: 0,
    excluded: { bots: 0, syncs: 0 },
    stages: Object.fromEntries(
      STAGES.map((s) => [s, { ...dist(stages[s]), share: stages[s]?.share ?? null, shareOfTotal: stages[s]?.shareOfTotal ?? null, ...(s === 'deploy' && { censored: 0, atLeast: null }) }]),
    ) as ReportSummary['stages'],
    shareBasis: { kind: 'deployed', changes: 0 },
    cycleTime: dist(cycleTime),
    leadTime: { censored: 0, atLeast: null, ...dist(leadTime) },
    leadTimeDeployed: dist(),
    unreleased: { count: 0, p50Age: null, oldestAge: null, oldest: [], oldestChanges: [] },
    flow: { anomalies: { clockSkew: 0 }, size: { count: 0, p50: null, p90: null, over200: null, over400: null, buckets: [] }, reverted: 0, partiallyReverted: 0 },
    ai: { assisted: 0, other: 0, lowerBound: true },
    dora: dora(doraValues),
    trend: { weeks: [] },
    headline: '',
    leadTimeHistogram: { of: 'leadTime', buckets: [] },
    slowest: [],
    review: null,
    rework: null,
    ci: null,
    wip: null,
    aiComparison: { assisted: aiGroup(), other: aiGroup(), note: null, intervals: aiIntervals() },
    queues: {},
    queueTrend: {},
    reviewCapacity: null,
    ...rest,
  };
}

function aiGroup(): ReportSummary['aiComparison']['assisted'] {
  return { count: 0, p50Size: null, failureRate: null, reworkShare: null, leadTimeP50: null, cycleTimeP50: null, stages: { coding: null, pickup: null, review: null, merge: null, deploy: null } };
}

function aiIntervals(): ReportSummary['aiComparison']['intervals'] {
  const none = { difference: null, low: null, high: null, real: false };
  return { leadTime: none, cycleTime: none, coding: none, pickup: none, review: none, merge: none, deploy: none };
}

let serial = 0;

/** A change merged at `mergedAt` (ISO); stages default to null; deployed after its deploy stage when it has one. */
export function change(p: Partial<Omit<ReportChange, 'stages'>> & { stages?: Partial<Stages> } = {}): ReportChange {
  serial += 1;
  const stages: Stages = { coding: null, pickup: null, review: null, merge: null, deploy: null, ...p.stages };
  const mergedAt = p.mergedAt ?? '2026-01-10T00:00:00Z';
  const deployedAt = stages.deploy === null ? null : new Date(Date.parse(mergedAt) + stages.deploy * 1000).toISOString().replace('.000Z', 'Z');
  return {
    id: `#${serial}`,
    number: serial,
    title: `change ${serial}`,
    author: 'ada',
    url: null,
    kind: 'merge',
    sha: serial.toString(16).padStart(7, '0'),
    commits: 1,
    additions: null,
    deletions: null,
    files: null,
    bot: false,
    counted: true,
    firstCommitAt: '2026-01-01T00:00:00Z',
    lastCommitAt: null,
    readyAt: null,
    firstReviewAt: null,
    approvedAt: null,
    mergedAt,
    deployedAt,
    cycleTime: null,
    leadTime: null,
    soFar: null,
    flags: [],
    aiAssisted: false,
    aiEvidence: [],
    reverted: false,
    revertedBy: null,
    review: null,
    ...p,
    stages,
  };
}

export function deploy(p: Partial<ReportDeploy> = {}): ReportDeploy {
  return { ref: 'v1', sha: 'abcdef0', at: '2026-01-10T00:00:00Z', changes: 1, failed: false, rollback: false, rework: false, failureReasons: [], restoredAfter: null, ...p };
}

export interface ReportValues extends Partial<Omit<Report, 'summary' | 'repository' | 'businessHours' | 'timezone'>> {
  timezone?: string;
  businessHours?: Report['businessHours'];
  repository?: Partial<Report['repository']>;
  summary?: SummaryValues;
}

/** A report over 2026-01-01 → 2026-01-29 (four weeks) unless told otherwise. */
export function report(v: ReportValues = {}): Report {
  const { repository, summary: summaryValues, ...rest } = v;
  return {
    schemaVersion: 1,
    generatedAt: '2026-02-01T00:00:00Z',
    tool: { name: 'flowaudit', version: '0.1.0' },
    repository: { path: '/repos/one', remote: 'acme/one', branch: 'main', ...repository },
    window: { since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z' },
    now: '2026-02-01T00:00:00Z',
    sources: ['git'],
    reviewHost: null,
    deploySignal: { kind: 'tags', detail: '2 tags matching ^v' },
    businessHours: null,
    timezone: 'UTC',
    policy: { includeBots: false, requiredApprovals: 1, revertWindow: 14 * D, includePrereleases: false, thresholds: { ...DEFAULT_THRESHOLDS } },
    changes: [],
    queueOnlyChanges: [],
    deploys: [],
    openPulls: [],
    summary: summary(summaryValues),
    recommendations: [],
    notes: [],
    warnings: [],
    ...rest,
  };
}
