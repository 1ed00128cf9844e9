import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * Two merge-backs of a release line whose shape the helper-merge rule did not reach (prometheus, 2026), and a
 * feature branch that took the line in to build on it (March 2026, UTC; release-3.9 and release-3.14 kept):
 *  release-3.9 leaves main after v3.8.0: `Cut release 3.9.0 (#30)` 02 09:00 (tagged v3.9.0), `fix a crash (#31)`
 *       03 09:00; main lands `Add the formatter (#32)` 03 12:00
 *  #34  the helper branch merge-3.9, cut from main, merges release-3.9 (04 09:00); the line goes on with `Cut v3.9.1
 *       (#33)` 05 09:00 (tagged v3.9.1), which the helper branch merges again (05 10:00); it lands 05 11:00: a sync,
 *       though its second merge of the line is a merge of the helper branch, not of main
 *  #36  release-3.14 leaves main: `chore: prepare 3.14.0-rc.0 (#35)` 06 09:00 (tagged v3.14.0-rc.0); a branch cut from
 *       it commits `prepare 3.14.0` 07 09:00 and lands 07 12:00 (`merge release-3.14 into main`), while the line tags
 *       its own `prepare 3.14.0 (#37)` (07 10:00) v3.14.0: a sync, the line's rc brought back with the bump on it
 *  #38  a feature branch cut from main merges release-3.9 in, then commits `use the fixed parser` 08 09:00; lands
 *       08 10:00: a change, its own commit the work
 *  v3.15.0 tags main on 09 10:00
 */
function mergeBacks(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { tag: 'v3.8.0', annotated: true, at: '2026-03-01T01:00:00Z' },
    { branch: 'release-3.9' },
    { commit: 'Cut release 3.9.0 (#30)', on: 'release-3.9', at: '2026-03-02T09:00:00Z' },
    { tag: 'v3.9.0', ref: 'release-3.9', annotated: true, at: '2026-03-02T09:30:00Z' },
    { commit: 'fix a crash (#31)', on: 'release-3.9', at: '2026-03-03T09:00:00Z' },
    { commit: 'Add the formatter (#32)', on: 'main', at: '2026-03-03T12:00:00Z' },
    { branch: 'merge-3.9', from: 'main' },
    { merge: 'release-3.9', into: 'merge-3.9', at: '2026-03-04T09:00:00Z', message: "Merge remote-tracking branch 'origin/release-3.9' into merge-3.9" },
    { commit: 'Cut v3.9.1 (#33)', on: 'release-3.9', at: '2026-03-05T09:00:00Z' },
    { tag: 'v3.9.1', ref: 'release-3.9', annotated: true, at: '2026-03-05T09:30:00Z' },
    { merge: 'release-3.9', into: 'merge-3.9', at: '2026-03-05T10:00:00Z', message: "Merge branch 'release-3.9' into merge-3.9" },
    { merge: 'merge-3.9', at: '2026-03-05T11:00:00Z', message: 'Merge pull request #34 from acme/merge-3.9-into-main\n\nMerge release-3.9 into main' },
    { branch: 'release-3.14' },
    { commit: 'chore: prepare 3.14.0-rc.0 (#35)', on: 'release-3.14', at: '2026-03-06T09:00:00Z' },
    { tag: 'v3.14.0-rc.0', ref: 'release-3.14', annotated: true, at: '2026-03-06T09:30:00Z' },
    { branch: '3.14-to-main', from: 'release-3.14' },
    { commit: 'prepare 3.14.0', on: '3.14-to-main', at: '2026-03-07T09:00:00Z', files: { VERSION: '3.14.0\n' } },
    { commit: 'prepare 3.14.0 (#37)', on: 'release-3.14', at: '2026-03-07T10:00:00Z', files: { VERSION: '3.14.0\n' } },
    { tag: 'v3.14.0', ref: 'release-3.14', annotated: true, at: '2026-03-07T10:30:00Z' },
    { merge: '3.14-to-main', at: '2026-03-07T12:00:00Z', message: 'Merge pull request #36 from acme/3.14-to-main\n\nmerge release-3.14 into main' },
    { branch: 'use-fix', from: 'main' },
    { merge: 'release-3.9', into: 'use-fix', at: '2026-03-08T08:00:00Z', message: "Merge branch 'release-3.9' into use-fix" },
    { commit: 'use the fixed parser', on: 'use-fix', at: '2026-03-08T09:00:00Z' },
    { merge: 'use-fix', at: '2026-03-08T10:00:00Z', message: 'Merge pull request #38 from acme/use-fix\n\nUse the fixed parser' },
    { tag: 'v3.15.0', annotated: true, at: '2026-03-09T10:00:00Z' },
  ]);
  repo.git('branch', '-D', 'merge-3.9', '3.14-to-main', 'use-fix');
  return repo;
}

describe('a release line merged back by a helper branch that merged it twice, or by a branch of its own', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = mergeBacks();
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const change = (number: number) => report.changes.find((c) => c.number === number);

  it('is a sync when the helper branch merged the line twice', () => {
    expect([change(34)?.kind, change(34)?.counted]).toEqual(['sync', false]);
  });

  it("is a sync when the side is the line's tagged pre-release and a bump on it", () => {
    expect([change(36)?.kind, change(36)?.counted]).toEqual(['sync', false]);
  });

  it('leaves a branch that merged the line in and added its own work a change, shipped by the next release', () => {
    expect([change(38)?.kind, change(38)?.firstCommitAt, change(38)?.deployRef]).toEqual(['merge', '2026-03-08T09:00:00Z', 'v3.15.0']);
    // the initial commit, the formatter, main's own, and the feature: what the window counts
    expect(report.changes.filter((c) => c.counted).map((c) => c.title)).toEqual(['initial commit', 'Add the formatter', 'Use the fixed parser']);
  });
});
