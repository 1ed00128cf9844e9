import type { ChangeKind } from '../../domain.js';
import { epoch } from '../../report/convert.js';
import type { ReportChange } from '../../report/schema.js';

/*
 * The one table of what the packed store holds of a change (see columns.ts): each field once, with where the
 * report holds it (`of`) and where a packed change shows it (`on`). Packing (columns.ts) and the round-trip
 * test (test/aggregate/packed/fields.test.ts) are made from it, and the views' getters (views.ts) read each
 * field at its place here: a new field is one line here, its getter and its place in `MeasuredChange`. Numbers
 * go in a row of NUMBERS (rows.ts), texts in one string, lists once per report, flags in a byte.
 */

/** Where a packed change shows a field: on the change, in its stages, size, review or checks, or nowhere. */
type On = 'change' | 'stages' | 'size' | 'review' | 'checks' | 'none';

export interface NumberField {
  readonly name: string;
  readonly on: On;
  readonly of: (c: ReportChange) => number | null;
}

/** Of each change, the numbers: epoch seconds, durations, counts. Null where the report has none. */
export const NUMBER_FIELDS = [
  { name: 'firstCommitAt', on: 'change', of: (c) => epoch(c.firstCommitAt) },
  { name: 'lastCommitAt', on: 'change', of: (c) => epoch(c.lastCommitAt) },
  { name: 'readyAt', on: 'change', of: (c) => epoch(c.readyAt) },
  { name: 'firstReviewAt', on: 'change', of: (c) => epoch(c.firstReviewAt) },
  { name: 'approvedAt', on: 'change', of: (c) => epoch(c.approvedAt) },
  { name: 'mergedAt', on: 'change', of: (c) => epoch(c.mergedAt) },
  { name: 'deployedAt', on: 'change', of: (c) => epoch(c.deployedAt) },
  { name: 'coding', on: 'stages', of: (c) => c.stages.coding },
  { name: 'pickup', on: 'stages', of: (c) => c.stages.pickup },
  { name: 'review', on: 'stages', of: (c) => c.stages.review },
  { name: 'merge', on: 'stages', of: (c) => c.stages.merge },
  { name: 'deploy', on: 'stages', of: (c) => c.stages.deploy },
  { name: 'cycleTime', on: 'change', of: (c) => c.cycleTime },
  { name: 'leadTime', on: 'change', of: (c) => c.leadTime },
  { name: 'additions', on: 'size', of: (c) => c.additions },
  { name: 'deletions', on: 'size', of: (c) => c.deletions },
  { name: 'files', on: 'size', of: (c) => c.files },
  // a sync's pull requests, for the syncs' count of them (summary.excluded.syncedPulls)
  { name: 'carriedPulls', on: 'change', of: (c) => c.carriedPulls ?? null },
  { name: 'comments', on: 'review', of: (c) => c.review?.comments ?? null },
  { name: 'commitsAfterFirstReview', on: 'review', of: (c) => c.review?.commitsAfterFirstReview ?? null },
  { name: 'forcePushesAfterFirstReview', on: 'review', of: (c) => c.review?.forcePushesAfterFirstReview ?? null },
  { name: 'wallTime', on: 'checks', of: (c) => c.review?.checks?.wallTime ?? null },
  { name: 'lastCompletedAt', on: 'checks', of: (c) => c.review?.checks?.lastCompletedAt ?? null },
] as const satisfies readonly NumberField[];

export interface TextField {
  readonly name: string;
  readonly on: On;
  /** `urlPrefix`: what every URL of the report starts with, held once; `keepSha`: whether this change's sha is kept */
  readonly of: (c: ReportChange, urlPrefix: string, keepSha: boolean) => string | null;
}

