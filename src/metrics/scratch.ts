/**
 * Scratch arrays lent to one computation at a time. The distributions, Kaplan–Meier and the bootstrap read
 * hundreds of thousands of values, many times over an organisation: a new array per call was megabytes of
 * garbage each time, so each module keeps a pool and reuses what it lent. A computation borrows what it needs
 * and gives it back when done; one started while the arrays are lent (a `value` callback that takes a
 * distribution itself) finds none spare and gets new ones, so two computations at once never share an array.
 * Synchronous callers only: an array is lent for the length of a call.
 */
export class ScratchPool {
  readonly #spares: Float64Array[] = [];

  /** @param keep how many arrays the pool holds on to between computations */
  constructor(private readonly keep: number) {}

  /** An array of at least `length` values, the caller's alone until it gives it back. */
  borrow(length: number): Float64Array {
    const spare = this.#spares.pop();
    if (spare !== undefined && spare.length >= length) return spare;
    // grown by doubling, so a run of slowly growing inputs does not allocate every time
    return new Float64Array(Math.max(length, 2 * (spare?.length ?? 512)));
  }

  /** Takes back what `borrow` lent; the caller no longer reads it. */
  giveBack(array: Float64Array): void {
    if (this.#spares.length < this.keep) this.#spares.push(array);
  }
}
