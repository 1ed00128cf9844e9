import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { shortTags } from './fixture.js';

describe('packages tagged by their names less the repository\'s, without hyphens (langgraph\'s `checkpointpostgres==3.1.2`)', () => {
  const fx = audited(shortTags);
  const { of } = fx;

  it('makes a product of each package its short tags name, and of the one named for the repository its bare versions', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys]).sort()).toEqual([
      ['langgraph', ['libs/langgraph'], 1],
      ['langgraph-checkpoint', ['libs/checkpoint'], 1],
      ['langgraph-checkpoint-postgres', ['libs/checkpoint-postgres'], 1],
      ['langgraph-sdk', ['libs/sdk-py'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['checkpointpostgres==2.0.1', 'langgraph-checkpoint-postgres'],
      ['sdk==0.1.1', 'langgraph-sdk'],
      ['1.0.1', 'langgraph'],
      ['checkpoint==2.1.0', 'langgraph-checkpoint'],
    ]);
    expect(fx.report.warnings.filter((w) => w.includes('package'))).toEqual([]);
  });

  it('ships a change with its own package\'s tag, not with an earlier tag of another', () => {
    expect([of('r1')?.products, of('r1')?.deployedAt]).toEqual([['langgraph-sdk'], '2026-03-06T12:00:00Z']);
    expect([of('r2')?.products, of('r2')?.deployedAt]).toEqual([['langgraph-checkpoint-postgres'], '2026-03-04T12:00:00Z']);
    expect([of('r3')?.products, of('r3')?.deployedAt]).toEqual([['langgraph'], '2026-03-07T12:00:00Z']);
    expect([of('r4')?.products, of('r4')?.deployedAt]).toEqual([['langgraph-checkpoint'], '2026-03-09T12:00:00Z']);
  });
});
