/**
 * The workflow runs' cache, beside the pull requests' (`cache.ts`) and read and written the same way: per
 * host, repository and tracked branch, each commit's workflow runs as last read. A commit whose runs had all
 * finished a day after it was committed is settled: a later run takes it from here and does not ask GitHub.
 */
import { z } from 'zod';
import { cacheFileFor, readCacheJson, writeCacheJson, type CacheKey } from './cache.js';

const FORMAT = 'flowaudit-workflow-runs-cache';
/** Bump when the stored shape or the meaning of a field changes: older files are then rebuilt. */
const VERSION = 1;

/** One check suite's workflow run, in domain form. */
export interface GitHubWorkflowRun {
  /** the commit it ran for */
  sha: string;
  /** the workflow's name and its file (`.github/workflows/deploy.yml`; else the workflow's page path) */
  workflow: string;
  path: string;
  /** the event that started it: `push`, `workflow_dispatch`, `release`… */
  event: string;
  /** the check suite's: COMPLETED once done; SUCCESS, FAILURE, SKIPPED, CANCELLED… once completed */
  status: string;
  conclusion: string | null;
  /** the run's last update, epoch s: for a completed run, when it finished */
  updatedAt: number;
}

export interface CachedCommit {
  /** committer date, epoch s */
  at: number;
  /** every run had finished, a day or more after the commit: nothing more is expected */
  settled: boolean;
  runs: Array<Omit<GitHubWorkflowRun, 'sha'>>;
}

const time = z.number().int();
const runSchema = z.object({ workflow: z.string(), path: z.string(), event: z.string(), status: z.string(), conclusion: z.string().nullable(), updatedAt: time });
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  host: z.string(),
  repository: z.string(),
  baseBranch: z.string(),
  savedAt: z.string(),
  commits: z.record(z.string(), z.object({ at: time, settled: z.boolean(), runs: z.array(runSchema) })),
});

export function workflowCacheFile(dir: string, key: CacheKey): string {
  return cacheFileFor(dir, key, 'github-workflow-runs');
}

/** The cached commits; empty when there is no cache or it is unreadable, old or another repository's (said in a warning). */
export function readWorkflowCache(file: string, key: CacheKey, warn: (message: string) => void): Map<string, CachedCommit> {
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
  return new Map(Object.entries(data.commits));
}

/** Writes the cache (only what reads back); a failure is a warning. */
export function writeWorkflowCache(file: string, key: CacheKey, commits: ReadonlyMap<string, CachedCommit>, savedAt: number, warn: (message: string) => void): void {
  const body = {
    format: FORMAT, version: VERSION, host: key.host, repository: `${key.owner}/${key.name}`, baseBranch: key.baseBranch,
    savedAt: new Date(savedAt * 1000).toISOString(), commits: Object.fromEntries(commits),
  };
  if (!fileSchema.safeParse(body).success) {
    warn('the GitHub cache of workflow runs was not updated: what GitHub sent would not read back');
    return;
  }
  writeCacheJson(file, body, warn);
}
