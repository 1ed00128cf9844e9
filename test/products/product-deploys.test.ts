import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { reportSchema, type Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
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

  it('keeps the whole report\'s deploy the earliest of any product\'s', () => {
    expect([change('x1')?.deployedAt, change('x1')?.leadTime]).toEqual(['2026-03-05T12:00:00Z', 4 * DAY]);
    expect([change('x2')?.deployedAt, change('x2')?.leadTime]).toEqual(['2026-03-16T12:00:00Z', 3 * DAY]);
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
});
