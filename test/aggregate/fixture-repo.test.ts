import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import type { Report } from '../../src/report.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { auditMainWindows } from '../scenarios.js';

const H = 3600;
const D = 86400;

// the two windows and their truth are described at auditMainWindows (test/scenarios.ts)
let repo: FixtureRepo;
let early: Report;
let late: Report;
let whole: Report;

beforeAll(async () => {
  ({ repo, early, late, whole } = await auditMainWindows());
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
