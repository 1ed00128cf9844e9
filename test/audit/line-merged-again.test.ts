import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * An integration line merged into main once per minor release, as biome's `next` is (#8275 for v2.4, #9277 for
 * v2.5), in a clone without pull refs:
 *  next   `Fix 1 (#1)` 2025-10-06, `Fix 2 (#2)` 10-07; merged by #3 on 2025-11-03
 *  next   `Fix 4 (#4)` 2026-04-06, `Fix 5 (#5)` 04-07, going on from #2's commit; merged again by #9 on 2026-05-26
 *  main   a chore a month between them
 * #9 merges a line again: a sync carrying #4 and #5. A window from May reads the history from about April, below
 * which #3 and #2's commit lie: the same sync, as a window from September reads it.
 */
function nextLine(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2025-09-01T00:00:00Z' },
    { branch: 'next' },
    { commit: 'Fix 1 (#1)', on: 'next', at: '2025-10-06T10:00:00Z' },
    { commit: 'Fix 2 (#2)', on: 'next', at: '2025-10-07T10:00:00Z' },
    { merge: 'next', into: 'main', at: '2025-11-03T10:00:00Z', message: 'Merge pull request #3 from acme/next' },
    ...['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((month, i) => ({ commit: `chore: tidy ${month} (#${10 + i})`, on: 'main', at: `${month}-02T10:00:00Z` })),
    { commit: 'Fix 4 (#4)', on: 'next', at: '2026-04-06T10:00:00Z' },
    { commit: 'Fix 5 (#5)', on: 'next', at: '2026-04-07T10:00:00Z' },
    { merge: 'next', into: 'main', at: '2026-05-26T10:00:00Z', message: 'Merge pull request #9 from acme/next' },
  ]);
}

describe('an integration line merged again, its first merge below the history read', () => {
  let repo: FixtureRepo;
  let short: Report;
  let long: Report;
  beforeAll(async () => {
    repo = nextLine();
    const at = { until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false };
    short = await audit({ path: repo.dir, since: '2026-05-01', ...at });
    long = await audit({ path: repo.dir, since: '2025-09-01', ...at });
  }, 30_000);
  afterAll(() => repo.cleanup());

  const nine = (report: Report) => report.changes.find((c) => c.number === 9);

  it('reads the second merge as a sync carrying the two pull requests landed on the line, whatever the window', () => {
    for (const report of [long, short]) expect([nine(report)?.kind, nine(report)?.carriedPulls, nine(report)?.counted]).toEqual(['sync', 2, false]);
    // the first merge, the line merged once, is a change of its two commits
    expect(long.changes.find((c) => c.number === 3)).toMatchObject({ kind: 'merge', commits: 2 });
  });
});
