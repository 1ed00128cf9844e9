import { describe, expect, it } from 'vitest';
import { branchDeploys } from '../../src/model/deploy-branch.js';

// main's line, newest first: r2 merges d2 (develop), h is a hotfix, r1 merges d1, c0 is where develop forked
const line = [
  { sha: 'r2', at: 400, parents: ['h', 'd2'] },
  { sha: 'h', at: 300, parents: ['r1'] },
  { sha: 'r1', at: 200, parents: ['c0', 'd1'] },
  { sha: 'c0', at: 100, parents: [] },
];

describe('branchDeploys', () => {
  it('makes each merge that brings a tracked commit a deploy at its own time, oldest first', () => {
    expect(branchDeploys('main', line, { line: new Set(['c0', 'd1', 'd2']), history: new Set(['c0', 'd1', 'd2']) })).toEqual({
      kind: 'deploys',
      refs: [{ name: 'main@r1', sha: 'r1', at: 200, target: '' }, { name: 'main@r2', sha: 'r2', at: 400, target: '' }],
    });
  });

  it('a merge of something not tracked (a hotfix branch) is no deploy', () => {
    expect(branchDeploys('main', line, { line: new Set(['c0', 'd1']), history: new Set(['c0', 'd1']) })).toEqual({ kind: 'deploys', refs: [{ name: 'main@r1', sha: 'r1', at: 200, target: '' }] });
  });

  it('a branch fast-forwarded to the tracked branch carries no time of its own', () => {
    // its line is the tracked branch's own: its merges are the tracked branch's, not deploys
    const ff = [{ sha: 'm2', at: 300, parents: ['m1', 'f2'] }, { sha: 'm1', at: 200, parents: ['c0', 'f1'] }, { sha: 'c0', at: 100, parents: [] }];
    expect(branchDeploys('prod', ff, { line: new Set(['m2', 'm1', 'c0']), history: new Set(['m2', 'f2', 'm1', 'f1', 'c0']) })).toEqual({ kind: 'fast-forward' });
  });

  it('a deploy merge the tracked branch merged back (GitFlow) is still a deploy', () => {
    // develop merged main back after r1 and r2: both are in its history, not on its first-parent line
    const history = new Set(['c0', 'd1', 'd2', 'r1', 'h', 'r2']);
    expect(branchDeploys('main', line, { line: new Set(['c0', 'd1', 'd2']), history })).toEqual({
      kind: 'deploys',
      refs: [{ name: 'main@r1', sha: 'r1', at: 200, target: '' }, { name: 'main@r2', sha: 'r2', at: 400, target: '' }],
    });
  });
});
