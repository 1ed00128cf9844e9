import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { agentPulls, agentPullsScenario } from '../histories/agent-pulls.js';

const TOKEN = 'ghp_agentPullsToken0123456789abcdefABCD';

let repo: FixtureRepo;
let run: GitHubRun;
let report: Report;

beforeAll(async () => {
  repo = agentPulls();
  run = await reportWithGitHub(repo.dir, agentPullsScenario(repo), TOKEN, ['--repo', 'acme/app', '--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z']);
  report = run.report;
});
afterAll(async () => {
  await run.close();
  repo.cleanup();
});

describe('GitHub mode: the AI evidence a pull request holds (see test/histories/agent-pulls.ts)', () => {
  it('finds each pull request\'s tools and strength where it is: its author, label, description, branch', () => {
    const ai = (id: string) => {
      const c = run.find(id);
      return [c.aiAssisted, c.aiStrength, c.aiTools, c.bot];
    };
    expect(['#1', '#2', '#3', '#4', '#5', '#6', '#7', '#8'].map(ai)).toEqual([
      [true, 'agent', ['copilot'], false],
      [true, 'assisted', ['codex'], false],
      [false, 'weak', ['claude-code'], false],
      [true, 'assisted', ['claude-code'], false],
      [true, 'agent', ['devin'], false],
      [false, null, [], true],
      [false, null, [], false],
      [true, 'assisted', ['claude-code'], false],
    ]);
    expect(run.find('#2')).toMatchObject({
      aiEvidence: ['label: codex', 'PR body: https://chatgpt.com/codex/tasks/task_e_687a53ba646c8331baa4140c5b2bec70'],
      aiWeakEvidence: ['branch: codex/add-retries'],
    });
    expect(run.find('#3')).toMatchObject({ aiEvidence: [], aiWeakEvidence: ['branch: claude/tidy-the-docs'] });
  });

  it('counts the AI-assisted changes per tool, the agents\' apart and the weak-only ones apart, by hand', () => {
    expect(report.summary.changes).toBe(7);
    expect(report.summary.ai).toEqual({
      assisted: 5,
      other: 2,
      agent: 2,
      weak: 1,
      tools: [
        { tool: 'claude-code', name: 'Claude Code', changes: 2, weak: 1 },
        { tool: 'codex', name: 'OpenAI Codex', changes: 1, weak: 0 },
        { tool: 'copilot', name: 'GitHub Copilot', changes: 1, weak: 0 },
        { tool: 'devin', name: 'Devin', changes: 1, weak: 0 },
      ],
      lowerBound: true,
    });
  });

  it('never lists an agent\'s open pull request as a bot\'s, and gives it its evidence', () => {
    const open = Object.fromEntries(report.openPulls.map((p) => [p.number, [p.bot, p.aiStrength ?? null, p.aiTools ?? []]]));
    expect(open).toEqual({
      20: [false, 'agent', ['copilot']],
      21: [false, 'agent', ['jules']],
      22: [false, null, []],
      23: [true, null, []],
    });
  });
});
