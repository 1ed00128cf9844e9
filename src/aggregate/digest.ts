import type { ClosedPull, MeasuredDeploy, OpenPull } from '../domain.js';
import { fromReportClosedPull } from '../report/closed-pulls.js';
import { earlier, epoch, fromReportOpenPull } from '../report/convert.js';
import type { Report, ReportChange } from '../report/schema.js';
import { orNaN, packChanges, packedBuffers, type PackedChanges } from './packed/columns.js';
import { digestSlices, type DigestSlices } from './slices.js';

/*
 * A report reduced to what an aggregate needs — its facts, and of each change and deploy the numbers and
 * text the figures read — packed in typed arrays and flat lists. A worker thread parses and validates a
 * report and sends its digest (the arrays move, nothing is copied); the aggregate holds an organisation's
 * digests as a few objects each, which the garbage collector never walks, and its figures read the changes
 * where they are packed (packed-changes.ts).
 */

/** What an aggregate keeps of a report besides its lists. */
export interface ReportFacts {
  repository: Report['repository'];
  window: Report['window'];
  now: string;
  deploySignal: Report['deploySignal'];
  sources: Report['sources'];
  reviewHost: Report['reviewHost'];
  policy: Report['policy'];
  businessHours: Report['businessHours'];
  timezone: Report['timezone'];
  notes: string[];
  warnings: string[];
  /** the report is itself over several repositories */
  several: boolean;
}

export interface ReportDigest {
  facts: ReportFacts;
  /** the changes merged in the report's window */
  changes: PackedChanges;
  /** the changes merged outside it that its queues counted (`queueOnlyChanges`) */
  queueOnly: PackedChanges;
  deploys: PackedDeploys;
  openPulls: Report['openPulls'];
  /** its pull requests closed without merging, when it lists them (GitHub mode, all of the window's read); else null */
  closedPulls: NonNullable<Report['closedPulls']> | null;
  /** its `--by` table and which change is in which slice; null when it was written without `--by` */
  slices: DigestSlices | null;
}

interface PackedDeploys {
  count: number;
  /** at, restoredAfter (NaN for null) per deploy */
  numbers: Float64Array;
  /** failed, rollback, rework per deploy */
  bits: Uint8Array;
  /** each deploy's ref: what ties a change shipped before its merge to its deploy (see metrics/ai-defects.ts) */
  refs: string[];
}

/**
 * NaN back to null; a whole number back to a small integer, which a deploy object holds in its field (a value
 * read from a Float64Array would otherwise be boxed).
 */
const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value === (value | 0) ? value | 0 : value);

/** The digest of a validated report. Pure. */
export function digestReport(report: Report): ReportDigest {
  const { since, until } = report.window;
  return {
    facts: {
      repository: report.repository,
      window: report.window,
      now: report.now,
      deploySignal: report.deploySignal,
      sources: report.sources,
      reviewHost: report.reviewHost,
      policy: report.policy,
      businessHours: report.businessHours,
      timezone: report.timezone,
      notes: report.notes,
      warnings: report.warnings,
      several: report.repositories !== undefined,
    },
    changes: packChanges(report.changes, (c) => crossesWindow(c, since, until)),
    queueOnly: packChanges(report.queueOnlyChanges, () => true),
    deploys: packDeploys(report.deploys),
    openPulls: report.openPulls,
    closedPulls: report.closedPulls ?? null,
    slices: digestSlices(report),
  };
}

/**
 * Whether a change of the window may be in the queues of another window of its repository — a stage of it
 * began before `since`, or it was not deployed by `until` — and so be listed again among another report's
 * `queueOnlyChanges`: only such a change's sha is kept, to count it once.
 */
function crossesWindow(c: ReportChange, since: string, until: string): boolean {
  if (c.deployedAt === null || !earlier(c.deployedAt, until)) return true;
  for (const time of [c.firstCommitAt, c.lastCommitAt, c.readyAt, c.firstReviewAt, c.approvedAt]) {
    if (time !== null && earlier(time, since)) return true;
  }
  return false;
}

/** The typed arrays of a digest, which a worker hands over rather than copies. */
export function transferables(digest: ReportDigest): ArrayBuffer[] {
  const { changes, queueOnly, deploys } = digest;
  return [...packedBuffers(changes), ...packedBuffers(queueOnly), deploys.numbers.buffer, deploys.bits.buffer] as ArrayBuffer[];
}

function packDeploys(deploys: Report['deploys']): PackedDeploys {
  const numbers = new Float64Array(deploys.length * 2);
  const bits = new Uint8Array(deploys.length);
  deploys.forEach((d, i) => {
    numbers[2 * i] = epoch(d.at) ?? 0;
    numbers[2 * i + 1] = orNaN(d.restoredAfter);
    bits[i] = (d.failed ? 1 : 0) | (d.rollback ? 2 : 0) | (d.rework ? 4 : 0);
  });
  return { count: deploys.length, numbers, bits, refs: deploys.map((d) => d.ref) };
}

/**
 * A digest's deploys, open and closed pull requests as the figures read them, each naming `repository`; its
 * closed ones null when it does not list them.
 */
export function unpackDeploys(digest: ReportDigest, repository: string): { deploys: MeasuredDeploy[]; openPulls: OpenPull[]; closedPulls: ClosedPull[] | null } {
  const d = digest.deploys;
  const deploys: MeasuredDeploy[] = new Array<MeasuredDeploy>(d.count);
  for (let i = 0; i < d.count; i++) {
    const b = d.bits[i] as number;
    deploys[i] = {
      at: orNull(d.numbers[2 * i] as number) ?? 0,
      failed: (b & 1) !== 0,
      rollback: (b & 2) !== 0,
      rework: (b & 4) !== 0,
      restoredAfter: orNull(d.numbers[2 * i + 1] as number),
      ref: d.refs[i] as string,
      repository,
    };
  }
  return {
    deploys,
    openPulls: digest.openPulls.map((p) => fromReportOpenPull(p, repository)),
    closedPulls: digest.closedPulls === null ? null : digest.closedPulls.map((p) => fromReportClosedPull(p, repository)),
  };
}
