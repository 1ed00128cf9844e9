import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { audit } from '../../src/audit/index.js';
import { withSlices, sliceReports } from '../../src/commands/slicing.js';
import { parseGrouping, parseSlice } from '../../src/model/slices.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { audited } from './audited.js';
import { declaredProducts, monorepo, noProductTags, suffixTaggedProduct, WINDOW } from './fixture.js';

const DAY = 86400;
const WEEKS = 31 / 7;

describe('a three-package monorepo (package.json workspaces, package tags)', () => {
  const fx = audited(monorepo);

  const deployOf = (title: string): string | null => {
    const change = fx.report.changes.find((c) => c.title === title);
    return fx.report.deploys.find((d) => d.at === change?.deployedAt && d.product === change.products?.[0])?.ref ?? null;
  };

  it('makes one deploy per product, named for it, each shipping its own product\'s changes (m4 with a\'s and c\'s)', () => {
    expect(fx.report.deploys.map((d) => [d.ref, d.product, d.changes])).toEqual([
      // m2; m3, of no product, is in no deploy's changes
      ['@acme/b@1.1.0', '@acme/b', 1],
      ['@acme/a@1.1.0', '@acme/a', 1],
      ['@acme/a@1.2.0', '@acme/a', 1],
      ['c-lib-v1.1.0', 'c-lib', 2],
    ]);
  });

  it('ships a change touching only packages/a with a\'s tag, though b was tagged on the same commit two days earlier', () => {
    const m1 = fx.report.changes.find((c) => c.title === 'm1');
    expect(m1?.deployedAt).toBe('2026-03-07T12:00:00Z');
    expect(m1?.leadTime).toBe(6 * DAY);
    expect(m1?.products).toEqual(['@acme/a']);
  });

  it('ships a change touching no package with the first deploy of any product, and counts it in no product\'s row', () => {
    const m3 = fx.report.changes.find((c) => c.title === 'm3');
    expect(m3?.deployedAt).toBe('2026-03-05T12:00:00Z');
    // @acme/b was tagged first, not because the change is b's: none of its files is, so b's deploy lists m2 alone
    expect(m3?.products).toEqual([]);
    expect(m3?.deployRef).toBe('@acme/b@1.1.0');
    expect(fx.report.deploys.find((d) => d.ref === '@acme/b@1.1.0')?.changes).toBe(1);
  });

  it('ships a change touching two packages with the first of their deploys, and tags at one commit each their own', () => {
    expect(fx.report.changes.find((c) => c.title === 'm4')?.products).toEqual(['@acme/a', 'c-lib']);
    expect(deployOf('m4')).toBe('@acme/a@1.2.0');
    expect(deployOf('m5')).toBe('c-lib-v1.1.0');
  });

  it('gives each product its deploys, rate, lead time p50, failure rate and unreleased changes', () => {
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.changes, p.deploys, p.failedDeploys, p.unreleased])).toEqual([
      ['@acme/a', ['packages/a'], 3, 2, 1, 1],
      ['c-lib', ['packages/c'], 3, 1, 1, 1],
      // m2 and m6: m3 touched none of b's files
      ['@acme/b', ['packages/b'], 2, 1, 0, 1],
    ]);
    const row = (name: string) => fx.report.summary.products?.find((p) => p.name === name);
    expect(row('@acme/a')?.deploysPerWeek).toBeCloseTo(2 / WEEKS, 5);
    expect(row('@acme/b')?.deploysPerWeek).toBeCloseTo(1 / WEEKS, 5);
    // m4's revert (m7, Mar 21) lands 9 days after @acme/a@1.2.0 and c-lib-v1.1.0 shipped it: one of a's two
    // deploys failed, and c's one
    expect(row('@acme/a')?.changeFailureRate).toBe(0.5);
    expect(row('@acme/b')?.changeFailureRate).toBe(0);
    expect(row('c-lib')?.changeFailureRate).toBe(1);
    // lead times: a 6d, 3d and one waiting 12d; b 3d and one waiting 13d; c 3d, 2d, one waiting 12d
    expect(row('@acme/a')?.leadTimeP50).toBe(6 * DAY);
    expect(row('@acme/b')?.leadTimeP50).toBe(3 * DAY);
    expect(row('c-lib')?.leadTimeP50).toBe(3 * DAY);
  });

  it('shows the products table in text, Markdown and HTML, and each change\'s products in CSV', () => {
    const text = renderText(fx.report, { color: false, width: 120 });
    expect(text).toMatch(/Products\n/);
    expect(text).toMatch(/@acme\/a\s*│?\s*3\s*│?\s*2\s*│?\s*0\.45\s*│?\s*6d\s*│?\s*50%\s*│?\s*1/);
    expect(renderMarkdown(fx.report)).toContain('| @acme/b | 2 | 1 | 0.23 | 3d | 0% | 1 |');
    expect(renderHtml(fx.report)).toContain('<section id="products"');
    const csv = renderCsv(fx.report).split('\r\n');
    expect(csv[0]?.endsWith(',products')).toBe(true);
    // a leading @ is guarded against spreadsheet formulas, as every cell is
    expect(csv.find((l) => l.startsWith(`${fx.report.changes.find((c) => c.title === 'm4')?.id},`))?.endsWith(",'@acme/a c-lib")).toBe(true);
  });

  it('slices by product with each product\'s own deploys and failure rate', async () => {
    const sliced = await withSlices(fx.report, parseGrouping('product'));
    expect(sliced.summary.slices?.rows.map((r) => [r.name, r.changes, r.deploys, r.changeFailureRate])).toEqual([
      ['product:@acme/a', 3, 2, 0.5],
      ['product:c-lib', 3, 1, 1],
      ['product:@acme/b', 2, 1, 0],
      // m3, of no product: no deploys of its own
      ['product:(no product)', 1, undefined, undefined],
    ]);
    const [a] = await sliceReports(fx.report, [parseSlice('product:@ACME/A')]);
    expect(a?.changes.map((c) => c.title)).toEqual(['m1', 'm4', 'Revert "m4"']);
    expect(a?.summary.dora.deploymentFrequency.count).toBe(2);
    // the page names the rows as the kind does: products, not folders
    const html = renderHtml(sliced);
    expect(html).toContain('Where each product’s typical change waits');
    expect(html).toContain('<caption>One row per product</caption>');
    expect(html).not.toMatch(/folder’s|by folder/);
    // the products' common scope is left out of the rows' names in the terminal and on the page, as in the products
    // table, and said; Markdown and the row of no product keep their names (changesets' 21 rows of
    // `product:@changesets/…` pushed seven columns out of 80)
    const slices = sliced.summary.slices as NonNullable<Report['summary']['slices']>;
    const scoped = { ...sliced, summary: { ...sliced.summary, slices: { ...slices, rows: slices.rows.map((r) => (r.name === 'product:c-lib' ? { ...r, name: 'product:@acme/c' } : r)) } } };
    const text = renderText(scoped, { color: false, width: 200 });
    expect(text).toMatch(/│ product:a +│/);
    expect(text).toMatch(/│ product:c +│/);
    expect(text).toMatch(/│ product:\(no product\) +│/);
    expect(text).toContain('Names are without their common @acme/.');
    expect([...renderHtml(scoped).matchAll(/<th scope="row" class="ext">(product:[^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['product:a', 'product:c', 'product:b', 'product:(no product)']);
    expect(renderMarkdown(scoped)).toContain('| product:@acme/a |');
    // a Go repository's root module is the scope itself: its row by the module's last part (golang/tools' read
    // `product:.` beside `product:gopls`), as the products table names it
    const modules = { ...sliced, summary: { ...sliced.summary, slices: { ...slices, rows: slices.rows.map((r) => ({ ...r, name: ({ 'product:@acme/a': 'product:go.example.com/kit', 'product:@acme/b': 'product:go.example.com/kit/b', 'product:c-lib': 'product:go.example.com/kit/c' })[r.name] ?? r.name })) } } };
    const goText = renderText(modules, { color: false, width: 200 });
    expect(goText).toMatch(/│ product:kit +│/);
    expect(goText).toMatch(/│ product:c +│/);
    expect(goText).toMatch(/│ product:\(no product\) +│/);
    expect(goText).toContain('Names are without their common go.example.com/kit/ (kit is go.example.com/kit itself).');
    // without a common scope (c-lib beside @acme/…): whole names, no such sentence
    expect(renderText(sliced, { color: false, width: 200 })).toMatch(/│ product:@acme\/a +│/);
    expect(renderText(sliced, { color: false, width: 200 })).not.toContain('Names are without');
  });
});

// the truth of noProductTags, known by construction: a product's deploys are its tags that ship its own changes,
// each listing those alone; a change of no product is dated by the first of them holding it, and listed by none
describe('tags of a product that ship only changes of no product', () => {
  const fx = audited(noProductTags);
  const { of } = fx;

  it('makes no deploy of a tag that ships none of its product\'s changes, and lists each deploy\'s own changes', () => {
    expect(fx.report.deploys.map((d) => [d.ref, d.product, d.changes, d.failed])).toEqual([
      ['b@1.1.0', 'b', 1, false],
      ['a@1.2.0', 'a', 1, false],
      ['b@1.2.0', 'b', 1, true],
    ]);
    expect(fx.report.summary.products?.map((p) => [p.name, p.changes, p.deploys, p.failedDeploys])).toEqual([
      ['b', 2, 2, 1],
      ['a', 1, 1, 0],
    ]);
  });

  it('ships a change of no product with the first deploy of any product that holds it, a tag of none being no deploy', () => {
    expect([of('n1'), of('n2'), of('Revert "n2"')].map((c) => [c?.products, c?.deployRef, c?.deployedAt])).toEqual([
      [[], 'b@1.1.0', '2026-03-06T12:00:00Z'],
      [[], 'b@1.1.0', '2026-03-06T12:00:00Z'],
      [[], 'a@1.2.0', '2026-03-12T12:00:00Z'],
    ]);
    expect(fx.report.deploys.find((d) => d.ref === 'b@1.2.0')?.failureReasons).toEqual([`shipped ${of('c1')?.id}, reverted by ${of('Revert "c1"')?.id} within 14 days`]);
  });
});

describe('a monorepo with one product', () => {
  const fx = audited(() => monorepo({ packages: 'one' }));

  it('ships every change with the first tag that reaches it and shows no products', () => {
    expect(fx.report.deploys.map((d) => [d.ref, d.changes, d.product])).toEqual([
      ['@acme/a@1.1.0', 3, undefined],
      ['@acme/a@1.2.0', 2, undefined],
    ]);
    expect(fx.report.summary.products).toBeUndefined();
    expect(fx.report.changes.every((c) => c.products === undefined)).toBe(true);
    expect(renderText(fx.report, { color: false, width: 120 })).not.toMatch(/Products/);
    expect(renderMarkdown(fx.report)).not.toMatch(/### Products/);
    expect(renderCsv(fx.report).split('\r\n')[0]).not.toMatch(/products/);
  });

  it('slices by product into no row of its own, saying the repository is one product, in every format and across repositories', async () => {
    // one product, whose two tags ship every change: a row 'product:(no product)' of them all, its deploys '—',
    // read as a group of its own beside the Deploys section's 2 deploys
    const sliced = await withSlices(fx.report, parseGrouping('product'));
    expect(sliced.summary.slices?.rows).toEqual([]);
    expect(sliced.summary.slices?.ungrouped).toMatch(/^No product to slice by: this repository is one product/);
    expect(sliced.changes.filter((c) => c.counted).every((c) => c.slices?.length === 0)).toBe(true);
    const text = renderText(sliced, { color: false, width: 200 });
    expect(text).toMatch(/By product\nNo product to slice by: this repository is one product/);
    for (const page of [text, renderMarkdown(sliced), renderHtml(sliced)]) {
      expect(page).toContain('No product to slice by');
      expect(page).not.toContain('(no product)');
    }
    // two such repositories pool no row between them: each says why its changes are in none
    const all = aggregateReports([sliced, { ...sliced, repository: { ...sliced.repository, path: '/elsewhere/other' } }], { withChanges: true });
    expect(all.summary.slices?.rows).toEqual([]);
    expect(all.warnings.filter((w) => w.includes('No product to slice by') && w.endsWith('Its changes are in no row.'))).toHaveLength(2);
  });
});

describe('products the config names', () => {
  const fx = audited(declaredProducts);

  it('ships a change with its product\'s tag (by pattern or by name), not with the other product\'s earlier one', () => {
    const k1 = fx.report.changes.find((c) => c.title === 'k1');
    const k2 = fx.report.changes.find((c) => c.title === 'k2');
    expect([k1?.deployedAt, k1?.products]).toEqual(['2026-03-06T12:00:00Z', ['api']]);
    expect([k2?.deployedAt, k2?.products]).toEqual(['2026-03-04T12:00:00Z', ['web']]);
    expect(fx.report.summary.products?.map((p) => [p.name, p.paths, p.deploys])).toEqual([
      ['api', ['services/api/**'], 1],
      ['web', ['web/**'], 1],
    ]);
  });
});

describe('a product the config names by a suffix of the repository\'s own tags', () => {
  const fx = audited(suffixTaggedProduct);

  it('takes its tags for its releases, not pre-releases, and keeps its test builds out', () => {
    const e1 = fx.report.changes.find((c) => c.title === 'e1');
    const r1 = fx.report.changes.find((c) => c.title === 'r1');
    expect([e1?.deployedAt, e1?.products]).toEqual(['2026-03-05T12:00:00Z', ['ext']]);
    expect(r1?.deployedAt).toBe('2026-03-04T12:00:00Z');
    expect(fx.report.deploys.map((d) => [d.ref, d.product])).toEqual([['v1.1.0', expect.any(String)], ['v2.0.0-ext', 'ext']]);
  });
});

describe('a monorepo in a clone without blobs', () => {
  let repo: FixtureRepo;
  let clone: string;
  beforeAll(() => {
    repo = monorepo();
    repo.git('config', 'uploadpack.allowFilter', 'true');
    clone = mkdtempSync(join(tmpdir(), 'flowaudit-blobless-'));
    execFileSync('git', ['clone', '-q', '--bare', '--filter=blob:none', `file://${repo.dir}`, clone], { stdio: 'ignore' });
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(clone, { recursive: true, force: true });
  });

  it('cannot read the manifests, fetches nothing and reports as one product rather than failing', async () => {
    const report = await audit({ path: clone, ...WINDOW });
    expect(report.summary.products).toBeUndefined();
    expect(report.deploys.map((d) => d.ref)).toEqual(['@acme/b@1.1.0', '@acme/a@1.2.0']);
    // still without the blob: no lazy fetch ran
    expect(() => execFileSync('git', ['cat-file', '-e', 'HEAD:package.json'], { cwd: clone, stdio: 'ignore', env: { ...process.env, GIT_NO_LAZY_FETCH: '1' } })).toThrow();
  });
});

describe('a package born in the window', () => {
  let repo: FixtureRepo;
  let report: Report;
  /*
   * @acme/a since February; @acme/d added on Mar 15 12:00 (its manifest with its first code) and tagged on Mar 16 and
   * Mar 23. Its history, and its deploys per week, begin at its birth: 16.5 days to now (Apr 1), two deploys, 0.85 a
   * week; over the whole month's 31 days they would read 0.45, as a's one deploy reads 0.23.
   */
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'workspace', at: '2026-02-01T12:00:00Z', files: { 'package.json': '{"name": "acme", "private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "@acme/a"}\n' }, id: 'base' },
      { tag: '@acme/a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
      { commit: 'a1', at: '2026-03-02T12:00:00Z', files: { 'packages/a/x.ts': 'one\n' }, id: 'a1' },
      { tag: '@acme/a@1.1.0', ref: 'a1', at: '2026-03-05T12:00:00Z', annotated: true },
      { commit: 'add d', at: '2026-03-15T12:00:00Z', files: { 'packages/d/package.json': '{"name": "@acme/d"}\n', 'packages/d/i.ts': 'one\n' }, id: 'd0' },
      { tag: '@acme/d@0.1.0', ref: 'd0', at: '2026-03-16T12:00:00Z', annotated: true },
      { commit: 'd1', at: '2026-03-20T12:00:00Z', files: { 'packages/d/i.ts': 'two\n' }, id: 'd1' },
      { tag: '@acme/d@0.2.0', ref: 'd1', at: '2026-03-23T12:00:00Z', annotated: true },
    ]);
    report = await audit({ path: repo.dir, ...WINDOW });
  });
  afterAll(() => repo.cleanup());

  it('gives its deploys per week over the part of the window since it was born, and says when that was', () => {
    const row = (name: string) => report.summary.products?.find((p) => p.name === name);
    expect([row('@acme/d')?.deploys, row('@acme/d')?.coveredDays, row('@acme/d')?.historyFrom]).toEqual([2, 16.5, '2026-03-15T12:00:00Z']);
    expect(row('@acme/d')?.deploysPerWeek).toBeCloseTo(2 / (16.5 / 7), 5);
    // a package there at the window's start: the whole window, and no date of birth
    expect([row('@acme/a')?.coveredDays, row('@acme/a')?.historyFrom]).toEqual([31, undefined]);
    expect(row('@acme/a')?.deploysPerWeek).toBeCloseTo(1 / WEEKS, 5);
  });

  it('slices it over the same part of the window, as --by, compare and gates read it', async () => {
    const [d] = await sliceReports(report, [parseSlice('product:@acme/d')]);
    expect(d?.summary.dora.deploymentFrequency).toMatchObject({ count: 2, coveredDays: 16.5 });
    expect(d?.summary.dora.deploymentFrequency.value).toBeCloseTo(2 / (16.5 / 7), 5);
  });
});

