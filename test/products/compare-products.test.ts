import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { runCli } from '../helpers/cli-run.js';
import { bornAndGone, monorepo } from './fixture.js';

const DAY = 86400;
const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github'];
type Row = { key: string; before: number | null; after: number | null; sample: { before: number; after: number } };

describe('compare two products of a monorepo', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = monorepo();
  });
  afterAll(() => repo.cleanup());

  it('compares product:@acme/a with product:c-lib, each over its own changes and its own deploys', async () => {
    const { code, stdout, stderr } = await runCli(['compare', 'product:@acme/a', 'product:c-lib', '--path', repo.dir, ...WINDOW, '-f', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const c = JSON.parse(stdout);
    // @acme/a: m1, m4 and m7 (the revert of m4); shipped by @acme/a@1.1.0 (Mar 7) and @acme/a@1.2.0 (Mar 12), which m7 fails
    // c-lib: m4, m5 and m7; shipped by c-lib-v1.1.0 (Mar 12), which m7 fails
    expect([c.before.changes, c.before.deploys]).toEqual([3, 2]);
    expect([c.after.changes, c.after.deploys]).toEqual([3, 1]);
    expect(c.before.repository).toMatch(/ · product:@acme\/a$/);
    expect(c.after.repository).toMatch(/ · product:c-lib$/);
    const failure = c.rows.find((r: Row) => r.key === 'dora.changeFailureRate');
    expect([failure.before, failure.after]).toEqual([0.5, 1]);
    // lead times: m1 6d (Mar 1 → Mar 7), m4 3d (Mar 9 → Mar 12), m7 waiting; m5 2d (Mar 10 → Mar 12)
    const cycle = c.rows.find((r: Row) => r.key === 'cycleTime.p50');
    expect([cycle.before, cycle.after]).toEqual([DAY, DAY]);
    expect(c.warnings.join('\n')).toMatch(/2 changes are on both sides \(product:@acme\/a and product:c-lib overlap\)/);
  });

  it('refuses a product the repository does not have, in one line naming those it has, and writes nothing', async () => {
    const { code, stdout, stderr } = await runCli(['compare', 'product:@acme/a', 'product:@acme/ab', '--path', repo.dir, ...WINDOW]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('flowaudit: product:@acme/ab names no product with a change or a deploy in the window: its products are @acme/a, c-lib, @acme/b\n');
  });

  it('refuses a threshold on such a product before any report is written: a gate on an empty slice would never fail', async () => {
    const out = join(repo.dir, 'report.json');
    const { code, stderr } = await runCli(['report', repo.dir, ...WINDOW, '-f', 'json', '-o', out, '--fail-on', 'product:c-libs/leadTime.p50<=1d']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^flowaudit: product:c-libs names no product with a change or a deploy in the window: its products are @acme\/a, c-lib, @acme\/b\n/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a product slice of a repository of one product', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = monorepo({ packages: 'one' });
  });
  afterAll(() => repo.cleanup());

  it('is refused: there is no product to compare', async () => {
    const { code, stderr } = await runCli(['compare', 'product:@acme/a', 'rest', '--path', repo.dir, ...WINDOW]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^flowaudit: product:@acme\/a names no product: this repository is one product/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a product slice gated across several repositories', () => {
  let products: FixtureRepo;
  let one: FixtureRepo;
  let other: FixtureRepo;
  beforeAll(() => {
    products = monorepo();
    one = monorepo({ packages: 'one' });
    other = monorepo({ packages: 'one' });
  });
  afterAll(() => {
    products.cleanup();
    one.cleanup();
    other.cleanup();
  });

  it('refuses a product none of them has, in one line naming theirs, before any report is written', async () => {
    const out = join(one.dir, 'report.json');
    const { code, stdout, stderr } = await runCli(['report', products.dir, one.dir, ...WINDOW, '-f', 'json', '-o', out, '--fail-on', 'product:c-libs/leadTime.p50<=1d']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('flowaudit: product:c-libs names no product with a change or a deploy in the window: the repositories\' products are @acme/a, c-lib, @acme/b\n');
    expect(existsSync(out)).toBe(false);
  });

  it('gates a product only some of them have: c-lib\'s lead time is over a day', async () => {
    // c-lib: m4 3d (Mar 9 → Mar 12), m5 2d (Mar 10 → Mar 12), m7 still waiting: p50 over a day, breached
    const { code, stderr } = await runCli(['report', products.dir, one.dir, ...WINDOW, '-f', 'json', '--fail-on', 'product:c-lib/leadTime.p50<=1d']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/product:c-lib\/leadTime\.p50/);
    expect(stderr).not.toMatch(/names no product/);
  });

  it('refuses any product where each repository is one product', async () => {
    const { code, stderr } = await runCli(['report', one.dir, other.dir, ...WINDOW, '-f', 'json', '--fail-on', 'product:@acme/a/leadTime.p50<=1d']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^flowaudit: product:@acme\/a names no product: each of these repositories is one product \(/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('compare a product that lived two weeks of the window with one there all of it', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = bornAndGone();
  });
  afterAll(() => repo.cleanup());

  it('resamples each one\'s deploys over the days of its own history, so the interval is around the change it gives', async () => {
    const { code, stdout } = await runCli(['compare', 'product:@acme/exp', 'product:a', '--path', repo.dir, ...WINDOW, '-f', 'json']);
    expect(code).toBe(0);
    const f = JSON.parse(stdout).rows.find((r: Row) => r.key === 'dora.deploymentFrequency');
    // @acme/exp: one deploy in the two weeks from its add (Mar 2) to its removal (Mar 16); a: one in the 31 days
    expect([f.before, f.after]).toEqual([0.5, 0.225806]);
    expect(f.change).toBeCloseTo(1 / (31 / 7) - 0.5, 6);
    // resampled over the whole window each, both were one deploy in 31 days: an interval around no difference at all
    expect(f.interval.difference).toBeCloseTo(f.change, 6);
  });
});
