import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { runCli } from '../helpers/cli-run.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { reviewerDays, reviewerDaysScenario } from '../histories/reviewer-days.js';
import type { Report } from '../../src/report/schema.js';

const TOKEN = 'ghp_reviewerDaysToken0123456789abcdefAB';
const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];

let repo: FixtureRepo;
let run: GitHubRun;

beforeAll(async () => {
  repo = reviewerDays();
  run = await reportWithGitHub(repo.dir, reviewerDaysScenario(repo), TOKEN, ['--repo', 'acme/app', ...WINDOW]);
});
afterAll(async () => {
  await run.close();
  repo.cleanup();
});

describe('GitHub mode: large AI-assisted pull requests per reviewer-day (see test/histories/reviewer-days.ts)', () => {
  it('counts each reviewer\'s large AI-assisted pull requests per day: p90 2, the worst day rae\'s 3 on 2026-03-10', () => {
    expect(run.report.summary.aiLoad?.largeAiPerReviewerDay).toEqual({ reviewerDays: 6, p90: 2, worst: 3, worstDate: '2026-03-10', worstReviewer: 'rae' });
  });

  it('keeps who reviewed when on each change: the author\'s and a bot\'s reviews left out', () => {
    expect(run.find('#1').review).toMatchObject({ reviewedBy: ['rae', 'rae'] });
    expect(run.find('#4').review).toMatchObject({ reviewedBy: ['sam', 'rae'] });
    expect(run.find('#7').review).toMatchObject({ reviewedBy: ['sam'] });
  });

  it('keeps them when the report is read back and aggregated: who reviewed when travels with each change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowaudit-reviewer-days-'));
    try {
      const file = join(dir, 'app.json');
      // the aggregate's figures are made again from the report's changes, packed in columns
      writeFileSync(file, JSON.stringify(run.report));
      const result = await runCli(['aggregate', file, '--format', 'json']);
      expect(result.stderr).toBe('');
      expect((JSON.parse(result.stdout) as Report).summary.aiLoad?.largeAiPerReviewerDay).toEqual({ reviewerDays: 6, p90: 2, worst: 3, worstDate: '2026-03-10', worstReviewer: 'rae' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gates and lists the figure by its path', async () => {
    const gate = await runCli([repo.dir, '--repo', 'acme/app', ...WINDOW, '--api-url', run.server.url, '--format', 'json', '--fail-on', 'aiLoad.largeAiPerReviewerDay.worst<=2'], { GH_ENTERPRISE_TOKEN: TOKEN });
    // the worst reviewer-day held 3: a limit of 2 a day is breached
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('aiLoad.largeAiPerReviewerDay.worst');
    const list = await runCli(['check', '--list']);
    expect(list.stdout).toContain('aiLoad.largeAiPerReviewerDay.p90');
  });

  it('says nothing from git alone: git cannot see who reviewed', async () => {
    const git = await runCli([repo.dir, ...WINDOW, '--format', 'json']);
    expect(git.code).toBe(0);
    expect((JSON.parse(git.stdout) as Report).summary.aiLoad).toBeNull();
  });
});
