import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareReports, type ComparisonRow } from '../../src/compare/compare.js';
import type { Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { auditMainWindows } from '../scenarios.js';

const H = 3600;
const D = 86400;

// the two windows and their truth are described at auditMainWindows (test/scenarios.ts)
let repo: FixtureRepo;
let early: Report;
let late: Report;

beforeAll(async () => {
  ({ repo, early, late } = await auditMainWindows());
});
afterAll(() => repo.cleanup());

describe('compare on two windows of a fixture repository', () => {
  const row = (rows: ComparisonRow[], key: string): ComparisonRow | undefined => rows.find((r) => r.key === key);

  it('gives the known lead times and failure rates, and says three changes a side cannot tell a direction', () => {
    const c = compareReports(early, late);
    expect(row(c.rows, 'dora.leadTime')).toMatchObject({ before: 2 * D + 17 * H, after: D + 3 * H, change: -(D + 14 * H), direction: 'uncertain', sample: { before: 2, after: 3 } });
    // the interval is recomputed from the reports' own changes: the same difference of medians
    expect(row(c.rows, 'dora.leadTime')?.interval).toMatchObject({ difference: -(D + 14 * H), real: false });
    expect(row(c.rows, 'dora.changeFailureRate')).toMatchObject({ before: 0, after: 2 / 3, relativeChange: null, direction: 'uncertain', sample: { before: 1, after: 3 } });
    expect(row(c.rows, 'dora.timeToRestore')).toMatchObject({ before: null, after: (D + 21 * H + 15 * H) / 2, direction: null });
    // coding: early [initial 0, #1 4h] → 2h; late [revert 0, typo 30m (a direct push: all coding), #3 28h] → 30m;
    // three changes a side cannot tell
    expect(row(c.rows, 'stages.coding.p50')).toMatchObject({ before: 2 * H, after: 30 * 60, direction: 'uncertain', interval: { difference: -1.5 * H } });
    expect(c.warnings).toEqual([
      'before has 3 changes, fewer than 10: too few to trust its figures',
      'after has 3 changes, fewer than 10: too few to trust its figures',
    ]);
  });
});
