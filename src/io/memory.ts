import { createRequire } from 'node:module';
import type * as V8 from 'node:v8';
import type * as Vm from 'node:vm';

// node:v8 is loaded when first needed, not with the module: only a large history collects, and it costs
// every run 3.5 ms
const require = createRequire(import.meta.url);

let collect: (() => void) | null = null;

/**
 * A full garbage collection, now: called where a large structure was just let go (the commits once the
 * changes are built, the model once the report is). V8 sizes the heap from what was live at its last full
 * collection; left to itself on a large history it collects late and lets the heap grow to two or three
 * times the live data, which made the peak memory. A collection costs tens of milliseconds.
 */
export function collectGarbage(): void {
  if (collect === null) {
    // the flag gives new contexts a `gc` function; this process's own global is left as it was
    const { setFlagsFromString } = require('node:v8') as typeof V8;
    const { runInNewContext } = require('node:vm') as typeof Vm;
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * From now on the heap grows by at most a fifth past what was live at its last full collection, where V8 would
 * let it grow to two or three times that: for a long computation that makes many short-lived objects that live
 * long enough to be promoted (an organisation's figures read through views of packed changes, a large
 * history's model and report), more full collections for a lower peak. A V8 flag: it holds for the rest of the
 * process, which for the CLI is the rest of the run.
 */
export function growHeapSlowly(): void {
  const { setFlagsFromString } = require('node:v8') as typeof V8;
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * `collectGarbage` once the event loop has closed the handles of the processes that just ended: until then
 * a finished git's pipe still holds the reader's closures, and with them everything it read.
 */
export async function collectGarbageAfterIo(): Promise<void> {
  // close callbacks run after this turn's setImmediate callbacks: the second one comes after them
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
  collectGarbage();
}
