import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { sliceReports } from '../../src/commands/slicing.js';
import { parseSlice } from '../../src/model/slices.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { audited } from './audited.js';
import { bornAndGone, formerlyTagged, goModules, moduleMadeInWindow, goneBeforeWindow, goneByMerge, goneLongBefore, movedInWindow, movedMainPackage, movedPackage, ownTags, removedButPatched, removedPackage, WINDOW } from './fixture.js';

const DAY = 86400;
const deployedAt = (report: Report, title: string) => report.changes.find((c) => c.title === title)?.deployedAt;

describe('a workspace whose main package is tagged v1.2.3, beside scoped packages under a nested glob', () => {
  const fx = audited(ownTags);

  it('makes the package whose manifest carries the version the product of the repository\'s own tags, with its row', () => {
    // widget's changes: c1, c3, c4, c5 (no product's: the own tags') and c6; its `release widget 1.1.0` and 1.2.0,
    // tagged v1.1.0 and v1.2.0, are release commits
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.changes, p.deploys, p.unreleased])).toEqual([
      ['widget', ['packages/widget'], 5, 2, 1],
      ['@widget/react', ['packages/integrations/react'], 1, 1, 0],
      ['@widget/vue', ['packages/integrations/vue'], 1, 1, 0],
    ]);
    expect(renderText(fx.report, { color: false, width: 120 })).toMatch(/│ widget +│ +5 │ +2 │/);
  });

  it('ships each change with its own product\'s first deploy, and one touching no product with the repository\'s own tags', () => {
    expect(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((t) => deployedAt(fx.report, t))).toEqual([
      '2026-03-07T12:00:00Z', '2026-03-05T12:00:00Z', '2026-03-07T12:00:00Z', '2026-03-11T12:00:00Z', '2026-03-15T12:00:00Z', null,
    ]);
    // c3 waited 3 days for widget's tag, not 1 for react's
    expect(fx.report.changes.find((c) => c.title === 'c3')?.leadTime).toBe(4 * DAY);
    expect(fx.report.changes.find((c) => c.title === 'c3')?.products).toEqual(['widget']);
    // the counted changes each shipped first: v1.1.0 c1 and c3 (not its release commit), v1.2.0 c4 and c5
    expect(fx.report.deploys.map((d) => [d.ref, d.product, d.changes])).toEqual([
      ['@widget/react@1.1.0', '@widget/react', 1],
      ['v1.1.0', 'widget', 2],
      ['@widget/vue@1.1.0', '@widget/vue', 1],
      ['v1.2.0', 'widget', 2],
    ]);
  });

  it('counts a tag that names no package of the workspace as no deploy, in one warning, and says how many changes touched no product', () => {
    expect(fx.report.warnings.filter((w) => w.includes('no package of the workspace'))).toEqual([
      "1 tag names no package of the workspace and is no deploy (@widget/internal@0.2.0): name its product in the config's products to count it",
    ]);
    // the signal says how many tags it read, as `git tag` lists them: the 8, the one naming no package too
    expect(fx.report.deploySignal.detail).toMatch(/^8 final release tags matching /);
    expect(fx.report.notes).toContain("2 changes of the window touched no product's files: each ships with the repository's own tags, the deploys of widget (the products column names that product).");
  });
});

describe('a Go repository with a nested module and no go.work', () => {
  const fx = audited(goModules);

  it('makes each module a product: the root module the repository\'s own tags\', the nested one its path-prefixed tags\'', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['example.com/kit', ['.'], 1],
      ['example.com/kit/api', ['api'], 1],
    ]);
    expect([deployedAt(fx.report, 'g1'), deployedAt(fx.report, 'g2')]).toEqual(['2026-03-05T12:00:00Z', '2026-03-06T12:00:00Z']);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([['api/v1.1.0', 'example.com/kit/api'], ['v1.1.0', 'example.com/kit']]);
  });
});

