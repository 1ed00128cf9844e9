import { describe, expect, it } from 'vitest';
import { settleWithLimit } from '../../src/aggregate/run-many.js';

describe('settleWithLimit', () => {
  it('runs at most `limit` at once, keeps the order, and reports a failure in its slot', async () => {
    let running = 0;
    let peak = 0;
    const results = await settleWithLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, (7 - n) * 3));
      running -= 1;
      if (n === 3) throw new Error('not a repository');
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual([10, 20, 'not a repository', 40, 50, 60]);
    expect(results[2]).toMatchObject({ item: 3, ok: false });
  });

  it('handles no items and a limit below 1', async () => {
    expect(await settleWithLimit([], 4, async () => 1)).toEqual([]);
    expect(await settleWithLimit(['a'], 0, async (s) => s.toUpperCase())).toEqual([{ item: 'a', ok: true, value: 'A' }]);
  });
});
