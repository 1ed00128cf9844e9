import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * curl/curl lands its pull requests without GitHub's buttons: a maintainer rebases them onto master as plain
 * commits, often squashed and reworded, whose body ends in `Closes #N`; the author date of the pull request's
 * first commit survives. Over 2025-08-22 → 2026-08-22 1,406 of its 3,530 changes read as direct pushes, the
 * pull requests they close named nowhere, and a few went to the wrong pull request:
 *  #10  three commits squashed into one, reworded (curl's #19281: 33 commits landed as one): a rebase of #10
 *  #11  two commits, each reworded, each saying `Closes #11` (curl's #18952): one change of two commits
 *  typo a commit saying `Closes #10` that copies none of #10's commits (curl's f55974c139, `Closes #19308` for
 *       #19408): the number alone links nothing
 *  #20, #21  two pull requests whose commits carry the same author date, landed 78 minutes apart (curl's #21220
 *       and #21199): #21's reworded landing closes #21, it is not #20's
 *  #31, #30  pushed together; #30's landing commit is the head of #40, a pull request opened on it later (curl's
 *       #18419 and #18413, and #20085 opened months later on master's c3bbd41eef): each is the one it closes
 *  #51  a second attempt holding a copy of #50's first commit, landed with `Closes #51` (curl's #20864 and #20831)
 */
const ada = 'Ada Lovelace <ada@example.com>';
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p10' },
    { commit: 'sftp: fix resume', on: 'p10', at: '2026-03-02T10:00:00Z', id: 'p10a' },
    { commit: 'fixup', on: 'p10', at: '2026-03-03T10:00:00Z' },
    { commit: 'formatting', on: 'p10', at: '2026-03-04T10:00:00Z', id: 'p10' },
    { commit: 'sftp: fix resume corruption\n\nCloses #10', on: 'main', authorAt: '2026-03-02T10:00:00Z', at: '2026-03-05T10:00:00Z', author: ada, id: 'l10' },
    { branch: 'p11', from: 'main' },
    { commit: 'ssh: fix resume', on: 'p11', at: '2026-03-06T09:00:00Z' },
    { commit: 'ssh2: fix resume', on: 'p11', at: '2026-03-06T09:30:00Z', id: 'p11' },
    { commit: 'libssh: fix resume\n\nCloses #11', on: 'main', authorAt: '2026-03-06T09:00:00Z', at: '2026-03-07T10:00:00Z', id: 'l11a' },
    { commit: 'libssh2: fix resume\n\nCloses #11', on: 'main', authorAt: '2026-03-06T09:30:00Z', at: '2026-03-07T10:00:14Z', id: 'l11' },
    { commit: 'vtls: fix capath\n\nCloses #10', on: 'main', authorAt: '2026-03-08T08:00:00Z', at: '2026-03-08T10:00:00Z', id: 'typo' },
    { branch: 'p20', from: 'main' },
    { commit: 'sshserver: add option', on: 'p20', at: '2026-03-09T10:00:00Z', id: 'p20' },
    { branch: 'p21', from: 'main' },
    { commit: 'GHA: restore libssh', on: 'p21', at: '2026-03-09T10:00:00Z', id: 'p21' },
    { commit: 'sshserver: add option\n\nCloses #20', on: 'main', authorAt: '2026-03-09T10:00:00Z', at: '2026-03-10T10:00:00Z', id: 'l20' },
    { commit: 'GHA: restore libssh, fix tests\n\nCloses #21', on: 'main', authorAt: '2026-03-09T10:00:00Z', at: '2026-03-10T11:18:00Z', id: 'l21' },
    { branch: 'p31', from: 'main' },
    { commit: 'tests: verify it', on: 'p31', at: '2026-03-12T08:00:00Z' },
    { commit: 'more', on: 'p31', at: '2026-03-12T09:00:00Z', id: 'p31' },
    { branch: 'p30', from: 'main' },
    { commit: 'docs: drop old versions', on: 'p30', at: '2026-03-12T07:00:00Z', id: 'p30' },
    { commit: 'tests: verify that\n\nCloses #31', on: 'main', authorAt: '2026-03-12T08:00:00Z', at: '2026-03-13T10:00:00Z', id: 'l31' },
    { commit: 'docs: drop old versions\n\nCloses #30', on: 'main', authorAt: '2026-03-12T07:00:00Z', at: '2026-03-13T10:00:20Z', id: 'l30' },
    { branch: 'p50', from: 'main' },
    { commit: 'dns: own file', on: 'p50', at: '2026-03-14T10:00:00Z', id: 'p50a' },
    { commit: 'comment', on: 'p50', at: '2026-03-14T11:00:00Z', id: 'p50' },
    { branch: 'p51', from: 'main' },
    { commit: 'dns: own file', on: 'p51', authorAt: '2026-03-14T10:00:00Z', at: '2026-03-15T10:00:00Z' },
    { commit: 'async state', on: 'p51', at: '2026-03-15T11:00:00Z' },
    { commit: 'observe ip version', on: 'p51', at: '2026-03-15T12:00:00Z', id: 'p51' },
    { commit: 'dns: own file\n\nCloses #51', on: 'main', authorAt: '2026-03-14T10:00:00Z', at: '2026-03-16T10:00:00Z', id: 'l51' },
  ]);
  for (const n of [10, 11, 20, 21, 30, 31, 50, 51]) repo.git('update-ref', `refs/pull/${n}/head`, repo.sha(`p${n}`));
  repo.git('update-ref', 'refs/pull/40/head', repo.sha('l30'));
  return repo;
}

describe('pull requests rebased onto the branch by hand, each landing closing its pull request (curl)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  const of = (id: string): [string, string, number | null, string | null] | undefined => {
    const c = report.changes.find((x) => x.sha === repo.sha(id));
    return c && [c.id, c.kind, c.commits, c.firstCommitAt];
  };

  it('links a squashed, reworded landing that closes its pull request to it, from its first commit', () => {
    expect(of('l10')).toEqual(['#10', 'rebase', 1, '2026-03-02T10:00:00Z']);
  });

  it('makes one change of the commits that close one pull request, pushed together', () => {
    expect(of('l11')).toEqual(['#11', 'rebase', 2, '2026-03-06T09:00:00Z']);
  });

  it('links nothing by a number alone: a commit closing a pull request it copies nothing of is a direct push', () => {
    expect(of('typo')).toEqual([repo.sha('typo').slice(0, 10), 'direct', 1, '2026-03-08T08:00:00Z']);
  });

  it('gives a landing that closes its pull request to it, not to the pull request landed before it with the same author date', () => {
    expect(of('l20')).toEqual(['#20', 'rebase', 1, '2026-03-09T10:00:00Z']);
    expect(of('l21')).toEqual(['#21', 'rebase', 1, '2026-03-09T10:00:00Z']);
  });

  it('gives commits pushed together to the pull requests they close, not to a pull request opened on one of them later', () => {
    expect(of('l31')).toEqual(['#31', 'rebase', 1, '2026-03-12T08:00:00Z']);
    expect(of('l30')).toEqual(['#30', 'rebase', 1, '2026-03-12T07:00:00Z']);
  });

  it('prefers the pull request a landing closes to an earlier attempt holding the same commit', () => {
    expect(of('l51')?.[0]).toBe('#51');
  });

  it('counts one change per landing, none lost', () => {
    expect(report.changes.length).toBe(9);
  });
});