describe('a folder made a module of its own in the window', () => {
  const fx = audited(moduleMadeInWindow);

  it('leaves a change made there before the module to the module it was then part of, and its release', () => {
    // a1 touched api/ a week before api/go.mod existed: the root module's change, shipped by v1.1.0 two days later,
    // not waiting for api/v1.0.0
    expect(fx.of('a1')?.products).toEqual(['example.com/kit']);
    expect(deployedAt(fx.report, 'a1')).toBe('2026-03-05T12:00:00Z');
    // once it is made, the module's own: m1 (its go.mod) and a2 ship with api/v1.0.0
    expect(fx.of('a2')?.products).toEqual(['example.com/kit/api']);
    expect(fx.report.deploys.filter((d) => d.ref === 'api/v1.0.0').map((d) => d.changes)).toEqual([2]);
  });
});

describe('a package removed within the window, and own tags older than the history read', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = removedPackage();
    report = await audit({ path: repo.dir, ...WINDOW });
  });
  afterAll(() => repo.cleanup());

  it('keeps the removed package a product, its tag a deploy, and ships a change of no product with the first deploy of any', () => {
    expect(report.summary.products?.map((p) => p.name).sort()).toEqual(['a', 'old']);
    expect(report.deploys.map((d) => [d.ref, d.product])).toEqual([['old@1.1.0', 'old'], ['a@1.1.0', 'a']]);
    expect([deployedAt(report, 'd1'), deployedAt(report, 'd2')]).toEqual(['2026-03-03T12:00:00Z', '2026-03-07T12:00:00Z']);
    // the removal of old is no release of old, which has none after it: of no product, it ships with a@1.1.0
    expect(deployedAt(report, 'gone')).toBe('2026-03-07T12:00:00Z');
    expect(report.warnings).toEqual([]);
    expect(report.notes).toContain("2 changes of the window touched no product's files: each ships with the first deploy of any product after it, and is of no product (in no product's row).");
  });

  it('counts in the note of changes touching no product the changes the figures count: the bot\'s only with --include-bots', async () => {
    // d2, the removal of old and dependabot's bump touch no product; the bump is left out of the figures, so of the note too
    const note = (r: Report) => r.notes.find((n) => n.includes("touched no product's files"));
    expect([report.summary.changes, note(report)?.split(' of the window')[0]]).toEqual([3, '2 changes']);
    const withBots = await audit({ path: repo.dir, ...WINDOW, includeBots: true });
    expect([withBots.summary.changes, note(withBots)?.split(' of the window')[0]]).toEqual([4, '3 changes']);
  });
});

describe('packages tagged on their own years ago, released now by the repository\'s own tags', () => {
  const fx = audited(formerlyTagged);

  it('makes no product of a package last tagged years before the window: its change ships with the release that carries it', () => {
    // one product left (the CLI, by the own tags): a repository of one product, every tag a deploy of everything
    expect(fx.report.summary.products).toBeUndefined();
    expect([deployedAt(fx.report, 'e1'), deployedAt(fx.report, 'e2')]).toEqual(['2026-03-05T12:00:00Z', '2026-03-05T12:00:00Z']);
    expect(fx.report.summary.unreleased.count).toBe(0);
    // e1 and e2; `release tool 1.1.0`, tagged v1.1.0, is a release commit
    expect(fx.report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.1.0', 2]]);
  });
});

describe('a package moved to another folder before the window, its name kept', () => {
  const fx = audited(movedPackage);

  it('keeps its earlier folder its own: the previous period\'s change there is b\'s, shipped by b@1.1.0, not by a\'s earlier tag', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths])).toEqual([['b', ['packages/b', 'plugins/b']]]);
    // February, as of its end: p1, authored Feb 2, shipped by b@1.1.0 on Feb 5 (3d), not by a@1.1.0 on Feb 4 (2d);
    // the move, Feb 20, still waiting on Mar 1 (b@1.2.0 ships it on Mar 4): Kaplan–Meier's median is p1's 3d
    expect(fx.report.summary.previous?.rows?.find((r) => r.key === 'dora.leadTime')?.before).toBe(3 * DAY);
  });
});

