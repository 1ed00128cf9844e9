import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * traefik's shape: pull requests are squashed under their titles alone, fixes land on the release line, and the
 * line is merged back into master.
 *  #1  `Avoid allocations in readLoop (#1)` lands on main 2026-03-02; v1.0.0 tags it 03-03
 *  v1.0 leaves main there; `Revert "Avoid allocations in readLoop"` is committed on it 03-07 (its `This reverts
 *      commit` line stayed in the pull request) and released as v1.0.1 on 03-08
 *  `Merge v1.0 into main` brings the revert back 03-10, a sync
 * v1.0.0 failed: it shipped #1, reverted on the release line 4 days later, restored by v1.0.1 5 days after it.
 */
function lineRevert(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { commit: 'Avoid allocations in readLoop (#1)', at: '2026-03-02T10:00:00Z', files: { 'read.go': 'pooled\n' } },
    { tag: 'v1.0.0', annotated: true, at: '2026-03-03T10:00:00Z' },
    { branch: 'v1.0' },
    { commit: 'Revert "Avoid allocations in readLoop"', on: 'v1.0', at: '2026-03-07T10:00:00Z', files: { 'read.go': 'plain\n' } },
    { tag: 'v1.0.1', annotated: true, at: '2026-03-08T10:00:00Z' },
    { commit: 'Add the writer (#2)', on: 'main', at: '2026-03-09T10:00:00Z' },
    { merge: 'v1.0', at: '2026-03-10T10:00:00Z', message: 'Merge v1.0 into main' },
  ]);
}

describe('a revert on a release line that names no commit, only the title it quotes', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = lineRevert();
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-20', now: '2026-03-20T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('fails the deploy that shipped the change of that title, restored by the release that holds the revert', () => {
    expect(report.deploys.map((d) => [d.ref, d.failed, d.restoredAfter])).toEqual([['v1.0.0', true, 5 * 86400]]);
    expect(report.summary.dora.changeFailureRate.value).toBe(1);
  });
});

/*
 * axum's shape: v0.8.x took a copy of main's #3603 (same author, author date and subject), then reverted it three
 * days later with `Revert "… (#3603)"`, whose `This reverts commit` line names another copy of it, one only an
 * abandoned backport's pull ref held. axum-v0.8.9, tagged after both, was read as shipping #3603.
 *  #3  lands on main 03-02; v1.0 left main before it, at v1.0.0
 *  v1.0 copies #3 on 03-04 and reverts it on 03-05, naming a commit no change holds; v1.0.1 is tagged on 03-06
 */
describe('a revert on a release line naming a commit no change holds, its quoted title that of a copy on the line', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-03-01T01:00:00Z' },
      { branch: 'v1.0' },
      { branch: 'backport-attempt' },
      { commit: 'Fix tuples overriding error codes (#3)', on: 'main', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-02T10:00:00Z', files: { 'into.rs': 'fixed\n' } },
      // the abandoned backport: another copy, held by its pull ref alone
      { commit: 'Fix tuples overriding error codes (#3)', on: 'backport-attempt', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-03T10:00:00Z', files: { 'into.rs': 'fixed\n' }, id: 'attempt' },
      { commit: 'Fix tuples overriding error codes (#3)', on: 'v1.0', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-04T10:00:00Z', files: { 'into.rs': 'fixed\n' } },
      { commit: (sha) => `Revert "Fix tuples overriding error codes (#3)"\n\nThis reverts commit ${sha('attempt')}.`, on: 'v1.0', at: '2026-03-05T10:00:00Z', files: { 'into.rs': null } },
      { tag: 'v1.0.1', annotated: true, at: '2026-03-06T10:00:00Z' },
      { commit: 'Add the writer (#4)', on: 'main', at: '2026-03-07T10:00:00Z', files: { 'writer.rs': 'w\n' } },
    ]);
    repo.git('update-ref', 'refs/pull/9/head', repo.sha('attempt'));
    repo.git('branch', '-D', 'backport-attempt');
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-20', now: '2026-03-20T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('ships nothing of the change in the release that holds its copy and the revert', () => {
    expect(report.changes.filter((c) => c.number !== null).map((c) => [c.id, c.deployedAt])).toEqual([['#3', null], ['#4', null]]);
    expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.0']);
  });
});
