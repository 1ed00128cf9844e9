import { describe, expect, it } from 'vitest';
import type { Change, Size } from '../../src/domain.js';
import { buildModel, withSizes, type DeployEvidence, type History, type Pulls } from '../../src/model/build.js';
import { commitGraph } from '../../src/model/reach.js';
import type { GitHubPull } from '../../src/sources/github/types.js';
import { change, h, sha } from './data.js';

const HOUR = 3600;
const DAY = 86400;
const policy = { revertWindow: 14 * DAY };

/** Tags on a first-parent line `names` (oldest first, each the parent of the next): `tags` maps a tag to the commit it names. */
function tagged(names: string[], tags: Array<[string, string, number]>): DeployEvidence {
  const parents = new Map(names.map((n, i) => [sha(n), i === 0 ? [] : [sha(names[i - 1] as string)]]));
  const candidates = tags.map(([ref, on, at]) => ({ ref, sha: sha(on), at, target: '' }));
  return {
    kind: 'tags', candidates, graph: commitGraph(candidates.map((c) => c.sha), (s) => parents.get(s)), releaseLine: [], copies: new Map(),
    pullHeads: new Map(), ancestors: new Map(), dropEmpty: true, github: null,
  };
}

const direct = (name: string, at: number, o: Partial<Change> = {}): Change => change(name, { mergedAt: at, firstCommitAt: at - HOUR, lastCommitAt: at - HOUR, ...o });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    const inner = value instanceof Map ? [...value.keys(), ...value.values()] : Object.values(value);
    for (const v of inner) deepFreeze(v);
  }
  return value;
}

