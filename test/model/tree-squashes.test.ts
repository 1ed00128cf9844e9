import { describe, expect, it } from 'vitest';
import { committedByGitHub, squashesByTree } from '../../src/model/tree-squashes.js';

describe('squashesByTree: the pull request a commit squashed, by its tree', () => {
  const pulls = new Map([
    ['t1', [15]],
    ['t2', [18, 19]],
    ['t3', [17]],
    ['t4', [20, 21]],
    ['t5', [22]],
  ]);
  // #21 begun after the commits, #22's head on the branch (or older than the history read)
  const at = new Map([[15, 100], [17, 300], [18, 100], [19, 100], [20, 100], [21, 400]]);
  const commit = (sha: string, tree: string, parentTree: string | undefined) => ({ sha, tree, parentTree, committedAt: 200 });

  it('links the one pull request whose head has the tree and was committed no later', () => {
    expect(squashesByTree([commit('a', 't1', 't0'), commit('d', 't4', 't0')], pulls, (n) => at.get(n))).toEqual(new Map([['a', 15], ['d', 20]]));
  });

  it('links none for a tree two heads have, a head committed after, a head not read, an empty diff, or a parent not read', () => {
    const commits = [commit('b', 't2', 't0'), commit('c', 't3', 't0'), commit('h', 't5', 't0'), commit('e', 't1', 't1'), commit('f', 't1', undefined), commit('g', 't9', 't0')];
    expect(squashesByTree(commits, pulls, (n) => at.get(n))).toEqual(new Map());
  });

  it('reads GitHub as the committer by its address, whatever its case', () => {
    expect(committedByGitHub('noreply@github.com')).toBe(true);
    expect(committedByGitHub('NoReply@GitHub.com')).toBe(true);
    expect(committedByGitHub('43662405+hyunw9@users.noreply.github.com')).toBe(false);
  });
});
