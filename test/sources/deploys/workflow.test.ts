import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/patterns.js';
import { successfulRuns } from '../../../src/sources/deploys/workflow.js';
import type { GitHubWorkflowRun } from '../../../src/sources/github/index.js';

const DEFAULT = compilePattern('deploy|release|publish|cd', { ignoreCase: true });
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

const run = (over: Partial<GitHubWorkflowRun>): GitHubWorkflowRun =>
  ({ sha: A, workflow: 'Deploy', path: '.github/workflows/deploy.yml', event: 'push', status: 'COMPLETED', conclusion: 'SUCCESS', updatedAt: 1000, ...over });

describe('deploys from workflow runs', () => {
  it('counts a successful run of a matching workflow as a deploy of its commit when it finished', () => {
    expect(successfulRuns([run({ updatedAt: 1234 })], DEFAULT)).toEqual([{ name: 'Deploy@aaaaaaa', sha: A, at: 1234, target: '' }]);
  });

  it('matches the name or the file, ignoring case, and leaves other workflows out', () => {
    const runs = [
      run({ workflow: 'Ship it', path: '.github/workflows/publish.yml', sha: B }),
      run({ workflow: 'CI', path: '.github/workflows/ci.yml', updatedAt: 5 }),
      run({ workflow: 'RELEASE', path: '', updatedAt: 7 }),
    ];
    expect(successfulRuns(runs, DEFAULT).map((r) => r.name)).toEqual(['Ship it@bbbbbbb', 'RELEASE@aaaaaaa']);
    expect(successfulRuns(runs, compilePattern('^CI$', { ignoreCase: true })).map((r) => r.at)).toEqual([5]);
  });

  it('takes neither skipped, cancelled, failed nor unfinished runs, and a failure after a success leaves the success', () => {
    const runs = [
      run({ conclusion: 'SKIPPED', updatedAt: 1 }),
      run({ conclusion: 'CANCELLED', updatedAt: 2 }),
      run({ conclusion: 'SUCCESS', updatedAt: 3 }),
      run({ conclusion: 'FAILURE', updatedAt: 4 }),
      run({ status: 'IN_PROGRESS', conclusion: null, updatedAt: 5 }),
    ];
    expect(successfulRuns(runs, DEFAULT)).toEqual([{ name: 'Deploy@aaaaaaa', sha: A, at: 3, target: '' }]);
  });

  it('counts every success of a commit (a re-run redeploys), but the same run read twice once', () => {
    const runs = [run({ updatedAt: 10 }), run({ updatedAt: 10 }), run({ updatedAt: 20 })];
    expect(successfulRuns(runs, DEFAULT).map((r) => r.at)).toEqual([10, 20]);
  });
});
