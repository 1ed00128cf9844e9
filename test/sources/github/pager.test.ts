import { describe, expect, it } from 'vitest';
import { GitHubError } from '../../../src/errors.js';
import { paginate, type Page } from '../../../src/sources/github/pager.js';

const pages = (...lists: number[][]): Map<string | null, Page<number>> =>
  new Map(lists.map((nodes, i) => [i === 0 ? null : `c${i}`, { nodes, hasNextPage: i < lists.length - 1, endCursor: `c${i + 1}` }]));

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
    expect(await collect(paginate(fetchPage, { label: 'n' }))).toEqual([[5, 4], [3, 2], [1]]);
    expect(asked).toEqual([null, 'c1', 'c2']);
  });

  it('starts from a page already fetched', async () => {
    const book = pages([5, 4], [3, 2]);
    const asked: Array<string | null> = [];
    const got = await collect(paginate(async (c) => (asked.push(c), book.get(c) as Page<number>), { label: 'n', firstPage: book.get(null) }));
    expect(got).toEqual([[5, 4], [3, 2]]);
    expect(asked).toEqual(['c1']);
  });

  it('stops early at the first node the predicate marks, without fetching further', async () => {
    const book = pages([9, 8], [7, 3], [2, 1]);
    const asked: Array<string | null> = [];
    const got = await collect(paginate(async (c) => (asked.push(c), book.get(c) as Page<number>), { label: 'n', stopAt: (n) => n < 5 }));
    expect(got).toEqual([[9, 8], [7]]);
    expect(asked).toEqual([null, 'c1']);
    expect(await collect(paginate(async (c) => book.get(c) as Page<number>, { label: 'n', stopAt: () => true }))).toEqual([]);
  });

  it('throws when the cursor does not move (or is missing) instead of looping', async () => {
    const stuck = async () => ({ nodes: [1], hasNextPage: true, endCursor: 'same' });
    const gen = paginate(stuck, { label: 'merged pull requests' });
    await expect(collect(gen)).rejects.toThrow(GitHubError);
    await expect(collect(paginate(stuck, { label: 'merged pull requests' }))).rejects.toThrow(/pagination of merged pull requests did not move past cursor "same"/);
    await expect(collect(paginate(async () => ({ nodes: [1], hasNextPage: true, endCursor: null }), { label: 'x' }))).rejects.toThrow(/did not move past cursor null/);
  });
});
