/**
 * GitHub source: everything flowaudit reads from the GraphQL API for one repository, in domain form.
 * The first request fetches the first page of every list at once; each list then pages on its own, newest
 * first, stopping where the window starts or where the cache already knows the rest.
 */
import { RateLimitError } from '../../errors.js';
import { cacheFileFor, readCache, writeCache, type CacheContent, type CacheKey } from './cache.js';
import { standingClosed } from './closed-pulls.js';
import { fetchLists, type Fetched } from './lists.js';
import { Gaps } from './map.js';
import { fetchOverflow } from './overflow.js';
import { fetchParents } from './parents.js';
import { clientFor } from './client.js';
import { DeadlineError } from './request.js';
import { apiHostOf, redact } from './token.js';
import type { FetchGitHubOptions } from './options.js';
import type { GitHubClosedPull, GitHubData, GitHubPull } from './types.js';
import { plural } from '../../units.js';

export type * from './types.js';
export type { FetchGitHubOptions } from './options.js';
export { defaultCacheDir } from './cache.js';
export { fetchWorkflowRuns } from './workflow.js';
export { fetchLinePulls, type ReleaseLine } from './line-pulls.js';
export type { GitHubWorkflowRun } from './workflow-cache.js';


const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_LOOKBACK = 30 * 86400;
/** a warm run expects few new PRs: a smaller first page costs less */
const WARM_FIRST_PAGE = 25;
/** deployments of the newest day are re-read every run: their statuses may still change */
const DEPLOY_SETTLE = 86400;

/**
 * Fetches merged PRs (with commits, reviews, comments, timeline events and head-commit checks), deployments,
 * releases, open PRs, incident issues and the PRs closed without merging of one repository, using and
 * refreshing the cache.
 * @throws GitHubError (exit 2) for a bad token, missing scopes, an unknown repository or a broken answer;
 *         RateLimitError (exit 3) when a rate limit resets too late and `partial` is false
 */
export async function fetchGitHub(options: FetchGitHubOptions): Promise<GitHubData> {
  const warnings: string[] = [];
  const warn = (message: string): void => {
    const clean = redact(message, options.token);
    warnings.push(clean);
    options.warn?.(clean);
  };
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE)));
  const deploySince = options.since - (options.lookbackSeconds ?? DEFAULT_LOOKBACK);
  const key: CacheKey = { host: apiHostOf(options.apiUrl), owner: options.owner, name: options.name, baseBranch: options.baseBranch };
  const cacheFile = options.cache.noCache ? null : cacheFileFor(options.cache.dir, key);
  const cached = cacheFile !== null && !options.cache.refresh ? readCache(cacheFile, key, warn) : null;

  // where each list stops: the window start, or what the cache already holds
  const pullsWarm = cached !== null && cached.pulls.coveredSince <= options.since && cached.pulls.newest !== null;
  const pullStop = pullsWarm ? Math.max(options.since, cached.pulls.newest ?? options.since) : options.since;
  const deploysWarm = cached !== null && cached.deployments.coveredSince <= deploySince && cached.deployments.newest !== null;
  const deployStop = deploysWarm ? Math.max(deploySince, (cached.deployments.newest ?? 0) - DEPLOY_SETTLE) : deploySince;
  const closedSince = options.closedSince ?? options.since;
  const closedCache = cached?.closed;
  // none closed yet is a list known to be empty: the first page reads whatever was closed since
  const closedWarm = closedCache !== undefined && closedCache.coveredSince <= closedSince;
  const closedStop = closedWarm ? Math.max(closedSince, closedCache.newest ?? closedSince) : closedSince;

  const client = clientFor(options);
  const fetched: Fetched = {
    pulls: new Map(), needs: [], guards: new Map(), deployments: [], releases: [], openPulls: [], incidents: [], closedPulls: new Map(), closedComplete: false,
  };
  const gaps = new Gaps();
  let partial = false;
  try {
    await fetchLists(client, options, fetched, warn, {
      // the merged and closed lists share the first request's page size: small only when both are warm
      firstPage: pullsWarm && closedWarm ? Math.min(pageSize, WARM_FIRST_PAGE) : pageSize,
      pageSize,
      pullStop,
      deployStop,
      deploySince,
      closedStop,
    }, gaps);
    for (const w of await fetchOverflow(client, options, fetched.pulls, fetched.needs, fetched.guards, gaps, options.onProgress)) warn(w);
    for (const w of await fetchParents(client, options, fetched.pulls.values())) warn(w);
  } catch (error) {
    if (!(error instanceof RateLimitError || error instanceof DeadlineError) || !options.partial) throw error;
    partial = true;
    warn(`${error.message}: stopped early (--partial), so this report covers only what was fetched: ${plural(fetched.pulls.size, 'pull request')} in this run`);
  }
  const gapWarning = gaps.summary();
  if (gapWarning !== null) warn(gapWarning);

  const content = merge(cached, fetched, { pullsWarm, pullStop, deploysWarm, deployStop, since: options.since, deploySince, closedWarm, closedStop, closedSince });
  if (cacheFile !== null && !partial) writeCache(cacheFile, key, content, options.now, warn);
  if (cacheFile !== null && partial) warn('the GitHub cache was not updated: this run stopped early');

  const pulls = content.pulls.items.filter((p) => p.mergedAt >= options.since).sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number);
  const closedPulls = (content.closed?.items ?? []).filter((p) => p.closedAt >= closedSince).sort((a, b) => a.closedAt - b.closedAt || a.number - b.number);
  const truncated = closedPulls.filter((p) => p.truncated).length;
  if (truncated > 0) warn(`${plural(truncated, 'pull request')} closed without merging had more reviews or comments than the first 20 read: their review effort is counted from those (a lower bound)`);
  return {
    pulls,
    deployments: content.deployments.items.filter((d) => d.createdAt >= deploySince).sort((a, b) => a.createdAt - b.createdAt),
    releases: fetched.releases.sort((a, b) => a.createdAt - b.createdAt),
    openPulls: fetched.openPulls.sort((a, b) => a.createdAt - b.createdAt || a.number - b.number),
    incidents: fetched.incidents.sort((a, b) => a.createdAt - b.createdAt || a.number - b.number),
    closedPulls,
    closedComplete: fetched.closedComplete,
    requests: client.stats.requests,
    cost: client.stats.cost,
    partial,
    warnings,
    cacheFile,
    cachedPulls: pulls.filter((p) => !fetched.pulls.has(p.number)).length,
  };
}