describe('buildModel', () => {
  it('ships a change with the first tag whose history holds it, and times its stages up to that tag', () => {
    // a (h0) ← b (h10) ← c (h20); v1 names a at h5, v2 names c at h30: b waits for v2
    const history: History = { changes: [direct('a', h(0)), direct('b', h(10)), direct('c', h(20))], revertRefs: new Map() };
    const model = buildModel(history, null, null, tagged(['a', 'b', 'c'], [['v1', 'a', h(5)], ['v2', 'c', h(30)]]), policy);
    expect(model.changes.map((c) => [c.id, c.deployedAt, c.stages.deploy, c.leadTime])).toEqual([
      ['a', h(5), 5 * HOUR, 6 * HOUR],
      ['b', h(30), 20 * HOUR, 21 * HOUR],
      ['c', h(30), 10 * HOUR, 11 * HOUR],
    ]);
    expect(model.deploys.map((d) => [d.ref, d.changeShas])).toEqual([['v1', [sha('a')]], ['v2', [sha('b'), sha('c')]]]);
  });

  it('fails the deploy of a change reverted after it shipped, and not a deploy that shipped the change with its revert', () => {
    const revertRefs = new Map([[sha('ra'), { shas: [sha('a')], prs: [], revertMessage: true }]]);
    const history: History = { changes: [direct('a', h(0)), direct('ra', h(10), { title: 'Revert "a"' })], revertRefs };
    // revert after the deploy: v1 shipped a at h5, v2 the revert at h20
    const after = buildModel(history, null, null, tagged(['a', 'ra'], [['v1', 'a', h(5)], ['v2', 'ra', h(20)]]), policy);
    expect(after.deploys.map((d) => [d.ref, d.failed, d.failureReasons, d.restoredAfter])).toEqual([
      ['v1', true, ['shipped a, reverted by ra within 14 days'], 15 * HOUR],
      ['v2', false, [], null],
    ]);
    // revert before the deploy: v1 (h20) shipped both, production never had the failure
    const before = buildModel(history, null, null, tagged(['a', 'ra'], [['v1', 'ra', h(20)]]), policy);
    expect(before.deploys.map((d) => [d.ref, d.failed, d.rework])).toEqual([['v1', false, false]]);
    expect(before.changes.map((c) => [c.id, c.revertedBy, c.isRevert])).toEqual([['a', sha('ra'), false], ['ra', null, true]]);
  });

  it('leaves a sync out of the deploys: with every merge as a deploy it is none, and it is never deployed', () => {
    const history: History = { changes: [direct('a', h(0)), change('sync', { kind: 'merge', mergedAt: h(5), commits: 0 }), direct('b', h(8))].map((c) => c.id === 'sync' ? { ...c, kind: 'sync' as const } : c), revertRefs: new Map() };
    const model = buildModel(history, null, null, { kind: 'merge', github: null }, policy);
    expect(model.deploys.map((d) => d.ref)).toEqual(['a', 'b']);
    expect(model.changes.map((c) => [c.id, c.deployedAt, c.flags.includes('deploy-is-merge')])).toEqual([['a', h(0), true], ['sync', null, false], ['b', h(8), true]]);
  });

  it('counts a rollback to a commit below the graph as git answered it', () => {
    // v2 names `old`, below the boundary `x` (a's parent) where the graph stops: whether v1's history holds it
    // is beyond the graph, and git answers
    const parents = new Map([[sha('a'), [sha('x')]]]);
    const candidates = [{ ref: 'v1', sha: sha('a'), at: h(5), target: '' }, { ref: 'v2', sha: sha('old'), at: h(9), target: '' }];
    const evidence = (answered: boolean): DeployEvidence => ({
      kind: 'tags', candidates, graph: commitGraph([sha('a'), sha('old')], (s) => parents.get(s)), releaseLine: [], copies: new Map(), pullHeads: new Map(),
      ancestors: new Map([[sha('old'), new Set(answered ? [sha('a')] : [])]]), dropEmpty: true, github: null,
    });
    const history: History = { changes: [direct('a', h(0))], revertRefs: new Map() };
    expect(buildModel(history, null, null, evidence(true), policy).deploys.map((d) => [d.ref, d.rollback, d.failureReasons])).toEqual([
      ['v1', false, ['rolled back by v2']],
      ['v2', true, []],
    ]);
    expect(buildModel(history, null, null, evidence(false), policy).deploys.map((d) => d.ref)).toEqual(['v1']);
  });

  it('changes none of its inputs, and two builds from them agree', () => {
    const sizes = new Map<string, Size>([[sha('a'), { additions: 3, deletions: 1, files: 1 }], [sha('b'), { additions: 5, deletions: 0, files: 2 }], [sha('c'), { additions: 1, deletions: 1, files: 1 }]]);
    // a rebase merge: a and b replay pull request #42's commits, c lands it; a revert of it follows
    const pr: GitHubPull = {
      number: 42, title: 'Rebased work', url: 'https://github.com/acme/app/pull/42', author: 'ada', authorIsBot: false, createdAt: h(-5), updatedAt: h(3),
      mergedAt: h(3), mergeCommitSha: sha('c'), headRefName: 'ada/work', body: '', additions: 9, deletions: 2, changedFiles: 3, labels: [], reviews: [{ author: 'bob', authorIsBot: false, state: 'APPROVED', submittedAt: h(2) }],
      commits: ['a', 'b', 'c'].map((n, i) => ({ sha: sha(`p${n}`), authorEmail: null, parents: [], authoredAt: h(-10 + i), committedAt: h(-10 + i), message: n })),
      comments: [], events: [], checks: [], wasDraft: false,
    };
    const history: History = {
      changes: ['a', 'b', 'c'].map((n, i) => direct(n, h(3), { firstCommitAt: h(-10 + i), lastCommitAt: h(-10 + i), title: n })).concat(direct('r', h(20), { title: 'Revert "Rebased work"' })),
      revertRefs: new Map([[sha('r'), { shas: [sha('c')], prs: [], revertMessage: true }]]),
    };
    const pulls: Pulls = { list: [pr], options: { requiredApprovals: 1, isBot: () => false } };
    const evidence = tagged(['a', 'b', 'c', 'r'], [['v1', 'c', h(4)], ['v2', 'r', h(30)]]);
    const snapshot = structuredClone({ history, pulls: pulls.list, sizes, evidence });
    deepFreeze({ history, pulls, sizes, evidence });
    const first = buildModel(history, pulls, sizes, evidence, policy);
    expect(structuredClone({ history, pulls: pulls.list, sizes, evidence })).toEqual(snapshot);
    expect(first.changes.map((c) => [c.id, c.kind, c.commitShas.length, c.size, c.revertedBy !== null])).toEqual([
      ['#42', 'rebase', 3, { additions: 9, deletions: 2, files: 4 }, true],
      ['r', 'direct', 1, null, false],
    ]);
    expect(first.deploys.map((d) => [d.ref, d.failed])).toEqual([['v1', true], ['v2', false]]);
    expect(buildModel(history, pulls, sizes, evidence, policy)).toEqual(first);
  });

  it("adds the sizes after, to the model's own changes, when no pull request needs them first: the history's stay as read", () => {
    const history: History = { changes: [direct('a', h(0))], revertRefs: new Map() };
    const model = buildModel(history, null, null, { kind: 'merge', github: null }, policy);
    expect(model.changes[0]?.size).toBeNull();
    const sized = withSizes(model, new Map([[sha('a'), { additions: 2, deletions: 0, files: 1 }]]));
    expect([history.changes[0]?.size, sized[0]?.size, model.changes[0]?.size]).toEqual([null, { additions: 2, deletions: 0, files: 1 }, { additions: 2, deletions: 0, files: 1 }]);
    expect(() => buildModel(history, { list: [], options: { requiredApprovals: 1, isBot: () => false } }, null, { kind: 'merge', github: null }, policy)).toThrow(/sized/);
  });
});
