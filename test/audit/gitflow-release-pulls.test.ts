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
 */
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-02-01T01:00:00Z' },
    { branch: 'dev' },
    { commit: 'Add the parser (#1)', on: 'dev', at: '2026-03-02T10:00:00Z' },
    { commit: 'Update publishing key', on: 'dev', at: '2026-03-03T10:00:00Z', id: 'key' },
    { merge: 'dev', into: 'main', at: '2026-03-04T10:00:00Z', message: 'Merge pull request #2 from acme/dev\n\n1.1.0 Release' },
    { tag: 'v1.1.0', annotated: true, at: '2026-03-04T11:00:00Z' },
  ]);
  repo.git('update-ref', 'refs/pull/2/head', repo.sha('key'));
  return repo;
}

describe('a release pull request from the tracked branch itself (GitFlow)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, branch: 'dev', since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it("does not make dev's tip, its head, a change landed as that pull request", () => {
    const key = report.changes.find((c) => c.sha === repo.sha('key'));
    expect([key?.kind, key?.number]).toEqual(['direct', null]);
  });

  it('still ships both changes with the tag on main', () => {
    expect(report.changes.map((c) => [c.title, c.deployedAt])).toEqual([
      ['Add the parser', '2026-03-04T11:00:00Z'],
      ['Update publishing key', '2026-03-04T11:00:00Z'],
    ]);
  });
});
