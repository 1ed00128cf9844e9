import type { AiStrength, ChangeChecks, ChangeKind, ChangeReview, MeasuredChange, Size, Stages } from '../../domain.js';
import { listAt, numberAt, textAt, type Rows, type Texts } from './columns.js';
import { FLAG, KINDS, LIST, N, NUMBER, TEXT } from './fields.js';

/*
 * Views of packed changes: a metric reads one as any `MeasuredChange`, and each figure is taken from its row
 * and its part when asked for, so 600,000 of them cost six fields each. Each getter is written out, reading
 * its field at the place the table of fields (fields.ts) gives it: getters made in a loop over the table were
 * closures of one function, which the metrics' passes could not inline (2.4 s more of the aggregate's main
 * thread over 573,624 changes); `implements` and the table's round-trip test hold them to the table.
 */

/** The texts of a part's changes, and the repository each names. */
export interface Part extends Texts {
  repository: string;
  /** when the report its changes were read from was made (`MeasuredChange.seenUntil`) */
  seenUntil?: number;
}

const EMPTY: string[] = Object.freeze([]) as unknown as string[];
const NO_REVIEWERS: ChangeReview['reviewers'] = Object.freeze([]) as unknown as ChangeReview['reviewers'];
const NO_TIMES: number[] = Object.freeze([]) as unknown as number[];

/** A view's place: its part (texts and repository) and its row there; the block its numbers are in, and its row there. */
abstract class View {
  constructor(
    protected readonly p: Part,
    protected readonly i: number,
    protected readonly r: Rows,
    protected readonly k: number,
  ) {}

  protected has(flag: number): boolean {
    return ((this.r.bits[this.k] as number) & flag) !== 0;
  }
}

/** One packed change, read where it is held. */
class PackedChange extends View implements MeasuredChange {
  // read most of all (windows, queues; lead times): fields set when the view is made, not getters
  readonly mergedAt: number;
  readonly leadTime: number | null;

  constructor(p: Part, i: number, r: Rows, k: number) {
    super(p, i, r, k);
    this.mergedAt = numberAt(r, k * N + NUMBER.mergedAt) ?? 0;
    this.leadTime = numberAt(r, k * N + NUMBER.leadTime);
  }

