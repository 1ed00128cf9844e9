export type Settled<T, R> = { item: T; ok: true; value: R } | { item: T; ok: false; error: unknown };

/**
 * Runs `task` over every item with at most `limit` at once, and waits for all: one that fails is reported
 * in its slot, the rest still run. Results come back in the items' order.
 */
export async function settleWithLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<Array<Settled<T, R>>> {
  const results = new Array<Settled<T, R>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      try {
        results[index] = { item, ok: true, value: await task(item, index) };
      } catch (error) {
        results[index] = { item, ok: false, error };
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
