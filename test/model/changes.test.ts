import { describe, expect, it } from 'vitest';
import type { Change, Commit, Size } from '../../src/domain.js';
import { buildChanges, type BuildChangesInput } from '../../src/model/changes.js';
import { indexCopies } from '../../src/model/copies.js';
import { parseMessage } from '../../src/model/message.js';
import { splitPullCommits, type PullCommits } from '../../src/model/pull-commits.js';
import { landedNumbers } from '../../src/model/message.js';
import { copyKey } from '../../src/sources/git/deploy-contents.js';
import { commit, h, sha } from './data.js';

/** The model's input for a first-parent line and side commits, oldest first; no pull refs unless given. */
function input(line: Commit[], side: Commit[] = [], o: Partial<BuildChangesInput> = {}): BuildChangesInput {
  return {
    firstParent: line,
    commits: new Map([...line, ...side].map((c) => [c.sha, c])),
    trackedBranch: 'main',
    sizes: new Map(),
    pulls: new Map(),
    pullHeads: new Map(),
    release: new Set(),
    releaseLines: new Set(),
    botPattern: null,
    pullsUrl: 'https://github.com/acme/app/pull',
    ...o,
  };
}

const pulls = (entries: Record<number, Commit[]>): Map<number, PullCommits> =>
  new Map(Object.entries(entries).map(([n, commits]) => [Number(n), { commits, forkPoints: [sha('m0')], releaseLeftOut: false, withRelease: () => commits }]));

const m0 = commit('m0', { at: h(0) });

