import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const H = 3600;
const D = 86400;

const find = (report: Report, idOrTitle: string): ReportChange => {
  const found = report.changes.find((c) => c.id === idOrTitle || c.title === idOrTitle);
  if (!found) throw new Error(`no change ${idOrTitle}`);
  return found;
};

/*
 * Backports by reference, truth by construction (May 2026, UTC; every change on main a squash):
 *  #10 Fix the parser      02 10:00   a bot's squash on 1.x names it on its body's first line, as trop does
 *                                     (`* Fix the parser (#10)` under its own `Fix the parser (#20)`), with a
 *                                     new author and a new date: v1.0.1 (03 12:00) ships it, deploy 1d 2h
 *  #11 Speed up the lexer  02 12:00   `Backport #11` in a backport's body: v1.0.1, deploy 1d
 *  #12 Handle empty input  02 14:00   `[1.x] Handle empty input (GH-12) (#23)` (miss-islington): v1.0.1, 22h
 *  #13 Tidy the docs       02 16:00   a release-line commit says `Fixes #13`, an issue reference: not a copy;
 *                                     v1.1.0 (05 12:00) ships it, deploy 2d 20h
 *  #14 Add the formatter   04 10:00   `Add the formatter (#99)` on 1.x: its title, but another number: not a
 *                                     copy; v1.1.0, deploy 1d 2h
 */
function backports(): FixtureRepo {
  const bot = 'trop[bot] <bot@example.com>';
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: '1.x' },
    { commit: 'Fix the parser (#10)', on: 'main', at: '2026-05-02T10:00:00Z' },
    { commit: 'Speed up the lexer (#11)', on: 'main', at: '2026-05-02T12:00:00Z' },
    { commit: 'Handle empty input (#12)', on: 'main', at: '2026-05-02T14:00:00Z' },
    { commit: 'Tidy the docs (#13)', on: 'main', at: '2026-05-02T16:00:00Z' },
    { commit: 'Fix the parser (#20)\n\n* Fix the parser (#10)\n\n* test: cover it\n\nCo-authored-by: Ada <ada@example.com>', on: '1.x', author: bot, at: '2026-05-03T08:00:00Z' },
    { commit: 'chore: faster lexing on 1.x (#21)\n\nBackport #11 by @ada', on: '1.x', author: bot, at: '2026-05-03T09:00:00Z' },
    { commit: '[1.x] Handle empty input (GH-12) (#23)', on: '1.x', author: bot, at: '2026-05-03T10:00:00Z' },
    { commit: 'Document the 1.x parser (#24)\n\nFixes #13', on: '1.x', author: bot, at: '2026-05-03T11:00:00Z' },
    { commit: 'Add the formatter (#99)', on: '1.x', author: bot, at: '2026-05-03T11:30:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-03T12:00:00Z' },
    { commit: 'Add the formatter (#14)', on: 'main', at: '2026-05-04T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-05-05T12:00:00Z' },
  ]);
}

describe('backports by reference', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = backports();
    report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('ships a change with the release-line release whose commit names it by title with (#N) or in a backport phrase', () => {
    const shipped = (id: string): [string | null, number | null] => [find(report, id).deployedAt, find(report, id).stages.deploy];
    expect(shipped('#10')).toEqual(['2026-05-03T12:00:00Z', D + 2 * H]);
    expect(shipped('#11')).toEqual(['2026-05-03T12:00:00Z', D]);
    expect(shipped('#12')).toEqual(['2026-05-03T12:00:00Z', 22 * H]);
  });

  it('links nothing by a bare issue reference, nor by a title under another number', () => {
    expect([find(report, '#13').deployedAt, find(report, '#13').stages.deploy]).toEqual(['2026-05-05T12:00:00Z', 2 * D + 20 * H]);
    expect([find(report, '#14').deployedAt, find(report, '#14').stages.deploy]).toEqual(['2026-05-05T12:00:00Z', D + 2 * H]);
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.0.0', 1], ['v1.0.1', 3], ['v1.1.0', 2]]);
  });
});

/*
 * Failures follow the deploy, truth by construction (June–July 2026, UTC; every change a direct push, the
 * revert window the default 14 days):
 *  cache    02 10:00, reverted 02 11:00 on main; v1.1.0 (03 10:00) names the cache commit itself: it ships the
 *           change, not its revert, which landed before it: v1.1.0 did not fail. v1.2.0 (04 10:00) ships the revert.
 *  search   05 10:00, v1.3.0 (06 10:00); reverted 20 10:00, exactly 14 days later: v1.3.0 failed
 *  export   21 10:00, tune 21 11:00, v1.4.0 (22 10:00) ships them (and the search revert); export reverted
 *           07-06 10:00:01, a second past the window: no failure
 *  #30      squash 24 10:00 whose body holds a sub-commit `Revert "tune the cache"` / `This reverts commit
 *           <tune>`: tune is partially reverted, no failure; v1.5.0 (07-07 10:00) ships #30 and the export revert
 */
