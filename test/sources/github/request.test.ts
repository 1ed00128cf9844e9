import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateScenario } from '../../../fixtures/github-server/generate.mjs';
import type { Fault, GitHubServer } from '../../../fixtures/github-server/server.mjs';
import { ConfigError, FlowauditError, GitHubError, RateLimitError } from '../../../src/errors.js';
import { fetchGitHub, type FetchGitHubOptions } from '../../../src/sources/github/index.js';
import { createClient } from '../../../src/sources/github/request.js';
import { at, fakeSleep, invalidRequests, loadScenario, operations, optionsFor, serve, tempDir, TOKEN } from './helpers.js';

let srv: GitHubServer | undefined;
let cache: ReturnType<typeof tempDir> | undefined;

afterEach(async () => {
  if (srv) expect(invalidRequests(srv)).toEqual([]);
  await srv?.close();
  cache?.remove();
  srv = undefined;
  cache = undefined;
});

/** Serves review-flow with these faults; returns the options, the fake sleep and the lines the run wrote. */
async function setup(faults: Fault[], over: Partial<FetchGitHubOptions> = {}) {
  srv = await serve(loadScenario('review-flow'), faults);
  cache = tempDir();
  const sleeper = fakeSleep();
  const waits: number[] = [];
  const lines: string[] = [];
  const options = optionsFor(srv, cache.dir, {
    sleep: sleeper.sleep,
    onWait: (left) => waits.push(left),
    warn: (m) => lines.push(m),
    debug: (m) => lines.push(m),
    ...over,
  });
  return { srv, options, sleeper, waits, lines };
}

async function failure(promise: Promise<unknown>): Promise<FlowauditError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FlowauditError);
  const e = error as FlowauditError;
  expect(`${e.message} ${e.hint ?? ''} ${String(e.stack)}`).not.toContain(TOKEN);
  return e;
}

function expectNoToken(lines: string[]): void {
  for (const line of lines) expect(line).not.toContain(TOKEN);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('server errors and timeouts', () => {
  it('retries 502s with backoff, halving the page size each time', async () => {
    const { srv, options, sleeper } = await setup([{ kind: 'status502', times: 3 }]);
    const data = await fetchGitHub(options);
    expect(data.pulls).toHaveLength(9);
    expect(srv.requests.map((r) => [r.status, r.variables?.first])).toEqual([[502, 100], [502, 50], [502, 25], [200, 12]]);
    expect(sleeper.waits).toEqual([1000, 2000, 4000]);
    expect(data.requests).toBe(4);
  });

  it.each(['status503', 'status504'] as const)('retries a %s', async (kind) => {
    const { srv, options } = await setup([{ kind }]);
    const data = await fetchGitHub(options);
    expect(data.pulls).toHaveLength(9);
    expect(srv.requests.map((r) => r.status)).toEqual([Number(kind.slice(6)), 200]);
  });

  it('gives up after five retries with a clear error (page sizes 100 → 3)', async () => {
    const { srv, options } = await setup([{ kind: 'status502', times: -1 }]);
    const error = await failure(fetchGitHub(options));
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('GitHub kept failing FlowSnapshot (HTTP 502) after 5 retries');
    expect(srv.requests.map((r) => r.variables?.first)).toEqual([100, 50, 25, 12, 6, 3]);
  });

  it('retries a request that times out', async () => {
    const { srv, options } = await setup([{ kind: 'timeout', ms: 20_000 }], { timeoutMs: 300 });
    const data = await fetchGitHub(options);
    expect(data.pulls).toHaveLength(9);
    expect(srv.requests.map((r) => [r.fault ?? 'ok', r.variables?.first])).toEqual([['timeout', 100], ['ok', 50]]);
  });

  it('GitHub timing out inside a 200 (data null) is retried too', async () => {
    const { srv, options } = await setup([
      { kind: 'status502', status: 200, body: { data: null, errors: [{ message: 'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.' }] } },
    ]);
    await fetchGitHub(options);
    expect(srv.requests.map((r) => r.variables?.first)).toEqual([100, 50]);
  });
});

describe('the deadline of the whole fetch', () => {
  /** A clock that each fake sleep moves forward, so waits use up the deadline as they would for real. */
  function movingClock() {
    let t = Date.parse('2026-04-01T00:00:00Z');
    return { now: () => t, sleep: async (ms: number) => void (t += ms) };
  }

  it('no request starts after it: a run of 502s with 20 s of backoff and a 10 s deadline stops at it', async () => {
    const clock = movingClock();
    const { srv, options } = await setup([{ kind: 'status502', times: -1 }], { clock: clock.now, sleep: clock.sleep, deadlineSeconds: 10 });
    const error = await failure(fetchGitHub(options));
    expect(error.message).toBe('the GitHub fetch ran out of time before FlowSnapshot');
    // tries at 0, 1, 3 and 7 s (backoffs of 1, 2 and 4 s); the next would start at 15 s, past the 10 s
    expect(srv.requests).toHaveLength(4);
  });

  it('a rate-limit wait that would end past it stops at once; with --partial the run reports what it has', async () => {
    const clock = movingClock();
    const { srv, options, lines } = await setup([{ kind: 'secondaryRateLimit', retryAfter: 120, match: 'MergedPullRequests' }], {
      clock: clock.now, sleep: clock.sleep, deadlineSeconds: 60, pageSize: 5, partial: true,
    });
    const data = await fetchGitHub(options);
    expect(data.partial).toBe(true);
    expect(data.pulls.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.startsWith('the GitHub fetch ran out of time before MergedPullRequests: stopped early (--partial)'))).toBe(true);
    expect(srv.requests.map((r) => r.operationName)).toEqual(['FlowSnapshot', 'MergedPullRequests']);
  });

  it('a request that gets no answer is tried three times, not six', async () => {
    const { srv, options } = await setup([{ kind: 'timeout', ms: 20_000, times: -1 }], { timeoutMs: 200 });
    const error = await failure(fetchGitHub(options));
    expect(error.message).toBe('GitHub did not answer FlowSnapshot within 0.2 s, 3 times');
    expect(srv.requests).toHaveLength(3);
  });
});