  get repository(): string {
    return this.p.repository;
  }
  get seenUntil(): number | undefined {
    return this.p.seenUntil;
  }
  get id(): string {
    return textAt(this.p, this.i, TEXT.id) as string;
  }
  get title(): string {
    return textAt(this.p, this.i, TEXT.title) as string;
  }
  get url(): string | null {
    const rest = textAt(this.p, this.i, TEXT.url);
    return rest === null ? null : this.p.urlPrefix + rest;
  }
  get author(): string {
    return textAt(this.p, this.i, TEXT.author) as string;
  }
  get revertedBy(): string | null {
    return textAt(this.p, this.i, TEXT.revertedBy);
  }
  get deployRef(): string | null {
    return textAt(this.p, this.i, TEXT.deployRef);
  }
  get aiStrength(): AiStrength | undefined {
    return (textAt(this.p, this.i, TEXT.aiStrength) as AiStrength | null) ?? undefined;
  }
  get kind(): ChangeKind {
    return KINDS[(this.r.bits[this.k] as number) & 7] as ChangeKind;
  }
  get bot(): boolean {
    return this.has(FLAG.bot);
  }
  get firstCommitAt(): number | null {
    return numberAt(this.r, this.k * N + NUMBER.firstCommitAt);
  }
  get lastCommitAt(): number | null {
    return numberAt(this.r, this.k * N + NUMBER.lastCommitAt);
  }
  get readyAt(): number | null {
    return numberAt(this.r, this.k * N + NUMBER.readyAt);
  }
  get firstReviewAt(): number | null {
    return numberAt(this.r, this.k * N + NUMBER.firstReviewAt);
  }
  get approvedAt(): number | null {
    return numberAt(this.r, this.k * N + NUMBER.approvedAt);
  }
  get deployedAt(): number | null {
    return numberAt(this.r, this.k * N + NUMBER.deployedAt);
  }
  get carriedPulls(): number | undefined {
    return numberAt(this.r, this.k * N + NUMBER.carriedPulls) ?? undefined;
  }
  get cycleTime(): number | null {
    return numberAt(this.r, this.k * N + NUMBER.cycleTime);
  }
  get stages(): Stages {
    // a plain object: metrics read a stage by name (`stages[s]`), which a getter would make slow
    const r = this.r;
    const at = this.k * N;
    return { coding: numberAt(r, at + NUMBER.coding), pickup: numberAt(r, at + NUMBER.pickup), review: numberAt(r, at + NUMBER.review), merge: numberAt(r, at + NUMBER.merge), deploy: numberAt(r, at + NUMBER.deploy) };
  }
  get size(): Size | null {
    if (!this.has(FLAG.sized)) return null;
    const at = this.k * N;
    return { additions: numberAt(this.r, at + NUMBER.additions) ?? 0, deletions: numberAt(this.r, at + NUMBER.deletions) ?? 0, files: numberAt(this.r, at + NUMBER.files) ?? 0 };
  }
  get flags(): string[] {
    return listAt(this.p, this.i, LIST.flags, EMPTY);
  }
  get aiEvidence(): string[] {
    return listAt(this.p, this.i, LIST.aiEvidence, EMPTY);
  }
  get aiTools(): string[] {
    return listAt(this.p, this.i, LIST.aiTools, EMPTY);
  }
  get review(): ChangeReview | null {
    return this.has(FLAG.reviewed) ? new PackedReview(this.p, this.i, this.r, this.k) : null;
  }
}

/** A packed change's review (see `PackedChange`). */
class PackedReview extends View implements ChangeReview {
  get reviewers(): ChangeReview['reviewers'] {
    return listAt(this.p, this.i, LIST.reviewers, NO_REVIEWERS);
  }
  get reviewedAt(): number[] {
    const from = this.p.timeRefs[2 * this.i] as number;
    const count = this.p.timeRefs[2 * this.i + 1] as number;
    if (count === 0) return NO_TIMES;
    // copied by hand: a subarray to copy from was a view made per change, the larger part of the time
    const times = new Array<number>(count);
    for (let j = 0; j < count; j++) times[j] = this.p.times[from + j] as number;
    return times;
  }
  get reviewedBy(): string[] | undefined {
    // none packed: a report made before the logins were kept, or no review (then reviewedAt is empty too)
    const logins = listAt(this.p, this.i, LIST.reviewedBy, EMPTY);
    return logins.length === 0 ? undefined : logins;
  }
  get firstReviewer(): string | null {
    return textAt(this.p, this.i, TEXT.firstReviewer);
  }
  get comments(): number {
    return numberAt(this.r, this.k * N + NUMBER.comments) ?? 0;
  }
  get commitsAfterFirstReview(): number {
    return numberAt(this.r, this.k * N + NUMBER.commitsAfterFirstReview) ?? 0;
  }
  get forcePushesAfterFirstReview(): number {
    return numberAt(this.r, this.k * N + NUMBER.forcePushesAfterFirstReview) ?? 0;
  }
  get changesRequested(): boolean {
    return this.has(FLAG.changesRequested);
  }
  get checks(): ChangeChecks | null {
    if (!this.has(FLAG.checked)) return null;
    const at = this.k * N;
    return {
      wallTime: numberAt(this.r, at + NUMBER.wallTime),
      lastCompletedAt: numberAt(this.r, at + NUMBER.lastCompletedAt),
      names: listAt(this.p, this.i, LIST.names, EMPTY),
      flaky: listAt(this.p, this.i, LIST.flaky, EMPTY),
    };
  }
}

export { PackedChange };
