import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A fork that merges its upstream by pull request, and a release line of the upstream cut after the window (as
 * glitch-soc merges Mastodon, whose stable-4.6 and v4.6 tags came in June and reach what the fork merged from
 * January to April). August 2026, UTC:
 *  upstream leaves main at the initial commit: `upstream: fix the parser` 02 09:00, `upstream: add the formatter` 03 09:00
 *  #5   port, cut from main, merges upstream (04 09:00), adds `fork: keep our theme` (04 10:00) and lands 05 10:00
 *  stable-2.0 is cut from upstream's second commit on 12 09:00 with `prepare 2.0.0`, tagged v2.0.0 12 10:00
 * As of 10 August neither the line nor the tag existed: #5's work is upstream's two commits and the fork's own,
 * from 02 09:00. As of the 20th the line reaches upstream's, and they are a release line's (SPEC section 1), not
 * the pull request's: its work is the fork's one commit.
 */
function fork(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-08-01T00:00:00Z' },
    { branch: 'upstream' },
    { commit: 'upstream: fix the parser', on: 'upstream', at: '2026-08-02T09:00:00Z' },
    { commit: 'upstream: add the formatter', on: 'upstream', at: '2026-08-03T09:00:00Z', id: 'u2' },
    { branch: 'port', from: 'main' },
    { merge: 'upstream', into: 'port', at: '2026-08-04T09:00:00Z', message: "Merge branch 'upstream' into port" },
    { commit: 'fork: keep our theme', on: 'port', at: '2026-08-04T10:00:00Z' },
    { merge: 'port', at: '2026-08-05T10:00:00Z', message: 'Merge pull request #5 from acme/port\n\nMerge upstream changes' },
    { branch: 'stable-2.0', from: 'u2' },
    { commit: 'prepare 2.0.0', on: 'stable-2.0', at: '2026-08-12T09:00:00Z' },
    { tag: 'v2.0.0', annotated: true, at: '2026-08-12T10:00:00Z' },
  ]);
}

describe('the release lines as they stood at --now', () => {
  let repo: FixtureRepo;
  const reports: Record<'before' | 'after', Report | null> = { before: null, after: null };
  beforeAll(async () => {
    repo = fork();
    repo.git('branch', '-D', 'upstream', 'port');
    reports.before = await audit({ path: repo.dir, since: '2026-08-01', until: '2026-08-10', now: '2026-08-10T00:00:00Z', github: false });
    reports.after = await audit({ path: repo.dir, since: '2026-08-01', until: '2026-08-20', now: '2026-08-20T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const pull = (when: 'before' | 'after') => reports[when]?.changes.find((c) => c.number === 5);

  it('leaves out a line and a tag made after now: the fork\'s merge keeps its upstream work', () => {
    expect([pull('before')?.commits, pull('before')?.firstCommitAt]).toEqual([3, '2026-08-02T09:00:00Z']);
    expect(pull('before')?.stages.coding).toBe(2 * 86400 + 3600);
  });

  it('takes them once they exist: what a release line reaches is its own, not the pull request\'s', () => {
    expect([pull('after')?.commits, pull('after')?.firstCommitAt]).toEqual([1, '2026-08-04T10:00:00Z']);
  });
});
