import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import { changeReferences, titleOnlyCopies, withPullReferences } from '../../src/model/copies.js';
import { copyKey, type ReleaseLineCommit } from '../../src/sources/git/deploy-contents.js';
import { change, h, sha } from './data.js';

describe('changes a release line commit names by reference', () => {
  const refs = (subject: string, bodyFirstLine = '', backportOf: number[] = []): ReturnType<typeof changeReferences> => changeReferences({ subject, bodyFirstLine, backportOf });

  it('reads a title with its (#N) in the subject, under the backport\'s own number, or on the body\'s first line as a list item', () => {
    expect(refs('Fix the parser (#10)')).toEqual([{ number: 10, title: 'Fix the parser' }]);
    // the backport's own (#15) names nothing on main with that title; (#12) under it names the original
    expect(refs('Fix the parser (#12) (#15)')).toEqual([{ number: 15, title: 'Fix the parser (#12)' }, { number: 12, title: 'Fix the parser' }]);
    expect(refs('Fix the parser (#20)', '* Fix the parser (#10)')).toEqual([{ number: 20, title: 'Fix the parser' }, { number: 10, title: 'Fix the parser' }]);
  });

  it('reads a bracket saying backport, first or last, as the backport\'s wrapping, and any other bracket as the title\'s', () => {
    // vitest's v4 and undici's v6.x: the marker between the original's number and the backport's own
    expect(refs('fix(pool): x (#10543) [backport to v4] (#10564)')).toEqual([{ number: 10564, title: 'fix(pool): x (#10543)' }, { number: 10543, title: 'fix(pool): x' }]);
    expect(refs('fix: x (#3863) [backport] (#3866)')).toEqual([{ number: 3866, title: 'fix: x (#3863)' }, { number: 3863, title: 'fix: x' }]);
    expect(refs('Fix the parser (#12) [Backport]')).toEqual([{ number: 12, title: 'Fix the parser' }]);
    // the title alone, under the backport's own number: for titleOnlyCopies, no link
    expect(refs('docs: add latitude to sponsors [backport] (#10772)')).toEqual([{ number: 10772, title: 'docs: add latitude to sponsors' }]);
    // aiohttp's and prometheus' leading marker
    expect(refs('[Backport 3.13] Tokenize (#12249) (#12256)')).toEqual([{ number: 12256, title: 'Tokenize (#12249)' }, { number: 12249, title: 'Tokenize' }]);
    expect(refs('[BACKPORT-3.4] fix: x (#16633)')).toEqual([{ number: 16633, title: 'fix: x' }]);
    // terraform's words before it in the bracket and a colon after it, and its leading `v1.14 backport:`
    expect(refs('[Manual backport]: Bump go-getter to v1.8.6 (#38380)')).toEqual([{ number: 38380, title: 'Bump go-getter to v1.8.6' }]);
    expect(refs('v1.14 backport: Fix nil pointer dereference (#38028) (#38058)')).toEqual([{ number: 38058, title: 'Fix nil pointer dereference (#38028)' }, { number: 38028, title: 'Fix nil pointer dereference' }]);
    expect(refs('Backport: Bump otel to v1.40.0 (#38202)')).toEqual([{ number: 38202, title: 'Bump otel to v1.40.0' }]);
    // `backport:` inside a title, or a bracket of words that do not say backport, stay the title's
    expect(refs('docs: explain backport: when to use it (#40)')).toEqual([{ number: 40, title: 'docs: explain backport: when to use it' }]);
    expect(refs('[Manual] Fix x (#41)')).toEqual([{ number: 41, title: '[Manual] Fix x' }]);
    // flutter/packages' `[in_app_purchase_android] …` and a bracket of another word stay in the title
    expect(refs('[in_app] Add x (#107412) (#11214)')).toEqual([{ number: 11214, title: '[in_app] Add x (#107412)' }, { number: 107412, title: '[in_app] Add x' }]);
    expect(refs('Fix the table [docs] (#12) (#15)')).toEqual([{ number: 15, title: 'Fix the table [docs] (#12)' }, { number: 12, title: 'Fix the table [docs]' }]);
    expect(refs('Fix the parser (#12) [backported] (#15)')).toEqual([{ number: 15, title: 'Fix the parser (#12) [backported]' }]);
  });

  it('takes backport phrases without a title, and nothing from a subject without (#N)', () => {
    expect(refs('chore: faster lexing', '', [11])).toEqual([{ number: 11, title: null }]);
    expect(refs('Fix the parser', 'See #10')).toEqual([]);
  });
});

