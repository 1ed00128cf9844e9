/**
 * The lists of one run, newest first: the first page of each comes from one request (FlowSnapshot), then each
 * pages on its own until it reaches what the window or the cache leaves out.
 */
import { GitHubError } from '../../errors.js';
import type { FetchGitHubOptions } from './options.js';
import { isoOf, mapDeployment, mapIncident, mapMergedPull, mapOpenPull, mapRelease, present, seconds, type Gaps } from './map.js';
import { mapClosedPull } from './closed-pulls.js';
import { overflowNeed, type OverflowGuards } from './overflow.js';
import { paginate, type Page } from './pager.js';
import {
  CLOSED_PULLS, DEPLOYMENTS, INCIDENTS, MERGED_PULLS, OPEN_PULLS, RELEASES, SNAPSHOT,
  type ClosedPullsData, type DeploymentsData, type IncidentsData, type MergedPullsData, type OpenPullsData, type OverflowNeed, type RawConnection,
  type RawClosedPull, type RawDeployment, type RawIssue, type RawMergedPull, type RawOpenPull, type RawRelease, type ReleasesData, type SnapshotData,
} from './queries.js';
import type { GitHubClient, GraphQLResult } from './request.js';
import type { GitHubClosedPull, GitHubDeployment, GitHubIncident, GitHubOpenPull, GitHubPull, GitHubRelease } from './types.js';
import { plural } from '../../units.js';

/** What this run fetched (filled as pages arrive, so a rate-limit stop keeps what came before it). */
export interface Fetched {
  pulls: Map<number, GitHubPull>;
  /** PRs whose nested lists overflowed their page */
  needs: OverflowNeed[];
  /** the paging guards of the PRs' nested lists, from their first page on */
  guards: OverflowGuards;
  deployments: GitHubDeployment[];
  releases: GitHubRelease[];
  openPulls: GitHubOpenPull[];
  incidents: GitHubIncident[];
  /** closed without merging, by number */
  closedPulls: Map<number, GitHubClosedPull>;
  /** the closed list was read back to where it stops (not cut short by a rate limit) */
  closedComplete: boolean;
}

export interface Plan {
  /** merged PRs in the first request (smaller when the cache is warm) */
  firstPage: number;
  pageSize: number;
  /** merged PRs updated before this (epoch s) are not read: older than the window, or already cached */
  pullStop: number;
  /** deployments created before this are not read */
  deployStop: number;
  /** releases created before this are not read; incidents updated before it are not asked for */
  deploySince: number;
  /** closed PRs updated before this are not read: closed before the window, or already cached */
  closedStop: number;
}

/**
 * Fills `out` list by list; lists that came back null are counted in `gaps`.
 * @throws what `client.request` throws (GitHubError, RateLimitError)
 */
