import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A release train (cargo's: each release is cut on a branch of its own and tagged six weeks later, so what it ships
 * was merged on the tracked branch before the release before it was tagged):
 *  #1      lands on main 2025-08-20; rust-1.91 leaves main there
 *  #2, #3  land on main 2025-09-11 and 10-21; rust-1.92 leaves main at #3
 *  0.92.0  tags rust-1.91 2025-10-30, over a fix of its own (10-20): it ships #1
 *  0.93.0  tags rust-1.92 2025-12-11: it ships #2 and #3
 *  #4      lands on main 2025-12-12, still waiting
 * Read back only to the last release's tag (0.92.0, less a week), #2 and #3 are not in the history and 0.93.0 ships
 * nothing: the week to 2025-12-17 had no deploy. Read back to where rust-1.91 left main, it ships both.
 */
function train(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2025-08-01T00:00:00Z' },
    { branch: 'a' },
    { commit: 'Add the parser', on: 'a', at: '2025-08-19T10:00:00Z' },
    { merge: 'a', at: '2025-08-20T10:00:00Z', message: 'Merge pull request #1 from acme/a\n\nAdd the parser' },
    { branch: 'rust-1.91' },
    { branch: 'b' },
    { commit: 'Add the formatter', on: 'b', at: '2025-09-10T10:00:00Z' },
    { merge: 'b', at: '2025-09-11T10:00:00Z', message: 'Merge pull request #2 from acme/b\n\nAdd the formatter' },
    { branch: 'c' },
    { commit: 'Fix the release notes', on: 'rust-1.91', at: '2025-10-20T09:00:00Z' },
    { tag: '0.92.0', annotated: true, at: '2025-10-30T10:00:00Z' },
    { commit: 'Add the linter', on: 'c', at: '2025-10-20T10:00:00Z' },
    { merge: 'c', at: '2025-10-21T10:00:00Z', message: 'Merge pull request #3 from acme/c\n\nAdd the linter' },
    { branch: 'rust-1.92' },
    { tag: '0.93.0', ref: 'rust-1.92', annotated: true, at: '2025-12-11T10:00:00Z' },
    { branch: 'd' },
    { commit: 'Add the checker', on: 'd', at: '2025-12-11T12:00:00Z' },
    { merge: 'd', at: '2025-12-12T10:00:00Z', message: 'Merge pull request #4 from acme/d\n\nAdd the checker' },
  ]);
}

describe('a release train, whose releases ship what the branch merged before the release before them', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = train();
    report = await audit({ path: repo.dir, since: '2025-12-10', until: '2025-12-17', now: '2025-12-17T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('counts the window\'s release as a deploy of what the branch merged after the release before it left', () => {
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['0.93.0', 2]]);
    expect(report.summary.dora.deploymentFrequency.count).toBe(1);
  });

  it('counts it in the previous period of the week after, as a report of that week does', async () => {
    const after = await audit({ path: repo.dir, since: '2025-12-17', until: '2025-12-24', now: '2025-12-24T00:00:00Z', github: false });
    expect(after.summary.previous?.deploys).toBe(1);
  });
});