describe('what the pull requests a release line\'s commits landed as name (GitHub mode)', () => {
  const commit = (sha: string, references: ReleaseLineCommit['references'] = []): ReleaseLineCommit => ({ sha, key: `key-${sha}`, cherryPickOf: [], references });
  const pull = (mergeCommitSha: string, title: string, body: string): { mergeCommitSha: string; title: string; body: string } => ({ mergeCommitSha, title, body });

  it('gives the commit a pull request landed as the references of its title and description, read as a commit message', () => {
    const [squash, other] = withPullReferences([commit('a1'), commit('b2')], [pull('a1', '[1.x] Fix the parser', 'Backport of #10\nNotes: none')]);
    expect(squash?.references).toEqual([{ number: 10, title: null }]);
    expect(other?.references).toEqual([]);
    // the description's first line as the original's title with its (#N), as trop writes it
    expect(withPullReferences([commit('a1')], [pull('a1', 'Fix the parser (#20)', '* Fix the parser (#10)')])[0]?.references)
      .toEqual([{ number: 20, title: 'Fix the parser' }, { number: 10, title: 'Fix the parser' }]);
  });

  it('names nothing by a bare issue reference, and adds nothing the commit already names', () => {
    expect(withPullReferences([commit('a1')], [pull('a1', '[1.x] Speed up the lexer', 'Fixes #11\nSee #12')])[0]?.references).toEqual([]);
    const named = [{ number: 10, title: null }];
    expect(withPullReferences([commit('a1', named)], [pull('a1', 'Backport #10', 'Backport of #10')])[0]?.references).toEqual(named);
  });
});

describe('changes a release line carries by title alone', () => {
  const landed = (number: number, kind: Change['kind'], hour: number): Change => change(`#${number}`, { number, kind, title: `Merge stable into main (#${number})`, mergedAt: h(hour) });
  // the line's commit of #3001, authored when it merged
  const line: ReleaseLineCommit[] = [{ sha: sha('l1'), key: copyKey('ada@example.com', h(100), 'Merge stable into main (#3001)'), cherryPickOf: [], references: changeReferences({ subject: 'Merge stable into main (#3001)', bodyFirstLine: '', backportOf: [] }) }];

  it('reads a line commit under the number of a sync of that title as the sync\'s own, no later copy of an earlier change', () => {
    // click's #2799 and #3001, both `Merge stable into main`: #3001, a sync, is on the release line as itself
    expect(titleOnlyCopies([landed(2799, 'merge', 0), landed(3001, 'sync', 100)], line, new Map())).toEqual(new Set());
    // with no change of that number, the line's commit under a later number may be #2799's backport
    expect(titleOnlyCopies([landed(2799, 'merge', 0)], line, new Map())).toEqual(new Set([sha('#2799')]));
  });

  it('links by a marked title the one change shipments ships by it: of two of that title, the later merged by then', () => {
    const fix = (number: number, hour: number): Change => change(`#${number}`, { number, kind: 'squash', title: `Fix the parser (#${number})`, mergedAt: h(hour) });
    const subject = 'Fix the parser [backport to v4] (#30)';
    const backport: ReleaseLineCommit = {
      sha: sha('l2'), key: copyKey('ada@example.com', h(100), subject), cherryPickOf: [], backportTitle: 'Fix the parser',
      references: changeReferences({ subject, bodyFirstLine: '', backportOf: [] }),
    };
    // #20, merged last before the backport was made, is what it ships (deploys.ts); #10 of the same title is carried by
    // the title alone, and the note counts it
    expect(titleOnlyCopies([fix(10, 0), fix(20, 50)], [backport], new Map())).toEqual(new Set([sha('#10')]));
    // #20 merged after the backport: #10 is the one it ships
    expect(titleOnlyCopies([fix(10, 0), fix(20, 150)], [backport], new Map())).toEqual(new Set());
  });
});
