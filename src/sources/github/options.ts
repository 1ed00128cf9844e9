/** What one fetch of a repository's GitHub data is asked for. */
export interface FetchGitHubOptions {
  owner: string;
  name: string;
  /** GraphQL endpoint (`apiUrlFor`) */
  apiUrl: string;
  token: string;
  /** the tracked branch: merged PRs into it */
  baseBranch: string;
  /** window start, epoch s: merged PRs updated before it are not fetched */
  since: number;
  /**
   * epoch s: pull requests closed without merging before it are not fetched (default `since`); the audit reads
   * them for its window alone, not for the one before it as the merged ones
   */
  closedSince?: number;
  /**
   * window end, epoch s. Nothing is cut at it: PRs merged later come first in update order anyway, and later
   * deployments, releases and incidents are what dates and fails the window's changes.
   */
  until: number;
  /** the run's "now", epoch s (stamped into the cache) */
  now: number;
  /** merged PRs per page, 1–100 (default 100); retries halve it */
  pageSize?: number;
  cache: { dir: string; noCache: boolean; refresh: boolean };
  /** on a rate limit that resets too late, return what was fetched (partial: true) instead of throwing */
  partial: boolean;
  /** longest wait for a rate-limit reset, seconds (default 600) */
  maxWaitSeconds: number;
  /** label name that marks an incident issue */
  incidentLabel: string;
  /** deployments, releases and incidents are read back to `since - lookbackSeconds` (default 30 days) */
  lookbackSeconds?: number;
  /** per-request timeout, ms (default 30000) */
  timeoutMs?: number;
  /** the whole fetch's time limit, seconds (default 1800): no request starts after it */
  deadlineSeconds?: number;
  onProgress?: (message: string) => void;
  /** countdown while a rate limit is waited out: seconds left, then 0 */
  onWait?: (secondsLeft: number) => void;
  warn?: (message: string) => void;
  /** one line per request (for --debug); never holds the token */
  debug?: (line: string) => void;
  fetchImpl?: typeof fetch;
  /** injectable for tests */
  sleep?: (ms: number) => Promise<void>;
  /** wall clock in ms for rate-limit resets (default Date.now) */
  clock?: () => number;
}
