import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from '../histories/pull-refs.js';

/*
 * A change's fork point is where its branch's own first-parent line left the tracked branch (docs/definitions.md,
 * T0), not where a branch merged into it did. bevy's #24148 merged its author's other branches, each cut from a
 * newer main, and #24077 a `main` a force-push later rewrote: each read that newer fork point as its own and was
 * flagged `rebased`, though its first commit came after its branch left main.
 *
 * Times UTC, 2026-03. main: 01 initial, 05 10:00 "main work", 10 10:00 "more main work".
 *  #10 (squash, pull ref): branch cut at 05 10:00, first commit 06 09:00; merges branch `helper`, cut from main at
 *      10 10:00 with one commit of 11 09:00; squashed 13 10:00. Fork point 05 10:00: not rebased.
 *  #20 (merge commit): the same shape, branch cut at 05 10:00, first commit 06 12:00, merges `helper2` (cut at 10
 *      10:00, commit 11 12:00), merged 13 12:00. Not rebased.
 *  #30 (squash, pull ref), the control: authored 02 09:00 and rebased onto main's 10 10:00: rebased.
 */
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { commit: 'main work', at: '2026-03-05T10:00:00Z' },
    { branch: 'p10' },
    { branch: 'p20' },
    { commit: 'ten, part one', on: 'p10', at: '2026-03-06T09:00:00Z' },
    { commit: 'twenty, part one', on: 'p20', at: '2026-03-06T12:00:00Z' },
    { commit: 'more main work', on: 'main', at: '2026-03-10T10:00:00Z' },
    { branch: 'helper' },
    { branch: 'helper2' },
    { branch: 'p30' },
    { commit: 'a helper', on: 'helper', at: '2026-03-11T09:00:00Z' },
    { commit: 'another helper', on: 'helper2', at: '2026-03-11T12:00:00Z' },
    { commit: 'thirty, part one', on: 'p30', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-12T09:00:00Z' },
    { merge: 'helper', into: 'p10', at: '2026-03-12T10:00:00Z', message: "Merge branch 'helper' into p10" },
    { merge: 'helper2', into: 'p20', at: '2026-03-12T12:00:00Z', message: "Merge branch 'helper2' into p20" },
    { commit: 'Add ten (#10)', on: 'main', at: '2026-03-13T10:00:00Z' },
    { merge: 'p20', at: '2026-03-13T12:00:00Z', message: 'Merge pull request #20 from acme/p20\n\nAdd twenty' },
    { commit: 'Add thirty (#30)', on: 'main', at: '2026-03-13T14:00:00Z' },
  ]);
  repo.git('branch', '-D', 'helper', 'helper2', 'p20');
  toPullRefs(repo, { 10: 'p10', 30: 'p30' });
  return repo;
}

describe('the fork point: where the branch\'s own first-parent line left the tracked branch', () => {
  const repo = history();
  afterAll(() => repo.cleanup());
  let report: Report | undefined;
  const find = async (id: string): Promise<ReportChange> => {
    report ??= await audit({ path: repo.dir, since: '2026-03-01T12:00:00Z', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false, env: {} });
    const found = report.changes.find((c) => c.id === id);
    if (!found) throw new Error(`no change ${id}`);
    return found;
  };

  it('does not take a merged branch\'s newer fork point for a squash\'s (read from its pull ref)', async () => {
    const ten = await find('#10');
    expect(ten).toMatchObject({ kind: 'squash', commits: 3, firstCommitAt: '2026-03-06T09:00:00Z' });
    expect(ten.flags).not.toContain('rebased');
  });

  it('nor for a merge commit\'s side', async () => {
    const twenty = await find('#20');
    expect(twenty).toMatchObject({ kind: 'merge', commits: 3, firstCommitAt: '2026-03-06T12:00:00Z' });
    expect(twenty.flags).not.toContain('rebased');
  });

  it('still flags a branch rebased onto a newer main', async () => {
    expect((await find('#30')).flags).toContain('rebased');
  });
});
