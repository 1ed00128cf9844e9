/*
 * JSON reports that cannot be (issue 41), given to aggregate, check --report and compare: a negative duration
 * (an aggregate printed a lead time p50 of −3e9 s beside a text saying no change had a positive lead time),
 * percentiles out of order, a window no flag could give (one from year 1 became 113 MB of aggregate JSON and
 * 884 MB of memory), counts that disagree with the lists they count. Each is bad input: exit 2, one line naming
 * the file and the field, within a bound on time and without the memory a run over millennia takes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectError, expectReport, run, sandbox, type Outcome, type Sandbox } from './harness.js';
import { origin, WINDOW } from './repos.js';

type Json = Record<string, any>;

let repo: FixtureRepo;
let box: Sandbox;
/** a report of the hostile origin's March 2026, as flowaudit wrote it */
let base: Json;
beforeAll(async () => {
  repo = origin();
  const made = sandbox();
  try {
    base = JSON.parse(expectReport(await run(made, [repo.dir, '--format', 'json', ...WINDOW])));
  } finally {
    made.remove();
  }
});
afterAll(() => repo.cleanup());
afterEach(() => box.remove());

/** The base report changed by `edit`, written into the sandbox; its path. */
function broken(edit: (report: Json) => void, name = 'report.json'): string {
  const report = structuredClone(base);
  edit(report);
  const path = join(box.dir, name);
  writeFileSync(path, JSON.stringify(report));
  return path;
}

async function bounded(args: string[]): Promise<Outcome> {
  const started = Date.now();
  const o = await run(box, args, { toFile: false });
  expect(Date.now() - started, 'the run took longer than its bound').toBeLessThan(20_000);
  return o;
}

/** The report refused as it should be by aggregate, check --report and compare alike. */
async function refusedEverywhere(edit: (report: Json) => void, field: string, message: string): Promise<void> {
  box = sandbox();
  const path = broken(edit);
  const line = `report '${path}' is not a valid flowaudit report: ${field}: ${message}`;
  for (const args of [['aggregate', path, '--format', 'json'], ['check', '--report', path, '--fail-on', 'changes>=0'], ['compare', path, path]]) {
    expectError(await bounded(args), 2, line);
  }
}

