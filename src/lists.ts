/*
 * Lists as long as their input, handled without spreading them into a call: `Math.max(...list)` and
 * `push(...list)` put every item on the stack as an argument, and past about 125,000 of them (fewer on a deeper
 * stack) throw `Maximum call stack size exceeded`. An events file, a history or a report is that long.
 * `npm run lint` refuses such a spread into Math.max/min, push and the like (eslint.config.js).
 */

/** `Math.max(...values)`: the largest, NaN when one is NaN, -Infinity when there is none. */
export function largest(values: Iterable<number>): number {
  let out = -Infinity;
  for (const v of values) out = Math.max(out, v);
  return out;
}

/** `Math.min(...values)`: the smallest, NaN when one is NaN, Infinity when there is none. */
export function smallest(values: Iterable<number>): number {
  let out = Infinity;
  for (const v of values) out = Math.min(out, v);
  return out;
}

/** Appends `items` to `target` one at a time; returns `target`. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
