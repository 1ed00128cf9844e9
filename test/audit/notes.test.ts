import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { emptyReleasesNote, integrationLineOf, sideLineOf, sourceNotes } from '../../src/audit/notes.js';
import type { Deploy } from '../../src/domain.js';
import { buildRepo, type FixtureRepo, type Step } from '../helpers/git-fixture.js';
import { leftOutText } from '../../src/render/format.js';
import type { Report } from '../../src/report/schema.js';

describe('what the sources could not show', () => {
  it('warns from git alone that the last weeks\' queues miss the changes still open', () => {
    const notes = sourceNotes('tags', false, [], true, null);
    expect(notes).toContain("Git alone sees a change only once it merges: the coding and review queues of the last weeks leave out the changes still open, so they read low at the window's end. A GitHub token adds the open pull requests.");
  });

  it('says nothing of it in GitHub mode, where open pull requests are in the queues', () => {
    expect(sourceNotes('tags', true, [], true, 'github')).toEqual([]);
  });
});

describe('changes reviewed on Gerrit', () => {
  const repos: FixtureRepo[] = [];
  afterAll(() => repos.forEach((r) => r.cleanup()));
  const WINDOW = { since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;
  // golang/tools' trailers: six changes of March, `reviewed` of them by a Gerrit address, the rest by `other`
  const notesOf = async (reviewed: number, other: (i: number) => string): Promise<string[]> => {
    const steps: Step[] = Array.from({ length: 6 }, (_, i) => ({
      commit: `gopls: change ${i}\n\nThe work.\n\n${i < reviewed ? `Change-Id: I${String(i).repeat(40).slice(0, 40)}\nReviewed-on: https://go-review.googlesource.com/c/tools/+/77302${i}` : other(i)}`,
      at: `2026-03-${String(i + 2).padStart(2, '0')}T12:00:00Z`,
    }));
    const repo = buildRepo([{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }, ...steps]);
    repos.push(repo);
    return (await audit({ path: repo.dir, ...WINDOW })).notes;
  };

  it('says the reviews are on Gerrit, and sends no one to GitHub for them, when most changes were reviewed there', async () => {
    const notes = await notesOf(4, (i) => `PR-URL: https://github.com/golang/tools/pull/${i}`);
    expect(notes[0]).toBe('4 of the window\'s 6 changes were reviewed on Gerrit (their Reviewed-on trailers), which flowaudit does not read: pickup and merge wait are unknown, and "review" is the whole wait from the last commit to the merge.');
    expect(notes.filter((n) => /GitHub token|GH_TOKEN/.test(n))).toEqual([]);
  });

  it('keeps the GitHub token\'s notes when half or fewer were', async () => {
    const notes = await notesOf(3, (i) => `PR-URL: https://github.com/golang/tools/pull/${i}`);
    expect(notes.filter((n) => /Gerrit/.test(n))).toEqual([]);
    expect(notes.filter((n) => /GitHub token/.test(n))).toHaveLength(2);
  });
});

describe('a project on GitLab', () => {
  const repos: FixtureRepo[] = [];
  afterAll(() => repos.forEach((r) => r.cleanup()));
  const WINDOW = { since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;
  // GNOME's way: two merge requests merged by GitLab, and `squashes` more commits whose subjects end in a GitHub pull
  // request's `(#N)`; then nine translations Bea wrote that Ada's identity committed (GNOME's Translation Robot)
  const notesOf = async (squashes: number): Promise<string[]> => {
    const steps: Step[] = [{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }];
    for (const n of [1, 2]) {
      steps.push({ branch: `topic-${n}` }, { commit: `work ${n}`, on: `topic-${n}`, at: `2026-03-0${n}T10:00:00Z` });
      steps.push({ merge: `topic-${n}`, at: `2026-03-0${n}T12:00:00Z`, message: `Merge branch 'topic-${n}' into 'main'\n\nTopic ${n}\n\nSee merge request gnome/editor!${n}` });
    }
    for (let i = 0; i < squashes; i++) steps.push({ commit: `Squashed ${i} (#${i + 10})`, at: `2026-03-1${i}T12:00:00Z` });
    for (let i = 0; i < 9; i++) steps.push({ commit: `Update translation ${i}`, author: 'Bea <bea@example.com>', at: `2026-03-2${i}T12:00:00Z` });
    const repo = buildRepo(steps);
    repos.push(repo);
    return (await audit({ path: repo.dir, ...WINDOW })).notes;
  };

  it('says its merge requests are on GitLab, and sends no one to GitHub for them', async () => {
    const notes = await notesOf(0);
    expect(notes[0]).toBe('This project\'s merge requests are on GitLab (its commits name them: `See merge request`, `Part-of:`), which flowaudit does not read: pickup and merge wait are unknown, and "review" is the whole wait from the last commit to the merge.');
    expect(notes.find((n) => /merge tool/.test(n))).toBe("9 of the window's 11 changes carry no pull request number, and 9 of them were committed by one identity for other authors, as a merge tool does: git alone cannot tell such squashes from direct pushes.");
    expect(notes.filter((n) => /GitHub token|GH_TOKEN/.test(n))).toEqual([]);
  });

  it('keeps the GitHub token\'s notes when as many changes name a GitHub pull request', async () => {
    const notes = await notesOf(2);
    expect(notes.filter((n) => /GitLab/.test(n))).toEqual([]);
    // the two of git alone, and the merge tool's
    expect(notes.filter((n) => /GitHub token/.test(n))).toHaveLength(3);
    expect(notes.find((n) => /merge tool/.test(n))).toMatch(/With a GitHub token \(GH_TOKEN\), flowaudit reads their pull requests\.$/);
  });
});

describe('the line a sync brought in, from the branches that hold its side', () => {
  it('is the one of GitFlow\'s names among them, a branch cut from it later aside, locally or on a remote', () => {
    expect(integrationLineOf(['refs/heads/main', 'refs/heads/development', 'refs/heads/feature-x'], 'main')).toBe('development');
    expect(integrationLineOf(['refs/remotes/origin/HEAD', 'refs/remotes/origin/develop', 'refs/remotes/origin/fix/etag', 'refs/heads/develop'], 'master')).toBe('develop');
  });

  it('is the only branch there is besides the tracked one, else none: two topic branches do not say which', () => {
    expect(integrationLineOf(['refs/heads/main', 'refs/remotes/origin/main', 'refs/remotes/origin/v2'], 'main')).toBe('v2');
    expect(integrationLineOf(['refs/heads/main', 'refs/heads/feature-x', 'refs/heads/feature-y'], 'main')).toBeNull();
    expect(integrationLineOf(['refs/heads/main'], 'main')).toBeNull();
  });

  it('is the branch whose tip the side is, where branches cut from it later hold it too (apollo-client\'s release-4.2)', () => {
    const holding = ['refs/heads/release-4.2', 'refs/heads/jerel/catch-directive', 'refs/heads/jerel/literal-vars'];
    expect(sideLineOf(['refs/heads/release-4.2', 'refs/remotes/origin/release-4.2'], holding, 'main')).toBe('release-4.2');
    // no tip there: the holders say, as before
    expect(sideLineOf([], holding, 'main')).toBeNull();
    expect(sideLineOf([], ['refs/heads/main', 'refs/heads/develop', 'refs/heads/fix-x'], 'main')).toBe('develop');
    // two lines at one commit do not say which
    expect(sideLineOf(['refs/heads/release-4.2', 'refs/heads/release-4.3'], ['refs/heads/develop'], 'main')).toBe('develop');
  });
});

describe('pull requests that reached the branch through syncs', () => {
  const repos: FixtureRepo[] = [];
  afterAll(() => repos.forEach((r) => r.cleanup()));
  const WINDOW = { since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;

  /*
   * react-router's flow until June 2026: pull requests merged into `release`, and `release` merged into main.
   * `onRelease` of them on release, `onMain` on main, in March; `Merge branch 'release'` on 03-20.
   */
  const reportOf = async (onRelease: number, onMain: number, deleted: string[] = []): Promise<Report> => {
    const steps: Step[] = [{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }, { branch: 'release' }];
    for (let i = 0; i < onRelease; i++) {
      steps.push({ branch: `fix-${i}`, from: 'release' }, { commit: `Fix ${i}`, on: `fix-${i}`, at: `2026-03-0${i + 2}T10:00:00Z` });
      steps.push({ merge: `fix-${i}`, into: 'release', at: `2026-03-0${i + 2}T12:00:00Z`, message: `Merge pull request #${i + 1} from ada/fix-${i}\n\nFix ${i}` });
    }
    // released from the line, as react-router@7.15.0 was: the merge brings tagged commits, a sync
    steps.push({ tag: 'v1.0.0', ref: 'release', at: '2026-03-15T10:00:00Z', annotated: true });
    for (let i = 0; i < onMain; i++) steps.push({ commit: `Docs ${i} (#${i + 50})`, on: 'main', at: `2026-03-1${i}T10:00:00Z` });
    steps.push({ merge: 'release', into: 'main', at: '2026-03-20T10:00:00Z', message: "Merge branch 'release'" });
    const repo = buildRepo(steps);
    repos.push(repo);
    for (const branch of deleted) repo.git('branch', '-D', branch);
    return audit({ path: repo.dir, ...WINDOW });
  };
  const notesOf = async (onRelease: number, onMain: number): Promise<string[]> => (await reportOf(onRelease, onMain)).notes;

  it('says how many a sync held, and where they landed, when they are a quarter or more of the window\'s', async () => {
    const notes = await notesOf(3, 2);
    expect(notes.filter((n) => / through \d+ syncs? of /.test(n))).toEqual([
      "3 of the window's 5 pull requests reached main through 1 sync of `release`: a sync is left out of every figure, so their work is not measured here. Run with --branch release to measure them where they landed.",
    ]);
  });

  it('sends the reader to no branch the clone no longer has (react-router deleted `release` once merged)', async () => {
    const { notes, changes } = await reportOf(3, 2, ['release', 'fix-0', 'fix-1', 'fix-2']);
    const sync = changes.find((c) => c.kind === 'sync')?.sha.slice(0, 12) ?? 'none';
    expect(notes.filter((n) => / through \d+ syncs? of /.test(n))).toEqual([
      `3 of the window's 5 pull requests reached main through 1 sync of \`release\`: a sync is left out of every figure, so their work is not measured here. \`release\` is no longer a branch of this clone: run with --branch ${sync}^2, the side of the latest sync, to measure them where they landed.`,
    ]);
  });

  /*
   * flask's flow: its maintenance line `3.0.x` renamed `stable` in 2024. 3 pull requests land on `3.0.x` (synced
   * 03-10), then 2 on `stable` (synced 03-20), 1 on main: the line still taking them is the latest sync's, though
   * the older one carried more.
   */
  it('names every line, and the latest sync\'s to run with, when the pull requests landed on several', async () => {
    const steps: Step[] = [{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }, { branch: '3.0.x' }];
    const pull = (n: number, line: string, day: string): void => {
      steps.push({ branch: `fix-${n}`, from: line }, { commit: `Fix ${n}`, on: `fix-${n}`, at: `2026-03-${day}T10:00:00Z` });
      steps.push({ merge: `fix-${n}`, into: line, at: `2026-03-${day}T12:00:00Z`, message: `Merge pull request #${n} from ada/fix-${n}\n\nFix ${n}` });
    };
    [1, 2, 3].forEach((n) => pull(n, '3.0.x', `0${n + 1}`));
    steps.push({ tag: 'v1.0.1', ref: '3.0.x', at: '2026-03-08T10:00:00Z', annotated: true });
    steps.push({ merge: '3.0.x', into: 'main', at: '2026-03-10T10:00:00Z', message: "Merge branch '3.0.x'" });
    steps.push({ branch: 'stable', from: '3.0.x' });
    [4, 5].forEach((n) => pull(n, 'stable', `1${n}`));
    steps.push({ tag: 'v1.0.2', ref: 'stable', at: '2026-03-18T10:00:00Z', annotated: true });
    steps.push({ commit: 'Docs (#50)', on: 'main', at: '2026-03-19T10:00:00Z' });
    steps.push({ merge: 'stable', into: 'main', at: '2026-03-20T10:00:00Z', message: "Merge branch 'stable'" });
    const repo = buildRepo(steps);
    repos.push(repo);
    const { notes } = await audit({ path: repo.dir, ...WINDOW });
    expect(notes.filter((n) => / through \d+ syncs? of /.test(n))).toEqual([
      "5 of the window's 6 pull requests reached main through 2 syncs of `3.0.x` and `stable`: a sync is left out of every figure, so their work is not measured here. Run with --branch stable, the line of the latest sync, to measure those that landed there.",
    ]);
  });

  /*
   * getsentry/sentry-javascript's releases: pull requests squashed onto `develop`; for each release a branch
   * `prepare-release/<version>` is cut from it with the changelog and merged into main by a pull request, the release
   * tagged there, and main merged back into develop. #1 and #2 are released by #3 (1.0.0), #4-#6 by #7 (1.1.0), #8
   * lands on main. The release branch named in #7's subject holds one commit of its own.
   */
  it('names the line the pull requests landed on, not the branch cut from it for one release', async () => {
    const steps: Step[] = [{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }, { branch: 'develop' }];
    const release = (version: string, n: number, day: number): void => {
      steps.push({ branch: `prepare-release/${version}`, from: 'develop' }, { commit: `meta: Update changelog for ${version}`, on: `prepare-release/${version}`, at: `2026-03-${day}T10:00:00Z` });
      steps.push({ merge: `prepare-release/${version}`, into: 'main', at: `2026-03-${day}T12:00:00Z`, message: `Merge pull request #${n} from acme/prepare-release/${version}\n\nrelease: ${version}` });
      steps.push({ tag: version, ref: 'main', at: `2026-03-${day}T13:00:00Z`, annotated: true });
    };
    [1, 2].forEach((n) => steps.push({ commit: `Fix ${n} (#${n})`, on: 'develop', at: `2026-03-0${n + 1}T10:00:00Z` }));
    release('1.0.0', 3, 10);
    [4, 5, 6].forEach((n) => steps.push({ commit: `Fix ${n} (#${n})`, on: 'develop', at: `2026-03-1${n}T10:00:00Z` }));
    release('1.1.0', 7, 20);
    steps.push({ commit: 'Fix a typo (#8)', on: 'main', at: '2026-03-21T10:00:00Z' }, { merge: 'main', into: 'develop', at: '2026-03-22T10:00:00Z', message: "Merge branch 'main' into develop" });
    const repo = buildRepo(steps);
    repos.push(repo);
    const report = await audit({ path: repo.dir, ...WINDOW });
    expect(report.changes.filter((c) => c.kind === 'sync').map((c) => [c.id, c.carriedPulls])).toEqual([['#7', 3]]);
    expect(report.notes.filter((n) => / through \d+ syncs? of /.test(n))).toEqual([
      "3 of the window's 5 pull requests reached main through 1 sync of `develop`: a sync is left out of every figure, so their work is not measured here. Run with --branch develop to measure them where they landed.",
    ]);
  });

  /*
   * pi-hole's GitFlow: pull requests merged into `development`, and `development` into main at each release by a pull
   * request whose title names no branch (`Pi-hole Core v6.2 (#6411)`), the release tagged on main's merge. #1 and #2
   * land on development, released by #3 (03-05, v1.0.0); #4-#6 land on it, released by #7 (03-20, v1.1.0); #8 lands
   * on main. A feature branch cut from development after the release holds its side too.
   */
  const gitflow = async (): Promise<{ report: Report; notes: string[]; kinds: Record<string, string> }> => {
    const steps: Step[] = [{ commit: 'initial commit', at: '2026-02-01T00:00:00Z' }, { branch: 'development' }];
    const pull = (n: number, day: string): void => {
      steps.push({ branch: `fix-${n}`, from: 'development' }, { commit: `Fix ${n}`, on: `fix-${n}`, at: `2026-03-${day}T10:00:00Z` });
      steps.push({ merge: `fix-${n}`, into: 'development', at: `2026-03-${day}T12:00:00Z`, message: `Merge pull request #${n} from ada/fix-${n}\n\nFix ${n}` });
    };
    pull(1, '02');
    pull(2, '03');
    steps.push({ merge: 'development', into: 'main', at: '2026-03-05T10:00:00Z', message: 'Release 1.0 (#3)' }, { tag: 'v1.0.0', ref: 'main', at: '2026-03-05T11:00:00Z', annotated: true });
    pull(4, '10');
    pull(5, '11');
    pull(6, '12');
    steps.push({ merge: 'development', into: 'main', at: '2026-03-20T10:00:00Z', message: 'Release 1.1 (#7)' }, { tag: 'v1.1.0', ref: 'main', at: '2026-03-20T11:00:00Z', annotated: true });
    steps.push({ commit: 'Fix a typo (#8)', on: 'main', at: '2026-03-21T10:00:00Z' }, { branch: 'feature-x', from: 'development' });
    const repo = buildRepo(steps);
    repos.push(repo);
    const report = await audit({ path: repo.dir, ...WINDOW });
    return { report, notes: report.notes, kinds: Object.fromEntries(report.changes.map((c) => [c.id, c.kind])) };
  };

  it('reads a line merged again (GitFlow\'s development) as a sync, and names it from the branches', async () => {
    const { report, notes, kinds } = await gitflow();
    // the line's first merge forked from main's own line: a change, as any branch merged once; its second is a sync
    expect(kinds).toMatchObject({ '#3': 'merge', '#7': 'sync', '#8': 'squash' });
    expect(notes.filter((n) => / through \d+ syncs? of /.test(n))).toEqual([
      "3 of the window's 5 pull requests reached main through 1 sync of `development`: a sync is left out of every figure, so their work is not measured here. Run with --branch development to measure them where they landed.",
    ]);
    // and where the count of changes is read: #7 carried #4, #5 and #6 (#1 and #2 came with #3, a change)
    expect(report.changes.find((c) => c.id === '#7')?.carriedPulls).toBe(3);
    expect(report.summary.excluded.syncedPulls).toBe(3);
    expect(report.summary.excluded.carryingSyncs).toBe(1);
    expect(leftOutText(report.summary.excluded)).toBe('1 sync carrying 3 pull requests from another line');
    // v1.1.0, tagged on #7, shipped only the sync: no deploy, and said, since the header counts 1 of the 2 tags
    expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.0']);
    expect(report.summary.dora.deploymentFrequency.count).toBe(1);
    expect(notes.filter((n) => /shipped none/.test(n))).toEqual([
      "1 of the window's 2 final release tags (`v1.1.0`) shipped none of main's changes that an earlier one had not: it is no deploy of main, and deployment frequency counts the other 1.",
    ]);
  });

  it('says which syncs brought the pull requests in, where not all of them did', () => {
    // flask's year: 21 syncs, 11 of them bringing its 21 pull requests from `stable` (the note says "through 11 syncs")
    expect(leftOutText({ bots: 0, syncs: 21, releases: 0, syncedPulls: 21, carryingSyncs: 11 })).toBe('21 syncs, 11 of them carrying 21 pull requests from another line');
    expect(leftOutText({ bots: 2, syncs: 3, releases: 1, syncedPulls: 5, carryingSyncs: 3 })).toBe('2 by bots, 3 syncs carrying 5 pull requests from another line, 1 release commit');
    expect(leftOutText({ bots: 0, syncs: 4, releases: 0, syncedPulls: 0, carryingSyncs: 0 })).toBe('4 syncs');
    // a report written before the syncs that brought some were counted reads as it did
    expect(leftOutText({ bots: 0, syncs: 21, releases: 0, syncedPulls: 21 })).toBe('21 syncs carrying 21 pull requests from another line');
  });

  it('says nothing when fewer than a quarter did (backports merged back)', async () => {
    expect((await notesOf(1, 4)).filter((n) => / through \d+ syncs? of /.test(n))).toEqual([]);
  });
});

describe('changes waiting for a deploy that a pre-release holds', () => {
  const repos: FixtureRepo[] = [];
  afterAll(() => repos.forEach((r) => r.cleanup()));
  const WINDOW = { since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;
  /*
   * cpython's way: finals and alphas tagged on main. v1.0.0 (02-01) ships the initial commit; #1, #2, #3 land in
   * March before v1.1.0a1 (03-12, an alpha: no deploy), #4 after it; none is deployed by 04-01.
   */
  const repo = (): FixtureRepo => {
    const r = buildRepo([
      { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-02-01T12:00:00Z' },
      { commit: 'Add the parser (#1)', at: '2026-03-02T10:00:00Z' },
      { commit: 'Speed up the lexer (#2)', at: '2026-03-05T10:00:00Z' },
      { commit: 'Handle empty input (#3)', at: '2026-03-10T10:00:00Z' },
      { tag: 'v1.1.0a1', annotated: true, at: '2026-03-12T12:00:00Z' },
      { commit: 'Tidy the docs (#4)', at: '2026-03-20T10:00:00Z' },
    ]);
    repos.push(r);
    return r;
  };
  const note = (notes: string[]): string | undefined => notes.find((n) => n.includes('pre-release'));

  it('says how many of them the newest pre-release holds, and how to count pre-releases', async () => {
    const report = await audit({ path: repo().dir, ...WINDOW });
    expect(report.summary.unreleased.count).toBe(4);
    expect(note(report.notes)).toBe('3 of the 4 changes not yet deployed are in the pre-release v1.1.0a1 (2026-03-12): a pre-release is a test build, not a deploy. With --include-prereleases, pre-releases count as deploys.');
  });

  it('reads what the pre-release holds beyond its own product\'s deploys: another package\'s newer tag deploys none of it', async () => {
    /*
     * pydantic's shape, as Go modules: the root's #1 (03-02) is in its pre-release v1.1.0-rc.1 (03-05); the api
     * module's #2 (03-10) ships in api/v1.1.0 (03-12), whose history holds #1 too but deploys none of the root's
     * (pydantic's core-v2.48.0 had hidden the 80 of 106 waiting changes v2.14.0b1 holds)
     */
    const r = buildRepo([
      { commit: 'modules', at: '2026-02-01T00:00:00Z', files: { 'go.mod': 'module example.com/kit\n', 'kit.go': 'package kit\n', 'api/go.mod': 'module example.com/kit/api\n', 'api/client.go': 'package api\n' } },
      { tag: 'v1.0.0', annotated: true, at: '2026-02-02T12:00:00Z' },
      { tag: 'api/v1.0.0', annotated: true, at: '2026-02-02T12:00:00Z' },
      { commit: 'Speed up the kit (#1)', at: '2026-03-02T10:00:00Z', files: { 'kit.go': 'package kit // 2\n' } },
      { tag: 'v1.1.0-rc.1', annotated: true, at: '2026-03-05T12:00:00Z' },
      { commit: 'Fix the client (#2)', at: '2026-03-10T10:00:00Z', files: { 'api/client.go': 'package api // 2\n' } },
      { tag: 'api/v1.1.0', annotated: true, at: '2026-03-12T12:00:00Z' },
    ]);
    repos.push(r);
    const report = await audit({ path: r.dir, ...WINDOW });
    expect(report.summary.unreleased.count).toBe(1);
    expect(note(report.notes)).toBe('1 of the 1 change not yet deployed is in the pre-release v1.1.0-rc.1 (2026-03-05): a pre-release is a test build, not a deploy. With --include-prereleases, pre-releases count as deploys.');
  });

  it('counts the waiting changes the pre-release holds by a release line\'s copies of them, as a deploy ships them', async () => {
    /*
     * terraform's shape: v1.1 is cut from main after #1; #2 (03-10) lands on main and is cherry-picked onto v1.1,
     * `(cherry picked from commit …)`; v1.1.0-rc.2 (03-12) is tagged on v1.1; #3 (03-15) is main's alone. The rc's
     * history holds #1, its line's copy #2: 2 of the 3 (terraform's v1.16.0-rc2 read 122 of 184 where it holds 131)
     */
    const r = buildRepo([
      { commit: 'initial commit', at: '2026-02-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-02-01T12:00:00Z' },
      { commit: 'Add the parser (#1)', at: '2026-03-02T10:00:00Z' },
      { branch: 'v1.1' },
      { commit: 'Speed up the lexer (#2)', on: 'main', at: '2026-03-10T10:00:00Z', id: 'lexer', files: { 'lexer.txt': 'fast\n' } },
      { commit: (sha) => `Speed up the lexer (#2)\n\n(cherry picked from commit ${sha('lexer')})`, on: 'v1.1', at: '2026-03-11T10:00:00Z', authorAt: '2026-03-10T10:00:00Z', files: { 'lexer.txt': 'fast\n' } },
      { tag: 'v1.1.0-rc.2', annotated: true, at: '2026-03-12T12:00:00Z' },
      { commit: 'Handle empty input (#3)', on: 'main', at: '2026-03-15T10:00:00Z' },
    ]);
    repos.push(r);
    const report = await audit({ path: r.dir, ...WINDOW });
    expect(report.summary.unreleased.count).toBe(3);
    expect(note(report.notes)).toBe('2 of the 3 changes not yet deployed are in the pre-release v1.1.0-rc.2 (2026-03-12): a pre-release is a test build, not a deploy. With --include-prereleases, pre-releases count as deploys.');
  });

  it('counts by its copies only what its history does not hold: another product\'s pre-release holds none beyond its deploys', async () => {
    /*
     * astro's shape, as Go modules: the root's #1 (03-02) waits for a root release; the api's pre-release
     * api/v1.1.0-rc.1 (03-03) holds it by its history, and so does api/v1.1.0 (03-06), which deploys the api's #2:
     * nothing beyond the api's own deploys, no note (a note had named @astrojs/cloudflare@14.0.0-beta.3)
     */
    const r = buildRepo([
      { commit: 'modules', at: '2026-02-01T00:00:00Z', files: { 'go.mod': 'module example.com/kit\n', 'kit.go': 'package kit\n', 'api/go.mod': 'module example.com/kit/api\n', 'api/client.go': 'package api\n' } },
      { tag: 'v1.0.0', annotated: true, at: '2026-02-02T12:00:00Z' },
      { tag: 'api/v1.0.0', annotated: true, at: '2026-02-02T12:00:00Z' },
      { commit: 'Speed up the kit (#1)', at: '2026-03-02T10:00:00Z', files: { 'kit.go': 'package kit // 2\n' } },
      { tag: 'api/v1.1.0-rc.1', annotated: true, at: '2026-03-03T12:00:00Z' },
      { commit: 'Fix the client (#2)', at: '2026-03-04T10:00:00Z', files: { 'api/client.go': 'package api // 2\n' } },
      { tag: 'api/v1.1.0', annotated: true, at: '2026-03-06T12:00:00Z' },
    ]);
    repos.push(r);
    const report = await audit({ path: r.dir, ...WINDOW });
    expect(report.summary.unreleased.count).toBe(1);
    expect(note(report.notes)).toBeUndefined();
  });

  it('says nothing once pre-releases are deploys, nor of a pre-release older than every change waiting', async () => {
    const counted = await audit({ path: repo().dir, ...WINDOW, includePrereleases: true });
    expect(counted.summary.unreleased.count).toBe(1);
    expect(note(counted.notes)).toBeUndefined();
    // from 03-13 only #4 is in the window, merged after the alpha
    const later = await audit({ path: repo().dir, ...WINDOW, since: '2026-03-13' });
    expect(later.summary.unreleased.count).toBe(1);
    expect(note(later.notes)).toBeUndefined();
  });
});

describe('backports git alone cannot link', () => {
  const repos: FixtureRepo[] = [];
  afterAll(() => repos.forEach((r) => r.cleanup()));

  /*
   * May 2026, every change on main a squash. trop lands `Fix the parser (#20)` on 1.x with the original's title
   * and its own number, naming #10 nowhere in the commit (`Backport of #10` is in its pull request's description);
   * `Tidy the docs (#21)` names #13 on its body's first line, a link; `Add the formatter (#99)` landed on 1.x the
   * day before main's #14, so it copies nothing.
   */
  const notesOf = async (): Promise<string[]> => {
    const bot = 'trop[bot] <bot@example.com>';
    const repo = buildRepo([
      { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
      { branch: '1.x' },
      { commit: 'Fix the parser (#10)', on: 'main', at: '2026-05-02T10:00:00Z' },
      { commit: 'Tidy the docs (#13)', on: 'main', at: '2026-05-02T16:00:00Z' },
      { commit: 'Fix the parser (#20)\n\n* Fix the parser\n\nCo-authored-by: Ada <ada@example.com>', on: '1.x', author: bot, at: '2026-05-03T08:00:00Z' },
      { commit: 'Tidy the docs (#21)\n\n* Tidy the docs (#13)', on: '1.x', author: bot, at: '2026-05-03T09:00:00Z' },
      { commit: 'Add the formatter (#99)', on: '1.x', author: bot, at: '2026-05-03T11:30:00Z' },
      { tag: 'v1.0.1', annotated: true, at: '2026-05-03T12:00:00Z' },
      { commit: 'Add the formatter (#14)', on: 'main', at: '2026-05-04T10:00:00Z' },
      { tag: 'v1.1.0', annotated: true, at: '2026-05-05T12:00:00Z' },
    ]);
    repos.push(repo);
    return (await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false })).notes;
  };

  it('says how many changes have their title on a release line under a later number, which git alone links to nothing', async () => {
    expect((await notesOf()).filter((n) => /release line/.test(n))).toEqual([
      "1 of the window's 4 counted changes has its title on a release line under a later pull request's number, as a backport bot's squash carries it (`fix: x (#M)` for `fix: x (#N)`) or a line's merge of a pull request so titled (`[release-3.5] fix: x`), but not its changed lines (a backport adapted to its line, or a clone without the files' contents): git alone cannot tell that the backport copies it, so it counts as deployed only when a release holds its own commit, and the deploy wait and lead time may read long. With a GitHub token (GH_TOKEN), flowaudit reads the backport pull requests' descriptions (`Backport of #N`).",
    ]);
  });

  /*
   * Two pull requests of main with one title: bevy's `Transform Propagation Optimization: Static Subtree Marking`,
   * #18093 in March 2025 and #18589 three weeks later, the second cherry-picked to release-0.16.0. The line's
   * commit is #18589's copy, not #18093's backport under a later number.
   */
  it('says nothing of a change whose title a later change of the branch shares, that line carrying the later one', async () => {
    const repo = buildRepo([
      { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
      { commit: 'Speed up transforms (#10)', on: 'main', at: '2026-05-02T10:00:00Z' },
      { branch: '1.x' },
      { commit: 'Speed up transforms (#12)', on: 'main', at: '2026-05-03T10:00:00Z' },
      { commit: 'Speed up transforms (#12)', on: '1.x', authorAt: '2026-05-03T10:00:00Z', at: '2026-05-03T11:00:00Z' },
      { tag: 'v1.1.0', annotated: true, at: '2026-05-03T12:00:00Z' },
    ]);
    repos.push(repo);
    const r = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false });
    expect(r.changes.filter((c) => c.number !== null).map((c) => [c.id, c.deployedAt])).toEqual([
      ['#10', '2026-05-03T12:00:00Z'],
      ['#12', '2026-05-03T12:00:00Z'],
    ]);
    expect(r.notes.filter((n) => /release line/.test(n))).toEqual([]);
  });
});

describe('the window\'s tags that shipped nothing of the branch', () => {
  const candidate = (ref: string, day: number): { ref: string; sha: string; at: number; target: string } => ({ ref, sha: `${ref}-sha`, at: day * 86_400, target: '' });
  const deployOf = (c: { ref: string; sha: string; at: number }): Deploy => ({ ref: c.ref, sha: c.sha, at: c.at, changeShas: ['x'], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null });

  it('names those that made no deploy, in time order, and how many the deploy frequency counts', () => {
    const tags = [candidate('v1.0', 1), candidate('v1.0.1', 2), candidate('v1.1', 3), candidate('v1.1.1', 4)];
    expect(emptyReleasesNote(tags, [deployOf(tags[0]!), deployOf(tags[3]!)], 'master', 'final release tag')).toBe(
      "2 of the window's 4 final release tags (`v1.0.1` and `v1.1`) shipped none of master's changes that an earlier one had not: they are no deploys of master, and deployment frequency counts the other 2.",
    );
  });

  it('says "none" only as far as git links backports when some carry a title alone', () => {
    const tags = [candidate('v1.0', 1), candidate('v1.0.1', 2)];
    expect(emptyReleasesNote(tags, [deployOf(tags[0]!)], 'main', 'final release tag', false, true)).toBe(
      "1 of the window's 2 final release tags (`v1.0.1`) shipped none of main's changes that an earlier one had not, as far as git can link them (a backport that carries a title alone, said below, is not linked): it is no deploy of main, and deployment frequency counts the other 1.",
    );
  });

  it('says nothing when each was a deploy; says the window has none when none was', () => {
    const tags = [candidate('v1.0', 1), candidate('v1.1', 3)];
    expect(emptyReleasesNote(tags, tags.map(deployOf), 'main', 'final release tag')).toBeNull();
    expect(emptyReleasesNote([], [], 'main', 'final release tag')).toBeNull();
    expect(emptyReleasesNote(tags.slice(0, 1), [], 'main', 'published GitHub release')).toBe(
      "The window's one published GitHub release (`v1.0`) shipped none of main's changes that an earlier one had not: it is no deploy of main, and the window has none.",
    );
    expect(emptyReleasesNote(tags, [], 'main', 'final release tag')).toMatch(/^The window's 2 final release tags \(`v1.0` and `v1.1`\) .* they are no deploys of main, and the window has none\.$/);
  });

  it('matches a deploy by its tag and commit: a deploy of the same commit under another tag is not the tag\'s', () => {
    const tags = [candidate('v2.0', 1), { ...candidate('v2.0-again', 2), sha: 'v2.0-sha' }];
    expect(emptyReleasesNote(tags, [deployOf(tags[0]!)], 'main', 'final release tag')).toMatch(/^1 of the window's 2 final release tags \(`v2.0-again`\)/);
  });

  it('names six and counts the rest; a monorepo\'s tags each ship their own package\'s changes; a name with a backtick is not marked as code', () => {
    const tags = Array.from({ length: 9 }, (_, i) => candidate(`pkg@1.${i}.0`, i + 1));
    expect(emptyReleasesNote(tags, [], 'main', 'final release tag', true)).toBe(
      "The window's 9 final release tags (`pkg@1.0.0`, `pkg@1.1.0`, `pkg@1.2.0`, `pkg@1.3.0`, `pkg@1.4.0`, `pkg@1.5.0` and 3 more) shipped none of its package's changes on main that an earlier final release tag of the package had not: they are no deploys of main, and the window has none.",
    );
    expect(emptyReleasesNote([candidate('v1`2.0', 1)], [], 'main', 'final release tag')).toMatch(/^The window's one final release tag \(v1`2\.0\) shipped/);
  });
});
