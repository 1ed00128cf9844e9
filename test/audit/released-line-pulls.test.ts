import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * pip's release pull requests (April 2026, UTC; the release branch lives in the release manager's fork, so no ref
 * of this repository keeps it):
 *  #10  `Fix the parser (#10)`, squashed on main 02 10:00
 *  release/26.1 leaves main: `Update AUTHORS.txt` 03 09:00, `Bump for release` 03 09:10 (tagged 26.1, 03 09:20),
 *       `Bump for development` 03 09:11; merged back as `Merge pull request #11 from rm/release/26.1` 03 12:00:
 *       a sync — it brings the released line back; read as a change, its `Bump for development` waited for 26.1.1
 *  #12  `Speed up the lexer (#12)`, squashed on main 04 10:00
 *  26.1.1 tags main on 06 10:00
 */
function releasedLine(head = 'rm/release/26.1'): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-04-01T00:00:00Z' },
    { commit: 'Fix the parser (#10)', at: '2026-04-02T10:00:00Z' },
    { branch: 'release/26.1' },
    { commit: 'Update AUTHORS.txt', on: 'release/26.1', at: '2026-04-03T09:00:00Z' },
    { commit: 'Bump for release', on: 'release/26.1', at: '2026-04-03T09:10:00Z' },
    { tag: '26.1', annotated: true, at: '2026-04-03T09:20:00Z' },
    { commit: 'Bump for development', on: 'release/26.1', at: '2026-04-03T09:11:00Z' },
    { merge: 'release/26.1', into: 'main', at: '2026-04-03T12:00:00Z', message: `Merge pull request #11 from ${head}\n\nRelease/26.1` },
    { commit: 'Speed up the lexer (#12)', on: 'main', at: '2026-04-04T10:00:00Z' },
    { tag: '26.1.1', annotated: true, at: '2026-04-06T10:00:00Z' },
  ]);
  repo.git('branch', '-D', 'release/26.1');
  return repo;
}

describe('a pull request from a released line (pip)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = releasedLine();
    report = await audit({ path: repo.dir, since: '2026-04-01', until: '2026-04-08', now: '2026-04-08T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const change = (number: number) => report.changes.find((c) => c.number === number);

  it('is a sync, not a change that waits for the next release', () => {
    expect([change(11)?.kind, change(11)?.deployedAt ?? null]).toEqual(['sync', null]);
    // the initial commit, #10 and #12
    expect(report.summary.changes).toBe(3);
  });

  it('leaves the tags shipping the changes on main', () => {
    expect(change(10)?.deployedAt).toBe('2026-04-03T09:20:00Z');
    expect(change(12)?.deployedAt).toBe('2026-04-06T10:00:00Z');
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['26.1', 2], ['26.1.1', 1]]);
  });
});

// pip's #13632 `from notatallshaw/fix-release-25.3-commit-order` merged 25.3's tagged commits back from a branch no
// release line by its name (a topic that speaks of the release): a sync all the same
describe('a pull request from a topic branch named for a release, bringing its tagged commits back (pip #13632)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = releasedLine('rm/fix-release-26.1-commit-order');
    report = await audit({ path: repo.dir, since: '2026-04-01', until: '2026-04-08', now: '2026-04-08T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('is a sync', () => {
    const merged = report.changes.find((c) => c.number === 11);
    expect([merged?.kind, merged?.deployedAt ?? null]).toEqual(['sync', null]);
    expect(report.summary.changes).toBe(3);
  });
});

/*
 * pip's 25.3 (October 2025): the release manager tagged a rebased copy of the line's `Bump for release`
 * (a52069365, the same author, author date and subject as the pull request's fc9ffc26a), so the pull request
 * merged back, `Merge pull request #13631 from notatallshaw/release/25.3`, holds no tagged commit, only the copy's
 * original. It was read as a change "Release/25.3" of 4 commits.
 */
describe('a pull request from a released line whose tag is on a copy of its commit (pip 25.3)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2025-10-01T00:00:00Z' },
      { commit: 'Fix the parser (#10)', at: '2025-10-02T10:00:00Z' },
      { branch: 'release/25.3' },
      { branch: 'tagged' },
      { commit: 'Update AUTHORS.txt', on: 'release/25.3', at: '2025-10-03T09:00:00Z' },
      { commit: 'Bump for release', on: 'release/25.3', at: '2025-10-03T09:10:00Z' },
      { commit: 'Bump for development', on: 'release/25.3', at: '2025-10-03T09:11:00Z' },
      { commit: 'Remove unneeded news entry', on: 'release/25.3', at: '2025-10-03T11:00:00Z' },
      // the copies the tag is on, rebased in the evening
      { commit: 'Update AUTHORS.txt', on: 'tagged', authorAt: '2025-10-03T09:00:00Z', at: '2025-10-03T20:00:00Z' },
      { commit: 'Bump for release', on: 'tagged', authorAt: '2025-10-03T09:10:00Z', at: '2025-10-03T20:06:00Z' },
      { tag: '25.3', annotated: true, at: '2025-10-03T20:10:00Z' },
      { merge: 'release/25.3', into: 'main', at: '2025-10-03T23:25:00Z', message: 'Merge pull request #11 from rm/release/25.3\n\nRelease/25.3' },
      { commit: 'Speed up the lexer (#12)', on: 'main', at: '2025-10-04T10:00:00Z' },
      { tag: '25.3.1', annotated: true, at: '2025-10-06T10:00:00Z' },
    ]);
    repo.git('branch', '-D', 'release/25.3', 'tagged');
    report = await audit({ path: repo.dir, since: '2025-10-01', until: '2025-10-08', now: '2025-10-08T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const change = (number: number) => report.changes.find((c) => c.number === number);

  it('is a sync, as when the tag is on its own commit', () => {
    expect([change(11)?.kind, change(11)?.deployedAt ?? null]).toEqual(['sync', null]);
    expect(report.summary.changes).toBe(3);
    expect(change(12)?.deployedAt).toBe('2025-10-06T10:00:00Z');
  });
});
