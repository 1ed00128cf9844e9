import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import { assignDeploys, shipments, type DeployContents } from '../../src/model/deploys.js';
import { markRepairs } from '../../src/model/repairs.js';
import { commitGraph, firstReach, parentsBeyond, reachesWithin, releaseLineCommits } from '../../src/model/reach.js';
import type { CommitGraph, ReleaseLineCommit } from '../../src/sources/git/deploy-contents.js';

const H = 3600;
const D = 86400;

/** A graph from `sha: parents`; a parent not listed is outside it (beyond the boundary). */
function graph(edges: Record<string, string[]>): CommitGraph {
  const g: CommitGraph = { node: new Map(), sha: [], parentStart: [], parentCount: [], parents: [] };
  const node = (sha: string): number => {
    if (!g.node.has(sha)) {
      g.node.set(sha, g.parentStart.length);
      g.sha.push(sha);
      g.parentStart.push(-1);
      g.parentCount.push(0);
    }
    return g.node.get(sha) as number;
  };
  for (const [sha, parents] of Object.entries(edges)) {
    const n = node(sha);
    const ps = parents.map(node);
    g.parentStart[n] = g.parents.length;
    g.parentCount[n] = ps.length;
    g.parents.push(...ps);
  }
  return g;
}

function change(id: string, sha: string, mergedAt: number, over: Partial<Change> = {}): Change {
  return {
    id, number: null, title: id, author: 'ada', authorEmail: 'ada@x', url: null, branch: null, kind: 'direct', sha, commitShas: [sha], commits: 1, size: null,
    bot: false, firstCommitAt: mergedAt, lastCommitAt: mergedAt, readyAt: null, firstReviewAt: null, approvedAt: null, mergedAt, deployedAt: null,
    forkPoints: [], forkPointAt: null, flags: [], aiEvidence: [], revertedBy: null, isRevert: false,
    stages: { coding: 0, pickup: null, review: null, merge: null, deploy: null }, cycleTime: 0, leadTime: null, review: null, ...over,
  };
}

/*
 * The tracked branch m1 ← m2 ← m3 ← m4, m2 merging side commit s2 (its head); a release line r1 ← r2 off
 * m1, r2 a copy of m3's commit (same copy key), r3 naming m4's own commit w4 in a cherry-pick line; an old
 * maintenance line x1 off the boundary commit b0, which git did not list.
 */
const g = graph({ m1: ['b0'], s2: ['m1'], m2: ['m1', 's2'], m3: ['m2'], w4: ['m3'], m4: ['m3', 'w4'], r1: ['m1'], r2: ['r1'], r3: ['r2'], x1: ['b0'] });
const releaseLine: ReleaseLineCommit[] = [
  { sha: 'r1', key: 'nobody', cherryPickOf: [], references: [] },
  { sha: 'r2', key: 'key-of-m3', cherryPickOf: [], references: [] },
  { sha: 'r3', key: 'nobody-else', cherryPickOf: ['w4'], references: [] },
  { sha: 'x1', key: 'old-fix', cherryPickOf: [], references: [] },
];

describe('firstReach', () => {
  it('gives every commit the first tip, in order, whose history holds it, in one walk', () => {
    const reach = firstReach(g, ['m1', 'r2', 'm4', 'missing']);
    const at = (sha: string): number => reach[g.node.get(sha) as number] as number;
    expect(['b0', 'm1', 'r1', 'r2', 's2', 'm2', 'm3', 'w4', 'm4', 'r3', 'x1'].map(at)).toEqual([0, 0, 1, 1, 2, 2, 2, 2, 2, -1, -1]);
  });

  it('tells ancestry within the graph, and says when the graph cannot tell', () => {
    expect(reachesWithin(g, 'm4', 'm2')).toBe(true);
    expect(reachesWithin(g, 'r2', 'm3')).toBe(false);
    expect(reachesWithin(g, 'r2', 'b0')).toBe(true);
    // b0's history was not read: whether x1 descends from what m4 holds beyond it is not known here
    expect(reachesWithin(g, 'x1', 'm1')).toBe(false);
    expect(reachesWithin(g, 'm4', 'zz')).toBeNull();
  });
});

