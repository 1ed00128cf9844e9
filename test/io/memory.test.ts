import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/io/memory.js';

describe('collectGarbage', () => {
  it('collects, there and then, what nothing holds any more', async () => {
    const ref = ((): WeakRef<object> => new WeakRef({ values: new Array(10_000).fill(1) }))();
    // a WeakRef holds its target until the job that made it ends
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref() === undefined).toBe(true);
  });
});
