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
  /** per change, where its review times start in `times` and how many there are */
  timeRefs: Int32Array;
  /** every change's `review.reviewedAt`, one after another */
  times: Float64Array;
}

interface PackedDeploys {
  count: number;
  /** at, restoredAfter (NaN for null) per deploy */
  numbers: Float64Array;
  /** failed, rollback, rework per deploy */
  bits: Uint8Array;
}

// where each number of a change sits among its NUMBERS
const FIRST_COMMIT = 0;
const LAST_COMMIT = 1;
const READY = 2;
const FIRST_REVIEW = 3;
const APPROVED = 4;
const MERGED = 5;
const DEPLOYED = 6;
const CODING = 7; // … then pickup, review, merge, deploy in STAGES' order
const CYCLE_TIME = 12;
const LEAD_TIME = 13;
const ADDITIONS = 14;
const DELETIONS = 15;
const FILES = 16;
const COMMENTS = 17;
const COMMITS_AFTER = 18;
const FORCE_PUSHES_AFTER = 19;
const WALL_TIME = 20;
const LAST_COMPLETED = 21;
const N = 22;
// where each text sits among its TEXTS
const ID = 0;
const TITLE = 1;
const URL = 2;
const AUTHOR = 3;
const REVERTED_BY = 4;
const FIRST_REVIEWER = 5;
/** the landing commit's sha, kept only where another report of the repository may list the change too */
const SHA = 6;
const TEXTS = 7;
// where each list sits among its LISTS
const FLAGS = 0;
const AI_EVIDENCE = 1;
const REVIEWERS = 2;
const CHECK_NAMES = 3;
const FLAKY = 4;
const LISTS = 5;

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
  const since = epoch(report.window.since) ?? 0;
  const until = epoch(report.window.until) ?? 0;
  return {
    facts: {
      repository: report.repository,
      window: report.window,
      now: report.now,
      deploySignal: report.deploySignal,
      sources: report.sources,
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
  };
}

/**
 * Whether a change of the window may be in the queues of another window of its repository — a stage of it
 * began before `since`, or it was not deployed by `until` — and so be listed again among another report's
 * `queueOnlyChanges`: only such a change's sha is kept, to count it once.
 */
function crossesWindow(c: ReportChange, since: number, until: number): boolean {
  const deployed = epoch(c.deployedAt);
  if (deployed === null || deployed >= until) return true;
  for (const time of [c.firstCommitAt, c.lastCommitAt, c.readyAt, c.firstReviewAt, c.approvedAt]) {
    const t = epoch(time);
    if (t !== null && t < since) return true;
  }
  return false;
}

/** The typed arrays of a digest, which a worker hands over rather than copies. */
export function transferables(digest: ReportDigest): ArrayBuffer[] {
  const { changes, queueOnly, deploys } = digest;
  const packed = [changes, queueOnly].flatMap((p) => [p.numbers.buffer, p.bits.buffer, p.listRefs.buffer, p.timeRefs.buffer, p.times.buffer]);
  return [...packed, deploys.numbers.buffer, deploys.bits.buffer] as ArrayBuffer[];
}

