import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { gitFlow, gitFlowScenario } from '../histories/gitflow.js';

const H = 3600;
const TOKEN = 'ghp_gitFlowTestToken0123456789abcdefABCD';
const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];

let repo: FixtureRepo;
let main: GitHubRun;
let development: GitHubRun;

beforeAll(async () => {
  repo = gitFlow();
  main = await reportWithGitHub(repo.dir, gitFlowScenario(repo), TOKEN, ['--repo', 'acme/app', '--branch', 'main', ...WINDOW]);
  development = await reportWithGitHub(repo.dir, gitFlowScenario(repo), TOKEN, ['--repo', 'acme/app', '--branch', 'development', ...WINDOW]);
});
afterAll(async () => {
  await main?.close();
  await development?.close();
  repo?.cleanup();
});

/*
 * Truth, from test/histories/gitflow.ts (March 2026):
 *  main: #5, the hotfix, is its one change: work 06 09:00, opened 10:00, merged 12:00, v1.0.1 13:00 → cycle 3h,
 *   lead 4h. #6 merges development again: a sync carrying #3 and #4, not #7, whose branch merged main and nothing
 *   else. v1.1.0 ships only that sync: no deploy of main.
 *  development: #3 (work 02 09:00, merged 03 09:00) and #4 (work 04 09:00, squashed 05 09:00) ship in v1.1.0, 10
 *   10:00 → leads 193h and 145h. #7, main merged back (07 09:00), is a sync carrying #5 alone: #2 on its side is
 *   February's release pull request, development merged into main, whose work development measured itself.
 */
describe('GitHub mode on a GitFlow history, each branch read as its own line', () => {
  it('reads every query valid against GitHub\'s schema', () => {
    expect([...main.server.requests, ...development.server.requests].filter((r) => r.invalid)).toEqual([]);
  });

  it('measures main\'s hotfix, and leaves out the release merge as a sync carrying development\'s two pull requests of work', () => {
    expect(main.report.changes.filter((c) => c.counted).map((c) => c.id)).toEqual(['#5']);
    expect(main.find('#5')).toMatchObject({ kind: 'merge', firstCommitAt: '2026-03-06T09:00:00Z', readyAt: '2026-03-06T10:00:00Z', mergedAt: '2026-03-06T12:00:00Z', deployedAt: '2026-03-06T13:00:00Z', cycleTime: 3 * H, leadTime: 4 * H });
    expect(main.find('#6')).toMatchObject({ kind: 'sync', counted: false, carriedPulls: 2 });
    expect(main.report.summary.excluded).toMatchObject({ syncs: 1, syncedPulls: 2, carryingSyncs: 1 });
    expect(main.report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.0.1', 1]]);
    expect(main.report.notes).toContain('2 of the window\'s 3 pull requests reached main through 1 sync of `development`: a sync is left out of every figure, so their work is not measured here. Run with --branch development to measure them where they landed.');
    expect(main.report.notes.join('\n')).toContain('1 of the window\'s 2 final release tags (`v1.1.0`) shipped none of main\'s changes');
  });

  it('ships development\'s pull requests at the release tag on main, their commits dated by GitHub\'s lists', () => {
    expect(development.report.changes.filter((c) => c.counted).map((c) => c.id)).toEqual(['#3', '#4']);
    expect(development.find('#3')).toMatchObject({ kind: 'merge', firstCommitAt: '2026-03-02T09:00:00Z', deployedAt: '2026-03-10T10:00:00Z', cycleTime: 24 * H, leadTime: 193 * H });
    // no pull refs in the clone: the squash's work is known from the API alone
    expect(development.find('#4')).toMatchObject({ kind: 'squash', firstCommitAt: '2026-03-04T09:00:00Z', deployedAt: '2026-03-10T10:00:00Z', cycleTime: 24 * H, leadTime: 145 * H });
    expect(development.report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.1.0', 2]]);
  });

  it('counts the merge of main back as carrying the hotfix alone, not the release pull request that merged development', () => {
    expect(development.find('#7')).toMatchObject({ kind: 'sync', counted: false, carriedPulls: 1 });
    expect(development.report.summary.excluded).toMatchObject({ syncs: 1, syncedPulls: 1 });
    expect(development.report.notes).toContain('1 of the window\'s 3 pull requests reached development through 1 sync of `main`: a sync is left out of every figure, so their work is not measured here. Run with --branch main to measure them where they landed.');
  });

  it('counts the same from git alone', async () => {
    const git = await runCli([repo.dir, '--no-github', '--format', 'json', '--branch', 'development', ...WINDOW]);
    expect(git.code).toBe(0);
    const report = JSON.parse(git.stdout) as Report;
    expect(report.summary.excluded).toMatchObject({ syncs: 1, syncedPulls: 1 });
  });
});
