import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * The report of the history `build` makes, over [since, until) as of until's start, git alone: made before the
 * describe's tests, the repository removed after them.
 */
function audited(build: () => FixtureRepo, since: string, until: string): { repo: FixtureRepo; report: Report } {
  const made = {} as { repo: FixtureRepo; report: Report };
  beforeAll(async () => {
    made.repo = build();
    made.report = await audit({ path: made.repo.dir, since, until, now: `${until}T00:00:00Z`, github: false });
  });
  afterAll(() => made.repo.cleanup());
  return made;
}

/*
 * A project on GitLab, mirrored to GitHub (as GNOME's are), merged the GitLab way (August 2026, UTC): each merge
 * request lands as `Merge branch 'x' into 'main'`, the merge request's title on the line under it and `See merge
 * request acme/tool!N` last.
 *  !11 `parser-fix`, one commit (02 09:00), merged 02 12:00, titled `fix: the parser drops blank lines`: a repair
 *  !12 `formatter`, two commits (03 09:00, 03 10:00), merged 04 09:00, titled `Add the formatter`
 *  !13 `revert-5a1b2c3d`, GitLab's revert of !12 (05 09:00, `This reverts merge request !12`), merged 05 10:00
 *  !14 from Bea's fork's own `main` (`Merge branch 'main' into 'main'`), one commit (05 11:00), merged 05 12:00:
 *      a merge request, not the branch merged into itself (no sync, and its commit lands no change of its own)
 *  v1.1.0 tags main on 06 09:00. The GitHub mirror holds a pull request of its own, refs/pull/12/head, on a commit
 *  of 2026-06 that no merge request holds: GitLab's !12 is not GitHub's #12.
 */
function gitlabHistory(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-07-30T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-07-30T01:00:00Z' },
    { branch: 'parser-fix' },
    { branch: 'formatter' },
    { branch: 'mirror-pull' },
    { commit: 'Fix the README link', on: 'mirror-pull', at: '2026-06-01T09:00:00Z', id: 'mirror' },
    { commit: 'keep blank lines', on: 'parser-fix', at: '2026-08-02T09:00:00Z' },
    { merge: 'parser-fix', at: '2026-08-02T12:00:00Z', message: "Merge branch 'parser-fix' into 'main'\n\nfix: the parser drops blank lines\n\nCloses #3\n\nSee merge request acme/tool!11" },
    { commit: 'add the formatter', on: 'formatter', at: '2026-08-03T09:00:00Z' },
    { commit: 'format the tests', on: 'formatter', at: '2026-08-03T10:00:00Z' },
    { merge: 'formatter', at: '2026-08-04T09:00:00Z', message: "Merge branch 'formatter' into 'main'\n\nAdd the formatter\n\nSee merge request acme/tool!12", id: 'm12' },
    { branch: 'revert-5a1b2c3d' },
    { commit: 'Revert "Add the formatter"\n\nThis reverts merge request !12', on: 'revert-5a1b2c3d', at: '2026-08-05T09:00:00Z' },
    { merge: 'revert-5a1b2c3d', at: '2026-08-05T10:00:00Z', message: "Merge branch 'revert-5a1b2c3d' into 'main'\n\nRevert \"Add the formatter\"\n\nSee merge request acme/tool!13", id: 'm13' },
    { branch: 'bea-main' },
    { commit: 'help: add the Italian figure', on: 'bea-main', at: '2026-08-05T11:00:00Z', author: 'Bea <bea@example.com>' },
    { merge: 'bea-main', at: '2026-08-05T12:00:00Z', message: "Merge branch 'main' into 'main'\n\nhelp: Add localised Italian figure\n\nSee merge request acme/tool!14" },
    { tag: 'v1.1.0', annotated: true, at: '2026-08-06T09:00:00Z' },
  ]);
  repo.git('update-ref', 'refs/pull/12/head', repo.sha('mirror'));
  // cloned from the GitLab host
  repo.git('remote', 'add', 'origin', 'git@gitlab.example.org:acme/tool.git');
  repo.git('branch', '-D', 'parser-fix', 'formatter', 'revert-5a1b2c3d', 'mirror-pull', 'bea-main');
  return repo;
}

