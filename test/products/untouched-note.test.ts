import { describe, expect, it } from 'vitest';
import { untouchedNote, type ProductsRead } from '../../src/audit/products.js';
import type { Change } from '../../src/domain.js';
import { change } from '../model/data.js';

/** What the note reads of the products: which changes touched one, and whose tags are the repository's own. */
const read = (touched: string[], own: string | null): ProductsRead =>
  ({ evidence: { names: new Set(['a']), own, namedFor: null, touched: new Map(touched.map((sha) => [sha, ['a']])) } }) as unknown as ProductsRead;
const all = (): boolean => true;

describe("the note of the changes that touched no product's files", () => {
  // two merged changes touch no product, one of them not shipped by the window's end; one touches product a
  const changes: Change[] = [change('d1', { deployedAt: 100 }), change('d2', { deployedAt: null }), change('p1', { deployedAt: 100 })];

  it('counts every one of them, the unreleased too, as the row of no product does, and says how many shipped', () => {
    // changesets: the note said 67 (the ones shipped) beside a row of 69
    const note = untouchedNote(changes, read([changes[2]?.sha ?? ''], null), all);
    expect(note).toBe("2 changes of the window touched no product's files (1 of them shipped by the window's end): each ships with the first deploy of any product after it, and is of no product (in no product's row).");
    expect(untouchedNote(changes.slice(0, 1), read([], 'widget'), all)).toBe("1 change of the window touched no product's files: each ships with the repository's own tags, the deploys of widget (the products column names that product).");
  });

  it('is said even when none has shipped yet, and not at all when every change touched a product', () => {
    expect(untouchedNote([changes[1] as Change], read([], null), all)).toContain("1 change of the window touched no product's files (0 of them shipped by the window's end)");
    expect(untouchedNote([changes[2] as Change], read([changes[2]?.sha ?? ''], null), all)).toBeNull();
    // over the changes the figures count: a bot's left out is not in it
    expect(untouchedNote(changes, read([], null), (c) => c.sha !== changes[0]?.sha)).toMatch(/^2 changes .*\(1 of them shipped/);
  });
});
