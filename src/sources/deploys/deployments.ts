import type { Tester } from '../../patterns.js';
import { plural } from '../../units.js';
import type { GitHubDeployment } from '../github/types.js';
import type { DeployRef, DeploySource } from './source.js';

/** GitHub deployments to a production environment, at their first successful status. */
export const deployments: DeploySource = {
  meta: {
    name: 'deployments',
    label: 'GitHub deployments',
    needs: 'github',
    detail: ({ count, environment }) => `${plural(count, 'successful GitHub deployment')} to environments matching ${environment.source}`,
  },
  candidates: ({ github, environment }) => (github ? successfulDeployments(github.deployments, environment) : []),
};

/** Successful production deployments: time of the first SUCCESS status (SPEC section 3). */
export function successfulDeployments(found: readonly GitHubDeployment[], environment: Tester): DeployRef[] {
  const refs: DeployRef[] = [];
  for (const d of found) {
    if (!environment.test(d.environment) || d.sha === null) continue;
    const success = d.statuses.find((s) => s.state === 'SUCCESS');
    if (success) refs.push({ name: `${d.environment}@${d.sha.slice(0, 7)}`, sha: d.sha, at: success.at, target: d.environment });
  }
  return refs;
}
