import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { apiHostOf, apiUrlFor, carriesTokenSafely, DEFAULT_API_URL, findToken, redact } from '../../../src/sources/github/token.js';
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

const DOT_COM = { host: 'github.com', named: false };

describe('findToken', () => {
  it('takes GH_TOKEN, then GITHUB_TOKEN, for github.com, ignoring blank values', () => {
    expect(findToken({ GH_TOKEN: 'a', GITHUB_TOKEN: 'b' }, { ghCli: false, ...DOT_COM })).toEqual({ token: 'a', source: 'GH_TOKEN' });
    expect(findToken({ GH_TOKEN: '  ', GITHUB_TOKEN: ' b\n' }, { ghCli: false, ...DOT_COM })).toEqual({ token: 'b', source: 'GITHUB_TOKEN' });
    expect(findToken({ GH_TOKEN: 'a' }, { ghCli: false, host: 'api.github.com', named: false })?.token).toBe('a');
    expect(findToken({}, { ghCli: false, ...DOT_COM })).toBeNull();
  });

  it('never gives GH_TOKEN or GITHUB_TOKEN to another host, named or not', () => {
    const env = { GH_TOKEN: 'a', GITHUB_TOKEN: 'b' };
    expect(findToken(env, { ghCli: false, host: 'github.evil.example', named: false })).toBeNull();
    expect(findToken(env, { ghCli: false, host: 'ghe.example.com', named: true })).toBeNull();
  });

  it('gives GH_ENTERPRISE_TOKEN, then GITHUB_ENTERPRISE_TOKEN, only to a host the user named', () => {
    const env = { GH_ENTERPRISE_TOKEN: 'e', GITHUB_ENTERPRISE_TOKEN: 'f', GH_TOKEN: 'a' };
    expect(findToken(env, { ghCli: false, host: 'ghe.example.com', named: true })).toEqual({ token: 'e', source: 'GH_ENTERPRISE_TOKEN' });
    expect(findToken({ GITHUB_ENTERPRISE_TOKEN: 'f' }, { ghCli: false, host: 'ghe.example.com', named: true })?.source).toBe('GITHUB_ENTERPRISE_TOKEN');
    expect(findToken(env, { ghCli: false, host: 'ghe.example.com', named: false })).toBeNull();
    expect(findToken(env, { ghCli: false, ...DOT_COM })?.source).toBe('GH_TOKEN');
  });

  it('then asks `gh auth token --hostname HOST`, which knows only the hosts the user logged in to', () => {
    const gh = fakeGh('gho_fromGh123');
    expect(findToken(gh.env, { ghCli: true, ...DOT_COM })).toEqual({ token: 'gho_fromGh123', source: 'gh auth token' });
    expect(gh.args()).toBe('auth token --hostname github.com');
    expect(findToken(gh.env, { ghCli: true, host: 'api.github.com', named: false })?.source).toBe('gh auth token');
    expect(gh.args()).toBe('auth token --hostname github.com');
    findToken(gh.env, { ghCli: true, host: 'other.example.com', named: false });
    expect(gh.args()).toBe('auth token --hostname other.example.com');
    expect(findToken({ ...gh.env, GH_TOKEN: 'env' }, { ghCli: true, ...DOT_COM })?.source).toBe('GH_TOKEN');
  });

  it('is quiet when gh is missing, fails or prints no token', () => {
    expect(findToken({ PATH: '/nonexistent' }, { ghCli: true, ...DOT_COM })).toBeNull();
    expect(findToken(fakeGh('no oauth token found', 1).env, { ghCli: true, ...DOT_COM })).toBeNull();
    expect(findToken(fakeGh('').env, { ghCli: true, ...DOT_COM })).toBeNull();
    expect(findToken(fakeGh('A new release of gh is available').env, { ghCli: true, ...DOT_COM })).toBeNull();
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

  it('refuses plain http to any host but this machine: a token is bound to TLS as to its host', () => {
    for (const url of ['http://api.github.com/graphql', 'http://github.example.com/api/graphql', 'http://10.0.0.7:8080/graphql', 'http://127.0.0.1.evil.example/graphql', 'http://localhost.evil.example/graphql', 'http://[::ffff:127.0.0.1]/graphql', 'http://[fd00::2]/graphql']) {
      expect(() => apiUrlFor({ apiUrlFlag: url, env: {} }), url).toThrow(ConfigError);
    }
    expect(() => apiUrlFor({ apiUrlFlag: 'http://api.github.com/graphql', env: {} })).toThrow(
      '--api-url api.github.com is plain http: a token is sent only over https (plain http only to a loopback address: 127.0.0.1, ::1, localhost); use https://api.github.com/graphql',
    );
    // this machine: the loopback net, its IPv6 address and its name, however the address is spelled
    for (const url of ['http://127.0.0.1:9/graphql', 'http://127.8.9.10/graphql', 'http://127.1/graphql', 'http://0x7f.0.0.1/graphql', 'http://[::1]:9/graphql', 'http://LOCALHOST:9/graphql', 'https://github.example.com/api/graphql']) {
      expect(() => apiUrlFor({ apiUrlFlag: url, env: {} }), url).not.toThrow();
    }
  });

  it('carriesTokenSafely: https anywhere, http only to loopback, nothing else', () => {
    expect(carriesTokenSafely(new URL('https://203.0.113.9/graphql'))).toBe(true);
    expect(carriesTokenSafely(new URL('http://127.0.0.1/graphql'))).toBe(true);
    expect(carriesTokenSafely(new URL('http://128.0.0.1/graphql'))).toBe(false);
    expect(carriesTokenSafely(new URL('http://126.255.255.255/graphql'))).toBe(false);
    expect(carriesTokenSafely(new URL('ws://127.0.0.1/graphql'))).toBe(false);
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

describe('redact: pieces of the token', () => {
  const token = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';

  it('removes any run of 8 or more of its characters, wherever it starts', () => {
    expect(redact(`Unexpected token 'g', "${token.slice(0, 10)}"... is not valid JSON`, token)).toBe(`Unexpected token 'g', "***"... is not valid JSON`);
    expect(redact(`tail ${token.slice(-8)} end`, token)).toBe('tail *** end');
    expect(redact(`mid:${token.slice(13, 29)}:mid`, token)).toBe('mid:***:mid');
  });

  it('leaves runs of 7 alone: they are too short to use, and common', () => {
    expect(redact(`x ${token.slice(4, 11)} y`, token)).toBe(`x ${token.slice(4, 11)} y`);
  });

  it('removes a token shorter than a piece where it stands apart, never inside a word', () => {
    // `GH_ENTERPRISE_TOKEN=x`, set to try a host: "e***pected" and "127.0.0.1:9" made every message unreadable
    expect(redact('could not reach http://127.0.0.1:9: expected x, got x.', 'x')).toBe('could not reach http://127.0.0.1:9: expected ***, got ***.');
    expect(redact('token ab (abc, xab, ab-1)', 'ab')).toBe('token *** (abc, xab, ab-1)');
  });

  it('joins overlapping pieces into one mark', () => {
    expect(redact(`${token.slice(0, 20)}${token.slice(10, 30)}`, token)).toBe('***');
  });
});