describe('changes and their own commits', () => {
  it('leaves a merge of main out of a merged pull request, whatever its subject', () => {
    const main1 = commit('main1', { parents: ['m0'], at: h(30) });
    const side = [
      commit('a1', { parents: ['m0'], at: h(10) }),
      commit('a2', { parents: ['a1'], at: h(18) }),
      // "chore: merge main" brings main1 into the branch: a parent already on the tracked branch
      commit('sync', { parents: ['a2', 'main1'], at: h(60), subject: 'chore: merge main' }),
    ];
    const merge = commit('pr', { parents: ['main1', 'sync'], at: h(80), subject: 'Merge pull request #30 from ada/p30', bodyFirstLine: 'Add thirty' });
    const [, , pr] = buildChanges(input([m0, main1, merge], side));
    expect(pr).toMatchObject({ id: '#30', kind: 'merge', title: 'Add thirty', commits: 2, firstCommitAt: h(10), lastCommitAt: h(18), forkPoints: [sha('m0')] });
  });

  it('titles a merge commit GitHub titled `<title> (#N)` without its own number, as a squash', () => {
    // ipython's merges: `Fix traceback logic for non-SyntaxError exceptions in plain mode. (#14964)`, two parents
    const side = [commit('a1', { parents: ['m0'], at: h(10) })];
    const merge = commit('pr', { parents: ['m0', 'a1'], at: h(20), subject: 'Fix traceback logic in plain mode. (#14964)' });
    // another pull request's number at the end is a title's own words (`Follow-up to (#12)` of #13 stays whole)
    const side2 = [commit('b1', { parents: ['pr'], at: h(30) })];
    const other = commit('pr2', { parents: ['pr', 'b1'], at: h(40), subject: 'Merge pull request #13 from ada/b', bodyFirstLine: 'Follow-up to (#12)' });
    const [, first, second] = buildChanges(input([m0, merge, other], [...side, ...side2]));
    expect([first?.id, first?.kind, first?.title]).toEqual(['#14964', 'merge', 'Fix traceback logic in plain mode.']);
    expect([second?.id, second?.title]).toEqual(['#13', 'Follow-up to (#12)']);
  });

  it('starts a port from another repository (a cherry-pick of a commit the history does not hold) at its commit date', () => {
    // Radarr's port of a Sonarr commit authored 2020: (cherry picked from commit <Sonarr's sha>), pushed years later
    const port = commit('port', { parents: ['m0'], authorAt: h(-40000), at: h(10), cherryPickOf: ['f'.repeat(40)] });
    // a cherry-pick of a commit this history holds keeps the original's author date, as the copy rules read it
    const pick = commit('pick', { parents: ['port'], authorAt: h(1), at: h(20), cherryPickOf: [sha('m0')] });
    const plain = commit('plain', { parents: ['pick'], authorAt: h(25), at: h(30) });
    // `(cherry picked from commit abc1234)`, abbreviated: whose it is cannot be told, the author date stays
    const short = commit('short', { parents: ['plain'], authorAt: h(26), at: h(40), cherryPickOf: ['abc1234'] });
    expect(buildChanges(input([m0, port, pick, plain, short])).slice(1).map((c) => [c.firstCommitAt, c.lastCommitAt])).toEqual([
      [h(10), h(10)],
      [h(1), h(1)],
      [h(25), h(25)],
      [h(26), h(26)],
    ]);
  });

  it('leaves out of a subtree sync\'s own commits what its merge from the other repository brings, flagged imported', () => {
    // rust-analyzer's `Merge pull request #22544 from rust-lang/rustc-pull`: josh's `Prepare for merging from
    // rust-lang/rust`, then `Merge ref '…' from rust-lang/rust`, whose second parent is rust-lang/rust's history filtered
    // to the subtree: it descends from this repository's own line (m0), so it reaches no root of its own
    const bot = { authorName: 'The rustc-josh-sync Cronjob Bot', authorEmail: 'github-actions@github.com' };
    const r1 = commit('r1', { parents: ['m0'], at: h(-7000), authorName: 'LorrensP', subject: 'Resolver: Batched import resolution' });
    const r2 = commit('r2', { parents: ['r1'], at: h(-10), authorName: 'bors', subject: 'Auto merge of #145108 - LorrensP:batched, r=petrochenkov' });
    const prep = commit('prep', { parents: ['m0'], at: h(5), ...bot, subject: 'Prepare for merging from rust-lang/rust' });
    const pull = (subject: string) => commit('pull', { parents: ['prep', 'r2'], at: h(6), ...bot, subject });
    const merge = commit('pr', { parents: ['m0', 'pull'], at: h(9), subject: 'Merge pull request #22544 from rust-lang/rustc-pull', bodyFirstLine: 'Rustc pull update' });
    const read = (subject: string) => buildChanges(input([m0, merge], [r1, r2, prep, pull(subject)]))[1];
    for (const subject of ["Merge ref 'f7d782a3be46' from rust-lang/rust", 'Merge from rust-lang/rust', 'Merge from rustc']) {
      expect(read(subject)).toMatchObject({ id: '#22544', commits: 2, firstCommitAt: h(5), lastCommitAt: h(6), flags: ['imported'], author: bot.authorName, bot: true });
    }
    // any other merge of a branch into the side is the side's own work
    expect(read("Merge branch 'resolver' into rustc-pull")).toMatchObject({ commits: 4, firstCommitAt: h(-7000), flags: [] });
  });

  it("starts a merge of another repository's history (a side with a root of its own) at the merge, flagged imported", () => {
    // pnpm's import of pacquet: 530 commits since 2023 merged with --allow-unrelated-histories
    const root = commit('x0', { parents: [], at: h(-25000) });
    const x1 = commit('x1', { parents: ['x0'], at: h(-100) });
    const main1 = commit('main1', { parents: ['m0'], at: h(5) });
    const merge = commit('imp', { parents: ['main1', 'x1'], authorAt: h(10), at: h(12), subject: 'chore: import pacquet repository into monorepo' });
    // an ordinary branch of this repository merged next keeps its own first commit
    const a1 = commit('a1', { parents: ['imp'], at: h(20) });
    const pr = commit('pr', { parents: ['imp', 'a1'], at: h(30), subject: 'Merge pull request #31 from ada/p31', bodyFirstLine: 'Thirty-one' });
    const [, , imported, thirtyOne] = buildChanges(input([m0, main1, merge, pr], [root, x1, a1]));
    expect(imported).toMatchObject({ kind: 'merge', commits: 1, firstCommitAt: h(10), lastCommitAt: h(10), flags: ['imported'] });
    expect(thirtyOne).toMatchObject({ id: '#31', firstCommitAt: h(20), flags: [] });
    // astro's #13141: a branch of this repository that merged another's history in keeps its own commits only
    const b1 = commit('b1', { parents: ['main1'], at: h(7) });
    const join = commit('join', { parents: ['b1', 'x1'], at: h(8), subject: 'Merge adapters history' });
    const b2 = commit('b2', { parents: ['join'], at: h(9) });
    const moved = commit('mv', { parents: ['main1', 'b2'], at: h(11), subject: 'Merge pull request #32 from ada/move-node', bodyFirstLine: 'Move node' });
    const [, , move] = buildChanges(input([m0, main1, moved], [root, x1, b1, join, b2]));
    expect(move).toMatchObject({ id: '#32', commits: 3, firstCommitAt: h(7), lastCommitAt: h(9), flags: ['imported'] });
    // astro's #13146: another adapter's history, grown from what the first import brought (x1) and a new root,
    // moved in by a branch forked from main: only the branch's commits are its own
    const y0 = commit('y0', { parents: [], at: h(-20000) });
    const y1 = commit('y1', { parents: ['x1'], at: h(-60) });
    const y2 = commit('y2', { parents: ['y1', 'y0'], at: h(-50) });
    const c1 = commit('c1', { parents: ['imp'], at: h(14) });
    const join2 = commit('join2', { parents: ['c1', 'y2'], at: h(15) });
    const second = commit('mv2', { parents: ['imp', 'join2'], at: h(16), subject: 'Merge pull request #33 from ada/move-netlify', bodyFirstLine: 'Move netlify' });
    const [, , , netlify] = buildChanges(input([m0, main1, merge, second], [root, x1, y0, y1, y2, c1, join2]));
    expect(netlify).toMatchObject({ id: '#33', commits: 2, firstCommitAt: h(14), lastCommitAt: h(15), flags: ['imported'] });
    // a shallow clone's cut commits show no parents either: there, nothing is told an import
    const [, , shallow] = buildChanges(input([m0, main1, merge], [root, x1], { shallow: true }));
    expect(shallow).toMatchObject({ commits: 2, firstCommitAt: h(-25000), flags: [] });
  });

  it('counts a merge of another branch into the pull request as its own commit', () => {
    const side = [
      commit('a1', { parents: ['m0'], at: h(10) }),
      commit('b1', { parents: ['m0'], at: h(12) }),
      commit('join', { parents: ['a1', 'b1'], at: h(20), subject: "Merge branch 'helper' into p31" }),
    ];
    const pulled = [commit('c1', { parents: ['m0'], at: h(10) }), commit('c2', { parents: ['m0'], at: h(12) }), commit('cj', { parents: ['c1', 'c2'], at: h(20) })];
    const line = [m0, commit('pr', { parents: ['m0', 'join'], at: h(30), subject: 'Merge pull request #31 from ada/p31' })];
    expect(buildChanges(input(line, side))[1]).toMatchObject({ commits: 3, firstCommitAt: h(10), lastCommitAt: h(20) });
    const squashed = [m0, commit('sq', { parents: ['m0'], at: h(30), subject: 'Add (#32)' })];
    const split = splitPullCommits(new Map([[32, sha('cj')]]), new Map(pulled.map((c) => [c.sha, c])), () => false, () => false);
    expect(buildChanges(input(squashed, [], { pulls: split }))[1]).toMatchObject({ commits: 3, firstCommitAt: h(10), lastCommitAt: h(20) });
  });

  it('takes a squash\'s branch from its pull request\'s merges of the tracked branch, an agent\'s prefix weak evidence', () => {
    // black's #5192: `Merge branch 'main' into codex/ignore-empty-cache-file` in its pull ref, its squash naming no branch
    const main1 = commit('main1', { parents: ['m0'], at: h(5) });
    const pulled = [
      commit('c1', { parents: ['m0'], at: h(1) }),
      commit('upd', { parents: ['c1', 'main1'], at: h(6), subject: "Merge branch 'main' into codex/ignore-empty-cache-file" }),
      commit('c2', { parents: ['upd'], at: h(7) }),
    ];
    const squashed = (subject: string) => [m0, main1, commit('sq', { parents: ['main1'], at: h(30), subject })];
    const split = splitPullCommits(new Map([[33, sha('c2')]]), new Map(pulled.map((c) => [c.sha, c])), () => false, () => false);
    const [, , sq] = buildChanges(input(squashed('Ignore an empty cache file (#33)'), [], { pulls: split }));
    expect([sq?.branch, sq?.commits, sq?.aiStrength, sq?.aiTools]).toEqual(['codex/ignore-empty-cache-file', 2, 'weak', ['codex']]);
    // a pull request that never merged the tracked branch names none
    const plain = splitPullCommits(new Map([[33, sha('c1')]]), new Map(pulled.map((c) => [c.sha, c])), () => false, () => false);
    expect(buildChanges(input(squashed('Ignore an empty cache file (#33)'), [], { pulls: plain }))[2]?.branch).toBeNull();
  });

  it('leaves release-line commits out of a merge, and takes a merge from a release line for a sync', () => {
    const side = [commit('r1', { parents: ['m0'], at: h(1) }), commit('r2', { parents: ['r1'], at: h(2) }), commit('own', { parents: ['r2'], at: h(50) })];
    const pr = commit('pr', { parents: ['m0', 'own'], at: h(60), subject: 'Merge pull request #50 from ada/fix' });
    const r3 = commit('r3', { parents: ['r2'], at: h(70) });
    const sync = commit('sync', { parents: ['pr', 'r3'], at: h(80), subject: 'Update from upstream (#51)' });
    const release = new Set([sha('r1'), sha('r2'), sha('r3')]);
    const changes = buildChanges(input([m0, pr, sync], [...side, r3], { release, releaseLines: release }));
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 1, h(0)],
      ['#50', 'merge', 1, h(50)],
      ['#51', 'sync', 1, h(70)],
    ]);
  });

  it('keeps a branch merged into a release line and into the tracked branch a merge, all its commits its own', () => {
    const side = [commit('fix1', { parents: ['m0'], at: h(5) }), commit('fix2', { parents: ['fix1'], at: h(6) })];
    const pr = commit('pr', { parents: ['m0', 'fix2'], at: h(20), subject: 'Auto merge of #7126 - ehuss:beta-fix, r=bob' });
    // the release line merged the same branch: its commits are behind the release tip, not on the line itself
    const changes = buildChanges(input([m0, pr], side, { release: new Set([sha('fix1'), sha('fix2')]), releaseLines: new Set([sha('beta-merge')]) }));
    expect(changes[1]).toMatchObject({ id: '#7126', kind: 'merge', commits: 2, firstCommitAt: h(5) });
  });

  it('takes a squash commits from its pull ref, less copies, release commits and commits after the landing', () => {
    const base = [commit('b1', { at: h(1) }), commit('b2', { at: h(2) })];
    const stacked = [
      // the base's commits rebased onto main after its squash: copies with new shas and commit dates
      commit('b1copy', { authorAt: h(1), at: h(40), subject: 'b1' }),
      commit('b2copy', { authorAt: h(2), at: h(40), subject: 'b2' }),
      commit('s1', { authorAt: h(5), at: h(40) }),
      commit('late', { at: h(90) }),
    ];
    const line = [m0, commit('sq20', { parents: ['m0'], at: h(30), subject: 'Add base (#20)' }), commit('sq21', { parents: ['sq20'], at: h(50), subject: 'Add stacked (#21)' })];
    const [, b, s] = buildChanges(input(line, [], { pulls: pulls({ 20: base, 21: stacked }) }));
    expect(b).toMatchObject({ id: '#20', kind: 'squash', title: 'Add base', commits: 2, firstCommitAt: h(1), lastCommitAt: h(2) });
    expect(s).toMatchObject({ id: '#21', kind: 'squash', commits: 1, firstCommitAt: h(5), lastCommitAt: h(5) });
    // a revert may name any of the pull ref's commits, but the copies of #20's it carries: those are #20's work,
    // and a release line's copy of them ships #20, not #21 (pnpm's #9854 carried v11's copy of #9886)
    expect(s?.commitShas).toEqual(expect.arrayContaining([sha('s1'), sha('late')]));
    expect(s?.commitShas).not.toContain(sha('b1copy'));
    expect(s?.commitShas).not.toContain(sha('b2copy'));
    // so a release line's copy of b1 (its key) is found as #20's alone
    const all = new Map([...base, ...stacked, ...line].map((c) => [c.sha, c]));
    const key = copyKey('ada@example.com', h(1), 'b1');
    expect(indexCopies([b as Change, s as Change], (x) => all.get(x), new Set([key])).get(key)).toEqual([sha('sq20')]);
  });

  it('takes a cherry-pick of an earlier squash commit for a copy, not the work of the pull request that carries it', () => {
    // All-Hands-AI/OpenHands' #10981 `Release 0.57.0`: its branch cherry-picks main's squash of #10992 (the same
    // author, author date and subject) beside its own release commit
    const sq10 = commit('sq10', { parents: ['m0'], at: h(20), authorAt: h(20), authorEmail: 'ray@example.com', subject: 'Fix the resolver (#10)' });
    const release = [commit('rel', { at: h(10), authorAt: h(10), subject: 'Release 1.2.0' }), commit('pick', { at: h(30), authorAt: h(20), authorEmail: 'ray@example.com', subject: 'Fix the resolver (#10)' })];
    const line = [m0, sq10, commit('sq11', { parents: ['sq10'], at: h(40), subject: 'Release 1.2.0 (#11)' })];
    const [, , r] = buildChanges(input(line, [], { pulls: pulls({ 10: [commit('f1', { at: h(5), authorEmail: 'ray@example.com', subject: 'Fix the resolver' })], 11: release }) }));
    expect(r).toMatchObject({ id: '#11', commits: 1, firstCommitAt: h(10), lastCommitAt: h(10) });
  });

  describe('a pull request based on a release line', () => {
    // the release line r1 ← r2 left main at m0; the pull request's own commit p1 is on top of it
    const r1 = commit('r1', { parents: ['m0'], at: h(1) });
    const r2 = commit('r2', { parents: ['r1'], at: h(2) });
    const read = (p1At: number): Map<string, Commit> => new Map([r1, r2, commit('p1', { parents: ['r2'], at: p1At })].map((c) => [c.sha, c]));
    const isRelease = (s: string): boolean => s === sha('r1') || s === sha('r2');

    it('holds only its own commits, and gives the release ones again on request, in the walk\'s order', () => {
      const split = splitPullCommits(new Map([[70, sha('p1')]]), read(h(50)), isRelease, () => false);
      const pull = split.get(70);
      expect(pull?.commits.map((c) => c.subject)).toEqual(['p1']);
      expect(pull?.releaseLeftOut).toBe(true);
      expect(pull?.forkPoints).toEqual([sha('m0')]);
      expect(pull?.withRelease().map((c) => c.subject)).toEqual(['p1', 'r2', 'r1']);
    });

    it('holds them all when all are release commits (a release pull request)', () => {
      const split = splitPullCommits(new Map([[71, sha('r2')]]), read(h(50)), isRelease, () => false);
      expect(split.get(71)?.commits.map((c) => c.subject)).toEqual(['r2', 'r1']);
      expect(split.get(71)?.releaseLeftOut).toBe(false);
    });

    it('squashes to its own commits, or to the release ones when nothing of its own came before the landing', () => {
      const release = new Set([sha('r1'), sha('r2')]);
      const squashAt = (at: number): Commit[] => [m0, commit('sq', { parents: ['m0'], at, subject: 'Fix (#70)' })];
      const landed = (p1At: number, at: number): unknown =>
        buildChanges(input(squashAt(at), [], { pulls: splitPullCommits(new Map([[70, sha('p1')]]), read(p1At), isRelease, () => false), release }))[1];
      expect(landed(h(50), h(60))).toMatchObject({ kind: 'squash', commits: 1, firstCommitAt: h(50), lastCommitAt: h(50) });
      // p1 was pushed again after the squash: before the landing the pull ref held release commits alone
      expect(landed(h(50), h(40))).toMatchObject({ kind: 'squash', commits: 2, firstCommitAt: h(1), lastCommitAt: h(2) });
    });
  });
  it('knows how a squash landed: with a PR-URL trailer, or a (#N) with no pull ref behind it', () => {
    const line = [
      m0,
      commit('sq', { parents: ['m0'], at: h(30), subject: 'Add hundred (#100)', landingUrl: 'https://github.com/nodejs/node/pull/100' }),
      commit('issue', { parents: ['sq'], at: h(40), subject: 'Fix crash (#101)' }),
    ];
    const [, sq, issue] = buildChanges(input(line, [], { pulls: pulls({ 100: [commit('h1', { at: h(2) }), commit('h2', { at: h(8) })] }) }));
    expect(sq).toMatchObject({ kind: 'squash', number: 100, commits: 2, firstCommitAt: h(2), url: 'https://github.com/nodejs/node/pull/100' });
    expect(issue).toMatchObject({ kind: 'squash', number: 101, commits: null, firstCommitAt: null, flags: ['commits-unseen'] });
  });

  it('groups trailer-linked commits and sums their sizes, unknown when one is', () => {
    const url = 'https://github.com/nodejs/node/pull/9';
    const line = [m0, commit('t1', { parents: ['m0'], authorAt: h(3), at: h(20), landingUrl: url }), commit('t2', { parents: ['t1'], authorAt: h(5), at: h(21), landingUrl: url })];
    const sizes = new Map<string, Size>([[sha('t1'), { additions: 3, deletions: 1, files: 1 }], [sha('t2'), { additions: 4, deletions: 0, files: 2 }]]);
    const [, group] = buildChanges(input(line, [], { sizes }));
    expect(group).toMatchObject({ id: '#9', kind: 'trailer', commits: 2, firstCommitAt: h(3), lastCommitAt: h(5), mergedAt: h(21), sha: sha('t2'), size: { additions: 7, deletions: 1, files: 3 } });
    sizes.delete(sha('t1'));
    expect(buildChanges(input(line, [], { sizes }))[1]?.size).toBeNull();
  });
});

