import type { ChangeChecks, ChangeKind, ChangeReview, MeasuredChange, Size, Stages } from '../../domain.js';
import { listAt, numberAt, textAt, type Rows, type Texts } from './columns.js';
import { FLAG, KINDS, LIST, LIST_FIELDS, N, NUMBER, NUMBER_FIELDS, TEXT, TEXT_FIELDS, type FieldsOn } from './fields.js';

/*
 * Views of packed changes: a metric reads one as any `MeasuredChange`, and each figure is taken from its row
 * and its part when asked for, so 600,000 of them cost six fields each. The plain getters are made from the
 * table of fields (fields.ts); the objects a change holds (stages, size, review, checks) are put together here.
 */

/** The texts of a part's changes, and the repository each names. */
export interface Part extends Texts {
  repository: string;
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

// read most of all (windows, queues; lead times): fields set when the view is made, not getters
type Eager = 'mergedAt' | 'leadTime';
type ChangeFields = Exclude<FieldsOn<typeof NUMBER_FIELDS, 'change'> | FieldsOn<typeof TEXT_FIELDS, 'change'> | FieldsOn<typeof LIST_FIELDS, 'change'>, Eager>;
type ReviewFields = FieldsOn<typeof NUMBER_FIELDS, 'review'> | FieldsOn<typeof TEXT_FIELDS, 'review'> | FieldsOn<typeof LIST_FIELDS, 'review'>;

// the getters made from the table (`plainGetters`), declared to the type checker here
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
interface PackedChange extends Pick<MeasuredChange, ChangeFields> {}

/** One packed change, read where it is held. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
class PackedChange extends View implements MeasuredChange {
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
  get url(): string | null {
    const rest = textAt(this.p, this.i, TEXT.url);
    return rest === null ? null : this.p.urlPrefix + rest;
  }
  get kind(): ChangeKind {
    return KINDS[(this.r.bits[this.k] as number) & 7] as ChangeKind;
  }
  get bot(): boolean {
    return this.has(FLAG.bot);
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
  get review(): ChangeReview | null {
    return this.has(FLAG.reviewed) ? new PackedReview(this.p, this.i, this.r, this.k) : null;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
interface PackedReview extends Pick<ChangeReview, ReviewFields> {}

/** A packed change's review (see `PackedChange`). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
class PackedReview extends View implements ChangeReview {
  get reviewedAt(): number[] {
    const from = this.p.timeRefs[2 * this.i] as number;
    const count = this.p.timeRefs[2 * this.i + 1] as number;
    if (count === 0) return NO_TIMES;
    // copied by hand: a subarray to copy from was a view made per change, the larger part of the time
    const times = new Array<number>(count);
    for (let j = 0; j < count; j++) times[j] = this.p.times[from + j] as number;
    return times;
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

/**
 * The getters of the fields a view shows as they are, one per field of the table: a number (null where there
 * is none, or `missing`), a text, a list (`empty` where there is none).
 */
function plainGetters(view: { prototype: View }, on: 'change' | 'review', missing: number | null, empty: unknown, skip: readonly string[]): void {
  const define = (name: string, get: (this: View & { p: Part; i: number; r: Rows; k: number }) => unknown): void => {
    if (!skip.includes(name)) Object.defineProperty(view.prototype, name, { get, configurable: true, enumerable: false });
  };
  NUMBER_FIELDS.forEach((f, at) => {
    if (f.on === on) define(f.name, function () { return numberAt(this.r, this.k * N + at) ?? missing; });
  });
  TEXT_FIELDS.forEach((f, at) => {
    if (f.on === on) define(f.name, function () { return textAt(this.p, this.i, at); });
  });
  LIST_FIELDS.forEach((f, at) => {
    if (f.on === on) define(f.name, function () { return listAt(this.p, this.i, at, empty); });
  });
}

plainGetters(PackedChange, 'change', null, EMPTY, ['mergedAt', 'leadTime'] satisfies Eager[]);
plainGetters(PackedReview, 'review', 0, NO_REVIEWERS, []);

export { PackedChange };
