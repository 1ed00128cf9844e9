import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import type { Report } from '../../src/report/schema.js';
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

/** The summary with the slowest changes' repository labels left out: an aggregate names whose change each is. */
function unlabelled(report: Report): Report['summary'] {
  return { ...report.summary, slowest: report.summary.slowest.map(({ repository: _, ...rest }) => rest) };
}

describe('aggregate of two disjoint windows of one repository', () => {
// a report compares its window with the one before it, and finds where AI arrived, from its history; an aggregate of reports has no history
const own = (report: Report): Report['summary'] => ({ ...report.summary, previous: undefined, aiShift: undefined });

  it('reproduces the whole window’s summary: nothing is averaged', () => {
    const combined = aggregateReports([early, late]);
    expect(combined.summary.changes).toBe(6);
    expect(unlabelled(combined)).toEqual(own(whole));
    expect(new Set(combined.summary.slowest.map((c) => c.repository))).toEqual(new Set([basename(repo.dir)]));
    expect((combined.repositories ?? []).map((r) => [r.changes, r.leadTimeP50])).toEqual([[3, 2 * D + 17 * H], [3, D + 3 * H]]);
  });

  it('reproduces one report’s own summary', () => {
    expect(unlabelled(aggregateReports([late]))).toEqual(own(late));
    expect(unlabelled(aggregateReports([whole]))).toEqual(own(whole));
  });
});
