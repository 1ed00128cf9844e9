import type { ChangeKind, MeasuredChange, MeasuredDeploy, OpenPull } from '../domain.js';
import { epoch, fromReportOpenPull } from '../report/convert.js';
import type { Report, ReportChange } from '../report/schema.js';
import type { Interner } from './intern.js';

/*
 * A report reduced to what an aggregate needs — its facts, and of each change and deploy the numbers and
 * text the figures read — packed in typed arrays and flat lists. A worker thread parses and validates a
 * report and sends its digest (the arrays move, nothing is copied); the aggregate holds an organisation's
 * digests as a few objects each, which the garbage collector never walks, and unpacks them into the
 * builder's changes once, when every report is in.
 */

/** What an aggregate keeps of a report besides its lists. */
export interface ReportFacts {
  repository: Report['repository'];
  window: Report['window'];
  now: string;
  deploySignal: Report['deploySignal'];
  sources: Report['sources'];
  policy: Report['policy'];
  businessHours: Report['businessHours'];
  notes: string[];
  warnings: string[];
  /** the report is itself over several repositories */
  several: boolean;
}

export interface ReportDigest {
  facts: ReportFacts;
  changes: PackedChanges;
  deploys: PackedDeploys;
  openPulls: Report['openPulls'];
}

interface PackedChanges {
  count: number;
  /** NUMBERS per change; NaN for null (JSON has no NaN, so it is free) */
  numbers: Float64Array;
  /** kind and flags per change */
  bits: Uint8Array;
  /** TEXTS per change */
  texts: Array<string | null>;
  /** LISTS per change: an index into `lists`, -1 for none */
  listRefs: Int32Array;
  /** each distinct list of the report once */
  lists: unknown[][];
}

interface PackedDeploys {
  count: number;
  /** at, restoredAfter (NaN for null) per deploy */
  numbers: Float64Array;
  /** failed, rollback, rework per deploy */
  bits: Uint8Array;
}

const NUMBERS = [
  'firstCommitAt', 'readyAt', 'firstReviewAt', 'approvedAt', 'mergedAt', 'deployedAt',
  'coding', 'pickup', 'review', 'merge', 'deploy', 'cycleTime', 'leadTime',
  'additions', 'deletions', 'files',
  'comments', 'commitsAfterFirstReview', 'forcePushesAfterFirstReview', 'wallTime', 'lastCompletedAt',
] as const;
const N = NUMBERS.length;
const TEXTS = 6; // id, title, url, author, revertedBy, firstReviewer
const LISTS = 5; // flags, aiEvidence, reviewers, check names, flaky checks
const KINDS: readonly ChangeKind[] = ['merge', 'squash', 'rebase', 'trailer', 'direct', 'sync'];
const BOT = 8;
const SIZED = 16;
const REVIEWED = 32;
const CHANGES_REQUESTED = 64;
const CHECKED = 128;

const orNaN = (value: number | null): number => (value === null ? NaN : value);
/**
 * NaN back to null; a whole number back to a small integer, which an object holds in its field (a value read
 * from a Float64Array would otherwise be boxed: 16 bytes more per time and duration of 600,000 changes).
 */
const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value === (value | 0) ? value | 0 : value);

/** The digest of a validated report. Pure. */
export function digestReport(report: Report): ReportDigest {
  return {
    facts: {
      repository: report.repository,
      window: report.window,
      now: report.now,
      deploySignal: report.deploySignal,
      sources: report.sources,
      policy: report.policy,
      businessHours: report.businessHours,
      notes: report.notes,
      warnings: report.warnings,
      several: report.repositories !== undefined,
    },
    changes: packChanges(report.changes),
    deploys: packDeploys(report.deploys),
    openPulls: report.openPulls,
  };
}

/** The typed arrays of a digest, which a worker hands over rather than copies. */
export function transferables(digest: ReportDigest): ArrayBuffer[] {
  const { changes, deploys } = digest;
  return [changes.numbers.buffer, changes.bits.buffer, changes.listRefs.buffer, deploys.numbers.buffer, deploys.bits.buffer] as ArrayBuffer[];
}

function packChanges(changes: readonly ReportChange[]): PackedChanges {
  const count = changes.length;
  const numbers = new Float64Array(count * N);
  const bits = new Uint8Array(count);
  const texts: Array<string | null> = [];
  const listRefs = new Int32Array(count * LISTS);
  const lists: unknown[][] = [];
  const known = new Map<string, number>();
  const ref = (list: unknown[] | null | undefined): number => {
    if (!list || list.length === 0) return -1;
    const key = JSON.stringify(list);
    let at = known.get(key);
    if (at === undefined) {
      known.set(key, (at = lists.length));
      lists.push(list);
    }
    return at;
  };
  let at = 0;
  const put = (value: number | null): void => {
    numbers[at++] = orNaN(value);
  };
  changes.forEach((c, i) => {
    const review = c.review;
    const checks = review?.checks ?? null;
    // in NUMBERS' order
    put(epoch(c.firstCommitAt));
    put(epoch(c.readyAt));
    put(epoch(c.firstReviewAt));
    put(epoch(c.approvedAt));
    put(epoch(c.mergedAt));
    put(epoch(c.deployedAt));
    put(c.stages.coding);
    put(c.stages.pickup);
    put(c.stages.review);
    put(c.stages.merge);
    put(c.stages.deploy);
    put(c.cycleTime);
    put(c.leadTime);
    put(c.additions);
    put(c.deletions);
    put(c.files);
    put(review?.comments ?? null);
    put(review?.commitsAfterFirstReview ?? null);
    put(review?.forcePushesAfterFirstReview ?? null);
    put(checks?.wallTime ?? null);
    put(checks?.lastCompletedAt ?? null);
    bits[i] = KINDS.indexOf(c.kind) | (c.bot ? BOT : 0) | (c.additions !== null ? SIZED : 0) | (review ? REVIEWED : 0) | (review?.changesRequested ? CHANGES_REQUESTED : 0) | (checks ? CHECKED : 0);
    texts.push(c.id, c.title, c.url, c.author, c.revertedBy, review?.firstReviewer ?? null);
    const refs = i * LISTS;
    listRefs[refs] = ref(c.flags);
    listRefs[refs + 1] = ref(c.aiEvidence);
    listRefs[refs + 2] = ref(review?.reviewers);
    listRefs[refs + 3] = ref(checks?.names);
    listRefs[refs + 4] = ref(checks?.flaky);
  });
  return { count, numbers, bits, texts, listRefs, lists };
}