describe('merge requests merged the GitLab way', () => {
  const made = audited(gitlabHistory, '2026-08-01', '2026-08-07');

  const change = (id: string) => made.report.changes.find((c) => c.id === id);

  it('names each by its merge request and its title, not by the boilerplate subject', () => {
    expect(made.report.changes.map((c) => [c.id, c.number, c.kind, c.title])).toEqual([
      ['!11', null, 'merge', 'fix: the parser drops blank lines'],
      ['!12', null, 'merge', 'Add the formatter'],
      ['!13', null, 'merge', 'Revert "Add the formatter"'],
      ['!14', null, 'merge', 'help: Add localised Italian figure'],
    ]);
    expect([change('!14')?.commits, change('!14')?.author, change('!14')?.deployedAt]).toEqual([1, 'Bea', '2026-08-06T09:00:00Z']);
  });

  it('links each merge request where its project\'s host keeps it', () => {
    expect(change('!12')?.url).toBe('https://gitlab.example.org/acme/tool/-/merge_requests/12');
  });

  it('takes a merge request\'s commits from its side, not from a GitHub pull ref of the same number', () => {
    expect([change('!12')?.commits, change('!12')?.firstCommitAt, change('!12')?.sha]).toEqual([2, '2026-08-03T09:00:00Z', made.repo.sha('m12')]);
  });

  it('reads the repair and the revert the merge requests\' titles say', () => {
    expect(change('!11')?.flags).toContain('repair:fix-title');
    expect([change('!12')?.reverted, change('!12')?.revertedBy]).toEqual([true, made.repo.sha('m13')]);
  });
});

/*
 * GStreamer's merge requests, landed by freedesktop's Marge bot: each commit rebased onto main as it was (author
 * dates kept), every one ending `Part-of: <https://gitlab.freedesktop.org/…/-/merge_requests/N>`; no merge commit.
 *  !2490 two commits (Bea's, 2026-05-01 09:00 and 05-02 09:00), landed 05-04 10:00:00 and 10:00:01
 *  !2497 one commit (05-03 09:00), landed 05-04 11:00
 *  a maintainer's push of its own (05-05 09:00): a direct push
 */
describe('merge requests rebased onto the branch, each commit naming it (Part-of)', () => {
  const partOf = (n: number): string => `Part-of: <https://gitlab.freedesktop.org/gstreamer/gst-plugins-rs/-/merge_requests/${n}>`;
  const made = audited(() => {
    const repo = buildRepo([
      { commit: 'initial commit', at: '2026-04-01T00:00:00Z' },
      { commit: `gtk4: add debug logs\n\n${partOf(2490)}`, at: '2026-05-04T10:00:00Z', authorAt: '2026-05-01T09:00:00Z', author: 'Bea <bea@example.com>' },
      { commit: `gtk4: log the frame type\n\n${partOf(2490)}`, at: '2026-05-04T10:00:01Z', authorAt: '2026-05-02T09:00:00Z', author: 'Bea <bea@example.com>' },
      { commit: `threadshare: fix the test\n\n${partOf(2497)}`, at: '2026-05-04T11:00:00Z', authorAt: '2026-05-03T09:00:00Z' },
      { commit: 'Update the changelog', at: '2026-05-05T09:00:00Z', id: 'push' },
    ]);
    return repo;
  }, '2026-05-01', '2026-05-06');

  it('reads each merge request as one change of its commits, `!N`, linked where its trailer says', () => {
    expect(made.report.changes.map((c) => [c.id, c.number, c.kind, c.commits, c.firstCommitAt, c.mergedAt])).toEqual([
      ['!2490', null, 'trailer', 2, '2026-05-01T09:00:00Z', '2026-05-04T10:00:01Z'],
      ['!2497', null, 'trailer', 1, '2026-05-03T09:00:00Z', '2026-05-04T11:00:00Z'],
      [made.repo.sha('push').slice(0, 10), null, 'direct', 1, '2026-05-05T09:00:00Z', '2026-05-05T09:00:00Z'],
    ]);
    expect(made.report.changes[0]?.url).toBe('https://gitlab.freedesktop.org/gstreamer/gst-plugins-rs/-/merge_requests/2490');
  });
});

