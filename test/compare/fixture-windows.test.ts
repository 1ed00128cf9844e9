import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { compareReports, type ComparisonRow } from '../../src/compare/compare.js';
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

describe('compare on two windows of a fixture repository', () => {
  const row = (rows: ComparisonRow[], key: string): ComparisonRow | undefined => rows.find((r) => r.key === key);

  it('gives the known lead times, failure rates and directions', () => {
    const c = compareReports(early, late);
    expect(row(c.rows, 'dora.leadTime')).toMatchObject({ before: 2 * D + 17 * H, after: D + 3 * H, change: -(D + 14 * H), direction: 'better', sample: { before: 2, after: 3 } });
    expect(row(c.rows, 'dora.changeFailureRate')).toMatchObject({ before: 0, after: 2 / 3, relativeChange: null, direction: 'worse', sample: { before: 1, after: 3 } });
    expect(row(c.rows, 'dora.timeToRestore')).toMatchObject({ before: null, after: (D + 21 * H + 15 * H) / 2, direction: null });
    expect(row(c.rows, 'stages.coding.p50')).toMatchObject({ before: 2 * H, after: 0, direction: 'better' });
    expect(c.warnings).toEqual([
      'before has 3 change(s), fewer than 10: too few to trust its figures',
      'after has 3 change(s), fewer than 10: too few to trust its figures',
    ]);
  });
});