describe('rate limits', () => {
  it('secondary: honours retry-after with a countdown', async () => {
    const { options, sleeper, waits } = await setup([{ kind: 'secondaryRateLimit', retryAfter: 7 }]);
    const data = await fetchGitHub(options);
    expect(data.pulls).toHaveLength(9);
    expect(sleeper.total()).toBe(7000);
    expect(waits).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('secondary without retry-after waits 60 s', async () => {
    const { options, sleeper } = await setup([{ kind: 'secondaryRateLimit', retryAfter: null }]);
    await fetchGitHub(options);
    expect(sleeper.total()).toBe(60_000);
  });

  it('a bare 429 (no rate-limit headers) is a secondary limit: one minute', async () => {
    const { options, sleeper } = await setup([{ kind: 'forbidden', status: 429, body: { message: 'Too Many Requests' } }]);
    await fetchGitHub(options);
    expect(sleeper.total()).toBe(60_000);
  });

  it('a secondary limit asking for longer than the wait limit stops with RateLimitError', async () => {
    const { options } = await setup([{ kind: 'secondaryRateLimit', retryAfter: 900 }]);
    const error = await failure(fetchGitHub(options));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe("GitHub's secondary rate limit asks flowaudit to wait 900 s, longer than it waits");
  });

  it.each([
    ['primary 403', { kind: 'primaryRateLimit', resetInSeconds: 30 }],
    ['primary 429', { kind: 'primaryRateLimit', status: 429, resetInSeconds: 30 }],
    ['GraphQL RATE_LIMITED', { kind: 'graphqlRateLimited', resetInSeconds: 30 }],
  ] as Array<[string, Fault]>)('%s: waits for a near reset with a countdown, then goes on', async (_, fault) => {
    const { srv, options, sleeper, waits } = await setup([fault]);
    const data = await fetchGitHub(options);
    expect(data.pulls).toHaveLength(9);
    expect(waits[0]).toBeGreaterThanOrEqual(30);
    expect(waits[0]).toBeLessThanOrEqual(32);
    expect(waits.at(-1)).toBe(0);
    expect(sleeper.total()).toBe((waits[0] ?? 0) * 1000);
    expect(srv.requests).toHaveLength(2);
  });

  it('primary: a far reset stops with RateLimitError (exit 3) naming the reset time', async () => {
    const { srv, options, sleeper } = await setup([{ kind: 'primaryRateLimit', resetInSeconds: 3600 }]);
    const error = await failure(fetchGitHub(options));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^GitHub's API rate limit is used up until \d{4}-\d\d-\d\dT.* \(61 min\), longer than flowaudit waits \(600 s\)$/);
    expect(error.hint).toContain('--partial');
    expect((error as RateLimitError).resetAt?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(sleeper.waits).toEqual([]);
    expect(srv.requests).toHaveLength(1);
  });

  it('the wait limit is configurable', async () => {
    const { options } = await setup([{ kind: 'graphqlRateLimited', resetInSeconds: 120 }], { maxWaitSeconds: 60 });
    expect(await failure(fetchGitHub(options))).toBeInstanceOf(RateLimitError);
  });

  it('with partial, a rate-limit stop returns what was fetched, says so and leaves the cache alone', async () => {
    srv = await serve(generateScenario({ owner: 'acme', name: 'shop', pullRequests: 150, seed: 2 }), [
      { kind: 'primaryRateLimit', match: 'MergedPullRequests', resetInSeconds: 7200, times: -1 },
    ]);
    cache = tempDir();
    const options = optionsFor(srv, cache.dir, { since: at('2023-12-01T00:00:00Z'), pageSize: 50, partial: true });
    const data = await fetchGitHub(options);
    expect(data.partial).toBe(true);
    expect(data.pulls).toHaveLength(50);
    expect(data.warnings[0]).toMatch(/rate limit is used up .*stopped early \(--partial\), so this report covers only what was fetched: 50 pull request/);
    expect(data.warnings).toContain('the GitHub cache was not updated: this run stopped early');
    expect(() => filesUnder(cache?.dir ?? '')).not.toThrow();
    expect(filesUnder(cache.dir)).toEqual([]);
  });
});

describe('refusals', () => {
  it('401: the token is wrong or expired', async () => {
    const { options } = await setup([{ kind: 'unauthorized' }]);
    const error = await failure(fetchGitHub(options));
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('GitHub rejected the token (401): it is wrong or expired; set GH_TOKEN to a valid token or run `gh auth login`');
  });

  it('a token the server does not know is the same 401', async () => {
    const { options } = await setup([], { token: 'ghp_wrongwrongwrong' });
    const error = await failure(fetchGitHub(options));
    expect(error.message).toMatch(/^GitHub rejected the token \(401\)/);
    expect(error.message).not.toContain('ghp_wrongwrongwrong');
  });

  it('403 without rate-limit headers names the scopes needed', async () => {
    const { options } = await setup([{ kind: 'forbidden', scopes: 'read:user', acceptedScopes: 'repo' }]);
    const error = await failure(fetchGitHub(options));
    expect(error.message).toBe('GitHub refused access to acme/shop (403: Resource not accessible by personal access token); the token has: read:user; GitHub accepts: repo');
    expect(error.hint).toMatch(/`repo` and `read:org` scopes.*public repositories need no scope/);
  });

  it('INSUFFICIENT_SCOPES in a 200 is the same refusal', async () => {
    const { options } = await setup([{ kind: 'insufficientScopes' }]);
    const error = await failure(fetchGitHub(options));
    expect(error.message).toMatch(/^GitHub refused access to acme\/shop \(200: Your token has not been granted the required scopes/);
    expect(error.hint).toContain('`repo`');
  });

  it('NOT_FOUND: the repository does not exist or the token cannot see it', async () => {
    const { options } = await setup([], { name: 'nope' });
    const error = await failure(fetchGitHub(options));
    expect(error.message).toBe('repository acme/nope not found, or the token cannot see it');
  });

  it('HTTP 404 (a wrong --api-url) gives the same message with a hint at the URL', async () => {
    const { srv, options } = await setup([]);
    const error = await failure(fetchGitHub({ ...options, apiUrl: srv.url.replace('/graphql', '/nothing-here') }));
    expect(error.message).toBe('repository acme/shop not found, or the token cannot see it');
    expect(error.hint).toMatch(/GitHub answered 404 at http:\/\/127\.0\.0\.1:\d+\/nothing-here: if --api-url is set, check it/);
  });
});

describe('broken answers', () => {
  it('GraphQL errors with partial data become warnings, never silently dropped', async () => {
    const { options, lines } = await setup([{ kind: 'partialErrors', path: ['repository', 'merged', 'nodes', 2, 'author'] }]);
    const data = await fetchGitHub(options);
    expect(data.pulls).toHaveLength(9);
    expect(data.warnings).toEqual([
      expect.stringMatching(/^GitHub returned an error with partial data for FlowSnapshot: repository\.merged\.nodes\.2\.author: NOT_FOUND .*that part is missing from the report$/),
    ]);
    expect(data.pulls.find((p) => p.number === 7)?.author).toBe('ghost');
    expect(lines).toContain(data.warnings[0]);
  });

  it('the default partial error (first nullable object) is reported too', async () => {
    const { options } = await setup([{ kind: 'partialErrors' }]);
    const data = await fetchGitHub(options);
    expect(data.warnings).toHaveLength(1);
    expect(data.warnings[0]).toMatch(/^GitHub returned an error with partial data for FlowSnapshot: repository\.\S+: NOT_FOUND/);
  });

  it('errors with data null fail, naming the query', async () => {
    const { options } = await setup([{ kind: 'status502', status: 200, body: { data: null, errors: [{ type: 'SOMETHING', message: 'Field is broken' }] } }]);
    const error = await failure(fetchGitHub(options));
    expect(error.message).toBe('GitHub rejected the query FlowSnapshot: SOMETHING Field is broken');
  });

  it('a truncated JSON answer is a clear GitHubError, not a crash', async () => {
    const { options } = await setup([{ kind: 'malformed' }]);
    const error = await failure(fetchGitHub(options));
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.message).toMatch(/^GitHub's response was not valid JSON \(.+; \d+ bytes, HTTP 200, request F1X7:\S+\)$/);
  });

  it('an empty or non-GraphQL body is a clear error too', async () => {
    const empty = await setup([{ kind: 'status502', status: 200, body: '' }]);
    expect((await failure(fetchGitHub(empty.options))).message).toMatch(/^GitHub's response was not valid JSON \(empty body/);
    await srv?.close();
    cache?.remove();
    const array = await setup([{ kind: 'status502', status: 200, body: [1, 2] }]);
    expect((await failure(fetchGitHub(array.options))).message).toBe("GitHub's response to FlowSnapshot was JSON but not a GraphQL answer");
  });

  it('a network failure names the endpoint', async () => {
    const { srv, options } = await setup([]);
    const url = srv.url;
    await srv.close();
    const error = await failure(fetchGitHub(options));
    expect(error.message).toBe(`cannot reach GitHub at ${url} (ECONNREFUSED)`);
    expect(error.hint).toContain('--api-url');
  });
});

describe('the token stays secret', () => {
  it('never appears in errors, warnings, debug lines or the cache', async () => {
    const kinds: Fault[] = [
      { kind: 'status502' }, { kind: 'secondaryRateLimit', retryAfter: 1 }, { kind: 'graphqlRateLimited', resetInSeconds: 1 },
      { kind: 'partialErrors' },
    ];
    const { options, lines } = await setup(kinds);
    const data = await fetchGitHub(options);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.some((l) => l.startsWith('github: FlowSnapshot'))).toBe(true);
    expectNoToken([...lines, ...data.warnings]);
    const files = filesUnder(options.cache.dir);
    expect(files).toHaveLength(1);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
    expect(operations(srv as GitHubServer)).toEqual(['FlowSnapshot', 'FlowSnapshot', 'FlowSnapshot', 'FlowSnapshot']);
  });
});

describe('where the client sends the token', () => {
  it('never over plain http to another machine, whoever built the URL: refused before any request', async () => {
    let fetched = 0;
    const fetchImpl = (async () => {
      fetched++;
      return new Response('{}');
    }) as typeof fetch;
    expect(() => createClient({ apiUrl: 'http://api.github.com/graphql', token: 'ghp_secret', repository: 'acme/app', fetchImpl })).toThrow(
      'the GitHub API URL http://api.github.com/graphql is not https: a token is sent only over https (plain http only to a loopback address)',
    );
    expect(() => createClient({ apiUrl: 'not a url', token: 'ghp_secret', repository: 'acme/app', fetchImpl })).toThrow(ConfigError);
    expect(fetched).toBe(0);
    expect(() => createClient({ apiUrl: 'http://127.0.0.1:9/graphql', token: 'ghp_secret', repository: 'acme/app', fetchImpl })).not.toThrow();
  });
});
