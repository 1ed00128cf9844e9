import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from '../histories/pull-refs.js';

/*
 * A release line that takes main's squashes as they are, as bevy's `release-0.19.1` does: read with --branch, the
 * line's copy of #3 carries `(#3)`, and #3's pull ref was based on main's newer squashes, which the line does not
 * hold. bevy's #24458, a one-line fix of one commit, read as 17 commits from 4 days before its own. 2026, UTC:
 *  v1.0.0          tags the initial commit 05-01; release-1.0.x leaves from there
 *  #1, #2          `feat: one (#1)` 05-02 12:00, `feat: two (#2)` 05-03 12:00: main's squashes
 *  #3              its branch leaves main at #2: `fix: typo` authored 05-04 09:00; squashed on main 05-04 12:00
 *  the line's #3   the squash cherry-picked (its author date kept) 05-05 10:00; v1.0.1 tags it 05-06 12:00
 */
let repo: FixtureRepo;
let report: Report;
beforeAll(async () => {
  repo = buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T01:00:00Z' },
    { branch: 'release-1.0.x' },
    { commit: 'feat: one (#1)', on: 'main', at: '2026-05-02T12:00:00Z', files: { 'one.txt': 'one\n' } },
    { commit: 'feat: two (#2)', on: 'main', at: '2026-05-03T12:00:00Z', files: { 'two.txt': 'two\n' } },
    { branch: 'fix3', from: 'main' },
    { commit: 'fix: typo', on: 'fix3', at: '2026-05-04T09:00:00Z', files: { 'README.md': 'fixed\n' } },
    { commit: 'fix: typo (#3)', on: 'main', at: '2026-05-04T12:00:00Z', files: { 'README.md': 'fixed\n' } },
    { commit: 'fix: typo (#3)', on: 'release-1.0.x', authorAt: '2026-05-04T12:00:00Z', at: '2026-05-05T10:00:00Z', files: { 'README.md': 'fixed\n' } },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-06T12:00:00Z' },
  ]);
  toPullRefs(repo, { 3: 'fix3' });
  // the default branch, as a clone's origin/HEAD names it
  repo.git('checkout', '-q', 'main');
  report = await audit({ path: repo.dir, branch: 'release-1.0.x', since: '2026-05-01', until: '2026-05-15', now: '2026-05-15T00:00:00Z', github: false });
});
afterAll(() => repo.cleanup());

describe('a release line\'s copy of a squash whose pull request was based on main\'s newer commits', () => {
  it('counts the pull request\'s own commit alone, not main\'s squashes it started from', () => {
    const fix = report.changes.find((c) => c.number === 3);
    expect([fix?.commits, fix?.firstCommitAt, fix?.deployRef]).toEqual([1, '2026-05-04T09:00:00Z', 'v1.0.1']);
  });
});
