import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { wordTags } from './fixture.js';

describe('a package tagged by the word its name adds to the repository\'s (pydantic\'s `core-v2.48.0` of pydantic_core)', () => {
  const fx = audited(wordTags);
  const { of } = fx;

  it('makes a product of it beside the root package the repository\'s own tags version', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['acme', ['.'], 1],
      ['acme_core', ['acme-core'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['core-v2.1.0', 'acme_core'],
      ['v1.1.0', 'acme'],
    ]);
  });

  it('ships the root package\'s changes with its own tags, not with the word\'s', () => {
    expect([of('c1')?.products, of('c1')?.deployRef]).toEqual([['acme'], 'v1.1.0']);
    expect([of('c2')?.products, of('c2')?.deployRef]).toEqual([['acme_core'], 'core-v2.1.0']);
    expect([of('c4')?.products, of('c4')?.deployRef]).toEqual([['acme'], 'v1.1.0']);
  });

  it('is no product by a word whose tags carry a version its manifest does not (biome\'s `cli/v1.9.4` of biome_cli at 0.0.0)', () => {
    expect([of('c3')?.products, of('c3')?.deployRef]).toEqual([['acme'], 'v1.1.0']);
    expect(fx.report.warnings.filter((w) => w.includes('cli-v1.9.4'))).toHaveLength(1);
  });
});
