import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import { changeReferences, diffCopies, linesToCompare, titleCarries, titleOnlyCopies, withDiffCopies, withPullReferences } from '../../src/model/copies.js';
import { copyKey, type ReleaseLineCommit } from '../../src/sources/git/deploy-contents.js';
import type { ChangedBlob } from '../../src/sources/git/diff-digests.js';
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

// the note's count, of the pairs titleCarries reads, as the audit passes them
const titleOnly = (changes: Change[], line: ReleaseLineCommit[]): Set<string> => titleOnlyCopies(changes, line, new Map(), titleCarries(changes, line));

describe('changes a release line carries by title alone', () => {
  const landed = (number: number, kind: Change['kind'], hour: number): Change => change(`#${number}`, { number, kind, title: `Merge stable into main (#${number})`, mergedAt: h(hour) });
  // the line's commit of #3001, authored when it merged
  const line: ReleaseLineCommit[] = [{ sha: sha('l1'), key: copyKey('ada@example.com', h(100), 'Merge stable into main (#3001)'), cherryPickOf: [], references: changeReferences({ subject: 'Merge stable into main (#3001)', bodyFirstLine: '', backportOf: [] }) }];

  it('reads a line commit under the number of a sync of that title as the sync\'s own, no later copy of an earlier change', () => {
    // click's #2799 and #3001, both `Merge stable into main`: #3001, a sync, is on the release line as itself
    expect(titleOnly([landed(2799, 'merge', 0), landed(3001, 'sync', 100)], line)).toEqual(new Set());
    // with no change of that number, the line's commit under a later number may be #2799's backport
    expect(titleOnly([landed(2799, 'merge', 0)], line)).toEqual(new Set([sha('#2799')]));
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
    expect(titleOnly([fix(10, 0), fix(20, 50)], [backport])).toEqual(new Set([sha('#10')]));
    // #20 merged after the backport: #10 is the one it ships
    expect(titleOnly([fix(10, 0), fix(20, 150)], [backport])).toEqual(new Set());
  });
});

describe('a backport bot\'s squash known by its changed lines', () => {
  const fix = (number: number, hour: number, title = 'fix: guard the parser'): Change => change(`#${number}`, { number, kind: 'squash', title: `${title} (#${number})`, mergedAt: h(hour) });
  const squash = (id: string, subject: string, hour: number): ReleaseLineCommit => ({
    sha: sha(id), key: copyKey('trop@example.com', h(hour), subject), cherryPickOf: [], references: changeReferences({ subject, bodyFirstLine: '', backportOf: [] }),
  });

  it('pairs a line\'s commit with each change whose title it carries under a later number, made after the change merged', () => {
    const changes = [fix(10, 0), fix(11, 5), fix(30, 0, 'fix: other')];
    // #20 carries both #10 and #11; #9 names a number below theirs; #31 was made before #11 merged (at 5)
    const line = [squash('t20', 'fix: guard the parser (#20)', 10), squash('t9', 'fix: guard the parser (#9)', 10), squash('t31', 'fix: guard the parser (#31)', 3)];
    expect(titleCarries(changes, line)).toEqual([
      { line: sha('t20'), change: sha('#10') }, { line: sha('t20'), change: sha('#11') },
      { line: sha('t31'), change: sha('#10') },
    ]);
  });

  it('keeps the pairs whose diffs are the same, from their blobs or else their lines, none whose diff is unknown', () => {
    const file = (path: string, before: string, after: string, status = 'M'): ChangedBlob => ({ path, status, before: `100644 ${before}`, after: `100644 ${after}` });
    const none = '0'.repeat(40);
    const pairs: Array<[string, string]> = [['t20', '#10'], ['t20', '#11'], ['t21', '#12'], ['t22', '#13'], ['t23', '#14'], ['t24', '#15'], ['t25', '#16'], ['t26', '#17']];
    const carries = pairs.map(([l, c]) => ({ line: sha(l), change: sha(c) }));
    const files = new Map<string, ChangedBlob[]>([
      // t20 changes app.js around other lines of 1-x than #10's and #11's
      [sha('t20'), [file('app.js', 'x1', 'y1')]], [sha('#10'), [file('app.js', 'x0', 'y0')]], [sha('#11'), [file('app.js', 'x0', 'z0')]],
      // the same blobs: the same change, no line read
      [sha('t21'), [file('b.patch', none, 'b1', 'A'), file('app.js', 'x0', 'y0')]], [sha('#12'), [file('b.patch', none, 'b1', 'A'), file('app.js', 'x0', 'y0')]],
      // t22's and #13's files unknown; t23 adds other contents than #14
      [sha('t23'), [file('a.patch', none, 'a2', 'A'), file('app.js', 'x1', 'y1')]], [sha('#14'), [file('a.patch', none, 'a1', 'A'), file('app.js', 'x0', 'y0')]],
      // t24 and #15 differ in their blobs, and the clone lacks their contents (no digest)
      [sha('t24'), [file('app.js', 'x1', 'y1')]], [sha('#15'), [file('app.js', 'x0', 'y0')]],
      [sha('t25'), [file('lib.js', 'x0', 'y0')]], [sha('#16'), [file('app.js', 'x0', 'y0')]],
      // app.js alike, lib.js around other lines: lib.js's lines alone are read
      [sha('t26'), [file('app.js', 'x0', 'y0'), file('lib.js', 'x1', 'y1')]], [sha('#17'), [file('app.js', 'x0', 'y0'), file('lib.js', 'x0', 'y0')]],
    ]);
    // only the pairs whose blobs differ in files they both modify need their lines read
    expect(linesToCompare(carries, files)).toEqual(new Map([
      [sha('t20'), ['app.js']], [sha('#10'), ['app.js']], [sha('#11'), ['app.js']], [sha('t24'), ['app.js']], [sha('#15'), ['app.js']],
      [sha('t26'), ['lib.js']], [sha('#17'), ['lib.js']],
    ]));
    const lines = (path: string, digest: string): Map<string, string> => new Map([[path, digest]]);
    const digests = new Map([
      [sha('t20'), lines('app.js', 'd1')], [sha('#10'), lines('app.js', 'd0')], [sha('#11'), lines('app.js', 'd1')],
      [sha('t26'), lines('lib.js', 'd5')], [sha('#17'), lines('lib.js', 'd5')],
    ]);
    const copies = diffCopies(carries, files, digests);
    // #11's lines, not #10's; #12 by its blobs alone; #17 by its blobs and lib.js's lines
    expect(copies).toEqual(new Map([[sha('t20'), [sha('#11')]], [sha('t21'), [sha('#12')]], [sha('t26'), [sha('#17')]]]));
    const line = withDiffCopies([squash('t20', 'fix: guard the parser (#20)', 10), squash('t22', 'fix: other (#22)', 10)], copies);
    expect(line.map((c) => c.sameDiffAs)).toEqual([[sha('#11')], undefined]);
    // what its lines link, the note no longer counts as carried by a title alone
    expect(titleOnly([fix(10, 0), fix(11, 5)], line)).toEqual(new Set([sha('#10')]));
  });
});
