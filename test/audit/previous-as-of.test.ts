import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * The window is March 2026 (30 days), the previous period 2026-01-30 → 03-01. Two things happen after the previous
 * period ends that a report of it, run then, could not know:
 *  #1  first commit 02-01, merged 02-02, shipped by v1.1.0 on 02-05 (lead time 4 days)
 *  #2  first commit 02-09, merged 02-10, shipped by v1.2.0 on 02-20; reverted on 03-02, within the 14-day revert
 *      window: v1.2.0 failed, but only from 03-02 on
 *  #3  first commit 02-24, merged 02-25, shipped by v1.3.0 on 03-03: at 03-01 it was still waiting (5 days so far)
 * Measured as of this window's end, the previous period read a change failure rate of 1 of 2 deploys and #3's 7 days
 * of lead time; a report of that period reads 0 of 2, and #3 waiting.
 */
function history(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
    { branch: 'one' },
    { commit: 'Add the parser', on: 'one', at: '2026-02-01T10:00:00Z' },
    { merge: 'one', at: '2026-02-02T10:00:00Z', message: 'Merge pull request #1 from acme/one\n\nAdd the parser' },
    { tag: 'v1.1.0', annotated: true, at: '2026-02-05T10:00:00Z' },
    { branch: 'two', from: 'main' },
    { commit: 'Add the cache', on: 'two', at: '2026-02-09T10:00:00Z' },
    { merge: 'two', at: '2026-02-10T10:00:00Z', message: 'Merge pull request #2 from acme/two\n\nAdd the cache', id: 'two' },
    { tag: 'v1.2.0', annotated: true, at: '2026-02-20T10:00:00Z' },
    { branch: 'three', from: 'main' },
    { commit: 'Add the formatter', on: 'three', at: '2026-02-24T10:00:00Z' },
    { merge: 'three', at: '2026-02-25T10:00:00Z', message: 'Merge pull request #3 from acme/three\n\nAdd the formatter' },
    { commit: (sha) => `Revert "Add the cache"\n\nThis reverts commit ${sha('two')}.`, at: '2026-03-02T10:00:00Z' },
    { tag: 'v1.3.0', annotated: true, at: '2026-03-03T10:00:00Z' },
  ]);
}

describe('the previous period, measured as of its own end', () => {
  let repo: FixtureRepo;
  let report: Report;
  let then: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-03-31', github: false });
    // a report of the previous period, run at its end
    then = await audit({ path: repo.dir, since: '2026-01-30', until: '2026-03-01', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  const before = (key: string): number | null | undefined => report.summary.previous?.rows.find((r) => r.key === key)?.before;

  it('fails no deploy by a revert landed after it ended', () => {
    expect(then.summary.dora.changeFailureRate.value).toBe(0);
    expect(before('dora.changeFailureRate')).toBe(0);
  });

  it('differs from that period measured as of this window\'s end, which knows of the revert and of #3\'s deploy', async () => {
    const late = await audit({ path: repo.dir, since: '2026-01-30', until: '2026-03-01', now: '2026-03-31T00:00:00Z', github: false });
    expect(late.deploys.find((d) => d.ref === 'v1.2.0')?.failed).toBe(true);
    expect(late.summary.dora.changeFailureRate.value).toBe(0.5);
    // #1 4 days, #3 7 days, #2 11 days
    expect(late.summary.dora.leadTime.value).toBe(7 * 86400);
  });

  it('counts a change deployed after it ended as still waiting then, as a report of it does', () => {
    expect(then.summary.unreleased.count).toBe(1);
    // lead time over #1 (4 days), #2 (11 days) and #3 waiting since 02-24 10:00 (4d 14h at 03-01): three changes,
    // fewer than the five the estimate needs at risk, so the median is not read off it (it would say 11 days, from
    // #2 alone at risk); it is at least 4d 14h, the median with #3 at its wait so far. #3 shipped on 03-03 with 7
    // days, the median above: a report run then says "≥ 4d 14h", not the 11 days #2 alone would have made it
    expect(then.summary.dora.leadTime.value).toBeNull();
    expect(then.summary.leadTime).toMatchObject({ p50: null, censored: 1, atLeast: (4 * 24 + 14) * 3600 });
    expect(before('dora.leadTime')).toBeNull();
    expect(before('stages.deploy.p50')).toBe(then.summary.stages.deploy.p50);
    expect(before('stages.deploy.p90')).toBe(then.summary.stages.deploy.p90);
    expect([report.summary.previous?.changes, report.summary.previous?.deploys]).toEqual([3, 2]);
  });
});
