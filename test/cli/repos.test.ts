import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../../fixtures/github-server/server.mjs';
import { activeRepositories, matrix } from '../../src/commands/repos.js';
import { listOrgRepositories } from '../../src/sources/github/org-repositories.js';
import { createClient } from '../../src/sources/github/request.js';
import { runCli } from '../helpers/cli-run.js';
import { at, invalidRequests, loadScenario, serve, TOKEN } from '../sources/github/helpers.js';

// the truth is written in fixtures/github-scenarios/organization.json's description
const NOW = ['--now', '2026-04-01T00:00:00Z'];
let srv: GitHubServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});
// --api-url names a host that is not github.com: it takes the enterprise token, never GH_TOKEN
const repos = async (args: string[], env: NodeJS.ProcessEnv = { GH_ENTERPRISE_TOKEN: TOKEN }) => {
  srv ??= await serve(loadScenario('organization'));
  return runCli(['repos', ...args, '--api-url', srv.url, ...NOW], env);
};

describe('flowaudit repos ORG', () => {
  it('lists the active repositories as a one-line GitHub Actions matrix', async () => {
    const r = await repos(['acme']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      '{"include":[{"name":"acme/api","repositories":"acme/api"},{"name":"acme/ops","repositories":"acme/ops"},{"name":"acme/web","repositories":"acme/web"}]}\n',
    );
    expect(invalidRequests(srv as GitHubServer)).toEqual([]);
  });

  it('as JSON and text, with forks when asked, and a later cutoff', async () => {
    const json = JSON.parse((await repos(['acme', '--format', 'json', '--forks'])).stdout) as { activeSince: string; repositories: unknown[] };
    expect(json).toEqual({
      organization: 'acme',
      activeSince: '2026-01-01T00:00:00Z',
      repositories: [
        { repository: 'acme/api', defaultBranch: 'main', lastCommitAt: '2026-03-30T09:55:00Z' },
        { repository: 'acme/fork-of-lib', defaultBranch: 'main', lastCommitAt: '2026-03-27T00:00:00Z' },
        { repository: 'acme/ops', defaultBranch: 'trunk', lastCommitAt: '2026-01-01T00:00:00Z' },
        { repository: 'acme/web', defaultBranch: 'main', lastCommitAt: '2026-03-19T17:00:00Z' },
      ],
    });
    const text = await repos(['acme', '--format', 'text', '--active-since', '2026-03-01']);
    expect(text.stdout).toBe('acme/api  main  last commit 2026-03-30\nacme/web  main  last commit 2026-03-19\n');
  });

  it('deals the repositories into batches past --max-jobs', async () => {
    const r = await repos(['acme', '--max-jobs', '2']);
    expect(JSON.parse(r.stdout)).toEqual({
      include: [
        { name: 'acme/api and 1 more', repositories: 'acme/api acme/web' },
        { name: 'acme/ops', repositories: 'acme/ops' },
      ],
    });
  });

  it('says what is wrong: no token, an unknown organisation, a bad name or flag', async () => {
    const none = await repos(['acme'], {});
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toBe('flowaudit: repos reads the GitHub API: set GH_TOKEN (or GITHUB_TOKEN; GH_ENTERPRISE_TOKEN for GitHub Enterprise), or run `gh auth login`\n');
    // a github.com token is never sent to another host
    expect(await repos(['acme'], { GH_TOKEN: TOKEN })).toMatchObject({ code: 2, stdout: '', stderr: none.stderr });
    expect(srv?.requests.length ?? 0).toBe(0);
    const unknown = await repos(['nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('flowaudit: organization nobody not found, or the token cannot see it');
    expect((await repos(['acme;rm'])).stderr).toBe("flowaudit: 'acme;rm' is not an organisation name: letters, digits and hyphens, at most 39\n");
    expect((await repos(['acme', '--max-jobs', '300'])).code).toBe(2);
    expect((await repos(['acme', '--active-since', '2027-01-01'])).stderr).toBe("flowaudit: --active-since '2027-01-01' is not in the past\n");
  });
});

describe('listOrgRepositories', () => {
  it('pages newest push first and stops at the first repository pushed before the cutoff', async () => {
    srv = await serve(loadScenario('organization'));
    const client = createClient({ apiUrl: srv.url, token: TOKEN, repository: 'acme', sleep: async () => undefined });
    const found = await listOrgRepositories(client, { login: 'acme', pushedSince: at('2026-01-01T00:00:00Z'), forks: false, pageSize: 2, warn: () => undefined });
    expect(found.map((r) => r.name)).toEqual(['acme/api', 'acme/web', 'acme/empty', 'acme/docs', 'acme/edge-before', 'acme/ops']);
    // pages [api web] [empty docs] [edge-before ops] [tools legacy]: the four older ones are never asked for
    expect(srv.requests.map((r) => r.operationName)).toEqual(Array(4).fill('OrganizationRepositories'));
    expect(invalidRequests(srv)).toEqual([]);
  });
});

describe('activeRepositories and matrix', () => {
  const repo = (name: string, lastCommitAt: number | null, over = {}) => ({ name, defaultBranch: 'main', lastCommitAt, pushedAt: lastCommitAt, isFork: false, isEmpty: false, isDisabled: false, ...over });

  it('keeps a commit on the default branch at or after the cutoff, by name', () => {
    const since = 1000;
    const active = activeRepositories([repo('o/b', 1000), repo('o/a', 5000), repo('o/c', 999), repo('o/d', 2000, { isDisabled: true }), repo('o/e', null)], since);
    expect(active.map((r) => r.repository)).toEqual(['o/a', 'o/b']);
  });

  it('is one job per repository up to the limit, then batches of near-equal size', () => {
    const active = ['o/1', 'o/2', 'o/3', 'o/4', 'o/5'].map((repository) => ({ repository, defaultBranch: 'main', lastCommitAt: '' }));
    expect(JSON.parse(matrix(active, 5)).include).toHaveLength(5);
    expect(JSON.parse(matrix(active, 2)).include.map((j: { repositories: string }) => j.repositories)).toEqual(['o/1 o/3 o/5', 'o/2 o/4']);
    expect(matrix([], 256)).toBe('{"include":[]}\n');
  });
});
