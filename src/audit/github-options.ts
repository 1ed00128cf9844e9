import type { AuditOptions, ProgressEvent } from '../options.js';
import type { GitHubAccess } from '../sources/github/access.js';
import type { FetchGitHubOptions } from '../sources/github/options.js';

/** What a GitHub read covers: the tracked branch and its window, the run's now, the incident label. */
export interface GitHubScope {
  branch: string;
  since: number;
  until: number;
  now: number;
  incidentLabel: string;
}

/**
 * What every GitHub read of an audit is asked with — the repository and token, the window, the cache and the
 * flags that govern waits and time limits — so the pull requests', the workflow runs' and the release lines'
 * reads cannot drift apart. `cacheDir` is the GitHub client's (loaded only when GitHub is read); `onWait`, the
 * rate limit's countdown, shows on the progress line unless given.
 */
export function fetchOptions(
  gh: GitHubAccess,
  options: AuditOptions,
  scope: GitHubScope,
  cacheDir: string,
  report: { warning: (message: string) => void; progress: (event: ProgressEvent) => void; onWait?: (secondsLeft: number) => void },
): FetchGitHubOptions {
  return {
    owner: gh.owner, name: gh.name, apiUrl: gh.apiUrl, token: gh.token, baseBranch: scope.branch,
    since: scope.since, until: scope.until, now: scope.now,
    cache: { dir: cacheDir, noCache: Boolean(options.noCache), refresh: Boolean(options.refresh) },
    partial: Boolean(options.partial), maxWaitSeconds: 600, incidentLabel: scope.incidentLabel,
    ...(options.timeoutSeconds !== undefined && { timeoutMs: options.timeoutSeconds * 1000 }),
    onProgress: (step) => report.progress({ step }), warn: report.warning,
    onWait: report.onWait ?? ((left) => report.progress({ step: `GitHub rate limit: waiting ${left}s for the reset` })),
  };
}