/*
 * A project on Codeberg (Forgejo), merged with its default message: `Merge pull request '<title>' (#N) from <head>
 * into main`. #5: Bea's two commits (2026-06-01 09:00, 06-02 09:00), merged 06-03 10:00.
 */
describe('pull requests merged on Gitea or Forgejo', () => {
  const made = audited(() => {
    const repo = buildRepo([
      { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
      { branch: 'fix' },
      { commit: 'keep blank lines', on: 'fix', at: '2026-06-01T09:00:00Z', author: 'Bea <bea@example.com>' },
      { commit: 'test them', on: 'fix', at: '2026-06-02T09:00:00Z', author: 'Bea <bea@example.com>' },
      { merge: 'fix', at: '2026-06-03T10:00:00Z', message: "Merge pull request 'fix: the parser drops blank lines' (#5) from bea/fix into main" },
    ]);
    repo.git('branch', '-D', 'fix');
    return repo;
  }, '2026-06-01', '2026-06-04');

  it('reads the pull request\'s number and title from the merge commit', () => {
    expect(made.report.changes.map((c) => [c.id, c.number, c.kind, c.commits, c.firstCommitAt, c.title])).toEqual([
      ['#5', 5, 'merge', 2, '2026-06-01T09:00:00Z', 'fix: the parser drops blank lines'],
    ]);
    expect(made.report.changes[0]?.flags).toContain('repair:fix-title');
  });
});

/*
 * A project on Azure Repos: Azure DevOps completes each pull request with `Merged PR N: <title>`, as a squash (one
 * parent) or a merge. The clone has no refs/pull/N/head (Azure keeps refs/pull/N/merge).
 *  PR 1421 squashed (2026-07-02 10:00): its commits unseen, so no coding time, and no 0 either
 *  PR 1422 Bea's two commits (07-03 09:00, 07-04 09:00), merged 07-05 10:00
 */
describe('pull requests completed on Azure DevOps', () => {
  const made = audited(() => {
    const repo = buildRepo([
      { commit: 'initial commit', at: '2026-06-01T00:00:00Z' },
      { commit: 'Merged PR 1421: fix: keep blank lines', at: '2026-07-02T10:00:00Z', id: 'squash' },
      { branch: 'parser' },
      { commit: 'rewrite the parser', on: 'parser', at: '2026-07-03T09:00:00Z', author: 'Bea <bea@example.com>' },
      { commit: 'test it', on: 'parser', at: '2026-07-04T09:00:00Z', author: 'Bea <bea@example.com>' },
      { merge: 'parser', at: '2026-07-05T10:00:00Z', message: 'Merged PR 1422: A new parser' },
    ]);
    repo.git('branch', '-D', 'parser');
    repo.git('remote', 'add', 'origin', 'git@ssh.dev.azure.com:v3/acme/web/shop');
    return repo;
  }, '2026-07-01', '2026-07-06');

  it('reads the pull request\'s number and title, a squash\'s commits unseen rather than a direct push\'s zero', () => {
    expect(made.report.changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt, c.cycleTime, c.title])).toEqual([
      ['#1421', 'squash', null, null, null, 'fix: keep blank lines'],
      ['#1422', 'merge', 2, '2026-07-03T09:00:00Z', 2 * 86400 + 3600, 'A new parser'],
    ]);
    expect(made.report.changes[0]?.flags).toEqual(expect.arrayContaining(['commits-unseen', 'repair:fix-title']));
  });

  it('names the repository by its organisation, project and name, and links each pull request there', () => {
    expect(made.report.repository.remote).toBe('acme/web/shop');
    // refs/pull/*/head, which GitHub keeps, would fetch nothing from Azure
    expect(made.report.notes).toContain('1 squash-merged change has no commits in this clone, so its coding time is unknown (flowaudit reads a squash\'s commits from GitHub\'s pull refs only).');
    expect(made.report.changes.map((c) => c.url)).toEqual([
      'https://dev.azure.com/acme/web/_git/shop/pullrequest/1421',
      'https://dev.azure.com/acme/web/_git/shop/pullrequest/1422',
    ]);
  });
});

