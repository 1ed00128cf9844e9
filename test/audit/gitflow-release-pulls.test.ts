import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * GitFlow as serilog/serilog runs it: pull requests land on `dev` (the tracked branch), and each release is a pull
 * request from `dev` itself into main (`Merge pull request #2118 from serilog/dev`), tagged there. That release pull
 * request's `refs/pull/N/head` is dev's tip when it merged, a first-parent commit of dev: serilog's `Update
 * publishing key`, pushed straight to dev, read as change #2118 ("rebase") when it is a direct push.
 *  #1   squash on dev, 03-02
 *  key  direct push to dev, 03-03; the head of #2, the release pull request from dev into main
 *  #2   `Merge pull request #2 from acme/dev` into main, 03-04, tagged v1.1.0
 *  #3   squash on dev, 03-05, tagged v1.2.0 there (lightweight, as serilog tagged v4.1.0 on dev's #2131)
 *  #4   `Merge pull request #4 from acme/dev` into main, 03-07: the release of #3
 * Measured on main (`--branch main`), #2 and #4 are alike: each brings dev's work, which landed there first (a
 * sync), whether its tag is on the merge or on dev's commit it merged. serilog's #2123 and #2142, whose side
 * parents (#2131's and #2141's squashes) were tagged v4.1.0 and v4.2.0, read as changes of 7 and 11 commits,
 * "deployed before merge", while its five other release merges read as syncs.
 */
function history(mergedBack = false, titled = false): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-02-01T01:00:00Z' },
    { branch: 'dev' },
    { commit: 'Add the parser (#1)', on: 'dev', at: '2026-03-02T10:00:00Z' },
    { commit: 'Update publishing key', on: 'dev', at: '2026-03-03T10:00:00Z', id: 'key' },
    { merge: 'dev', into: 'main', at: '2026-03-04T10:00:00Z', message: titled ? 'Release 1.1 (#2)' : 'Merge pull request #2 from acme/dev\n\n1.1.0 Release' },
    { tag: 'v1.1.0', annotated: true, at: '2026-03-04T11:00:00Z' },
    // shlink merges main back into develop after a hotfix: the release merge is then reachable from dev
    ...(mergedBack ? [{ merge: 'main', into: 'dev', at: '2026-03-04T12:00:00Z', message: "Merge branch 'main' into dev" }] : []),
    { commit: 'Add the cache (#3)', on: 'dev', at: '2026-03-05T10:00:00Z', id: 'cache' },
    { tag: 'v1.2.0', ref: 'cache' },
    { merge: 'dev', into: 'main', at: '2026-03-07T10:00:00Z', message: 'Merge pull request #4 from acme/dev\n\n1.2.0 Release' },
  ]);
  repo.git('update-ref', 'refs/pull/2/head', repo.sha('key'));
  return repo;
}

// shlink's #2491, #2510 and #2570: with main merged back into develop, the release merges were reachable from it and
// its direct pushes read as rebases of the release pull requests (9 of its 12 "rebase" changes since 2024)
for (const mergedBack of [false, true]) {
  describe(`a release pull request from the tracked branch itself (GitFlow)${mergedBack ? ', main merged back into it' : ''}`, () => {
    let repo: FixtureRepo;
    let report: Report;
    beforeAll(async () => {
      repo = history(mergedBack);
      report = await audit({ path: repo.dir, branch: 'dev', since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} });
    }, 30_000);
    afterAll(() => repo.cleanup());

    it("does not make dev's tip, its head, a change landed as that pull request", () => {
      const key = report.changes.find((c) => c.sha === repo.sha('key'));
      expect([key?.kind, key?.number]).toEqual(['direct', null]);
    });

    it('still ships both changes with the tag on main', () => {
      expect(report.changes.filter((c) => c.kind !== 'sync').map((c) => [c.title, c.deployedAt])).toEqual([
        ['Add the parser', '2026-03-04T11:00:00Z'],
        ['Update publishing key', '2026-03-04T11:00:00Z'],
        ['Add the cache', '2026-03-05T10:00:00Z'],
      ]);
    });
  });
}

// apollo-client's `Release 4.2 (#13129)`: GitHub's merge of the release line into main under the pull request's title,
// which names no head; its side, the line's tip `Exit prerelease mode`, read as #13129 landed by a rebase
describe('a release pull request from the tracked branch itself, merged under its own title', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history(false, true);
    report = await audit({ path: repo.dir, branch: 'dev', since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it("does not make dev's tip, its head, a change landed as that pull request", () => {
    const key = report.changes.find((c) => c.sha === repo.sha('key'));
    expect([key?.kind, key?.number, key?.title]).toEqual(['direct', null, 'Update publishing key']);
  });
});

describe('release pull requests from dev, measured on main', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, branch: 'main', since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('reads each as a sync, its side parent tagged or not: their work landed on dev first', () => {
    expect(report.changes.map((c) => [c.id, c.kind, c.counted])).toEqual([
      ['#2', 'sync', false],
      ['#4', 'sync', false],
    ]);
  });
});
