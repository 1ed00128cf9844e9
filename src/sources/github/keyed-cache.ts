/**
 * A cache file of one repository's tracked branch holding entries by key — a commit's workflow runs, a release
 * line's pull requests — beside the pull requests' (`cache.ts`) and read and written the same way. Its header
 * says whose it is and in which format: a file of another repository or branch, of an older format, or that
 * does not read back whole is ignored (said in a warning) and rebuilt.
 */
import { z } from 'zod';
import { cacheFileFor, readCacheJson, writeCacheJson, type CacheKey } from './cache.js';
import type { FetchGitHubOptions } from './options.js';
import { apiHostOf } from './token.js';

export interface KeyedCache<T> {
  file: (dir: string, key: CacheKey) => string;
  /** the cached entries; empty when there is no cache or it is unreadable, old or another repository's */
  read: (file: string, key: CacheKey, warn: (message: string) => void) => Map<string, T>;
  /** writes the cache (only what reads back); a failure is a warning */
  write: (file: string, key: CacheKey, entries: ReadonlyMap<string, T>, savedAt: number, warn: (message: string) => void) => void;
  /**
   * The cache as a read of `options` uses it: what it holds (nothing with --no-cache or --refresh), and `save`,
   * which writes what is known now (nothing with --no-cache).
   */
  open: (options: Pick<FetchGitHubOptions, 'apiUrl' | 'owner' | 'name' | 'baseBranch' | 'cache'>, warn: (message: string) => void) => {
    known: Map<string, T>;
    save: (entries: ReadonlyMap<string, T>, savedAt: number) => void;
  };
}

export interface KeyedCacheKind<T> {
  /** the folder of the cache directory it lives in */
  folder: string;
  /** the file's `format`, and its `version`: bumped when the stored shape or a field's meaning changes */
  format: string;
  version: number;
  /** the field that holds the entries, and an entry's schema */
  field: string;
  entry: z.ZodType<T>;
  /** what it holds, in a warning: "workflow runs" */
  what: string;
}

export function keyedCache<T>(kind: KeyedCacheKind<T>): KeyedCache<T> {
  const header = z.object({ format: z.literal(kind.format), version: z.literal(kind.version), host: z.string(), repository: z.string(), baseBranch: z.string(), savedAt: z.string() });
  const entries = z.record(z.string(), kind.entry);
  const cache: KeyedCache<T> = {
    file: (dir, key) => cacheFileFor(dir, key, kind.folder),
    read(file, key, warn) {
      const json = readCacheJson(file, warn);
      if (json === null) return new Map();
      const head = header.safeParse(json);
      const body = entries.safeParse(typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[kind.field] : undefined);
      if (!head.success || !body.success) {
        warn(`the GitHub cache ${file} is corrupt or in an old format: ignored, it will be rebuilt`);
        return new Map();
      }
      const data = head.data;
      if (data.host !== key.host || data.repository.toLowerCase() !== `${key.owner}/${key.name}`.toLowerCase() || data.baseBranch !== key.baseBranch) {
        warn(`the GitHub cache ${file} belongs to ${data.host}/${data.repository}@${data.baseBranch}: ignored, it will be rebuilt`);
        return new Map();
      }
      return new Map(Object.entries(body.data));
    },
    write(file, key, held, savedAt, warn) {
      const stored = Object.fromEntries(held);
      if (!entries.safeParse(stored).success) {
        warn(`the GitHub cache of ${kind.what} was not updated: what GitHub sent would not read back`);
        return;
      }
      const body = {
        format: kind.format, version: kind.version, host: key.host, repository: `${key.owner}/${key.name}`, baseBranch: key.baseBranch,
        savedAt: new Date(savedAt * 1000).toISOString(), [kind.field]: stored,
      };
      writeCacheJson(file, body, warn);
    },
    open(options, warn) {
      const key = { host: apiHostOf(options.apiUrl), owner: options.owner, name: options.name, baseBranch: options.baseBranch };
      const file = options.cache.noCache ? null : cache.file(options.cache.dir, key);
      return {
        known: file !== null && !options.cache.refresh ? cache.read(file, key, warn) : new Map<string, T>(),
        save: (entries, savedAt) => {
          if (file !== null) cache.write(file, key, entries, savedAt, warn);
        },
      };
    },
  };
  return cache;
}
