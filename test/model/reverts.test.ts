import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import { parseMessage } from '../../src/model/message.js';
import { collectRevertRefs, markReverts, quotedRevertNumber, quotedRevertTitle } from '../../src/model/reverts.js';
import { change, commit, h, sha } from './data.js';

describe('reverts', () => {
  it('finds the change that owns the commit a revert names, a pull ref commit included', () => {
    // #5's own commits, and the PR commit a merge queue replaced with a copy
    const pr = change('pr5', { number: 5, title: 'Add five', commitShas: [sha('copy'), sha('original')], mergedAt: h(1) });
    const other = change('other', { title: 'Something else', mergedAt: h(2) });
    const revert = change('rev', { title: 'Back out the five thing', mergedAt: h(3) });
    const marked = markReverts([pr, other, revert], new Map([[revert.sha, { shas: [sha('original')], prs: [], revertMessage: true }]]));
    expect(marked).toBe(1);
    expect(pr.revertedBy).toBe(revert.sha);
    expect(other.revertedBy).toBeNull();
    expect(revert.isRevert).toBe(true);
  });

  it('accepts an abbreviated sha, and never a later change', () => {
    const early = change('early', { mergedAt: h(1) });
    const revert = change('rev', { title: 'undo', mergedAt: h(2) });
    const later = change('later', { mergedAt: h(3) });
    markReverts([early, revert, later], new Map([[revert.sha, { shas: [early.sha.slice(0, 8), later.sha], prs: [], revertMessage: true }]]));
    expect([early.revertedBy, later.revertedBy]).toEqual([revert.sha, null]);
  });

  it('resolves an abbreviation two commits share to the earlier change in history, not the first in sha order', () => {
    // both shas start abcdef1; the later change's sha sorts first
    const early = change('early', { sha: `abcdef19${'0'.repeat(32)}`, commitShas: [`abcdef19${'0'.repeat(32)}`], mergedAt: h(1) });
    const middle = change('middle', { sha: `abcdef10${'0'.repeat(32)}`, commitShas: [`abcdef10${'0'.repeat(32)}`], mergedAt: h(2) });
    const unmatched = change('unmatched', { mergedAt: h(3) });
    const revert = change('rev', { title: 'undo', mergedAt: h(4) });
    const marked = markReverts([early, middle, unmatched, revert], new Map([[revert.sha, { shas: ['abcdef1', 'fedcba9'], prs: [], revertMessage: true }]]));
    expect(marked).toBe(1);
    expect([early.revertedBy, middle.revertedBy, unmatched.revertedBy]).toEqual([revert.sha, null, null]);
  });

  it('takes, of two changes holding the commit a revert names, the later one, by its full sha or an abbreviation', () => {
    // a pull ref's commit both an earlier change and a later one carried
    const shared = `1234567f${'0'.repeat(32)}`;
    const run = (named: string): Array<string | null> => {
      const first = change('first', { commitShas: [shared], mergedAt: h(1) });
      const second = change('second', { commitShas: [sha('own'), shared], mergedAt: h(2) });
      const revert = change('rev', { title: 'undo', mergedAt: h(3) });
      markReverts([first, second, revert], new Map([[revert.sha, { shas: [named], prs: [], revertMessage: true }]]));
      return [first.revertedBy, second.revertedBy];
    };
    const revertSha = change('rev').sha;
    expect(run(shared)).toEqual([null, revertSha]);
    expect(run('1234567f')).toEqual([null, revertSha]);
    // too short to name a commit, or a sha no change holds
    expect(run('123456')).toEqual([null, null]);
    expect(run(`7654321f${'0'.repeat(32)}`)).toEqual([null, null]);
  });

  it('matches `Revert "<title>"` only with an earlier change: a later one of that title is left alone', () => {
    const revert = change('rev', { title: 'Revert "Tune cache"', mergedAt: h(1) });
    const later = change('later', { title: 'Tune cache', mergedAt: h(2) });
    expect(markReverts([revert, later], new Map())).toBe(0);
    expect(later.revertedBy).toBeNull();
  });

  it('matches `Revert "<title>"` with the newest earlier change of that title, (#N) aside', () => {
    const first = change('first', { title: 'Add cache', mergedAt: h(1) });
    const second = change('second', { kind: 'squash', number: 12, title: 'Add cache', mergedAt: h(2) });
    // GitHub's revert button on the squash `Add cache (#12)`, itself squash-merged as #13
    const revert = change('rev', { kind: 'squash', number: 13, title: 'Revert "Add cache (#12)"', mergedAt: h(3) });
    markReverts([first, second, revert], new Map());
    expect([first.revertedBy, second.revertedBy]).toEqual([null, revert.sha]);
  });

  it('matches `Revert "<title>"` behind an issue or a scope, as the revert title it is', () => {
    const bar = change('bar', { kind: 'squash', number: 103, title: 'gh-102: Add bar', mergedAt: h(1) });
    const tidy = change('tidy', { title: 'cmd/go: tidy the flags', mergedAt: h(2) });
    // cpython's squash of a revert, its body edited down to the reason (no `This reverts commit` line)
    const revert = change('rev', { kind: 'squash', number: 111, title: 'gh-102: Revert "gh-102: Add bar (#103)"', mergedAt: h(3) });
    const goRevert = change('gorev', { title: 'cmd/go: revert "cmd/go: tidy the flags"', mergedAt: h(4) });
    // a conventional type is no revert title: its quote names nothing reverted
    const feature = change('feat', { title: 'feat: revert "gh-102: Add bar"', mergedAt: h(5) });
    // but before git's own `Revert "…"` it is one (electron's `ci: Revert "build: use 32-core … (#51256)" (#51341)`)
    const runners = change('runners', { kind: 'squash', number: 51256, title: 'build: use 32-core Windows ARC runners', mergedAt: h(6) });
    const ciRevert = change('cirev', { kind: 'squash', number: 51341, title: 'ci(build)!: Revert "build: use 32-core Windows ARC runners (#51256)"', mergedAt: h(7) });
    expect(markReverts([bar, tidy, revert, goRevert, feature, runners, ciRevert], new Map())).toBe(3);
    expect([bar.revertedBy, tidy.revertedBy, runners.revertedBy]).toEqual([revert.sha, goRevert.sha, ciRevert.sha]);
    expect(feature.isRevert).toBeFalsy();
  });

  it('matches a quote that leaves out the scope the revert and its change share', () => {
    // tokio-rs/tracing's #3425, a day after tracing-0.1.42 shipped #3382 (a title of another scope is no match)
    const sanitary = change('sanitary', { kind: 'squash', number: 3382, title: 'tracing: make `valueset` macro sanitary', mergedAt: h(1) });
    const other = change('other', { kind: 'squash', number: 3383, title: 'tracing-core: make `valueset` macro sanitary', mergedAt: h(2) });
    const revert = change('rev', { kind: 'squash', number: 3425, title: 'tracing: revert "make `valueset` macro sanitary"', mergedAt: h(3) });
    expect(markReverts([sanitary, other, revert], new Map())).toBe(1);
    expect([sanitary.revertedBy, other.revertedBy]).toEqual([revert.sha, null]);
  });

  it('matches the revert type before a quoted title, or before a change\'s whole title unquoted', () => {
    // pnpm's #10420 and #10582, whose messages name no commit
    const v8 = change('v8', { kind: 'squash', number: 9971, title: 'perf: use v8 serialize/deserialize instead of JSON', mergedAt: h(1) });
    const why = change('why', { kind: 'squash', number: 10500, title: 'fix(reviewing): fix memory error in pnpm why', mergedAt: h(2) });
    const quoted = change('q', { kind: 'squash', number: 10420, title: 'revert: "perf: use v8 serialize/deserialize instead of JSON (#9971)"', mergedAt: h(3) });
    const unquoted = change('u', { kind: 'squash', number: 10582, title: 'revert: fix(reviewing): fix memory error in pnpm why', mergedAt: h(4) });
    // a title no change has, quoted or not, names nothing; nor does a feature's type before a quote
    const none = change('n', { title: 'revert(cache): the cache to 1.2', mergedAt: h(5) });
    const feature = change('f', { title: 'feat: "perf: use v8 serialize/deserialize instead of JSON"', mergedAt: h(6) });
    expect(markReverts([v8, why, quoted, unquoted, none, feature], new Map())).toBe(2);
    expect([v8.revertedBy, why.revertedBy, feature.isRevert]).toEqual([quoted.sha, unquoted.sha, false]);
  });

  it('matches `Reverts #N` and a revert-N- branch', () => {
    const a = change('a', { number: 7, mergedAt: h(1) });
    const b = change('b', { number: 8, mergedAt: h(2) });
    const byBody = change('r1', { title: 'Undo seven', mergedAt: h(3) });
    const byBranch = change('r2', { title: 'Undo eight', branch: 'revert-8-ada/eight', mergedAt: h(4) });
    markReverts([a, b, byBody, byBranch], new Map([[byBody.sha, { shas: [], prs: [7], revertMessage: true }]]));
    expect([a.revertedBy, b.revertedBy]).toEqual([byBody.sha, byBranch.sha]);
  });

  it('matches a revert title that ends with the reverted change\'s number, its own squash number aside', () => {
    // cargo's #17249, `revert(lint): Remove \`new_implicit_minimum_version_req\` (#16321)`, merged as `… (#17249)`
    const lint = change('lint', { number: 16321, title: 'feat(lint): Add new_implicit_minimum_version_req', mergedAt: h(1) });
    const other = change('other', { number: 16322, mergedAt: h(2) });
    const revert = change('rv', { number: 17249, title: 'revert(lint): Remove `new_implicit_minimum_version_req` (#16321) (#17249)', mergedAt: h(3) });
    // a title that is no revert names nothing reverted, whatever number it ends with
    const fix = change('fix', { number: 17250, title: 'fix: follow up on (#16322) (#17250)', mergedAt: h(4) });
    markReverts([lint, other, revert, fix], new Map());
    expect([lint.revertedBy, other.revertedBy, revert.isRevert, fix.isRevert ?? false]).toEqual([revert.sha, null, true, false]);
    // as the model titles a squash or a merge, its own number already left out: the number the title ends in is
    // the one it names, not one more to leave aside
    const lint2 = change('lint2', { number: 16321, title: 'feat(lint): Add new_implicit_minimum_version_req', mergedAt: h(1) });
    const revert2 = change('rv2', { number: 17249, title: 'revert(lint): Remove `new_implicit_minimum_version_req` (#16321)', mergedAt: h(3) });
    markReverts([lint2, revert2], new Map());
    expect([lint2.revertedBy, revert2.isRevert]).toEqual([revert2.sha, true]);
  });

  it('collects what a change\'s commits say they revert, the pull requests its landing names apart from its other commits\'', () => {
    const commits = new Map([commit('r', { at: h(1), revertsShas: [sha('x')] }), commit('s', { at: h(1), revertsPrs: [4] }), commit('land', { at: h(2), revertsPrs: [3] })].map((c) => [c.sha, c]));
    const c = change('land', { commitShas: [sha('r'), sha('s'), sha('unknown')] });
    expect(collectRevertRefs([c], (s) => commits.get(s)).get(c.sha)).toEqual({ shas: [sha('x')], prs: [3], subPrs: [4], revertMessage: false });
    // a pull request of one commit: what its commit says is the pull request's own word (loki's #23386)
    const one = change('land', { commitShas: [sha('s')] });
    expect(collectRevertRefs([one], (s) => commits.get(s)).get(one.sha)).toEqual({ shas: [], prs: [3, 4], revertMessage: false });
  });

  it('reads a Gerrit change a revert names by number as the landing commit of the change whose Reviewed-on URL ends with it', () => {
    const url = (n: number): string => `https://go-review.googlesource.com/c/tools/+/${n}`;
    // CL 686075 landed as `shut` (CL 999 as none): golang/tools' 4f6016bba `Temporarily revert CL 686075`
    const commits = new Map([
      commit('shut', { at: h(1), landingUrl: url(686075) }),
      commit('other', { at: h(2), landingUrl: url(686076) }),
      commit('unshut', { at: h(3), landingUrl: url(686835), revertsCls: [686075, 999], revertMessage: true }),
    ].map((c) => [c.sha, c]));
    const changes = ['shut', 'other', 'unshut'].map((name, i) => change(name, { kind: 'trailer', mergedAt: h(i + 1) }));
    const refs = collectRevertRefs(changes, (s) => commits.get(s));
    expect([...refs]).toEqual([[sha('unshut'), { shas: [sha('shut')], prs: [], revertMessage: true }]]);
    expect(markReverts(changes, refs)).toBe(1);
    expect(changes.map((c) => c.revertedBy)).toEqual([sha('unshut'), null, null]);
  });

  it('takes a revert commit inside a feature squash\'s pull ref as a sub-commit, but one a sync brings as a revert', () => {
    const revertCommit = commit('rv', { at: h(1), subject: 'Revert "tune"', revertsShas: [sha('tune')], revertMessage: true });
    const other = commit('more', { at: h(1), subject: 'finish the settings' });
    const commits = new Map([revertCommit, other].map((c) => [c.sha, c]));
    const feature = change('feat', { kind: 'squash', title: 'Rework the settings', commitShas: [sha('rv'), sha('more')] });
    const sync = change('sync', { kind: 'sync', title: "Merge 'v1.2.x' into 'main'", commitShas: [sha('rv'), sha('more')] });
    // the same commits alone: a pull request of one revert commit is a revert
    const alone = change('alone', { kind: 'merge', title: 'Undo the tuning', commitShas: [sha('rv')] });
    const refs = collectRevertRefs([feature, sync, alone], (s) => commits.get(s));
    expect([feature, sync, alone].map((c) => refs.get(c.sha)?.revertMessage)).toEqual([false, true, true]);
    // and by number: tauri's `Merge remote-tracking branch 'origin/1.x' into dev` brought 1.x's `fix(core): revert
    // #6680, …`, a whole revert, where a feature's sub-commit so titled reverts part of #6680
    const byNumber = commit('rn', { at: h(1), subject: 'fix(core): revert #6680, remove the sound (#7229)', revertsPrs: [6680], revertMessage: true });
    const numbered = new Map([byNumber, other].map((c) => [c.sha, c]));
    const line = change('line', { kind: 'sync', title: "Merge remote-tracking branch 'origin/1.x' into dev", commitShas: [sha('rn'), sha('more')] });
    const rework = change('rework', { kind: 'squash', title: 'Rework the sound', commitShas: [sha('rn'), sha('more')] });
    const named = collectRevertRefs([line, rework], (s) => numbered.get(s));
    expect([named.get(line.sha)?.prs, named.get(rework.sha)?.subPrs]).toEqual([[6680], [6680]]);
  });
});

