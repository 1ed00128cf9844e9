import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keyedCache } from '../../../src/sources/github/keyed-cache.js';

const cache = keyedCache<{ n: number }>({ folder: 'test-keyed', format: 'test-keyed-cache', version: 2, field: 'items', what: 'test items', entry: z.object({ n: z.number().int() }) });
const key = { host: 'github.com', owner: 'Acme', name: 'Api', baseBranch: 'main' };

describe('a keyed cache file', () => {
  let dir: string;
  let warnings: string[];
  const warn = (message: string): void => {
    warnings.push(message);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-keyed-'));
    warnings = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it wrote, for the same repository whatever the case of its owner and name', () => {
    const file = cache.file(dir, key);
    cache.write(file, key, new Map([['a', { n: 1 }], ['b', { n: 2 }]]), 1_790_000_000, warn);
    expect([...cache.read(file, { ...key, owner: 'acme', name: 'api' }, warn)]).toEqual([['a', { n: 1 }], ['b', { n: 2 }]]);
    expect(warnings).toEqual([]);
  });

  it('ignores, with one warning each, another repository\'s or branch\'s file, an older format, and a corrupt entry', () => {
    const file = cache.file(dir, key);
    cache.write(file, key, new Map([['a', { n: 1 }]]), 1_790_000_000, warn);
    expect(cache.read(file, { ...key, name: 'web' }, warn).size).toBe(0);
    expect(cache.read(file, { ...key, baseBranch: 'develop' }, warn).size).toBe(0);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...stored, version: 1 }));
    expect(cache.read(file, key, warn).size).toBe(0);
    writeFileSync(file, JSON.stringify({ ...stored, items: { a: { n: 'one' } } }));
    expect(cache.read(file, key, warn).size).toBe(0);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toContain('belongs to github.com/Acme/Api@main');
    expect(warnings[2]).toContain('corrupt or in an old format');
  });

  it('writes nothing that would not read back, and says so', () => {
    const file = cache.file(dir, key);
    cache.write(file, key, new Map([['a', { n: 1.5 }]]), 1_790_000_000, warn);
    expect(existsSync(file)).toBe(false);
    expect(warnings).toEqual(['the GitHub cache of test items was not updated: what GitHub sent would not read back']);
  });

  it('as a read opens it: --refresh reads nothing but saves, --no-cache neither reads nor saves', () => {
    const options = { apiUrl: 'https://api.github.com/graphql', owner: 'Acme', name: 'Api', baseBranch: 'main' };
    const file = cache.file(dir, key);
    cache.write(file, key, new Map([['a', { n: 1 }]]), 1_790_000_000, warn);
    expect([...cache.open({ ...options, cache: { dir, noCache: false, refresh: false } }, warn).known]).toEqual([['a', { n: 1 }]]);
    const refreshed = cache.open({ ...options, cache: { dir, noCache: false, refresh: true } }, warn);
    expect(refreshed.known.size).toBe(0);
    refreshed.save(new Map([['b', { n: 2 }]]), 1_790_000_100);
    expect([...cache.read(file, key, warn)]).toEqual([['b', { n: 2 }]]);
    const none = cache.open({ ...options, cache: { dir, noCache: true, refresh: false } }, warn);
    expect(none.known.size).toBe(0);
    none.save(new Map([['c', { n: 3 }]]), 1_790_000_200);
    expect([...cache.read(file, key, warn)]).toEqual([['b', { n: 2 }]]);
    expect(warnings).toEqual([]);
  });
});
