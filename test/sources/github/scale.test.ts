import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../../fixtures/github-server/generate.mjs';
import type { GitHubServer } from '../../../fixtures/github-server/server.mjs';
import { fetchGitHub, type FetchGitHubOptions, type GitHubData } from '../../../src/sources/github/index.js';
import { at, invalidRequests, operations, serve, tempDir, TOKEN } from './helpers.js';

const PULLS = 5000;

describe(`a generated repository with ${PULLS} merged pull requests`, () => {
  let srv: GitHubServer;
  let cache: ReturnType<typeof tempDir>;
  let options: FetchGitHubOptions;
  let cold: GitHubData;
  let coldMs = 0;

  beforeAll(async () => {
    srv = await serve(generateScenario({ pullRequests: PULLS }));
    cache = tempDir();
    options = {
      owner: 'acme', name: 'app', apiUrl: srv.url, token: TOKEN, baseBranch: 'main',
      since: at('2023-12-01T00:00:00Z'), until: at('2025-01-01T00:00:00Z'), now: at('2025-01-01T00:00:00Z'),
      cache: { dir: cache.dir, noCache: false, refresh: false }, partial: false, maxWaitSeconds: 600, incidentLabel: 'incident',
    };
    const started = performance.now();
    cold = await fetchGitHub(options);
    coldMs = performance.now() - started;
  });

  afterAll(async () => {
    await srv.close();
    cache.remove();
  });

  it('fetches cold in at most 2 requests per 100 PRs, follow-ups included, every query valid', () => {
    expect(cold.pulls).toHaveLength(PULLS);
    expect(cold.warnings).toEqual([]);
    expect(invalidRequests(srv)).toEqual([]);
    expect(srv.requests.length).toBe(cold.requests);
    expect(cold.requests).toBeLessThanOrEqual((2 * PULLS) / 100);
    const pages = srv.requests.filter((r) => r.operationName === 'MergedPullRequests');
    expect(Math.max(...pages.map((r) => r.cost))).toBeLessThanOrEqual(15);
    expect(cold.cost).toBe(srv.requests.reduce((sum, r) => sum + r.cost, 0));
    console.log(`github cold: ${PULLS} PRs, ${cold.requests} requests (target ≤ ${(2 * PULLS) / 100}), cost ${cold.cost} points, ${Math.round(coldMs)} ms; ${JSON.stringify(tally(operations(srv)))}`);
  });

  it('re-runs warm with nothing new in at most 2 requests', async () => {
    const start = srv.requests.length;
    const started = performance.now();
    const warm = await fetchGitHub(options);
    const ms = performance.now() - started;
    const sent = srv.requests.length - start;
    expect(sent).toBeLessThanOrEqual(2);
    expect(warm.requests).toBe(sent);
    expect(warm.pulls).toEqual(cold.pulls);
    expect(warm.deployments).toEqual(cold.deployments);
    expect(warm.cachedPulls).toBeGreaterThanOrEqual(PULLS - 25);
    console.log(`github warm: ${sent} request(s) (target ≤ 2), cost ${warm.cost} points, ${Math.round(ms)} ms, ${warm.cachedPulls} PRs from the cache`);
  });
});

function tally(names: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of names) out[n] = (out[n] ?? 0) + 1;
  return out;
}
