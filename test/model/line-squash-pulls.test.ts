import { describe, expect, it } from 'vitest';
import type { Commit } from '../../src/domain.js';
import { squashPullsReach, withSquashPull, type SquashPullReads } from '../../src/model/line-squash-pulls.js';
import { copyKey } from '../../src/sources/git/deploy-contents.js';
import { commit, sha } from './data.js';

/*
 * A release line `release-1.0.x` left main at `cut`; `line1` is its own commit. Main's squash `main5` (#5) is
 * what the backports copy. The graph is what the tags, the lines and the tracked branch reach: main's commits and
 * the line's; a pull request's own commits are not in it.
 */
const inGraph = new Set(['cut', 'main5', 'line1', 'squash'].map(sha));
const onLine = new Set(['line1', 'squash'].map(sha));

function reads(pulls: Record<number, string>, commits: Commit[]): SquashPullReads {
  const bySha = new Map(commits.map((c) => [c.sha, c]));
  return {
    pullHead: (number) => (pulls[number] === undefined ? undefined : sha(pulls[number])),
    commitOf: (s) => bySha.get(s),
    inGraph: (s) => inGraph.has(s),
    onLine: (s) => onLine.has(s),
  };
}

const squash = commit('squash', { parents: ['line1'], at: 100, subject: 'fix: Preserve the sketch [release-1.0.x] (#10)' });
const none = { cherryPickOf: [], references: [], keys: [] };
// what a cherry-pick keeps of a commit: the key a copy of it has too
const keyOf = (c: Commit): string => copyKey(c.authorEmail, c.authoredAt, c.subject);

describe('withSquashPull', () => {
  it("adds the cherry-pick lines and backport phrases of the pull request's own commits, based on the line", () => {
    const picked = commit('picked', { parents: ['line1'], at: 90, subject: 'Keep the sketch', cherryPickOf: [sha('main5')] });
    const phrased = commit('phrased', { parents: ['picked'], at: 95, subject: 'Keep the flush going', backportOf: [7] });
    expect(withSquashPull(squash, none, reads({ 10: 'phrased' }, [picked, phrased]))).toEqual({
      cherryPickOf: [sha('main5')],
      references: [{ number: 7, title: null }],
      keys: [keyOf(phrased), keyOf(picked)],
    });
  });

  it('reads no commit of a rewritten base two of the lines\' pull requests share as either one\'s', () => {
    // nuxt's Renovate pull requests into 4.x, based on a 4.x rebuilt since: the old line's copy of main's #5 is in both
    // refs, and read as each one's it shipped #5 with the first of them
    const old = commit('old', { parents: ['line1'], at: 80, subject: 'fix: Preserve the sketch (#5)', cherryPickOf: [sha('main5')] });
    const bump10 = commit('bump10', { parents: ['old'], at: 90, subject: 'chore(deps): update x', cherryPickOf: [sha('other10')] });
    const bump11 = commit('bump11', { parents: ['old'], at: 91, subject: 'chore(deps): update y' });
    const both = [old, bump10, bump11];
    const base = reads({ 10: 'bump10', 11: 'bump11' }, both);
    const reachedBy = squashPullsReach([sha('bump10'), sha('bump11')], base);
    expect([reachedBy.get(sha('old')), reachedBy.get(sha('bump10')), reachedBy.get(sha('line1'))]).toEqual([2, 1, undefined]);
    // the walk stops at the shared commit: where the pull request was based is not known, so only the squash's own names
    expect(withSquashPull(squash, none, { ...base, reachedBy })).toBe(none);
    // counted without the other pull request, the same refs read as before: the base is the one pull request's
    const alone = squashPullsReach([sha('bump10')], base);
    expect(withSquashPull(squash, none, { ...base, reachedBy: alone })).toEqual({
      cherryPickOf: [sha('other10'), sha('main5')],
      references: [{ number: 5, title: 'fix: Preserve the sketch' }],
      keys: [keyOf(bump10), keyOf(old)],
    });
  });

  it("names a change by its own title with its number in the pull request's commit", () => {
    const copied = commit('copied', { parents: ['line1'], at: 90, subject: 'fix: Preserve the sketch (#5)' });
    expect(withSquashPull(squash, none, reads({ 10: 'copied' }, [copied])).references).toEqual([{ number: 5, title: 'fix: Preserve the sketch' }]);
  });

  it("reads a pull request based where the line left main, on the squash's own parent", () => {
    const first = commit('squash', { parents: ['cut'], at: 100, subject: 'fix: Preserve the sketch (backport k277) (#10)' });
    const picked = commit('picked', { parents: ['cut'], at: 90, cherryPickOf: [sha('main5')] });
    expect(withSquashPull(first, none, reads({ 10: 'picked' }, [picked])).cherryPickOf).toEqual([sha('main5')]);
  });

  it("leaves main's own pull request alone, its squash cherry-picked onto the line with its number", () => {
    // #5's branch left main at `cut`, which is not the line's squash's parent
    const own = commit('squash', { parents: ['line1'], at: 100, subject: 'fix: Preserve the sketch (#5)' });
    const work = commit('work', { parents: ['cut'], at: 50, cherryPickOf: [sha('other')], backportOf: [3] });
    expect(withSquashPull(own, none, reads({ 5: 'work' }, [work]))).toBe(none);
  });

  it('changes nothing without the pull ref, without a number, or when the pull ref is on the line (a merge, a rebase)', () => {
    const picked = commit('picked', { parents: ['line1'], at: 90, cherryPickOf: [sha('main5')] });
    expect(withSquashPull(squash, none, reads({}, [picked]))).toBe(none);
    expect(withSquashPull(commit('squash', { parents: ['line1'], at: 100, subject: 'fix: Preserve the sketch' }), none, reads({ 10: 'picked' }, [picked]))).toBe(none);
    expect(withSquashPull(squash, none, reads({ 10: 'line1' }, [picked]))).toBe(none);
  });

  it('leaves out a commit the pull request reverts itself, as its squash does', () => {
    // electron's #51606 on 43-x-y: trop's cherry-pick of main's #51570, reverted in the pull request
    const fix = commit('fix', { parents: ['line1'], at: 90, subject: "fix: don't return a nullptr" });
    const stray = commit('stray', { parents: ['fix'], at: 91, subject: "chore: use promise's context (#51570)", cherryPickOf: [sha('main5')] });
    const undo = commit('undo', { parents: ['stray'], at: 92, subject: 'Revert "chore: use promise\'s context (#51570)"', revertsShas: [sha('stray').slice(0, 10)] });
    const read = withSquashPull(squash, none, reads({ 10: 'undo' }, [fix, stray, undo]));
    expect([read.cherryPickOf, read.references]).toEqual([[], []]);
    expect(read.keys).toEqual([keyOf(undo), keyOf(fix)]);
  });

  it("keeps the squash's own names first, each once", () => {
    const picked = commit('picked', { parents: ['line1'], at: 90, cherryPickOf: [sha('main5'), sha('main6')], backportOf: [5] });
    const own = { cherryPickOf: [sha('main5')], references: [{ number: 5, title: null }], keys: [] };
    expect(withSquashPull(squash, own, reads({ 10: 'picked' }, [picked]))).toEqual({
      cherryPickOf: [sha('main5'), sha('main6')],
      references: [{ number: 5, title: null }],
      keys: [keyOf(picked)],
    });
  });
});
