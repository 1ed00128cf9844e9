/**
 * The workflow runs' cache, beside the pull requests' (`cache.ts`) and read and written the same way: per
 * host, repository and tracked branch, each commit's workflow runs as last read. A commit whose runs had all
 * finished a day after it was committed is settled: a later run takes it from here and does not ask GitHub.
 * A commit with no run at all (a repository without workflows, a commit GitHub does not know) is taken from
 * here while the branch's tip is the one it was read at: an empty answer is asked again only once something
 * was pushed.
 */
import { z } from 'zod';
import { keyedCache } from './keyed-cache.js';

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
  /**
   * the tracked branch's tip when GitHub answered no run for it, unsettled: taken from here while the tip is the
   * same. Optional, so the format stays readable both ways (a file without it is asked as before)
   */
  emptyAt?: string;
}

const time = z.number().int();
const runSchema = z.object({ workflow: z.string(), path: z.string(), event: z.string(), status: z.string(), conclusion: z.string().nullable(), updatedAt: time });
export const workflowCache = keyedCache<CachedCommit>({
  folder: 'github-workflow-runs', format: FORMAT, version: VERSION, field: 'commits', what: 'workflow runs',
  entry: z.object({ at: time, settled: z.boolean(), runs: z.array(runSchema), emptyAt: z.string().optional() }),
});
