import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * tokio's release lines take their pull requests by a push of the branch as it was, each commit titled as a squash
 * is (`chore: prepare Tokio v1.43.4 (#7821)`, its refs/pull/7821/head itself, written 32 minutes before it was
 * rebased onto tokio-1.43.x and tagged tokio-1.43.4). Read as a squash whose pull ref held nothing off the line, it
 * had its commits unseen and no lead time.
 *  #1    squash on main, 03-02 10:00, tagged v1.0.0 at 11:00
 *  #2    `Prepare v1.0.1 (#2)`, authored 03-03 09:00, committed 09:30: refs/pull/2/head; tagged v1.0.1 at 10:00
 *  #3    `Fix the loader (#3)`, authored and committed 03-04 09:00 (a merge tool's squash pushed to the pull request
 *        before it landed, as Graphite does): refs/pull/3/head, its work's commits still unseen; tagged v1.0.2 at 10:00
 */
describe('a pull request pushed as it was, its subject ending in its number', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
      { commit: 'Add the parser (#1)', at: '2026-03-02T10:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-03-02T11:00:00Z' },
      { commit: 'Prepare v1.0.1 (#2)', authorAt: '2026-03-03T09:00:00Z', at: '2026-03-03T09:30:00Z', id: 'prepare' },
      { tag: 'v1.0.1', annotated: true, at: '2026-03-03T10:00:00Z' },
      { commit: 'Fix the loader (#3)', at: '2026-03-04T09:00:00Z', id: 'squashed' },
      { tag: 'v1.0.2', annotated: true, at: '2026-03-04T10:00:00Z' },
    ]);
    repo.git('update-ref', 'refs/pull/2/head', repo.sha('prepare'));
    repo.git('update-ref', 'refs/pull/3/head', repo.sha('squashed'));
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('takes the pushed commit for its own, its lead time from its author date to its tag', () => {
    const prepare = report.changes.find((c) => c.id === '#2');
    expect([prepare?.kind, prepare?.title, prepare?.commits, prepare?.firstCommitAt, prepare?.leadTime]).toEqual(['rebase', 'Prepare v1.0.1', 1, '2026-03-03T09:00:00Z', 3600]);
    expect(prepare?.flags).not.toContain('commits-unseen');
  });

  it('leaves a squash written as it landed with its commits unseen', () => {
    const squashed = report.changes.find((c) => c.id === '#3');
    expect([squashed?.kind, squashed?.commits, squashed?.leadTime, squashed?.flags]).toEqual(['squash', null, null, ['commits-unseen']]);
  });
});