function failures(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-06-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-06-01T01:00:00Z' },
    { commit: 'add caching', at: '2026-06-02T10:00:00Z', id: 'cache' },
    { commit: (sha) => `Revert "add caching"\n\nThis reverts commit ${sha('cache')}.`, at: '2026-06-02T11:00:00Z', id: 'uncache' },
    { tag: 'v1.1.0', ref: 'cache', annotated: true, at: '2026-06-03T10:00:00Z' },
    { tag: 'v1.2.0', annotated: true, at: '2026-06-04T10:00:00Z' },
    { commit: 'add search', at: '2026-06-05T10:00:00Z', id: 'search' },
    { tag: 'v1.3.0', annotated: true, at: '2026-06-06T10:00:00Z' },
    { commit: (sha) => `revert: add search\n\nThis reverts commit ${sha('search')}.`, at: '2026-06-20T10:00:00Z', id: 'unsearch' },
    { commit: 'add export', at: '2026-06-21T10:00:00Z', id: 'export' },
    { commit: 'tune the cache', at: '2026-06-21T11:00:00Z', id: 'tune' },
    { tag: 'v1.4.0', annotated: true, at: '2026-06-22T10:00:00Z' },
    {
      commit: (sha) => `Rework the settings (#30)\n\n* Rework the settings\n\n* Revert "tune the cache"\n\nThis reverts commit ${sha('tune')}.\n\n* finish the settings`,
      at: '2026-06-24T10:00:00Z',
      id: 'settings',
    },
    { commit: (sha) => `Revert "add export"\n\nThis reverts commit ${sha('export')}.`, at: '2026-07-06T10:00:01Z', id: 'unexport' },
    { tag: 'v1.5.0', annotated: true, at: '2026-07-07T10:00:00Z' },
  ]);
}

