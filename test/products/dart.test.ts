import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { dartPackages } from './fixture.js';

describe('Dart packages no workspace lists, a name declared twice, a gitmoji release (felangel/bloc, cfug/dio)', () => {
  const fx = audited(dartPackages);
  const { of } = fx;

  it('makes each pubspec.yaml a tag names a product, the name two manifests declare going to the one at the tag\'s version', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['bloc', ['packages/bloc'], 1],
      ['flutter_bloc', ['packages/flutter_bloc'], 0],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([['bloc-v1.1.0', 'bloc']]);
  });

  it('ships a change with its own package\'s tag, and keeps one whose package was not tagged waiting', () => {
    expect([of('r1')?.products, of('r1')?.deployedAt]).toEqual([['bloc'], '2026-03-04T12:00:00Z']);
    expect([of('r2')?.products, of('r2')?.deployedAt]).toEqual([['flutter_bloc'], null]);
  });

  it('reads the 🔖 direct push its tag is on as a release commit, listed and not counted', () => {
    const release = fx.report.changes.find((c) => c.title === '🔖 bloc v1.1.0');
    expect([release?.flags, release?.counted]).toEqual([['release-commit'], false]);
    expect(fx.report.summary.changes).toBe(3);
  });

  it('says the extension\'s tags name no package', () => {
    expect(fx.report.warnings.filter((w) => w.includes('no package of the workspace'))).toEqual([
      "1 tag names no package of the workspace and is no deploy (vscode_bloc-v6.1.0): name its product in the config's products to count it",
    ]);
  });
});
