import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const D = 86_400;
// a Gerrit change's trailers as golang/tools' commits end: each its own change, by its `Reviewed-on:` URL
const cl = (n: number): string => `Change-Id: I${String(n).padStart(40, '0')}\nReviewed-on: https://go-review.googlesource.com/c/tools/+/${n}`;

/*
 * golang/tools reverts a Gerrit change by its number, not its commit: 4f6016bba `gopls/internal/test/marker:
 * temporarily revert marker test shutdown` says `Temporarily revert CL 686075, as …`, b021ce41a `gopls/internal/
 * settings: revert to old goimports index` says `This is a partial revert of CL 678475.` Truth by construction
 * (June 2026, UTC; every change a trailer-linked commit, tags the deploys):
 *  shutdown (CL 101) 02 10:00, v0.1.0 (03 10:00); `Temporarily revert CL 101` 05 10:00: v0.1.0 failed, restored
 *    by v0.2.0 (06 10:00) 3 days after it
 *  index (CL 102) 08 10:00, v0.3.0 (09 10:00); a fix that names CL 102 and reverts nothing (`until a revert of
 *    CL 102 is decided`) 10 10:00; `settings: revert to old index`, `This is a partial revert of CL 102.` 11 10:00:
 *    v0.3.0 failed, restored by v0.4.0 (12 10:00)
 *  `This reverts CL 104, which itself was a partial revert of CL 102.` 13 10:00 (CL 104 the revert): a reland,
 *    neither it nor CL 102 reverted by it; a revert of CL 999, which no commit landed, reverts nothing; v0.5.0
 *    (15 10:00)
 */
function history(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-06-01T00:00:00Z' },
    { tag: 'v0.0.1', annotated: true, at: '2026-06-01T01:00:00Z' },
    { commit: `marker: close the connection when tests exit\n\nThe work.\n\n${cl(101)}`, at: '2026-06-02T10:00:00Z', id: 'shutdown' },
    { tag: 'v0.1.0', annotated: true, at: '2026-06-03T10:00:00Z' },
    { commit: `marker: temporarily revert marker test shutdown\n\nTemporarily revert CL 101, as the shutdown is racy.\n\n${cl(103)}`, at: '2026-06-05T10:00:00Z', id: 'unshutdown' },
    { tag: 'v0.2.0', annotated: true, at: '2026-06-06T10:00:00Z' },
    { commit: `settings: use the new index\n\nThe work.\n\n${cl(102)}`, at: '2026-06-08T10:00:00Z', id: 'index' },
    { tag: 'v0.3.0', annotated: true, at: '2026-06-09T10:00:00Z' },
    { commit: `settings: guard a nil index\n\nA nil dereference of CL 102 is guarded until a revert of CL 102 is decided (fixed in CL 102's follow-up).\n\n${cl(105)}`, at: '2026-06-10T10:00:00Z', id: 'guard' },
    { commit: `settings: revert to old index\n\nThere have been more nil dereferences.\n\nThis is a partial revert of CL 102.\n\n${cl(104)}`, at: '2026-06-11T10:00:00Z', id: 'unindex' },
    { tag: 'v0.4.0', annotated: true, at: '2026-06-12T10:00:00Z' },
    { commit: `settings: use the index again\n\nThis reverts CL 104, which itself was a partial revert of CL 102.\n\n${cl(106)}`, at: '2026-06-13T10:00:00Z', id: 'reland' },
    { commit: `marker: revert the flake fix\n\nThis reverts CL 999, landed elsewhere.\n\n${cl(107)}`, at: '2026-06-14T10:00:00Z', id: 'elsewhere' },
    { tag: 'v0.5.0', annotated: true, at: '2026-06-15T10:00:00Z' },
  ]);
}

describe('a revert that names its Gerrit change by number (golang/tools)', () => {
  let repo: FixtureRepo;
  let report: Report;
  const id = (name: string): string => repo.sha(name).slice(0, 10);
  const revertedBy = (name: string): string | null | undefined => report.changes.find((c) => c.sha === repo.sha(name))?.revertedBy;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-06-01', until: '2026-07-01', now: '2026-07-01T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('reverts the change whose Reviewed-on URL ends with that number', () => {
    expect(revertedBy('shutdown')).toBe(repo.sha('unshutdown'));
    expect(revertedBy('index')).toBe(repo.sha('unindex'));
    expect(report.summary.flow.reverted).toBe(2);
  });

  it('fails the deploys that shipped them, restored by the deploy of the revert', () => {
    expect(report.deploys.filter((d) => d.failed).map((d) => [d.ref, d.failureReasons, d.restoredAfter])).toEqual([
      ['v0.1.0', [`shipped ${id('shutdown')}, reverted by ${id('unshutdown')} within 14 days`], 3 * D],
      ['v0.3.0', [`shipped ${id('index')}, reverted by ${id('unindex')} within 14 days`], 3 * D],
    ]);
  });

  it('reads a mention that reverts nothing, a revert\'s account of what an earlier one reverted, and an unknown CL as no revert', () => {
    // the reland reverts the revert of CL 102: neither failed, and CL 102 stays reverted by the revert alone
    expect(revertedBy('unindex')).toBeNull();
    expect(report.changes.find((c) => c.sha === repo.sha('reland'))?.flags).not.toContain('repair:revert');
    expect(report.changes.find((c) => c.sha === repo.sha('elsewhere'))?.flags).not.toContain('repair:revert');
    expect(report.changes.find((c) => c.sha === repo.sha('guard'))?.flags).not.toContain('repair:revert');
    // nor a partial revert: the fix's words are no revert's
    expect(report.summary.flow.partiallyReverted).toBe(0);
  });
});
