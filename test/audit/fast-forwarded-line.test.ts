import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { syncedPullsNote } from '../../src/audit/notes.js';
import type { Change, Commit } from '../../src/domain.js';
import { trackedLine } from '../../src/model/tracked-line.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A line merged into main by a pull request at each release and then fast-forwarded to main, as analogjs/analog runs
 * `beta`: its pull requests are squashed onto beta, a fix is squashed there and landed on main at once, main is merged
 * back into beta, and the release is `Merge pull request #4 from acme/beta` into main with its release commit tagged.
 * Then beta is moved to main's tip, so beta's first-parent line is main's and beta's own landings are the merge's side.
 *  #2    squash on beta, 03-02 10:00, then landed again on main at 11:00 (same subject and author), tagged v1.0.1 at 12:00
 *  #3    squash on beta, 03-03 10:00
 *  back  `Merge branch 'main' into beta`, 03-04: brings main's copy of #2, nothing beta lacks
 *  pre   `chore: release 1.1.0-beta.1` on beta, 03-04 12:00, tagged v1.1.0-beta.1
 *  #4    `Merge pull request #4 from acme/beta` into main, 03-05 10:00; its refs/pull/4/head is beta's tip (`pre`)
 *  rel   `chore: release 1.1.0` on main, 03-05 10:05, tagged v1.1.0
 * Read before, #4 was a sync carrying #2 and #3, beta measured nothing of its own, and the report told the reader,
 * already on beta, to run with --branch beta.
 */
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-02-01T01:00:00Z' },
    { branch: 'beta' },
    { commit: 'Fix the parser (#2)', on: 'beta', at: '2026-03-02T10:00:00Z', authorAt: '2026-03-02T09:00:00Z' },
    { commit: 'Fix the parser (#2)', on: 'main', at: '2026-03-02T11:00:00Z', authorAt: '2026-03-02T09:00:00Z', id: 'pick' },
    { tag: 'v1.0.1', ref: 'pick', annotated: true, at: '2026-03-02T12:00:00Z' },
    { commit: 'Add the cache (#3)', on: 'beta', at: '2026-03-03T10:00:00Z', authorAt: '2026-03-03T08:00:00Z' },
    { merge: 'main', into: 'beta', at: '2026-03-04T10:00:00Z', message: "Merge branch 'main' into beta" },
    { commit: 'chore: release 1.1.0-beta.1', on: 'beta', at: '2026-03-04T12:00:00Z', id: 'pre' },
    { tag: 'v1.1.0-beta.1', ref: 'pre', annotated: true, at: '2026-03-04T12:01:00Z' },
    { merge: 'beta', into: 'main', at: '2026-03-05T10:00:00Z', message: 'Merge pull request #4 from acme/beta\n\nRelease 1.1.0' },
    { commit: 'chore: release 1.1.0', on: 'main', at: '2026-03-05T10:05:00Z', id: 'rel' },
    { tag: 'v1.1.0', ref: 'rel', annotated: true, at: '2026-03-05T10:06:00Z' },
  ]);
  repo.git('update-ref', 'refs/pull/4/head', repo.sha('pre'));
  repo.git('branch', '-f', 'beta', 'main');
  return repo;
}

const window = { branch: 'beta', since: '2026-03-01', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false, env: {} } as const;

