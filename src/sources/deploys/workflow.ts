import type { Tester } from '../../patterns.js';
import { plural } from '../../units.js';
import type { GitHubWorkflowRun } from '../github/workflow-cache.js';
import type { DeployRef, DeploySource } from './source.js';

/**
 * Successful runs of a deploy workflow (`--workflow`, matched against its name or file) for the tracked branch's
 * commits, each a deploy of its commit when it finished: the deploy itself, where a release only names a version.
 */
export const workflow: DeploySource = {
  meta: {
    name: 'workflow',
    label: 'deploy workflow runs',
    needs: 'github',
    detail: ({ count, workflow: pattern }) => `${plural(count, 'successful workflow run')} matching ${pattern.source} by workflow name or file`,
  },
  candidates: async ({ workflowRuns, workflow: pattern }) => (workflowRuns ? successfulRuns(await workflowRuns(), pattern) : []),
};

/**
 * Deploys from workflow runs: a completed run that succeeded, of a workflow whose name or file matches, at its
 * completion. A skipped or cancelled run deployed nothing, and a failed one neither: it is no deploy, so a
 * failure after a success of the same commit rolls nothing back. Every success counts, a re-run's too.
 */
export function successfulRuns(runs: readonly GitHubWorkflowRun[], pattern: Tester): DeployRef[] {
  const refs = new Map<string, DeployRef>();
  for (const run of runs) {
    if (run.status !== 'COMPLETED' || run.conclusion !== 'SUCCESS' || !(pattern.test(run.workflow) || pattern.test(run.path))) continue;
    const name = `${run.workflow || run.path}@${run.sha.slice(0, 7)}`;
    // the same run read twice (a commit on two pages) is one deploy
    refs.set(`${name} ${run.updatedAt}`, { name, sha: run.sha, at: run.updatedAt, target: '' });
  }
  return [...refs.values()];
}
