import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A release line merged back into main through a helper branch before any tag named its commits, and two merges
 * that look like it but are not (August 2026, UTC; every branch deleted once merged, as hosts do):
 *  release-3.14 leaves main after v3.13.0: `fix the parser (#11)` 03 09:00 and `prepare 3.14.0-rc.0` 04 09:00 on it;
 *       the helper branch merge-3.14, cut from main, merges it (06 09:00) and lands as #12 (06 10:00): a sync
 *  #20  a release pull request of one commit, `chore(release): 3.14.0` (07 09:00), merged 07 10:00: a change
 *  #21  a feature branch whose own commits end in `bump version to 4.0.0-beta.1` (07 11:00), merged 07 12:00:
 *       no pull request landed on it and no merge names it a release line: a change
 *  v3.14.0 tags main on 08 10:00
 */
function mergeBacks(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-08-01T00:00:00Z' },
    { tag: 'v3.13.0', annotated: true, at: '2026-08-01T01:00:00Z' },
    { branch: 'release-3.14' },
    { commit: 'Add the formatter (#10)', on: 'main', at: '2026-08-02T10:00:00Z' },
    { commit: 'fix the parser (#11)', on: 'release-3.14', at: '2026-08-03T09:00:00Z' },
    { commit: 'prepare 3.14.0-rc.0', on: 'release-3.14', at: '2026-08-04T09:00:00Z' },
    { branch: 'merge-3.14', from: 'main' },
    { merge: 'release-3.14', into: 'merge-3.14', at: '2026-08-06T09:00:00Z', message: "Merge branch 'release-3.14' into merge-3.14" },
    { merge: 'merge-3.14', at: '2026-08-06T10:00:00Z', message: 'Merge pull request #12 from acme/merge-3.14\n\nMerge 3.14 into main' },
    { branch: 'release-please' },
    { commit: 'chore(release): 3.14.0', on: 'release-please', at: '2026-08-07T09:00:00Z' },
    { merge: 'release-please', at: '2026-08-07T10:00:00Z', message: 'Merge pull request #20 from acme/release-please\n\nchore(release): 3.14.0' },
    { branch: 'new-parser' },
    { commit: 'rewrite the parser', on: 'new-parser', at: '2026-08-07T10:30:00Z' },
    { commit: 'bump version to 4.0.0-beta.1', on: 'new-parser', at: '2026-08-07T11:00:00Z' },
    { merge: 'new-parser', at: '2026-08-07T12:00:00Z', message: 'Merge pull request #21 from acme/new-parser\n\nA new parser' },
    { tag: 'v3.14.0', annotated: true, at: '2026-08-08T10:00:00Z' },
  ]);
  repo.git('branch', '-D', 'release-3.14', 'merge-3.14', 'release-please', 'new-parser');
  return repo;
}

describe('a release line merged back before any tag names it', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = mergeBacks();
    report = await audit({ path: repo.dir, since: '2026-08-01', until: '2026-08-09', now: '2026-08-09T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const change = (number: number) => report.changes.find((c) => c.number === number);

  it('is a sync when its side brings a version bump and what it carries, through a helper branch', () => {
    expect([change(12)?.kind, change(12)?.stages.deploy]).toEqual(['sync', null]);
  });

  it('leaves a release pull request of a bump alone, and a feature branch ending in one, as changes', () => {
    expect([change(20)?.kind, change(21)?.kind]).toEqual(['merge', 'merge']);
    expect(change(21)?.deployedAt).toBe('2026-08-08T10:00:00Z');
  });
});

/*
 * flask's maintenance line, `stable` (no version in its name), merged into main after every fix (March 2026, UTC):
 *  #1 lands on stable (02 10:00), released as 1.0.1 on it (03 10:00), `Merge branch 'stable'` into main 04 10:00
 *  #2 lands on stable (05 10:00), not yet released, `Merge branch 'stable'` into main 06 10:00
 *  #3 lands on main (07 10:00)
 * Both merges bring the line's work in, the second though no tag names its commits yet: syncs, and #3 main's one change.
 */
describe('a maintenance line named by a release word alone', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
      { tag: '1.0.0', annotated: true, at: '2026-02-01T01:00:00Z' },
      { branch: 'stable' },
      { branch: 'fix-1', from: 'stable' },
      { commit: 'Fix the loader', on: 'fix-1', at: '2026-03-02T09:00:00Z' },
      { merge: 'fix-1', into: 'stable', at: '2026-03-02T10:00:00Z', message: 'Merge pull request #1 from ada/fix-1\n\nFix the loader' },
      { tag: '1.0.1', ref: 'stable', annotated: true, at: '2026-03-03T10:00:00Z' },
      { merge: 'stable', into: 'main', at: '2026-03-04T10:00:00Z', message: "Merge branch 'stable'" },
      { branch: 'fix-2', from: 'stable' },
      { commit: 'Fix the session', on: 'fix-2', at: '2026-03-05T09:00:00Z' },
      { merge: 'fix-2', into: 'stable', at: '2026-03-05T10:00:00Z', message: 'Merge pull request #2 from ada/fix-2\n\nFix the session' },
      { merge: 'stable', into: 'main', at: '2026-03-06T10:00:00Z', message: "Merge branch 'stable'" },
      { commit: 'Add the router (#3)', on: 'main', at: '2026-03-07T10:00:00Z' },
    ]);
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('reads every merge of it as a sync, the one after its last release too, and counts main\'s own change alone', () => {
    expect(report.changes.map((c) => [c.title, c.kind])).toEqual([
      ["Merge branch 'stable'", 'sync'],
      ["Merge branch 'stable'", 'sync'],
      ['Add the router', 'squash'],
    ]);
    expect(report.summary.changes).toBe(1);
    expect(report.summary.excluded.syncs).toBe(2);
  });
});
