import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * traefik squashes its pull requests under their titles alone, on master and on its release line alike (GitHub
 * commits them), and merges the line back into master. March 2026, UTC; the clone has refs/pull/*.
 *  #1  squashed on master by GitHub as `Add the router` (02 10:00), its tree #1's head's: a change
 *  v1.0 leaves master there; #2 `Fix the timeout` (03 10:00) and #3 `Fix the retry` (04 10:00) are squashed on
 *      it by GitHub, each with its pull request's tree; Ada pushes `Prepare release v1.0.1` herself (04 12:00)
 *  `Merge v1.0 into master` (05 10:00): a sync carrying #2 and #3, which landed first on v1.0
 *  #4  Ada's `Fix the proxy` (06 09:00), squashed on master as `Fix the proxy (#4)` (06 10:00); #5 backports it to
 *      v1.0, a cherry-pick (same author, author date and subject, committed 06 11:00, its test left out), squashed
 *      there by Bea under the title alone (06 12:00), tagged v1.0.2 (06 13:00): #4's first deploy
 */
const github = 'GitHub <noreply@github.com>';
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z', files: { 'router.go': 'v0\n', 'retry.go': 'v0\n', 'timeout.go': 'v0\n' } },
    { branch: 'p1' },
    { commit: 'Add the router', on: 'p1', at: '2026-03-02T09:00:00Z', files: { 'router.go': 'v1\n' }, id: 'p1' },
    { commit: 'Add the router', on: 'main', at: '2026-03-02T10:00:00Z', committer: github, files: { 'router.go': 'v1\n' } },
    { branch: 'v1.0' },
    { branch: 'p2', from: 'v1.0' },
    { commit: 'Fix the timeout', on: 'p2', at: '2026-03-03T09:00:00Z', files: { 'timeout.go': 'v1\n' }, id: 'p2' },
    { commit: 'Fix the timeout', on: 'v1.0', at: '2026-03-03T10:00:00Z', committer: github, files: { 'timeout.go': 'v1\n' } },
    { branch: 'p3', from: 'v1.0' },
    { commit: 'Fix the retry', on: 'p3', at: '2026-03-04T09:00:00Z', files: { 'retry.go': 'v1\n' }, id: 'p3' },
    { commit: 'Fix the retry', on: 'v1.0', at: '2026-03-04T10:00:00Z', committer: github, files: { 'retry.go': 'v1\n' } },
    { commit: 'Prepare release v1.0.1', on: 'v1.0', at: '2026-03-04T12:00:00Z', files: { 'CHANGELOG.md': 'v1.0.1\n' } },
    { tag: 'v1.0.1', annotated: true, at: '2026-03-04T13:00:00Z' },
    { merge: 'v1.0', at: '2026-03-05T10:00:00Z', message: 'Merge v1.0 into master' },
    { branch: 'p4' },
    { commit: 'Fix the proxy', on: 'p4', at: '2026-03-06T09:00:00Z', files: { 'proxy.go': 'v1\n', 'proxy_test.go': 'main only\n' }, id: 'p4' },
    { commit: 'Fix the proxy (#4)', on: 'main', at: '2026-03-06T10:00:00Z', committer: github, files: { 'proxy.go': 'v1\n', 'proxy_test.go': 'main only\n' } },
    { branch: 'p5', from: 'v1.0' },
    { commit: 'Fix the proxy', on: 'p5', authorAt: '2026-03-06T09:00:00Z', at: '2026-03-06T11:00:00Z', files: { 'proxy.go': 'v1\n' }, id: 'p5' },
    { commit: 'Fix the proxy', on: 'v1.0', at: '2026-03-06T12:00:00Z', author: 'Bea <bea@example.com>', committer: github, files: { 'proxy.go': 'v1\n' } },
    { tag: 'v1.0.2', annotated: true, at: '2026-03-06T13:00:00Z' },
  ]);
  for (const n of [1, 2, 3, 4, 5]) repo.git('update-ref', `refs/pull/${n}/head`, repo.sha(`p${n}`));
  repo.git('branch', '-D', 'p1', 'p2', 'p3', 'p4', 'p5');
  return repo;
}

describe('a release line\'s squashes that name no pull request, carried back by a sync (traefik)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-03-02', until: '2026-03-08', now: '2026-03-08T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('counts the pull requests whose trees the line\'s squashes have among those the sync carried', () => {
    expect(report.changes.map((c) => [c.id, c.kind, c.carriedPulls ?? null])).toEqual([
      ['#1', 'squash', null],
      [expect.any(String), 'sync', 2],
      ['#4', 'squash', null],
    ]);
    expect(report.summary.excluded).toMatchObject({ syncs: 1, syncedPulls: 2, carryingSyncs: 1 });
    expect(report.notes.filter((n) => / through \d+ syncs? of /.test(n))).toEqual([
      "2 of the window's 4 pull requests reached main through 1 sync of `v1.0`: a sync is left out of every figure, so their work is not measured here. Run with --branch v1.0 to measure them where they landed.",
    ]);
  });

  it('ships a change in the release of the line\'s squash whose pull request, read by its tree, holds a copy of its commit', () => {
    expect(report.changes.filter((c) => c.id === '#4').map((c) => [c.deployRef, c.deployedAt])).toEqual([['v1.0.2', '2026-03-06T13:00:00Z']]);
  });
});
