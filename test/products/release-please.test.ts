import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { releasePlease, releasePleaseMaven } from './fixture.js';

describe('a release-please monorepo whose packages only its release-please config names', () => {
  const fx = audited(releasePlease);
  const { of } = fx;

  it('makes each package the config names a product of its own tags: by its name less its scope, its component, its Python project\'s name', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['@acme/engine', ['libs/shared/engine'], 1],
      ['@acme/flagd-provider', ['libs/providers/flagd'], 1],
      ['acme-sdk', ['python/sdk'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['core-v1.1.0', '@acme/engine'],
      ['flagd-provider-v0.2.0', '@acme/flagd-provider'],
      ['acme-sdk/v1.1.0', 'acme-sdk'],
    ]);
  });

  it('ships a change with its own package\'s tag, not with another package\'s earlier one', () => {
    expect(of('r1')?.products).toEqual(['@acme/flagd-provider']);
    expect(of('r1')?.deployedAt).toBe('2026-03-06T12:00:00Z');
    expect(of('r2')?.deployedAt).toBe('2026-03-04T12:00:00Z');
    expect(of('r3')?.products).toEqual(['acme-sdk']);
    expect(of('r3')?.deployedAt).toBe('2026-03-08T12:00:00Z');
  });

  it('leaves a folder holding no file flowaudit reads (a Gradle module) out of the products, and says its tag names none', () => {
    // taken as a package, java/client would be a product of its tag, and r4 its change, shipped on Mar 9
    expect(of('r4')?.products ?? []).toEqual([]);
    expect(of('r4')?.deployedAt).toBe('2026-03-08T12:00:00Z');
    expect(fx.report.warnings.filter((w) => w.includes('no package of the workspace'))).toEqual([
      "1 tag names no package of the workspace and is no deploy (client-v1.0.0): name its product in the config's products to count it",
    ]);
  });
});

describe('a release-please monorepo of Maven modules, released as the simple and Maven types under their package-names', () => {
  const fx = audited(releasePleaseMaven);
  const { of } = fx;

  it('makes the root and each module a product of its package-name\'s tags, whether it holds a version.txt or a pom.xml alone', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['com.acme.parent', ['.'], 1],
      ['com.acme.providers.flagd', ['providers/flagd'], 1],
      ['com.acme.tools.core', ['tools/core'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['com.acme.tools.core-v1.1.0', 'com.acme.tools.core'],
      ['com.acme.providers.flagd-v0.2.0', 'com.acme.providers.flagd'],
      ['com.acme.parent-v1.1.0', 'com.acme.parent'],
    ]);
  });

  it('ships each change with its own module\'s tag; a folder the config does not release is the root\'s', () => {
    expect([of('j1')?.products, of('j1')?.deployedAt]).toEqual([['com.acme.providers.flagd'], '2026-03-06T12:00:00Z']);
    expect([of('j2')?.products, of('j2')?.deployedAt]).toEqual([['com.acme.tools.core'], '2026-03-04T12:00:00Z']);
    expect([of('j3')?.products, of('j3')?.deployedAt]).toEqual([['com.acme.parent'], '2026-03-08T12:00:00Z']);
    expect([of('j4')?.products, of('j4')?.deployedAt]).toEqual([['com.acme.parent'], '2026-03-08T12:00:00Z']);
  });

  it('makes no package of a released folder holding neither file, and says its tag names none', () => {
    expect(fx.report.warnings.filter((w) => w.includes('no package'))).toEqual([
      "1 tag names no package of the workspace and is no deploy (module-v1.0.0): name its product in the config's products to count it",
    ]);
  });
});