describe('a line merged again (GitFlow)', () => {
  // a line off m0 where pull requests land as squashes: #1 and #2, merged into main by #3; then `later` of them more,
  // #4 onwards, merged by #9. The second merge's side goes on below in what #3 brought in, not in main's own line
  const line = (later: number): Commit[] => {
    const side = [commit('s1', { parents: ['m0'], at: h(1), subject: 'Fix 1 (#1)' }), commit('s2', { parents: ['s1'], at: h(2), subject: 'Fix 2 (#2)' })];
    for (let i = 0; i < later; i++) side.push(commit(`t${i}`, { parents: [i === 0 ? 's2' : `t${i - 1}`], at: h(20 + i), subject: `Fix ${i + 4} (#${i + 4})` }));
    return side;
  };
  const merges = (later: number): Change[] => {
    const first = commit('r1', { parents: ['m0', 's2'], at: h(10), subject: 'Release 1.0 (#3)' });
    const second = commit('r2', { parents: ['r1', later === 0 ? 's2' : `t${later - 1}`], at: h(40), subject: 'Release 1.1 (#9)' });
    return buildChanges(input([m0, first, second], line(later)));
  };

  it('reads its second merge as a sync, carrying the pull requests that landed on it, when it holds two or more', () => {
    const [, first, second] = merges(2);
    // the first merge forked from main's own line: a branch merged once, a change however many landed on it
    expect(first).toMatchObject({ id: '#3', kind: 'merge', commits: 2 });
    expect(second).toMatchObject({ id: '#9', kind: 'sync', carriedPulls: 2 });
  });

  it('counts the pull requests a sync carries once each, and not one the line itself landed too', () => {
    // on the line since #3: #4, #4 again (relanded), #5, #6; main squashed #5 too (a fix landed on both lines)
    const side = [...line(0), ...[4, 4, 5, 6].map((n, i) => commit(`t${i}`, { parents: [i === 0 ? 's2' : `t${i - 1}`], at: h(20 + i), subject: `Fix ${n} (#${n})` }))];
    const first = commit('r1', { parents: ['m0', 's2'], at: h(10), subject: 'Release 1.0 (#3)' });
    const fix = commit('fix5', { parents: ['r1'], at: h(30), subject: 'Fix 5 (#5)' });
    const second = commit('r2', { parents: ['fix5', 't3'], at: h(40), subject: 'Release 1.1 (#9)' });
    const changes = buildChanges(input([m0, first, fix, second], side));
    expect(changes.slice(1).map((c) => [c.id, c.kind, c.carriedPulls])).toEqual([
      ['#3', 'merge', undefined],
      ['#5', 'squash', undefined],
      // #4 and #6: the side's four landings less #4's second and #5, which main measures
      ['#9', 'sync', 2],
    ]);
  });

  it('counts no pull request of another repository\'s history a sync brings in', () => {
    // nuxt's `link Nuxt 1.x and 2.x (2016–2022) history to main`: a side of its own root, its merges years old, read
    // as 2,479 pull requests of the window carried from another line
    const side = (root: boolean) => [
      commit('o0', { parents: root ? [] : ['m0'], at: h(1), subject: 'initial commit' }),
      commit('o1', { parents: ['o0'], at: h(2), subject: 'Fix 1 (#1)' }),
      commit('o2', { parents: ['o1'], at: h(3), subject: 'Fix 2 (#2)' }),
    ];
    const link = commit('l', { parents: ['m0', 'o2'], at: h(10), subject: "Merge branch '2.x'" });
    const sync = (root: boolean) => buildChanges(input([m0, link], side(root))).at(-1);
    expect(sync(true)).toMatchObject({ kind: 'sync', carriedPulls: 0 });
    // the same line forked from main: its pull requests are carried
    expect(sync(false)).toMatchObject({ kind: 'sync', carriedPulls: 2 });
  });

  it('does not count a backport of one of main\'s own changes as a pull request the sync carries', () => {
    // aiohttp's 3.x branches, merged into master: patchback's backport of master's #5 (its own number #7), a person's
    // `<title> (#5) (#8)`, a `(#5)` under another title (#10: no copy of #5), and #6, the line's own work
    const side = [...line(0), ...[
      '[PR #5/0123abcd backport][3.14] Fix 5 (#7)',
      'Fix 5 (#5) (#8)',
      'Tune the parser (#5) (#10)',
      'Fix 6 (#6)',
    ].map((subject, i) => commit(`t${i}`, { parents: [i === 0 ? 's2' : `t${i - 1}`], at: h(20 + i), subject, backportOf: parseMessage(subject).backportOf }))];
    const first = commit('r1', { parents: ['m0', 's2'], at: h(10), subject: 'Release 1.0 (#3)' });
    const fix = commit('fix5', { parents: ['r1'], at: h(15), subject: 'Fix 5 (#5)' });
    const second = commit('r2', { parents: ['fix5', 't3'], at: h(40), subject: 'Release 1.1 (#9)' });
    const changes = buildChanges(input([m0, first, fix, second], side));
    // #10 and #6
    expect(changes.at(-1)).toMatchObject({ id: '#9', kind: 'sync', carriedPulls: 2 });
  });

  it('does not count a pull request that brought a copy of one of main\'s own commits as one the sync carries', () => {
    // prometheus' #19138 on release-3.13: a merge of a branch whose one commit is #19074's, cherry-picked (the same
    // author, author date and subject); #19074 landed on main as a squash of that commit
    const p5 = commit('p5', { parents: ['r1'], authorAt: h(12), at: h(12), subject: 'ci: run the upgrade test per LTS' });
    const fix = commit('fix5', { parents: ['r1'], authorAt: h(12), at: h(15), subject: 'ci: run the upgrade test per LTS (#5)' });
    const pulls5 = pulls({ 5: [p5] });
    const copy = (authorAt: number) => commit('c5', { parents: ['s2'], authorAt, at: h(20), subject: 'ci: run the upgrade test per LTS' });
    const first = commit('r1', { parents: ['m0', 's2'], at: h(10), subject: 'Release 1.0 (#3)' });
    const carried = (authorAt: number): number | undefined => {
      const side = [
        ...line(0),
        copy(authorAt),
        commit('b7', { parents: ['s2', 'c5'], at: h(21), subject: 'Merge pull request #7 from ada/backport-5', bodyFirstLine: 'Backport the LTS matrix' }),
        commit('t6', { parents: ['b7'], at: h(22), subject: 'Fix 6 (#6)' }),
      ];
      const second = commit('r2', { parents: ['fix5', 't6'], at: h(40), subject: 'Release 1.1 (#9)' });
      return buildChanges(input([m0, first, fix, second], side, { pulls: pulls5 })).at(-1)?.carriedPulls;
    };
    // #6 alone: #7 copies #5's commit
    expect(carried(h(12))).toBe(1);
    // authored at another time, the branch's commit is work of its own: #7 and #6
    expect(carried(h(13))).toBe(2);
  });

  it('reads a copy of a release line\'s commit pushed to main as a sync carrying the pull request it names', () => {
    // jellyfin: #16944 merged into release-10.11.z (`fix`, its merge `lm`), then its squash pushed to master as
    // `Backport pull request #16944 from jellyfin/release-10.11.z` with `Original-merge: <lm>`
    const lineMerge = sha('lm');
    const port = (names: string[], o: { number?: boolean } = {}) => commit('port', {
      parents: ['m0'], at: h(50), authorAt: h(50),
      subject: o.number === true ? 'Add lockhelper (#17000)' : 'Backport pull request #16944 from jellyfin/release-10.11.z',
      cherryPickOf: names, backportOf: o.number === true ? [] : [16944],
    });
    const after = commit('after', { parents: ['port'], at: h(60), subject: 'Fix y' });
    const read = (p: Commit, side: Commit[] = []) => buildChanges(input([m0, p, after], side, { release: new Set([lineMerge, sha('fix'), ...side.map((c) => c.sha)]) }));
    const [, sync, next] = read(port([lineMerge]));
    expect(sync).toMatchObject({ kind: 'sync', carriedPulls: 1, commits: 1, commitShas: [sha('port')] });
    expect(next).toMatchObject({ kind: 'direct', id: sha('after').slice(0, 10) });
    // a copy of main's own history (a reland; here a line's commit a merge brought in), of a commit off every release
    // line, or of only some release commits is the direct push it reads as
    const own = commit('own', { parents: ['m0'], at: h(5) });
    expect(read(port([sha('own')]), [own])[1]).toMatchObject({ kind: 'direct' });
    expect(read(port([sha('elsewhere')]))[1]).toMatchObject({ kind: 'direct' });
    expect(read(port([lineMerge, sha('elsewhere')]))[1]).toMatchObject({ kind: 'direct' });
    // a pull request landed on main is a change of its own, whatever it copies
    expect(read(port([lineMerge], { number: true }))[1]).toMatchObject({ kind: 'squash', id: '#17000' });
  });

  it('keeps a merge of it a change when one pull request landed on it since (a stacked pull request lands one)', () => {
    expect(merges(1)[2]).toMatchObject({ id: '#9', kind: 'merge', commits: 1 });
    // a commit of the merged pull request's own that names it, `Release 1.1 (#9)`, is no other's landing
    const side = [...line(1), commit('own', { parents: ['t0'], at: h(30), subject: 'Release 1.1 (#9)' })];
    const first = commit('r1', { parents: ['m0', 's2'], at: h(10), subject: 'Release 1.0 (#3)' });
    const second = commit('r2', { parents: ['r1', 'own'], at: h(40), subject: 'Release 1.1 (#9)' });
    expect(buildChanges(input([m0, first, second], side))[2]).toMatchObject({ id: '#9', kind: 'merge', commits: 2 });
  });

  it('reads it merged again whether or not the history read holds its first merge (biome\'s `next`, #9277)', () => {
    // read from after #3: r1 and what it brought in (s1, s2) lie below the read; the line's own commits below it are
    // r1 and m0. t0 goes on from s2, which the line never held: the line merged again, as a whole-history read says
    const earlierLine = { shas: new Set([sha('r1'), sha('m0')]), since: h(0) };
    const second = commit('r2', { parents: ['r1', 't1'], at: h(40), subject: 'Release 1.1 (#9)' });
    const after = line(2).slice(2);
    expect(buildChanges(input([second], after, { earlierLine }))[0]).toMatchObject({ id: '#9', kind: 'sync', carriedPulls: 2 });
    expect(merges(2)[2]).toMatchObject({ id: '#9', kind: 'sync', carriedPulls: 2 });
    // a branch that forked from the line's own commit below the read is merged once: a change
    const fork = [commit('u0', { parents: ['r1'], at: h(20), subject: 'Fix 4 (#4)' }), commit('u1', { parents: ['u0'], at: h(21), subject: 'Fix 5 (#5)' })];
    const once = commit('r3', { parents: ['r1', 'u1'], at: h(40), subject: 'feat: the big merge (#20)' });
    expect(buildChanges(input([once], fork, { earlierLine }))[0]).toMatchObject({ id: '#20', kind: 'merge', commits: 2 });
    // where the line below the read was read to a time after the side began, it cannot tell: a change, as before
    expect(buildChanges(input([second], after, { earlierLine: { ...earlierLine, since: h(21) } }))[0]).toMatchObject({ id: '#9', kind: 'merge' });
  });

  it('keeps a branch merged once a change, however many pull requests landed on it (vite\'s rolldown-vite)', () => {
    const side = [...line(3)];
    const once = commit('big', { parents: ['m0', 't2'], at: h(40), subject: 'feat: the big merge (#20)' });
    expect(buildChanges(input([m0, once], side))[1]).toMatchObject({ id: '#20', kind: 'merge', commits: 5 });
  });

  it('keeps a stacked pull request a change: it goes on in the one it was stacked on, and holds no landing', () => {
    const side = [commit('a1', { parents: ['m0'], at: h(1) }), commit('b1', { parents: ['a1'], at: h(2) }), commit('b2', { parents: ['b1'], at: h(3) })];
    const a = commit('pa', { parents: ['m0', 'a1'], at: h(10), subject: 'Merge pull request #1 from ada/a' });
    const b = commit('pb', { parents: ['pa', 'b2'], at: h(20), subject: 'Merge pull request #2 from ada/b' });
    expect(buildChanges(input([m0, a, b], side))[2]).toMatchObject({ id: '#2', kind: 'merge', commits: 2 });
  });
});

