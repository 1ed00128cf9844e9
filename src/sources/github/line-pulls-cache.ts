/**
 * The release-line pull requests' cache, beside the pull requests' (`cache.ts`) and read and written the same
 * way: per host, repository and tracked branch, each active release line's merged pull requests as last read,
 * with the line's tip then. A line whose tip has not moved since has had nothing merged into it: a later run
 * takes its pull requests from here and does not ask GitHub.
 */
import { z } from 'zod';
import { cacheFileFor, readCacheJson, writeCacheJson, type CacheKey } from './cache.js';
import type { GitHubLinePull } from './types.js';

const FORMAT = 'flowaudit-release-line-pulls-cache';
/** Bump when the stored shape or the meaning of a field changes: older files are then rebuilt. */
const VERSION = 1;

/** One release line's pull requests as last read. */
export interface CachedLine {
  /** the line's tip in the clone when it was read */
  tip: string;
  /** the list is complete for pull requests updated at or after this time (epoch s) */
  coveredSince: number;
  /** the newest `updatedAt` among them; null when there are none */
  newest: number | null;
  pulls: Array<Omit<GitHubLinePull, 'base'>>;
}

const time = z.number().int();
const pullSchema = z.object({ number: z.number().int(), title: z.string(), body: z.string(), mergedAt: time, updatedAt: time, mergeCommitSha: z.string() });
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  host: z.string(),
  repository: z.string(),
  baseBranch: z.string(),
  savedAt: z.string(),
  lines: z.record(z.string(), z.object({ tip: z.string(), coveredSince: time, newest: time.nullable(), pulls: z.array(pullSchema) })),
});

export function linePullsCacheFile(dir: string, key: CacheKey): string {
  return cacheFileFor(dir, key, 'github-release-line-pulls');
}

/** The cached lines; empty when there is no cache or it is unreadable, old or another repository's (said in a warning). */
export function readLinePullsCache(file: string, key: CacheKey, warn: (message: string) => void): Map<string, CachedLine> {
  const json = readCacheJson(file, warn);
  if (json === null) return new Map();
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    warn(`the GitHub cache ${file} is corrupt or in an old format: ignored, it will be rebuilt`);
    return new Map();
  }
  const data = parsed.data;
  if (data.host !== key.host || data.repository.toLowerCase() !== `${key.owner}/${key.name}`.toLowerCase() || data.baseBranch !== key.baseBranch) {
    warn(`the GitHub cache ${file} belongs to ${data.host}/${data.repository}@${data.baseBranch}: ignored, it will be rebuilt`);
    return new Map();
  }
  return new Map(Object.entries(data.lines));
}

/** Writes the cache (only what reads back); a failure is a warning. */
export function writeLinePullsCache(file: string, key: CacheKey, lines: ReadonlyMap<string, CachedLine>, savedAt: number, warn: (message: string) => void): void {
  const body = {
    format: FORMAT, version: VERSION, host: key.host, repository: `${key.owner}/${key.name}`, baseBranch: key.baseBranch,
    savedAt: new Date(savedAt * 1000).toISOString(), lines: Object.fromEntries(lines),
  };
  if (!fileSchema.safeParse(body).success) {
    warn('the GitHub cache of release-line pull requests was not updated: what GitHub sent would not read back');
    return;
  }
  writeCacheJson(file, body, warn);
}
