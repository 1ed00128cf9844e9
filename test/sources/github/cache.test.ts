import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, lutimesSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubServer } from '../../../fixtures/github-server/server.mjs';
import { cacheFileFor, CACHE_VERSION, defaultCacheDir, MAX_CACHE_BYTES } from '../../../src/sources/github/cache.js';
import { fetchGitHub } from '../../../src/sources/github/index.js';
import { at, invalidRequests, loadScenario, operations, optionsFor, serve, tempDir, TOKEN } from './helpers.js';

let srv: GitHubServer | undefined;
let cache: ReturnType<typeof tempDir> | undefined;

afterEach(async () => {
  if (srv) expect(invalidRequests(srv)).toEqual([]);
  await srv?.close();
  cache?.remove();
  srv = undefined;
  cache = undefined;
});

async function setup() {
  const scenario = loadScenario('review-flow');
  srv = await serve(scenario);
  cache = tempDir();
  const warnings: string[] = [];
  const options = optionsFor(srv, cache.dir, { warn: (m) => warnings.push(m) });
  const file = cacheFileFor(cache.dir, { host: new URL(srv.url).host, owner: 'acme', name: 'shop', baseBranch: 'main' });
  return { srv, scenario, options, warnings, file, pulls: (scenario.repositories?.['acme/shop'] as any).pullRequests as any[] };
}

describe('warm cache', () => {
  it('a re-run with nothing new is one request and returns the same pulls', async () => {
    const { srv, options, file } = await setup();
    const cold = await fetchGitHub(options);
    expect(existsSync(file)).toBe(true);
    const start = srv.requests.length;
    const warm = await fetchGitHub(options);
    expect(srv.requests.length - start).toBeLessThanOrEqual(2);
    expect(operations(srv, start)).toEqual(['FlowSnapshot']);
    expect(srv.requests[start]?.variables?.first).toBe(25);
    expect(warm.pulls).toEqual(cold.pulls);
    expect(warm.deployments).toEqual(cold.deployments);
    expect(warm.cachedPulls).toBe(8); // #9 (the newest update) is read again: a same-second update must not be missed
    expect(warm.warnings).toEqual([]);
  });

  it('fetches only PRs updated since, stops at older ones, and merges them in', async () => {
    const { srv, options, pulls } = await setup();
    await fetchGitHub(options);
    // a new merged PR, and #3 gets a late review (its updatedAt moves)
    pulls.push({ ...structuredClone(pulls.find((p) => p.number === 2)), number: 11, title: 'Late change', createdAt: '2024-03-20T09:00:00Z', mergedAt: '2024-03-20T10:00:00Z', updatedAt: '2024-03-20T10:00:00Z', mergeCommit: { oid: 'b'.repeat(40) } });
    const three = pulls.find((p) => p.number === 3);
    three.updatedAt = '2024-03-21T09:00:00Z';
    three.reviews.push({ state: 'COMMENTED', submittedAt: '2024-03-21T09:00:00Z', author: { __typename: 'User', login: 'erin' } });

    const start = srv.requests.length;
    const warm = await fetchGitHub(options);
    expect(operations(srv, start)).toEqual(['FlowSnapshot']);
    expect(warm.pulls.map((p) => p.number)).toEqual([3, 11, 9, 8, 7, 6, 5, 4, 2, 1]);
    expect(warm.pulls[0]?.reviews.map((r) => r.author)).toEqual(['copilot-pull-request-reviewer', 'bob', 'erin']);
    expect(warm.cachedPulls).toBe(7);
  });

  it('a window starting before what the cache covers fetches back to it', async () => {
    const { srv, options } = await setup();
    await fetchGitHub(options);
    const start = srv.requests.length;
    const wider = await fetchGitHub({ ...options, since: at('2024-01-15T00:00:00Z') });
    expect(srv.requests[start]?.variables?.first).toBe(100);
    expect(wider.pulls.map((p) => p.number)).toContain(20);
    // and the cache now covers the wider window
    const again = srv.requests.length;
    await fetchGitHub({ ...options, since: at('2024-01-15T00:00:00Z') });
    expect(srv.requests[again]?.variables?.first).toBe(25);
  });
});

describe('cache options and damage', () => {
  it('noCache neither reads nor writes; refresh fetches everything and rewrites', async () => {
    const { srv, options, file } = await setup();
    await fetchGitHub({ ...options, cache: { ...options.cache, noCache: true } });
    expect(existsSync(file)).toBe(false);
    await fetchGitHub(options);
    const before = readFileSync(file, 'utf8');
    const start = srv.requests.length;
    const refreshed = await fetchGitHub({ ...options, cache: { ...options.cache, refresh: true } });
    expect(srv.requests[start]?.variables?.first).toBe(100);
    expect(refreshed.cachedPulls).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).pulls).toEqual(JSON.parse(before).pulls);
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2), /is corrupt \(not valid JSON\): ignored, it will be rebuilt$/],
    ['an old version', (text: string) => text.replace(`"version":${CACHE_VERSION}`, '"version":0'), new RegExp(`is in an old format \\(version 0, this flowaudit writes version ${CACHE_VERSION}\\): ignored, it will be rebuilt$`)],
    ['another format', () => '{"pulls": []}', /is in an old format \(an unknown format/],
    ['a damaged pull', (text: string) => text.replace('"mergedAt":', '"mergedAt":"soon","x":'), /is corrupt \(pulls\.items\.\d+\.mergedAt: .*\): ignored, it will be rebuilt$/],
  ] as Array<[string, (text: string) => string, RegExp]>)('a cache with %s is ignored with a warning and rebuilt', async (_, damage, message) => {
    const { srv, options, file, warnings } = await setup();
    const cold = await fetchGitHub(options);
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    const start = srv.requests.length;
    const rebuilt = await fetchGitHub(options);
    expect(warnings).toEqual([expect.stringMatching(message)]);
    expect(warnings[0]).toContain(file);
    expect(srv.requests[start]?.variables?.first).toBe(100);
    expect(rebuilt.pulls).toEqual(cold.pulls);
    // rebuilt: the next run is warm and quiet again
    await fetchGitHub(options);
    expect(warnings).toHaveLength(1);
    expect(srv.requests.at(-1)?.variables?.first).toBe(25);
  });

  it('writes through a temp file and leaves no temp file behind; never stores the token', async () => {
    const { options, file } = await setup();
    await fetchGitHub(options);
    await fetchGitHub(options);
    expect(readdirSync(dirname(file))).toEqual(['main.json']);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toMatchObject({ format: 'flowaudit-github-cache', version: CACHE_VERSION, repository: 'acme/shop', baseBranch: 'main', savedAt: '2024-04-01T00:00:00.000Z' });
  });

  it('an unwritable cache folder is a warning, not a failure', async () => {
    const { options, warnings } = await setup();
    const blocked = join(options.cache.dir, 'blocked');
    writeFileSync(blocked, 'a file where a folder should be');
    const data = await fetchGitHub({ ...options, cache: { ...options.cache, dir: blocked } });
    expect(data.pulls).toHaveLength(9);
    expect(warnings).toEqual([expect.stringMatching(/^cannot write the GitHub cache .* \((ENOTDIR|EEXIST)\): the next run fetches everything again$/)]);
  });
});

