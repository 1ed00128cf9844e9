import { successfulDeployments } from '../../model/github-deploys.js';
import { plural } from '../../units.js';
import type { DeploySource } from './source.js';

/** GitHub deployments to a production environment, at their first successful status. */
export const deployments: DeploySource = {
  meta: {
    name: 'deployments',
    needs: 'github',
    detail: ({ count, environment }) => `${plural(count, 'successful GitHub deployment')} to environments matching ${environment.source}`,
  },
  candidates: ({ github, environment }) => (github ? successfulDeployments(github.deployments, environment) : []),
};
