import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer } from '../../fixtures/github-server/server.mjs';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub } from '../helpers/github-run.js';

const TOKEN = 'ghp_runsTestToken0123456789abcdefABCDEF';
const WINDOW = ['--since', '2026-03-01T00:00:00Z', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];
const M = 60;

let repo: FixtureRepo;

/** Six commits pushed to main, a day apart at 10:00; what their workflows did is in `scenario`. */
beforeAll(() => {
  repo = buildRepo([
    { commit: 'initial commit', at: '2026-02-20T00:00:00Z' },
    ...[1, 2, 3, 4, 5, 6].map((n) => ({ commit: `change ${n}`, at: `2026-03-0${n + 1}T10:00:00Z`, files: { [`src/${n}.ts`]: `${n}\n` }, id: `c${n}` })),
  ]);
});
afterAll(() => repo.cleanup());

interface Run { name: string; file: string; conclusion: string; status?: string; at: string }

/** A check suite: an Actions run of `run`'s workflow, or (null) another app's checks, with no workflow run. */
function suite(run: Run | null, at = '2026-03-01T00:00:00Z'): unknown {
  if (run === null) return { status: 'COMPLETED', conclusion: 'SUCCESS', updatedAt: at, workflowRun: null };
  return {
    status: run.status ?? 'COMPLETED', conclusion: run.status === undefined || run.status === 'COMPLETED' ? run.conclusion : null, updatedAt: run.at,
    workflowRun: { updatedAt: run.at, event: 'push', file: { path: `.github/workflows/${run.file}` }, workflow: { name: run.name, resourcePath: `/acme/app/actions/workflows/${run.file}` } },
  };
}
const deploy = (conclusion: string, at: string): Run => ({ name: 'Ship to prod', file: 'deploy.yml', conclusion, at });
const ci = (at: string): Run => ({ name: 'CI', file: 'ci.yml', conclusion: 'SUCCESS', at });

/**
 * Truth, by construction (the deploy workflow is "Ship to prod", file deploy.yml: it matches by its file only):
 * c1 deployed 10:20; c2's deploy was skipped and c3's cancelled, so c4's deploy (its 24th check suite: on the
 * second page) at 10:30 shipped c2, c3 and c4; c5 deployed 10:15, and its deploy re-run failing at 12:00 is no
 * deploy and rolls nothing back; c6 ran only CI and a lint workflow: not deployed.
 */
function scenario(r: FixtureRepo): unknown {
  const commits = [
    { oid: r.sha('c1'), checkSuites: [suite(ci('2026-03-02T10:10:00Z')), suite(deploy('SUCCESS', '2026-03-02T10:20:00Z'))] },
    { oid: r.sha('c2'), checkSuites: [suite(ci('2026-03-03T10:10:00Z')), suite(deploy('SKIPPED', '2026-03-03T10:11:00Z'))] },
    { oid: r.sha('c3'), checkSuites: [suite(deploy('CANCELLED', '2026-03-04T10:12:00Z'))] },
    { oid: r.sha('c4'), checkSuites: [...Array.from({ length: 23 }, () => suite(null)), suite(deploy('SUCCESS', '2026-03-05T10:30:00Z'))] },
    { oid: r.sha('c5'), checkSuites: [suite(deploy('SUCCESS', '2026-03-06T10:15:00Z')), suite(deploy('FAILURE', '2026-03-06T12:00:00Z'))] },
    { oid: r.sha('c6'), checkSuites: [suite(ci('2026-03-07T10:10:00Z')), suite({ name: 'Lint', file: 'lint.yml', conclusion: 'SUCCESS', at: '2026-03-07T10:05:00Z' })] },
  ];
  return { repositories: { 'acme/app': { defaultBranchRef: { name: 'main' }, commits, pullRequests: [], deployments: [], releases: [], issues: [] } } };
}

