import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, lines } from '../helpers/git-fixture.js';
import { runCli } from '../helpers/cli-run.js';
import { ownedRepo, secondOwnedRepo, WINDOW } from './fixture.js';

const DAY = 86400;
type Row = { key: string; before: number | null; after: number | null; sample: { before: number; after: number } };

describe('the bots slice: the bots\' changes, counted though the whole leaves them out', () => {
  // three people's changes (cycle 1d, 2d, 3d) and two dependency updates (cycle 4d, 6d: p50 5d)
  const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}T12:00:00Z`;
  const repo = buildRepo([
    { commit: 'p1', authorAt: day(9), at: day(10), files: { 'a.txt': lines(3) } },
    { commit: 'p2', authorAt: day(10), at: day(12), files: { 'b.txt': lines(3) } },
    { commit: 'p3', authorAt: day(11), at: day(14), files: { 'c.txt': lines(3) } },
    { commit: 'bump one', author: 'dependabot[bot] <support@github.com>', authorAt: day(12), at: day(16), files: { 'package.json': lines(2) } },
    { commit: 'bump two', author: 'dependabot[bot] <support@github.com>', authorAt: day(12), at: day(18), files: { 'lock.json': lines(2) } },
  ]);
  afterAll(() => repo.cleanup());

  it('compare bots rest: two bot changes against three people\'s, each side with its sample size', async () => {
    const { code, stdout } = await runCli(['compare', 'bots', 'rest', '--path', repo.dir, ...WINDOW, '-f', 'json']);
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect([c.before.changes, c.after.changes]).toEqual([2, 3]);
    const cycle = c.rows.find((r: Row) => r.key === 'cycleTime.p50');
    expect([cycle.before, cycle.after]).toEqual([5 * DAY, 2 * DAY]);
    expect(cycle.sample).toEqual({ before: 2, after: 3 });
  });

  it('a gate on bots reads their changes; the whole still leaves them out', async () => {
    const { code, stdout } = await runCli(['check', repo.dir, ...WINDOW, '--fail-on', 'bots/changes<=1', '--fail-on', 'changes<=3', '-f', 'json']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout).results;
    expect(results[0]).toMatchObject({ slice: 'bots', measured: 2, status: 'breached' });
    expect(results[1]).toMatchObject({ measured: 3, status: 'ok' });
  });
});

describe('one slice before and after a date, and gates on a slice across repositories', () => {
  const a = ownedRepo();
  const b = secondOwnedRepo();
  afterAll(() => {
    a.cleanup();
    b.cleanup();
  });

  it('overlapping dated windows: the changes on both sides are named, with the sample sizes', async () => {
    // payments' changes: c1 (Mar 10), c2 (12), c3 (14), c4 (16), c6 (20); the windows share Mar 12–14
    const { code, stdout } = await runCli(['compare', 'team:payments@2026-03-01..2026-03-15', 'team:payments@2026-03-12..2026-03-31', '--path', a.dir, ...WINDOW, '-f', 'json']);
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect([c.before.changes, c.after.changes]).toEqual([3, 4]);
    expect(c.rows.find((r: Row) => r.key === 'cycleTime.p50').sample).toEqual({ before: 3, after: 4 });
    expect(c.warnings.join('\n')).toMatch(/2 changes are on both sides \(team:payments@2026-03-01\.\.2026-03-15 and team:payments@2026-03-12\.\.2026-03-31 overlap\)/);
  });

  it('report A B --fail-on team:payments/cycleTime.p50: the pooled p50 (4d), not either repository\'s', async () => {
    const pass = await runCli(['report', a.dir, b.dir, ...WINDOW, '--fail-on', 'team:payments/cycleTime.p50<=4d', '-f', 'json']);
    expect(pass.stderr).not.toMatch(/breached|error/i);
    expect(pass.code).toBe(0);
    const breached = await runCli(['report', a.dir, b.dir, ...WINDOW, '--fail-on', 'team:payments/cycleTime.p50<4d', '-f', 'json']);
    expect(breached.code).toBe(1);
    expect(breached.stderr).toMatch(/threshold breached: team:payments\/cycleTime\.p50 = 4d/);
  });
});
