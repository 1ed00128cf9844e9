import type { ChangeChecks, ChangeKind, ChangeReview, MeasuredChange, Size, Stages } from '../domain.js';
import { epoch } from '../report/convert.js';
import type { ReportChange } from '../report/schema.js';

/*
 * A report's changes packed in columns: of each change the numbers and text the figures read, in typed arrays
 * and one string. A worker thread packs a report and moves the arrays to the aggregate, which holds an
 * organisation's changes so — a few objects per report, which the garbage collector never walks, their numbers
 * in `ChangeRows` — and reads them through `PackedChange`, a view of one change that is a `MeasuredChange` to
 * every metric.
 */

/** A report's changes in columns (see `packChanges`); read them through `ChangeRows`. */
export interface PackedChanges extends Rows, Texts {
  count: number;
}

/** Of each change, its NUMBERS and bits, a row each. */
interface Rows {
  /**
   * NUMBERS per change: in an Int32Array (`INT_NULL` for null) when every one is a whole number that fits, as
   * epoch seconds and whole-second durations do until 2038; else in a Float64Array, NaN for null
   */
  numbers: Int32Array | Float64Array;
  /** what stands for null among `numbers`: `INT_NULL` in an Int32Array, NaN in a Float64Array */
  nul: number;
  /** kind and flags per change */
  bits: Uint8Array;
}

/** The texts of a part's changes, and the repository each names. */
interface Part extends Texts {
  repository: string;
}

/** Of each change, its TEXTS, LISTS and review times. */
export interface Texts {
  /** the TEXTS of every change, one after another; of each URL only what follows `urlPrefix` */
  text: string;
  /** what every change's URL starts with (`https://github.com/owner/name/pull/`): held once */
  urlPrefix: string;
  /** per change and text, where it ends in `text` (it starts where the one before ended) */
  textEnds: Int32Array;
  /** per change, a bit per text that is null */
  textNulls: Uint8Array;
  /** LISTS per change: an index into `lists`, -1 for none */
  listRefs: Int32Array;
  /** each distinct list of the report once */
  lists: unknown[][];
  /** per change, where its review times start in `times` and how many there are */
  timeRefs: Int32Array;
  /** every change's `review.reviewedAt`, one after another */
  times: Float64Array;
}

// where each number of a change sits among its NUMBERS
const FIRST_COMMIT = 0;
const LAST_COMMIT = 1;
const READY = 2;
const FIRST_REVIEW = 3;
const APPROVED = 4;
const MERGED = 5;
const DEPLOYED = 6;
const CODING = 7;
const PICKUP = 8;
const REVIEW = 9;
const MERGE = 10;
const DEPLOY = 11;
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

/** null in an Int32Array of NUMBERS: no whole number a report holds is this one (it is packed as a Float64Array then) */
export const INT_NULL = -(2 ** 31);

const EMPTY: string[] = Object.freeze([]) as unknown as string[];
const NO_REVIEWERS: ChangeReview['reviewers'] = Object.freeze([]) as unknown as ChangeReview['reviewers'];
const NO_TIMES: number[] = Object.freeze([]) as unknown as number[];

/**
 * A report's changes in columns; `keepSha` says of which the landing commit's sha is kept. Pure.
 */
