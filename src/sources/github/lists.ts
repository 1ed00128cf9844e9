/**
 * The lists of one run, newest first: the first page of each comes from one request (FlowSnapshot), then each
 * pages on its own until it reaches what the window or the cache leaves out.
 */
import { GitHubError } from '../../errors.js';
import type { FetchGitHubOptions } from './options.js';
import { isoOf, mapDeployment, mapIncident, mapMergedPull, mapOpenPull, mapRelease, present, seconds } from './map.js';
import { overflowNeed } from './overflow.js';
import { paginate, type Page } from './pager.js';
import {
  DEPLOYMENTS, INCIDENTS, MERGED_PULLS, OPEN_PULLS, RELEASES, SNAPSHOT,
  type DeploymentsData, type IncidentsData, type MergedPullsData, type OpenPullsData, type OverflowNeed, type RawConnection,
  type RawDeployment, type RawIssue, type RawMergedPull, type RawOpenPull, type RawRelease, type ReleasesData, type SnapshotData,
} from './queries.js';
import type { GitHubClient, GraphQLResult } from './request.js';
import type { GitHubDeployment, GitHubIncident, GitHubOpenPull, GitHubPull, GitHubRelease } from './types.js';

/** What this run fetched (filled as pages arrive, so a rate-limit stop keeps what came before it). */
export interface Fetched {
  pulls: Map<number, GitHubPull>;
  /** PRs whose nested lists overflowed their page */
  needs: OverflowNeed[];
  deployments: GitHubDeployment[];
  releases: GitHubRelease[];
  openPulls: GitHubOpenPull[];
  incidents: GitHubIncident[];
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
}

/** Fills `out` list by list. @throws what `client.request` throws (GitHubError, RateLimitError) */
export async function fetchLists(client: GitHubClient, options: FetchGitHubOptions, out: Fetched, warn: (m: string) => void, plan: Plan): Promise<void> {
  const repo = { owner: options.owner, name: options.name };
  const progress = options.onProgress ?? (() => undefined);
  const lists = { deploymentsAfter: null, releasesAfter: null, openAfter: null, incidentsAfter: null };
  const incidentVars = { incidentLabels: [options.incidentLabel], incidentSince: isoOf(plan.deploySince) };
  const take = <T>(result: GraphQLResult<T>): T => {
    result.warnings.forEach(warn);
    return result.data;
  };

  progress(`fetching from GitHub: ${options.owner}/${options.name}`);
  const snapshot = take(await client.request<SnapshotData>(SNAPSHOT, {
    ...repo, base: options.baseBranch, first: plan.firstPage, after: null, ...lists, ...incidentVars,
  }));
  const first = snapshot.repository;
  if (!first) throw new GitHubError(`repository ${options.owner}/${options.name} not found, or the token cannot see it`);

  for await (const page of paginate<RawMergedPull>(
    async (after) => toPage(take(await client.request<MergedPullsData>(MERGED_PULLS, { ...repo, base: options.baseBranch, first: plan.pageSize, after })).repository?.merged),
    { label: 'merged pull requests', firstPage: toPage(first.merged), stopAt: (p) => (seconds(p.updatedAt) ?? 0) < plan.pullStop },
  )) {
    for (const raw of page) {
      const pull = mapMergedPull(raw);
      if (!pull) {
        warn(`pull request #${raw.number} came back without its merge time: left out`);
        continue;
      }
      out.pulls.set(pull.number, pull);
      const need = overflowNeed(raw, pull);
      if (need) out.needs.push(need);
    }
    progress(`fetched ${out.pulls.size} merged pull request(s)`);
  }

  for await (const page of paginate<RawDeployment>(
    async (deploymentsAfter) => toPage(take(await client.request<DeploymentsData>(DEPLOYMENTS, { ...repo, deploymentsAfter })).repository?.deployments),
    { label: 'deployments', firstPage: toPage(first.deployments), stopAt: (d) => (seconds(d.createdAt) ?? 0) < plan.deployStop },
  )) {
    for (const raw of page) {
      const deployment = mapDeployment(raw);
      if (deployment) out.deployments.push(deployment);
      if (raw.statuses?.pageInfo.hasNextPage) warn(`a deployment to ${raw.environment ?? '?'} at ${raw.createdAt} has more than 20 statuses: only the first 20 are read`);
    }
  }
  progress(`fetched ${out.deployments.length} deployment(s)`);

  for await (const page of paginate<RawRelease>(
    async (releasesAfter) => toPage(take(await client.request<ReleasesData>(RELEASES, { ...repo, releasesAfter })).repository?.releases),
    { label: 'releases', firstPage: toPage(first.releases), stopAt: (r) => (seconds(r.createdAt) ?? 0) < plan.deploySince },
  )) {
    for (const raw of page) {
      const release = mapRelease(raw);
      if (release) out.releases.push(release);
    }
  }

  for await (const page of paginate<RawOpenPull>(
    async (openAfter) => toPage(take(await client.request<OpenPullsData>(OPEN_PULLS, { ...repo, openAfter })).repository?.open),
    { label: 'open pull requests', firstPage: toPage(first.open) },
  )) {
    for (const raw of page) {
      const open = mapOpenPull(raw);
      if (open) out.openPulls.push(open);
    }
  }

  for await (const page of paginate<RawIssue>(
    async (incidentsAfter) => toPage(take(await client.request<IncidentsData>(INCIDENTS, { ...repo, ...incidentVars, incidentsAfter })).repository?.incidents),
    { label: 'incident issues', firstPage: toPage(first.incidents) },
  )) {
    for (const raw of page) {
      const incident = mapIncident(raw);
      if (incident) out.incidents.push(incident);
    }
  }
}

/** A connection GitHub nulled (its error is already a warning) reads as an empty last page. */
function toPage<T>(conn: RawConnection<T> | null | undefined): Page<T> {
  if (!conn) return { nodes: [], hasNextPage: false, endCursor: null };
  return { nodes: present(conn.nodes), hasNextPage: conn.pageInfo.hasNextPage, endCursor: conn.pageInfo.endCursor };
}