describe('a line fast-forwarded to main after each release pull request from it (analog\'s beta)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/tool.git');
    report = await audit({ path: repo.dir, ...window });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('lands the pull requests of the merge\'s side on beta, each once, shipped by the first tag that holds it', () => {
    const pulls = report.changes.filter((c) => c.kind !== 'sync' && c.number !== null);
    expect(pulls.map((c) => [c.id, c.kind, c.mergedAt, c.deployedAt, c.counted])).toEqual([
      // the copy on main is the landing beta's line holds first: v1.0.1 shipped it
      ['#2', 'squash', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', true],
      ['#3', 'squash', '2026-03-03T10:00:00Z', '2026-03-05T10:06:00Z', true],
    ]);
  });

  it('reads the release pull request and the merge of main that brings nothing as syncs carrying no pull request', () => {
    expect(report.changes.filter((c) => c.kind === 'sync').map((c) => [c.title, c.counted])).toEqual([
      ["Merge branch 'main' into beta", false],
      ['Release 1.1.0', false],
    ]);
    expect(report.summary.excluded.syncedPulls).toBe(0);
    expect(report.summary.excluded.carryingSyncs).toBe(0);
  });

  it('does not read beta\'s tip, the release pull request\'s head, as a change landed as that pull request', () => {
    expect(report.changes.filter((c) => c.number === 4).map((c) => c.kind)).toEqual(['sync']);
  });

  it('says nothing of pull requests that landed on another line', () => {
    expect(report.notes.filter((n) => /reached \w+ through \d+ syncs? of/.test(n))).toEqual([]);
  });
});

describe('the same history where no remote says whose branch the pull request came from', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, ...window });
  }, 30_000);
  afterAll(() => repo.cleanup());

  it('lands none of the merge\'s side on beta: a fork\'s branch of that name would be another person\'s work', () => {
    // as before: a sync carrying the landings of its side, beta's #2 and #3; #2 is also a change of the line (its
    // copy on main), measured there, so the sync carries #3 alone
    expect(report.changes.filter((c) => c.number === 3)).toEqual([]);
    expect(report.changes.filter((c) => c.number === 4).map((c) => [c.kind, c.carriedPulls])).toEqual([['sync', 1]]);
    expect(report.summary.excluded.syncedPulls).toBe(1);
  });

  it('says where they landed without sending the reader to run with --branch beta, the branch the report is of', () => {
    const notes = report.notes.filter((n) => /reached \w+ through \d+ syncs? of/.test(n));
    expect(notes).toHaveLength(1);
    // two pull requests in the window, #2 and #3: #2 counted once though both lines landed it
    expect(notes[0]).toMatch(/^1 of the window's 2 pull requests reached beta through 1 sync of another line:/);
    expect(notes[0]).not.toContain('--branch');
  });
});

describe('the note on pull requests carried by syncs', () => {
  const sync = (branch: string | null, carriedPulls: number, mergedAt: string): Change =>
    ({ kind: 'sync', number: null, branch, carriedPulls, mergedAt }) as unknown as Change;

  it('does not name the tracked branch as the line they landed on, nor send the reader to run on it', () => {
    // a sync named for beta that still carries pull requests: a fork's beta, which trackedLine leaves a sync
    const note = syncedPullsNote([sync('beta', 5, '2026-03-05T10:00:00Z'), sync('origin/beta', 3, '2026-03-09T10:00:00Z')], 'beta');
    expect(note).toBe("8 of the window's 8 pull requests reached beta through 2 syncs of another line: a sync is left out of every figure, so their work is not measured here.");
  });

  it('still names another line and the run that measures them there', () => {
    const note = syncedPullsNote([sync('beta', 5, '2026-03-05T10:00:00Z')], 'main');
    expect(note).toContain('reached main through 1 sync of `beta`');
    expect(note).toContain('Run with --branch beta to measure them where they landed.');
  });

  it('names the lines of the syncs whose subjects name none by their sides, and sends the reader to the latest', () => {
    // apollo-client's year: two `Merge pull request #N from apollographql/release-X`, then `Release 4.1 (#12927)` and
    // `Release 4.2 (#13129)`, whose sides are release-4.1's and release-4.2's tips
    const syncs = [
      { ...sync('release-3.14', 11, '2025-09-01T10:00:00Z'), sha: 'a'.repeat(40) },
      { ...sync('release-4.0', 296, '2025-10-01T10:00:00Z'), sha: 'b'.repeat(40) },
      { ...sync(null, 48, '2026-02-01T10:00:00Z'), sha: 'c'.repeat(40) },
      { ...sync(null, 24, '2026-05-20T10:00:00Z'), sha: 'd'.repeat(40) },
    ] as Change[];
    const sides = new Map([['c'.repeat(40), 'release-4.1'], ['d'.repeat(40), 'release-4.2']]);
    expect(syncedPullsNote(syncs, 'main', sides)).toBe(
      "379 of the window's 379 pull requests reached main through 4 syncs of `release-3.14`, `release-4.0`, `release-4.1` and `release-4.2`: a sync is left out of every figure, so their work is not measured here. Run with --branch release-4.2, the line of the latest sync, to measure those that landed there.",
    );
    // without the sides, the latest sync that names its line is release-4.0's
    expect(syncedPullsNote(syncs, 'main')).toContain('Run with --branch release-4.0, the line of the latest sync');
  });

  it('sends the reader to the latest sync\'s side when its line is no longer a branch', () => {
    const syncs = [{ ...sync('3.0.x', 3, '2026-03-10T10:00:00Z'), sha: 'a'.repeat(40) }, { ...sync('stable', 2, '2026-03-20T10:00:00Z'), sha: 'b'.repeat(40) }] as Change[];
    expect(syncedPullsNote(syncs, 'main', new Map(), (name) => name !== 'stable')).toContain(' `stable` is no longer a branch of this clone: run with --branch bbbbbbbbbbbb^2, the side of the latest sync, to measure those that landed there.');
    expect(syncedPullsNote(syncs, 'main', new Map(), (name) => name !== '3.0.x')).toContain('Run with --branch stable, the line of the latest sync, to measure those that landed there.');
  });
});

