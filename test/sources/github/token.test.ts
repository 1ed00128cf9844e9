import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { apiHostOf, apiUrlFor, DEFAULT_API_URL, findToken, redact } from '../../../src/sources/github/token.js';
import { tempDir } from './helpers.js';

let bin: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  bin?.remove();
  bin = undefined;
});

/** A fake `gh` on PATH that records its arguments and prints `output` (or fails). */
function fakeGh(output: string, exitCode = 0): { env: NodeJS.ProcessEnv; args: () => string } {
  bin = tempDir();
  const log = join(bin.dir, 'args.txt');
  writeFileSync(join(bin.dir, 'gh'), `#!/bin/sh\necho "$@" > '${log}'\nprintf '%s\\n' '${output}'\nexit ${exitCode}\n`);
  chmodSync(join(bin.dir, 'gh'), 0o755);
  return { env: { PATH: `${bin.dir}:/usr/bin:/bin` }, args: () => readFileSync(log, 'utf8').trim() };
}

describe('findToken', () => {
  it('takes GH_TOKEN, then GITHUB_TOKEN, ignoring blank values', () => {
    expect(findToken({ GH_TOKEN: 'a', GITHUB_TOKEN: 'b' }, { ghCli: false })).toEqual({ token: 'a', source: 'GH_TOKEN' });
    expect(findToken({ GH_TOKEN: '  ', GITHUB_TOKEN: ' b\n' }, { ghCli: false })).toEqual({ token: 'b', source: 'GITHUB_TOKEN' });
    expect(findToken({}, { ghCli: false })).toBeNull();
  });

  it('then asks `gh auth token --hostname HOST` (GH_HOST, else github.com)', () => {
    const gh = fakeGh('gho_fromGh123');
    expect(findToken(gh.env, { ghCli: true })).toEqual({ token: 'gho_fromGh123', source: 'gh auth token' });
    expect(gh.args()).toBe('auth token --hostname github.com');
    expect(findToken({ ...gh.env, GH_HOST: 'ghe.example.com' }, { ghCli: true })?.source).toBe('gh auth token');
    expect(gh.args()).toBe('auth token --hostname ghe.example.com');
    findToken(gh.env, { ghCli: true, host: 'other.example.com' });
    expect(gh.args()).toBe('auth token --hostname other.example.com');
    expect(findToken({ ...gh.env, GH_TOKEN: 'env' }, { ghCli: true })?.source).toBe('GH_TOKEN');
  });

  it('is quiet when gh is missing, fails or prints no token', () => {
    expect(findToken({ PATH: '/nonexistent' }, { ghCli: true })).toBeNull();
    expect(findToken(fakeGh('no oauth token found', 1).env, { ghCli: true })).toBeNull();
    expect(findToken(fakeGh('').env, { ghCli: true })).toBeNull();
    expect(findToken(fakeGh('A new release of gh is available').env, { ghCli: true })).toBeNull();
  });
});

describe('apiUrlFor', () => {
  it('defaults to api.github.com, follows an enterprise remote, else GH_HOST', () => {
    expect(apiUrlFor({ env: {} })).toBe(DEFAULT_API_URL);
    expect(apiUrlFor({ remoteHost: 'github.com', env: { GH_HOST: 'ghe.example.com' } })).toBe(DEFAULT_API_URL);
    expect(apiUrlFor({ remoteHost: 'GHE.Example.com', env: {} })).toBe('https://ghe.example.com/api/graphql');
    expect(apiUrlFor({ remoteHost: null, env: { GH_HOST: 'ghe.example.com' } })).toBe('https://ghe.example.com/api/graphql');
  });

  it('--api-url wins, and must be an http(s) URL', () => {
    expect(apiUrlFor({ apiUrlFlag: 'http://127.0.0.1:9/graphql', remoteHost: 'github.com', env: {} })).toBe('http://127.0.0.1:9/graphql');
    expect(() => apiUrlFor({ apiUrlFlag: 'not a url', env: {} })).toThrow(ConfigError);
    expect(() => apiUrlFor({ apiUrlFlag: 'file:///etc/passwd', env: {} })).toThrow(/must be an http\(s\) URL/);
  });

  it('names the host for the cache', () => {
    expect(apiHostOf(DEFAULT_API_URL)).toBe('github.com');
    expect(apiHostOf('https://ghe.example.com/api/graphql')).toBe('ghe.example.com');
    expect(apiHostOf('http://127.0.0.1:4000/graphql')).toBe('127.0.0.1:4000');
  });
});

describe('redact', () => {
  it('removes the token, its URL-encoded form, authorization values and URL credentials', () => {
    const token = 'ghp_abc/def+1';
    expect(redact(`token ${token} and ${encodeURIComponent(token)}`, token)).toBe('token *** and ***');
    expect(redact('{"authorization":"bearer xyz123"}', null)).toBe('{"authorization":"bearer ***"}');
    expect(redact('Authorization: token xyz123', undefined)).toBe('Authorization: token ***');
    expect(redact('https://user:secret@ghe.example.com/api', '')).toBe('https://***@ghe.example.com/api');
  });
});