describe('cache location', () => {
  it('is $XDG_CACHE_HOME/flowaudit, else ~/.cache/flowaudit', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/flowaudit');
    expect(defaultCacheDir({})).toBe(join(homedir(), '.cache', 'flowaudit'));
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache', 'flowaudit'));
  });

  it('one file per host, repository and base branch, none escaping the folder', () => {
    expect(cacheFileFor('/c', { host: 'github.com', owner: 'Acme', name: 'Shop', baseBranch: 'main' })).toBe('/c/github/github.com/acme/shop/main.json');
    expect(cacheFileFor('/c', { host: 'ghe.example.com:8443', owner: '..', name: 'x', baseBranch: 'release/1.x' }))
      .toBe('/c/github/ghe.example.com%3A8443/%2E./x/release%2F1.x.json');
  });

  it('a directory is created on first write', async () => {
    const { options, file } = await setup();
    mkdirSync(options.cache.dir, { recursive: true });
    await fetchGitHub(options);
    expect(existsSync(file)).toBe(true);
  });
});

describe('a cache entry flowaudit did not write (a CI cache restore, a shared XDG_CACHE_HOME)', () => {
  it.each([
    ['a symlink to /dev/zero', (file: string) => symlinkSync('/dev/zero', file), 'is not a regular file (a character device)'],
    ['a FIFO no one writes to', (file: string) => execFileSync('mkfifo', [file]), 'is not a regular file (a named pipe)'],
    // sparse: 257 MB on paper, nothing on disk
    ['a file past the size cap', (file: string) => truncateSync((writeFileSync(file, ''), file), MAX_CACHE_BYTES + 1), 'is larger than 256 MB'],
    ['a directory', (file: string) => mkdirSync(file), 'is a directory'],
  ] as Array<[string, (file: string) => void, string]>)('%s: a warning, everything fetched again, no wait and no crash', async (_, plant, why) => {
    const { srv, options, file, warnings } = await setup();
    mkdirSync(dirname(file), { recursive: true });
    plant(file);
    const start = srv.requests.length;
    const data = await fetchGitHub(options);
    expect(warnings[0]).toBe(`the GitHub cache ${file} ${why}: ignored, fetching everything again`);
    expect(srv.requests[start]?.variables?.first).toBe(100);
    expect(data.pulls).toHaveLength(9);
    if (why === 'is a directory') return;
    // the entry is replaced by a real cache (never written through into the device or the pipe): the next run is warm
    expect(lstatSync(file).isFile()).toBe(true);
    await fetchGitHub(options);
    expect(srv.requests.at(-1)?.variables?.first).toBe(25);
  });

  it('temp files a killed run left an hour ago or more are removed; fresh ones, other files and links are not', async () => {
    const { options, file } = await setup();
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true });
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const fiftyMinutesAgo = new Date(Date.now() - 50 * 60_000);
    const plant = (name: string, when: Date): void => {
      writeFileSync(join(dir, name), 'half a cache');
      utimesSync(join(dir, name), when, when);
    };
    plant('.main.json.flowaudit-4242-deadbeef.tmp', twoHoursAgo);
    // the name older versions gave their temp files
    plant('.4242.deadbeef.tmp', twoHoursAgo);
    plant('.release.json.flowaudit-4242-0badf00d.tmp', twoHoursAgo);
    plant('.main.json.flowaudit-4243-0123abcd.tmp', fiftyMinutesAgo);
    plant('notes.tmp', twoHoursAgo);
    plant('.main.json.flowaudit-4244-deadbeef.tmp.bak', twoHoursAgo);
    symlinkSync(join(dir, 'notes.tmp'), join(dir, '.main.json.flowaudit-4245-deadbeef.tmp'));
    lutimesSync(join(dir, '.main.json.flowaudit-4245-deadbeef.tmp'), twoHoursAgo, twoHoursAgo);
    await fetchGitHub(options);
    expect(readdirSync(dir).sort()).toEqual(['.main.json.flowaudit-4243-0123abcd.tmp', '.main.json.flowaudit-4244-deadbeef.tmp.bak', '.main.json.flowaudit-4245-deadbeef.tmp', 'main.json', 'notes.tmp']);
  });
});
