import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keyedCache } from '../../../src/sources/github/keyed-cache.js';

const cache = keyedCache<{ n: number }>({ folder: 'test-keyed', format: 'test-keyed-cache', version: 2, field: 'items', what: 'test items', entry: z.object({ n: z.number().int() }) });
const key = { host: 'api.github.com', owner: 'Acme', name: 'Api', baseBranch: 'main' };

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
    expect(warnings[0]).toContain('belongs to api.github.com/Acme/Api@main');
    expect(warnings[2]).toContain('corrupt or in an old format');
  });

  it('writes nothing that would not read back, and says so', () => {
    const file = cache.file(dir, key);
    cache.write(file, key, new Map([['a', { n: 1.5 }]]), 1_790_000_000, warn);
    expect(existsSync(file)).toBe(false);
    expect(warnings).toEqual(['the GitHub cache of test items was not updated: what GitHub sent would not read back']);
  });
});
