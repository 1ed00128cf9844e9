import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * containerd's release pull requests: a maintainer's branch `prepare-v2.2.0` writes the release notes and bumps the
 * versions, merges as `Merge pull request #12473 from dmcgowan/prepare-v2.2.0`, v2.2.0 tags the merge itself, and
 * release/2.2 is cut there afterwards. 2026, UTC:
 *  v2.1.0  tags the initial commit 01-01
 *  #10     a fix merged 01-05 10:00 (its commit 01-05 09:00)
 *  #11     `prepare-v2.2.0`: `Update api version to v1.10.0` 01-06 09:00, then `Prepare release notes for v2.2.0` (a
 *          version bump, as its subject reads) 01-06 10:00; merged 01-07 10:00, tagged v2.2.0 01-07 11:00; release/2.2
 *          leaves from the merge
 *  #12     a fix merged 01-08 10:00, on main only
 * Truth: #11 is a change (a pull request that sets the version), counted, shipped by v2.2.0 with #10: nothing on
 * its side is a line's, a tag's or another pull request's.
 */
function prepared(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { tag: 'v2.1.0', annotated: true, at: '2026-01-01T01:00:00Z' },
    { branch: 'fix-a' },
    { commit: 'Fix the parser', on: 'fix-a', at: '2026-01-05T09:00:00Z' },
    { merge: 'fix-a', at: '2026-01-05T10:00:00Z', message: 'Merge pull request #10 from ada/fix-a\n\nFix the parser' },
    { branch: 'prepare-v2.2.0', from: 'main' },
    { commit: 'Update api version to v1.10.0', on: 'prepare-v2.2.0', at: '2026-01-06T09:00:00Z', files: { 'api/VERSION': '1.10.0\n' } },
    { commit: 'Prepare release notes for v2.2.0', on: 'prepare-v2.2.0', at: '2026-01-06T10:00:00Z', files: { 'RELEASES.md': 'v2.2.0\n' } },
    { merge: 'prepare-v2.2.0', at: '2026-01-07T10:00:00Z', message: 'Merge pull request #11 from dmcgowan/prepare-v2.2.0\n\nPrepare release notes for v2.2.0' },
    { tag: 'v2.2.0', annotated: true, at: '2026-01-07T11:00:00Z' },
    { branch: 'release/2.2', from: 'main' },
    { branch: 'fix-b', from: 'main' },
    { commit: 'Fix the lexer', on: 'fix-b', at: '2026-01-08T09:00:00Z' },
    { merge: 'fix-b', at: '2026-01-08T10:00:00Z', message: 'Merge pull request #12 from ada/fix-b\n\nFix the lexer' },
  ]);
  repo.git('branch', '-D', 'fix-a', 'fix-b', 'prepare-v2.2.0');
  return repo;
}

describe("a release pull request from a branch named for the version it prepares", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = prepared();
    report = await audit({ path: repo.dir, since: '2026-01-02', until: '2026-01-20', now: '2026-01-20T00:00:00Z', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('is a change, counted, with its two commits, shipped by the release that tags it', () => {
    const pull = report.changes.find((c) => c.number === 11);
    expect([pull?.kind, pull?.counted, pull?.commits, pull?.firstCommitAt, pull?.deployRef]).toEqual(['merge', true, 2, '2026-01-06T09:00:00Z', 'v2.2.0']);
    expect(report.summary.excluded.syncs).toBe(0);
  });

  it('ships with the change before it, and leaves the one after it waiting', () => {
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v2.2.0', 2]]);
    expect(report.changes.find((c) => c.number === 12)?.deployRef).toBeNull();
  });
});
