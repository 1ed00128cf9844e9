import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import { markReverts } from '../../src/model/reverts.js';

const change = (sha: string, title: string, mergedAt: number): Change => ({ sha, title, mergedAt, commitShas: [sha], number: null, branch: null, revertedBy: null, isRevert: false }) as unknown as Change;

describe('markReverts', () => {
  it('reads a revert of a revert as a reland: the first revert is not reverted, the reland is no revert', () => {
    const feature = change('a1', 'add search', 1);
    const revert = change('b2', 'Revert "add search"', 2);
    const reland = change('c3', 'Revert "Revert "add search""', 3);
    const refs = new Map([['b2', { shas: ['a1'], prs: [] }], ['c3', { shas: ['b2'], prs: [] }]]);
    expect(markReverts([feature, revert, reland], refs)).toBe(1);
    expect([feature.revertedBy, feature.isRevert]).toEqual(['b2', false]);
    expect([revert.revertedBy, revert.isRevert]).toEqual([null, true]);
    expect([reland.revertedBy, reland.isRevert]).toEqual([null, false]);
  });
});