/**
 * What the cache holds after this run: fetched items replace cached ones (PRs by number; deployments in the
 * re-read range wholesale; a closed PR merged or reopened since is dropped). Coverage continues the cache's only
 * when this run read back to what it held.
 */
function merge(
  cached: CacheContent | null,
  fetched: Fetched,
  at: {
    pullsWarm: boolean; pullStop: number; deploysWarm: boolean; deployStop: number; since: number; deploySince: number;
    closedWarm: boolean; closedStop: number; closedSince: number;
  },
): CacheContent {
  const pulls = new Map<number, GitHubPull>();
  for (const pull of cached?.pulls.items ?? []) pulls.set(pull.number, pull);
  for (const [number, pull] of fetched.pulls) pulls.set(number, pull);
  const pullItems = [...pulls.values()];
  const pullsContinue = cached !== null && at.pullsWarm && at.pullStop === cached.pulls.newest;

  const deployments = [...(cached?.deployments.items ?? []).filter((d) => d.createdAt < at.deployStop), ...fetched.deployments];
  const deploysContinue = cached !== null && at.deploysWarm && at.deployStop > at.deploySince;

  const closedItems: GitHubClosedPull[] = standingClosed(cached?.closed?.items ?? [], fetched.closedPulls, {
    merged: new Set(pulls.keys()),
    open: new Set(fetched.openPulls.map((p) => p.number)),
  });
  const closedContinue = cached?.closed !== undefined && at.closedWarm && at.closedStop === cached.closed.newest;
  return {
    pulls: {
      coveredSince: pullsContinue ? cached.pulls.coveredSince : at.since,
      newest: maxOf(pullItems.map((p) => p.updatedAt)),
      items: pullItems.sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number),
    },
    deployments: {
      coveredSince: deploysContinue ? cached.deployments.coveredSince : at.deploySince,
      newest: maxOf(deployments.map((d) => d.createdAt)),
      items: deployments.sort((a, b) => a.createdAt - b.createdAt),
    },
    closed: {
      coveredSince: closedContinue ? (cached.closed?.coveredSince ?? at.closedSince) : at.closedSince,
      newest: maxOf(closedItems.map((p) => p.updatedAt)),
      items: closedItems.sort((a, b) => b.updatedAt - a.updatedAt || b.number - a.number),
    },
  };
}

function maxOf(values: number[]): number | null {
  let max: number | null = null;
  for (const v of values) if (max === null || v > max) max = v;
  return max;
}