describe('trackedLine: pull requests from the branch itself, and pulls whose side runs below the read', () => {
  const commit = (sha: string, parents: string[], subject: string): Commit => ({ sha, parents, subject, bodyFirstLine: '', mergeRequest: null }) as Commit;
  const map = (...list: Commit[]): Map<string, Commit> => new Map(list.map((c) => [c.sha, c]));
  // a ← M (#9 from <owner>/beta: s2 ← s1 ← a), beta's first-parent line being main's
  const fromBeta = (owner: string): Map<string, Commit> =>
    map(commit('a', [], 'initial'), commit('s1', ['a'], 'Fix it (#7)'), commit('s2', ['s1'], 'Polish'), commit('M', ['a', 's2'], `Merge pull request #9 from ${owner}/beta`));

  it('lands the side of a pull request from the repository\'s own branch before it', () => {
    const tracked = trackedLine('M', fromBeta('acme'), 'beta', 'acme');
    expect([tracked.line.map((c) => c.sha), tracked.pulled, [...tracked.pulling], [...tracked.pullsFromItself]]).toEqual([['a', 's1', 's2', 'M'], ['s1', 's2'], ['M'], [9]]);
  });

  it('lands none for a fork\'s branch of that name, nor where no remote names the owner', () => {
    for (const owner of ['acme', null]) {
      const tracked = trackedLine('M', fromBeta('ada'), 'beta', owner);
      expect([tracked.line.map((c) => c.sha), tracked.pulled, tracked.pullsFromItself.size]).toEqual([['a', 'M'], [], 0]);
    }
  });

  it('lands a pull\'s side that runs below the read when pull requests landed on it, and not otherwise', () => {
    // the side's line goes down to `old`, a commit the history read stops before (not a root of its own)
    const pulled = (subject: string): Map<string, Commit> =>
      map(commit('a', ['old'], 'first read'), commit('s1', ['older'], subject), commit('M', ['a', 's1'], "Merge branch 'beta'"));
    expect(trackedLine('M', pulled('Fix it (#7)'), 'beta').line.map((c) => c.sha)).toEqual(['a', 's1', 'M']);
    expect(trackedLine('M', pulled('Vendor the fonts'), 'beta').line.map((c) => c.sha)).toEqual(['a', 'M']);
  });
});
