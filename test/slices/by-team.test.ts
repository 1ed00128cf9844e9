import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import { ownedRepo, WINDOW } from './fixture.js';

const DAY = 86400;

describe('report --by team over a repository with a CODEOWNERS file', () => {
  const repo = ownedRepo();
  afterAll(() => repo.cleanup());

  it('puts each change in every team owning a third of its lines, the rest in unowned, with each row\'s figures', async () => {
    const { code, stdout, stderr } = await runCli(['report', repo.dir, ...WINDOW, '--by', 'team', '-f', 'json']);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const slices = JSON.parse(stdout).summary.slices;
    expect(slices.by).toBe('team');
    expect(slices.owners).toBe('.github/CODEOWNERS');
    expect(slices.rows.map((r: { name: string; changes: number }) => [r.name, r.changes])).toEqual([
      ['team:payments', 5],
      ['team:checkout', 2],
      ['team:unowned', 1],
    ]);
    const row = (name: string) => slices.rows.find((r: { name: string }) => r.name === name);
    expect(row('team:payments').cycleTimeP50).toBe(3 * DAY);
    expect(row('team:checkout').cycleTimeP50).toBe(3 * DAY);
    expect(row('team:unowned').cycleTimeP50).toBe(5 * DAY);
    expect(slices.unownedShare).toBeCloseTo(1 / 6, 5);
  });

  it('writes the table and the unowned finding in text and Markdown', async () => {
    const text = (await runCli(['report', repo.dir, ...WINDOW, '--by', 'team', '--width', '160'])).stdout;
    expect(text).toMatch(/By team/);
    expect(text).toMatch(/team:payments\s*│?\s*5/);
    expect(text).toMatch(/1 of 6 changes \(17%\) have no team/);
    const md = (await runCli(['report', repo.dir, ...WINDOW, '--by', 'team', '-f', 'markdown'])).stdout;
    expect(md).toMatch(/\| team:checkout \| 2 \|/);
  });

  it('groups by folder with path:1, by the same one-third rule', async () => {
    const { stdout } = await runCli(['report', repo.dir, ...WINDOW, '--by', 'path:1', '-f', 'json']);
    const rows = JSON.parse(stdout).summary.slices.rows.map((r: { name: string; changes: number }) => [r.name, r.changes]);
    expect(rows).toEqual([['path:pay', 5], ['path:shop', 2], ['path:(top level)', 1]]);
  });

  it('a grouping it does not know is bad input: exit 2, one line', async () => {
    const { code, stderr } = await runCli(['report', repo.dir, ...WINDOW, '--by', 'teams']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--by 'teams' is not a grouping/);
  });
});

describe('a threshold on a slice: SLICE/FIGURE', () => {
  const repo = ownedRepo();
  afterAll(() => repo.cleanup());

  it('reads the slice\'s own figure: payments\' cycle p50 is 3d, the whole\'s 3d 12h', async () => {
    const pass = await runCli(['check', repo.dir, ...WINDOW, '--fail-on', 'team:payments/cycleTime.p50<=3d', '--fail-on', 'cycleTime.p50>3d']);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/team:payments\/cycleTime\.p50 = 3d/);
    const breached = await runCli(['check', repo.dir, ...WINDOW, '--fail-on', 'team:payments/cycleTime.p50<3d', '-f', 'json']);
    expect(breached.code).toBe(1);
    expect(JSON.parse(breached.stdout).results[0]).toMatchObject({ slice: 'team:payments', figure: 'cycleTime.p50', measured: 3 * DAY, status: 'breached' });
  });

  it('the unowned slice and report --fail-on gate as check does', async () => {
    const { code, stderr } = await runCli(['report', repo.dir, ...WINDOW, '--fail-on', 'team:unowned/changes<=0', '-o', `${repo.dir}/out.txt`]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/threshold breached: team:unowned\/changes = 1/);
  });

  it('a slice it cannot read is bad input, before any repository is read', async () => {
    const { code, stderr } = await runCli(['check', repo.dir, ...WINDOW, '--fail-on', 'squad:payments/leadTime.p50<=7d']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/'squad:payments' is not a slice/);
  });
});