/** The fields markReverts reads, and nothing else: a reland needs no full change. */
const bare = (sha: string, title: string, mergedAt: number): Change => ({ sha, title, mergedAt, commitShas: [sha], number: null, branch: null, revertedBy: null, isRevert: false, flags: [] }) as unknown as Change;

describe('markReverts', () => {
  it('reads a revert of a revert as a reland: the first revert is not reverted, the reland is no revert', () => {
    const feature = bare('a1', 'add search', 1);
    const revert = bare('b2', 'Revert "add search"', 2);
    const reland = bare('c3', 'Revert "Revert "add search""', 3);
    const refs = new Map([['b2', { shas: ['a1'], prs: [], revertMessage: true }], ['c3', { shas: ['b2'], prs: [], revertMessage: true }]]);
    expect(markReverts([feature, revert, reland], refs)).toBe(1);
    expect([feature.revertedBy, feature.isRevert]).toEqual(['b2', false]);
    expect([revert.revertedBy, revert.isRevert]).toEqual([null, true]);
    expect([reland.revertedBy, reland.isRevert]).toEqual([null, false]);
  });

  it('reads a squash that quotes main\'s own revert lines as no partial revert of what they named', () => {
    // kit's #15045: a branch merged main in after #15143 reverted #14622 and #15144 relanded it, and the squash's
    // body lists their commits with their `This reverts commit` lines
    const feature = bare('a1', 'add search', 1);
    const revert = bare('b2', 'Revert "add search"', 2);
    const reland = bare('c3', 'Revert "Revert "add search""', 3);
    const squash = bare('d4', 'feat: rework the settings', 4);
    const refs = new Map([
      ['b2', { shas: ['a1'], prs: [], revertMessage: true }],
      ['c3', { shas: ['b2'], prs: [], revertMessage: true }],
      ['d4', { shas: ['a1', 'b2'], prs: [], revertMessage: false }],
    ]);
    markReverts([feature, revert, reland, squash], refs);
    expect([feature.revertedBy, feature.flags, revert.flags]).toEqual(['b2', [], []]);
    // a sub-commit's revert of a commit no earlier change named is still a partial revert
    const tune = bare('e5', 'tune the cache', 5);
    const rework = bare('f6', 'feat: rework the cache', 6);
    markReverts([tune, rework], new Map([['f6', { shas: ['e5'], prs: [], revertMessage: false }]]));
    expect(tune.flags).toEqual(['partially-reverted']);
    // a sub-commit's revert of a revert (git's `Reapply "…"`, bevy's #24343) puts back what it took: no partial revert
    const move = bare('m1', 'Move visibility range checking', 11);
    const undo = bare('m2', 'Revert "Move visibility range checking"', 12);
    const redo = bare('m3', 'Move visibility range checking again, fixed', 13);
    markReverts([move, undo, redo], new Map([['m2', { shas: ['m1'], prs: [], revertMessage: true }], ['m3', { shas: ['m2'], prs: [], revertMessage: false }]]));
    expect([move.revertedBy, undo.isRevert, undo.flags, redo.isRevert]).toEqual(['m2', true, [], false]);
    // and a sub-commit's `docs: revert #N` (starlight's #3351): the pull request partly reverted, the feature no revert
    const docs = change('g7', { number: 3199, title: 'docs: show the layer order', mergedAt: h(7) });
    const layers = change('h8', { number: 3351, title: 'Ensure CSS layer order in custom pages', mergedAt: h(8) });
    expect(markReverts([docs, layers], new Map([[layers.sha, { shas: [], prs: [], subPrs: [3199], revertMessage: false }]]))).toBe(0);
    expect([docs.revertedBy, docs.flags, layers.isRevert]).toEqual([null, ['partially-reverted'], false]);
  });

  it('reads a change reverted whole, by a description and a sub-commit both, as reverted and not partly', () => {
    // nushell's #16880: `Reverts #16818` in its description, and its branch's `Revert "…"` commit of #16818's commit
    const timeout = change('t1', { number: 16818, title: 'Increase timeout of hover_on_external_command', mergedAt: h(1) });
    const ignore = change('i2', { number: 16880, title: 'test(lsp): ignore hover_on_external_command for the CI workflow', mergedAt: h(2) });
    markReverts([timeout, ignore], new Map([[ignore.sha, { shas: [timeout.sha], prs: [16818], revertMessage: false }]]));
    expect([timeout.revertedBy, timeout.flags, ignore.isRevert]).toEqual([ignore.sha, [], true]);
  });

  it('reads a change titled `Revert <its own words>` whose commit reverts another as a whole revert of it', () => {
    // astro's #16997: `Revert "Fix issue with dynamic routes … (#16720)"` (This reverts commit …) and a changeset,
    // squashed under `Revert isNode workerd detection that caused Cloudflare build regression`
    const fix = change('f1', { number: 16720, title: 'Fix issue with dynamic routes in complex projects using workerd', mergedAt: h(1) });
    const undo = change('u2', { number: 16997, title: 'Revert isNode workerd detection that caused Cloudflare build regression', mergedAt: h(2) });
    markReverts([fix, undo], new Map([[undo.sha, { shas: [fix.sha], prs: [], revertMessage: false }]]));
    expect([fix.revertedBy, fix.flags, undo.isRevert]).toEqual([undo.sha, [], true]);
    // the word later in the title is no revert's: a feature holding a sub-commit's revert reverts part of what it names
    const tune = change('t3', { number: 3, title: 'Tune the cache', mergedAt: h(3) });
    const rework = change('r4', { number: 4, title: 'Rework the cache and revert its tuning', mergedAt: h(4) });
    markReverts([tune, rework], new Map([[rework.sha, { shas: [tune.sha], prs: [], revertMessage: false }]]));
    expect([tune.revertedBy, tune.flags, rework.isRevert]).toEqual([null, ['partially-reverted'], false]);
    // and the title alone, with no commit that says what it reverts, names nothing
    const alone = change('a5', { number: 5, title: 'Revert to the old parser when the new one fails', mergedAt: h(5) });
    markReverts([alone], new Map());
    expect(alone.isRevert ?? false).toBe(false);
  });

  it('reads a stacked pull request that quotes its base\'s revert of its own commit as no partial revert of the base', () => {
    // kit's #14526, stacked on #14521: #14521 reverted one of its own commits (0f5e744c) before it was squashed, and
    // #14526's squash lists its base's commits, that revert line with them
    const base = { ...bare('a1', 'fix: webcontainer workaround', 1), commitShas: ['a1', 'w1', 'w2'] };
    const stacked = bare('b2', 'fix: webcontainer workaround throttle', 2);
    const quoting = new Map([
      ['a1', { shas: ['w1'], prs: [], revertMessage: false }],
      ['b2', { shas: ['w1'], prs: [], revertMessage: false }],
    ]);
    markReverts([base, stacked], quoting);
    expect([base.flags, stacked.flags]).toEqual([[], []]);
    // without the base's own line, the same line in the later squash is a partial revert of it
    const again = { ...bare('a1', 'fix: webcontainer workaround', 1), commitShas: ['a1', 'w1', 'w2'] };
    markReverts([again, bare('b2', 'fix: webcontainer workaround throttle', 2)], new Map([['b2', { shas: ['w1'], prs: [], revertMessage: false }]]));
    expect(again.flags).toEqual(['partially-reverted']);
  });

  it('reads a conventional type before a lower-case revert of a quoted title as a whole revert', () => {
    // vite's #21081, `fix: revert "refactor: use fs.cpSync (#21019)"`, three commits: its message is not the revert's
    const feature = bare('a1', 'refactor: use `fs.cpSync` (#21019)', 1);
    const revert = bare('b2', 'fix: revert "refactor: use fs.cpSync (#21019)" (#21081)', 2);
    expect(markReverts([feature, revert], new Map([['b2', { shas: ['a1'], prs: [], revertMessage: false }]]))).toBe(1);
    expect([feature.revertedBy, feature.flags, revert.isRevert]).toEqual(['b2', [], true]);
  });

  it('reads a title that opens `Revert #N` as a revert of #N, and a commit so titled inside another change as none', () => {
    // esphome's `Revert #6458 (#6650)`, a squash with no body, ten days after 2024.4.0 shipped #6458
    const feature = { ...bare('a1', 'Add the display driver (#6458)', 1), number: 6458 };
    const revert = { ...bare('b2', 'Revert #6458 (#6650)', 2), number: 6650 };
    // #645, merged between them, is not the #6458 the title names
    const near = { ...bare('c3', 'Add the fan driver (#645)', 1.5), number: 645 };
    expect(markReverts([feature, near, revert], new Map())).toBe(1);
    expect(near.revertedBy).toBeNull();
    expect([feature.revertedBy, revert.isRevert]).toEqual(['b2', true]);
    // kit's #14298, an alternative fix, holds a commit titled `revert #14268`: a commit's own subject names no pull
    // request it reverts (the change's title does, above), so the change it is part of reverts nothing by it
    expect(parseMessage('revert #14268').revertsPrs).toEqual([]);
    // one older than the history read: still a revert by its own words
    const alone = { ...bare('e5', 'Reverts #12 (#40)', 5), number: 40 };
    markReverts([alone], new Map());
    expect(alone.isRevert).toBe(true);
  });

  it('reads a revert of a change older than the history read as a revert, whatever the window; a reland or a revert naming nothing as none', () => {
    // cargo's #17249 `revert(lint): Remove … (#16321)`: #16321 landed 2025-12-08, before a 90-day window's history
    const byNumber = { ...bare('b2', 'revert(lint): Remove the lint (#16321) (#17249)', 2), number: 17249 };
    const bySha = bare('c3', 'Revert "add search"', 3);
    const byBody = bare('d4', 'Undo the cache', 4);
    const reland = bare('e5', 'Revert "Revert "add the old index""', 5);
    const naming = bare('f6', 'revert: drop the cache', 6);
    const squashed = bare('g7', 'feat: rework the cache', 7);
    // axum's `Merge branch 'v0.8.x' into …`: a sync carrying a revert is no revert of its own
    const sync = { ...bare('h8', "Merge branch 'v0.8.x' into ada/v0.8.9", 8), kind: 'sync' } as Change;
    const refs = new Map([
      ['c3', { shas: ['0ld5ha'], prs: [], revertMessage: true }],
      ['d4', { shas: [], prs: [16000], revertMessage: true }],
      ['e5', { shas: ['0ldrev'], prs: [], revertMessage: true }],
      ['g7', { shas: ['0ld5ha'], prs: [], revertMessage: false }],
      ['h8', { shas: ['0ld5ha'], prs: [], revertMessage: true }],
    ]);
    expect(markReverts([byNumber, bySha, byBody, reland, naming, squashed, sync], refs)).toBe(0);
    expect([byNumber, bySha, byBody, reland, naming, squashed, sync].map((c) => c.isRevert)).toEqual([true, true, true, false, false, false, false]);
  });

  it('reads a squash whose one commit reverts a revert as a reland, whatever its title, and what it names as no change reverted', () => {
    // uv's #18402 `Preserve absolute/relative paths passed to \`uv add\``: its one commit `Revert "Revert breaking uv
    // add related changes"` names 666ae61, a commit of #18176, which had taken that part out before #18176 landed
    const revertCommit = commit('rv', { at: h(1), subject: 'Revert breaking uv add related changes' });
    const relandCommit = commit('rl', { at: h(3), subject: 'Revert "Revert breaking uv add related changes"', revertsShas: [sha('rv')], revertMessage: true });
    // git's revert of a plain revert commit, the same way under a squash's own title: a revert
    const plainCommit = commit('pl', { at: h(5), subject: 'Revert "Tune the cache"', revertsShas: [sha('tune')], revertMessage: true });
    // and a revert of a reland again
    const againCommit = commit('ag', { at: h(7), subject: 'Revert "Revert "Revert breaking uv add related changes""', revertsShas: [sha('rl')], revertMessage: true });
    const commits = new Map([revertCommit, relandCommit, plainCommit, againCommit].map((c) => [c.sha, c]));
    const run = (read: Change[]): Change[] => {
      markReverts(read, collectRevertRefs(read, (s) => commits.get(s)));
      return read;
    };
    const lockfiles = (): Change => change('pr18176', { kind: 'squash', number: 18176, title: 'Preserve absolute/relative paths in lockfiles', commitShas: [sha('w1'), sha('rv')], mergedAt: h(2) });
    const uvAdd = (): Change => change('pr18402', { kind: 'squash', number: 18402, title: 'Preserve absolute/relative paths passed to `uv add`', commitShas: [sha('rl')], mergedAt: h(4) });
    // the year's history holds #18176; 90 days' does not
    const [base, reland] = run([lockfiles(), uvAdd()]);
    expect([base?.revertedBy, base?.flags, reland?.isRevert]).toEqual([null, [], false]);
    const [alone] = run([uvAdd()]);
    expect(alone?.isRevert).toBe(false);
    const [plain] = run([change('pr9', { kind: 'squash', number: 9, title: 'Put the cache back as it was', commitShas: [sha('pl')], mergedAt: h(6) })]);
    expect(plain?.isRevert).toBe(true);
    const [first, second, again] = run([lockfiles(), uvAdd(), change('pr10', { kind: 'squash', number: 10, title: 'Take the `uv add` paths out again', commitShas: [sha('ag')], mergedAt: h(8) })]);
    expect([first?.revertedBy, second?.revertedBy, second?.isRevert, again?.isRevert]).toEqual([null, sha('pr10'), false, true]);
  });

  it('reads a title that reverts a revert as a reland, and one reverting that reland as a revert, named or not', () => {
    const feature = bare('a1', 'add search', 1);
    // a revert of a sub-commit of a larger change, the revert's title loose (`Revert <words>`): its quote is a revert's
    const reland = bare('b2', 'Revert "Revert the search ranking"', 2);
    const again = bare('c3', 'Revert "Revert "Revert the search ranking""', 3);
    const refs = new Map([['b2', { shas: ['a1'], prs: [], revertMessage: true }]]);
    expect(markReverts([feature, reland, again], refs)).toBe(1);
    expect([feature.revertedBy, feature.flags, reland.isRevert, reland.revertedBy, again.isRevert]).toEqual([null, [], false, 'c3', true]);
    // the same two with nothing of theirs in the history read
    const alone = [bare('d4', 'Revert "Revert the search ranking" (#20)', 4), bare('e5', 'Revert "Revert "Revert the search ranking (#20)"" (#21)', 5)];
    expect(markReverts(alone, new Map([['d4', { shas: ['0ld5ha'], prs: [], revertMessage: true }]]))).toBe(0);
    expect(alone.map((c) => c.isRevert)).toEqual([false, true]);
  });

  it('reads a revert behind the release line a backport names first as a whole revert, not a partial one', () => {
    // cargo's rust-1.98.0: `[beta 1.98] revert(compiler): …` reverted both of #17006's commits
    const feature = { ...bare('a1', 'feat(compiler): emit the new lint (#17006)', 1), commitShas: ['a1', 'w1', 'w2'] };
    const revert = bare('b2', '[beta 1.98] revert(compiler): emit the new lint (#17316)', 2);
    expect(markReverts([feature, revert], new Map([['b2', { shas: ['w1', 'w2'], prs: [], revertMessage: false }]]))).toBe(1);
    expect([feature.revertedBy, feature.flags, revert.isRevert]).toEqual(['b2', [], true]);
    // golang/tools' cherry-pick onto its release branch, quoting the title it reverts
    const setting = bare('c3', 'internal/settings: drop "annotations" setting', 3);
    const back = bare('d4', '[gopls-release-branch.0.18] Revert "internal/settings: drop "annotations" setting"', 4);
    expect(markReverts([setting, back], new Map())).toBe(1);
    expect([setting.revertedBy, back.isRevert]).toEqual(['d4', true]);
  });
});

describe('quotedRevertTitle', () => {
  it('gives the title a revert quotes, without its number, and nothing for a reland or an unquoted revert', () => {
    expect(quotedRevertTitle('Revert "Avoid allocations in readLoop by using sync.Pool"')).toBe('Avoid allocations in readLoop by using sync.Pool');
    expect(quotedRevertTitle('Revert "fix: parser (#12)" (#13)')).toBe('fix: parser');
    expect(quotedRevertTitle('Revert "Revert "fix: parser""')).toBeNull();
    expect(quotedRevertTitle('revert: fix: parser')).toBeNull();
    expect(quotedRevertTitle('Fix the "Revert" button')).toBeNull();
  });

  it('gives the number the quoted title ends in, not the revert\'s own (grpc-go\'s #9067 quotes #9065)', () => {
    expect(quotedRevertNumber('Revert "deps: update dependencies for all modules (#9065)" (#9067)')).toBe(9065);
    expect(quotedRevertNumber('Revert "Avoid allocations in readLoop by using sync.Pool" (#12267)')).toBeNull();
    expect(quotedRevertNumber('Revert "fix #12 in the parser"')).toBeNull();
  });
});
