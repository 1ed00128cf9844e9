import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { rush } from './fixture.js';

describe('a Rush monorepo: rush.json lists the projects, `rush publish` tags them name_v1.2.3', () => {
  const fx = audited(rush);
  const { of } = fx;

  it('makes each project rush.json lists a product of its own `_v` tags', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['@acme/cli', ['apps/cli'], 1],
      ['@acme/core', ['libraries/core'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['@acme/core_v2.1.0', '@acme/core'],
      ['@acme/cli_v1.1.0', '@acme/cli'],
    ]);
  });

  it('ships a change with its own project\'s tag; a folder rush.json does not list is no project\'s', () => {
    expect([of('u1')?.products, of('u1')?.deployedAt]).toEqual([['@acme/cli'], '2026-03-06T12:00:00Z']);
    expect([of('u2')?.products, of('u2')?.deployedAt]).toEqual([['@acme/core'], '2026-03-04T12:00:00Z']);
    expect([of('u3')?.products, of('u3')?.deployedAt]).toEqual([[], '2026-03-06T12:00:00Z']);
    expect(fx.report.warnings.filter((w) => w.includes('package'))).toEqual([]);
  });
});
