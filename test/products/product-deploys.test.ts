import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { sliceReports, withSlices } from '../../src/commands/slicing.js';
import { parseGrouping, parseSlice } from '../../src/model/slices.js';
import { reportSchema, type Report } from '../../src/report/schema.js';
import { sliceReport } from '../../src/report/slices.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { runCli } from '../helpers/cli-run.js';
import { staggeredTags, WINDOW } from './fixture.js';

const DAY = 86400;

// a change of two products is deployed, for each, by that product's own first deploy of it (SPEC section 3): the
// truth of staggeredTags, known by construction
describe('a change of two products tagged at different times', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = staggeredTags();
    report = await audit({ path: repo.dir, ...WINDOW });
  });
  afterAll(() => repo.cleanup());

  const change = (title: string) => report.changes.find((c) => c.title === title);
  const row = (name: string) => report.summary.products?.find((p) => p.name === name);

  it('keeps the whole report\'s deploy the earliest of any product\'s', () => {
    expect([change('x1')?.deployedAt, change('x1')?.deployRef, change('x1')?.leadTime]).toEqual(['2026-03-05T12:00:00Z', 'a@1.1.0', 4 * DAY]);
    expect([change('x2')?.deployedAt, change('x2')?.deployRef, change('x2')?.leadTime]).toEqual(['2026-03-16T12:00:00Z', 'a@1.2.0', 3 * DAY]);
    expect(report.summary.unreleased.count).toBe(0);
  });

  it('names, for each product of a change, that product\'s own first deploy of it, or none yet', () => {
    expect(change('x1')?.productDeploys).toEqual([
      { product: 'a', ref: 'a@1.1.0', deployedAt: '2026-03-05T12:00:00Z', deployWait: 3 * DAY, leadTime: 4 * DAY },
      { product: 'b', ref: 'b@1.1.0', deployedAt: '2026-03-12T12:00:00Z', deployWait: 10 * DAY, leadTime: 11 * DAY },
    ]);
    expect(change('x2')?.productDeploys).toEqual([
      { product: 'a', ref: 'a@1.2.0', deployedAt: '2026-03-16T12:00:00Z', deployWait: 2 * DAY, leadTime: 3 * DAY },
      { product: 'b', ref: null, deployedAt: null, deployWait: null, leadTime: null },
    ]);
    expect(change('x3')?.productDeploys).toEqual([{ product: 'b', ref: 'b@1.1.0', deployedAt: '2026-03-12T12:00:00Z', deployWait: 8 * DAY, leadTime: 9 * DAY }]);
    // what the JSON writes, the schema reads
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });

  it('measures each product\'s row to its own deploys: b\'s lead time a week longer, x2 unreleased in b\'s row alone', () => {
    expect(report.summary.products?.map((p) => [p.name, p.changes, p.deploys, p.unreleased])).toEqual([
      ['a', 2, 2, 0],
      ['b', 3, 1, 1],
    ]);
    // a: x1 4d, x2 3d; b: x3 9d, x1 11d (not a's 4d), x2 still waiting 18d after its merge (not a's 3d)
    expect(row('a')?.leadTimeP50).toBe(3.5 * DAY);
    expect(row('b')?.leadTimeP50).toBe(11 * DAY);
  });

  it('measures a product\'s slice (--by product, product:NAME) to its own deploys too, and lists its changes so', async () => {
    const sliced = await withSlices(report, parseGrouping('product'));
    expect(sliced.summary.slices?.rows.map((r) => [r.name, r.changes, r.deploys, r.leadTimeP50, r.unreleased, r.stages.deploy.p50])).toEqual([
      ['product:b', 3, 1, 11 * DAY, 1, 10 * DAY],
      ['product:a', 2, 2, 3.5 * DAY, 0, 2.5 * DAY],
    ]);
    const [b] = await sliceReports(report, [parseSlice('product:B')]);
    // compare resamples the slice's changes: they carry b's deploy, not a's
    expect(b?.changes.map((c) => [c.title, c.deployedAt, c.deployRef, c.leadTime, c.stages.deploy])).toEqual([
      ['x1', '2026-03-12T12:00:00Z', 'b@1.1.0', 11 * DAY, 10 * DAY],
      ['x3', '2026-03-12T12:00:00Z', 'b@1.1.0', 9 * DAY, 8 * DAY],
      ['x2', null, null, null, null],
    ]);
    expect(b?.summary.unreleased.oldest).toEqual([change('x2')?.id]);
  });

  it('compares two products each over its own deploys of their shared changes', async () => {
    const args = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github'];
    const { code, stdout } = await runCli(['compare', 'product:a', 'product:b', '--path', repo.dir, ...args, '-f', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout).rows as Array<{ key: string; before: number | null; after: number | null }>;
    const figure = (key: string) => rows.filter((r) => r.key === key).map((r) => [r.before, r.after]);
    // a: x1 4d, x2 3d; b: x3 9d, x1 11d, x2 waiting. Deploy waits: a 3d, 2d; b 8d, 10d, x2 waiting 18d
    expect(figure('dora.leadTime')).toEqual([[3.5 * DAY, 11 * DAY]]);
    expect(figure('stages.deploy.p50')).toEqual([[2.5 * DAY, 10 * DAY]]);
  });

  it('measures a change as the report has it when the report names no product deploys (one written before)', () => {
    const older: Report = { ...report, changes: report.changes.map(({ productDeploys: _none, ...c }) => c) };
    const b = sliceReport(older, new Set(older.changes.filter((c) => c.products?.includes('b')).map((c) => c.id)), { ownProduct: (p) => p === 'b' });
    expect(b.changes.find((c) => c.title === 'x1')?.deployedAt).toBe('2026-03-05T12:00:00Z');
  });
});
