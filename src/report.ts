import type { Change, ChangeKind, Deploy, DeploySignalKind, StageName, Stages, Window } from './domain.js';
import type { BusinessHours } from './metrics/business-hours.js';
import type { Dora } from './metrics/dora.js';
import type { Distribution } from './metrics/percentile.js';
import type { StageSummary } from './metrics/stage-summary.js';
import type { FlowHealth } from './metrics/flow-health.js';
import type { SizeSummary } from './metrics/size.js';
import type { Trend } from './metrics/trend.js';

/** The JSON report, schemaVersion 1 (SPEC section 7): new keys may be added, none renamed. */
export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  tool: { name: 'flowaudit'; version: string };
  repository: { path: string; remote: string | null; branch: string };
  window: { since: string; until: string };
  now: string;
  sources: Array<'git' | 'github'>;
  deploySignal: { kind: DeploySignalKind; detail: string };
  /** when set, every stage, cycle and lead time counts only working time */
  businessHours: BusinessHours | null;
  changes: ReportChange[];
  deploys: ReportDeploy[];
  summary: ReportSummary;
  recommendations: Recommendation[];
  /** what the sources could not show, and how to get it */
  notes: string[];
  warnings: string[];
}

export interface ReportChange {
  id: string;
  number: number | null;
  title: string;
  author: string;
  url: string | null;
  kind: ChangeKind;
  sha: string;
  commits: number | null;
  additions: number | null;
  deletions: number | null;
  files: number | null;
  bot: boolean;
  firstCommitAt: string | null;
  readyAt: string | null;
  firstReviewAt: string | null;
  approvedAt: string | null;
  mergedAt: string;
  deployedAt: string | null;
  stages: Stages;
  cycleTime: number | null;
  leadTime: number | null;
  flags: string[];
  aiAssisted: boolean;
  aiEvidence: string[];
  reverted: boolean;
  revertedBy: string | null;
}

export interface ReportDeploy {
  ref: string;
  sha: string;
  at: string;
  changes: number;
  failed: boolean;
  rollback: boolean;
  failureReasons: string[];
  restoredAfter: number | null;
}

export interface ReportStageFigure extends Distribution {
  share: number | null;
}

export interface ReportSummary {
  changes: number;
  /** changes merged in the window but left out of the stage figures */
  excluded: { bots: number; syncs: number };
  stages: Record<StageName, ReportStageFigure>;
  shareBasis: StageSummary['shareBasis'];
  cycleTime: Distribution;
  leadTime: Distribution;
  flow: {
    anomalies: { clockSkew: number };
    size: SizeSummary;
    reverted: number;
  };
  ai: { assisted: number; other: number; lowerBound: true };
  dora: Dora;
  /** the key figures week by week (Monday-based UTC weeks, by merge time) */
  trend: Trend;
  /** review health, rework, CI and WIP need GitHub: null from git alone (never shown as 0) */
  review?: FlowHealth['review'];
  rework?: FlowHealth['rework'];
  ci?: FlowHealth['ci'];
  wip?: FlowHealth['wip'];
  /** AI-assisted changes (a lower bound) against the rest, stage by stage; absent from aggregates */
  aiComparison?: FlowHealth['aiComparison'];
}

export interface Recommendation {
  id: string;
  /** What you measure */
  measure: string;
  /** Measured, with units and the threshold */
  value: string;
  /** What it tells you */
  tellsYou: string;
  /** What you do next */
  doNext: string;
  /** hours of waiting it accounts for: the ranking key */
  impact: number;
  /** the JSON path of the figure that fired it */
  figure?: string;
  threshold?: string;
}

export function iso(seconds: number | null): string | null {
  return seconds === null ? null : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function toReportChange(change: Change): ReportChange {
  return {
    id: change.id,
    number: change.number,
    title: change.title,
    author: change.author,
    url: change.url,
    kind: change.kind,
    sha: change.sha,
    commits: change.commits,
    additions: change.size?.additions ?? null,
    deletions: change.size?.deletions ?? null,
    files: change.size?.files ?? null,
    bot: change.bot,
    firstCommitAt: iso(change.firstCommitAt),
    readyAt: iso(change.readyAt),
    firstReviewAt: iso(change.firstReviewAt),
    approvedAt: iso(change.approvedAt),
    mergedAt: iso(change.mergedAt) as string,
    deployedAt: iso(change.deployedAt),
    stages: change.stages,
    cycleTime: change.cycleTime,
    leadTime: change.leadTime,
    flags: change.flags,
    aiAssisted: change.aiEvidence.length > 0,
    aiEvidence: change.aiEvidence,
    reverted: change.revertedBy !== null,
    revertedBy: change.revertedBy,
  };
}

export function toReportDeploy(deploy: Deploy): ReportDeploy {
  return {
    ref: deploy.ref,
    sha: deploy.sha,
    at: iso(deploy.at) as string,
    changes: deploy.changeShas.length,
    failed: deploy.failed,
    rollback: deploy.rollback,
    failureReasons: deploy.failureReasons,
    restoredAfter: deploy.restoredAfter,
  };
}

export function windowOf(window: Window): Report['window'] {
  return { since: iso(window.since) as string, until: iso(window.until) as string };
}