describe('shipments', () => {
  const changes = [
    change('c1', 'm1', 10 * H),
    change('#2', 'm2', 30 * H, { kind: 'merge', commitShas: ['s2'] }),
    change('c3', 'm3', 40 * H),
    change('#4', 'm4', 50 * H, { kind: 'merge', commitShas: ['w4'] }),
  ];
  const copies = new Map([['key-of-m3', ['m3']]]);
  const candidates = [
    { ref: 'v1.0.0', sha: 'm1', at: 11 * H, target: '' },
    { ref: 'v1.1.0', sha: 's2', at: 20 * H, target: '' },
    { ref: 'v0.9.1', sha: 'x1', at: 21 * H, target: '' },
    { ref: 'v1.0.1', sha: 'r3', at: 45 * H, target: '' },
    { ref: 'v1.2.0', sha: 'm4', at: 60 * H, target: '' },
    { ref: 'v1.2.1', sha: 'm2', at: 70 * H, target: '' },
  ];
  const contents = shipments(changes, candidates, { graph: g, releaseLine, copies, pullHeads: new Map() });

  it('ships a change whose commit a line\'s cherry-pick names abbreviated (pnpm\'s `Cherry-picked from main (6557dc09f9)`)', () => {
    const full = '6557dc09f9'.padEnd(40, 'a');
    const picked = graph({ m1: ['b0'], [full]: ['m1'], r1: ['m1'], r2: ['r1'] });
    const line = (names: string[]): ReleaseLineCommit[] => [{ sha: 'r2', key: 'edited title', cherryPickOf: names, references: [] }];
    const ship = (names: string[]) => shipments([change('c1', 'm1', 10 * H), change('#11050', full, 40 * H)], [
      { ref: 'v10.33.0', sha: 'r2', at: 20 * H, target: '' },
      { ref: 'v11.0.0', sha: full, at: 50 * H, target: '' },
    ], { graph: picked, releaseLine: line(names), copies: new Map(), pullHeads: new Map() }).map((d) => [d.ref, d.shipped]);
    expect(ship(['6557dc09f9'])).toEqual([['v10.33.0', ['m1', full]], ['v11.0.0', []]]);
    // an abbreviation of another commit, or one too short to say whose, ships nothing of it
    expect(ship(['6557dc09f8'])).toEqual([['v10.33.0', ['m1']], ['v11.0.0', [full]]]);
    expect(ship(['6557dc'])).toEqual([['v10.33.0', ['m1']], ['v11.0.0', [full]]]);
  });

  it('ships each change with the first deploy that holds its landing or head commit, or a copy of its commits', () => {
    expect(contents.map((d) => [d.ref, d.shipped, d.rollback])).toEqual([
      ['v1.0.0', ['m1'], false],
      // the merge's side commit was tagged before the merge: it shipped then
      ['v1.1.0', ['m2'], false],
      // an old line: nothing of the tracked branch
      ['v0.9.1', [], false],
      // the release line carries a copy of c3's commit and a cherry-pick of #4's
      ['v1.0.1', ['m3', 'm4'], false],
      ['v1.2.0', [], false],
      // m2 is in m4's history, but v1.2.0 shipped nothing new (the release line had it first): the deploy
      // before v1.2.1 is v1.0.1, whose history does not hold m2
      ['v1.2.1', [], false],
    ]);
  });

  it('ships a merge that brought no commit of its own at the first deploy holding the merge, not its side parent', () => {
    // pallets/click's `Merge Stable into main (#3006)`: its side parent an older commit of the tracked line (m1),
    // tagged by 8.2.2 (t1) long before the merge (e5), which `git tag --contains` places in 8.3.0 (t2)
    const lines = graph({ m1: ['b0'], m2: ['m1'], e5: ['m2', 'm1'], m6: ['e5'] });
    const empty = change('#3006', 'e5', 50 * H, { kind: 'merge', commitShas: [], commits: 0 });
    const shipped = shipments([empty], [{ ref: '8.2.2', sha: 'm1', at: 10 * H, target: '' }, { ref: '8.3.0', sha: 'm6', at: 60 * H, target: '' }], { graph: lines, releaseLine: [], copies: new Map(), pullHeads: new Map() });
    expect(shipped.map((d) => [d.ref, d.shipped])).toEqual([['8.2.2', []], ['8.3.0', ['e5']]]);
  });

  it('marks a rollback: a deploy whose commit is an ancestor of the previous deploy\'s', () => {
    const two = shipments(changes.slice(0, 1).concat(changes[3] as Change), [{ ref: 'a', sha: 'm4', at: 60 * H, target: '' }, { ref: 'b', sha: 'm2', at: 70 * H, target: '' }, { ref: 'c', sha: 'zz', at: 80 * H, target: '' }], { graph: g, releaseLine: [], copies: new Map(), pullHeads: new Map() });
    // b goes back to m2, in a's history; c's commit is outside what was read: git is asked (null)
    expect(two.map((d) => [d.ref, d.rollback])).toEqual([['a', false], ['b', true], ['c', null]]);
  });

  it('reads a lower version on an earlier release\'s commit as that release named again, not a rollback; a higher one as a rollback', () => {
    // prometheus: v3.11.0 on m2, v3.11.1 on m4, then v0.311.0 (the Go module's name of v3.11.0) on m2 again
    const named = (ref: string) =>
      shipments(changes.slice(0, 1).concat(changes[3] as Change), [
        { ref: 'v3.11.0', sha: 'm2', at: 50 * H, target: '' },
        { ref: 'v3.11.1', sha: 'm4', at: 60 * H, target: '' },
        { ref, sha: 'm2', at: 70 * H, target: '' },
      ], { graph: g, releaseLine: [], copies: new Map(), pullHeads: new Map() }).map((d) => [d.ref, d.rollback]);
    expect(named('v0.311.0')).toEqual([['v3.11.0', false], ['v3.11.1', false], ['v0.311.0', false]]);
    // a newer version put on the older commit is a return to it
    expect(named('v3.11.2')).toEqual([['v3.11.0', false], ['v3.11.1', false], ['v3.11.2', true]]);
  });

  it('fails nothing by a line\'s copy of a revert the tracked branch made before the deploy', () => {
    /*
     * nuxt's 3.x took main's reverts of October 8 and 9 on the 25th, which read as failing v4.2.0, a release that
     * already held them. Here c1 (m1, 10h) is reverted on main by r (m2, 20h); v1.0.0 tags m2 at 30h; the line's
     * copy of the revert, q (same author, date and subject), is committed at 50h and released in v0.9.1 at 60h.
     */
    const line = graph({ m1: ['b0'], m2: ['m1'], q: ['b0'] });
    const changes = [change('c1', 'm1', 10 * H), change('r', 'm2', 20 * H)];
    const built = (copies: Map<string, string[]>) => shipments(changes, [
      { ref: 'v1.0.0', sha: 'm2', at: 30 * H, target: '' },
      { ref: 'v0.9.1', sha: 'q', at: 60 * H, target: '' },
    ], { graph: line, releaseLine: [{ sha: 'q', key: 'revert of c1', cherryPickOf: [], references: [], reverts: { shas: ['m1'], at: 50 * H } }], copies, pullHeads: new Map() });
    const failed = (copies: Map<string, string[]>) => assignDeploys(changes.map((c) => ({ ...c })), built(copies), { revertWindow: 14 * D, dropEmpty: true }).map((d) => [d.ref, d.failed]);
    expect(failed(new Map([['revert of c1', ['m2']]]))).toEqual([['v1.0.0', false]]);
    // a revert the line made itself (no copy of a change of the tracked branch) fails it, as below
    expect(failed(new Map())).toEqual([['v1.0.0', true]]);
  });

  it('fails the deploy whose change a release line reverted, restored by the first deploy that holds the revert', () => {
    /*
     * prometheus' v3.7.0: c1 (its work commit w1, landing m1) shipped in v1.0.0 at 11h; release-1.0 leaves m1 with
     * a fix r1 (v1.0.1, 20h) and `Revert "…"` r2 naming w1, committed at 50h, released in v1.0.2 at 60h; main goes
     * on to m2 (v1.1.0, 120h). The revert never landed on main as a change.
     */
    const line = graph({ w1: ['b0'], m1: ['b0', 'w1'], m2: ['m1'], r1: ['m1'], r2: ['r1'] });
    const reverted = [change('#1', 'm1', 10 * H, { kind: 'merge', commitShas: ['w1'] }), change('c2', 'm2', 100 * H)];
    const built = shipments(reverted, [
      { ref: 'v1.0.0', sha: 'm1', at: 11 * H, target: '' },
      { ref: 'v1.0.1', sha: 'r1', at: 20 * H, target: '' },
      { ref: 'v1.0.2', sha: 'r2', at: 60 * H, target: '' },
      { ref: 'v1.1.0', sha: 'm2', at: 120 * H, target: '' },
    ], { graph: line, releaseLine: [
      { sha: 'r1', key: 'fix', cherryPickOf: [], references: [] },
      { sha: 'r2', key: 'revert', cherryPickOf: [], references: [], reverts: { shas: ['w1'], at: 50 * H } },
    ], copies: new Map(), pullHeads: new Map() });
    const failed = (window: number) => assignDeploys(reverted.map((c) => ({ ...c })), built, { revertWindow: window, dropEmpty: true })
      .map((d) => [d.ref, d.failed, d.failureReasons, d.restoredAfter]);
    expect(failed(14 * D)).toEqual([
      ['v1.0.0', true, ['shipped #1, reverted on a release line by r2 within 14 days'], 49 * H],
      ['v1.1.0', false, [], null],
    ]);
    // a revert 39h after the deploy is past a day's window: a redesign, no failure
    expect(failed(D).map((d) => d[1])).toEqual([false, false]);
    // the line's revert is what removed the failure: its commit and time go with the failed deploy (repairs.ts)
    expect(assignDeploys(reverted.map((c) => ({ ...c })), built, { revertWindow: 14 * D, dropEmpty: true })[0]?.failingReverts).toEqual([{ sha: 'r2', at: 50 * H }]);
    // reverted on two lines (electron's #49778 on 40-x-y and 41-x-y): one reason naming both reverts, restored by
    // the first release that holds one (v1.0.2, 49h after v1.0.0; v0.9.1 holds q2 from 70h), both reverts kept
    const twice = graph({ w1: ['b0'], m1: ['b0', 'w1'], m2: ['m1'], r1: ['m1'], r2: ['r1'], q2: ['m1'] });
    const twoLines = shipments(reverted, [
      { ref: 'v1.0.0', sha: 'm1', at: 11 * H, target: '' },
      { ref: 'v1.0.1', sha: 'r1', at: 20 * H, target: '' },
      { ref: 'v1.0.2', sha: 'r2', at: 60 * H, target: '' },
      { ref: 'v0.9.1', sha: 'q2', at: 70 * H, target: '' },
      { ref: 'v1.1.0', sha: 'm2', at: 120 * H, target: '' },
    ], { graph: twice, releaseLine: [
      { sha: 'r1', key: 'fix', cherryPickOf: [], references: [] },
      { sha: 'r2', key: 'revert', cherryPickOf: [], references: [], reverts: { shas: ['w1'], at: 50 * H } },
      { sha: 'q2', key: 'revert again', cherryPickOf: [], references: [], reverts: { shas: ['w1'], at: 55 * H } },
    ], copies: new Map(), pullHeads: new Map() });
    const first = assignDeploys(reverted.map((c) => ({ ...c })), twoLines, { revertWindow: 14 * D, dropEmpty: true })[0];
    expect([first?.ref, first?.failureReasons, first?.restoredAfter, first?.failingReverts]).toEqual([
      'v1.0.0', ['shipped #1, reverted on release lines by r2 and q2 within 14 days'], 49 * H, [{ sha: 'r2', at: 50 * H }, { sha: 'q2', at: 55 * H }],
    ]);
    // bitwarden's v2025.9.2 tags the revert itself (committed before the tag), holding the change and its revert
    // at once: production never had the failure, and v1.0.0 shipped nothing of #1 (v1.1.0, off main, did)
    const together = shipments(reverted, [
      { ref: 'v1.0.0', sha: 'r2', at: 60 * H, target: '' },
      { ref: 'v1.1.0', sha: 'm2', at: 120 * H, target: '' },
    ], { graph: line, releaseLine: [
      { sha: 'r1', key: 'fix', cherryPickOf: [], references: [] },
      { sha: 'r2', key: 'revert', cherryPickOf: [], references: [], reverts: { shas: ['w1'], at: 60 * H } },
    ], copies: new Map(), pullHeads: new Map() });
    expect(together.map((d) => [d.ref, d.shipped])).toEqual([['v1.0.0', []], ['v1.1.0', ['m1', 'm2']]]);
    expect(assignDeploys(reverted.map((c) => ({ ...c })), together, { revertWindow: 14 * D, dropEmpty: true }).map((d) => [d.ref, d.failed])).toEqual([
      ['v1.1.0', false],
    ]);
  });

  it('ships a change a release line reverted before its release with the first release that holds it without the revert', () => {
    /*
     * mypy's #21262 (m1, 10h) was on release-2.1 when it was cut (r1, 20h), reverted there (r2, naming m1's commit,
     * 30h) and v2.1.0 tagged on r2 (40h); v2.2.0, tagged on main's m2 (100h), shipped it. A reland on the line after
     * the revert (r3, a copy of m1's commit, 50h, in v2.1.1 at 60h) ships it again there. A change the tracked
     * branch reverted too is read as any change reverted before its deploy: shipped by the first deploy holding it.
     */
    const line = graph({ w1: ['b0'], m1: ['b0', 'w1'], m2: ['m1'], r1: ['m1'], r2: ['r1'], r3: ['r2'] });
    const candidates = [
      { ref: 'v2.1.0', sha: 'r2', at: 40 * H, target: '' },
      { ref: 'v2.1.1', sha: 'r3', at: 60 * H, target: '' },
      { ref: 'v2.2.0', sha: 'm2', at: 100 * H, target: '' },
    ];
    const lineCommits = (reland: boolean): ReleaseLineCommit[] => [
      { sha: 'r1', key: 'fix', cherryPickOf: [], references: [] },
      { sha: 'r2', key: 'revert', cherryPickOf: [], references: [], reverts: { shas: ['w1'], at: 30 * H } },
      { sha: 'r3', key: reland ? 'key-of-w1' : 'other', cherryPickOf: [], references: [] },
    ];
    const shipped = (changes: Change[], reland: boolean) => shipments(changes, candidates, { graph: line, releaseLine: lineCommits(reland), copies: new Map([['key-of-w1', ['m1']]]), pullHeads: new Map() })
      .map((d) => [d.ref, d.shipped]);
    const feature = () => change('#21262', 'm1', 10 * H, { kind: 'merge', commitShas: ['w1'] });
    expect(shipped([feature(), change('c2', 'm2', 90 * H)], false)).toEqual([['v2.1.0', []], ['v2.1.1', []], ['v2.2.0', ['m1', 'm2']]]);
    // relanded on the line after its revert: v2.1.1 ships it
    expect(shipped([feature(), change('c2', 'm2', 90 * H)], true)).toEqual([['v2.1.0', []], ['v2.1.1', ['m1']], ['v2.2.0', ['m2']]]);
    // reverted on main too (cargo's #16742): shipped, reverted, by the first deploy holding it, as before
    expect(shipped([feature(), change('c2', 'm2', 90 * H)].map((c) => (c.sha === 'm1' ? { ...c, revertedBy: 'm9' } : c)), false)).toEqual([['v2.1.0', ['m1']], ['v2.1.1', []], ['v2.2.0', ['m2']]]);
    // a revert after the release is a failure of it, not a change it held back
    const late = shipments([feature()], [{ ref: 'v2.0.9', sha: 'r1', at: 25 * H, target: '' }, ...candidates], { graph: line, releaseLine: lineCommits(false), copies: new Map(), pullHeads: new Map() });
    expect(late.map((d) => [d.ref, d.shipped])).toEqual([['v2.0.9', ['m1']], ['v2.1.0', []], ['v2.1.1', []], ['v2.2.0', []]]);
  });

  it('reads a line\'s revert that names no commit by the title it quotes: the last change of that title merged before it', () => {
    /*
     * traefik's v3.6.0 shipped #12029 (`Avoid allocations in readLoop by using sync.Pool`); six days later v3.6
     * squashed #12267 as `Revert "Avoid allocations in readLoop by using sync.Pool"`, no commit named (its `This
     * reverts commit` line stayed in the pull request), released in v3.6.1. Here #1 (m1, 10h) ships in v1.0.0 at
     * 11h; an older change of the same title, #0 (m0, 5h), shipped in v0.9.0 at 6h; the line's revert r2 is
     * committed at 50h and released in v1.0.1 at 60h.
     */
    const line = graph({ m0: ['b0'], m1: ['m0'], m2: ['m1'], r2: ['m1'] });
    const title = 'Avoid allocations in readLoop by using sync.Pool';
    const titled = [change('#0', 'm0', 5 * H, { number: 0, title: `${title} (#0)` }), change('#1', 'm1', 10 * H, { number: 1, title: `${title} (#1)` }), change('c2', 'm2', 100 * H)];
    const failed = (revert: { shas: string[]; at: number; title?: string; titleNumber?: number }) => assignDeploys(titled.map((c) => ({ ...c })), shipments(titled, [
      { ref: 'v0.9.0', sha: 'm0', at: 6 * H, target: '' },
      { ref: 'v1.0.0', sha: 'm1', at: 11 * H, target: '' },
      { ref: 'v1.0.1', sha: 'r2', at: 60 * H, target: '' },
      { ref: 'v1.1.0', sha: 'm2', at: 120 * H, target: '' },
    ], { graph: line, releaseLine: [{ sha: 'r2', key: 'revert', cherryPickOf: [], references: [], reverts: revert }], copies: new Map(), pullHeads: new Map() }),
    { revertWindow: 14 * D, dropEmpty: true }).filter((d) => d.failed).map((d) => [d.ref, d.failureReasons, d.restoredAfter]);
    expect(failed({ shas: [], at: 50 * H, title })).toEqual([['v1.0.0', ['shipped #1, reverted on a release line by r2 within 14 days'], 49 * H]]);
    // a title no change has names nothing
    expect(failed({ shas: [], at: 50 * H, title: 'Avoid allocations' })).toEqual([]);
    // quoted with its own number: that pull request's; another number (grpc-go's line reverting its own backport
    // `deps: update dependencies for all modules (#9065)`) names no change of the branch
    expect(failed({ shas: [], at: 50 * H, title, titleNumber: 1 })).toEqual([['v1.0.0', ['shipped #1, reverted on a release line by r2 within 14 days'], 49 * H]]);
    expect(failed({ shas: [], at: 50 * H, title, titleNumber: 9 })).toEqual([]);
  });

  it('compares a deploy with the last one to the same target: another package\'s newer tag is no rollback to go back from', () => {
    // home-0.5.12 (a package's tag) on m4, then 0.93.0 tagged on m2, cut for the main product's train before it
    const packages = shipments(changes.slice(0, 1).concat(changes[3] as Change), [
      { ref: '0.91.0', sha: 'm1', at: 20 * H, target: '' },
      { ref: 'home-0.5.12', sha: 'm4', at: 60 * H, target: 'home-' },
      { ref: '0.93.0', sha: 'm2', at: 70 * H, target: '' },
    ], { graph: g, releaseLine: [], copies: new Map(), pullHeads: new Map() });
    expect(packages.map((d) => [d.ref, d.rollback])).toEqual([['0.91.0', false], ['home-0.5.12', false], ['0.93.0', false]]);
  });

  it('gives a line\'s copy whose key two changes\' commits hold to those merged when it shipped, else the first', () => {
    // m1 and m2 land commits of one copy key: prometheus' #17600, whose commit carried #17411's author, author date and
    // subject over other work, merged after release-3.8 shipped its copy of #17411 (r1); m3 and m4 land one commit
    // twice (nuxt's pushed commits, then their pull request's squash), and the line's copy of it ships after both
    const lines = graph({ m1: ['b0'], m2: ['m1'], m3: ['m2'], m4: ['m3'], m5: ['m4'], r1: ['m1'], r2: ['r1'] });
    const keyed = [change('#17411', 'm1', 10 * H), change('#17600', 'm2', 100 * H), change('pushed', 'm3', 102 * H), change('squashed', 'm4', 110 * H)];
    const copies = new Map([['key-a', ['m1', 'm2']], ['key-b', ['m3', 'm4']]]);
    const lineCopies: ReleaseLineCommit[] = [{ sha: 'r1', key: 'key-a', cherryPickOf: [], references: [] }, { sha: 'r2', key: 'key-b', cherryPickOf: [], references: [] }];
    const shipped = shipments(keyed, [
      { ref: 'v3.8.0', sha: 'r1', at: 50 * H, target: '' },
      { ref: 'v3.8.1', sha: 'r2', at: 115 * H, target: '' },
      { ref: 'v3.10.0', sha: 'm5', at: 120 * H, target: '' },
    ], { graph: lines, releaseLine: lineCopies, copies, pullHeads: new Map() });
    expect(shipped.map((d) => [d.ref, d.shipped])).toEqual([['v3.8.0', ['m1']], ['v3.8.1', ['m3', 'm4']], ['v3.10.0', ['m2']]]);
  });

  it('drops the tags that shipped none of the tracked branch\'s changes, and dates a change shipped before its merge at the merge', () => {
    const fresh = changes.map((c) => ({ ...c, flags: [...c.flags] }));
    const deploys = assignDeploys(fresh, contents, { revertWindow: 14 * D, dropEmpty: true });
    expect(deploys.map((d) => [d.ref, d.changeShas.length])).toEqual([['v1.0.0', 1], ['v1.1.0', 1], ['v1.0.1', 2]]);
    const merged = fresh[1] as Change;
    expect([merged.deployedAt, merged.flags]).toEqual([30 * H, ['deployed-before-merge']]);
    expect((fresh[2] as Change).deployedAt).toBe(45 * H);
    // the deploy that shipped each first, by its ref: the one before its merge too (the tie of metrics/ai-defects.ts)
    expect(fresh.map((c) => c.deployRef ?? null)).toEqual(['v1.0.0', 'v1.1.0', 'v1.0.1', 'v1.0.1']);
  });
});

