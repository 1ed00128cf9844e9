import { afterAll, describe, expect, it } from 'vitest';
import { reportWithGitHub } from '../helpers/github-run.js';
import { labelledPulls, ownedRepo, WINDOW } from './fixture.js';

const TOKEN = 'ghp_sliceTestToken0123456789abcdefABCDEF';

describe('--by label in GitHub mode', () => {
  const repo = ownedRepo();
  afterAll(() => repo.cleanup());
  // c1 and c3 landed as pull requests labelled ai-pilot (c3 also bug); the other four changes have no pull request
  const scenario = labelledPulls(repo, [[1, 'c1', '2026-03-10T12:00:00Z', ['AI-Pilot']], [3, 'c3', '2026-03-14T12:00:00Z', ['ai-pilot', 'bug']]]);

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