describe('two long-lived lines merged into each other by pull requests (pallets/click\'s main and stable)', () => {
  const a1 = commit('a1', { parents: ['m0'], at: h(10), subject: 'Add one (#1)' });
  const a2 = commit('a2', { parents: ['a1'], at: h(20), subject: 'Add two (#2)' });
  // `Merge branch 'stable'`: the first merge of the line, a sync by the line's name, bringing s1
  const s1 = commit('s1', { parents: ['m0'], at: h(5), subject: 'Fix one (#11)' });
  const synced = commit('x1', { parents: ['a2', 's1'], at: h(30), subject: "Merge branch 'stable'" });
  const kinds = (changes: Change[]): unknown[] => changes.slice(1).map((c) => [c.id, c.kind, c.commits, c.carriedPulls]);

  it('reads a pull request whose side the line had already landed as a sync, not a change with no commit', () => {
    // click's `Merge Stable into main (#3046)`: its side parent #3011, which the line landed before
    const merge = commit('p7', { parents: ['a2', 'a1'], at: h(40), subject: 'Merge Stable into main (#7)' });
    expect(kinds(buildChanges(input([m0, a1, a2, merge])))).toEqual([['#1', 'squash', null, undefined], ['#2', 'squash', null, undefined], ['#7', 'sync', 0, 0]]);
    // its pull ref holding a commit of its own keeps it a change, that commit its work
    const own = commit('own7', { parents: ['a1'], at: h(35) });
    expect(buildChanges(input([m0, a1, a2, merge], [], { pulls: pulls({ 7: [own] }) }))[3]).toMatchObject({ id: '#7', kind: 'merge', commits: 1 });
  });

  it('reads a pull request of nothing but merges of the line into the other, each landed there by its pull request, as a sync', () => {
    // click's `merge main into stable to synchronize commits. (#3233)` (+0 −0): `Stable (#3159)` and `Merge stable
    // into main (#3178)` had merged main's #3158 and #3177 into the other line
    const o1 = commit('o1', { parents: ['m0', 'a1'], at: h(12), subject: 'Stable (#3)' });
    const o2 = commit('o2', { parents: ['o1', 'a2'], at: h(22), subject: 'Merge stable into main (#4)' });
    const merge = commit('p9', { parents: ['a2', 'o2'], at: h(40), subject: 'merge main into stable to synchronize commits. (#9)' });
    expect(buildChanges(input([m0, a1, a2, merge], [o1, o2]))[3]).toMatchObject({ id: '#9', kind: 'sync', commits: 0, carriedPulls: 0 });
  });

  it('keeps a change whose side is a merge of the line landing no pull request, or one the line itself landed', () => {
    // shlink's #2268: the fix (+48 −12) committed as the merge that took develop into its branch
    const fix = commit('fix', { parents: ['a1', 'a2'], at: h(25), subject: 'Fix visits counts not being deleted' });
    const pr = commit('p8', { parents: ['a2', 'fix'], at: h(40), subject: 'Merge pull request #8 from ada/fix' });
    expect(buildChanges(input([m0, a1, a2, pr], [fix]))[3]).toMatchObject({ id: '#8', kind: 'merge' });
    // rails' #56375: its side parent a second merge of #57546, which main landed too
    const land = commit('t1', { parents: ['m0'], at: h(14) });
    const q5 = commit('q5', { parents: ['a1', 't1'], at: h(15), subject: 'Merge pull request #5 from ada/test-format' });
    const again = commit('r5', { parents: ['a1', 't1'], at: h(16), subject: 'Merge pull request #5 from ada/test-format' });
    const cable = commit('p6', { parents: ['q5', 'r5'], at: h(40), subject: 'Merge pull request #6 from bob/cable' });
    expect(buildChanges(input([m0, a1, q5, cable], [land, again]))[3]).toMatchObject({ id: '#6', kind: 'merge' });
  });

  it('reads a fix on top of the other line\'s merges of the line as a change, not that line merged again', () => {
    // click's #3129: its branch took `main` as it stood — three `Merge stable into main` pull requests over what
    // an earlier sync brought in — and added its one commit
    const o1 = commit('o1', { parents: ['s1', 'a1'], at: h(31), subject: 'Merge stable into main (#3)' });
    const o2 = commit('o2', { parents: ['o1', 'a2'], at: h(32), subject: 'Merge stable into main (#4)' });
    const fix = commit('f', { parents: ['o2'], at: h(35), subject: 'Fix test_edit to work with BSD sed' });
    const merge = commit('p6', { parents: ['x1', 'f'], at: h(40), subject: 'Fix test_edit to work with BSD sed (#6)' });
    const [, , , sync, pr] = buildChanges(input([m0, a1, a2, synced, merge], [s1, o1, o2, fix]));
    expect([sync?.kind, pr]).toMatchObject(['sync', { id: '#6', kind: 'merge', commits: 1, firstCommitAt: h(35) }]);
  });

  it('reads the line an earlier sync brought in, merged again with one pull request landed on it and nothing else of its own, as a sync', () => {
    // click's `Merge stable into main. (#3674)`: stable's #3672, and the merge of main that resolved its conflicts
    const b1 = commit('b1', { parents: ['s1'], at: h(32), subject: 'Move the test utilities' });
    const s4 = commit('s4', { parents: ['s1', 'b1'], at: h(33), subject: 'Move test utils to a module (#4)' });
    const a3 = commit('a3', { parents: ['x1'], at: h(34), subject: 'Add three (#3)' });
    const resolve = commit('j', { parents: ['s4', 'a3'], at: h(35), subject: 'Merge stable into main. Resolve conflicts.' });
    const merge = commit('p6', { parents: ['a3', 'j'], at: h(40), subject: 'Merge stable into main. (#6)' });
    const changes = buildChanges(input([m0, a1, a2, synced, a3, merge], [s1, b1, s4, resolve]));
    expect(changes.at(-1)).toMatchObject({ id: '#6', kind: 'sync', carriedPulls: 1 });
    // a branch on top of it that holds a commit of its own is a change carrying it
    const own = commit('own', { parents: ['s4'], at: h(36), subject: 'Fix dev version' });
    const fixed = commit('p7', { parents: ['a3', 'own'], at: h(40), subject: 'Fix dev version (#7)' });
    expect(buildChanges(input([m0, a1, a2, synced, a3, fixed], [s1, b1, s4, own])).at(-1)).toMatchObject({ id: '#7', kind: 'merge', firstCommitAt: h(32), lastCommitAt: h(36) });
  });
});

describe('the order of changes', () => {
  it('keeps changes landed in the same second (a rebase merge without pull refs) in history order, whatever their shas', () => {
    // the landing commit's sha sorts before its sibling's: sha order would put the last commit first
    const line = [m0, commit('z1', { parents: ['m0'], authorAt: h(1), at: h(48) }), commit('a2', { parents: ['z1'], authorAt: h(2), at: h(48) })];
    expect(sha('a2') < sha('z1')).toBe(true);
    expect(buildChanges(input(line)).map((c) => c.sha)).toEqual([sha('m0'), sha('z1'), sha('a2')]);
  });
});