describe('a package born in the window and moved to another folder before its end, its name kept', () => {
  describe.each([
    ['listed by the workspace', true],
    ['listed by no workspace until it moved', false],
  ])('%s', (_, listed) => {
    const fx = audited(() => movedInWindow({ listed }));

    it('keeps the folder it was born in its own: q1 there is b\'s, shipped by b@1.0.0, and b\'s history starts at its birth', () => {
      const b = fx.report.summary.products?.find((p) => p.name === 'b');
      expect(b?.paths).toEqual(['packages/b', 'plugins/b']);
      expect(b?.deploys).toBe(2);
      expect(b?.historyFrom).toBe('2026-03-02T12:00:00Z');
      const q1 = fx.report.changes.find((c) => c.title === 'q1');
      expect(q1?.products).toEqual(['b']);
      expect(q1?.deployedAt).toBe('2026-03-04T12:00:00Z');
      expect(fx.report.deploys.map((d) => d.ref)).toEqual(['b@1.0.0', 'b@1.1.0']);
    });

    it('counts the move as b\'s change, not as its removal', () => {
      const move = fx.report.changes.find((c) => c.title === 'move b to packages');
      expect([move?.products, move?.deployedAt]).toEqual([['b'], '2026-03-14T12:00:00Z']);
    });
  });
});

describe('a package removed before the window, alive in the previous period', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = goneBeforeWindow();
    report = await audit({ path: repo.dir, ...WINDOW });
  });
  afterAll(() => repo.cleanup());

  it('is no product of the window, but one of the previous period, its tag a deploy there and no tag that names nothing', () => {
    expect(report.summary.products?.map((p) => p.name)).toEqual(['a', 'b']);
    // old@1.1.0 and a@1.1.0; p1 shipped by old's tag (2 days), not by a's (4 days)
    expect(report.summary.previous?.deploys).toBe(2);
    expect(report.summary.previous?.rows.find((r) => r.key === 'dora.leadTime')?.before).toBe(2 * DAY);
    expect(report.warnings).toEqual([]);
  });

  it('reads the previous period as a report of it does', async () => {
    const then = await audit({ path: repo.dir, since: '2026-01-29', until: '2026-03-01', github: false });
    expect(then.summary.products?.map((p) => p.name).sort()).toEqual(['a', 'old']);
    expect(then.summary.dora.deploymentFrequency.count).toBe(report.summary.previous?.deploys);
    expect(then.summary.dora.leadTime.value).toBe(2 * DAY);
  });
});

describe('a package tagged and removed long before the previous period, its tags still read', () => {
  let repo: FixtureRepo;
  afterAll(() => repo.cleanup());

  it('warns of no tag of it: no figure of either period could count it', async () => {
    repo = goneLongBefore();
    const report = await audit({ path: repo.dir, ...WINDOW });
    expect(report.summary.products?.map((p) => p.name)).toEqual(['a']);
    // both periods' own deploys still count: a@1.1.0 shipped p2 (2 days), a@1.2.0 w1 (3 days)
    expect(report.summary.previous?.deploys).toBe(1);
    expect(report.summary.dora.leadTime.value).toBe(3 * DAY);
    expect(report.warnings).toEqual([]);
  });
});

