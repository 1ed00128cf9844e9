/**
 * The GitHub cache: per host, repository and base branch, the merged pull requests already fetched (domain
 * form) with the newest `updatedAt` seen, the deployments with the newest `createdAt`, and the pull requests
 * closed without merging with the newest `updatedAt`. A later run asks GitHub only for what changed since. Never holds the token: only domain objects are written.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { MEGABYTE, readRegularFile, UnreadableFile } from '../../io/read-regular.js';
import { holdTemp, releaseTemp, sweepTemps, tempPathFor } from '../../io/temp-files.js';
import type { GitHubClosedPull, GitHubDeployment, GitHubPull } from './types.js';

export const CACHE_FORMAT = 'flowaudit-github-cache';
/** Bump when the stored shape or the meaning of a field changes: older files are then rebuilt. */
export const CACHE_VERSION = 3;

export interface CacheKey {
  host: string;
  owner: string;
  name: string;
  baseBranch: string;
}

export interface CachedList<T> {
  /** the list is complete for items at or after this time (epoch s) as of `savedAt` */
  coveredSince: number;
  /** newest `updatedAt` (pulls, closed pulls) or `createdAt` (deployments) among the items; null when there are none */
  newest: number | null;
  items: T[];
}

export interface CacheContent {
  pulls: CachedList<GitHubPull>;
  deployments: CachedList<GitHubDeployment>;
  /** closed without merging; absent from a file written before they were read (then read as not cached) */
  closed?: CachedList<GitHubClosedPull> | undefined;
}

/** `$XDG_CACHE_HOME/flowaudit`, else `~/.cache/flowaudit`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'flowaudit');
}

/**
 * The cache file of one host + repository + base branch; every part is encoded, so none can leave the folder.
 * `kind` names the folder of one cache: the pull requests' (`github`), or another read's.
 */
export function cacheFileFor(dir: string, key: CacheKey, kind = 'github'): string {
  // owner and name are case-insensitive on GitHub; branch names are not
  return join(dir, kind, segment(key.host.toLowerCase()), segment(key.owner.toLowerCase()), segment(key.name.toLowerCase()), `${segment(key.baseBranch)}.json`);
}

function segment(part: string): string {
  return encodeURIComponent(part).replace(/^\./, '%2E') || '_';
}

const time = z.number().int();
const pullSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  author: z.string(),
  authorIsBot: z.boolean(),
  createdAt: time,
  updatedAt: time,
  mergedAt: time,
  mergeCommitSha: z.string().nullable(),
  headRefName: z.string(),
  additions: z.number(),
  deletions: z.number(),
  changedFiles: z.number(),
  labels: z.array(z.string()),
  body: z.string(),
  commits: z.array(z.object({ sha: z.string(), authorEmail: z.string().nullable(), parents: z.array(z.string()), authoredAt: time, committedAt: time, message: z.string() })),
  reviews: z.array(z.object({ author: z.string(), authorIsBot: z.boolean(), state: z.string(), submittedAt: time.nullable() })),
  comments: z.array(z.object({ author: z.string(), authorIsBot: z.boolean(), createdAt: time })),
  events: z.array(z.object({ type: z.enum(['ready', 'draft', 'reviewRequested', 'forcePush', 'mergeQueue']), at: time })),
  checks: z.array(z.object({ name: z.string(), status: z.string(), conclusion: z.string().nullable(), startedAt: time.nullable(), completedAt: time.nullable() })),
  wasDraft: z.boolean(),
});
const actorSchema = z.object({ login: z.string(), isBot: z.boolean() });
const closedPullSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  author: z.string(),
  authorIsBot: z.boolean(),
  createdAt: time,
  updatedAt: time,
  closedAt: time,
  isDraft: z.boolean(),
  headRefName: z.string(),
  labels: z.array(z.string()),
  body: z.string(),
  commitMessages: z.array(z.string()),
  reviews: pullSchema.shape.reviews,
  comments: pullSchema.shape.comments,
  truncated: z.boolean(),
  closedBy: actorSchema.nullable(),
});
const deploymentSchema = z.object({
  environment: z.string(),
  createdAt: time,
  sha: z.string().nullable(),
  ref: z.string().nullable(),
  statuses: z.array(z.object({ state: z.string(), at: time })),
});
const listSchema = <T extends z.ZodType>(item: T) => z.object({ coveredSince: time, newest: time.nullable(), items: z.array(item) });
const fileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(CACHE_VERSION),
  host: z.string(),
  repository: z.string(),
  baseBranch: z.string(),
  savedAt: z.string(),
  pulls: listSchema(pullSchema),
  deployments: listSchema(deploymentSchema),
  // added within version 2: a file without it still holds good merged pull requests
  closed: listSchema(closedPullSchema).optional(),
});

/**
 * The largest cache file read: a busy repository's year of pull requests is tens of MB; one past this was not
 * written by flowaudit (or not for one repository), and reading it would only cost memory.
 */
export const MAX_CACHE_BYTES = 256 * MEGABYTE;

/**
 * A cache file's JSON, read as every file flowaudit did not write in this run is; null when there is none or it
 * cannot be read or parsed (said in a warning). Stale temp files beside it are removed. Never throws.
 */