describe('deploys from workflow runs, through --api-url', () => {
  it('takes each successful run of a deploy workflow as a deploy of its commit when it finished, read within budget', async () => {
    const run = await reportWithGitHub(repo.dir, scenario(repo), TOKEN, ['--repo', 'acme/app', '--deploy-from', 'workflow', ...WINDOW]);
    try {
      const { report, server } = run;
      expect(report.deploySignal).toEqual({ kind: 'workflow', detail: '3 successful workflow runs matching deploy|release|publish|cd by workflow name or file' });
      expect(report.deploys.map((d) => [d.sha, d.at, d.changes, d.failed, d.rollback])).toEqual([
        // the first deploy shipped the initial commit too (read now: the history reaches back over the previous period)
        [repo.sha('c1'), '2026-03-02T10:20:00Z', 2, false, false],
        [repo.sha('c4'), '2026-03-05T10:30:00Z', 3, false, false],
        [repo.sha('c5'), '2026-03-06T10:15:00Z', 1, false, false],
      ]);
      const deployStage = (sha: string): number | null | undefined => report.changes.find((c) => c.sha === sha)?.stages.deploy;
      expect(deployStage(repo.sha('c2'))).toBe(2 * 86400 + 30 * M);
      expect(deployStage(repo.sha('c5'))).toBe(15 * M);
      expect(deployStage(repo.sha('c6'))).toBeNull();
      // every query was valid against GitHub's schema; the six commits' first pages in one request, c4's
      // second page in one more: 2 requests for 6 commits, within the budget of 2 per 100
      const workflow = server.requests.filter((r) => r.operationName === 'WorkflowRuns');
      expect(server.requests.every((r) => !r.invalid)).toBe(true);
      expect(workflow).toHaveLength(2);
    } finally {
      await run.close();
    }
  });

  it('is the automatic choice without deployments, a warm re-run asks GitHub nothing more, and --workflow picks others', async () => {
    const server = await startGitHubServer({ scenario: scenario(repo) as never, token: TOKEN });
    const cache = mkdtempSync(join(tmpdir(), 'flowaudit-cache-'));
    const env = { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache };
    const report = async (...more: string[]): Promise<Report> => {
      const result = await runCli([repo.dir, '--repo', 'acme/app', '--api-url', server.url, '--format', 'json', ...WINDOW, ...more], env);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as Report;
    };
    const asked = (): number => server.requests.filter((r) => r.operationName === 'WorkflowRuns').length;
    try {
      const cold = await report();
      expect(cold.deploySignal.kind).toBe('workflow');
      expect(cold.deploys).toHaveLength(3);
      expect(asked()).toBe(2);
      // every commit's runs had finished weeks before now: settled, served from the cache
      const warm = await report();
      expect(warm.deploys).toEqual(cold.deploys);
      expect(asked()).toBe(2);
      // the text report names the signal in words, the pattern left to the JSON report and --verbose
      const text = await runCli([repo.dir, '--repo', 'acme/app', '--api-url', server.url, '--format', 'text', '--no-color', '--width', '200', ...WINDOW], env);
      expect(text.stdout).toMatch(/· deploys: 3 successful workflow runs\n/);
      // the CI workflow succeeded on c1, c2 and c6: those are its deploys (the cache holds every workflow's runs)
      const byCi = await report('--workflow', '^ci$');
      expect(byCi.deploys.map((d) => [d.sha, d.at])).toEqual([
        [repo.sha('c1'), '2026-03-02T10:10:00Z'], [repo.sha('c2'), '2026-03-03T10:10:00Z'], [repo.sha('c6'), '2026-03-07T10:10:00Z'],
      ]);
      expect(asked()).toBe(2);
    } finally {
      await server.close();
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('takes the deploy workflows from the config\'s deploy.workflow, and --workflow over it', async () => {
    const server = await startGitHubServer({ scenario: scenario(repo) as never, token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'flowaudit-workflow-config-'));
    const config = join(dir, 'flowaudit.json');
    writeFileSync(config, '{ "deploy": { "workflow": "^ci$" } }');
    const env = { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: join(dir, 'cache') };
    const report = async (...more: string[]): Promise<Report> => {
      const result = await runCli([repo.dir, '--repo', 'acme/app', '--api-url', server.url, '--format', 'json', '--config', config, ...WINDOW, ...more], env);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as Report;
    };
    try {
      // the CI workflow's successful runs, on c1, c2 and c6, are the deploys the config names
      const fromConfig = await report();
      expect(fromConfig.deploySignal.detail).toMatch(/^3 successful workflow runs matching \^ci\$ by workflow name or file/);
      expect(fromConfig.deploys.map((d) => [d.sha, d.at])).toEqual([
        [repo.sha('c1'), '2026-03-02T10:10:00Z'], [repo.sha('c2'), '2026-03-03T10:10:00Z'], [repo.sha('c6'), '2026-03-07T10:10:00Z'],
      ]);
      // the flag wins: "Ship to prod" (deploy.yml) deployed c1, c4 and c5
      const fromFlag = await report('--workflow', 'deploy\\.yml');
      expect(fromFlag.deploys.map((d) => d.sha)).toEqual([repo.sha('c1'), repo.sha('c4'), repo.sha('c5')]);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('for an old window asks only for the commits up to a month after it', async () => {
    const old = ['--since', '2026-01-01T00:00:00Z', '--until', '2026-02-01T00:00:00Z', '--now', '2026-04-01T00:00:00Z'];
    const run = await reportWithGitHub(repo.dir, scenario(repo), TOKEN, ['--repo', 'acme/app', '--deploy-from', 'workflow', ...old]);
    try {
      const asked = run.server.requests.filter((r) => r.operationName === 'WorkflowRuns').flatMap((r) => Object.entries(r.variables ?? {}).filter(([k]) => /^o\d+$/.test(k)).map(([, v]) => v));
      // the initial commit (20 Feb) and c1 (2 Mar), not c2 (3 Mar 10:00), a month and more after the window
      expect(asked).toEqual([repo.sha('c1'), repo.git('rev-list', '--max-parents=0', 'HEAD').trim()]);
    } finally {
      await run.close();
    }
  });

  it('asked for without GitHub, or with a pattern that cannot run, it is one line and exit 2', async () => {
    const gitOnly = await runCli([repo.dir, '--no-github', '--deploy-from', 'workflow', ...WINDOW]);
    expect(gitOnly.code).toBe(2);
    expect(gitOnly.stderr).toMatch(/^flowaudit: --deploy-from workflow needs GitHub data/);
    const bad = await runCli([repo.dir, '--no-github', '--workflow', '(deploy', ...WINDOW]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^flowaudit: --workflow '\(deploy' is not a valid regular expression/);
    expect(bad.stdout).toBe('');
    // the same pattern in the config: one line naming the file and the field, never a stack
    const dir = mkdtempSync(join(tmpdir(), 'flowaudit-workflow-config-'));
    try {
      writeFileSync(join(dir, 'bad.json'), '{ "deploy": { "workflow": "(deploy" } }');
      const badConfig = await runCli([repo.dir, '--no-github', '--config', join(dir, 'bad.json'), ...WINDOW]);
      expect(badConfig.code).toBe(2);
      expect(badConfig.stderr).toBe(`flowaudit: config ${join(dir, 'bad.json')}: deploy.workflow is not a valid regular expression: missing closing )\n`);
      expect(badConfig.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