/*
 * A project on Bitbucket Cloud, then moved to Bitbucket Data Center (2026-08, UTC). No pull ref in the clone.
 *  #12 squashed (08-02 10:00), `Merged in bugfix/blank-lines (pull request #12)` over its title: commits unseen
 *  #13 Bea's two commits (08-03 09:00, 08-04 09:00), merged 08-05 10:00 with Cloud's message, titled on its second line
 *  #40 Ada's commit (08-06 09:00), merged 08-07 10:00 with Data Center's `Pull request #40: <title>`
 */
describe('pull requests merged on Bitbucket', () => {
  const made = audited(() => {
    const repo = buildRepo([
      { commit: 'initial commit', at: '2026-07-01T00:00:00Z' },
      { commit: 'Merged in bugfix/blank-lines (pull request #12)\n\nfix: keep blank lines\n\n* keep blank lines\n* test them\n\nApproved-by: Bea', at: '2026-08-02T10:00:00Z' },
      { branch: 'feature/parser' },
      { commit: 'rewrite the parser', on: 'feature/parser', at: '2026-08-03T09:00:00Z', author: 'Bea <bea@example.com>' },
      { commit: 'test it', on: 'feature/parser', at: '2026-08-04T09:00:00Z', author: 'Bea <bea@example.com>' },
      { merge: 'feature/parser', at: '2026-08-05T10:00:00Z', message: 'Merged in feature/parser (pull request #13)\n\nA new parser\n\nApproved-by: Ada' },
      { branch: 'feature/cache' },
      { commit: 'cache the tokens', on: 'feature/cache', at: '2026-08-06T09:00:00Z' },
      { merge: 'feature/cache', at: '2026-08-07T10:00:00Z', message: "Pull request #40: Cache the tokens\n\nMerge in PLAT/tool from feature/cache to main\n\n* commit 'abc1234':\n  cache the tokens" },
    ]);
    repo.git('branch', '-D', 'feature/parser', 'feature/cache');
    return repo;
  }, '2026-08-01', '2026-08-08');

  it('reads each pull request\'s number and title, a squash\'s commits unseen rather than a direct push\'s zero', () => {
    expect(made.report.changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt, c.cycleTime, c.title])).toEqual([
      ['#12', 'squash', null, null, null, 'fix: keep blank lines'],
      ['#13', 'merge', 2, '2026-08-03T09:00:00Z', 2 * 86400 + 3600, 'A new parser'],
      ['#40', 'merge', 1, '2026-08-06T09:00:00Z', 86400 + 3600, 'Cache the tokens'],
    ]);
    expect(made.report.changes[0]?.flags).toEqual(expect.arrayContaining(['commits-unseen', 'repair:fix-title']));
  });
});

/*
 * GitHub's merge of a pull request landed as one commit (2026-08, UTC): a history rebuilt, or a merge rebased onto the
 * branch, keeps `Merge pull request #N from …` with the pull request's title below it (grafana/k6's #5853 and
 * #6229). No pull ref in the clone.
 *  #7 (08-02 10:00), titled by its body's first line, as its merge commit would be
 */
describe('a pull request\'s merge landed as one commit', () => {
  const made = audited(() => buildRepo([
    { commit: 'initial commit', at: '2026-07-01T00:00:00Z' },
    { commit: 'Merge pull request #7 from ada/drop-easyjson\n\nrefactor: Drop easyjson in favor of stdlib', at: '2026-08-02T10:00:00Z' },
  ]), '2026-08-01', '2026-08-08');

  it('is titled by the pull request\'s title, not GitHub\'s merge line', () => {
    expect(made.report.changes.map((c) => [c.id, c.title])).toEqual([['#7', 'refactor: Drop easyjson in favor of stdlib']]);
  });
});
