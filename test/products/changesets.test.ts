import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { changesets } from './fixture.js';

describe('a changesets workspace whose CLI is built from code outside its package folder', () => {
  const fx = audited(changesets);
  const { of } = fx;

  it('puts a change in the product its changeset names, and ships it with that product\'s deploy', () => {
    // e1 touched only engine/: by its files alone it would have shipped with api's tag on Mar 4, in no row
    expect(of('e1')?.products).toEqual(['@acme/cli']);
    expect(of('e1')?.deployedAt).toBe('2026-03-05T12:00:00Z');
    expect(of('a1')?.products).toEqual(['@acme/api']);
    // a `none` bump releases nothing: e3 is api's alone, and waits for its next tag
    expect(of('e3')?.products).toEqual(['@acme/api']);
    expect(of('e3')?.deployedAt).toBeNull();
  });

  it('reads only the changesets a change adds, none of a rename, and none of a change of changesets alone', () => {
    // f1 adds one and nothing else; f2 rewrites e3's, which its parent already had; f3 renames it; f4 moves one
    // out of .changeset/pre/
    expect(of('f1')?.products ?? []).toEqual([]);
    expect(of('f2')?.products ?? []).toEqual([]);
    expect(of('f3')?.products ?? []).toEqual([]);
    expect(of('f4')?.products ?? []).toEqual([]);
  });

  it('leaves a change with no changeset and no product\'s files in no row, and says so', () => {
    expect(of('e2')?.products ?? []).toEqual([]);
    expect(of('e2')?.deployedAt).toBe('2026-03-04T12:00:00Z');
    // e2 (shipped with api's tag), f1 to f4 (after the last deploy)
    expect(fx.report.notes).toContain("5 changes of the window touched no product's files and named none in a changeset (1 of them shipped by the window's end): each ships with the first deploy of any product after it, and is of no product (in no product's row).");
  });
});
