import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportChange } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { githubOwnCommits, ownCommitsScenario } from '../histories/github-own-commits.js';

const TOKEN = 'ghp_ownCommitsToken0123456789abcdefABCD';

let repo: FixtureRepo;
let run: GitHubRun;
let report: Report;
const find = (id: string): ReportChange => run.find(id);

beforeAll(async () => {
  // a clone as CI checks it out: no refs/pull/*, so the API's commit lists are all there is
  repo = githubOwnCommits();
  expect(repo.git('for-each-ref', 'refs/pull')).toBe('');
  run = await reportWithGitHub(repo.dir, ownCommitsScenario(repo), TOKEN, ['--repo', 'acme/app', '--branch', 'main', '--since', '2026-03-01', '--until', '2026-03-10', '--now', '2026-03-10T00:00:00Z']);
  report = run.report;
});
afterAll(async () => {
  await run.close();
  repo.cleanup();
});

describe('GitHub mode without pull refs: a pull request\'s own commits as git-only mode finds them', () => {
  it('knows a merge of main by its parent on main, whatever its subject, and an author\'s merge by its parents too', () => {
    expect(find('#6')).toMatchObject({ kind: 'squash', commits: 4, firstCommitAt: '2026-03-04T09:00:00Z', lastCommitAt: '2026-03-04T12:00:00Z' });
  });

  it('asks GitHub for the parents of the commits that may be merges only, in one request', () => {
    const asked = run.server.requests.filter((r) => r.operationName === 'CommitParents');
    expect(asked).toHaveLength(1);
    expect(Object.entries(asked[0]?.variables ?? {}).filter(([k]) => /^o\d+$/.test(k)).map(([, v]) => v).sort())
      .toEqual([repo.sha('sync6'), repo.sha('head6')].sort());
  });

  it('folds a rebase merge committed in one second into one change, whatever the order of its shas', () => {
    // the fixture's premise: the landing copy's sha sorts before its sibling's
    expect(repo.sha('copy8b') < repo.sha('copy8a')).toBe(true);
    expect(find('#8')).toMatchObject({ kind: 'rebase', sha: repo.sha('copy8b'), commits: 2, firstCommitAt: '2026-03-06T09:00:00Z' });
    expect(report.changes.filter((c) => c.sha === repo.sha('copy8a'))).toEqual([]);
  });

  it('keeps a fast-forward rebase merge\'s commits its own', () => {
    // the fixture's premise: history order and sha order agree, so only the rule for absorbed commits matters
    expect(repo.sha('p9a') < repo.sha('p9b')).toBe(true);
    expect(find('#9')).toMatchObject({ kind: 'rebase', commits: 2, firstCommitAt: '2026-03-08T07:00:00Z', lastCommitAt: '2026-03-08T08:00:00Z' });
  });

  it('leaves out a copy of a commit pushed directly before the pull request landed', () => {
    expect(find('#10')).toMatchObject({ kind: 'squash', commits: 1, firstCommitAt: '2026-03-09T09:00:00Z' });
  });

  it('has no other changes: the rebased and fast-forwarded commits are no direct pushes of their own', () => {
    expect(report.changes.map((c) => c.id)).toEqual([
      repo.sha('init').slice(0, 10), repo.sha('docs').slice(0, 10), '#6', '#8', '#9', repo.sha('direct10').slice(0, 10), '#10',
    ]);
  });
});
