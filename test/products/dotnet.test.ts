import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { dotnetProjects } from './fixture.js';

describe('.NET projects no manifest lists, each tagged by the MinVer prefix its .csproj declares (opentelemetry-dotnet-contrib)', () => {
  const fx = audited(dotnetProjects);
  const { of } = fx;

  it('makes a product of each project a prefix\'s tags name, and one of the projects that share a prefix', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.changes, p.deploys])).toEqual([
      ['Acme.Exporter.Geneva', ['src/Acme.Exporter.Geneva'], 1, 1],
      ['Acme.Instrumentation.AspNet', ['src/Acme.Instrumentation.AspNet', 'src/Acme.Instrumentation.AspNet.TelemetryHttpModule'], 1, 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['Instrumentation.AspNet-1.1.0', 'Acme.Instrumentation.AspNet'],
      ['Exporter.Geneva-1.1.0', 'Acme.Exporter.Geneva'],
    ]);
    expect(fx.report.warnings.filter((w) => w.includes('package'))).toEqual([]);
  });

  it('ships a change with its own project\'s tag, not with an earlier tag of another', () => {
    expect([of('r1')?.products, of('r1')?.deployedAt]).toEqual([['Acme.Exporter.Geneva'], '2026-03-06T12:00:00Z']);
    expect([of('r2')?.products, of('r2')?.deployedAt]).toEqual([['Acme.Instrumentation.AspNet'], '2026-03-04T12:00:00Z']);
  });
});
