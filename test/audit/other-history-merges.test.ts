import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * git.git merges gitk, a project of its own, from its maintainer's repository: `Merge branch 'master' of
 * https://github.com/j6t/gitk`, a branch named as git's own (here `main`, the fixture's; April 2026, UTC).
 *  02 10:00  the first merge brings gitk's history from its root (`gitk: initial`, 01 09:00; `gitk: menus`, 01 10:00)
 *  03 09:00  `Add the parser` pushed to master
 *  gitk's own repository: `gitk: fix scrolling` (04 09:00) and `gitk: dark theme` (05 09:00) by Bea
 *  06 10:00  the second merge brings those two: a change of two commits from 04 09:00, not a sync, and not two
 *            direct pushes landed at their own times, which git.git's master never held then
 */
/** Runs git in the fixture with both dates pinned to `at`, as `who` (author and committer). */
function gitAt(repo: FixtureRepo, at: string, who: [string, string], ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at, GIT_AUTHOR_NAME: who[0], GIT_AUTHOR_EMAIL: who[1], GIT_COMMITTER_NAME: who[0], GIT_COMMITTER_EMAIL: who[1] },
  }).trim();
}

function history(): FixtureRepo {
  const repo = buildRepo([{ commit: 'initial commit', at: '2026-03-20T00:00:00Z' }]);
  const bea: [string, string] = ['Bea', 'bea@example.com'];
  const ada: [string, string] = ['Ada Lovelace', 'ada@example.com'];
  // gitk's own history, from a root of its own
  gitAt(repo, '2026-04-01T09:00:00Z', bea, 'checkout', '-q', '--orphan', 'gitk');
  gitAt(repo, '2026-04-01T09:00:00Z', bea, 'rm', '-rfq', '.');
  gitAt(repo, '2026-04-01T09:00:00Z', bea, 'commit', '-q', '--allow-empty', '-m', 'gitk: initial');
  gitAt(repo, '2026-04-01T10:00:00Z', bea, 'commit', '-q', '--allow-empty', '-m', 'gitk: menus');
  gitAt(repo, '2026-04-02T10:00:00Z', ada, 'checkout', '-q', 'main');
  gitAt(repo, '2026-04-02T10:00:00Z', ada, 'merge', '-q', '--no-ff', '--allow-unrelated-histories', '-m', "Merge branch 'main' of https://github.com/j6t/gitk", 'gitk');
  const first = gitAt(repo, '2026-04-02T10:00:00Z', ada, 'rev-parse', 'HEAD');
  gitAt(repo, '2026-04-03T09:00:00Z', ada, 'commit', '-q', '--allow-empty', '-m', 'Add the parser');
  const parser = gitAt(repo, '2026-04-03T09:00:00Z', ada, 'rev-parse', 'HEAD');
  gitAt(repo, '2026-04-04T09:00:00Z', bea, 'checkout', '-q', 'gitk');
  gitAt(repo, '2026-04-04T09:00:00Z', bea, 'commit', '-q', '--allow-empty', '-m', 'gitk: fix scrolling');
  gitAt(repo, '2026-04-05T09:00:00Z', bea, 'commit', '-q', '--allow-empty', '-m', 'gitk: dark theme');
  gitAt(repo, '2026-04-06T10:00:00Z', ada, 'checkout', '-q', 'main');
  gitAt(repo, '2026-04-06T10:00:00Z', ada, 'merge', '-q', '--no-ff', '-m', "Merge branch 'main' of https://github.com/j6t/gitk", 'gitk');
  const second = gitAt(repo, '2026-04-06T10:00:00Z', ada, 'rev-parse', 'HEAD');
  gitAt(repo, '2026-04-06T10:00:00Z', ada, 'branch', '-D', 'gitk');
  shas.set('first', first).set('parser', parser).set('second', second);
  return repo;
}

const shas = new Map<string, string>();

describe('a branch of another history merged under the tracked branch\'s name (git.git\'s gitk)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-04-01', until: '2026-04-07', now: '2026-04-07T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('reads each merge as a change bringing that history\'s new commits, and none of them as a push', () => {
    expect(report.changes.map((c) => [c.sha, c.kind, c.commits, c.firstCommitAt])).toEqual([
      [shas.get('first'), 'merge', 1, '2026-04-02T10:00:00Z'],
      [shas.get('parser'), 'direct', 1, '2026-04-03T09:00:00Z'],
      [shas.get('second'), 'merge', 2, '2026-04-04T09:00:00Z'],
    ]);
    expect(report.changes.find((c) => c.sha === shas.get('first'))?.flags).toContain('imported');
  });
});
