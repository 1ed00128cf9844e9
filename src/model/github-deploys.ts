import type { Deploy } from '../domain.js';
import type { Tester } from '../patterns.js';
import type { GitHubDeployment, GitHubIncident, GitHubRelease } from '../sources/github/types.js';
import type { Incident } from './incidents.js';
import { isPrerelease } from './release-tags.js';

/** A deploy candidate: a named commit at a time, as tags are. */
export interface DeployRef {
  name: string;
  sha: string;
  at: number;
  /** what it deploys to: a deployment's environment (tags and releases: the product their name versions) */
  target?: string;
}

/** Successful production deployments: time of the first SUCCESS status (SPEC section 3). */
export function successfulDeployments(deployments: readonly GitHubDeployment[], environment: Tester): DeployRef[] {
  const refs: DeployRef[] = [];
  for (const d of deployments) {
    if (!environment.test(d.environment) || d.sha === null) continue;
    const success = d.statuses.find((s) => s.state === 'SUCCESS');
    if (success) refs.push({ name: `${d.environment}@${d.sha.slice(0, 7)}`, sha: d.sha, at: success.at, target: d.environment });
  }
  return refs;
}

/** Production deployments whose status ended failure/error: deploys that failed, shipping nothing. */
export function failedDeployments(deployments: readonly GitHubDeployment[], environment: Tester): DeployRef[] {
  const refs: DeployRef[] = [];
  for (const d of deployments) {
    if (!environment.test(d.environment) || d.sha === null) continue;
    const last = d.statuses.at(-1);
    if (last && (last.state === 'FAILURE' || last.state === 'ERROR') && !d.statuses.some((s) => s.state === 'SUCCESS')) {
      refs.push({ name: `${d.environment}@${d.sha.slice(0, 7)}`, sha: d.sha, at: last.at });
    }
  }
  return refs;
}

/**
 * Published releases that are final, at their publication time: not drafts, and — unless
 * `includePrereleases` — neither marked pre-release on GitHub nor named like one (`v2.0.0-rc.1`), the rule
 * tags follow (SPEC section 3).
 */
export function publishedReleases(releases: readonly GitHubRelease[], includePrereleases = false): DeployRef[] {
  return releases
    .filter((r) => !r.isDraft && r.publishedAt !== null && r.sha !== null)
    .filter((r) => includePrereleases || (!r.isPrerelease && !isPrerelease(r.tagName)))
    .map((r) => ({ name: r.tagName, sha: r.sha as string, at: r.publishedAt as number }));
}

/**
 * Adds failed deployments (status failure/error) as failed deploys, restored at the next deploy that did not
 * fail (SPEC section 4); incidents are linked after (incidents.ts). Pure; returns the deploys in time order.
 */
export function applyGitHubFailures(deploys: Deploy[], failed: readonly DeployRef[]): Deploy[] {
  const all = [
    ...deploys,
    ...failed.map((f): Deploy => ({ ref: f.name, sha: f.sha, at: f.at, changeShas: [], rollback: false, rework: false, failed: true, failureReasons: ['deployment status failure'], restoredAfter: null })),
  ].sort((a, b) => a.at - b.at || a.ref.localeCompare(b.ref));
  all.forEach((deploy, i) => {
    if (deploy.failureReasons.includes('deployment status failure')) {
      const next = all.slice(i + 1).find((d) => !d.failureReasons.includes('deployment status failure'));
      if (next) deploy.restoredAfter = next.at - deploy.at;
    }
  });
  return all;
}

/** Labelled GitHub issues as incidents: the repository's, naming no commit. */
export function gitHubIncidents(issues: readonly GitHubIncident[]): Incident[] {
  return issues.map((i) => ({ id: `#${i.number}`, openedAt: i.createdAt, resolvedAt: i.closedAt, product: null, sha: null }));
}
