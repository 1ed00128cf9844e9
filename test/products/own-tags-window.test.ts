import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { formerOwnTags } from './fixture.js';

const NOW = { until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;

describe('own tags two years older than the packages\' tags, read over a quarter and over a year', () => {
  let repo: FixtureRepo;
  let quarter: Report;
  let year: Report;
  beforeAll(async () => {
    repo = formerOwnTags();
    [quarter, year] = await Promise.all([audit({ path: repo.dir, since: '2026-01-01', ...NOW }), audit({ path: repo.dir, since: '2025-04-01', ...NOW })]);
  });
  afterAll(() => repo.cleanup());

  const r1 = (report: Report) => report.changes.find((c) => c.title === 'r1');

  it('ships a change of no package with the first product tag in both windows, not with own tags that stopped', () => {
    // the year's read holds v1.0.0: taken for a product, widget held r1 back as never deployed
    for (const report of [quarter, year]) {
      expect(r1(report)?.products).toEqual([]);
      expect([r1(report)?.deployRef, r1(report)?.deployedAt]).toEqual(['@widget/react@1.1.0', '2026-03-08T12:00:00Z']);
      expect(report.summary.products?.map((p) => p.name)).toEqual(['@widget/react']);
    }
  });
});