describe('assignDeploys: failures', () => {
  const at = (day: number): number => day * D;
  const ship = (ref: string, day: number, shipped: string[], rollback = false, target = ''): DeployContents => ({ ref, sha: ref, at: at(day), target, shipped, rollback });

  it('fails a deploy whose change was reverted within the window, unless the same deploy shipped the revert', () => {
    const changes = [
      change('#1', 'a', at(1), { revertedBy: 'ra' }),
      change('#2', 'ra', at(2), { isRevert: true }),
      change('#3', 'b', at(3), { revertedBy: 'rb' }),
      change('#4', 'rb', at(6), { isRevert: true }),
      change('#5', 'c', at(7), { revertedBy: 'rc' }),
      change('#6', 'rc', at(7 + 20), { isRevert: true }),
    ];
    const deploys = assignDeploys(changes, [ship('v1', 2, ['a', 'ra']), ship('v2', 4, ['b']), ship('v3', 6.5, ['rb']), ship('v4', 8, ['c']), ship('v5', 28, ['rc'])], { revertWindow: 14 * D, dropEmpty: true });
    // rework (a deploy of reverts only) is marked with the repairs, once the failures are known
    markRepairs(changes, deploys, null);
    expect(deploys.map((d) => [d.ref, d.failed, d.failureReasons, d.restoredAfter, d.rework])).toEqual([
      // shipped together with its revert: production never had it
      ['v1', false, [], null, false],
      // reverted 2 days later: failed, restored when v3 shipped the revert
      ['v2', true, ['shipped #3, reverted by #4 within 14 days'], 2.5 * D, false],
      ['v3', false, [], null, true],
      // reverted 19 days after the deploy: a redesign, not an incident
      ['v4', false, [], null, false],
      ['v5', false, [], null, true],
    ]);
  });

  it('counts a revert landed exactly at the window\'s edge (SPEC: the edge counts), and not one a second later', () => {
    const history = (revertAt: number): Change[] => [change('#1', 'a', at(1), { revertedBy: 'ra' }), change('#2', 'ra', revertAt, { isRevert: true })];
    // v1 at day 2, window 14 days: the revert lands at day 16 to the second, then one second after
    const edge = assignDeploys(history(at(16)), [ship('v1', 2, ['a']), ship('v2', 17, ['ra'])], { revertWindow: 14 * D, dropEmpty: true });
    expect(edge.map((d) => [d.ref, d.failed, d.failureReasons])).toEqual([['v1', true, ['shipped #1, reverted by #2 within 14 days']], ['v2', false, []]]);
    const past = assignDeploys(history(at(16) + 1), [ship('v1', 2, ['a']), ship('v2', 17, ['ra'])], { revertWindow: 14 * D, dropEmpty: true });
    expect(past.map((d) => d.failed)).toEqual([false, false]);
  });

  it('takes the window it is given, and fails a deploy a rollback followed', () => {
    const changes = [change('#1', 'a', at(1), { revertedBy: 'ra' }), change('#2', 'ra', at(3.25), { isRevert: true })];
    // the revert came 42h after v1: outside a 36h window, inside a 2-day one
    expect(assignDeploys(changes.map((c) => ({ ...c })), [ship('v1', 1.5, ['a']), ship('v2', 4, ['ra'])], { revertWindow: 36 * H, dropEmpty: true })[0]?.failed).toBe(false);
    const wider = assignDeploys(changes.map((c) => ({ ...c })), [ship('v1', 1.5, ['a']), ship('v2', 4, ['ra']), ship('v1b', 5, [], true)], { revertWindow: 2 * D, dropEmpty: true });
    expect(wider.map((d) => [d.ref, d.failureReasons])).toEqual([
      ['v1', ['shipped #1, reverted by #2 within 2 days']],
      ['v2', ['rolled back by v1b']],
      ['v1b', []],
    ]);
  });

  it('fails the deploy a rollback went back from: the last one to its target, not the last of another', () => {
    const deploys = assignDeploys([change('#1', 'a', at(1)), change('#2', 'b', at(2))], [ship('api-v1', 1.5, ['a'], false, 'api-'), ship('web-v1', 2.5, ['b'], false, 'web-'), ship('api-v0', 3, [], true, 'api-')], { revertWindow: 14 * D, dropEmpty: true });
    expect(deploys.map((d) => [d.ref, d.failureReasons, d.restoredAfter])).toEqual([
      ['api-v1', ['rolled back by api-v0'], 1.5 * D],
      ['web-v1', [], null],
      ['api-v0', [], null],
    ]);
  });
});