describe('failures follow the deploy', () => {
  let repo: FixtureRepo;
  let report: Report;
  const id = (name: string): string => repo.sha(name).slice(0, 10);
  beforeAll(async () => {
    repo = failures();
    report = await audit({ path: repo.dir, since: '2026-06-01', until: '2026-07-08', now: '2026-07-08T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('fails a deploy only for a revert landed after it, within the window, the edge included', () => {
    expect(report.deploys.map((d) => [d.ref, d.changes, d.failed])).toEqual([
      ['v1.0.0', 1, false],
      // shipped the cache commit an hour after main had reverted it
      ['v1.1.0', 1, false],
      ['v1.2.0', 1, false],
      ['v1.3.0', 1, true],
      // export reverted 14 days and 1 second after it; tune only partly reverted
      ['v1.4.0', 3, false],
      ['v1.5.0', 2, false],
    ]);
    expect(report.deploys[3]?.failureReasons).toEqual([`shipped ${id('search')}, reverted by ${id('unsearch')} within 14 days`]);
    // restored by v1.4.0, which shipped the revert
    expect(report.deploys[3]?.restoredAfter).toBe(16 * D);
    expect(report.summary.dora.changeFailureRate).toMatchObject({ value: 1 / 6, count: 6 });
  });

  it('marks a change named by a sub-commit revert inside a squash partially reverted, not reverted', () => {
    const tune = find(report, 'tune the cache');
    // (it landed while a failed deploy waited for its restore: a repair too, which is another figure's)
    expect([tune.reverted, tune.flags.filter((f) => !f.startsWith('repair:'))]).toEqual([false, ['partially-reverted']]);
    expect(find(report, '#30').flags).not.toContain('partially-reverted');
    // cache, search (by a `revert:` title) and export were reverted; tune was not
    expect(report.changes.filter((c) => c.reverted).map((c) => c.title)).toEqual(['add caching', 'add search', 'add export']);
    expect([report.summary.flow.reverted, report.summary.flow.partiallyReverted]).toEqual([3, 1]);
  });
});

/*
 * Release pull requests merged with a merge commit, and a release line merged back through a helper branch,
 * truth by construction (August 2026, UTC):
 *  #40  a release pull request: its own commit `Version packages` 02 09:00 tagged v3.1.0 (02 10:00) before
 *       it merged (`Merge pull request #40 from acme/changeset-release/main`, 03 09:00): a merge, shipped at
 *       its merge, deploy 0, flagged deployed-before-merge
 *  release-3.0 leaves main at the start: fixes 04 09:00 (tagged v3.0.1 04 10:00) and 05 09:00; merged into
 *       the helper branch merge-3.0 (cut from main) 06 09:00, and merge-3.0 into main as #41 06 10:00: a sync
 *  #42  squash 07 10:00, v3.2.0 (08 10:00): deploy 1d
 *  #43  `Merge v3.2.1 into main (#43)` 08 13:00, its side parent tagged v3.2.1 but no pull request's branch
 *       named: a release brought in, a sync (and v3.2.1 ships nothing of main: no deploy)
 *  #44  prometheus' merge-back: release-3.2 cut from main, `fix the 3.2 cache` 08 14:00 tagged v3.2.2 (08 15:00),
 *       merged back as `Merge pull request #44 from acme/release-3.2` 08 16:00: a pull request whose side parent a
 *       tag names, but from a release line by its name: a sync, no release pull request (v3.2.2 no deploy)
 */
function releasePulls(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-08-01T00:00:00Z' },
    { tag: 'v3.0.0', annotated: true, at: '2026-08-01T01:00:00Z' },
    { branch: 'release-3.0' },
    { branch: 'changeset-release/main' },
    { commit: 'Version packages', on: 'changeset-release/main', at: '2026-08-02T09:00:00Z' },
    { tag: 'v3.1.0', annotated: true, at: '2026-08-02T10:00:00Z' },
    { merge: 'changeset-release/main', at: '2026-08-03T09:00:00Z', message: 'Merge pull request #40 from acme/changeset-release/main\n\nVersion packages' },
    { commit: 'fix the 3.0 parser', on: 'release-3.0', at: '2026-08-04T09:00:00Z' },
    { tag: 'v3.0.1', annotated: true, at: '2026-08-04T10:00:00Z' },
    { commit: 'fix the 3.0 lexer', on: 'release-3.0', at: '2026-08-05T09:00:00Z' },
    { branch: 'merge-3.0', from: 'main' },
    { merge: 'release-3.0', into: 'merge-3.0', at: '2026-08-06T09:00:00Z', message: "Merge branch 'release-3.0' into merge-3.0" },
    { merge: 'merge-3.0', at: '2026-08-06T10:00:00Z', message: 'Merge pull request #41 from acme/merge-3.0\n\nMerge 3.0 into main' },
    { commit: 'Add the formatter (#42)', on: 'main', at: '2026-08-07T10:00:00Z' },
    { tag: 'v3.2.0', annotated: true, at: '2026-08-08T10:00:00Z' },
    { branch: 'hotfix' },
    { commit: 'fix the formatter', on: 'hotfix', at: '2026-08-08T11:00:00Z' },
    { tag: 'v3.2.1', annotated: true, at: '2026-08-08T12:00:00Z' },
    { merge: 'hotfix', at: '2026-08-08T13:00:00Z', message: 'Merge v3.2.1 into main (#43)' },
    { branch: 'release-3.2' },
    { commit: 'fix the 3.2 cache', on: 'release-3.2', at: '2026-08-08T14:00:00Z' },
    { tag: 'v3.2.2', annotated: true, at: '2026-08-08T15:00:00Z' },
    { merge: 'release-3.2', at: '2026-08-08T16:00:00Z', message: 'Merge pull request #44 from acme/release-3.2\n\nRelease 3.2.2' },
  ]);
  repo.git('branch', '-D', 'changeset-release/main', 'merge-3.0', 'hotfix');
  return repo;
}

describe('release pull requests and merge-backs', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = releasePulls();
    report = await audit({ path: repo.dir, since: '2026-08-01', until: '2026-08-09', now: '2026-08-09T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('ships a release pull request merged with a merge commit at the tag on its side parent', () => {
    const release = find(report, '#40');
    expect([release.kind, release.mergedAt, release.deployedAt, release.stages.deploy, release.firstCommitAt]).toEqual(['merge', '2026-08-03T09:00:00Z', '2026-08-03T09:00:00Z', 0, '2026-08-02T09:00:00Z']);
    expect(release.flags).toContain('deployed-before-merge');
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v3.0.0', 1], ['v3.1.0', 1], ['v3.2.0', 1]]);
  });

  it('counts a release line merged back through a helper branch as a sync, whatever its subject', () => {
    expect([find(report, '#41').kind, find(report, '#43').kind, find(report, '#44').kind]).toEqual(['sync', 'sync', 'sync']);
    expect(find(report, '#42').stages.deploy).toBe(D);
    expect(report.summary.unreleased.count).toBe(0);
  });
});