describe('rebase merges found through pull refs', () => {
  // #60 has three commits; #61 is stacked on it with one more; GitHub rebased both onto main
  const p60 = [commit('f1', { at: h(1) }), commit('f2', { at: h(5) }), commit('f3', { at: h(24) })];
  const p61 = [...p60, commit('g1', { at: h(30) })];
  const copy = (name: string, of: Commit, at: number, parent: string): Commit =>
    commit(name, { parents: [parent], authorAt: of.authoredAt, subject: of.subject, at });
  const line = [
    m0,
    copy('c1', p60[0] as Commit, h(48), 'm0'),
    copy('c2', p60[1] as Commit, h(48), 'c1'),
    copy('c3', p60[2] as Commit, h(48), 'c2'),
    copy('c4', p61[3] as Commit, h(49), 'c3'),
    commit('push', { parents: ['c4'], at: h(72) }),
  ];

  it('reads no copy of a pull request based on a release line as its landing: that one was merged there', () => {
    // undici's #5409 into v7.x holds the copy of main's push made 8 seconds apart from the line's
    const onLine = pulls({ 60: p60 });
    for (const pull of onLine.values()) pull.releaseLeftOut = true;
    const changes = buildChanges(input(line.slice(0, 4), [], { pulls: onLine }));
    expect(changes.map((c) => [c.kind, c.number])).toEqual([['direct', null], ['direct', null], ['direct', null], ['direct', null]]);
    // the same pull request based on main: its rebase merge
    expect(buildChanges(input(line.slice(0, 4), [], { pulls: pulls({ 60: p60 }) })).map((c) => [c.kind, c.number])).toEqual([['direct', null], ['rebase', 60]]);
  });

  it('makes one change of each pull request, its first commit from the first, merged at the last', () => {
    const changes = buildChanges(input(line, [], { pulls: pulls({ 60: p60, 61: p61 }) }));
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt, c.lastCommitAt, c.mergedAt])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 1, h(0), h(0), h(0)],
      ['#60', 'rebase', 3, h(1), h(24), h(48)],
      ['#61', 'rebase', 1, h(30), h(30), h(49)],
      [sha('push').slice(0, 10), 'direct', 1, h(72), h(72), h(72)],
    ]);
    expect(changes[1]?.sha).toBe(sha('c3'));
    expect(changes[1]?.forkPoints).toEqual([sha('m0')]);
  });

  it('is not fooled by a backport that copies a commit of the branch later', () => {
    const backport = [commit('bp', { authorAt: h(72), at: h(90), subject: 'push' })];
    const changes = buildChanges(input(line, [], { pulls: pulls({ 60: p60, 61: p61, 62: backport }) }));
    expect(changes.at(-1)).toMatchObject({ kind: 'direct', number: null });
  });

  it('ends a run at a squash of another pull request the clone has, whose copy the branch holds', () => {
    // nuxt's #35756, never merged, held copies of a push and of Renovate's squash #35747: the squash is #35747's
    const p70 = [commit('k1', { at: h(1) }), commit('k2', { at: h(2), subject: 'Update deps (#71)' }), commit('k3', { at: h(3) })];
    const p71 = [commit('u1', { at: h(2), subject: 'Update deps' })];
    const ran = [
      m0,
      copy('push1', p70[0] as Commit, h(10), 'm0'),
      commit('sq71', { parents: ['push1'], authorAt: h(2), at: h(10), subject: 'Update deps (#71)' }),
    ];
    const changes = buildChanges(input(ran, [], { pulls: pulls({ 70: p70, 71: p71 }) }));
    expect(changes.find((c) => c.sha === sha('sq71'))).toMatchObject({ id: '#71', kind: 'squash', commits: 1 });
    // the run ends before the squash: the push's copy stays a run of its own
    expect(changes.filter((c) => c.kind === 'rebase').map((c) => c.commits)).toEqual([1]);
  });

  it('takes a stack rebase-merged in one go (copies committed in the same second) for its top pull request', () => {
    const together = line.map((c, i) => (i >= 1 && i <= 4 ? { ...c, committedAt: h(48) } : c));
    const changes = buildChanges(input(together, [], { pulls: pulls({ 60: p60, 61: p61 }) }));
    expect(changes.map((c) => [c.id, c.commits, c.firstCommitAt])).toEqual([
      [m0.sha.slice(0, 10), 1, h(0)],
      ['#61', 4, h(1)],
      [sha('push').slice(0, 10), 1, h(72)],
    ]);
  });

  it('ends a pull request\'s run once it brought every commit: a later copy of one of them is the next pull request\'s', () => {
    // terraform's #38226 (19 commits, rebase-merged 13:00) and #38245, stacked on an older state of it, rebase-merged
    // 54 minutes later: its first commit 17bc01688c copies a commit #38226 had landed (same author, date, subject,
    // conflicts resolved anew). Read as #38226's twentieth, #38226 merged 54 minutes late and #38245 lost a commit.
    const p70 = [commit('k1', { at: h(1) }), commit('k2', { at: h(2) }), commit('k3', { at: h(3) })];
    const p71 = [commit('k2again', { authorAt: h(2), subject: p70[1]?.subject, at: h(6) }), commit('l1', { at: h(7) }), commit('l2', { at: h(8) })];
    const stackLine = [
      m0,
      copy('d1', p70[0] as Commit, h(48), 'm0'),
      copy('d2', p70[1] as Commit, h(48), 'd1'),
      copy('d3', p70[2] as Commit, h(48), 'd2'),
      copy('e1', p71[0] as Commit, h(49), 'd3'),
      copy('e2', p71[1] as Commit, h(49), 'e1'),
      copy('e3', p71[2] as Commit, h(49), 'e2'),
    ];
    const changes = buildChanges(input(stackLine, [], { pulls: pulls({ 70: p70, 71: p71 }) }));
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.mergedAt])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 1, h(0)],
      ['#70', 'rebase', 3, h(48)],
      // its copy of the commit #70 landed is no work of its own (copies of landed commits, section 1)
      ['#71', 'rebase', 2, h(49)],
    ]);
    expect(changes[1]?.sha).toBe(sha('d3'));
    expect(changes[2]?.commitShas).toContain(sha('e1'));
  });

  it('takes commits pushed as they were, up to a pull request\'s head, for that pull request', () => {
    const pushed = [m0, commit('x1', { parents: ['m0'], authorAt: h(1), at: h(20) }), commit('x2', { parents: ['x1'], authorAt: h(2), at: h(20) }), commit('x3', { parents: ['x2'], at: h(30) })];
    const changes = buildChanges(input(pushed, [], { pullHeads: new Map([[sha('x2'), 77]]) }));
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 1, h(0)],
      ['#77', 'rebase', 2, h(1)],
      [sha('x3').slice(0, 10), 'direct', 1, h(30)],
    ]);
  });

  it('takes the commits of a pull request rebased and pushed over several seconds for that pull request', () => {
    // wagtail's #14017: eight commits rebased over two seconds, the release note (its head) 23 seconds later,
    // after a direct push five minutes before
    const s = (seconds: number): number => h(20) + seconds;
    const pushed = [
      m0,
      commit('d1', { parents: ['m0'], at: s(-300) }),
      commit('y1', { parents: ['d1'], authorAt: h(1), at: s(0) }),
      commit('y2', { parents: ['y1'], authorAt: h(2), at: s(1) }),
      commit('y3', { parents: ['y2'], authorAt: h(3), at: s(2) }),
      commit('note', { parents: ['y3'], authorAt: h(19), at: s(25) }),
    ];
    const changes = buildChanges(input(pushed, [], { pullHeads: new Map([[sha('note'), 14017]]) }));
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 1, h(0)],
      [sha('d1').slice(0, 10), 'direct', 1, s(-300)],
      ['#14017', 'rebase', 4, h(1)],
    ]);
  });

  it('takes commits pushed with a pull request\'s head for it, not for an older pull request holding some of them', () => {
    // wagtail's #14398 (merged, pushed as it was) took over #11268 (closed in 2023): its first commit copies one
    // of #11268's, whose other commit never landed
    const old = [commit('o1', { authorAt: h(1), at: h(2) }), commit('o2', { authorAt: h(3), at: h(4) })];
    const s = (seconds: number): number => h(50) + seconds;
    const pushed = [
      m0,
      commit('t1', { parents: ['m0'], authorAt: h(1), subject: 'o1', at: s(0) }),
      commit('t2', { parents: ['t1'], authorAt: h(40), at: s(1) }),
      commit('t3', { parents: ['t2'], authorAt: h(45), at: s(2) }),
    ];
    const changes = buildChanges(input(pushed, [], { pulls: pulls({ 11268: old }), pullHeads: new Map([[sha('t3'), 14398]]) }));
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 1, h(0)],
      ['#14398', 'rebase', 3, h(1)],
    ]);
    // a pull request the copies bring whole is still that one's rebase merge, the pushed one after it
    const whole = buildChanges(input(pushed, [], { pulls: pulls({ 11268: old.slice(0, 1) }), pullHeads: new Map([[sha('t3'), 14398]]) }));
    expect(whole.map((c) => [c.id, c.commits])).toEqual([[m0.sha.slice(0, 10), 1], ['#11268', 1], ['#14398', 2]]);
  });

  it('takes a pull request pushed as it was, its subjects ending in its number, for its own commits', () => {
    // tokio's release lines: `chore: prepare Tokio v1.43.4 (#7821)` is refs/pull/7821/head itself, written 32 minutes
    // before it was rebased onto the line; `Pin stable to 1.94 for tokio-1.51.x (#8105)` lies under #8105's head, its
    // merge of tokio-1.47.x (a sync). Read as squashes, each had its commits unseen and no lead time.
    const line = [
      m0,
      commit('prep', { parents: ['m0'], authorAt: h(9.5), at: h(10), subject: 'chore: prepare v1.0.1 (#7)' }),
      commit('pin', { parents: ['prep'], authorAt: h(19), at: h(20), subject: 'Pin stable (#8)' }),
      commit('sync', { parents: ['pin', 'fix'], at: h(21), subject: 'Merge release-0.9 into main (#8)' }),
    ];
    const fix = commit('fix', { parents: ['m0'], at: h(5), subject: 'fix: a leak' });
    const heads = new Map([[sha('prep'), 7], [sha('sync'), 8]]);
    const changes = buildChanges(input(line, [fix], { pullHeads: heads, release: new Set([sha('fix')]) }));
    expect(changes.map((c) => [c.id, c.kind, c.title, c.commits, c.firstCommitAt, c.flags])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 'm0', 1, h(0), []],
      ['#7', 'rebase', 'chore: prepare v1.0.1', 1, h(9.5), []],
      ['#8', 'rebase', 'Pin stable', 1, h(19), []],
      ['#8', 'merge', 'Merge release-0.9 into main', 1, h(5), []],
    ]);
    // the merge at its head is a change of its own, as it always was: the commit it brought is its
    expect(changes.map((c) => c.commitShas)).toEqual([[sha('m0')], [sha('prep')], [sha('pin')], [sha('fix')]]);
    // a subject naming another pull request under the head is that one's squash: the head's run is not it
    const other = [m0, commit('prep', { parents: ['m0'], authorAt: h(9.5), at: h(10), subject: 'chore: prepare v1.0.1 (#6)' }), line[2] as Commit, line[3] as Commit];
    expect(buildChanges(input(other, [fix], { pullHeads: heads, release: new Set([sha('fix')]) })).slice(1, 3).map((c) => [c.id, c.kind, c.commits])).toEqual([
      ['#6', 'squash', null],
      ['#8', 'rebase', 1],
    ]);
  });

  it('leaves a squash a merge tool pushed to its pull request before landing it with its commits unseen', () => {
    // Graphite squashes each pull request of a stack onto its branch and pushes it before merging: tailwindcss'
    // `Vite: Fix issues when loading files via static asset queries (#14716)`, its pull ref's head, authored and
    // committed in the same second. Its work's first commit is not that squash's.
    const line = [m0, commit('squashed', { parents: ['m0'], authorAt: h(10) - 1, at: h(10), subject: 'Fix the loader (#14716)' })];
    const [, squashed] = buildChanges(input(line, [], { pullHeads: new Map([[sha('squashed'), 14716]]) }));
    expect([squashed?.kind, squashed?.commits, squashed?.firstCommitAt, squashed?.flags]).toEqual(['squash', null, null, ['commits-unseen']]);
  });

  it('keeps commits the merger reworded in the rebase in the pull request\'s change', () => {
    // wagtail's #13405: its first commit and another reworded, same author and author date
    const reworded = (name: string, of: Commit, parent: string): Commit =>
      commit(name, { parents: [parent], authorAt: of.authoredAt, subject: `${of.subject}, reworded`, at: h(48) });
    const rebased = [
      m0,
      reworded('r1', p60[0] as Commit, 'm0'),
      copy('r2', p60[1] as Commit, h(48), 'r1'),
      reworded('r3', p60[2] as Commit, 'r2'),
      commit('push', { parents: ['r3'], at: h(72) }),
    ];
    const changes = buildChanges(input(rebased, [], { pulls: pulls({ 60: p60 }) }));
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt])).toEqual([
      [m0.sha.slice(0, 10), 'direct', 1, h(0)],
      ['#60', 'rebase', 3, h(1)],
      [sha('push').slice(0, 10), 'direct', 1, h(72)],
    ]);
  });

  it('is no rebase merge when the pull request holds copies committed with the same dates (a rewritten history)', () => {
    const rewritten = line.slice(1, 4).map((c, i) => commit(`rw${i}`, { authorAt: c.authoredAt, at: c.committedAt, subject: c.subject }));
    const changes = buildChanges(input(line, [], { pulls: pulls({ 99: rewritten }) }));
    expect(changes.map((c) => c.kind)).toEqual(['direct', 'direct', 'direct', 'direct', 'direct', 'direct']);
  });

  it('leaves a pull request the branch squash-merged to its squash, and prefers the newer of two equal pull requests', () => {
    const withSquash = [...line, commit('sq60', { parents: ['push'], at: h(90), subject: 'Land sixty (#60)' })];
    const changes = buildChanges(input(withSquash, [], { pulls: pulls({ 60: p60, 63: [p61[3] as Commit], 64: [p61[3] as Commit] }) }));
    expect(changes.map((c) => [c.id.startsWith('#') ? c.id : 'direct', c.kind])).toEqual([
      ['direct', 'direct'], ['direct', 'direct'], ['direct', 'direct'], ['direct', 'direct'], ['#64', 'rebase'], ['direct', 'direct'], ['#60', 'squash'],
    ]);
  });

  it('without pull refs, each copy is a direct change', () => {
    expect(buildChanges(input(line)).map((c) => c.kind)).toEqual(['direct', 'direct', 'direct', 'direct', 'direct', 'direct']);
  });
});