describe('a package born and removed within the window, in neither of its workspace reads', () => {
  const fx = audited(bornAndGone);

  it('finds it by its tag\'s commit: a product with its deploy, its changes shipped by it, and no tag that names nothing', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys, p.historyFrom, p.historyUntil])).toEqual([
      ['@acme/exp', ['packages/exp'], 1, '2026-03-02T12:00:00Z', '2026-03-16T12:00:00Z'],
      ['a', ['packages/a'], 1, undefined, undefined],
      ['b', ['packages/b'], 1, undefined, undefined],
    ]);
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([['@acme/exp@0.1.0', '@acme/exp'], ['b@1.1.0', 'b'], ['a@1.1.0', 'a']]);
    // x1 waited a day for exp's tag, not three for b's; the removal is no release of exp: it waits for a's, the next of any
    expect(['add exp', 'x1', 'y1', 'drop exp', 'a1'].map((t) => deployedAt(fx.report, t))).toEqual([
      '2026-03-04T12:00:00Z', '2026-03-04T12:00:00Z', '2026-03-06T12:00:00Z', '2026-03-19T12:00:00Z', '2026-03-19T12:00:00Z',
    ]);
    expect(fx.report.changes.find((c) => c.title === 'x1')?.products).toEqual(['@acme/exp']);
    expect(fx.report.warnings).toEqual([]);
  });

  it('rates it over its life: one deploy in the two weeks from its add to its removal, not in the 29.5 days to the window\'s end', () => {
    const rows = new Map(fx.report.summary.products?.map((p) => [p.name, p]));
    expect([rows.get('@acme/exp')?.deploysPerWeek, rows.get('@acme/exp')?.coveredDays]).toEqual([0.5, 14]);
    // a and b were there all the window, Mar 1 to Apr 1: 31 days
    expect([rows.get('a')?.deploysPerWeek, rows.get('a')?.coveredDays]).toEqual([1 / (31 / 7), 31]);
  });

  it('slices it over the same two weeks, as --by, compare and gates read it from its row', async () => {
    const [exp] = await sliceReports(fx.report, [parseSlice('product:@acme/exp')]);
    expect(exp?.window).toMatchObject({ historyFrom: '2026-03-02T12:00:00Z', historyUntil: '2026-03-16T12:00:00Z' });
    expect(exp?.summary.dora.deploymentFrequency).toMatchObject({ value: 0.5, count: 1, coveredDays: 14 });
  });
});

describe('a package removed by a pull request merged with a merge commit', () => {
  const fx = audited(goneByMerge);

  it('is gone from the branch with the merge, not with its branch\'s commit: two weeks of life, and its removal no release of it', () => {
    const exp = fx.report.summary.products?.find((p) => p.name === '@acme/exp');
    // Mar 2 to the merge on Mar 16: 14 days; to the branch's delete on Mar 9 it would read 7 days, 1 a week
    expect([exp?.deploys, exp?.coveredDays, exp?.historyUntil, exp?.deploysPerWeek]).toEqual([1, 14, '2026-03-16T12:00:00Z', 0.5]);
    // the merge lands the delete: it waits for a's next tag, not for one of exp's that never comes
    expect(fx.report.changes.find((c) => c.number === 7)?.products ?? []).toEqual([]);
    expect(deployedAt(fx.report, 'drop exp')).toBe('2026-03-19T12:00:00Z');
  });
});

describe('a package removed in the window that its release line still ships', () => {
  const fx = audited(removedButPatched);

  it('rates it up to its last deploy, the line\'s release after the removal, not up to the removal', () => {
    const exp = fx.report.summary.products?.find((p) => p.name === '@acme/exp');
    // 0.1.0 on Mar 4 and the backport's 0.1.1 on Mar 20, over Mar 1 00:00 to Mar 20 12:00: 19.5 days; to the
    // removal on Mar 8 12:00 the two would read 1.87 a week over 7.5 days
    expect([exp?.deploys, exp?.coveredDays, exp?.historyUntil]).toEqual([2, 19.5, '2026-03-20T12:00:00Z']);
    expect(exp?.deploysPerWeek).toBeCloseTo(2 / (19.5 / 7), 10);
  });
});

describe('packages moved, names kept, before the window: the own tags\' package and an example app named as old tags', () => {
  const fx = audited(movedMainPackage);

  it('reads the own tag by the moved folders\' versions, and gives the old tags\' name to the package that carried their version', () => {
    // no product of the private root (acme-workspace) nor of the example app (api), each holding a change never
    // shipped; the others changed nothing in the window, and a product row is one of the window's changes
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.changes, p.deploys, p.unreleased])).toEqual([['acme', ['crates/acme', 'core/acme'], 3, 1, 0]]);
    expect(['w1', 'w2', 'w3'].map((t) => deployedAt(fx.report, t))).toEqual(['2026-03-05T12:00:00Z', '2026-03-05T12:00:00Z', '2026-03-05T12:00:00Z']);
    expect(fx.report.notes).toContain("2 changes of the window touched no product's files: each ships with the repository's own tags, the deploys of acme (the products column names that product).");
  });
});