describe('releaseLineCommits', () => {
  it('finds what the release lines carry of their own, not what they share with the tracked branch', () => {
    /*
     * main: t1 ← t2 (merges p2, a pull request's commit) ← t3 (a sync merge of the stable line, y2)
     * stable: y1 (off t1) ← y2, tagged; a tag on t2 carries nothing of its own
     */
    const lines = graph({ t1: ['b0'], p2: ['t1'], t2: ['t1', 'p2'], y1: ['t1'], y2: ['y1'], t3: ['t2', 'y2'] });
    expect(releaseLineCommits(lines, 't3', ['y2', 't2']).sort()).toEqual(['y1', 'y2']);
    expect(releaseLineCommits(lines, 't3', ['t2'])).toEqual([]);
  });
});

describe('parentsBeyond', () => {
  it('lists, with their parents, the commits the release tips reach and the tracked branch does not, as rev-list <tips> ^<tip> would', () => {
    /*
     * main: m1 (parent b, beyond the boundary) ← m2 ← m3, which merges r1 back
     * 1-0-stable: r1 (off m1) ← r2, which also merges `old` (beyond the boundary)
     * 0-9-stable: s1 (forked before the boundary, so b is its parent) ← s2
     */
    const g = graph({ m1: ['b'], m2: ['m1'], r1: ['m1'], m3: ['m2', 'r1'], r2: ['r1', 'old'], s1: ['b'], s2: ['s1'] });
    const beyond = parentsBeyond(g, 'm3', ['r2', 's2']);
    expect(Object.fromEntries(beyond)).toEqual({ r2: ['r1', 'old'], s2: ['s1'], s1: ['b'] });
    // a tip the branch already holds carries nothing beyond it
    expect(parentsBeyond(g, 'm3', ['r1']).size).toBe(0);
  });
});

