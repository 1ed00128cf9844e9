import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A pull request of reverts alone, squashed under a title of its own, as renovatebot/renovate's #42707 (`fix(manager/
 * github-actions): revert recent changes`, three `Revert "…"` commits). July 2026, UTC, every change a squash:
 *  #1, #2  two features (01 10:00, 11:00); v1.0.0 tags main on 01 12:00
 *  #3  its branch two `Revert "…"` commits of #1 and #2 (02 09:00, 09:10), squashed as `fix: revert recent changes`
 *      (02 10:00), tagged v1.0.1 (02 12:00): #1 and #2 reverted, v1.0.0 failed
 *  #4  a feature (03 10:00); #5 its branch a revert of #4 and a commit of new work (04 09:00, 09:10), squashed as
 *      `feat: rework the cache` (04 10:00): #4 partly reverted, v1.0.2 (03 12:00) no failure
 */
function reverts(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-07-01T00:00:00Z' },
    { commit: 'feat: semver-partial by default (#1)', on: 'main', at: '2026-07-01T10:00:00Z', id: 'one' },
    { commit: 'feat: migrate to setup-uv v8 (#2)', on: 'main', at: '2026-07-01T11:00:00Z', id: 'two' },
    { tag: 'v1.0.0', annotated: true, at: '2026-07-01T12:00:00Z' },
    { branch: 'revert-recent' },
    { commit: (sha) => `Revert "feat: semver-partial by default (#1)"\n\nThis reverts commit ${sha('one')}.`, on: 'revert-recent', at: '2026-07-02T09:00:00Z' },
    { commit: (sha) => `Revert "feat: migrate to setup-uv v8 (#2)"\n\nThis reverts commit ${sha('two')}.`, on: 'revert-recent', at: '2026-07-02T09:10:00Z', id: 'p3' },
    { commit: (sha) => `fix: revert recent changes (#3)\n\n* Revert "feat: semver-partial by default (#1)"\n\nThis reverts commit ${sha('one')}.\n\n* Revert "feat: migrate to setup-uv v8 (#2)"\n\nThis reverts commit ${sha('two')}.`, on: 'main', at: '2026-07-02T10:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-07-02T12:00:00Z' },
    { commit: 'feat: cache the index (#4)', on: 'main', at: '2026-07-03T10:00:00Z', id: 'four' },
    { tag: 'v1.0.2', annotated: true, at: '2026-07-03T12:00:00Z' },
    { branch: 'rework', from: 'main' },
    { commit: (sha) => `Revert "feat: cache the index (#4)"\n\nThis reverts commit ${sha('four')}.`, on: 'rework', at: '2026-07-04T09:00:00Z' },
    { commit: 'feat: a cache of its own', on: 'rework', at: '2026-07-04T09:10:00Z', id: 'p5' },
    { commit: (sha) => `feat: rework the cache (#5)\n\n* Revert "feat: cache the index (#4)"\n\nThis reverts commit ${sha('four')}.\n\n* feat: a cache of its own`, on: 'main', at: '2026-07-04T10:00:00Z' },
    { tag: 'v1.0.3', annotated: true, at: '2026-07-04T12:00:00Z' },
  ]);
  repo.git('update-ref', 'refs/pull/3/head', repo.sha('p3'));
  repo.git('update-ref', 'refs/pull/5/head', repo.sha('p5'));
  return repo;
}

describe('a pull request of reverts alone', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = reverts();
    report = await audit({ path: repo.dir, since: '2026-07-01', until: '2026-07-06', now: '2026-07-06T00:00:00Z', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  const change = (number: number) => report.changes.find((c) => c.number === number);

  it('reverts what its commits revert, and fails the deploy that shipped them', () => {
    expect([change(1)?.reverted, change(2)?.reverted]).toEqual([true, true]);
    expect(report.deploys.filter((d) => d.failed).map((d) => d.ref)).toEqual(['v1.0.0']);
  });

  it('reads a revert beside new work as a partial one, as before', () => {
    expect([change(4)?.reverted, change(4)?.flags.includes('partially-reverted')]).toEqual([false, true]);
  });
});