function packDeploys(deploys: Report['deploys']): PackedDeploys {
  const numbers = new Float64Array(deploys.length * 2);
  const bits = new Uint8Array(deploys.length);
  deploys.forEach((d, i) => {
    numbers[2 * i] = epoch(d.at) ?? 0;
    numbers[2 * i + 1] = orNaN(d.restoredAfter);
    bits[i] = (d.failed ? 1 : 0) | (d.rollback ? 2 : 0) | (d.rework ? 4 : 0);
  });
  return { count: deploys.length, numbers, bits };
}

/**
 * A digest unpacked into what the figures read, each item naming its repository; repeated strings and
 * lists are taken from `intern`, so an organisation's authors and check names are held once.
 */
export function unpackDigest(digest: ReportDigest, repository: string, intern: Interner): { changes: MeasuredChange[]; deploys: MeasuredDeploy[]; openPulls: OpenPull[] } {
  const { count, numbers, bits, texts, listRefs } = digest.changes;
  // each list is interned once per report, not once per change that carries it
  const lists = digest.changes.lists.map((list) =>
    typeof list[0] === 'string'
      ? intern.list(list as string[])
      : (list as Array<{ login: string; reviews: number }>).map((r) => ({ login: intern.string(r.login), reviews: r.reviews })),
  );
  const none = intern.list([]);
  const noReviewers: Array<{ login: string; reviews: number }> = [];
  const list = <T>(at: number, empty: T): T => (at < 0 ? empty : (lists[at] as T));
  const changes: MeasuredChange[] = new Array<MeasuredChange>(count);
  for (let i = 0; i < count; i++) {
    // offsets into the packed arrays; no closure per change (600,000 of them)
    const at = i * N;
    const tx = i * TEXTS;
    const ls = i * LISTS;
    const b = bits[i] as number;
    const firstReviewer = texts[tx + 5] ?? null;
    changes[i] = {
      // `#12` recurs across an organisation's repositories
      id: intern.string(texts[tx] as string),
      title: texts[tx + 1] as string,
      url: texts[tx + 2] ?? null,
      author: intern.string(texts[tx + 3] as string),
      kind: KINDS[b & 7] as ChangeKind,
      bot: (b & BOT) !== 0,
      firstCommitAt: orNull(numbers[at] as number),
      readyAt: orNull(numbers[at + 1] as number),
      firstReviewAt: orNull(numbers[at + 2] as number),
      approvedAt: orNull(numbers[at + 3] as number),
      mergedAt: orNull(numbers[at + 4] as number) ?? 0,
      deployedAt: orNull(numbers[at + 5] as number),
      stages: {
        coding: orNull(numbers[at + 6] as number),
        pickup: orNull(numbers[at + 7] as number),
        review: orNull(numbers[at + 8] as number),
        merge: orNull(numbers[at + 9] as number),
        deploy: orNull(numbers[at + 10] as number),
      },
      cycleTime: orNull(numbers[at + 11] as number),
      leadTime: orNull(numbers[at + 12] as number),
      size: (b & SIZED) !== 0 ? { additions: orNull(numbers[at + 13] as number) ?? 0, deletions: orNull(numbers[at + 14] as number) ?? 0, files: orNull(numbers[at + 15] as number) ?? 0 } : null,
      flags: list(listRefs[ls] as number, none),
      aiEvidence: list(listRefs[ls + 1] as number, none),
      revertedBy: texts[tx + 4] ?? null,
      review:
        (b & REVIEWED) === 0
          ? null
          : {
              reviewers: list(listRefs[ls + 2] as number, noReviewers),
              firstReviewer: firstReviewer === null ? null : intern.string(firstReviewer),
              comments: orNull(numbers[at + 16] as number) ?? 0,
              commitsAfterFirstReview: orNull(numbers[at + 17] as number) ?? 0,
              forcePushesAfterFirstReview: orNull(numbers[at + 18] as number) ?? 0,
              changesRequested: (b & CHANGES_REQUESTED) !== 0,
              checks:
                (b & CHECKED) === 0
                  ? null
                  : { wallTime: orNull(numbers[at + 19] as number), lastCompletedAt: orNull(numbers[at + 20] as number), names: list(listRefs[ls + 3] as number, none), flaky: list(listRefs[ls + 4] as number, none) },
            },
      repository,
    };
  }
  const d = digest.deploys;
  const deploys: MeasuredDeploy[] = new Array<MeasuredDeploy>(d.count);
  for (let i = 0; i < d.count; i++) {
    const b = d.bits[i] as number;
    deploys[i] = { at: orNull(d.numbers[2 * i] as number) ?? 0, failed: (b & 1) !== 0, rollback: (b & 2) !== 0, rework: (b & 4) !== 0, restoredAfter: orNull(d.numbers[2 * i + 1] as number), repository };
  }
  return { changes, deploys, openPulls: digest.openPulls.map((p) => fromReportOpenPull(p, repository)) };
}
