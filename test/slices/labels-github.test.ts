import { afterAll, describe, expect, it } from 'vitest';
import { reportWithGitHub } from '../helpers/github-run.js';
import { ownedRepo, WINDOW } from './fixture.js';

const TOKEN = 'ghp_sliceTestToken0123456789abcdefABCDEF';

describe('--by label in GitHub mode', () => {
  const repo = ownedRepo();
  afterAll(() => repo.cleanup());
  // c1 and c3 landed as pull requests labelled ai-pilot (c3 also bug); the other four changes have no pull request
  const pull = (n: number, id: string, at: string, labels: string[]): Record<string, unknown> => ({
    number: n, title: `PR ${n}`, baseRefName: 'main', headRefName: `f${n}`, author: { __typename: 'User', login: 'ada' },
    mergeCommit: { oid: repo.sha(id) }, additions: 1, deletions: 0, changedFiles: 1, labels, commits: [], comments: [], reviews: [], timelineItems: [],
    createdAt: at, updatedAt: at, mergedAt: at, isDraft: false,
  });
  const scenario = {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [pull(1, 'c1', '2026-03-10T12:00:00Z', ['AI-Pilot']), pull(3, 'c3', '2026-03-14T12:00:00Z', ['ai-pilot', 'bug'])],
        deployments: [], releases: [], issues: [],
      },
    },
  };

  it('one row per label, each label without case, the rest under (no label)', async () => {
    const args = [...WINDOW.filter((a) => a !== '--no-github'), '--repo', 'acme/app', '--by', 'label'];
    const run = await reportWithGitHub(repo.dir, scenario, TOKEN, args);
    try {
      const rows = run.report.summary.slices?.rows.map((r) => [r.name, r.changes]);
      expect(rows).toEqual([['label:ai-pilot', 2], ['label:bug', 1], ['label:(no label)', 4]]);
    } finally {
      await run.close();
    }
  });
});
