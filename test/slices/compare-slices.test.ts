import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import { ownedRepo, WINDOW } from './fixture.js';

const DAY = 86400;
type Row = { key: string; before: number | null; after: number | null; direction: string | null; sample: { before: number; after: number } };

describe('compare two slices: a controlled pilot', () => {
  const repo = ownedRepo();
  afterAll(() => repo.cleanup());
  const compare = (a: string, b: string) => runCli(['compare', a, b, '--path', repo.dir, ...WINDOW, '-f', 'json']);

  it('team against team: each side over its own changes, with sample sizes and the overlap named', async () => {
    const { code, stdout } = await compare('team:payments', 'team:checkout');
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    expect(c.before.changes).toBe(5);
    expect(c.after.changes).toBe(2);
    const cycle = c.rows.find((r: Row) => r.key === 'cycleTime.p50');
    expect([cycle.before, cycle.after]).toEqual([3 * DAY, 3 * DAY]);
    expect(cycle.sample).toEqual({ before: 5, after: 2 });
    // c2 and c4 are owned by both teams
    expect(c.warnings.join('\n')).toMatch(/2 changes are on both sides \(team:payments and team:checkout overlap\)/);
    expect(c.warnings.join('\n')).not.toMatch(/windows overlap/);
  });

  it('a slice against the rest: the rest is every other change of the window, and the two do not overlap', async () => {
    const c = JSON.parse((await compare('team:checkout', 'rest')).stdout);
    expect([c.before.changes, c.after.changes]).toEqual([2, 4]);
    // rest: c1 (1d), c3 (3d), c5 (5d), c6 (6d): p50 4d; checkout: 2d, 4d: p50 3d
    const cycle = c.rows.find((r: Row) => r.key === 'cycleTime.p50');
    expect([cycle.before, cycle.after]).toEqual([3 * DAY, 4 * DAY]);
    // two and four changes: the data cannot tell
    expect(cycle.direction).toBe('uncertain');
    expect(c.warnings.join('\n')).not.toMatch(/on both sides/);
  });

  it('one slice before and after a date: each side over its own window', async () => {
    const c = JSON.parse((await compare('team:payments@2026-03-01..2026-03-13', 'team:payments@2026-03-14..2026-03-31')).stdout);
    // payments' changes: c1 (Mar 10), c2 (12) before; c3 (14), c4 (16), c6 (20) after
    expect([c.before.changes, c.after.changes]).toEqual([2, 3]);
    expect(c.before.repository).toMatch(/team:payments@2026-03-01\.\.2026-03-13$/);
  });

  it('a slice beside a report file, or rest against rest, is bad input', async () => {
    expect((await compare('rest', 'rest')).code).toBe(2);
    const mixed = await compare('team:payments', '2026-01-01..2026-02-01');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/two slices .* not one of each/);
  });
});