describe('a package added on a branch before the window and merged in it', () => {
  let repo: FixtureRepo;
  let report: Report;
  /*
   * astro's language tools came with `Merge language tools into monorepo (#14584)` on 2025-10-29, their manifests
   * added years before in their own repository: read by their first add, their rates had run over the whole year.
   * Here @acme/e is added on a branch on Feb 20 (before the window) and merged on Mar 15 12:00, tagged Mar 16 and
   * Mar 23: born at the merge, 16.5 days to now, two deploys.
   */
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'workspace', at: '2026-02-01T12:00:00Z', files: { 'package.json': '{"name": "acme", "private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "@acme/a"}\n' }, id: 'base' },
      { tag: '@acme/a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
      { branch: 'tools', from: 'base' },
      { commit: 'add e', on: 'tools', at: '2026-02-20T12:00:00Z', files: { 'packages/e/package.json': '{"name": "@acme/e"}\n', 'packages/e/i.ts': 'one\n' } },
      { commit: 'a1', on: 'main', at: '2026-03-02T12:00:00Z', files: { 'packages/a/x.ts': 'one\n' }, id: 'a1' },
      { tag: '@acme/a@1.1.0', ref: 'a1', at: '2026-03-05T12:00:00Z', annotated: true },
      { merge: 'tools', into: 'main', at: '2026-03-15T12:00:00Z', message: 'Merge pull request #7 from acme/tools', id: 'merged' },
      { tag: '@acme/e@0.1.0', ref: 'merged', at: '2026-03-16T12:00:00Z', annotated: true },
      { commit: 'e1', on: 'main', at: '2026-03-20T12:00:00Z', files: { 'packages/e/i.ts': 'two\n' }, id: 'e1' },
      { tag: '@acme/e@0.2.0', ref: 'e1', at: '2026-03-23T12:00:00Z', annotated: true },
    ]);
    report = await audit({ path: repo.dir, ...WINDOW });
  });
  afterAll(() => repo.cleanup());

  it('is born when it reached the branch, not when its branch first added it', () => {
    const e = report.summary.products?.find((p) => p.name === '@acme/e');
    expect([e?.deploys, e?.coveredDays, e?.historyFrom]).toEqual([2, 16.5, '2026-03-15T12:00:00Z']);
  });
});
