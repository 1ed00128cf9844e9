import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../fixtures/github-server/server.mjs';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario, MAIN_WINDOW as WINDOW } from '../scenarios.js';

const H = 3600;
const TOKEN = 'ghp_cliTestToken0123456789abcdefABCDEF';
const user = (login: string): { __typename: string; login: string } => ({ __typename: login.endsWith('[bot]') ? 'Bot' : 'User', login });

let repo: FixtureRepo;
let srv: GitHubServer;
let cache: string;

/**
 * GitHub's view of the main git scenario: #1 opened 02 15:00, approved 03 08:00; #3 opened as a draft 05 09:00,
 * ready 06 13:00, the author's and a bot's comments (not a first review), changes requested 06 16:00,
 * approved 07 10:00. Truth: #1 coding 5h, pickup 17h, review 0, merge 2h; #3 coding 29h, pickup 3h,
 * review 18h, merge 2h.
 */
function scenario(r: FixtureRepo, deploys: { releases?: unknown[]; deployments?: unknown[] } = {}): unknown {
  const pull = (n: number, sha: string, o: Record<string, unknown>): Record<string, unknown> => ({
    number: n, title: `PR ${n} from GitHub`, baseRefName: 'main', headRefName: `ada/f${n}`, author: user('ada'),
    mergeCommit: { oid: sha }, additions: 1, deletions: 0, changedFiles: 1, labels: [], commits: [], comments: [], reviews: [], timelineItems: [], ...o,
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [
          pull(1, r.sha('pr1'), {
            createdAt: '2026-03-02T15:00:00Z', updatedAt: '2026-03-03T10:00:00Z', mergedAt: '2026-03-03T10:00:00Z', isDraft: false,
            reviews: [{ state: 'APPROVED', submittedAt: '2026-03-03T08:00:00Z', author: user('bob') }],
          }),
          pull(3, r.sha('pr3'), {
            createdAt: '2026-03-05T09:00:00Z', updatedAt: '2026-03-07T12:00:00Z', mergedAt: '2026-03-07T12:00:00Z', isDraft: false,
            timelineItems: [{ __typename: 'ReadyForReviewEvent', createdAt: '2026-03-06T13:00:00Z' }],
            comments: [
              { author: user('ada'), createdAt: '2026-03-06T14:00:00Z', body: 'ping' },
              { author: user('ci-helper[bot]'), createdAt: '2026-03-06T14:30:00Z', body: 'coverage' },
            ],
            reviews: [
              { state: 'CHANGES_REQUESTED', submittedAt: '2026-03-06T16:00:00Z', author: user('bob') },
              { state: 'APPROVED', submittedAt: '2026-03-07T10:00:00Z', author: user('bob') },
            ],
          }),
        ],
        deployments: deploys.deployments ?? [],
        releases: deploys.releases ?? [],
        issues: [],
      },
    },
  };
}

beforeAll(async () => {
  repo = mainScenario();
  srv = await startGitHubServer({ scenario: scenario(repo) as never, token: TOKEN });
  cache = mkdtempSync(join(tmpdir(), 'flowaudit-cache-'));
});
afterAll(async () => {
  await srv.close();
  repo.cleanup();
  rmSync(cache, { recursive: true, force: true });
});

// --api-url names a host that is not github.com: it takes the enterprise token, never GH_TOKEN
const env = (): NodeJS.ProcessEnv => ({ GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache });
const args = (): string[] => [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--format', 'json', ...WINDOW];

describe('GitHub mode through --api-url, the path a user takes', () => {
  it('fills every stage from the pull requests, with the same tiling', async () => {
    const result = await runCli(args(), env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.sources).toEqual(['git', 'github']);
    const pr1 = report.changes.find((c) => c.id === '#1');
    expect(pr1).toMatchObject({ title: 'PR 1 from GitHub', readyAt: '2026-03-02T15:00:00Z', firstReviewAt: '2026-03-03T08:00:00Z', approvedAt: '2026-03-03T08:00:00Z' });
    expect(pr1?.stages).toEqual({ coding: 5 * H, pickup: 17 * H, review: 0, merge: 2 * H, deploy: 24 * H });
    expect(pr1?.leadTime).toBe(48 * H);
    const pr3 = report.changes.find((c) => c.id === '#3');
    expect(pr3?.stages).toEqual({ coding: 29 * H, pickup: 3 * H, review: 18 * H, merge: 2 * H, deploy: 0 });
    expect(pr3?.flags).toContain('changes-requested');
    expect(report.summary.stages.pickup).toMatchObject({ count: 2, p50: 10 * H });
    expect(srv.requests.every((r) => !r.invalid)).toBe(true);
    // bob reviewed #1 once and #3 twice; #3 had changes requested after its first review
    expect(report.summary.review).toMatchObject({ reviews: 3, reviewers: 1, topTwoShare: 1 });
    expect(report.summary.rework).toMatchObject({ changesRequested: 1 });
    expect(report.summary.wip).toMatchObject({ open: 0 });
  });

  it('a warm re-run is served from the cache, which never holds the token', async () => {
    const before = srv.requests.length;
    const result = await runCli(args(), env());
    expect(result.code).toBe(0);
    // one request: what is new since the cache; no deployments nor releases, so the workflow runs are the deploy
    // signal, and the commits GitHub answered nothing for are not asked again while the tip stands
    expect(srv.requests.slice(before).map((r) => r.operationName)).toEqual(['FlowSnapshot']);
    const files = readdirSync(cache, { recursive: true }).map(String);
    for (const file of files) {
      try {
        expect(readFileSync(join(cache, file), 'utf8')).not.toContain(TOKEN);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
      }
    }
  });

  it('a wrong token is one clear line, exit 2, and the token is not printed', async () => {
    const result = await runCli(args(), { GH_ENTERPRISE_TOKEN: 'ghp_wrongwrongwrong', XDG_CACHE_HOME: cache });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^flowaudit: GitHub rejected the token \(401\)/);
    expect(result.stderr).not.toContain('ghp_wrongwrongwrong');
    expect(result.stdout).toBe('');
  });

  it('--no-github keeps to git, and no token means git only', async () => {
    const before = srv.requests.length;
    const a = JSON.parse((await runCli([...args(), '--no-github'], env())).stdout) as Report;
    const b = JSON.parse((await runCli(args(), { XDG_CACHE_HOME: cache })).stdout) as Report;
    expect([a.sources, b.sources]).toEqual([['git'], ['git']]);
    expect(srv.requests.length).toBe(before);
  });
});