function packChanges(changes: readonly ReportChange[], keepSha: (c: ReportChange) => boolean): PackedChanges {
  const count = changes.length;
  const numbers = new Float64Array(count * N);
  const bits = new Uint8Array(count);
  const texts = new Array<string | null>(count * TEXTS);
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
  const timeRefs = new Int32Array(count * 2);
  let timeCount = 0;
  for (const c of changes) timeCount += c.review?.reviewedAt.length ?? 0;
  const times = new Float64Array(timeCount);
  let nextTime = 0;
  changes.forEach((c, i) => {
    const review = c.review;
    const checks = review?.checks ?? null;
    const at = i * N;
    numbers[at + FIRST_COMMIT] = orNaN(epoch(c.firstCommitAt));
    numbers[at + LAST_COMMIT] = orNaN(epoch(c.lastCommitAt));
    numbers[at + READY] = orNaN(epoch(c.readyAt));
    numbers[at + FIRST_REVIEW] = orNaN(epoch(c.firstReviewAt));
    numbers[at + APPROVED] = orNaN(epoch(c.approvedAt));
    numbers[at + MERGED] = orNaN(epoch(c.mergedAt));
    numbers[at + DEPLOYED] = orNaN(epoch(c.deployedAt));
    numbers[at + CODING] = orNaN(c.stages.coding);
    numbers[at + CODING + 1] = orNaN(c.stages.pickup);
    numbers[at + CODING + 2] = orNaN(c.stages.review);
    numbers[at + CODING + 3] = orNaN(c.stages.merge);
    numbers[at + CODING + 4] = orNaN(c.stages.deploy);
    numbers[at + CYCLE_TIME] = orNaN(c.cycleTime);
    numbers[at + LEAD_TIME] = orNaN(c.leadTime);
    numbers[at + ADDITIONS] = orNaN(c.additions);
    numbers[at + DELETIONS] = orNaN(c.deletions);
    numbers[at + FILES] = orNaN(c.files);
    numbers[at + COMMENTS] = orNaN(review?.comments ?? null);
    numbers[at + COMMITS_AFTER] = orNaN(review?.commitsAfterFirstReview ?? null);
    numbers[at + FORCE_PUSHES_AFTER] = orNaN(review?.forcePushesAfterFirstReview ?? null);
    numbers[at + WALL_TIME] = orNaN(checks?.wallTime ?? null);
    numbers[at + LAST_COMPLETED] = orNaN(checks?.lastCompletedAt ?? null);
    bits[i] = KINDS.indexOf(c.kind) | (c.bot ? BOT : 0) | (c.additions !== null ? SIZED : 0) | (review ? REVIEWED : 0) | (review?.changesRequested ? CHANGES_REQUESTED : 0) | (checks ? CHECKED : 0);
    const tx = i * TEXTS;
    texts[tx + ID] = c.id;
    texts[tx + TITLE] = c.title;
    texts[tx + URL] = c.url;
    texts[tx + AUTHOR] = c.author;
    texts[tx + REVERTED_BY] = c.revertedBy;
    texts[tx + FIRST_REVIEWER] = review?.firstReviewer ?? null;
    texts[tx + SHA] = keepSha(c) ? c.sha : null;
    const ls = i * LISTS;
    listRefs[ls + FLAGS] = ref(c.flags);
    listRefs[ls + AI_EVIDENCE] = ref(c.aiEvidence);
    listRefs[ls + REVIEWERS] = ref(review?.reviewers);
    listRefs[ls + CHECK_NAMES] = ref(checks?.names);
    listRefs[ls + FLAKY] = ref(checks?.flaky);
    const reviewedAt = review?.reviewedAt ?? [];
    timeRefs[2 * i] = nextTime;
    timeRefs[2 * i + 1] = reviewedAt.length;
    for (const t of reviewedAt) times[nextTime++] = t;
  });
  return { count, numbers, bits, texts, listRefs, lists, timeRefs, times };
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

/** A change unpacked, with its landing commit's sha where the digest kept it. */
export interface UnpackedChanges {
  changes: MeasuredChange[];
  /** per change, its sha or null */
  shas: Array<string | null>;
}

/**
 * A digest unpacked into what the figures read, each item naming its repository; repeated strings and
 * lists are taken from `intern`, so an organisation's authors and check names are held once.
 */
export function unpackDigest(digest: ReportDigest, repository: string, intern: Interner): { changes: UnpackedChanges; queueOnly: UnpackedChanges; deploys: MeasuredDeploy[]; openPulls: OpenPull[] } {
  const d = digest.deploys;
  const deploys: MeasuredDeploy[] = new Array<MeasuredDeploy>(d.count);
  for (let i = 0; i < d.count; i++) {
    const b = d.bits[i] as number;
    deploys[i] = { at: orNull(d.numbers[2 * i] as number) ?? 0, failed: (b & 1) !== 0, rollback: (b & 2) !== 0, rework: (b & 4) !== 0, restoredAfter: orNull(d.numbers[2 * i + 1] as number), repository };
  }
  return {
    changes: unpackChanges(digest.changes, repository, intern),
    queueOnly: unpackChanges(digest.queueOnly, repository, intern),
    deploys,
    openPulls: digest.openPulls.map((p) => fromReportOpenPull(p, repository)),
  };
}

const NO_TIMES: number[] = Object.freeze([]) as unknown as number[];

function unpackChanges(packed: PackedChanges, repository: string, intern: Interner): UnpackedChanges {
  const { count, numbers, bits, texts, listRefs, timeRefs, times } = packed;
  // each list is interned once per report, not once per change that carries it
  const lists = packed.lists.map((list) =>
    typeof list[0] === 'string'
      ? intern.list(list as string[])
      : (list as Array<{ login: string; reviews: number }>).map((r) => ({ login: intern.string(r.login), reviews: r.reviews })),
  );
  const none = intern.list([]);
  const noReviewers: Array<{ login: string; reviews: number }> = [];
  const list = <T>(at: number, empty: T): T => (at < 0 ? empty : (lists[at] as T));
  const number = (at: number): number | null => orNull(numbers[at] as number);
  const changes: MeasuredChange[] = new Array<MeasuredChange>(count);
  const shas = new Array<string | null>(count);
  for (let i = 0; i < count; i++) {
    // offsets into the packed arrays; no closure per change (600,000 of them)
    const at = i * N;
    const tx = i * TEXTS;
    const ls = i * LISTS;
    const b = bits[i] as number;
    const firstReviewer = texts[tx + FIRST_REVIEWER] ?? null;
    const reviewed = timeRefs[2 * i + 1] as number;
    changes[i] = {
      // `#12` recurs across an organisation's repositories
      id: intern.string(texts[tx + ID] as string),
      title: texts[tx + TITLE] as string,
      url: texts[tx + URL] ?? null,
      author: intern.string(texts[tx + AUTHOR] as string),
      kind: KINDS[b & 7] as ChangeKind,
      bot: (b & BOT) !== 0,
      firstCommitAt: number(at + FIRST_COMMIT),
      lastCommitAt: number(at + LAST_COMMIT),
      readyAt: number(at + READY),
      firstReviewAt: number(at + FIRST_REVIEW),
      approvedAt: number(at + APPROVED),
      mergedAt: number(at + MERGED) ?? 0,
      deployedAt: number(at + DEPLOYED),
      stages: {
        coding: number(at + CODING),
        pickup: number(at + CODING + 1),
        review: number(at + CODING + 2),
        merge: number(at + CODING + 3),
        deploy: number(at + CODING + 4),
      },
      cycleTime: number(at + CYCLE_TIME),
      leadTime: number(at + LEAD_TIME),
      size: (b & SIZED) !== 0 ? { additions: number(at + ADDITIONS) ?? 0, deletions: number(at + DELETIONS) ?? 0, files: number(at + FILES) ?? 0 } : null,
      flags: list(listRefs[ls + FLAGS] as number, none),
      aiEvidence: list(listRefs[ls + AI_EVIDENCE] as number, none),
      revertedBy: texts[tx + REVERTED_BY] ?? null,
      review:
        (b & REVIEWED) === 0
          ? null
          : {
              reviewers: list(listRefs[ls + REVIEWERS] as number, noReviewers),
              reviewedAt: reviewed === 0 ? NO_TIMES : Array.from(times.subarray(timeRefs[2 * i] as number, (timeRefs[2 * i] as number) + reviewed), (t) => orNull(t) as number),
              firstReviewer: firstReviewer === null ? null : intern.string(firstReviewer),
              comments: number(at + COMMENTS) ?? 0,
              commitsAfterFirstReview: number(at + COMMITS_AFTER) ?? 0,
              forcePushesAfterFirstReview: number(at + FORCE_PUSHES_AFTER) ?? 0,
              changesRequested: (b & CHANGES_REQUESTED) !== 0,
              checks:
                (b & CHECKED) === 0
                  ? null
                  : {
                      wallTime: number(at + WALL_TIME),
                      lastCompletedAt: number(at + LAST_COMPLETED),
                      names: list(listRefs[ls + CHECK_NAMES] as number, none),
                      flaky: list(listRefs[ls + FLAKY] as number, none),
                    },
            },
      repository,
    };
    shas[i] = texts[tx + SHA] ?? null;
  }
  return { changes, shas };
}
