import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * jquery/jquery squashes each pull request, rewrites the subject without its `(#N)`, and ends the body with
 * `Closes gh-N` (March 2026, UTC; the clone has refs/pull/*). Over its year to 2026-07-21, 70 of its 89 changes
 * read as direct pushes of no coding time.
 *  #7   Bea's two commits (02 09:00, 03 09:00), squashed as Bea on 05 10:00 with `Closes gh-7`: the squash of #7
 *  #8   Bea's pull request, closed by Ada's own commit (07 10:00) that does the work another way: Ada's direct push
 *  gh-9 an issue (no pull ref), closed by a commit (08 10:00): a direct push
 *  #12  Bea's pull request whose commit came after (09 12:00) the commit closing it (09 10:00): no squash of it
 *  again Bea's later commit (10 10:00) closing #7 again: #7 landed already, a direct push
 *  #14  Cem's commit as git knows him (`cem <cem@home.example>`, 11 09:00), squashed by GitHub under his account
 *       (`Cem Yılmaz <5551+cem@users.noreply.github.com>`, 12 10:00) as Zeppelin's are: the squash of #14
 */
const bea = 'Bea <bea@example.com>';
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p7' },
    { commit: 'Selector: decode escapes', on: 'p7', at: '2026-03-02T09:00:00Z', author: bea },
    { commit: 'review fixes', on: 'p7', at: '2026-03-03T09:00:00Z', author: bea, id: 'p7' },
    { branch: 'p8' },
    { commit: 'Ajax: retry on 503', on: 'p8', at: '2026-03-04T09:00:00Z', author: bea, id: 'p8' },
    { commit: 'Selector: Decode invalid escape code points\n\nCloses gh-7', on: 'main', at: '2026-03-05T10:00:00Z', author: bea, id: 'l7' },
    { commit: 'Ajax: Retry once on 503\n\nCloses gh-8', on: 'main', at: '2026-03-07T10:00:00Z', id: 'l8' },
    { commit: 'Core: Fix the docs link\n\nCloses gh-9', on: 'main', at: '2026-03-08T10:00:00Z', author: bea, id: 'l9' },
    { commit: 'Tests: Add a timeout\n\nCloses gh-12', on: 'main', at: '2026-03-09T10:00:00Z', author: bea, id: 'l12' },
    { branch: 'p12' },
    { commit: 'Tests: add a timeout', on: 'p12', at: '2026-03-09T12:00:00Z', author: bea, id: 'p12' },
    { commit: 'Selector: One more escape\n\nCloses gh-7', on: 'main', at: '2026-03-10T10:00:00Z', author: bea, id: 'again' },
    { branch: 'p14' },
    { commit: 'interpreter: bind the session', on: 'p14', at: '2026-03-11T09:00:00Z', author: 'cem <cem@home.example>', id: 'p14' },
    { commit: '[ZEPPELIN-6582] Bind the session\n\nCloses #14 from cem/ZEPPELIN-6582.', on: 'main', at: '2026-03-12T10:00:00Z', author: 'Cem Yılmaz <5551+cem@users.noreply.github.com>', id: 'l14' },
  ]);
  for (const n of [7, 8, 12, 14]) repo.git('update-ref', `refs/pull/${n}/head`, repo.sha(`p${n}`));
  repo.git('branch', '-D', 'p7', 'p8', 'p12', 'p14');
  return repo;
}

describe('pull requests squashed with a rewritten subject, the body closing them (jQuery)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-03-02', until: '2026-03-13', now: '2026-03-13T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const of = (id: string) => {
    const c = report.changes.find((x) => x.sha === repo.sha(id));
    return [c?.id, c?.kind, c?.commits, c?.firstCommitAt];
  };

  it('reads a squash closing its own author\'s pull request as that pull request, its commits from the pull ref', () => {
    expect(of('l7')).toEqual(['#7', 'squash', 2, '2026-03-02T09:00:00Z']);
    expect(report.changes.find((c) => c.id === '#7')?.title).toBe('Selector: Decode invalid escape code points');
  });

  it('knows the author under the account GitHub squashed with, and Spark\'s `Closes #N from owner/branch.`', () => {
    expect(of('l14')).toEqual(['#14', 'squash', 1, '2026-03-11T09:00:00Z']);
  });

  it('links nothing when another author closes it, when the number is an issue\'s, or when the pull request moved on after', () => {
    expect(of('l8')).toEqual([repo.sha('l8').slice(0, 10), 'direct', 1, '2026-03-07T10:00:00Z']);
    expect(of('l9')).toEqual([repo.sha('l9').slice(0, 10), 'direct', 1, '2026-03-08T10:00:00Z']);
    expect(of('l12')).toEqual([repo.sha('l12').slice(0, 10), 'direct', 1, '2026-03-09T10:00:00Z']);
  });

  it('lands a pull request once: a later commit closing it again is a direct push', () => {
    expect(of('again')).toEqual([repo.sha('again').slice(0, 10), 'direct', 1, '2026-03-10T10:00:00Z']);
  });
});

