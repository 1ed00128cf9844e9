/**
 * The release-line pull requests' cache, beside the pull requests' (`cache.ts`) and read and written the same
 * way: per host, repository and tracked branch, each active release line's merged pull requests as last read,
 * with the line's tip then. A line whose tip has not moved since has had nothing merged into it: a later run
 * takes its pull requests from here and does not ask GitHub.
 */
import { z } from 'zod';
import { keyedCache } from './keyed-cache.js';
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
export const linePullsCache = keyedCache<CachedLine>({
  folder: 'github-release-line-pulls', format: FORMAT, version: VERSION, field: 'lines', what: 'release-line pull requests',
  entry: z.object({ tip: z.string(), coveredSince: time, newest: time.nullable(), pulls: z.array(pullSchema) }),
});
