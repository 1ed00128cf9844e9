import { describe, expect, it } from 'vitest';
import { paginate, type Page } from '../../../src/sources/github/pager.js';

const pages = (...lists: number[][]): Map<string | null, Page<number>> =>
  new Map(lists.map((nodes, i) => [i === 0 ? null : `c${i}`, { nodes, hasNextPage: i < lists.length - 1, endCursor: `c${i + 1}`, sent: nodes.length, totalCount: null }]));
const quiet = { label: 'n', warn: () => undefined };

async function collect(gen: AsyncGenerator<number[]>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const page of gen) out.push(page);
  return out;
}

describe('paginate', () => {
  it('fetches page after page, lazily, following the cursor', async () => {
    const book = pages([5, 4], [3, 2], [1]);
    const asked: Array<string | null> = [];
    const fetchPage = async (cursor: string | null) => {
      asked.push(cursor);
      return book.get(cursor) as Page<number>;
    };
    expect(await collect(paginate(fetchPage, quiet))).toEqual([[5, 4], [3, 2], [1]]);
    expect(asked).toEqual([null, 'c1', 'c2']);
  });

  it('starts from a page already fetched', async () => {
    const book = pages([5, 4], [3, 2]);
    const asked: Array<string | null> = [];
    const got = await collect(paginate(async (c) => (asked.push(c), book.get(c) as Page<number>), { ...quiet, firstPage: book.get(null) }));
    expect(got).toEqual([[5, 4], [3, 2]]);
    expect(asked).toEqual(['c1']);
  });

  it('stops early at the first node the predicate marks, without fetching further', async () => {
    const book = pages([9, 8], [7, 3], [2, 1]);
    const asked: Array<string | null> = [];
    const got = await collect(paginate(async (c) => (asked.push(c), book.get(c) as Page<number>), { ...quiet, stopAt: (n) => n < 5 }));
    expect(got).toEqual([[9, 8], [7]]);
    expect(asked).toEqual([null, 'c1']);
    expect(await collect(paginate(async (c) => book.get(c) as Page<number>, { ...quiet, stopAt: () => true }))).toEqual([]);
  });

  /** Pages served by `next(cursor, call)` until paging stops; what was asked and warned. */
  async function run(next: (cursor: string | null, call: number) => Page<number>) {
    const asked: Array<string | null> = [];
    const warnings: string[] = [];
    const got = await collect(paginate(async (c) => next(c, asked.push(c)), { label: 'merged pull requests', warn: (w) => warnings.push(w) }));
    return { got, asked, warnings };
  }
  const page = (nodes: number[], endCursor: string | null, totalCount: number | null = null): Page<number> => ({ nodes, hasNextPage: true, endCursor, sent: nodes.length, totalCount });

  it('stops with a warning when a cursor comes back, whether it stands still or alternates', async () => {
    const still = await run(() => page([1], 'same'));
    expect(still.asked).toEqual([null, 'same']);
    expect(still.warnings).toEqual(["GitHub's paging of merged pull requests came back to a cursor it had given before: stopped there, so the list may be incomplete"]);
    const alternating = await run((_c, call) => page([call], call % 2 === 0 ? 'a' : 'b'));
    expect(alternating.asked).toEqual([null, 'b', 'a']);
    expect(alternating.got).toEqual([[1], [2], [3]]);
    expect((await run(() => page([1], null))).asked).toEqual([null]);
  });

  it('stops at an empty page that claims more, however fresh its cursor', async () => {
    const r = await run((_c, call) => page(call === 1 ? [9] : [], `fresh${call}`));
    expect(r.asked).toEqual([null, 'fresh1']);
    expect(r.warnings).toEqual(['GitHub sent an empty page of merged pull requests that claims more: stopped there, so the list may be incomplete']);
  });

  it('stops once past the count GitHub gave by a tenth of it, or by the largest page', async () => {
    // 300 counted, pages of 50: stops when 350 were sent (a list that grows by a few while paged completes)
    const r = await run((_c, call) => page(Array.from({ length: 50 }, (_, i) => call * 100 + i), `c${call}`, 300));
    expect(r.asked).toHaveLength(7);
    expect(r.warnings).toEqual(['GitHub kept paging merged pull requests past the 300 it counts: stopped after 350']);
    // 2000 counted, pages of 50: the margin is 200
    expect((await run((_c, call) => page(Array.from({ length: 50 }, (_, i) => i), `c${call}`, 2000))).asked).toHaveLength(44);
  });
});
