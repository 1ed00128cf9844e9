import type { StageName } from '../domain.js';
import type { Distribution } from '../metrics/percentile.js';
import type { Report, ReportSummary } from '../report/schema.js';

/*
 * Report fields being added by the queues, censoring and what-if work (SPEC sections 6 and 9), typed here as
 * optional so the renderers can show them as soon as a report carries them. Each is a view of the report, not
 * a new field: once the fields are in the zod schema (src/report/schema.ts) this file can go, and the
 * renderers keep compiling because the landed types are assignable to these.
 */

export interface UnreleasedChange {
  id: string;
  title: string;
  url: string | null;
  mergedAt: string;
  /** seconds since the merge, at `now` */
  age: number;
  repository?: string;
}

export interface Unreleased {
  count: number;
  p50Age: number | null;
  oldestAge: number | null;
  oldest: string[];
  oldestChanges?: UnreleasedChange[];
}

export interface QueueWeek {
  weekStart: string;
  arrivals: number;
  departures: number;
  queue: number;
  aiShare: number | null;
}

export interface QueueTrend {
  arrivalsPerWeek: number | null;
  departuresPerWeek: number | null;
  growthPerWeek: number | null;
  meanQueue: number | null;
  /** seconds */
  meanTimeInStage: number | null;
  /** arrivals per week × mean time in stage in weeks: Little's law's side of the mean queue */
  littleQueue: number | null;
}

export interface ReviewCapacityWeek {
  weekStart: string;
  reviews: number;
  readyPulls: number;
}

export interface WhatIf {
  stage: StageName;
  /** seconds */
  cap: number;
  leadTimeP50: { now: number | null; then: number | null };
  hoursSavedPerWeek: number;
}

export interface DifferenceInterval {
  /** p50 AI-assisted − p50 other, seconds */
  difference: number | null;
  low: number | null;
  high: number | null;
  /** the interval excludes 0 */
  real: boolean;
}

export type Compared = 'leadTime' | 'cycleTime' | StageName;

type StageFigure = ReportSummary['stages'][StageName] & { shareOfTotal?: number | null; censored?: number; atLeast?: number | null };

export type PendingSummary = ReportSummary & {
  stages: Record<StageName, StageFigure>;
  leadTime: Distribution & { censored?: number; atLeast?: number | null };
  leadTimeDeployed?: Distribution;
  unreleased?: Unreleased;
  queues?: Partial<Record<StageName, QueueWeek[]>>;
  queueTrend?: Partial<Record<StageName, QueueTrend>>;
  reviewCapacity?: ReviewCapacityWeek[] | null;
  aiComparison: ReportSummary['aiComparison'] & { intervals?: Partial<Record<Compared, DifferenceInterval>> };
};

export type PendingReport = Omit<Report, 'summary' | 'recommendations'> & {
  summary: PendingSummary;
  recommendations: Array<Report['recommendations'][number] & { whatIf?: WhatIf }>;
};
