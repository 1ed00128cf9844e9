import type { AuditOptions, ProgressEvent } from '../options.js';
import { readLine } from '../sources/git/deploy-branch.js';
import type { RepoInfo } from '../sources/git/repo.js';
import type { GitHubAccess } from '../sources/github/access.js';
import type { GitHubWorkflowRun } from '../sources/github/index.js';
import { plural } from '../units.js';
import { fetchOptions } from './github-options.js';

// a window's last changes ship within weeks: commits later than this after it are not asked for (an old window
// of a busy repository would otherwise ask for every commit since)
const AFTER_WINDOW = 30 * 86400;

export interface WorkflowScope {
  branch: { name: string; tip: string };
  /** the commits asked for are the tracked branch's first-parent line from here (epoch s) … */
  since: number;
  /** … to a month after the window ends (what its last changes shipped with), or `now` if sooner */
  until: number;
  now: number;
  incidentLabel: string;
}

/**
 * The workflow runs of the tracked branch's first-parent commits in the read's span, as a deploy source reads
 * them: once, when first asked for (the automatic choice asks only when no source before it had deploys).
 * A push runs a deploy workflow for the commit it brings to the tip, which is on that line.
 */
export function workflowRunsReader(
  gh: GitHubAccess,
  repo: RepoInfo,
  options: AuditOptions,
  scope: WorkflowScope,
  report: { warn: (message: string) => void; warning: (message: string) => void; progress: (event: ProgressEvent) => void },
): () => Promise<readonly GitHubWorkflowRun[]> {
  let read: Promise<readonly GitHubWorkflowRun[]> | null = null;
  return () => (read ??= readWorkflowRuns(gh, repo, options, scope, report));
}

async function readWorkflowRuns(
  gh: GitHubAccess,
  repo: RepoInfo,
  options: AuditOptions,
  scope: WorkflowScope,
  report: { warn: (message: string) => void; warning: (message: string) => void; progress: (event: ProgressEvent) => void },
): Promise<readonly GitHubWorkflowRun[]> {
  const env = options.env ?? process.env;
  const { defaultCacheDir, fetchWorkflowRuns } = await import('../sources/github/index.js');
  const line = await readLine(repo.cwd, scope.branch.tip);
  const last = Math.min(scope.now, scope.until + AFTER_WINDOW);
  const commits = line.filter((c) => c.at >= scope.since && c.at <= last).map((c) => ({ sha: c.sha, at: c.at }));
  report.progress({ step: 'reading workflow runs from GitHub', count: 0, unit: 'commits' });
  const read = await fetchWorkflowRuns(fetchOptions(gh, options, { ...scope, branch: scope.branch.name, until: last }, defaultCacheDir(env), report), commits, scope.branch.tip);
  if (options.verbose) {
    report.warn(`GitHub workflow runs: ${plural(commits.length, 'commit')} (${read.cached} from the cache), ${plural(read.requests, 'request')}, query cost ${plural(read.cost, 'point')}`);
  }
  return read.runs;
}