describe('a release merged into the branch by hand, as one commit', () => {
  // mermaid's #7468 `Merge v11.13.0 back to develop`: one commit, `merge v11.13.0 to develop`, master's release
  const kinds = (subject: string) => {
    const side = commit('hand', { parents: ['m0'], at: h(1), subject });
    const merge = commit('mg', { parents: ['m0', 'hand'], at: h(2), subject: 'Merge pull request #68 from acme/merge-back', bodyFirstLine: 'Merge v11.13.0 back to main' });
    return buildChanges(input([m0, merge], [side])).map((c) => c.kind);
  };

  it('is a sync when its commit says it merges a version into the tracked branch', () => {
    expect(kinds('merge v11.13.0 to main')).toEqual(['direct', 'sync']);
    expect(kinds('Merge release 2.4.1 back into origin/main.')).toEqual(['direct', 'sync']);
  });

  it('is a change when it names another branch, or no version', () => {
    expect(kinds('merge v11.13.0 to release-11')).toEqual(['direct', 'merge']);
    expect(kinds('Merge the v2 parser into main')).toEqual(['direct', 'merge']);
    expect(kinds('merge 11.13 to main')).toEqual(['direct', 'merge']);
  });
});

describe('a pull request based on a history the branch no longer holds', () => {
  // rust-analyzer rebuilt master on 2025-11-15: the new master copies the old one's merges of #11 and #12 as single
  // commits, and #20, never merged, was based on the old master: its pull ref holds those merges and their sides
  const s11 = commit('s11', { at: h(1), subject: 'Fix the parser' });
  const s12 = commit('s12', { at: h(2), subject: 'Tidy the lexer' });
  const o0 = commit('o0', { at: h(0), subject: 'old root' });
  const om1 = commit('om1', { parents: ['o0', 's11'], at: h(3), subject: 'Merge pull request #11 from ada/parser' });
  const om2 = commit('om2', { parents: ['om1', 's12'], at: h(4), subject: 'Merge pull request #12 from ada/lexer' });
  const p1 = commit('p1', { parents: ['om2'], at: h(5), subject: 'Read memory in the evaluator' });
  const copy = (name: string, of: Commit, parent: string): Commit => commit(name, { parents: [parent], authorAt: of.authoredAt, subject: of.subject, at: h(10) });
  const refs = new Map([o0, om1, om2, p1, s11, s12].map((c) => [c.sha, c]));

  const line = [m0, copy('c1', om1, 'm0'), copy('c2', om2, 'c1')];
  const heads = new Map([[20, sha('p1')], [11, sha('s11')], [12, sha('s12')]]);

  it('holds none of that history as its own: the copies are the pull requests their subjects land', () => {
    const landed = new Set(landedNumbers(line, 'main'));
    expect([...landed]).toEqual([11, 12]);
    const split = splitPullCommits(heads, refs, () => false, (n) => landed.has(n));
    expect(split.get(20)?.commits.map((c) => c.subject)).toEqual(['Read memory in the evaluator']);
    const changes = buildChanges(input(line, [], { pulls: split }));
    expect(changes.map((c) => c.id)).toEqual([m0.sha.slice(0, 10), '#11', '#12']);
    // the same merges on a release line are the line's history, which a pull request merging it back brings
    const onLine = splitPullCommits(heads, refs, (s) => s === om1.sha || s === om2.sha, (n) => landed.has(n));
    expect(onLine.get(20)?.commits.map((c) => c.subject)).toContain('Fix the parser');
  });

  it('holds as its own the pull requests merged into it that the branch never landed: an integration branch\'s', () => {
    /*
     * mermaid's #7501 squashed `feature/neo-look-base`, cut from develop by the merge of #7376 into it, which had
     * taken in #7350, #7413 and more since January. Here the branch is cut from m0 by merging #11 (s11, 1h), then
     * takes #12 (s12, 2h) and a commit of its own (5h); #20 squashes it at 20h.
     */
    const t11 = commit('t11', { parents: ['m0'], at: h(1), subject: 'Fix the parser' });
    const t12 = commit('t12', { parents: ['m0'], at: h(2), subject: 'Tidy the lexer' });
    const im1 = commit('im1', { parents: ['m0', 't11'], at: h(3), subject: 'Merge pull request #11 from acme/parser' });
    const im2 = commit('im2', { parents: ['im1', 't12'], at: h(4), subject: 'Merge pull request #12 from acme/lexer' });
    const q1 = commit('q1', { parents: ['im2'], at: h(5), subject: 'Read memory in the evaluator' });
    const integration = new Map([t11, t12, im1, im2, q1].map((c) => [c.sha, c]));
    const pulls = new Map([[20, sha('q1')], [11, sha('t11')], [12, sha('t12')]]);
    const squash = commit('sq', { parents: ['m0'], at: h(20), subject: 'Read memory in the evaluator (#20)' });
    const begun = (landed: (n: number) => boolean) => buildChanges(input([m0, squash], [], { pulls: splitPullCommits(pulls, integration, () => false, landed) }))[1]?.firstCommitAt;
    // neither #11 nor #12 landed on the tracked branch: #20 began with #11's first commit
    expect(begun(() => false)).toBe(h(1));
    // had both landed there, the chain of their merges would be a base the branch no longer holds
    expect(begun((n) => n === 11 || n === 12)).toBe(h(5));
  });

  it('keeps as its own a branch that took in pull requests made into it, on a fork', () => {
    // cli's #8698 merged `Merge pull request #1 from phillmv/…` and `#2` in a row: the fork's numbers, whose heads are
    // not the repository's #1 and #2
    const q0 = commit('q0', { parents: ['m0'], at: h(1) });
    const a1 = commit('a1', { parents: ['q0'], at: h(2) });
    const a2 = commit('a2', { parents: ['q0'], at: h(2) });
    const q1 = commit('q1', { parents: ['q0', 'a1'], at: h(3), subject: 'Merge pull request #2 from alice/x' });
    const q2 = commit('q2', { parents: ['q1', 'a2'], at: h(4), subject: 'Merge pull request #1 from alice/y' });
    const q3 = commit('q3', { parents: ['q2'], at: h(5) });
    const heads = new Map([[30, sha('q3')], [1, sha('old1')], [2, sha('old2')]]);
    const split = splitPullCommits(heads, new Map([q0, a1, a2, q1, q2, q3].map((c) => [c.sha, c])), () => false, () => true);
    expect(split.get(30)?.commits.length).toBe(6);
  });
});

