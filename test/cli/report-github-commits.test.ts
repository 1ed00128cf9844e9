import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportChange } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { githubPrCommits, prCommitsScenario } from '../histories/github-pr-commits.js';

const H = 3600;
const TOKEN = 'ghp_prCommitsToken0123456789abcdefABCDEF';

let repo: FixtureRepo;
let run: GitHubRun;
let report: Report;
const find = (id: string): ReportChange => run.find(id);

beforeAll(async () => {
  repo = githubPrCommits();
  run = await reportWithGitHub(repo.dir, prCommitsScenario(repo), TOKEN, ['--repo', 'acme/app', '--since', '2026-03-01T12:00:00Z', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z']);
  report = run.report;
});
afterAll(async () => {
  await run.close();
  repo.cleanup();
});

describe('GitHub mode: a pull request\'s own commits among those the API lists', () => {
  it('dates a rebased pull request from its first authored commit, never the fork point', () => {
    expect(find('#10')).toMatchObject({ commits: 2, firstCommitAt: '2026-03-02T09:00:00Z' });
    expect(find('#10').stages.coding).toBe(H);
    expect(find('#11')).toMatchObject({ kind: 'merge', commits: 2, firstCommitAt: '2026-03-05T09:00:00Z' });
    expect(find('#11').stages.coding).toBe(H);
    expect(find('#11').flags).toContain('rebased');
    expect(find('#11').flags).not.toContain('clock-skew');
  });

  it('leaves a stack\'s base commits to the base, listed as they were or rebased', () => {
    expect([find('#20'), find('#21'), find('#22')].map((c) => [c.commits, c.firstCommitAt, c.stages.coding])).toEqual([
      [2, '2026-03-02T10:00:00Z', 25 * H],
      [1, '2026-03-04T10:00:00Z', 2 * H],
      [1, '2026-03-04T11:00:00Z', H],
    ]);
  });

  it('does not count merges of main, nor release-line commits, as the pull request\'s own', () => {
    expect(find('#30')).toMatchObject({ commits: 2, firstCommitAt: '2026-03-02T09:00:00Z' });
    expect(find('#50')).toMatchObject({ commits: 1, firstCommitAt: '2026-03-13T09:00:00Z' });
    expect(find('#50').stages.coding).toBe(H);
  });

  it('counts a change opened by an AI coding agent, as AI-assisted work', () => {
    expect(find('#70')).toMatchObject({ author: 'Copilot', bot: false, aiAssisted: true });
    expect(find('#70').aiEvidence).toContain('PR author: Copilot');
    expect(report.summary.excluded.bots).toBe(0);
  });
});