/** Of each change, the texts, one after another in one string. */
export const TEXT_FIELDS = [
  { name: 'id', on: 'change', of: (c) => c.id },
  { name: 'title', on: 'change', of: (c) => c.title },
  // of each URL only what follows the report's common start (views.ts puts it back)
  { name: 'url', on: 'none', of: (c, urlPrefix) => c.url?.slice(urlPrefix.length) ?? null },
  { name: 'author', on: 'change', of: (c) => c.author },
  { name: 'revertedBy', on: 'change', of: (c) => c.revertedBy },
  // the deploy that shipped it first, by its ref: a report written before it was kept has none
  { name: 'deployRef', on: 'change', of: (c) => c.deployRef ?? null },
  // a report written before strengths were read: its AI-assisted changes are assisted
  { name: 'aiStrength', on: 'change', of: (c) => c.aiStrength ?? (c.aiEvidence.length > 0 ? 'assisted' : null) },
  { name: 'firstReviewer', on: 'review', of: (c) => c.review?.firstReviewer ?? null },
  // the landing commit's sha, kept only where another report of the repository may list the change too
  { name: 'sha', on: 'none', of: (c, _, keepSha) => (keepSha ? c.sha : null) },
] as const satisfies readonly TextField[];

export interface ListField {
  readonly name: string;
  readonly on: On;
  readonly of: (c: ReportChange) => unknown[] | null | undefined;
}

/** Of each change, the lists: each distinct list held once per report, a change naming it by index. */
export const LIST_FIELDS = [
  { name: 'flags', on: 'change', of: (c) => c.flags },
  { name: 'aiEvidence', on: 'change', of: (c) => c.aiEvidence },
  // a report written before tools were named: its AI-assisted changes are of an unnamed tool
  { name: 'aiTools', on: 'change', of: (c) => c.aiTools ?? (c.aiEvidence.length > 0 ? ['unknown'] : []) },
  { name: 'reviewers', on: 'review', of: (c) => c.review?.reviewers },
  { name: 'reviewedBy', on: 'review', of: (c) => c.review?.reviewedBy },
  { name: 'names', on: 'checks', of: (c) => c.review?.checks?.names },
  { name: 'flaky', on: 'checks', of: (c) => c.review?.checks?.flaky },
] as const satisfies readonly ListField[];

interface FlagField {
  readonly name: string;
  readonly of: (c: ReportChange) => boolean;
}

/** The change's kind, in the low 3 bits of its byte of flags. */
export const KINDS: readonly ChangeKind[] = ['merge', 'squash', 'rebase', 'trailer', 'direct', 'sync'];

/** Of each change, yes-or-no facts, a bit each above the kind's three. */
export const FLAG_FIELDS = [
  { name: 'bot', of: (c) => c.bot },
  { name: 'sized', of: (c) => c.additions !== null },
  { name: 'reviewed', of: (c) => Boolean(c.review) },
  { name: 'changesRequested', of: (c) => c.review?.changesRequested === true },
  { name: 'checked', of: (c) => Boolean(c.review?.checks) },
] as const satisfies readonly FlagField[];

type Names<F extends ReadonlyArray<{ readonly name: string }>> = F[number]['name'];

const placesOf = <F extends ReadonlyArray<{ readonly name: string }>>(fields: F): Readonly<Record<Names<F>, number>> =>
  Object.fromEntries(fields.map((f, i) => [f.name, i])) as Record<Names<F>, number>;

/** Where each number sits in a change's row of NUMBERS, and how many there are. */
export const NUMBER = placesOf(NUMBER_FIELDS);
export const N = NUMBER_FIELDS.length;
/** Where each text sits among a change's texts, and how many there are (at most 16: a bit each in `textNulls`). */
export const TEXT = placesOf(TEXT_FIELDS);
export const TEXTS = TEXT_FIELDS.length;
/** Where each list sits among a change's lists, and how many there are. */
export const LIST = placesOf(LIST_FIELDS);
export const LISTS = LIST_FIELDS.length;
/** Each flag's bit in a change's byte (the kind takes the low three). */
export const FLAG = Object.fromEntries(FLAG_FIELDS.map((f, i) => [f.name, 8 << i])) as Readonly<Record<Names<typeof FLAG_FIELDS>, number>>;

/** A change's byte: its kind and its flags. */
export function bitsOf(c: ReportChange): number {
  let bits = KINDS.indexOf(c.kind);
  for (const f of FLAG_FIELDS) if (f.of(c)) bits |= FLAG[f.name];
  return bits;
}