export function packChanges(changes: readonly ReportChange[], keepSha: (c: ReportChange) => boolean): PackedChanges {
  const count = changes.length;
  const wide = new Float64Array(count * N);
  const bits = new Uint8Array(count);
  const parts: string[] = [];
  const textEnds = new Int32Array(count * TEXTS);
  const textNulls = new Uint8Array(count);
  let textLength = 0;
  const listRefs = new Int32Array(count * LISTS);
  const lists: unknown[][] = [];
  const known = new Map<string, number>();
  const ref = (list: unknown[] | null | undefined): number => {
    if (!list || list.length === 0) return -1;
    const key = keyOf(list);
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
  const urlPrefix = commonPrefix(changes.map((c) => c.url));
  for (let i = 0; i < count; i++) {
    const c = changes[i] as ReportChange;
    const review = c.review;
    const checks = review?.checks ?? null;
    const at = i * N;
    wide[at + FIRST_COMMIT] = orNaN(epoch(c.firstCommitAt));
    wide[at + LAST_COMMIT] = orNaN(epoch(c.lastCommitAt));
    wide[at + READY] = orNaN(epoch(c.readyAt));
    wide[at + FIRST_REVIEW] = orNaN(epoch(c.firstReviewAt));
    wide[at + APPROVED] = orNaN(epoch(c.approvedAt));
    wide[at + MERGED] = orNaN(epoch(c.mergedAt));
    wide[at + DEPLOYED] = orNaN(epoch(c.deployedAt));
    wide[at + CODING] = orNaN(c.stages.coding);
    wide[at + PICKUP] = orNaN(c.stages.pickup);
    wide[at + REVIEW] = orNaN(c.stages.review);
    wide[at + MERGE] = orNaN(c.stages.merge);
    wide[at + DEPLOY] = orNaN(c.stages.deploy);
    wide[at + CYCLE_TIME] = orNaN(c.cycleTime);
    wide[at + LEAD_TIME] = orNaN(c.leadTime);
    wide[at + ADDITIONS] = orNaN(c.additions);
    wide[at + DELETIONS] = orNaN(c.deletions);
    wide[at + FILES] = orNaN(c.files);
    wide[at + COMMENTS] = orNaN(review?.comments ?? null);
    wide[at + COMMITS_AFTER] = orNaN(review?.commitsAfterFirstReview ?? null);
    wide[at + FORCE_PUSHES_AFTER] = orNaN(review?.forcePushesAfterFirstReview ?? null);
    wide[at + WALL_TIME] = orNaN(checks?.wallTime ?? null);
    wide[at + LAST_COMPLETED] = orNaN(checks?.lastCompletedAt ?? null);
    bits[i] = KINDS.indexOf(c.kind) | (c.bot ? BOT : 0) | (c.additions !== null ? SIZED : 0) | (review ? REVIEWED : 0) | (review?.changesRequested ? CHANGES_REQUESTED : 0) | (checks ? CHECKED : 0);
    const texts = [c.id, c.title, c.url?.slice(urlPrefix.length) ?? null, c.author, c.revertedBy, review?.firstReviewer ?? null, keepSha(c) ? c.sha : null];
    let nulls = 0;
    for (let k = 0; k < TEXTS; k++) {
      const text = texts[k] ?? null;
      if (text === null) nulls |= 1 << k;
      else {
        parts.push(text);
        textLength += text.length;
      }
      textEnds[i * TEXTS + k] = textLength;
    }
    textNulls[i] = nulls;
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
  }
  const numbers = narrowed(wide);
  return { count, numbers, nul: numbers instanceof Int32Array ? INT_NULL : NaN, bits, text: parts.join(''), urlPrefix, textEnds, textNulls, listRefs, lists, timeRefs, times };
}

/**
 * What tells one list from another: each of its strings after a NUL, when none holds one; else its JSON, which
 * starts with a bracket, so the two never meet. Stringifying every list was a fifth of a digest's time.
 */
function keyOf(list: unknown[]): string {
  let key = '';
  for (const item of list) {
    if (typeof item !== 'string' || item.includes('\u0000')) return JSON.stringify(list);
    key += `\u0000${item}`;
  }
  return key;
}

/** null as NaN, which a Float64Array holds (JSON has no NaN, so it stands for nothing else) */
export const orNaN = (value: number | null): number => (value === null ? NaN : value);

/** The longest start the texts share, nulls left out ('' when there is none). */
export function commonPrefix(texts: ReadonlyArray<string | null>): string {
  let prefix: string | null = null;
  for (const text of texts) {
    if (text === null) continue;
    if (prefix === null) prefix = text;
    // most URLs share the whole of it once it is found
    if (text.startsWith(prefix)) continue;
    let n = 0;
    while (n < prefix.length && n < text.length && prefix.charCodeAt(n) === text.charCodeAt(n)) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix ?? '';
}

/** The numbers in an Int32Array, half the memory, when every one is null or a whole number that fits; else as they are. */
function narrowed(wide: Float64Array): Int32Array | Float64Array {
  for (let i = 0; i < wide.length; i++) {
    const v = wide[i] as number;
    // -0 too stays wide: an Int32Array would read it back as 0
    if (!Number.isNaN(v) && ((v | 0) !== v || v === INT_NULL || Object.is(v, -0))) return wide;
  }
  const narrow = new Int32Array(wide.length);
  for (let i = 0; i < wide.length; i++) narrow[i] = Number.isNaN(wide[i]) ? INT_NULL : (wide[i] as number);
  return narrow;
}

/** The buffers of packed changes, which a worker hands over rather than copies. */
export function packedBuffers(p: PackedChanges): ArrayBuffer[] {
  return [p.numbers.buffer, p.bits.buffer, p.textEnds.buffer, p.textNulls.buffer, p.listRefs.buffer, p.timeRefs.buffer, p.times.buffer] as ArrayBuffer[];
}

/** A report's changes once `ChangeRows` holds their rows: where they start there, how many, and their texts. */
export interface HeldChanges {
  first: number;
  count: number;
  texts: Texts;
}

/** Changes to list: `held`'s all, or the ones `take` names (indices among them), each naming `repository`. */
export interface HeldPart {
  held: HeldChanges;
  repository: string;
  take?: readonly number[];
}

// rows are held in blocks of 2^16 (5.8 MB of whole numbers): each is allocated whole, as its own mapping
const BLOCK_SHIFT = 16;

/**
 * Many reports' NUMBERS and bits, a row per change, taken report by report as each is read (`hold`), and
 * listed at the end as one list in the order of their merges (`merged`). Holding them here rather than in
 * each report's own arrays lets those go as soon as they are read, while the workers still read the next
 * reports into the memory they leave; and the rows are put in the list's order where they are held, so a
 * metric's pass over the list reads memory front to back.
 */
export class ChangeRows {
  private blocks: Rows[] = [];
  private count = 0;
  private wide = false;
  private listed = false;
  private readonly rowsPerBlock: number;

  /** `shift`: 2^shift rows to a block */
  constructor(private readonly shift = BLOCK_SHIFT) {
    this.rowsPerBlock = 1 << shift;
  }

  /**
   * Rows for `count` changes known beforehand, in a block no larger than they need: one report's own row is made
   * this way, and a whole block (5.8 MB, allocated and cleared) for its few hundred changes was most of that
   * row's time (73–119 ms against 14 ms per 100 reports).
   */
  static fitting(count: number): ChangeRows {
    return new ChangeRows(Math.min(BLOCK_SHIFT, Math.ceil(Math.log2(Math.max(1, count)))));
  }

  /** Takes the rows of `packed` (its numbers and bits are not read again) and gives what is left of it to read. */
  hold(packed: PackedChanges): HeldChanges {
    if (this.listed) throw new Error('ChangeRows: listed already');
    if (!this.wide && !(packed.numbers instanceof Int32Array)) this.widen();
    const first = this.count;
    for (let i = 0; i < packed.count; i++) {
      const at = this.count++;
      if (at >>> this.shift === this.blocks.length) this.blocks.push(emptyRows(this.rowsPerBlock, this.wide));
      copyRow(packed, i, this.row(at), this.offset(at));
    }
    const { text, urlPrefix, textEnds, textNulls, listRefs, lists, timeRefs, times } = packed;
    return { first, count: packed.count, texts: { text, urlPrefix, textEnds, textNulls, listRefs, lists, timeRefs, times } };
  }

  /**
   * The changes of the parts as one list, each a `MeasuredChange`, in the order of their merges (ties in the
   * order given). Their rows are first moved into that order where they are held: read in the merged order
   * where each report held them, nearly every change missed the cache (an aggregate's figures over 573,624
   * changes took 7.5 s; 2.2 s in the reports' own order). It lists once.
   */
  merged(parts: readonly HeldPart[]): MeasuredChange[] {
    if (this.listed) throw new Error('ChangeRows: listed already');
    this.listed = true;
    let count = 0;
    for (const part of parts) count += part.take?.length ?? part.held.count;
    // each listed change's part and row, in the order given, and when it merged
    const partOf = new Int32Array(count);
    const rowOf = new Int32Array(count);
    const mergedAt = new Float64Array(count);
    let e = 0;
    parts.forEach((part, at) => {
      const n = part.take?.length ?? part.held.count;
      for (let j = 0; j < n; j++, e++) {
        const row = part.held.first + (part.take === undefined ? j : (part.take[j] as number));
        partOf[e] = at;
        rowOf[e] = row;
        mergedAt[e] = numberAt(this.row(row), this.offset(row) * N + MERGED) ?? 0;
      }
    });
    const order = mergeOrder(mergedAt);
    // where each row held goes: the k-th change listed to k, the rows not listed after them
    const to = new Int32Array(this.count).fill(-1);
    for (let k = 0; k < count; k++) to[rowOf[order[k] as number] as number] = k;
    let rest = count;
    for (let row = 0; row < this.count; row++) if (to[row] === -1) to[row] = rest++;
    this.permute(to);
    const sources = parts.map((part): Part => ({ ...part.held.texts, repository: part.repository }));
    const changes = new Array<MeasuredChange>(count);
    for (let k = 0; k < count; k++) {
      const from = order[k] as number;
      const part = parts[partOf[from] as number] as HeldPart;
      changes[k] = new PackedChange(sources[partOf[from] as number] as Part, (rowOf[from] as number) - part.held.first, this.row(k), this.offset(k));
    }
    return changes;
  }

  /** The block row `at` is held in, and where in it. */
  private row(at: number): Rows {
    return this.blocks[at >>> this.shift] as Rows;
  }
  private offset(at: number): number {
    return at & (this.rowsPerBlock - 1);
  }

  /**
   * Moves every row held to where `to` says, in place: each cycle of the permutation is followed once. `to` is
   * used up: each place is marked -1 as its row leaves, in the entry just read (marks in an array of their own
   * were one more write at a random place per row).
   */
  private permute(to: Int32Array): void {
    // a block's numbers, whole or not, are exact in a double
    const carried = new Float64Array(N);
    for (let start = 0; start < to.length; start++) {
      if (to[start] === -1) continue;
      const first = this.row(start);
      const from = this.offset(start) * N;
      for (let f = 0; f < N; f++) carried[f] = first.numbers[from + f] as number;
      let carriedBits = first.bits[this.offset(start)] as number;
      let at = start;
      do {
        // the row carried takes the place of the one there, which is carried on to where it goes
        const next = to[at] as number;
        to[at] = -1;
        const block = this.row(next);
        const offset = this.offset(next);
        const numbers = block.numbers;
        const base = offset * N;
        for (let f = 0; f < N; f++) {
          const v = numbers[base + f] as number;
          numbers[base + f] = carried[f] as number;
          carried[f] = v;
        }
        const bits = block.bits[offset] as number;
        block.bits[offset] = carriedBits;
        carriedBits = bits;
        at = next;
      } while (at !== start);
    }
  }

  /** Every row held, and every one to come, in a Float64Array: a report's numbers did not fit 32 bits. */
  private widen(): void {
    this.wide = true;
    this.blocks = this.blocks.map((block) => {
      const wide = emptyRows(this.rowsPerBlock, true);
      for (let i = 0; i < this.rowsPerBlock; i++) copyRow(block, i, wide, i);
      return wide;
    });
  }
}

/**
 * The indices of `times` in the order of their values, ties in the order of the indices. Each whole time and
 * its index are one number, `time * 2^b + index`, exact in a double while it is under 2^53, and those are
 * sorted as numbers: a third of the time of a sort with a comparator over an organisation's 573,624 changes.
 */
export function mergeOrder(times: Float64Array): Int32Array {
  const count = times.length;
  const order = new Int32Array(count);
  const scale = 2 ** Math.ceil(Math.log2(count + 1));
  const limit = 2 ** 53 / scale - 1;
  let keyed = true;
  for (let k = 0; k < count && keyed; k++) {
    const t = times[k] as number;
    keyed = Number.isInteger(t) && Math.abs(t) < limit;
  }
  if (keyed) {
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k++) keys[k] = (times[k] as number) * scale + k;
    keys.sort();
    for (let k = 0; k < count; k++) {
      const key = keys[k] as number;
      order[k] = key - Math.floor(key / scale) * scale;
    }
    return order;
  }
  for (let k = 0; k < count; k++) order[k] = k;
  return order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
}

function emptyRows(count: number, wide: boolean): Rows {
  return { numbers: wide ? new Float64Array(count * N) : new Int32Array(count * N), nul: wide ? NaN : INT_NULL, bits: new Uint8Array(count) };
}

/** Row `i` of `from` to row `k` of `to`, a null as `to`'s null. */
function copyRow(from: Rows, i: number, to: Rows, k: number): void {
  const source = from.numbers;
  const target = to.numbers;
  const nul = from.nul;
  for (let f = 0; f < N; f++) {
    const v = source[i * N + f] as number;
    // NaN, a Float64Array's null, is copied as it is: `to` is as wide
    target[k * N + f] = v === nul ? to.nul : v;
  }
  to.bits[k] = from.bits[i] as number;
}

/** The landing commit's sha of the i-th change, where packing kept it. */
export function shaAt(packed: Texts, i: number): string | null {
  return textAt(packed, i, SHA);
}

function textAt(p: Texts, i: number, k: number): string | null {
  if (((p.textNulls[i] as number) & (1 << k)) !== 0) return null;
  const at = i * TEXTS + k;
  return p.text.slice(at === 0 ? 0 : (p.textEnds[at - 1] as number), p.textEnds[at] as number);
}

function numberAt(r: Rows, at: number): number | null {
  const v = r.numbers[at] as number;
  // NaN is never equal to itself: null in a Float64Array, where `nul` is NaN and no value is taken for it
  return v !== v || v === r.nul ? null : v;
}

function listAt<T>(p: Texts, i: number, k: number, empty: T): T {
  const at = p.listRefs[i * LISTS + k] as number;
  return at < 0 ? empty : (p.lists[at] as T);
}

/**
 * One packed change, read where it is held: a metric reads it as any `MeasuredChange`, and each figure is
 * taken from its row and its part when asked for (its stages, size and review too), so 600,000 of them cost
 * six fields each.
 */
class PackedChange implements MeasuredChange {
  // read most of all (windows, queues; lead times): fields, not getters
  readonly mergedAt: number;
  readonly leadTime: number | null;

  /** `p`, `i`: its part (texts and repository) and its row there; `r`, `k`: the block its numbers are in, and its row there */
  constructor(
    private readonly p: Part,
    private readonly i: number,
    private readonly r: Rows,
    private readonly k: number,
  ) {
    this.mergedAt = numberAt(r, k * N + MERGED) ?? 0;
    this.leadTime = numberAt(r, k * N + LEAD_TIME);
  }

  get repository(): string {
    return this.p.repository;
  }

  get id(): string {
    return textAt(this.p, this.i, ID) as string;
  }
  get title(): string {
    return textAt(this.p, this.i, TITLE) as string;
  }
  get url(): string | null {
    const rest = textAt(this.p, this.i, URL);
    return rest === null ? null : this.p.urlPrefix + rest;
  }
  get author(): string {
    return textAt(this.p, this.i, AUTHOR) as string;
  }
  get revertedBy(): string | null {
    return textAt(this.p, this.i, REVERTED_BY);
  }
  get kind(): ChangeKind {
    return KINDS[(this.r.bits[this.k] as number) & 7] as ChangeKind;
  }
  get bot(): boolean {
    return ((this.r.bits[this.k] as number) & BOT) !== 0;
  }
  get firstCommitAt(): number | null {
    return numberAt(this.r, this.k * N + FIRST_COMMIT);
  }
  get lastCommitAt(): number | null {
    return numberAt(this.r, this.k * N + LAST_COMMIT);
  }
  get readyAt(): number | null {
    return numberAt(this.r, this.k * N + READY);
  }
  get firstReviewAt(): number | null {
    return numberAt(this.r, this.k * N + FIRST_REVIEW);
  }
  get approvedAt(): number | null {
    return numberAt(this.r, this.k * N + APPROVED);
  }
  get deployedAt(): number | null {
    return numberAt(this.r, this.k * N + DEPLOYED);
  }
  get cycleTime(): number | null {
    return numberAt(this.r, this.k * N + CYCLE_TIME);
  }
  get stages(): Stages {
    // a plain object: metrics read a stage by name (`stages[s]`), which a getter would make slow
    const r = this.r;
    const at = this.k * N;
    return { coding: numberAt(r, at + CODING), pickup: numberAt(r, at + PICKUP), review: numberAt(r, at + REVIEW), merge: numberAt(r, at + MERGE), deploy: numberAt(r, at + DEPLOY) };
  }
  get size(): Size | null {
    if (((this.r.bits[this.k] as number) & SIZED) === 0) return null;
    const at = this.k * N;
    return { additions: numberAt(this.r, at + ADDITIONS) ?? 0, deletions: numberAt(this.r, at + DELETIONS) ?? 0, files: numberAt(this.r, at + FILES) ?? 0 };
  }
  get flags(): string[] {
    return listAt(this.p, this.i, FLAGS, EMPTY);
  }
  get aiEvidence(): string[] {
    return listAt(this.p, this.i, AI_EVIDENCE, EMPTY);
  }
  get review(): ChangeReview | null {
    return ((this.r.bits[this.k] as number) & REVIEWED) === 0 ? null : new PackedReview(this.p, this.i, this.r, this.k);
  }
}

/** A packed change's review (see `PackedChange`). */
class PackedReview implements ChangeReview {
  constructor(
    private readonly p: Part,
    private readonly i: number,
    private readonly r: Rows,
    private readonly k: number,
  ) {}

  get reviewers(): ChangeReview['reviewers'] {
    return listAt(this.p, this.i, REVIEWERS, NO_REVIEWERS);
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
  get firstReviewer(): string | null {
    return textAt(this.p, this.i, FIRST_REVIEWER);
  }
  get comments(): number {
    return numberAt(this.r, this.k * N + COMMENTS) ?? 0;
  }
  get commitsAfterFirstReview(): number {
    return numberAt(this.r, this.k * N + COMMITS_AFTER) ?? 0;
  }
  get forcePushesAfterFirstReview(): number {
    return numberAt(this.r, this.k * N + FORCE_PUSHES_AFTER) ?? 0;
  }
  get changesRequested(): boolean {
    return ((this.r.bits[this.k] as number) & CHANGES_REQUESTED) !== 0;
  }
  get checks(): ChangeChecks | null {
    if (((this.r.bits[this.k] as number) & CHECKED) === 0) return null;
    const at = this.k * N;
    return {
      wallTime: numberAt(this.r, at + WALL_TIME),
      lastCompletedAt: numberAt(this.r, at + LAST_COMPLETED),
      names: listAt(this.p, this.i, CHECK_NAMES, EMPTY),
      flaky: listAt(this.p, this.i, FLAKY, EMPTY),
    };
  }
}
