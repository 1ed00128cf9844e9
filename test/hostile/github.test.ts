/*
 * A GitHub API that is not GitHub: a GitHub Enterprise host someone else runs, a proxy, a test double gone
 * wrong. Paging that never ends, a server that never answers, nulls and wrong types where lists and strings
 * belong, and the token echoed back. Each run completes (with a warning) or stops with one line; requests stay
 * few; the token appears nowhere; the cache holds only what reads back.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../fixtures/github-server/generate.mjs';
import { startGitHubServer, type Fault, type GitHubServer } from '../../fixtures/github-server/server.mjs';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, run, sandbox, TOKEN, type Outcome, type Sandbox } from './harness.js';
import { origin, WINDOW } from './repos.js';

let repo: FixtureRepo;
let srv: GitHubServer;
let box: Sandbox;

beforeAll(async () => {
  repo = origin();
  // 150 merged PRs in March 2026: two pages of merged pull requests
  srv = await startGitHubServer({ scenario: generateScenario({ owner: 'acme', name: 'app', pullRequests: 150, start: '2026-03-01T00:00:00Z' }), token: TOKEN });
});
afterAll(async () => {
  await srv.close();
  repo.cleanup();
});
afterEach(() => {
  srv.setFaults([]);
  box.remove();
});

/** A GitHub-mode run against the fixture server with `faults`; how many requests it made. */
async function gitHub(faults: Fault[], extra: string[] = [], env: NodeJS.ProcessEnv = { GH_ENTERPRISE_TOKEN: TOKEN }): Promise<Outcome & { requests: number }> {
  box = sandbox();
  srv.setFaults(faults);
  const before = srv.requests.length;
  const o = await run(box, [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--format', 'json', ...WINDOW, ...extra], { env });
  return { ...o, requests: srv.requests.length - before };
}

const warningsOf = (o: Outcome): string[] => JSON.parse(o.written ?? '{}').warnings;

/** The one GitHub cache file the sandbox's run wrote. */
function cacheText(): string {
  const root = join(box.cache, 'flowaudit', 'github');
  const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return readFileSync(join(root, files[0] ?? ''), 'utf8');
}

describe('paging that would never end', () => {
  it('merged PRs whose cursors alternate between two values', async () => {
    const o = await gitHub([{ kind: 'cursorLoop', match: 'MergedPullRequests', times: -1 }, { kind: 'cursorLoop', match: 'FlowSnapshot' }]);
    expectReport(o);
    expect(warningsOf(o)).toContain("GitHub's paging of merged pull requests came back to a cursor it had given before: stopped there, so the list may be incomplete");
    expect(o.requests).toBeLessThanOrEqual(4);
  });

  it('empty pages that claim more, each behind a fresh cursor', async () => {
    const o = await gitHub([{ kind: 'emptyPages', match: 'MergedPullRequests', times: -1 }]);
    expectReport(o);
    expect(warningsOf(o)).toContain('GitHub sent an empty page of merged pull requests that claims more: stopped there, so the list may be incomplete');
    expect(o.requests).toBeLessThanOrEqual(3);
  });

  it('pages that always claim one more, with fresh cursors and nodes: stopped past totalCount', async () => {
    const o = await gitHub([{ kind: 'endlessPages', match: 'MergedPullRequests', times: -1 }]);
    expectReport(o);
    expect(warningsOf(o).some((w) => /^GitHub kept paging merged pull requests past the 150 it counts: stopped after \d+$/.test(w))).toBe(true);
    expect(o.requests).toBeLessThanOrEqual(4);
  });

  it('every PR\'s commits always have another page (the follow-ups too)', async () => {
    const o = await gitHub([
      { kind: 'endlessPages', at: 'data.repository.merged.nodes.*.commits', times: -1, match: 'FlowSnapshot' },
      { kind: 'endlessPages', at: 'data.repository.merged.nodes.*.commits', times: -1, match: 'MergedPullRequests' },
      { kind: 'endlessPages', at: 'data.repository.p*.commits', times: -1, match: 'PullRequestOverflow' },
    ]);
    expectReport(o);
    expect(warningsOf(o).some((w) => /^GitHub kept paging the commits of pull request #\d+ past the \d+ it counts/.test(w))).toBe(true);
    // the first request, one more page of PRs, then a few follow-up rounds of 50 PRs each: not hundreds
    expect(o.requests).toBeLessThanOrEqual(15);
  });

  it('deployments whose cursors alternate', async () => {
    const o = await gitHub([{ kind: 'cursorLoop', at: 'data.repository.deployments', match: 'FlowSnapshot' }, { kind: 'cursorLoop', at: 'data.repository.deployments', match: 'Deployments', times: -1 }]);
    expectReport(o);
    expect(warningsOf(o)).toContain("GitHub's paging of deployments came back to a cursor it had given before: stopped there, so the list may be incomplete");
  });
});

describe('a server that does not answer', () => {
  it('accepts the connection and never answers: three tries of --timeout each, then one line', async () => {
    const o = await gitHub([{ kind: 'timeout', times: -1, ms: 60_000 }], ['--timeout', '1']);
    expectError(o, 2, 'GitHub did not answer FlowSnapshot within 1 s, 3 times');
    expect(o.stderr).toContain('  check the network and --api-url, or allow longer with --timeout SECONDS');
    expect(o.requests).toBe(3);
  });

  it('sends headers and the start of a body, then nothing: the timeout covers the body too', async () => {
    const o = await gitHub([{ kind: 'stall', times: -1, ms: 60_000 }], ['--timeout', '1']);
    expectError(o, 2, 'GitHub did not answer FlowSnapshot within 1 s, 3 times');
  });
});

describe('nulls and wrong types where lists and strings belong', () => {
  it('the merged PR connection is null', async () => {
    const o = await gitHub([{ kind: 'rewrite', match: 'FlowSnapshot', set: { 'data.repository.merged': null } }]);
    expectReport(o);
    expect(warningsOf(o)).toContain('GitHub sent null where a list belongs (merged pull requests ×1): read as empty, so the figures built on them may be incomplete');
  });

  it('every PR\'s commits and reviews are null, and one page\'s pageInfo', async () => {
    const o = await gitHub([{ kind: 'rewrite', match: 'FlowSnapshot', set: { 'data.repository.merged.nodes.*.commits': null, 'data.repository.merged.nodes.*.reviews': null, 'data.repository.merged.pageInfo': null } }]);
    expectReport(o);
    expect(warningsOf(o).find((w) => w.startsWith('GitHub sent null where a list belongs'))).toMatch(/pull request commits ×100, pull request reviews ×100/);
  });

  it('nodes is an object, labels hold numbers, a login is a number', async () => {
    const o = await gitHub([{ kind: 'rewrite', match: 'FlowSnapshot', set: { 'data.repository.open.nodes': {}, 'data.repository.merged.nodes.*.labels.nodes': [{ name: 7 }], 'data.repository.merged.nodes.*.author.login': 42 } }]);
    expectReport(o);
  });

  it('PR numbers that are strings: those PRs are left out, each with a warning', async () => {
    const o = await gitHub([{ kind: 'rewrite', match: 'FlowSnapshot', set: { 'data.repository.merged.nodes.0.number': '12' } }]);
    expectReport(o);
    expect(warningsOf(o)).toContain('a merged pull request (no number) came back without its number or merge time: left out');
  });

  it('a PR with a null title: the run completes, and the cache it writes reads back next run', async () => {
    const first = await gitHub([{ kind: 'rewrite', match: 'FlowSnapshot', set: { 'data.repository.merged.nodes.*.title': null } }]);
    expectReport(first);
    expect(first.stderr).not.toContain('cache was not updated');
    expect(cacheText()).toContain('"title":""');
    // the same sandbox's cache, read by a second run: warm, so one request
    srv.setFaults([]);
    const before = srv.requests.length;
    const again = await run(box, [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--format', 'json', ...WINDOW], { env: { GH_ENTERPRISE_TOKEN: TOKEN } });
    expectReport(again);
    expect(again.stderr).not.toMatch(/cache .* is corrupt/);
    expect(srv.requests.length - before).toBe(1);
  });
});

describe('the token echoed back', () => {
  it('in a plain-text body: one line, and not 8 characters of it anywhere', async () => {
    const o = await gitHub([{ kind: 'echoToken', times: -1 }]);
    expectError(o, 2, /^flowaudit: GitHub's response was not valid JSON \(not JSON; \d+ bytes, HTTP 200, request F1X7:[0-9A-F]+\)$/);
  });

  it('in a JSON error message with status 500', async () => {
    const o = await gitHub([{ kind: 'echoToken', as: 'json', times: -1 }]);
    expectError(o, 2, 'GitHub answered HTTP 500 to FlowSnapshot: internal error while handling bearer ***');
  });

  it('inside the data (every PR title): neither the report nor the cache holds it', async () => {
    const o = await gitHub([{ kind: 'rewrite', match: 'FlowSnapshot', set: { 'data.repository.merged.nodes.*.title': `title ${TOKEN} end` } }]);
    expectReport(o);
    expect(cacheText()).toContain('"title":"title *** end"');
  });

  it('inside a partial error\'s message, with a terminal escape', async () => {
    const o = await gitHub([{ kind: 'partialErrors', match: 'FlowSnapshot', path: ['repository', 'merged', 'nodes', 0, 'author'], message: `no \u001b]52;c;eA==\u0007 ${TOKEN.slice(3, 20)}` }]);
    expectReport(o);
    expect(o.stderr).not.toContain('\u001b');
    expect(o.stderr).toContain('NOT_FOUND no  ***; that part is missing from the report');
  });
});

describe('where the token is sent', () => {
  it('GH_TOKEN alone never goes to a host that is not github.com, even one named by --api-url', async () => {
    const o = await gitHub([], [], { GH_TOKEN: TOKEN });
    expectReport(o);
    expect(o.requests).toBe(0);
    expect(o.stderr).toMatch(/^flowaudit: warning: no token for 127\.0\.0\.1:\d+: GH_TOKEN and GITHUB_TOKEN are sent to github\.com only; set GH_ENTERPRISE_TOKEN for a GitHub Enterprise host \(git only for now\)$/m);
    expect(JSON.parse(o.written ?? '{}').sources).toEqual(['git']);
  });

  it('a remote on github.evil.example gets no token, whichever are set', async () => {
    box = sandbox();
    repo.git('remote', 'add', 'origin', 'https://github.evil.example/acme/app.git');
    try {
      const o = await run(box, [repo.dir, '--format', 'json', ...WINDOW], { env: { GH_TOKEN: TOKEN, GITHUB_TOKEN: TOKEN, GH_ENTERPRISE_TOKEN: TOKEN } });
      expect(JSON.parse(expectReport(o)).sources).toEqual(['git']);
      expect(o.stderr).toContain('origin is on github.evil.example, not github.com: no token is sent there unless you name the host');
    } finally {
      repo.git('remote', 'remove', 'origin');
    }
  });
});

describe('the token pasted where it does not belong', () => {
  it('as --repo: the error names the flag, and the token is redacted from it', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--repo', TOKEN, ...WINDOW]);
    expectError(o, 2, "--repo '***' is not owner/name");
  });

  it('as --branch: the same', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--branch', `x${TOKEN}`, ...WINDOW]);
    expectError(o, 2, "unknown branch 'x***': list branches with `git branch -a` and pass one with --branch");
  });
});

describe('answers that are not GraphQL', () => {
  it('a JSON answer cut in half', async () => {
    const o = await gitHub([{ kind: 'malformed', times: -1 }]);
    expectError(o, 2, /^flowaudit: GitHub's response was not valid JSON \((broken at byte \d+|not JSON); \d+ bytes, HTTP 200, request F1X7:[0-9A-F]+\)$/);
  });

  it('a 401 whose body holds the token', async () => {
    const o = await gitHub([{ kind: 'unauthorized', body: { message: `Bad credentials for ${TOKEN}` }, times: -1 }]);
    expectError(o, 2, 'GitHub rejected the token (401): it is wrong or expired; set GH_TOKEN to a valid token or run `gh auth login`');
  });

  it('a cache file is never left holding a piece of the token', async () => {
    const o = await gitHub([{ kind: 'rewrite', match: 'FlowSnapshot', set: { 'data.repository.merged.nodes.*.headRefName': TOKEN.slice(2, 30) } }]);
    expectReport(o);
    expect(cacheText()).toContain('"headRefName":"***"');
  });
});

describe('a token over plain http', () => {
  it('GH_TOKEN with --api-url http://api.github.com/graphql: refused, one line, exit 2', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--repo', 'acme/app', '--api-url', 'http://api.github.com/graphql', ...WINDOW], { env: { GH_TOKEN: TOKEN } });
    expectError(o, 2, '--api-url api.github.com is plain http: a token is sent only over https (plain http only to a loopback address: 127.0.0.1, ::1, localhost); use https://api.github.com/graphql');
  });

  it('an Enterprise host over http://, with its token: refused', async () => {
    box = sandbox();
    const o = await run(box, [repo.dir, '--repo', 'acme/app', '--api-url', 'http://github.example.com/api/graphql', ...WINDOW], { env: { GH_ENTERPRISE_TOKEN: TOKEN } });
    expectError(o, 2, /^flowaudit: --api-url github\.example\.com is plain http: a token is sent only over https/);
  });

  it('repos with an http:// API URL: refused the same way', async () => {
    box = sandbox();
    const o = await run(box, ['repos', 'acme', '--api-url', 'http://github.example.com/api/graphql'], { env: { GH_ENTERPRISE_TOKEN: TOKEN } });
    expectError(o, 2, /^flowaudit: --api-url github\.example\.com is plain http/);
  });

  // a server on this machine's own network address (not loopback): what a host on the network would see
  const address = Object.values(networkInterfaces()).flat().find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(address === undefined)('to a listener on a network address: it receives no request at all', async () => {
    const seen: string[] = [];
    const listener = createServer((request, response) => {
      seen.push(request.headers.authorization ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => listener.listen(0, address, resolve));
    try {
      box = sandbox();
      const url = `http://${address}:${(listener.address() as AddressInfo).port}/api/graphql`;
      const o = await run(box, [repo.dir, '--repo', 'acme/app', '--api-url', url, ...WINDOW], { env: { GH_ENTERPRISE_TOKEN: TOKEN } });
      expectError(o, 2, /^flowaudit: --api-url \S+ is plain http: a token is sent only over https/);
      expect(seen).toEqual([]);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});

describe('a GitHub cache entry planted by someone else (a CI cache restore, a shared XDG_CACHE_HOME)', () => {
  it.each([
    ['a symlink to /dev/zero', (file: string) => symlinkSync('/dev/zero', file), 'is not a regular file (a character device)'],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'is not a regular file (a named pipe)'],
    ['a 300 MB file', (file: string) => truncateSync((writeFileSync(file, ''), file), 300 * 1024 * 1024), 'is larger than 256 MB'],
    ['binary garbage', (file: string) => writeFileSync(file, Buffer.from([0, 1, 0xff, 0xfe, 0x7b])), 'is corrupt (not valid JSON)'],
  ] as Array<[string, (file: string) => void, string]>)('%s: a warning, a full fetch, the report complete, the cache rewritten', async (_, plant, why) => {
    box = sandbox();
    const file = join(box.cache, 'flowaudit', 'github', encodeURIComponent(new URL(srv.url).host), 'acme', 'app', 'main.json');
    mkdirSync(dirname(file), { recursive: true });
    plant(file);
    const before = srv.requests.length;
    const o = await run(box, [repo.dir, '--repo', 'acme/app', '--api-url', srv.url, '--format', 'json', ...WINDOW], { env: { GH_ENTERPRISE_TOKEN: TOKEN } });
    expect(JSON.parse(expectReport(o)).sources).toContain('github');
    expect(o.stderr).toContain(`flowaudit: warning: the GitHub cache ${file} ${why}`);
    expect(srv.requests.length - before).toBeGreaterThan(0);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(JSON.parse(cacheText()).format).toBe('flowaudit-github-cache');
  });
});