/*
 * golang/tools reviews on Gerrit; GerritBot makes a Gerrit change of each GitHub pull request and stamps the author
 * date again at each import: #577's landing (ff4549442) reads a first commit of 2026-03-03 where its pull request's
 * commit is of 2025-05-27. Each landing carries `Reviewed-on:` (a trailer-linked change of its own).
 *  #3   Aki's commit (01 09:00), imported as Aki's change 100 (06 10:00): the squash of #3, first commit 01 09:00
 *  101  a change of Ada's, reviewed on Gerrit alone: a trailer-linked change
 *  #5   Bea's pull request, its import landed under Ada's name (08 10:00): not Bea's work landing, a trailer change
 */
describe('a Gerrit change GerritBot made of a GitHub pull request (golang/tools)', () => {
  let repo: FixtureRepo;
  let report: Report;
  const aki = 'Aki <aki@example.jp>';
  const gerrit = (subject: string, cl: number, pull?: number): string =>
    `${subject}\n\nChange-Id: I${cl}\n${pull === undefined ? '' : `GitHub-Last-Rev: 0a3bd4957aa41538ef383efe70d674d4be7cd3c7\nGitHub-Pull-Request: golang/tools#${pull}\n`}Reviewed-on: https://go-review.googlesource.com/c/tools/+/${cl}\nReviewed-by: Ada <ada@example.com>`;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
      { branch: 'p3' },
      { commit: 'cmd/stringer: support aliases', on: 'p3', at: '2026-03-01T09:00:00Z', author: aki, id: 'p3' },
      { branch: 'p5' },
      { commit: 'gopls: faster hover', on: 'p5', at: '2026-03-02T09:00:00Z', author: bea, id: 'p5' },
      { commit: gerrit('cmd/stringer: support aliases', 100, 3), on: 'main', at: '2026-03-06T10:00:00Z', author: aki, id: 'l3' },
      { commit: gerrit('go/ssa: fix a panic', 101), on: 'main', at: '2026-03-07T10:00:00Z', id: 'l101' },
      { commit: gerrit('gopls: faster hover', 102, 5), on: 'main', at: '2026-03-08T10:00:00Z', id: 'l5' },
    ]);
    for (const n of [3, 5]) repo.git('update-ref', `refs/pull/${n}/head`, repo.sha(`p${n}`));
    repo.git('branch', '-D', 'p3', 'p5');
    report = await audit({ path: repo.dir, since: '2026-03-02', until: '2026-03-09', now: '2026-03-09T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const of = (id: string) => {
    const c = report.changes.find((x) => x.sha === repo.sha(id));
    return [c?.id, c?.kind, c?.firstCommitAt, c?.url];
  };

  it('reads the import as a squash of the pull request, its first commit the pull request\'s', () => {
    expect(of('l3')).toEqual(['#3', 'squash', '2026-03-01T09:00:00Z', 'https://go-review.googlesource.com/c/tools/+/100']);
  });

  it('leaves a change reviewed on Gerrit alone, and an import another person landed, trailer-linked changes of their own', () => {
    expect(of('l101')).toEqual([repo.sha('l101').slice(0, 10), 'trailer', '2026-03-07T10:00:00Z', 'https://go-review.googlesource.com/c/tools/+/101']);
    expect(of('l5')).toEqual([repo.sha('l5').slice(0, 10), 'trailer', '2026-03-08T10:00:00Z', 'https://go-review.googlesource.com/c/tools/+/102']);
  });
});