export function readCacheJson(file: string, warn: (message: string) => void): unknown {
  sweepStaleTemps(file);
  let text: string;
  try {
    text = readRegularFile(file, MAX_CACHE_BYTES);
  } catch (error) {
    const code = error instanceof UnreadableFile ? error.code : ((error as NodeJS.ErrnoException).code ?? 'error');
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    // "… is not a regular file (a named pipe)", "… is larger than 256 MB", "… cannot be read (permission denied)"
    warn(`the GitHub cache ${file} ${error instanceof UnreadableFile ? error.message : `cannot be read (${code})`}: ignored, fetching everything again`);
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    warn(`the GitHub cache ${file} is corrupt (not valid JSON): ignored, it will be rebuilt`);
    return null;
  }
}

/**
 * Reads the cache; null when there is none. The file is read as every file flowaudit did not write in this
 * run is (`readRegularFile`): a CI cache restore or a shared XDG_CACHE_HOME may have put a FIFO, a link to
 * /dev/zero or a huge file there. That, a corrupt file, one from another flowaudit version or one for another
 * repository is ignored with a warning (the run fetches everything and rewrites it). Never throws, never waits.
 * Temp files a killed run left in the cache's folder, an hour old or more, are removed.
 */
export function readCache(file: string, key: CacheKey, warn: (message: string) => void): CacheContent | null {
  const json = readCacheJson(file, warn);
  if (json === null) return null;
  const header = json as { format?: unknown; version?: unknown } | null;
  if (header === null || typeof header !== 'object' || header.format !== CACHE_FORMAT || header.version !== CACHE_VERSION) {
    const found = header !== null && typeof header === 'object' && header.format === CACHE_FORMAT ? `version ${String(header.version)}` : 'an unknown format';
    warn(`the GitHub cache ${file} is in an old format (${found}, this flowaudit writes version ${CACHE_VERSION}): ignored, it will be rebuilt`);
    return null;
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    warn(`the GitHub cache ${file} is corrupt (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'bad shape'}): ignored, it will be rebuilt`);
    return null;
  }
  const data = parsed.data;
  if (data.host !== key.host || data.repository.toLowerCase() !== `${key.owner}/${key.name}`.toLowerCase() || data.baseBranch !== key.baseBranch) {
    warn(`the GitHub cache ${file} belongs to ${data.host}/${data.repository}@${data.baseBranch}: ignored, it will be rebuilt`);
    return null;
  }
  return { pulls: data.pulls, deployments: data.deployments, closed: data.closed };
}

/**
 * Writes the cache through a temp file and a rename, so a reader never sees half a file. Only what
 * `readCache` accepts is written: content that would not read back (a server's null where a string
 * belongs) leaves the old cache as it was. A failure is a warning, never an error: the report does not
 * depend on the cache.
 */
export function writeCache(file: string, key: CacheKey, content: CacheContent, savedAt: number, warn: (message: string) => void): void {
  const body = {
    format: CACHE_FORMAT,
    version: CACHE_VERSION,
    host: key.host,
    repository: `${key.owner}/${key.name}`,
    baseBranch: key.baseBranch,
    savedAt: new Date(savedAt * 1000).toISOString(),
    pulls: content.pulls,
    deployments: content.deployments,
    ...(content.closed !== undefined && { closed: content.closed }),
  };
  const checked = fileSchema.safeParse(body);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    warn(`the GitHub cache was not updated: what GitHub sent would not read back (${issue ? `${issue.path.slice(0, 4).join('.')}: ${issue.message}` : 'bad shape'})`);
    return;
  }
  writeCacheJson(file, body, warn);
}

/**
 * Writes a cache file through a temp file and a rename, so a reader never sees half a file. A failure is a
 * warning, never an error.
 */
export function writeCacheJson(file: string, body: unknown, warn: (message: string) => void): void {
  sweepStaleTemps(file);
  const temp = tempPathFor(file, randomBytes(4).toString('hex'));
  // a signal during the write is handled once it is done: the file is renamed into place whole, or the temp removed
  holdTemp(temp);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': a file planted at the temp's name (a link to elsewhere) is never written through
    writeFileSync(temp, JSON.stringify(body), { mode: 0o600, flag: 'wx' });
    // rename replaces whatever stands at the cache's name (a FIFO, a link to a device) rather than writing into it
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written there
    }
    warn(`cannot write the GitHub cache ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): the next run fetches everything again`);
  } finally {
    releaseTemp(temp);
  }
}

/** A temp file of a cache write (any cache file's in that folder); `.<pid>.<hex>.tmp` is older versions' name. */
const CACHE_TEMP = /^\.(?:[^/]+\.json\.flowaudit-)?(\d+)[.-][0-9a-f]{8}\.tmp$/;
const HOUR_MS = 3_600_000;

/**
 * Removes the temp files a killed run (SIGKILL, power loss; before SIGHUP was handled, any signal) left in the
 * cache file's folder: a write takes seconds, so one an hour old is no live run's. By age only, not by pid:
 * a shared cache folder sees runs of other machines and containers, whose pids mean nothing here.
 */
function sweepStaleTemps(file: string): void {
  sweepTemps(dirname(file), CACHE_TEMP, (_pid, ageMs) => ageMs > HOUR_MS);
}
