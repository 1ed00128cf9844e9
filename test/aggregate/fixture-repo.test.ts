import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { audit } from '../../src/audit.js';
import type { Report } from '../../src/report.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

const H = 3600;
const D = 86400;
const NOW = '2026-04-01T00:00:00Z';

/*
 * Two windows of the main fixture repository (test/scenarios.ts), split on 2026-03-06:
 *  early: initial commit (lead 3d 10h to v1.0.0), #1 (4h + 20h + 1d = 2d), #2 (no first commit: no lead time);
 *         v1.0.0 only, not failed
 *  late:  typo (30m + 1d 2h 30m = 1d 3h), #3 (28h + 1d + 0 = 2d 4h), revert (1d); the bot's #5 left out;
 *         v1.1.0 failed (restored 1d 21h later), v1.2.0 failed (rolled back 15h later), v1.2.1 the rollback
 */
let repo: FixtureRepo;
let early: Report;
let late: Report;
let whole: Report;

beforeAll(async () => {
  repo = mainScenario();
  const run = (since: string, until: string): Promise<Report> => audit({ path: repo.dir, since, until, now: NOW });
  [early, late, whole] = await Promise.all([run('2026-03-01', '2026-03-06'), run('2026-03-06', '2026-04-01'), run('2026-03-01', '2026-04-01')]);
});
afterAll(() => repo.cleanup());

describe('aggregate of two disjoint windows of one repository', () => {
  it('reproduces the whole window’s summary: nothing is averaged', () => {
    const combined = aggregateReports([early, late]);
    expect(combined.summary.changes).toBe(6);
    expect(combined.summary).toEqual(whole.summary);
    expect(combined.repositories.map((r) => [r.changes, r.leadTimeP50])).toEqual([[3, 2 * D + 17 * H], [3, D + 3 * H]]);
  });

  it('reproduces one report’s own summary', () => {
    expect(aggregateReports([late]).summary).toEqual(late.summary);
    expect(aggregateReports([whole]).summary).toEqual(whole.summary);
  });
});