describe('bots and AI agents', () => {
  it('knows CI identities, and a bot that only merged does not make the change a bot change', () => {
    const side = [commit('work', { parents: ['m0'], at: h(5) })];
    const line = [
      m0,
      commit('gha', { parents: ['m0'], at: h(10), authorName: 'GitHub Actions', authorEmail: 'actions@github.com' }),
      commit('pr', { parents: ['gha', 'work'], at: h(20), subject: 'Merge pull request #70 from ada/p70', authorName: 'k8s-ci-robot', authorEmail: 'k8s-ci-robot@users.noreply.github.com' }),
      commit('gopher', { parents: ['pr'], at: h(30), authorName: 'Gopher Robot', authorEmail: 'gobot@golang.org' }),
    ];
    expect(buildChanges(input(line, side)).map((c) => [c.author, c.bot])).toEqual([
      ['Ada Lovelace', false], ['GitHub Actions', true], ['Ada Lovelace', false], ['Gopher Robot', true],
    ]);
  });

  it('gives a merge whose earliest commit is a bot\'s to the people who wrote most of its commits, and leaves a bot\'s pull request with one fix of a person\'s to the bot, however dated', () => {
    const renovate = { authorName: 'renovate[bot]', authorEmail: '29139614+renovate[bot]@users.noreply.github.com' };
    const claire = { authorName: 'Claire', authorEmail: 'claire@example.org' };
    // glitch-soc's upstream merge: Renovate's bump came first (h1), then three commits of Claire's
    const upstream = [commit('u1', { parents: ['m0'], authorAt: h(1), at: h(1), ...renovate }), ...[2, 3, 4].map((n) => commit(`u${n}`, { parents: [`u${n - 1}`], authorAt: h(n), at: h(n), ...claire }))];
    // Dependabot's bump and a person's lockfile fix: one of two, not most
    const bump = [commit('d1', { parents: ['up'], authorAt: h(11), at: h(11), ...renovate }), commit('d2', { parents: ['d1'], authorAt: h(12), at: h(12), ...claire })];
    // pytest's #14704: pre-commit.ci's autoupdate, then a person's fix rebased onto it, written days before it
    const precommit = { authorName: 'pre-commit-ci[bot]', authorEmail: '66853113+pre-commit-ci[bot]@users.noreply.github.com' };
    const rebased = [commit('p1', { parents: ['dep'], authorAt: h(31), at: h(31), ...precommit }), commit('p2', { parents: ['p1'], authorAt: h(25), at: h(32), ...claire })];
    const line = [
      m0,
      commit('up', { parents: ['m0', 'u4'], at: h(10), subject: 'Merge pull request #80 from claire/merge-upstream' }),
      commit('dep', { parents: ['up', 'd2'], at: h(20), subject: 'Merge pull request #81 from acme/renovate/deps' }),
      commit('pc', { parents: ['dep', 'p2'], at: h(40), subject: 'Merge pull request #82 from acme/pre-commit-ci-update-config' }),
    ];
    expect(buildChanges(input(line, [...upstream, ...bump, ...rebased])).slice(1).map((c) => [c.id, c.author, c.bot, c.commits, c.firstCommitAt])).toEqual([
      ['#80', 'Claire', false, 4, h(1)],
      ['#81', 'renovate[bot]', true, 2, h(11)],
      ['#82', 'pre-commit-ci[bot]', true, 2, h(25)],
    ]);
  });

  it('takes a squash\'s author (the pull request\'s, as GitHub writes it) for the change\'s, whoever wrote its commits', () => {
    const line = [m0, commit('sq', { parents: ['m0'], at: h(10), subject: 'Update deps (#5)', authorName: 'renovate[bot]', authorEmail: '29139614+renovate[bot]@users.noreply.github.com' })];
    const [, sq] = buildChanges(input(line, [], { pulls: pulls({ 5: [commit('fix', { at: h(5), authorName: 'Mr. Robot', authorEmail: 'someone@example.com' })] }) }));
    expect(sq).toMatchObject({ author: 'renovate[bot]', bot: true, commits: 1, firstCommitAt: h(5) });
  });

  it('gives a squash a bot authored to the people who began its pull request and wrote most of it; a bot\'s pull request people added to stays the bot\'s', () => {
    const app = { authorName: 'astral-automations-bot[bot]', authorEmail: '250000000+astral-automations-bot[bot]@users.noreply.github.com' };
    const zaniebot = { authorName: 'zaniebot', authorEmail: '242828183+zaniebot@users.noreply.github.com' };
    const renovate = { authorName: 'renovate[bot]', authorEmail: '29139614+renovate[bot]@users.noreply.github.com' };
    const zanie = { authorName: 'Zanie Blue', authorEmail: 'contact@zanie.dev' };
    const konstin = { authorName: 'konstin', authorEmail: 'konstin@mailbox.org' };
    const squash = (n: number, subject: string, who: typeof app) => commit(`sq${n}`, { parents: [n === 1 ? 'm0' : `sq${n - 1}`], at: h(10 * n), subject: `${subject} (#${n})`, ...who });
    const by = (name: string, at: number, who: typeof app) => commit(name, { authorAt: h(at), at: h(at), ...who });
    const line = [
      m0,
      // uv's #21224: the app opened the pull request and so authored its squash; its four commits are Zanie's
      squash(1, 'Ensure full Git commit pins resolve', app),
      // Zanie's two commits and another bot's one between them
      squash(2, 'Rebase retargeted pull requests', app),
      // uv's `Bump version to 0.12.2`: the app's own commits, then three of Zanie's changelog edits
      squash(3, 'Bump version to 0.12.2', app),
      // Renovate's bump and two of a person's fixes
      squash(4, 'Update rust crate clap', renovate),
      // uv's #15866: Renovate's bump, made again after konstin wrote his fix on it: one of two, however dated
      squash(5, 'Update rust crate hashbrown', renovate),
      // nuxt's #35369: Renovate's update, then three of a person's commits rebased onto it, one authored before it
      squash(6, 'Update all non-major dependencies', renovate),
    ];
    const own = pulls({
      1: [1, 2, 3, 4].map((n) => by(`a${n}`, n, zanie)),
      2: [by('b1', 11, zanie), by('b2', 12, zaniebot), by('b3', 13, zanie)],
      3: [by('c1', 21, app), by('c2', 22, app), ...[3, 4, 5].map((n) => by(`c${n}`, 20 + n, zanie))],
      4: [by('d1', 31, renovate), by('d2', 32, zanie), by('d3', 33, zanie)],
      5: [by('e1', 42, renovate), by('e2', 41, konstin)],
      6: [
        commit('f1', { parents: ['m0'], authorAt: h(52), at: h(52), ...renovate }),
        commit('f2', { parents: ['f1'], authorAt: h(50), at: h(53), ...zanie }),
        commit('f3', { parents: ['f2'], authorAt: h(54), at: h(54), ...zanie }),
        commit('f4', { parents: ['f3'], authorAt: h(55), at: h(55), ...zanie }),
      ],
    });
    expect(buildChanges(input(line, [], { pulls: own })).slice(1).map((c) => [c.id, c.author, c.bot, c.commits, c.firstCommitAt])).toEqual([
      ['#1', 'Zanie Blue', false, 4, h(1)],
      ['#2', 'Zanie Blue', false, 3, h(11)],
      ['#3', 'astral-automations-bot[bot]', true, 5, h(21)],
      ['#4', 'renovate[bot]', true, 3, h(31)],
      ['#5', 'renovate[bot]', true, 2, h(41)],
      ['#6', 'renovate[bot]', true, 4, h(50)],
    ]);
  });

  it('reads a person\'s squash of a pull request mostly a GitHub app\'s commits as the app\'s', () => {
    // fastapi's translation pull requests, opened with its maintainer's token: his squash, github-actions' commits
    const tiangolo = { authorName: 'Sebastián Ramírez', authorEmail: 'tiangolo@gmail.com' };
    const actions = { authorName: 'github-actions[bot]', authorEmail: '41898282+github-actions[bot]@users.noreply.github.com' };
    const bare = { authorName: 'github-actions', authorEmail: 'github-actions@github.com' };
    const robot = { authorName: 'Mr. Robot', authorEmail: 'gomexxxx71@gmail.com' };
    const cursor = { authorName: 'Cursor Agent', authorEmail: 'cursoragent@cursor.com' };
    const squash = (n: number) => commit(`sq${n}`, { parents: [n === 1 ? 'm0' : `sq${n - 1}`], at: h(10 * n), subject: `Update translations (#${n})`, ...tiangolo });
    const by = (name: string, at: number, who: typeof tiangolo) => commit(name, { authorAt: h(at), at: h(at), ...who });
    const own = pulls({
      1: [by('a1', 1, actions), by('a2', 2, actions)],
      // GitHub Actions' own address, without `[bot]`; the person's fix is one of three
      2: [by('b1', 11, bare), by('b2', 12, bare), by('b3', 13, tiangolo)],
      // half is not most: the person's
      3: [by('c1', 21, actions), by('c2', 22, tiangolo)],
      // a person who calls themselves a robot, and an AI agent, are no app
      4: [by('d1', 31, robot)],
      5: [by('e1', 41, cursor)],
    });
    expect(buildChanges(input([m0, ...[1, 2, 3, 4, 5].map(squash)], [], { pulls: own })).slice(1).map((c) => [c.id, c.author, c.bot])).toEqual([
      ['#1', 'github-actions[bot]', true],
      ['#2', 'github-actions', true],
      ['#3', 'Sebastián Ramírez', false],
      ['#4', 'Sebastián Ramírez', false],
      ['#5', 'Sebastián Ramírez', false],
    ]);
  });

  it('reads an agent\'s commits as the agent\'s change when it began it or wrote most of it, else as assisted', () => {
    const copilot = { authorName: 'copilot-swe-agent[bot]', authorEmail: '198982749+Copilot@users.noreply.github.com' };
    // vuejs/core's #12125: a person's pull request whose conflicts the agent resolved later, two commits of five
    const added = [commit('a1', { parents: ['m0'], at: h(1) }), commit('a2', { parents: ['a1'], at: h(2) }), commit('a3', { parents: ['a2'], at: h(3), ...copilot }), commit('a4', { parents: ['a3'], at: h(4), ...copilot }), commit('a5', { parents: ['a4'], at: h(5) })];
    // the agent's pull request (its `Initial plan` first), a person's fix last
    const began = [commit('b1', { parents: ['m0'], at: h(11), ...copilot }), commit('b2', { parents: ['b1'], at: h(12) })];
    // a person's first commit, then the agent's three of four
    const most = [commit('c1', { parents: ['m0'], at: h(21) }), ...[2, 3, 4].map((n) => commit(`c${n}`, { parents: [`c${n - 1}`], at: h(20 + n), ...copilot }))];
    const line = [
      m0,
      commit('pa', { parents: ['m0', 'a5'], at: h(10), subject: 'Merge pull request #1 from ada/one' }),
      commit('pb', { parents: ['pa', 'b2'], at: h(20), subject: 'Merge pull request #2 from ada/two' }),
      commit('pc', { parents: ['pb', 'c4'], at: h(30), subject: 'Merge pull request #3 from ada/three' }),
    ];
    const line1 = 'author: copilot-swe-agent[bot]';
    expect(buildChanges(input(line, [...added, ...began, ...most])).slice(1).map((c) => [c.id, c.author, c.aiEvidence, c.aiTools, c.aiStrength])).toEqual([
      ['#1', 'Ada Lovelace', [line1], ['copilot'], 'assisted'],
      ['#2', 'copilot-swe-agent[bot]', [line1], ['copilot'], 'agent'],
      ['#3', 'Ada Lovelace', [line1], ['copilot'], 'agent'],
    ]);
  });

  it('reads a squash the agent authored (it opened the pull request) as the agent\'s, whoever began the commits', () => {
    const copilot = { authorName: 'copilot-swe-agent[bot]', authorEmail: '198982749+Copilot@users.noreply.github.com' };
    const line = [m0, commit('sq', { parents: ['m0'], at: h(10), subject: 'Fix the parser (#5)', ...copilot })];
    const own = [commit('p1', { at: h(1) }), commit('p2', { at: h(2) }), commit('p3', { at: h(3), ...copilot })];
    const [, sq] = buildChanges(input(line, [], { pulls: pulls({ 5: own }) }));
    expect(sq).toMatchObject({ commits: 3, aiEvidence: ['author: copilot-swe-agent[bot]'], aiStrength: 'agent' });
  });

  // the tags on each commit of a test's history, by the commit's short name
  const tagsOn = (tags: ReadonlyMap<string, string[]>) => (c: Commit): readonly string[] => [...tags].find(([name]) => sha(name) === c.sha)?.[1] ?? [];

  it('flags a direct push that sets the version a tag on it names as a release commit, and nothing else', () => {
    const tags = new Map([['rel', ['v1.2.3']], ['dep', ['v1.2.4']], ['pre', ['create-vite@8.0.0-beta.1']], ['sq', ['v1.3.0']], ['bot', ['v1.3.1']], ['py', ['v3.14.0a1']], ['support', ['v3.14.0a2']], ['words', ['python-3.14.0a1']], ['git', ['v2.55.0']], ['rc', ['v2.56.0-rc0']], ['minor', ['v2.57.1']]]);
    const line = [
      m0,
      commit('rel', { parents: ['m0'], at: h(1), subject: 'v1.2.3' }),
      // tagged, but not with the version it sets: a dependency's
      commit('dep', { parents: ['rel'], at: h(2), subject: 'bump react to 19.0.0' }),
      commit('pre', { parents: ['dep'], at: h(3), subject: 'release: create-vite@8.0.0-beta.1' }),
      // the version it sets, with no tag: a cycle opened, not a release
      commit('open', { parents: ['pre'], at: h(4), subject: 'Bump version to 1.4.0' }),
      // a version bump through a pull request is a change
      commit('sq', { parents: ['open'], at: h(5), subject: 'chore(release): 1.3.0 (#9)' }),
      commit('bot', { parents: ['sq'], at: h(6), subject: 'v1.3.1', authorName: 'github-actions[bot]', authorEmail: '41898282+github-actions[bot]@users.noreply.github.com' }),
      // cpython's release managers name the release: tagged with that version, it is one
      commit('py', { parents: ['bot'], at: h(7), subject: 'Python 3.14.0a1' }),
      // named like one, tagged with another version: a change
      commit('support', { parents: ['py'], at: h(8), subject: 'Python 3.13.0' }),
      // more words than a name and a version: a change, whatever the tag
      commit('words', { parents: ['support'], at: h(9), subject: 'Support Python 3.14.0a1' }),
      // git's: a version of two numbers, its tag's third a 0; not when the tag's third is another number
      commit('git', { parents: ['words'], at: h(10), subject: 'Git 2.55' }),
      commit('rc', { parents: ['git'], at: h(11), subject: 'Git 2.56-rc0' }),
      commit('minor', { parents: ['rc'], at: h(12), subject: 'Git 2.57' }),
    ];
    const changes = buildChanges(input(line, [], { tagsOf: tagsOn(tags) }));
    expect(changes.slice(1).map((c) => [c.title, c.bot, c.flags.includes('release-commit')])).toEqual([
      ['v1.2.3', false, true],
      ['bump react to 19.0.0', false, false],
      ['release: create-vite@8.0.0-beta.1', false, true],
      ['Bump version to 1.4.0', false, false],
      ['chore(release): 1.3.0', false, false],
      ['v1.3.1', true, true],
      ['Python 3.14.0a1', false, true],
      ['Python 3.13.0', false, false],
      ['Support Python 3.14.0a1', false, false],
      ['Git 2.55', false, true],
      ['Git 2.56-rc0', false, true],
      ['Git 2.57', false, false],
    ]);
  });

  it('reads a post-release bump first of the history read by its parent below it: flask\'s `start version 3.2.0`', () => {
    // flask's 90 days were read from `start version 3.2.0`: its parent, `release version 3.1.0 (#5640)`, whose merged
    // side is tagged 3.1.0, is the read's boundary, below it
    const line = [
      commit('bump', { parents: ['merge'], at: h(1), subject: 'start version 3.2.0' }),
      commit('fix', { parents: ['bump'], at: h(2), subject: 'fix: the parser' }),
      commit('bump2', { parents: ['fix'], at: h(3), subject: 'start version 3.3.0' }),
    ];
    const flagged = (o: Partial<BuildChangesInput>): boolean[] => buildChanges(input(line, [], { tagsOf: () => [], ...o })).map((c) => c.flags.includes('release-commit'));
    expect(flagged({ releasedBelow: new Set([sha('merge')]) })).toEqual([true, false, false]);
    // a parent below the read that carried no release, or none read below it
    expect(flagged({ releasedBelow: new Set([sha('other')]) })).toEqual([false, false, false]);
    expect(flagged({})).toEqual([false, false, false]);
  });

  it('flags a direct push that publishes and names no version when a tag on it names one, and nothing else', () => {
    // react-navigation's `chore: publish` (its versions in the body, each a tag), Rush's `Bump versions [skip ci]`
    const tags = new Map([['pub', ['@scope/a@1.2.0', '@scope/b@0.4.1-alpha.3']], ['rush', ['@scope/c_v2.0.0']], ['pr', ['@scope/a@1.3.0']], ['latest', ['latest']]]);
    const line = [
      m0,
      commit('pub', { parents: ['m0'], at: h(1), subject: 'chore: publish' }),
      commit('rush', { parents: ['pub'], at: h(2), subject: 'Bump versions [skip ci]' }),
      // no tag: a publish that failed, or its tags on another branch; the commit stays a change
      commit('untagged', { parents: ['rush'], at: h(3), subject: 'chore: publish' }),
      // through a pull request it is a change, as a version bump is
      commit('pr', { parents: ['untagged'], at: h(4), subject: 'chore: publish (#12)' }),
      // a tag that names no version says nothing of a release
      commit('latest', { parents: ['pr'], at: h(5), subject: 'Publish' }),
    ];
    const changes = buildChanges(input(line, [], { tagsOf: tagsOn(tags) }));
    expect(changes.slice(1).map((c) => [c.title, c.kind, c.flags.includes('release-commit')])).toEqual([
      ['chore: publish', 'direct', true],
      ['Bump versions [skip ci]', 'direct', true],
      ['chore: publish', 'direct', false],
      ['chore: publish', 'squash', false],
      ['Publish', 'direct', false],
    ]);
  });

  it('reads no AI evidence from a squash\'s co-author that only commits it does not own name', () => {
    // All-Hands-AI/OpenHands' #10596: one commit of its own by a person, on a branch that still holds its base
    // #10519's commit, which OpenHands co-authored; GitHub wrote that co-author into #10596's squash too
    const agent = { tool: 'openhands', strength: 'assisted' as const, line: 'Co-authored-by: openhands <openhands@all-hands.dev>' };
    const base = [commit('b1', { at: h(1), aiEvidence: [agent] })];
    const stacked = [commit('b1copy', { authorAt: h(1), at: h(40), subject: 'b1', aiEvidence: [agent] }), commit('s1', { authorAt: h(5), at: h(40) })];
    const line = [
      m0,
      commit('sq20', { parents: ['m0'], at: h(30), subject: 'Add base (#20)', aiEvidence: [agent] }),
      commit('sq21', { parents: ['sq20'], at: h(50), subject: 'Add stacked (#21)', aiEvidence: [agent] }),
      // the same co-author, written by a person who worked with the agent (no commit of the branch names it)
      commit('sq22', { parents: ['sq21'], at: h(60), subject: 'Add more (#22)', aiEvidence: [agent] }),
    ];
    const [, b, s, more] = buildChanges(input(line, [], { pulls: pulls({ 20: base, 21: stacked, 22: [commit('t1', { at: h(55) })] }) }));
    expect(b).toMatchObject({ id: '#20', aiEvidence: [agent.line] });
    expect(s).toMatchObject({ id: '#21', commits: 1, aiEvidence: [] });
    expect(more).toMatchObject({ id: '#22', aiEvidence: [agent.line] });
  });

  it('counts an AI agent\'s change as AI-assisted work, not as a bot\'s', () => {
    const line = [m0, commit('sq', { parents: ['m0'], at: h(10), subject: 'Add x (#71)', authorName: 'Copilot', authorEmail: '198982749+Copilot@users.noreply.github.com' })];
    expect(buildChanges(input(line))[1]).toMatchObject({ bot: false, aiEvidence: ['author: Copilot'] });
  });
});
