import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { scopedPackageTags } from './fixture.js';

describe('scoped npm packages tagged by their name less the scope, in folders named otherwise (release-please)', () => {
  const fx = audited(scopedPackageTags);

  it('makes each package a product of its own tags: instrumentation-pg-v0.2.0 is @acme/instrumentation-pg\'s', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['@acme/host-metrics', ['packages/opentelemetry-host-metrics'], 1],
      ['@acme/instrumentation-pg', ['plugins/node/opentelemetry-instrumentation-pg'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['host-metrics-v0.2.0', '@acme/host-metrics'],
      ['instrumentation-pg-v0.2.0', '@acme/instrumentation-pg'],
    ]);
    expect(fx.report.warnings.filter((w) => w.includes('name no package'))).toEqual([]);
  });

  it('ships a change with its own package\'s tag, not with the other package\'s earlier one', () => {
    const { of } = fx;
    expect(of('s1')?.products).toEqual(['@acme/instrumentation-pg']);
    expect(of('s1')?.deployedAt).toBe('2026-03-06T12:00:00Z');
    expect(of('s2')?.deployedAt).toBe('2026-03-04T12:00:00Z');
  });
});