describe('commitGraph', () => {
  it('holds what the tips reach among the commits read, as rev-list <tips> ^<boundary> lists it', () => {
    /*
     * read: main m1 (parent b, not read: beyond the boundary) ← m2; a tag t1 on r1 (off m1); a pull head p1 (off m2),
     * read but reached from no tip given; `gone` is a tip the clone lacks
     */
    const read: Record<string, string[]> = { m1: ['b'], m2: ['m1'], r1: ['m1'], t1: ['r1'], p1: ['m2'] };
    const g = commitGraph(['t1', 'm2', 'gone', 'm1'], (sha) => read[sha]);
    const listed = (sha: string): string[] | null => {
      const n = g.node.get(sha) as number;
      const from = g.parentStart[n] as number;
      return from === -1 ? null : g.parents.slice(from, from + (g.parentCount[n] as number)).map((p) => g.sha[p] as string);
    };
    expect([...g.node.keys()].sort()).toEqual(['b', 'm1', 'm2', 'r1', 't1']);
    expect(g.sha.map((sha, n) => g.node.get(sha) === n).every(Boolean)).toBe(true);
    expect(Object.fromEntries(['t1', 'r1', 'm1', 'm2'].map((sha) => [sha, listed(sha)]))).toEqual({ t1: ['r1'], r1: ['m1'], m1: ['b'], m2: ['m1'] });
    // the boundary's side: a node with no parents listed, where walks stop
    expect(listed('b')).toBeNull();
    expect(reachesWithin(g, 't1', 'm1')).toBe(true);
    expect(reachesWithin(g, 'm2', 'r1')).toBe(false);
  });
});