describe('deploys from GitHub releases and deployments', () => {
  const release = (tagName: string, sha: string, publishedAt: string, isPrerelease = false): unknown => ({
    tagName, name: tagName, createdAt: publishedAt, publishedAt, isDraft: false, isPrerelease, tagCommit: { oid: sha },
  });
  const run = async (data: { releases?: unknown[]; deployments?: unknown[] }, extra: string[] = []): Promise<Report> => {
    const server = await startGitHubServer({ scenario: scenario(repo, data) as never, token: TOKEN });
    try {
      const result = await runCli([...args().map((a) => (a === srv.url ? server.url : a)), '--no-cache', ...extra], env());
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as Report;
    } finally {
      await server.close();
    }
  };

  it('takes final releases only: neither one marked pre-release nor one named like it, unless asked', async () => {
    const releases = [
      release('v1.0.0', repo.sha('pr1'), '2026-03-04T12:00:00Z'),
      release('v1.1.0-rc.1', repo.sha('pr3'), '2026-03-07T13:00:00Z'),
      release('v1.1.0-beta', repo.sha('pr3'), '2026-03-07T12:30:00Z', true),
      release('v1.1.0', repo.sha('pr3'), '2026-03-08T12:00:00Z'),
    ];
    const finals = await run({ releases });
    expect(finals.deploySignal).toEqual({ kind: 'releases', detail: '2 published GitHub releases; chosen automatically: the repository has no deploys in events files, GitHub deployments or deploy workflow runs' });
    expect(finals.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.0.0', 2], ['v1.1.0', 3]]);
    expect(finals.changes.find((c) => c.id === '#3')?.deployedAt).toBe('2026-03-08T12:00:00Z');
    // with pre-releases, the beta shipped #3 first; v1.1.0 then shipped nothing new and is no deploy
    const all = await run({ releases }, ['--include-prereleases']);
    expect(all.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.1.0-beta']);
    expect(all.changes.find((c) => c.id === '#3')?.deployedAt).toBe('2026-03-07T12:30:00Z');
    // and the page says which releases made no deploy, where the header counts 2 of the 4
    expect(finals.notes.filter((n) => /shipped none/.test(n))).toEqual([]);
    expect(all.notes.filter((n) => /shipped none/.test(n))).toEqual([
      "2 of the window's 4 published GitHub releases (`v1.1.0-rc.1` and `v1.1.0`) shipped none of main's changes that an earlier one had not: they are no deploys of main, and deployment frequency counts the other 2.",
    ]);
  });

  it('keeps a production deployment of a commit this clone lacks, shipping nothing git can see', async () => {
    const deployment = (sha: string, at: string): unknown => ({
      environment: 'production', createdAt: at, commit: { oid: sha }, creator: user('deploy-bot'), task: 'deploy', statuses: [{ state: 'SUCCESS', createdAt: at }],
    });
    const r = await run({ deployments: [deployment(repo.sha('pr1'), '2026-03-03T12:00:00Z'), deployment('f'.repeat(40), '2026-03-08T12:00:00Z')] });
    expect(r.deploySignal.kind).toBe('deployments');
    expect(r.deploys.map((d) => [d.ref, d.changes])).toEqual([[`production@${repo.sha('pr1').slice(0, 7)}`, 2], ['production@fffffff', 0]]);
    // a deployment is one whatever it shipped: none is named as no deploy
    expect(r.notes.filter((n) => /shipped none/.test(n))).toEqual([]);
  });
});
