import type { Deploy } from '../domain.js';
import type { Tester } from '../patterns.js';
import type { DeployRef } from '../sources/deploys/source.js';
import type { GitHubDeployment, GitHubIncident } from '../sources/github/types.js';
import type { Incident } from './incidents.js';

// a deploy candidate is what a deploy source lists (src/sources/deploys/): the model's input, named here as before
export type { DeployRef };

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
 * Adds failed deployments (status failure/error) as failed deploys, restored at the next deploy that did not
 * fail (SPEC section 4); incidents are linked after (incidents.ts). Pure; returns the deploys in time order.
 */
export function applyGitHubFailures(deploys: Deploy[], failed: readonly DeployRef[]): Deploy[] {
  const all = [
    ...deploys,
    ...failed.map((f): Deploy => ({ ref: f.name, sha: f.sha, at: f.at, changeShas: [], rollback: false, rework: false, failed: true, failureReasons: ['deployment status failure'], restoredAfter: null })),
  ].sort((a, b) => a.at - b.at || a.ref.localeCompare(b.ref));
  // from the last back, knowing the next deploy that did not fail: one pass, where a search from each failed
  // deploy took time in the square of an events file's records
  let next: Deploy | null = null;
  for (let i = all.length - 1; i >= 0; i--) {
    const deploy = all[i] as Deploy;
    if (!deploy.failureReasons.includes('deployment status failure')) next = deploy;
    else if (next !== null) deploy.restoredAfter = next.at - deploy.at;
  }
  return all;
}

/** Labelled GitHub issues as incidents: the repository's, naming no commit. */
export function gitHubIncidents(issues: readonly GitHubIncident[]): Incident[] {
  return issues.map((i) => ({ id: `#${i.number}`, openedAt: i.createdAt, resolvedAt: i.closedAt, product: null, sha: null }));
}
