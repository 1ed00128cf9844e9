import { describe, expect, it } from 'vitest';
import { audited } from './audited.js';
import { markerBesideOwn, outsideWorkspace, unlisted, unreadBesideOwn } from './fixture.js';

describe('a monorepo whose packages no workspace manifest lists, each tagged by its name (langchain-aws, langgraph)', () => {
  const fx = audited(unlisted);
  const { of } = fx;

  it('makes each folder whose own manifest a tag names a product of those tags, Python\'s `name==1.2.3` among them', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['@acme/cli', ['libs/cli'], 1],
      ['acme-aws', ['libs/aws'], 1],
      ['acme-checkpoint', ['libs/checkpoint'], 1],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([
      ['acme-checkpoint==0.2.0', 'acme-checkpoint'],
      ['acme-aws==1.1.0', 'acme-aws'],
      ['cli@0.2.0', '@acme/cli'],
    ]);
  });

  it('ships a change with its own package\'s tag, not with another package\'s earlier one', () => {
    expect(of('r1')?.products).toEqual(['acme-aws']);
    expect(of('r1')?.deployedAt).toBe('2026-03-06T12:00:00Z');
    expect(of('r2')?.deployedAt).toBe('2026-03-04T12:00:00Z');
    // libs/cli/tests/cli is named `cli` too, by its folder: the package holding it is the one the tag names
    expect(of('r3')?.products).toEqual(['@acme/cli']);
    expect(of('r3')?.deployedAt).toBe('2026-03-07T12:00:00Z');
  });

  it('takes no folder when a tag\'s name names two apart, and says the tag is no deploy', () => {
    expect(of('r4')?.products ?? []).toEqual([]);
    expect(of('r4')?.deployedAt).toBeNull();
    expect(fx.report.warnings.filter((w) => w.includes('no package of the workspace'))).toEqual([
      "1 tag names no package of the workspace and is no deploy (fmt@1.0.0): name its product in the config's products to count it",
    ]);
  });
});

describe('a monorepo whose packages hold no manifest flowaudit reads (Nx\'s project.json alone)', () => {
  const fx = audited(() => unlisted({ nx: true }));

  it('is read as one product, and says that its tags name packages it could not find', () => {
    expect(fx.report.summary.products ?? null).toBeNull();
    // one product: r1 ships with the next tag of any package, acme-checkpoint==0.2.0
    expect(fx.report.changes.find((c) => c.title === 'r1')?.deployedAt).toBe('2026-03-04T12:00:00Z');
    expect(fx.report.warnings.filter((w) => w.includes('workspace manifest'))).toEqual([
      "the window's tags name 4 packages (acme-aws, acme-checkpoint, cli, fmt) that no workspace manifest lists and no folder's own manifest flowaudit reads is named by: the repository is read as one product, each change shipped by the next tag of any of them; name each package's paths in the config's products to read them apart",
    ]);
  });
});

describe('tags of one package no package of the workspace is named by, beside the repository\'s own (pydantic\'s `core-v2.48.0` beside `v2.13.4`)', () => {
  const fx = audited(unreadBesideOwn);

  it('is read as one product, and says that those tags ship the changes of the one product read', () => {
    expect(fx.report.summary.products ?? null).toBeNull();
    expect(fx.of('c1')?.deployRef).toBe('core-v2.1.0');
    expect(fx.report.warnings.filter((w) => w.includes('named by'))).toEqual([
      "the window's tags name a package, core (core-v2.1.0), that no package of the workspace is named by (acme-engine is not), beside acme's: the repository is read as one product, each change shipped by the next tag of either; name that package's paths in the config's products to read them apart",
    ]);
  });
});

describe('tags of one name no package of the workspace is named by, beside the repository\'s own, that ship nothing (nomad\'s `ent-changelog-1.11.8`)', () => {
  const fx = audited(markerBesideOwn);

  it('say nothing of them: no figure rests on them', () => {
    expect(fx.of('c1')?.deployRef).toBe('v1.1.0');
    expect(fx.report.deploys.map((d) => d.ref)).toEqual(['v1.1.0']);
    expect(fx.report.warnings.filter((w) => w.includes('named by'))).toEqual([]);
  });
});

describe('tags of one package no package of the workspace is named by, and no product read beside them', () => {
  const fx = audited(() => unreadBesideOwn({ own: false }));

  it('say nothing of it: they are the repository\'s one line of tags in the window', () => {
    expect(fx.report.summary.products ?? null).toBeNull();
    expect(fx.of('c1')?.deployRef).toBe('core-v2.1.0');
    expect(fx.report.warnings.filter((w) => w.includes('named by'))).toEqual([]);
  });
});

describe('a package outside the workspace a manifest lists, tagged by its name (opentelemetry-python-contrib\'s resource detectors)', () => {
  const fx = audited(outsideWorkspace);

  it('is a product of its own tags, and ships its changes with them', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys]).sort()).toEqual([
      ['acme-instrumentation-flask', ['instrumentation/flask'], 1],
      ['acme-resource-detector-azure', ['resource/azure'], 1],
    ]);
    expect([fx.of('r1')?.products, fx.of('r1')?.deployedAt]).toEqual([['acme-resource-detector-azure'], '2026-03-06T12:00:00Z']);
    expect(fx.report.warnings.filter((w) => w.includes('package'))).toEqual([]);
  });
});
