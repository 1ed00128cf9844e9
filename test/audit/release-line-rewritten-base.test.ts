import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from '../histories/pull-refs.js';

/*
 * Two pull requests into a release line, both based on a state of the line that was rewritten before they were
 * squashed, as nuxt's Renovate pull requests into `4.x` of May 2026 were: the old line's copy of main's #5 is only in
 * their refs. 2026, UTC:
 *  v1.0.0          tags the initial commit 05-01; release-1.0.x leaves from there
 *  #5              main's squash `feat: rspack (#5)` 05-02 12:00
 *  the old line    a copy of #5 (its author date kept) 05-03; #10 and #11 branch from it, then it is gone
 *  the line        #10's squash 05-04 10:00, v1.0.1 05-04 11:00; #11's squash 05-05; its own copy of #5 05-06;
 *                  v1.0.2 05-07: the first release that holds #5
 */
let repo: FixtureRepo;
let report: Report;
beforeAll(async () => {
  repo = buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T01:00:00Z' },
    { branch: 'release-1.0.x' },
    { commit: 'feat: rspack (#5)', on: 'main', at: '2026-05-02T12:00:00Z', files: { 'rspack.txt': 'v2\n' } },
    { branch: 'oldline', from: 'release-1.0.x' },
    { commit: 'feat: rspack (#5)', on: 'oldline', authorAt: '2026-05-02T12:00:00Z', at: '2026-05-03T12:00:00Z', files: { 'rspack.txt': 'v2\n' } },
    { branch: 'bump10', from: 'oldline' },
    { commit: 'chore(deps): update x', on: 'bump10', at: '2026-05-04T08:00:00Z', files: { 'x.txt': '2\n' } },
    { branch: 'bump11', from: 'oldline' },
    { commit: 'chore(deps): update y', on: 'bump11', at: '2026-05-04T09:00:00Z', files: { 'y.txt': '2\n' } },
    { commit: 'chore(deps): update x (#10)', on: 'release-1.0.x', at: '2026-05-04T10:00:00Z', files: { 'x.txt': '2\n' } },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-04T11:00:00Z' },
    { commit: 'chore(deps): update y (#11)', on: 'release-1.0.x', at: '2026-05-05T10:00:00Z', files: { 'y.txt': '2\n' } },
    { commit: 'feat: rspack (#5)', on: 'release-1.0.x', authorAt: '2026-05-02T12:00:00Z', at: '2026-05-06T10:00:00Z', files: { 'rspack.txt': 'v2\n' } },
    { tag: 'v1.0.2', annotated: true, at: '2026-05-07T12:00:00Z' },
  ]);
  toPullRefs(repo, { 10: 'bump10', 11: 'bump11' });
  repo.git('branch', '-D', 'oldline');
  repo.git('checkout', '-q', 'main');
  report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-15', now: '2026-05-15T00:00:00Z', github: false });
});
afterAll(() => repo.cleanup());

describe('pull requests into a release line based on a rewritten state of it', () => {
  it('ship main\'s change with the first release that holds the line\'s own copy, not with the first squash of them', () => {
    const rspack = report.changes.find((c) => c.number === 5);
    expect([rspack?.deployRef, rspack?.deployedAt]).toEqual(['v1.0.2', '2026-05-07T12:00:00Z']);
  });
});
