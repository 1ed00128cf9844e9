import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { helmCharts } from './fixture.js';

describe('Helm charts no manifest lists, each tagged `name-1.2.3` by chart-releaser from its Chart.yaml (prometheus-community/helm-charts)', () => {
  const fx = audited(helmCharts);
  const { of } = fx;

  it('makes each chart a tag names a product of its tags, its subcharts part of it', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys]).sort()).toEqual([
      ['alpha', ['charts/alpha'], 1],
      ['beta', ['charts/beta'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['beta-2.1.0', 'beta'],
      ['alpha-1.1.0', 'alpha'],
    ]);
    expect(fx.report.warnings.filter((w) => w.includes('package'))).toEqual([]);
  });

  it('ships a chart\'s change with its own chart\'s tag, not with an earlier tag of another', () => {
    expect([of('r1')?.products, of('r1')?.deployedAt]).toEqual([['alpha'], '2026-03-06T12:00:00Z']);
    expect([of('r2')?.products, of('r2')?.deployedAt]).toEqual([['beta'], '2026-03-04T12:00:00Z']);
  });
});
