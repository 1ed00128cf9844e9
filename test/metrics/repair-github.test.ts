import { afterAll, describe, expect, it } from 'vitest';
import { reportWithGitHub } from '../helpers/github-run.js';
import { labelledPulls, ownedRepo, WINDOW } from '../slices/fixture.js';

const TOKEN = 'ghp_repairTestToken0123456789abcdefABCDEF';

describe('repair share: bug-labelled pull requests (GitHub mode)', () => {
  const repo = ownedRepo();
  afterAll(() => repo.cleanup());
  // c1 landed as a pull request labelled "Type: Bug", c3 as one labelled "defect"; the other changes have none
  const scenario = labelledPulls(repo, [[1, 'c1', '2026-03-10T12:00:00Z', ['Type: Bug']], [3, 'c3', '2026-03-14T12:00:00Z', ['defect']]]);
  const args = [...WINDOW.filter((a) => a !== '--no-github'), '--repo', 'acme/app'];
  const labelled = (flags: Array<{ number: number | null; flags: string[] }>): Array<number | null> => flags.filter((c) => c.flags.includes('repair:bug-label')).map((c) => c.number);

  it('counts a pull request whose label matches the default pattern, and not one it does not match', async () => {
    const run = await reportWithGitHub(repo.dir, scenario, TOKEN, args);
    try {
      expect(labelled(run.report.changes)).toEqual([1]);
      expect(run.report.summary.repair?.reasons.bugLabel).toBe(1);
    } finally {
      await run.close();
    }
  });

  it('follows --bug-label', async () => {
    const run = await reportWithGitHub(repo.dir, scenario, TOKEN, [...args, '--bug-label', '^(defect|type: bug)$']);
    try {
      expect(labelled(run.report.changes)).toEqual([1, 3]);
      expect(run.report.summary.repair?.reasons.bugLabel).toBe(2);
    } finally {
      await run.close();
    }
  });
});
