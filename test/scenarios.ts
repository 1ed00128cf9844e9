import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { audit } from '../src/audit/index.js';
import type { Report } from '../src/report/schema.js';
import { buildRepo, lines, type FixtureRepo } from './helpers/git-fixture.js';

/**
 * The main git scenario. Every figure below is known by construction (times UTC, 2026-03):
 *  #1  merge, commits 02 10:00 and 02 14:00, merged 03 10:00 → coding 4h, review 20h; v1.0.0 04 10:00 → deploy 1d
 *  #2  squash, author = committer 05 12:00, no PR ref → coding/review unknown; v1.1.0 07 12:00 → deploy 2d
 *  typo  direct, authored 06 09:00, committed 06 09:30 → coding 30m, no review; v1.1.0 → deploy 1d 2h 30m; reverted
 *  #3  merge with a sync merge of main, commits 05 08:00 and 06 12:00, merged 07 12:00 → coding 28h, review 1d; deploy 0
 *  revert  direct 08 09:00, reverts typo; v1.2.0 09 09:00 → deploy 1d
 *  #5  dependabot squash 09 10:00 (bot: left out)
 *  v1.2.1 (10 00:00) points back at v1.1.0's commit: a rollback, so v1.2.0 failed
 */
/** The window the command-line tests audit the main scenario over, as flags: its March, `now` at its end. */
export const MAIN_WINDOW = ['--since', '2026-03-01T12:00:00Z', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];

/**
 * The main scenario's repository and a scratch folder (named from `prefix`), made before a test file's tests and
 * removed after them: called at the top of the file.
 */
export function withMainScenario(prefix: string): { readonly repo: FixtureRepo; readonly dir: string } {
  let repo: FixtureRepo | undefined;
  let dir: string | undefined;
  beforeAll(() => {
    repo = mainScenario();
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    repo?.cleanup();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get repo() {
      return repo as FixtureRepo;
    },
    get dir() {
      return dir as string;
    },
  };
}

export function mainScenario(options: { bare?: boolean } = {}): FixtureRepo {
  return buildRepo(
    [
      { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
      { branch: 'f1' },
      { branch: 'f3' },
      { commit: 'feature one, part a\n\nCo-authored-by: Claude <noreply@anthropic.com>', on: 'f1', at: '2026-03-02T10:00:00Z', files: { 'src/a.ts': lines(10) } },
      { commit: 'feature one, part b', on: 'f1', at: '2026-03-02T14:00:00Z', files: { 'src/b.ts': lines(5), 'package-lock.json': lines(500) } },
      { merge: 'f1', at: '2026-03-03T10:00:00Z', message: 'Merge pull request #1 from ada/f1\n\nAdd feature one', id: 'pr1' },
      { tag: 'v1.0.0', annotated: true, at: '2026-03-04T10:00:00Z' },
      { commit: 'Add feature two (#2)', on: 'main', at: '2026-03-05T12:00:00Z', files: { 'src/two.ts': lines(7) } },
      { commit: 'feature three, x', on: 'f3', at: '2026-03-05T08:00:00Z' },
      { commit: 'fix typo', on: 'main', authorAt: '2026-03-06T09:00:00Z', at: '2026-03-06T09:30:00Z', id: 'typo' },
      { merge: 'main', into: 'f3', at: '2026-03-06T10:00:00Z', message: "Merge branch 'main' into f3" },
      { commit: 'feature three, y', on: 'f3', at: '2026-03-06T12:00:00Z' },
      { merge: 'f3', at: '2026-03-07T12:00:00Z', message: 'Merge pull request #3 from ada/f3\n\nAdd feature three', id: 'pr3' },
      { tag: 'v1.1.0' },
      { commit: (sha) => `Revert "fix typo"\n\nThis reverts commit ${sha('typo')}.`, on: 'main', at: '2026-03-08T09:00:00Z', id: 'revert' },
      { tag: 'v1.2.0', annotated: true, at: '2026-03-09T09:00:00Z' },
      { commit: 'Bump left-pad from 1.0.0 to 1.1.0 (#5)', author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>', at: '2026-03-09T10:00:00Z' },
      { tag: 'v1.2.1', ref: 'pr3', annotated: true, at: '2026-03-10T00:00:00Z' },
    ],
    options,
  );
}

/*
 * Two windows of the main scenario, split on 2026-03-06, and the whole of it (now 2026-04-01):
 *  early: initial commit (lead 3d 10h to v1.0.0), #1 (4h + 20h + 1d = 2d), #2 (no first commit: no lead time);
 *         v1.0.0 only, not failed
 *  late:  typo (30m + 1d 2h 30m = 1d 3h), #3 (28h + 1d + 0 = 2d 4h), revert (1d); the bot's #5 left out;
 *         v1.1.0 failed (restored 1d 21h later), v1.2.0 failed (rolled back 15h later), v1.2.1 the rollback
 * The caller cleans up `repo`.
 */
export async function auditMainWindows(): Promise<{ repo: FixtureRepo; early: Report; late: Report; whole: Report }> {
  const repo = mainScenario();
  const run = (since: string, until: string): Promise<Report> => audit({ path: repo.dir, since, until, now: '2026-04-01T00:00:00Z' });
  const [early, late, whole] = await Promise.all([run('2026-03-01', '2026-03-06'), run('2026-03-06', '2026-04-01'), run('2026-03-01', '2026-04-01')]);
  return { repo, early, late, whole };
}
