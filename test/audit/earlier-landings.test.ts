import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A contributor's fork opens each pull request from its own `main`, as hashicorp/nomad's #27051 and #27106 came:
 *  #1  `docs: point the service file at the site`, written 2025-11-04 09:00, squashed 11-04 12:00
 *  #2  the same fork's `main` 11-13 10:00, still holding #1's commit, squashed 2026-05-26 10:00
 * main has a change a month between them. A window from May reads the history from about April, below which #1
 * landed: #2's first commit is its own, 2025-11-13, as a window from October reads it.
 */
function forkMain(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2025-10-01T00:00:00Z' },
    { branch: 'fork-main' },
    { commit: 'docs: point the service file at the site', on: 'fork-main', at: '2025-11-04T09:00:00Z', id: 'p1' },
    { commit: 'docs: point the service file at the site (#1)', on: 'main', at: '2025-11-04T12:00:00Z' },
    { commit: 'api: add the reload endpoint', on: 'fork-main', at: '2025-11-13T10:00:00Z', id: 'p2' },
    ...['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((month, i) => ({ commit: `chore: tidy ${month} (#${10 + i})`, on: 'main', at: `${month}-02T10:00:00Z` })),
    { commit: 'api: add the reload endpoint (#2)', on: 'main', at: '2026-05-26T10:00:00Z' },
  ]);
  repo.git('update-ref', 'refs/pull/1/head', repo.sha('p1'));
  repo.git('update-ref', 'refs/pull/2/head', repo.sha('p2'));
  return repo;
}

describe('a pull request whose branch holds an earlier one landed before the history read', () => {
  let repo: FixtureRepo;
  let short: Report;
  let long: Report;
  beforeAll(async () => {
    repo = forkMain();
    const at = { until: '2026-06-01', now: '2026-06-01T00:00:00Z', github: false };
    short = await audit({ path: repo.dir, since: '2026-05-01', ...at });
    long = await audit({ path: repo.dir, since: '2025-10-01', ...at });
  }, 30_000);
  afterAll(() => repo.cleanup());

  const two = (report: Report) => report.changes.find((c) => c.number === 2);

  it('begins at its own first commit, whatever the window', () => {
    expect([two(long)?.firstCommitAt, two(long)?.commits]).toEqual(['2025-11-13T10:00:00Z', 1]);
    expect([two(short)?.firstCommitAt, two(short)?.commits]).toEqual(['2025-11-13T10:00:00Z', 1]);
    expect(short.changes.map((c) => c.number)).toEqual([15, 2]);
  });
});
