import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A maintenance line whose first release of the previous period ships a backport of a change merged weeks before
 * the last release of any line (containerd's v1.7.21, August 2024). The window is March 2026 (30 days), the previous
 * period 2026-01-30 → 03-01:
 *  v1.0.0    tags the initial commit 2025-12-01; release-1.0 and release-0.9 leave from there
 *  #1        lands on main 2026-01-10 (main's next final release is v2.0.0, in March)
 *  v0.9.5    tags release-0.9 2026-01-27, the last release of any line before the previous period
 *  v1.0.1    tags release-1.0 2026-02-03: the cherry-pick of #1 (02-02), the previous period's one deploy
 *  #2        lands on main 2026-03-05; v2.0.0 tags main 03-10, shipping it
 * Read back only to v0.9.5 (less a week), #1 is not in the history and v1.0.1 ships nothing; read back to release-1.0's
 * own last release before the period (v1.0.0), it ships #1.
 */
function lines(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2025-12-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2025-12-01T01:00:00Z' },
    { branch: 'release-1.0' },
    { branch: 'release-0.9' },
    { branch: 'fix' },
    { commit: 'Fix the parser', on: 'fix', at: '2026-01-09T10:00:00Z', id: 'fix1' },
    { merge: 'fix', at: '2026-01-10T10:00:00Z', message: 'Merge pull request #1 from acme/fix\n\nFix the parser' },
    { commit: 'Fix the old parser', on: 'release-0.9', at: '2026-01-27T09:00:00Z' },
    { tag: 'v0.9.5', annotated: true, at: '2026-01-27T10:00:00Z' },
    { commit: (sha) => `Fix the parser\n\n(cherry picked from commit ${sha('fix1')})`, on: 'release-1.0', at: '2026-02-02T10:00:00Z', authorAt: '2026-01-09T10:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-02-03T10:00:00Z' },
    { branch: 'feature', from: 'main' },
    { commit: 'Add the formatter', on: 'feature', at: '2026-03-04T10:00:00Z' },
    { merge: 'feature', at: '2026-03-05T10:00:00Z', message: 'Merge pull request #2 from acme/feature\n\nAdd the formatter' },
    { tag: 'v2.0.0', annotated: true, at: '2026-03-10T10:00:00Z' },
  ]);
}

describe('the previous period of a repository with maintenance lines', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = lines();
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-31', now: '2026-03-31T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('counts a line\'s first release in it that ships a backport merged before the last release of any line', () => {
    expect(report.summary.previous?.deploys).toBe(1);
  });

  it('gives the same deploys as a report of that period', async () => {
    const direct = await audit({ path: repo.dir, since: '2026-01-30', until: '2026-03-01', now: '2026-03-31T00:00:00Z', github: false });
    expect(direct.deploys.filter((d) => d.at >= '2026-01-30' && d.at < '2026-03-01').map((d) => d.ref)).toEqual(['v1.0.1']);
    expect(report.summary.previous?.deploys).toBe(direct.summary.dora.deploymentFrequency.count);
  });
});