describe('a report that cannot be is bad input, its field named', () => {
  it('a change whose lead time is negative', async () => {
    const changeIndex = base.changes.findIndex((c: Json) => c.leadTime !== null);
    expect(changeIndex).toBeGreaterThanOrEqual(0);
    await refusedEverywhere((r) => {
      r.changes[changeIndex].leadTime = -3e9;
    }, `changes[${changeIndex}].leadTime`, 'a duration cannot be negative');
  });

  it('a stage p50 that is negative', async () => {
    await refusedEverywhere((r) => {
      r.summary.stages.coding.p50 = -1;
    }, 'summary.stages.coding.p50', 'a duration cannot be negative');
  });

  it('a p75 below its p50', async () => {
    expect(base.summary.cycleTime.p50).toBeGreaterThan(0);
    await refusedEverywhere((r) => {
      r.summary.cycleTime.p75 = r.summary.cycleTime.p50 - 1;
      r.summary.cycleTime.p90 = r.summary.cycleTime.p50 - 1;
    }, 'summary.cycleTime.p75', `is ${base.summary.cycleTime.p50 - 1}, below p50 (${base.summary.cycleTime.p50}): percentiles are ordered, p50 ≤ p75 ≤ p90`);
  });

  it('a window from year 1: refused at once, nothing built over two thousand years of weeks', async () => {
    await refusedEverywhere((r) => {
      r.window.since = '0001-01-01T00:00:00Z';
    }, 'window.since', 'is not between 1970-01-01 and 9999-12-31, where a window is');
  });

  it('a window of 300 years', async () => {
    await refusedEverywhere((r) => {
      r.window.since = '1971-01-01T00:00:00Z';
      r.window.until = '2271-01-01T00:00:00Z';
    }, 'window', 'is longer than 200 years, as no window flowaudit writes is');
  });

  it('a window that ends before it starts', async () => {
    await refusedEverywhere((r) => {
      r.window.until = r.window.since;
    }, 'window.until', 'is not after since: a window ends after it starts');
  });

  it('a count of changes the listed changes disagree with', async () => {
    const counted = base.changes.filter((c: Json) => c.counted).length;
    await refusedEverywhere((r) => {
      r.summary.changes = counted + 1;
      r.summary.ai.other += 1;
    }, 'summary.changes', `is ${counted + 1}, but ${counted} of the changes listed are counted`);
  });

  it('a count of release commits the listed changes disagree with', async () => {
    await refusedEverywhere((r) => {
      r.summary.excluded.releases = 2;
    }, 'summary.excluded.releases', 'is 2, but 0 of the changes listed are release commits');
  });

  it('a count of the syncs\' pull requests the listed syncs disagree with', async () => {
    await refusedEverywhere((r) => {
      r.summary.excluded.syncedPulls = 40;
    }, 'summary.excluded.syncedPulls', 'is 40, but the syncs listed brought in 0 pull requests');
  });

  it('a count of the syncs that brought pull requests the listed syncs disagree with', async () => {
    await refusedEverywhere((r) => {
      r.summary.excluded.carryingSyncs = 3;
    }, 'summary.excluded.carryingSyncs', 'is 3, but 0 of the syncs listed brought in pull requests');
  });

  it('a deploy count the listed deploys disagree with', async () => {
    await refusedEverywhere((r) => {
      r.summary.dora.deploymentFrequency.count += 5;
    }, 'summary.dora.deploymentFrequency.count', `is ${base.deploys.length + 5}, but ${base.deploys.length} deploys are listed`);
  });

  it('a product\'s own deploy of a change before the change\'s own, which is the earliest of any product\'s', async () => {
    const i = base.changes.findIndex((c: Json) => c.deployedAt !== null);
    await refusedEverywhere((r) => {
      r.changes[i].products = ['a'];
      r.changes[i].productDeploys = [{ product: 'a', ref: 'a@1.0.0', deployedAt: '2000-01-01T00:00:00Z', deployWait: 0, leadTime: 0 }];
    }, `changes[${i}].productDeploys[0].deployedAt`, `is 2000-01-01T00:00:00Z, before the change's own deploy (${base.changes[i].deployedAt}), the earliest of any product's`);
  });

  it('two reports each of a window flowaudit could write, 500 years apart: the aggregate refuses the one that stretches them', async () => {
    box = sandbox();
    const early = broken(() => undefined, 'early.json');
    const late = broken((r) => {
      r.repository.path = '/elsewhere';
      r.window = { since: '2526-03-01T00:00:00Z', until: '2526-04-01T00:00:00Z' };
      r.now = '2526-04-01T00:00:00Z';
    }, 'late.json');
    const o = await bounded(['aggregate', early, late, '--format', 'json']);
    expectError(o, 2, `'${late}' stretches the reports' windows to 2026-03-01 → 2526-04-01, longer than 200 years: aggregate reports of windows nearer each other`);
  });

  it('a schemaVersion nested two million deep, or a megabyte long: told by its kind, never written out (a stack overflow, exit 4, before)', async () => {
    box = sandbox();
    const deep = join(box.dir, 'deep.json');
    writeFileSync(deep, `{"schemaVersion": ${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`);
    const long = join(box.dir, 'long.json');
    writeFileSync(long, JSON.stringify({ schemaVersion: 'x'.repeat(1_000_000) }));
    const hint = 'use the flowaudit version that wrote it, or write the report again with this one';
    for (const args of [['aggregate', deep], ['check', '--report', deep, '--fail-on', 'changes>=0'], ['compare', deep, deep]]) {
      const o = await bounded(args);
      expectError(o, 2, `report '${deep}' has a schemaVersion that is a list; this flowaudit reads schemaVersion 1`);
      expect(o.stderr).toContain(hint);
    }
    const o = await bounded(['aggregate', long]);
    expectError(o, 2, `report '${long}' has a schemaVersion that is a string; this flowaudit reads schemaVersion 1`);
    expect(o.stderr.length).toBeLessThan(1000);
  });

  it('the report as flowaudit wrote it still reads everywhere', async () => {
    box = sandbox();
    const path = broken(() => undefined);
    expect((await bounded(['aggregate', path, '--format', 'json'])).code).toBe(0);
    expect((await bounded(['check', '--report', path, '--fail-on', 'changes>=0'])).code).toBe(0);
    expect((await bounded(['compare', path, path])).code).toBe(0);
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(1000);
  });
});
