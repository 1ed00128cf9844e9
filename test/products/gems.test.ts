import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { rubyGems } from './fixture.js';

describe('Ruby gems no manifest lists, each tagged by its gemspec\'s name (opentelemetry-ruby-contrib)', () => {
  const fx = audited(rubyGems);
  const { of } = fx;

  it('makes each folder whose gemspec a tag names a product of those tags', () => {
    // the table's order: most changes first
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.changes, p.deploys])).toEqual([
      ['opentelemetry-instrumentation-redis', ['instrumentation/redis'], 2, 1],
      ['opentelemetry-instrumentation-pg', ['instrumentation/pg'], 1, 1],
    ]);
    expect(fx.report.warnings.filter((w) => w.includes('workspace'))).toEqual([]);
  });

  it('ships a gem\'s change with its own gem\'s tag, not with another gem\'s tag on a later commit', () => {
    expect([of('r1')?.products, of('r1')?.deployedAt]).toEqual([['opentelemetry-instrumentation-pg'], '2026-03-04T12:00:00Z']);
    expect([of('r2')?.products, of('r2')?.deployedAt]).toEqual([['opentelemetry-instrumentation-redis'], '2026-03-06T12:00:00Z']);
  });
});
