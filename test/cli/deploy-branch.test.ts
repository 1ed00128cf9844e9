import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const WINDOW = ['--since', '2026-03-01T00:00:00Z', '--until', '2026-03-31T00:00:00Z', '--now', '2026-03-31T00:00:00Z', '--no-github'];

/**
 * GitFlow: features merge into develop (the tracked branch); main gets `Merge branch 'develop'` twice, at known
 * times; hotfix on main in between ships nothing of develop; prod is a branch fast-forwarded to develop.
 */
let repo: FixtureRepo;
beforeAll(() => {
  repo = buildRepo([
    { commit: 'init', at: '2026-03-01T09:00:00Z' },
    { branch: 'develop' },
    { branch: 'f1' },
    { commit: 'feature one', on: 'f1', at: '2026-03-02T10:00:00Z' },
    { merge: 'f1', into: 'develop', at: '2026-03-03T10:00:00Z', message: 'Merge pull request #1 from team/f1' },
    { merge: 'develop', into: 'main', at: '2026-03-04T10:00:00Z', message: "Merge branch 'develop'", id: 'r1' },
    { commit: 'hotfix on main', on: 'main', at: '2026-03-04T18:00:00Z' },
    { branch: 'f2', from: 'develop' },
    { commit: 'feature two', on: 'f2', at: '2026-03-05T10:00:00Z' },
    { merge: 'f2', into: 'develop', at: '2026-03-06T10:00:00Z', message: 'Merge pull request #2 from team/f2', id: 'm2' },
    { merge: 'develop', into: 'main', at: '2026-03-09T15:00:00Z', message: "Merge branch 'develop'", id: 'r2' },
    { branch: 'prod', from: 'm2' },
  ]);
});
afterAll(() => repo.cleanup());

describe('--deploy-from branch:NAME', () => {
  it('dates each merge of the tracked branch into the deploy branch as a deploy, and ships each change with the first', async () => {
    const result = await runCli([repo.dir, '--branch', 'develop', '--deploy-from', 'branch:main', '--format', 'json', ...WINDOW]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.deploySignal).toEqual({ kind: 'branch', detail: '2 merges of the tracked branch into main, each a deploy at its commit time' });
    expect(report.deploys.map((d) => [d.sha, d.at])).toEqual([
      [repo.sha('r1'), '2026-03-04T10:00:00Z'],
      [repo.sha('r2'), '2026-03-09T15:00:00Z'],
    ]);
    expect(report.changes.map((c) => [c.id.startsWith('#') ? c.id : c.title, c.deployedAt])).toEqual([
      ['init', '2026-03-04T10:00:00Z'],
      ['#1', '2026-03-04T10:00:00Z'],
      ['#2', '2026-03-09T15:00:00Z'],
    ]);
    // #2: merged 03-06 10:00, deployed 03-09 15:00
    expect(report.changes[2]?.stages.deploy).toBe(3 * 86400 + 5 * 3600);
  });

  it('stops with one line when the deploy branch only fast-forwards (exit 2)', async () => {
    const result = await runCli([repo.dir, '--branch', 'develop', '--deploy-from', 'branch:prod', ...WINDOW]);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/branch prod only fast-forwards to develop: git keeps no time of a fast-forward/);
  });

  it('says an unknown deploy branch or signal in one line (exit 2)', async () => {
    const unknown = await runCli([repo.dir, '--branch', 'develop', '--deploy-from', 'branch:nope', ...WINDOW]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown branch 'nope'/);
    const bad = await runCli([repo.dir, '--deploy-from', 'ftp', ...WINDOW]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--deploy-from 'ftp' is not a deploy signal: use events, deployments, workflow, releases, tags, merge or branch:NAME/);
  });
});
