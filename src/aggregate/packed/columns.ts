import type { ReportChange } from '../../report/schema.js';
import { bitsOf, LIST_FIELDS, LISTS, N, NUMBER_FIELDS, TEXT, TEXT_FIELDS, TEXTS, type ListField, type NumberField, type TextField } from './fields.js';

/*
 * A report's changes packed in columns: of each change the fields of fields.ts, its numbers and flags in typed
 * arrays and its texts in one string. A worker thread packs a report and moves the arrays to the aggregate,
 * which holds an organisation's changes so — a few objects per report, which the garbage collector never
 * walks, their numbers in `ChangeRows` (rows.ts) — and reads them through views (views.ts), each a
 * `MeasuredChange` to every metric.
 */

/** A report's changes in columns (see `packChanges`); read them through `ChangeRows`. */
export interface PackedChanges extends Rows, Texts {
  count: number;
}

/** Of each change, its NUMBERS and flags, a row each. */
export interface Rows {
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

/** Of each change, its TEXTS, LISTS and review times. */
export interface Texts {
  /** the TEXTS of every change, one after another; of each URL only what follows `urlPrefix` */
  text: string;
  /** what every change's URL starts with (`https://github.com/owner/name/pull/`): held once */
  urlPrefix: string;
  /** per change and text, where it ends in `text` (it starts where the one before ended) */
  textEnds: Int32Array;
  /** per change, a bit per text that is null (16 bits: the TEXTS are more than 8) */
  textNulls: Uint16Array;
  /** LISTS per change: an index into `lists`, -1 for none */
  listRefs: Int32Array;
  /** each distinct list of the report once */
  lists: unknown[][];
  /** per change, where its review times start in `times` and how many there are */
  timeRefs: Int32Array;
  /** every change's `review.reviewedAt`, one after another */
  times: Float64Array;
}

/** null in an Int32Array of NUMBERS: no whole number a report holds is this one (it is packed as a Float64Array then) */
export const INT_NULL = -(2 ** 31);

/**
 * A report's changes in columns; `keepSha` says of which the landing commit's sha is kept. Pure.
 */
export function packChanges(changes: readonly ReportChange[], keepSha: (c: ReportChange) => boolean): PackedChanges {
  const count = changes.length;
  const wide = new Float64Array(count * N);
  const bits = new Uint8Array(count);
  const parts: string[] = [];
  const textEnds = new Int32Array(count * TEXTS);
  const textNulls = new Uint16Array(count);
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
  // plain loops over the table: this runs once per field of every change of an organisation
  for (let i = 0; i < count; i++) {
    const c = changes[i] as ReportChange;
    for (let f = 0; f < N; f++) wide[i * N + f] = orNaN((NUMBER_FIELDS[f] as NumberField).of(c));
    bits[i] = bitsOf(c);
    const sha = keepSha(c);
    let nulls = 0;
    for (let k = 0; k < TEXTS; k++) {
      const text = (TEXT_FIELDS[k] as TextField).of(c, urlPrefix, sha);
      if (text === null) nulls |= 1 << k;
      else {
        parts.push(text);
        textLength += text.length;
      }
      textEnds[i * TEXTS + k] = textLength;
    }
    textNulls[i] = nulls;
    for (let l = 0; l < LISTS; l++) listRefs[i * LISTS + l] = ref((LIST_FIELDS[l] as ListField).of(c));
    const reviewedAt = c.review?.reviewedAt ?? [];
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
  // indexed loops: a typed array's iterator and `Int32Array.from` with a mapping function took 11 times as long
  for (let i = 0; i < wide.length; i++) {
    const v = wide[i] as number;
    // -0 too stays wide: an Int32Array would read it back as 0
    if (!Number.isNaN(v) && ((v | 0) !== v || v === INT_NULL || Object.is(v, -0))) return wide;
  }
  const narrow = new Int32Array(wide.length);
  for (let i = 0; i < wide.length; i++) {
    const v = wide[i] as number;
    narrow[i] = Number.isNaN(v) ? INT_NULL : v;
  }
  return narrow;
}

/** The buffers of packed changes, which a worker hands over rather than copies. */
export function packedBuffers(p: PackedChanges): ArrayBuffer[] {
  return [p.numbers.buffer, p.bits.buffer, p.textEnds.buffer, p.textNulls.buffer, p.listRefs.buffer, p.timeRefs.buffer, p.times.buffer] as ArrayBuffer[];
}

/** The landing commit's sha of the i-th change, where packing kept it. */
export function shaAt(packed: Texts, i: number): string | null {
  return textAt(packed, i, TEXT.sha);
}

/** Text `k` (a place of `TEXT`) of the i-th change; null where it has none. */
export function textAt(p: Texts, i: number, k: number): string | null {
  if (((p.textNulls[i] as number) & (1 << k)) !== 0) return null;
  const at = i * TEXTS + k;
  return p.text.slice(at === 0 ? 0 : p.textEnds[at - 1], p.textEnds[at]);
}

/** List `l` (a place of `LIST`) of the i-th change; `empty` where it has none. */
export function listAt<T>(p: Texts, i: number, l: number, empty: T): T {
  const at = p.listRefs[i * LISTS + l] as number;
  return at < 0 ? empty : (p.lists[at] as T);
}

/** The number at `at` in `r`'s numbers; null where it is `r`'s null. */
export function numberAt(r: Rows, at: number): number | null {
  const v = r.numbers[at] as number;
  // NaN is never equal to itself: null in a Float64Array, where `nul` is NaN and no value is taken for it
  return v !== v || v === r.nul ? null : v;
}