export async function fetchLists(client: GitHubClient, options: FetchGitHubOptions, out: Fetched, warn: (m: string) => void, plan: Plan, gaps: Gaps): Promise<void> {
  const repo = { owner: options.owner, name: options.name };
  const progress = options.onProgress ?? (() => undefined);
  const lists = { deploymentsAfter: null, releasesAfter: null, openAfter: null, incidentsAfter: null, closedAfter: null };
  const incidentVars = { incidentLabels: [options.incidentLabel], incidentSince: isoOf(plan.deploySince) };
  const take = <T>(result: GraphQLResult<T>): T => {
    result.warnings.forEach(warn);
    return result.data;
  };

  progress(`fetching from GitHub: ${options.owner}/${options.name}`);
  const snapshot = take(await client.request<SnapshotData>(SNAPSHOT, {
    ...repo, base: options.baseBranch, first: plan.firstPage, after: null, ...lists, ...incidentVars,
  }));
  const first = snapshot?.repository;
  if (!first || typeof first !== 'object') throw new GitHubError(`repository ${options.owner}/${options.name} not found, or the token cannot see it`);

  for await (const page of paginate<RawMergedPull>(
    async (after) => toPage(take(await client.request<MergedPullsData>(MERGED_PULLS, { ...repo, base: options.baseBranch, first: plan.pageSize, after }))?.repository?.merged, 'merged pull requests', gaps),
    { label: 'merged pull requests', firstPage: toPage(first.merged, 'merged pull requests', gaps), stopAt: (p) => (seconds(p.updatedAt) ?? 0) < plan.pullStop, warn },
  )) {
    for (const raw of page) {
      const pull = mapMergedPull(raw, gaps);
      if (!pull) {
        warn(`a merged pull request (${typeof raw.number === 'number' ? `#${raw.number}` : 'no number'}) came back without its number or merge time: left out`);
        continue;
      }
      out.pulls.set(pull.number, pull);
      const need = overflowNeed(raw, pull, out.guards, warn);
      if (need) out.needs.push(need);
    }
    progress(`fetched ${plural(out.pulls.size, 'merged pull request')}`);
  }

  for await (const page of paginate<RawDeployment>(
    async (deploymentsAfter) => toPage(take(await client.request<DeploymentsData>(DEPLOYMENTS, { ...repo, deploymentsAfter }))?.repository?.deployments, 'deployments', gaps),
    { label: 'deployments', firstPage: toPage(first.deployments, 'deployments', gaps), stopAt: (d) => (seconds(d.createdAt) ?? 0) < plan.deployStop, warn },
  )) {
    for (const raw of page) {
      const deployment = mapDeployment(raw);
      if (deployment) out.deployments.push(deployment);
      if (deployment && raw.statuses?.pageInfo?.hasNextPage === true) warn(`a deployment to ${deployment.environment || '?'} at ${isoOf(deployment.createdAt)} has more than 20 statuses: only the first 20 are read`);
    }
  }
  progress(`fetched ${plural(out.deployments.length, 'deployment')}`);

  for await (const page of paginate<RawRelease>(
    async (releasesAfter) => toPage(take(await client.request<ReleasesData>(RELEASES, { ...repo, releasesAfter }))?.repository?.releases, 'releases', gaps),
    { label: 'releases', firstPage: toPage(first.releases, 'releases', gaps), stopAt: (r) => (seconds(r.createdAt) ?? 0) < plan.deploySince, warn },
  )) {
    for (const raw of page) {
      const release = mapRelease(raw);
      if (release) out.releases.push(release);
    }
  }

  for await (const page of paginate<RawOpenPull>(
    async (openAfter) => toPage(take(await client.request<OpenPullsData>(OPEN_PULLS, { ...repo, openAfter }))?.repository?.open, 'open pull requests', gaps),
    { label: 'open pull requests', firstPage: toPage(first.open, 'open pull requests', gaps), warn },
  )) {
    for (const raw of page) {
      const open = mapOpenPull(raw);
      if (open) out.openPulls.push(open);
    }
  }

  for await (const page of paginate<RawIssue>(
    async (incidentsAfter) => toPage(take(await client.request<IncidentsData>(INCIDENTS, { ...repo, ...incidentVars, incidentsAfter }))?.repository?.incidents, 'incident issues', gaps),
    { label: 'incident issues', firstPage: toPage(first.incidents, 'incident issues', gaps), warn },
  )) {
    for (const raw of page) {
      const incident = mapIncident(raw);
      if (incident) out.incidents.push(incident);
    }
  }

  for await (const page of paginate<RawClosedPull>(
    async (closedAfter) => toPage(take(await client.request<ClosedPullsData>(CLOSED_PULLS, { ...repo, base: options.baseBranch, first: plan.pageSize, closedAfter }))?.repository?.closed, 'closed pull requests', gaps),
    { label: 'closed pull requests', firstPage: toPage(first.closed, 'closed pull requests', gaps), stopAt: (p) => (seconds(p.updatedAt) ?? 0) < plan.closedStop, warn },
  )) {
    for (const raw of page) {
      const pull = mapClosedPull(raw, gaps);
      if (pull) out.closedPulls.set(pull.number, pull);
      else warn(`a closed pull request (${typeof raw.number === 'number' ? `#${raw.number}` : 'no number'}) came back without its number or its open and close times: left out`);
    }
    progress(`fetched ${plural(out.closedPulls.size, 'pull request')} closed without merging`);
  }
  out.closedComplete = true;
}

/**
 * A connection as a page. One GitHub nulled (its error, if any, is already a warning) or that is not a
 * connection reads as an empty last page, counted in `gaps`; so does a page without its pageInfo.
 */
function toPage<T>(conn: RawConnection<T> | null | undefined, label: string, gaps: Gaps): Page<T> {
  if (conn === null || typeof conn !== 'object' || !Array.isArray(conn.nodes)) {
    gaps.note(label);
    return { nodes: [], hasNextPage: false, endCursor: null, sent: 0, totalCount: null };
  }
  const info = conn.pageInfo;
  const more = info !== null && typeof info === 'object' && info.hasNextPage === true;
  return {
    nodes: present(conn.nodes),
    hasNextPage: more,
    endCursor: more && typeof info.endCursor === 'string' ? info.endCursor : null,
    sent: conn.nodes.length,
    totalCount: typeof conn.totalCount === 'number' ? conn.totalCount : null,
  };
}

