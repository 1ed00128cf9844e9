import type { MeasuredChange } from '../../domain.js';
import { INT_NULL, numberAt, type PackedChanges, type Rows, type Texts } from './columns.js';
import { N, NUMBER } from './fields.js';
import { PackedChange, type Part } from './views.js';

/*
 * Many reports' rows of NUMBERS and flags (columns.ts), held in blocks as each report is read and listed at
 * the end in the order of their merges, each change a view (views.ts) of its row.
 */

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
  /** when the report they were read from was made (`MeasuredChange.seenUntil`) */
  seenUntil?: number;
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

  /** how many changes are held */
  get length(): number {
    return this.count;
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
        mergedAt[e] = numberAt(this.row(row), this.offset(row) * N + NUMBER.mergedAt) ?? 0;
      }
    });
    const order = mergeOrder(mergedAt);
    // where each row held goes: the k-th change listed to k, the rows not listed after them
    const to = new Int32Array(this.count).fill(-1);
    for (let k = 0; k < count; k++) to[rowOf[order[k] as number] as number] = k;
    let rest = count;
    for (let row = 0; row < this.count; row++) if (to[row] === -1) to[row] = rest++;
    this.permute(to);
    const sources = parts.map((part): Part => ({ ...part.held.texts, repository: part.repository, ...(part.seenUntil !== undefined && { seenUntil: part.seenUntil }) }));
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

