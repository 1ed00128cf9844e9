import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * Pull requests rebase-merged by GitHub whose own commits' subjects name them as a squash's does (getsentry/
 * sentry-javascript's #20900, #20510 and #20393, May-June 2026: read as two squashes of one number and direct pushes):
 *  #20  three commits, the first and last titled `… (#20)`, written 03-02 → 03-04, rebased onto main 03-05 10:00
 *  #21  two commits, the first titled `… (#21)` (03-06 09:00), the second not; rebased 03-07 10:00
 *  #23  three commits, the second titled `… (#23)`: its first commit, untitled, is a copy of #22's only commit
 *       (#22 stacked on it, never merged); rebased 03-09 10:00
 *  #24  one commit squashed as `fix: spacing (#24)` 03-10 10:00: a squash, as before
 *  main's own `Add the formatter (#19)`, 03-04 12:00, lies between #20's commits and its landing
 */
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p20' },
    { commit: 'feat: orchestrion proof of concept (#20)', on: 'p20', at: '2026-03-02T10:00:00Z' },
    { commit: 'ref: move orchestrion into utils', on: 'p20', at: '2026-03-03T10:00:00Z' },
    { commit: 'feat: collapse the opt-in to one option (#20)', on: 'p20', at: '2026-03-04T10:00:00Z', id: 'p20' },
    { commit: 'Add the formatter (#19)', on: 'main', at: '2026-03-04T12:00:00Z' },
    { commit: 'feat: orchestrion proof of concept (#20)', on: 'main', authorAt: '2026-03-02T10:00:00Z', at: '2026-03-05T10:00:00Z', id: 'l20a' },
    { commit: 'ref: move orchestrion into utils', on: 'main', authorAt: '2026-03-03T10:00:00Z', at: '2026-03-05T10:00:00Z' },
    { commit: 'feat: collapse the opt-in to one option (#20)', on: 'main', authorAt: '2026-03-04T10:00:00Z', at: '2026-03-05T10:00:00Z', id: 'l20' },
    { branch: 'p21', from: 'main' },
    { commit: 'feat: vendor the redis instrumentation (#21)', on: 'p21', at: '2026-03-06T09:00:00Z' },
    { commit: 'fix(redis): handle a missing socket', on: 'p21', at: '2026-03-06T10:00:00Z', id: 'p21' },
    { commit: 'feat: vendor the redis instrumentation (#21)', on: 'main', authorAt: '2026-03-06T09:00:00Z', at: '2026-03-07T10:00:00Z' },
    { commit: 'fix(redis): handle a missing socket', on: 'main', authorAt: '2026-03-06T10:00:00Z', at: '2026-03-07T10:00:00Z', id: 'l21' },
    { branch: 'p22', from: 'main' },
    { commit: 'core: add getDefaultExport', on: 'p22', at: '2026-03-08T08:00:00Z', id: 'p22' },
    { branch: 'p23', from: 'p22' },
    { commit: 'feat(http): portable client instrumentation (#23)', on: 'p23', at: '2026-03-08T09:00:00Z' },
    { commit: 'test: the double instrumentation', on: 'p23', at: '2026-03-08T10:00:00Z', id: 'p23' },
    { commit: 'core: add getDefaultExport', on: 'main', authorAt: '2026-03-08T08:00:00Z', at: '2026-03-09T10:00:00Z', id: 'l23a' },
    { commit: 'feat(http): portable client instrumentation (#23)', on: 'main', authorAt: '2026-03-08T09:00:00Z', at: '2026-03-09T10:00:00Z' },
    { commit: 'test: the double instrumentation', on: 'main', authorAt: '2026-03-08T10:00:00Z', at: '2026-03-09T10:00:00Z', id: 'l23' },
    { branch: 'p24', from: 'main' },
    { commit: 'fix: spacing', on: 'p24', at: '2026-03-10T09:00:00Z', id: 'p24' },
    { commit: 'fix: spacing (#24)', on: 'main', at: '2026-03-10T10:00:00Z', id: 'l24' },
  ]);
  for (const n of [20, 21, 22, 23, 24]) repo.git('update-ref', `refs/pull/${n}/head`, repo.sha(`p${n}`));
  return repo;
}

describe('a pull request rebase-merged whose commits name it as a squash does', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  const row = (c: Report['changes'][number]) => [c.id, c.kind, c.commits, c.firstCommitAt, c.mergedAt];

  it('is one change of all its commits, from its first', () => {
    expect(report.changes.map(row)).toEqual([
      [report.changes[0]?.id, 'direct', 1, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'],
      ['#19', 'squash', null, null, '2026-03-04T12:00:00Z'],
      ['#20', 'rebase', 3, '2026-03-02T10:00:00Z', '2026-03-05T10:00:00Z'],
      ['#21', 'rebase', 2, '2026-03-06T09:00:00Z', '2026-03-07T10:00:00Z'],
      ['#23', 'rebase', 3, '2026-03-08T08:00:00Z', '2026-03-09T10:00:00Z'],
      ['#24', 'squash', 1, '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'],
    ]);
  });

  it('lands at its last commit, sized as one diff of all of them', () => {
    const twenty = report.changes.find((c) => c.id === '#20');
    expect([twenty?.sha, twenty?.files]).toEqual([repo.sha('l20'), 3]);
  });
});
