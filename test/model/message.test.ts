import { describe, expect, it } from 'vitest';
import { isVersionlessRelease, mergeRequestFromUrl, numberFromUrl, opensDevelopment, ownBumpVersion, parseLanding, parseMessage, reviewNumberFromUrl } from '../../src/model/message.js';
import { taggedVersion } from '../../src/release-names.js';

describe('commit messages', () => {
  it('finds AI evidence with the tool each names, in message order', () => {
    const m = parseMessage('Add x\n\nbody\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\nAssisted-by: Gemini\n');
    expect(m.aiEvidence).toEqual([
      { tool: 'copilot', strength: 'assisted', line: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>' },
      { tool: 'claude-code', strength: 'assisted', line: '🤖 Generated with [Claude Code](https://claude.com/claude-code)' },
      { tool: 'gemini', strength: 'assisted', line: 'Assisted-by: Gemini' },
    ]);
    expect(parseMessage('Fix\n\nCo-authored-by: Jane Doe <jane@example.com>').aiEvidence).toEqual([]);
  });

  it('reads revert references and landing trailers', () => {
    const m = parseMessage('Revert "x"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\nReverts acme/app#42\n\nPR-URL: https://github.com/nodejs/node/pull/5\n');
    expect(m.revertsShas).toEqual(['0123456789abcdef0123456789abcdef01234567']);
    expect(m.revertsPrs).toEqual([42]);
    expect(m.landingUrl).toBe('https://github.com/nodejs/node/pull/5');
    // spring-boot's f7282359064: a list of four, wrapped, a comma lost at the wrap
    expect(parseMessage('Revert "Introduce AMQP 1.0"\n\nThis reverts commit 8dde82b557d0a3020f89b088d9ba19f5b4b1e9ec, c388dc92\n5b7f0f726b9be082b09b0714cadb1b00bff79280, and\n2d71ef94ed2b5b82070720984baa2ffeb4cc9e7d.\n\nSee gh-49621\n').revertsShas)
      .toEqual(['8dde82b557d0a3020f89b088d9ba19f5b4b1e9ec', 'c388dc92', '5b7f0f726b9be082b09b0714cadb1b00bff79280', '2d71ef94ed2b5b82070720984baa2ffeb4cc9e7d']);
    expect(parseMessage('Revert two\n\nThis reverts commits 1a2b3c4d and 5e6f7a8b.').revertsShas).toEqual(['1a2b3c4d', '5e6f7a8b']);
    // what follows a sha that is no list of shas: words, a word of hex letters, a sentence on the next line
    expect(parseMessage('Revert "x"\n\nThis reverts commit 1a2b3c4d, defaced the page\nbecause it broke.').revertsShas).toEqual(['1a2b3c4d']);
    expect(parseMessage('Revert "x"\n\nThis reverts commit 1a2b3c4d.\n\n5e6f7a8b9c was fine').revertsShas).toEqual(['1a2b3c4d']);
    // hono's `fix(context): revert PR #4707 (#4757)`: a revert of #4707, not of its own #4757; a feature's is no revert
    const typed = parseMessage('fix(context): revert PR #4707 (#4757)\n\n* revert PR #4707\n');
    expect([typed.revertMessage, typed.revertsPrs]).toEqual([true, [4707]]);
    expect(parseMessage('fix: revert #12 in the docs').revertsPrs).toEqual([12]);
    // ansible's `Revert #83504 (#83566)`: a revert, of its body's commits (the number is read from a change's title,
    // reverts.ts); a number glued to more is none
    const bare = parseMessage('Revert #83504 (#83566)\n\n* Revert "[stable-2.17] dnf - arches (#83417)"\n\nThis reverts commit 6966b53b5be48cbcef600f53fb58a5c5b478a185.\n');
    expect([bare.revertMessage, bare.revertsShas]).toEqual([true, ['6966b53b5be48cbcef600f53fb58a5c5b478a185']]);
    expect(parseMessage('Revert #83504abc').revertMessage).toBe(false);
    expect([parseMessage('feat: revert PR #12 button').revertMessage, parseMessage('feat: revert PR #12 button').revertsPrs]).toEqual([false, []]);
    expect(parseMessage('fix: revert the cache to 1.2').revertsPrs).toEqual([]);
    // astro's `revert: PR 16708 (#16801)`: the revert type's own, its `#` left out; a bare number after it names nothing
    expect([parseMessage('revert: PR 16708 (#16801)').revertMessage, parseMessage('revert: PR 16708 (#16801)').revertsPrs]).toEqual([true, [16708]]);
    expect(parseMessage('revert(cloudflare): pull request #16708').revertsPrs).toEqual([16708]);
    expect(parseMessage('revert: 16708 retries (#16801)').revertsPrs).toEqual([]);
    // ruff's `This reverts #26163 and its follow-up changes in #26230, …`: the first it names
    expect(parseMessage('[ty] Undo the narrowing (#26339)\n\nThis reverts #26163 and its follow-up changes in #26230.').revertsPrs).toEqual([26163]);
    // vue's bodies: a line of its own saying `revert #N`, first or among others, under a fix's title
    expect(parseMessage('fix(runtime-vapor): remove unsafe slot dry runs (#15089)\n\nrevert #14793\nVapor cannot tell').revertsPrs).toEqual([14793]);
    expect(parseMessage('fix(runtime-dom): add name to vShow (#13806)\n\nclose #13805\nre-fix #13744\nrevert #13777\n').revertsPrs).toEqual([13777]);
    // the words inside a line, in a list item, or joined to more than a number are no such line
    expect(parseMessage('fix: x (#20)\n\nThis does not revert #12.\n- revert #13 first\nrevert #14abc\nreverting #15').revertsPrs).toEqual([]);
    // freedesktop's Marge bot, on each commit of a GitLab merge request it lands (GStreamer, Mesa): brackets off
    const marge = parseMessage('threadshare: fix the test\n\nPart-of: <https://gitlab.freedesktop.org/gstreamer/gst-plugins-rs/-/merge_requests/2497>\n');
    expect(marge.landingUrl).toBe('https://gitlab.freedesktop.org/gstreamer/gst-plugins-rs/-/merge_requests/2497');
    // a merge request's number is no pull request's
    expect([numberFromUrl(marge.landingUrl ?? ''), mergeRequestFromUrl(marge.landingUrl ?? '')]).toEqual([null, 2497]);
    expect([numberFromUrl('https://github.com/nodejs/node/pull/5'), mergeRequestFromUrl('https://github.com/nodejs/node/pull/5')]).toEqual([5, null]);
  });

  it('reads the commits a cherry-pick names, abbreviated or whole, and none elsewhere', () => {
    const m = parseMessage('Fix x (#12)\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n(cherry picked from commit abcdef1)\n');
    expect(m.cherryPickOf).toEqual(['0123456789abcdef0123456789abcdef01234567', 'abcdef1']);
    expect(parseMessage('Fix x\n\ncherry picked from commit 0123456 without parentheses').cherryPickOf).toEqual([]);
  });

  it('reads the pull requests playwright\'s `cherry-pick(#N):` subject names, one or a list', () => {
    expect(parseMessage('cherry-pick(#41280): Revert "fix(trace-viewer): keep the snapshot"').backportOf).toEqual([41280]);
    expect(parseMessage('cherry-pick(#41309, #43149): revert the runner change').backportOf).toEqual([41309, 43149]);
    // only as the subject's type: a sentence or a body saying it is none
    expect(parseMessage('docs: explain cherry-pick(#41280): how it works').backportOf).toEqual([]);
    expect(parseMessage('fix: x\n\ncherry-pick(#41280): later').backportOf).toEqual([]);
  });

  it('reads the commits pnpm\'s release lines say they cherry-picked, in its own words, each of a list', () => {
    expect(parseMessage('feat: preserve comments (#10402)\n\nCherry-pick of 2b14c742e from main, adapted for v10:\n- Use CJS').cherryPickOf).toEqual(['2b14c742e']);
    expect(parseMessage('fix: hoistPeers (#11048, #11049)\n\nCherry-picked from main (021F70D0B0, f98a2db373).\n').cherryPickOf).toEqual(['021f70d0b0', 'f98a2db373']);
    // a pull request's number is no commit, nor are the words inside a sentence
    expect(parseMessage('fix: x\n\nCherry-pick of #11481 from main, adapted to the v10 layout.\nWhen a fix is cherry-picked from main (abc1234) to a line').cherryPickOf).toEqual([]);
    // terraform's v1.15 squash of #38838: `Edited cherry-pick of <sha>`, one of #38830's own commits
    expect(parseMessage('test: add test to catch alias discovery ordering invariant regressions\nEdited cherry-pick of 7423ead1764d5f0ea1b9efc27fb876de5cc5ac95\n\nhttps://github.com/hashicorp/terraform/pull/38830/changes/7423ead').cherryPickOf).toEqual(['7423ead1764d5f0ea1b9efc27fb876de5cc5ac95']);
    expect(parseMessage('fix: x\n\nThe edited cherry-pick of abc1234 broke the build').cherryPickOf).toEqual([]);
  });

  it('reads the merge jellyfin\'s backport script names in its `Original-merge:` trailer as the commit it copies', () => {
    const message = (trailer: string): string => `Backport pull request #16944 from jellyfin/release-10.11.z\n\nAdd lockhelper for UserManager\n\n${trailer}\n\nMerged-by: Bond-009 <bond.009@outlook.com>\n`;
    expect(parseMessage(message('Original-merge: 39958AD9E51F83F520803AA9BC5E70E58F3A0836'))).toMatchObject({ cherryPickOf: ['39958ad9e51f83f520803aa9bc5e70e58f3a0836'], backportOf: [16944] });
    // a trailer is a line of its own, with the whole sha: prose naming one, or an abbreviated sha, is none
    expect(parseMessage(message('See the Original-merge: 39958ad9e51f83f520803aa9bc5e70e58f3a0836 line')).cherryPickOf).toEqual([]);
    expect(parseMessage(message('Original-merge: 39958ad9e5')).cherryPickOf).toEqual([]);
  });

  it('reads the pull requests a backport phrase names, and not an issue a fix names', () => {
    const backportOf = (message: string): number[] => parseMessage(message).backportOf;
    expect(backportOf('fix: x (backport #5948) (#6004)')).toEqual([5948]);
    expect(backportOf('Fix x (#20)\n\nBackport of #10')).toEqual([10]);
    expect(backportOf('Fix x (#21)\n\nBackport #11 by @ada')).toEqual([11]);
    // pydantic's maintenance lines: dc302e2d0 on v2.12-fixes, tagged v2.12.2, copies #12398
    expect(backportOf('Fix issue with recursive generic models with a parent model class\n\nBackport of: #12398')).toEqual([12398]);
    expect(backportOf('Fix x\n\nBackport: #12399')).toEqual([12399]);
    expect(backportOf('Automated cherry pick of #98000: fix x')).toEqual([98000]);
    // cargo's 0.61.1: `(This is a backport of dd701a1 / #10442)`
    expect(backportOf('Update git2\n\n(This is a backport of dd701a1 / #10442)')).toEqual([10442]);
    expect(backportOf('Fix x\n\n(cherry picked from #77)')).toEqual([77]);
    // argo-cd's cherry-pick bot: e77e4b645c on release-3.4, in v3.4.5, and 0a2ba7c4c1 on release-3.3, its title cut short too
    expect(backportOf('fix(reposerver): honor depth of referenced source (cherry-pick #28339 for 3.4) (#28341)')).toEqual([28339]);
    expect(backportOf('chore(deps): bump SonarSource/sonarqube-scan-action (cherry pick #27602 to release-3.3) (#27610)')).toEqual([27602]);
    expect(backportOf('chore(deps): bump go-jose from 4.1.3 to 4.1.4 (cherry-pick #27101 for… (#27208)')).toEqual([27101]);
    expect(backportOf('[3.13] gh-1: Fix x (GH-12346) (#12400)')).toEqual([12346]);
    // patchback's subject, aiohttp's 342784008 whole (no body, no cherry-pick line): the pull request, not the backport's own
    expect(backportOf('[PR #12600/f402c3d8 backport][3.14] Silence uvloop 0.22+ asyncio.AbstractEventLoopPolicy deprecation (#12616)')).toEqual([12600]);
    expect(backportOf('[Backport 2.x] Fix x (#31)\n\nBackport 0a1b2c3d from #30.')).toEqual([30]);
    expect(backportOf('Fix x (#23)\n\nThis is an automatic backport of pull request #14 done by [Mergify](https://mergify.com).')).toEqual([14]);
    // MeeseeksDev's, ipython's e81b38afe on 8.x, tagged 8.32.0: its subject and body both name #14640
    expect(backportOf('Backport PR #14640 on branch 8.x (Fixed bug with a warning message incorrectly displayed) (#14644)\n\nBackport PR #14640: Fixed bug with a warning message incorrectly\ndisplayed')).toEqual([14640]);
    // jellyfin's f7d80ae9e6 on release-10.11.z, in v10.11.9, copies master's #16835
    expect(backportOf('backport changes from #16835')).toEqual([16835]);
    expect(backportOf('Fix x (#25)\n\nBackport the changes from #16836')).toEqual([16836]);
    // loki's d7ee4de3b8 on release-3.6.x, in v3.6.14: the number before its own, where its words say backport
    expect(backportOf('fix(ci): Backport deb/rpm packaging fix to release-3.6.x (#23680) (#23722)')).toEqual([23680]);
    expect(backportOf('fix(ci): Build deb/rpm packages in the release workflow (#23680) (#23722)')).toEqual([]);
    expect(backportOf('fix(ci): Backport deb/rpm packaging fix to release-3.6.x (#23722)')).toEqual([]);
    // electron's 9ffc255d13 on 38-x-y, in v38.8.6
    expect(backportOf('fix: correct parsing of second-instance additionalData (#50177)\n\n- POSIX: validate the result\n\nManually backported from #50119')).toEqual([50119]);
    expect(backportOf('Fix x (#22)\n\nFixes #13, backported later')).toEqual([]);
    expect(backportOf('Fix x (#24)\n\nA backport pull request will follow for #15')).toEqual([]);
  });

  it("reads the pull requests a backports list names (rust-lang's backport template), and nothing else the body lists", () => {
    const backportOf = (message: string): number[] => parseMessage(message).backportOf;
    // cargo's #13654 on rust-1.77.0, as bors wrote it
    const stable = [
      'Auto merge of #13654 - weihanglo:rust-1.77.0-backport, r=epage',
      '',
      '[stable-1.77] Do not strip debuginfo by default for MSVC',
      '',
      'Stable backports:',
      '',
      '- https://github.com/rust-lang/cargo/pull/13630',
      '',
      'In order to make CI pass, the following PRs are also cherry-picked:',
      '',
      '- #13444',
    ].join('\n');
    expect(backportOf(stable)).toEqual([13630]);
    // the merge queue's: a commit item passed over, other items of the list still read
    expect(backportOf('[beta 1.98] revert(compiler): x (#17316)\n\nBeta backports\n- rust-lang/cargo@a5c8b96f\n- #17314\n* rust-lang/cargo#17315\n\nIn order to make CI pass:\n-')).toEqual([17314, 17315]);
    // a list under another heading, or an item that names no pull request first, names nothing
    expect(backportOf('[stable 1.73] x\n\nBackports:\n* Add credential crates from [12649](https://github.com/rust-lang/cargo/pull/12649)')).toEqual([]);
    expect(backportOf('Fix x\n\nThe full fix is in #8210, too risky to backport.\n\nRelated:\n- #8149')).toEqual([]);
  });

  it('reads the pull requests a closing line names, by number or URL, and nothing a fix or a reference names', () => {
    const closes = (message: string): number[] => parseMessage(message).closesPulls;
    // curl's landings: `Closes #N`, and Jay Satiro's `Closes https://github.com/curl/curl/pull/N`
    expect(closes('schannel: improve handshake\n\nRef: https://github.com/curl/curl/pull/18125\n\nCloses https://github.com/curl/curl/pull/18323')).toEqual([18323]);
    // jQuery's: `Closes gh-N` for the pull request, `Fixes gh-N` for the issue
    expect(closes('Selector: Decode invalid escape code points to U+FFFD\n\nFixes gh-5844\nCloses gh-5845')).toEqual([5845]);
    // Apache Spark's merge script, as Zeppelin lands every pull request: the branch it came from, and a full stop
    expect(closes('[ZEPPELIN-6582] Fix the check\n\nCloses #5428 from xhaktm00/ZEPPELIN-6582.\n\nSigned-off-by: Jongyoul Lee')).toEqual([5428]);
    expect(closes('Bump js-yaml\n\nCloses #5023 from dependabot[bot]/dependabot/npm_and_yarn/js-yaml-4.1.1.')).toEqual([5023]);
    expect(closes('httpsig: add support\n\nFixes #21000\nCloses #22386\nCloses #21239')).toEqual([22386, 21239]);
    expect(closes('x\n\nclosed: #7')).toEqual([7]);
    // GerritBot's trailer on the Gerrit change it made of a pull request (golang/tools' ff4549442)
    expect(closes('cmd/stringer: support aliases\n\nGitHub-Last-Rev: 0a3bd4957a\nGitHub-Pull-Request: golang/tools#577\nReviewed-on: https://go-review.googlesource.com/c/tools/+/676455')).toEqual([577]);
    // an issue's URL, a mention mid-sentence, the subject: none
    expect(closes('x\n\nCloses https://github.com/curl/curl/issues/18587\nThis closes #5 for good\nRef: #9')).toEqual([]);
    expect(closes('Closes #4')).toEqual([]);
  });

  it('tells a revert by its subject or its first paragraph, not by a sub-commit deeper in the body', () => {
    const revert = (message: string): boolean => parseMessage(message).revertMessage;
    expect(revert('Revert "add x"\n\nThis reverts commit 0123456.')).toBe(true);
    expect(revert('revert: add x')).toBe(true);
    expect(revert('revert(cache)!: add x')).toBe(true);
    expect(revert('Roll back x (#9)\n\nThis reverts commit 0123456.')).toBe(true);
    expect(revert('Rework the settings (#30)\n\n* Rework\n\n* Revert "tune"\n\nThis reverts commit 0123456.')).toBe(false);
    expect(revert('Reverted nothing: add a revert button')).toBe(false);
    // Go's package-first subjects and Gerrit's "This CL reverts commit" (golang/tools' 1b3cb5c88 and 0602b3093)
    expect(revert('go/analysis/passes/buildtag: revert "suggest fix to remove +build lines"\n\nThis CL reverts commit 517957c, CL 694415, because it makes')).toBe(true);
    expect(revert('gopls: revert CLI usability revamp to stabilize release')).toBe(true);
    expect(revert('internal/lsp, gopls: revert the hover change')).toBe(true);
    expect(revert('feat: revert button on the settings page')).toBe(false);
    // a conventional type before git's quoted subject (electron's 002249c0ed, and trop's backport 15b95fcd52 to 40-x-y)
    expect(revert('ci: Revert "build: use 32-core Windows ARC runners for build jobs (#51256)" (#51341)')).toBe(true);
    expect(revert('fix: Revert "updated Alt detection to explicitly exclude AltGraph/AltGr (#49778)" (#50110)')).toBe(true);
    expect(revert('fix(menu)!: Revert "x"')).toBe(true);
    expect(revert('fix: revert to the old menu order')).toBe(false);
    // in lower case, a quoted title that ends the subject (vite's 728c8eeebc), not a quote inside a feature's
    expect(revert('fix: revert "refactor: use fs.cpSync (#21019)" (#21081)')).toBe(true);
    expect(revert('chore(deps): revert "bump esbuild"')).toBe(true);
    expect(revert('feat: revert "undo" label on the toolbar')).toBe(false);
    expect(revert('feat: revert "undo"')).toBe(false);
    expect(revert('Update the docs\n\nThis CL reverts commit 0123456.')).toBe(true);
    expect(parseMessage('x: revert "y"\n\nThis CL reverts commit 517957c, CL 694415.').revertsShas).toEqual(['517957c']);
    // golang/tools' 0602b3093: several commits listed under the words that revert them; a commit kept, named in
    // another paragraph, is not reverted, and a list in a message that is no revert names none
    const listed = 'gopls: revert CLI usability revamp to stabilize release\n\nThis temporarily reverts the following commits associated with the CLI\nusability revamp (CL 788640 and subsequent fixes):\n- e15a659b5 (gopls: decouple remote connection flags)\n- 4c6e3fcfd (gopls: implement simplified CLI flag parsing)\n\nWe are keeping the cleanup commit bfcc32e78 as it is independent.\n- 0fdde844a (not under the words)';
    expect(parseMessage(listed).revertsShas).toEqual(['e15a659b5', '4c6e3fcfd']);
    expect(parseMessage('gopls: add flags\n\nThis reverts nothing but lists the commits it builds on:\n- e15a659b5 (gopls: decouple)').revertsShas).toEqual([]);
    // cpython names the reverted commit in the subject and gives a reason in the body
    expect(parseMessage('gh-95173: Revert commit 51ed2c56a1852cd6b09c85ba81312dc9782772ce (#95176)\n\nCloses: #95173')).toMatchObject({ revertsShas: ['51ed2c56a1852cd6b09c85ba81312dc9782772ce'], revertMessage: true });
    expect(parseMessage("gh-108590: Revert gh-108657 (commit 400a1cebc) (#108686)\n\nReverted per Serhiy's request.").revertsShas).toEqual(['400a1cebc']);
    // a subject that is no revert names nothing reverted
    expect(parseMessage('gh-1: Document commit 400a1cebc (#2)').revertsShas).toEqual([]);
    // nor does a quoted title that happens to name one: the reverted change is found by its title
    expect(parseMessage('Revert "Fix parsing of commit 1a2b3c4d in trailers"').revertsShas).toEqual([]);
  });

  it("reads Gerrit's Change-Id, the last a message holds, and no other line's", () => {
    const id = 'Ide64d7202102930b68a2ab903054d538cd2f99dd';
    const other = 'I452a8bb1392a4417194594bd2e1e37b9e56fee26';
    expect(parseMessage(`dont produce side effects for do_orm_execute\n\nFixes: #13290\nChange-Id: ${id}\n`).changeId).toBe(id);
    // a squash of two Gerrit commits: Gerrit reads the footer's, the last
    expect(parseMessage(`Squash\n\nfirst\n\nChange-Id: ${other}\n\nsecond\n\nChange-Id: ${id}`).changeId).toBe(id);
    expect(parseMessage('Fix x\n\nFixes: #1').changeId).toBeNull();
    // not a whole line, not Gerrit's form (an I and 40 lower-case hex digits), not in the subject
    expect(parseMessage(`Fix x\n\nsee Change-Id: ${id} of main`).changeId).toBeNull();
    expect(parseMessage('Fix x\n\nChange-Id: I1234abcd').changeId).toBeNull();
    expect(parseMessage(`Fix x\n\nChange-Id: ${id.toUpperCase()}`).changeId).toBeNull();
    expect(parseMessage(`Change-Id: ${id}`).changeId).toBeNull();
  });

  it('reads the Gerrit changes a revert names by number, and only a revert\'s', () => {
    const cls = (message: string): [boolean, number[]] => [parseMessage(message).revertMessage, parseMessage(message).revertsCls];
    // golang/tools' 4f6016bba: the subject says `temporarily revert`, the body opens with the CL it reverts
    expect(cls('gopls/internal/test/marker: temporarily revert marker test shutdown\n\nTemporarily revert CL 686075, as interaction of the JSON-RPC shutdown\nlogic and the MCP server is racy.')).toEqual([true, [686075]]);
    // b021ce41a: a revert's subject, the CL further down; the CL a fix landed in is none
    expect(cls('gopls/internal/settings: revert to old goimports index\n\nThere have been additional nil dereferences in the new logic\n(beyond those fixed in CL 680258) and the fix looks nontrivial.\n\nThis is a partial revert of CL 678475.')).toEqual([true, [678475]]);
    expect(cls('cmd/stringer: revert CL 40403\n\nThis reverts CL 40403, which broke the build.')).toEqual([true, [40403]]);
    expect(cls('Revert CL 40403')).toEqual([true, [40403]]);
    expect(cls('internal/astutil/cursor: unsplit ParentEdge\n\nThis CL is a partial revert of CL 659575, which was merged by\nmistake.')).toEqual([true, [659575]]);
    // d40093525 reverts a revert, and says what that one had reverted: only the first is this one's
    expect(cls('gopls/internal/settings: use gopls import source\n\nThis reverts CL 682715, which itself was a partial revert\nof CL 678475.')).toEqual([true, [682715]]);
    expect(cls('Revert "Revert "internal/lsp/cache: don\'t pin a snapshot""\n\nThis reverts CL 416879, which itself was a revert of CL 416874.')).toEqual([true, [416879]]);
    // a message that is no revert names none, whatever it recounts
    expect(cls('gopls/internal/golang: add missing json tags\n\nIn my haste to partially revert CL 635226 in 651238, I failed to add\njson struct tags.')).toEqual([false, []]);
    expect(cls('gopls/internal/golang: Format generated files\n\nThis CL reverts the effect of CL 365295, which caused Format to fail.')).toEqual([false, []]);
    expect(cls('go/analysis/passes/modernize: plusbuild\n\nso it was reverted in CL 711320.')).toEqual([false, []]);
    // a quoted title is the reverted change's words: a revert of `cmd/stringer: revert CL 40403` relands 40403
    expect(cls('Revert "cmd/stringer: revert CL 40403"\n\nThis reverts commit 0123456.')).toEqual([true, []]);
    expect(cls('Revert "x"\n\nReason for revert: accidentally submitted before CL 268539')).toEqual([true, []]);
    expect(reviewNumberFromUrl('https://go-review.googlesource.com/c/tools/+/686075')).toBe(686075);
    // Gerrit's older short forms, golang/tools' before 2019
    expect([reviewNumberFromUrl('https://go-review.googlesource.com/c/145699'), reviewNumberFromUrl('https://go-review.googlesource.com/40403')]).toEqual([145699, 40403]);
    expect([reviewNumberFromUrl('https://github.com/nodejs/node/pull/5'), reviewNumberFromUrl('https://gitlab.freedesktop.org/gstreamer/gstreamer/-/merge_requests/2497')]).toEqual([null, null]);
  });

  it('reads how a first-parent commit landed', () => {
    expect(parseLanding('Merge pull request #12 from ada/fix-it', 'Fix it', true, 'main')).toEqual({ number: 12, mergeRequest: null, branch: 'fix-it', sync: false, title: 'Fix it' });
    expect(parseLanding('Add thing (#34)', '', false, 'main')).toMatchObject({ number: 34, sync: false });
    // behind a bracketed tag: prometheus' 3c1ed25605
    expect(parseLanding('[DOCS] Merge pull request #17998 from bboreham/clarify-library', 'Clarify library', true, 'main')).toEqual({ number: 17998, mergeRequest: null, branch: 'clarify-library', sync: false, title: 'Clarify library' });
    // typed by hand without its `#` (serde's, 18 of its master's merges)
    expect(parseLanding('Merge pull request 2931 from Mingun/unify-serde-access', '', true, 'master')).toMatchObject({ number: 2931, branch: 'unify-serde-access', sync: false });
    expect(parseLanding('Merge pull request from Mingun/unify-serde-access', '', true, 'master')).toMatchObject({ number: null });
    expect(parseLanding('Auto merge of #56 - ada:topic, r=bob', 'Topic', true, 'main')).toMatchObject({ number: 56, branch: 'topic' });
    expect(parseLanding("Merge tag 'v4.17.2'", '', true, 'main')).toMatchObject({ sync: true });
    expect(parseLanding("Merge branch 'release-1.2'", '', true, 'main')).toMatchObject({ sync: true });
    // traefik's hand-written syncs name the line unquoted; a branch that is no release line so named names none
    for (const subject of ['Merge branch v3.5 into master', 'Merge current v3.5 into master', "Merge current v3.5' into master", 'Merge  branch v3.5 into master', 'Merge v3.5 into master']) {
      expect(parseLanding(subject, '', true, 'master')).toMatchObject({ sync: true, branch: 'v3.5' });
    }
    expect(parseLanding('Merge feature-x into master', '', true, 'master')).toMatchObject({ sync: false, branch: null });
    // git's maintainer syncs master with its maintenance line in his own words; a topic so named is no line
    expect(parseLanding("Sync with 'maint'", '', true, 'master')).toMatchObject({ sync: true, branch: 'maint' });
    expect(parseLanding("Sync with 'ps/odb-in-memory'", '', true, 'master')).toMatchObject({ sync: false, branch: 'ps/odb-in-memory' });
    expect(parseLanding("Sync with 'maint'", '', false, 'master')).toMatchObject({ sync: false, branch: null });
    // symfony's fabbot merges: the kind, the number, the title, the author; a non-merge so titled is no landing of it
    expect(parseLanding('bug #58638 [FrameworkBundle] fix null store handling in XML configs (xabbuh)', 'This PR was merged into the 7.2 branch.', true, '7.2'))
      .toEqual({ number: 58638, mergeRequest: null, branch: null, sync: false, title: '[FrameworkBundle] fix null store handling in XML configs' });
    expect(parseLanding('feature #58145 [TwigBridge] allow Twig 4 (derrabus)', '', true, '7.2')).toMatchObject({ number: 58145 });
    expect(parseLanding('bug #58638 fix the parser (xabbuh)', '', false, '7.2')).toMatchObject({ number: null });
    expect(parseLanding('fix #12 in the docs (again)', '', true, 'main')).toMatchObject({ number: null });
    expect(parseLanding('Merge branch v3.5 into master and more', '', true, 'master')).toMatchObject({ branch: null });
    expect(parseLanding("Merge branch 'feature'", '', true, 'main')).toMatchObject({ sync: false, number: null, branch: 'feature' });
    // behind a conventional type, as vue merges main into minor; a squash so titled is no merge
    expect(parseLanding("chore: Merge branch 'main' into minor", '', true, 'minor')).toMatchObject({ number: null, branch: 'main' });
    expect(parseLanding("chore(deps): Merge remote-tracking branch 'origin/release-1.2' into main", '', true, 'main')).toMatchObject({ sync: true, branch: 'origin/release-1.2' });
    expect(parseLanding("chore: Merge branch 'main' into minor", '', false, 'minor')).toMatchObject({ branch: null });
    // Gitea's and Forgejo's merge commit names the title in quotes, a fork's head as owner/repo:branch
    expect(parseLanding("Merge pull request 'Don't crash on empty input' (#123) from ada/fix into main", '', true, 'main'))
      .toEqual({ number: 123, mergeRequest: null, branch: 'ada/fix', sync: false, title: "Don't crash on empty input" });
    expect(parseLanding("Merge pull request 'Add the formatter' (#7) from bea/tool:formatter into main", '', true, 'main')).toMatchObject({ number: 7, branch: 'formatter' });
    // Azure DevOps completes a pull request, merged or squashed, as `Merged PR N: <title>`
    expect(parseLanding('Merged PR 1421: feat: add pagination', '', false, 'main')).toEqual({ number: 1421, mergeRequest: null, branch: null, sync: false, title: 'feat: add pagination' });
    expect(parseLanding('Merged PR 1422: Fix the parser', '', true, 'main')).toMatchObject({ number: 1422, title: 'Fix the parser' });
    // GitHub's merge of a security advisory's private fork: the fix's title is the body's first line (etcd's 2026 fixes)
    expect(parseLanding('Merge commit from fork', 'server/etcdserver: enforce auth checks for nested txn ops', true, 'main'))
      .toEqual({ number: null, mergeRequest: null, branch: null, sync: false, title: 'server/etcdserver: enforce auth checks for nested txn ops' });
    expect(parseLanding('Merge commit from fork', '', true, 'main')).toMatchObject({ title: 'Merge commit from fork' });
    // its squash (svelte's): the first of the commits it lists; a body that opens otherwise (a trailer, the advisory's
    // address, grpc-go's words) names none
    expect(parseLanding('Merge commit from fork', '* fix: strip event handlers during SSR', false, 'main')).toMatchObject({ number: null, title: 'fix: strip event handlers during SSR' });
    expect(parseLanding('Merge commit from fork', 'Co-authored-by: Rich Harris <rich.harris@vercel.com>', false, 'main')).toMatchObject({ title: 'Merge commit from fork' });
    expect(parseLanding('Merge commit from fork', 'https://github.com/sveltejs/svelte/security/advisories/GHSA-f3cj-j4f6-wq85', false, 'main')).toMatchObject({ title: 'Merge commit from fork' });
    expect(parseLanding('Merge commit from fork', 'See individual commits for details.', false, 'main')).toMatchObject({ title: 'Merge commit from fork' });
    // a commit of another subject keeps it, whatever its body says
    expect(parseLanding('Merge commit from fork (#12)', '* fix: x', false, 'main')).toMatchObject({ number: 12 });
    // Gerrit's merge of a change quotes its subject (sqlalchemy's); one of several changes names none
    expect(parseLanding('Merge "Deterministic order in create table ddl" into main', '', true, 'main'))
      .toEqual({ number: null, mergeRequest: null, branch: null, sync: false, title: 'Deterministic order in create table ddl' });
    expect(parseLanding('Merge "Revert "use nox"" into rel_2_0', '', true, 'main')).toMatchObject({ title: 'Revert "use nox"' });
    expect(parseLanding('Merge changes I12ab,I34cd into main', '', true, 'main')).toMatchObject({ title: 'Merge changes I12ab,I34cd into main' });
    expect(parseLanding('Merge "Deterministic order" into main', '', false, 'main')).toMatchObject({ title: 'Merge "Deterministic order" into main' });
  });

  it('reads a pull request merge a maintainer wrote, not as GitHub writes it', () => {
    // pytest's fb525fddd and 0d1f4c63f, aiohttp's 203c1c596 and 4b59d55e9: each second parent is refs/pull/N/head
    expect(parseLanding('Merge pull request #14105 Fix edge case when we truncate due to max_chars', 'Previously the added test case would output:', true, 'main'))
      .toEqual({ number: 14105, mergeRequest: null, branch: null, sync: false, title: 'Fix edge case when we truncate due to max_chars' });
    expect(parseLanding('Merge pull request #11914 - Activate flake8-bugbear and flake8-pyi', '', true, 'main')).toMatchObject({ number: 11914, title: 'Activate flake8-bugbear and flake8-pyi' });
    expect(parseLanding("Merge PR #13388 from branch 'testing/wheel-ci-cd-from-sdist'", '', true, 'master'))
      .toEqual({ number: 13388, mergeRequest: null, branch: 'testing/wheel-ci-cd-from-sdist', sync: false, title: "Merge PR #13388 from branch 'testing/wheel-ci-cd-from-sdist'" });
    // rails' 739622b7d7 and 2d61c3b3e5: a branch in quotes; the line under a bare subject is no title (`Closes #N.`)
    expect(parseLanding("Merge PR #41218 branch 'add-strict-loading-doc' into main", '', true, 'main')).toMatchObject({ number: 41218, branch: 'add-strict-loading-doc' });
    expect(parseLanding("Merge pull request #29185 'bin-idempotent-setup'", 'Signed-off-by: Kasper', true, 'main')).toMatchObject({ number: 29185, branch: 'bin-idempotent-setup' });
    expect(parseLanding('Merge PR #41055', 'Closes #41055.', true, 'main')).toMatchObject({ number: 41055, branch: null, title: 'Merge PR #41055' });
    expect(parseLanding('Merge PR #7460', '', true, 'master')).toMatchObject({ number: 7460, branch: null, title: 'Merge PR #7460' });
    // pip's 0e7b05197 and d01dd4aba: a quoted title, a fork's head
    expect(parseLanding('Merge pull request #13383 "Refactor HTTP download logic"', '', true, 'main')).toMatchObject({ number: 13383, branch: null, title: 'Refactor HTTP download logic' });
    expect(parseLanding('Merge PR #10577 from sbidoul/fix-pep660-metadata-preparation-fallback', '', true, 'main')).toMatchObject({ number: 10577, branch: 'fix-pep660-metadata-preparation-fallback' });
    // pip's 80e0163e0: the head on the line under it, no title
    expect(parseLanding('Merge pull request #9552', 'From uranusjr/new-resolver-requires-python-error', true, 'main'))
      .toMatchObject({ number: 9552, branch: 'new-resolver-requires-python-error', title: 'Merge pull request #9552' });
    // a squash titled so is that pull request's too (pytest's 224e9ef86, whose pull ref is its parent's child)
    expect(parseLanding('Merge pull request #14754, handle infinite relative tolerance for timedelta values', '', false, 'main')).toMatchObject({ number: 14754 });
    expect(parseLanding('Merge pull request #31 Quote "x"', '', true, 'main')).toMatchObject({ number: 31, title: 'Quote "x"' });
    // a number glued to more is not a pull request's
    expect(parseLanding('Merge PR #12abc into main', '', true, 'main')).toMatchObject({ number: null });
  });

  it("titles a maintainer's merge by git's merge log, the oldest commit listed, past a closing line", () => {
    const title = (message: string) => {
      const facts = parseMessage(message);
      return parseLanding(facts.subject, facts.bodyFirstLine, true, 'main').title;
    };
    // spring-boot's c459815171f and 6644a6cbff: `git merge --log`, newest first, the contributor's commit last
    expect(title('Merge pull request #51142 from LordKay-sudo\n\nCloses gh-51142\n\n* pr/51142:\n  Polish "Disable Micrometer global registry in tests by default"\n  Disable Micrometer global registry in tests by default\n'))
      .toBe('Disable Micrometer global registry in tests by default');
    expect(title('Merge pull request #50194 from zxuhan\n\n* gh-50192-application-temp-path:\n  Expose Path getters on ApplicationTemp\n\nCloses gh-50194\n')).toBe('Expose Path getters on ApplicationTemp');
    // git cuts a long log with `...`: the oldest shown
    expect(title('Merge pull request #7 from ada\n\n* pr/7:\n  Third\n  Second\n  ...\n')).toBe('Second');
    // a closing line then the title; a closing line alone leaves the subject
    expect(title('Merge pull request #8 from ada/fix\n\nFixes #3\n\nFix the parser\n')).toBe('Fix the parser');
    expect(title('Merge pull request #9 from ada/fix\n\nCloses gh-9\n')).toBe('Merge pull request #9 from ada/fix');
    // a bullet that is no merge log, and a title that closes nothing, are the title as written
    expect(title('Merge pull request #10 from ada/fix\n\n* Fix the parser:\n\nmore\n')).toBe('* Fix the parser:');
    expect(title('Merge pull request #11 from ada/fix\n\nClose the socket on error\n')).toBe('Close the socket on error');
  });

  it('reads Bitbucket\'s landings, Cloud\'s and Data Center\'s, merged or squashed', () => {
    // Cloud: the branch in the subject, the pull request's title on the line under it
    expect(parseLanding('Merged in feature/auth (pull request #123)', 'Add the login page', true, 'main'))
      .toEqual({ number: 123, mergeRequest: null, branch: 'feature/auth', sync: false, title: 'Add the login page' });
    expect(parseLanding('Merged in feature/auth (pull request #124)', 'fix: the login page', false, 'main')).toMatchObject({ number: 124, title: 'fix: the login page' });
    expect(parseLanding('Merged in ada/tool:fix (pull request #9)', '', true, 'main')).toMatchObject({ number: 9, branch: 'fix', title: 'Merged in ada/tool:fix (pull request #9)' });
    // Data Center's default template: the title in the subject, where it came from under it
    expect(parseLanding('Pull request #42: Speed up the build', 'Merge in PLAT/api from feature/cache to master', true, 'master'))
      .toEqual({ number: 42, mergeRequest: null, branch: 'feature/cache', sync: false, title: 'Speed up the build' });
    expect(parseLanding('Pull request #43: Fix the cache', 'Merge in PLAT/api from ~ADA/api:bugfix/cache to master', false, 'master')).toMatchObject({ number: 43, branch: 'bugfix/cache' });
    // Server's older default: no title, the merger's comment (here) or the merged commits under it
    expect(parseLanding('Merge pull request #7 in PLAT/api from feature/x to master', 'LGTM, thanks', true, 'master'))
      .toEqual({ number: 7, mergeRequest: null, branch: 'feature/x', sync: false, title: 'Merge pull request #7 in PLAT/api from feature/x to master' });
    // whole messages, as their users quoted them (GitVersion#2175, Bitbucket 7; atlassian-python-api#418, Server)
    const v7 = parseMessage("Pull request #68: Release/2.2\n\nMerge in aaa/777 from release/2.2 to master\n\n* commit '750aa37753dec1a85b22cc16db851187649d9e97':\n");
    expect(parseLanding(v7.subject, v7.bodyFirstLine, true, 'master')).toMatchObject({ number: 68, branch: 'release/2.2', title: 'Release/2.2' });
    const server = parseMessage("Merge pull request #34 in PROJ/repo from bugfix/az-azaza to master\n\n* commit '8dd1d6a47d15d5b016070c9abf65abae565c4ab0':\n  Touch azaza\n");
    expect(parseLanding(server.subject, server.bodyFirstLine, true, 'master')).toMatchObject({ number: 34, branch: 'bugfix/az-azaza' });
    // Cloud's button that merges main into a branch names no pull request: no landing of Bitbucket's
    expect(parseLanding('Merged main into feature/auth', '', true, 'main')).toMatchObject({ number: null });
  });

  it('reads the GitLab merge request a merge commit lands, titled by the line under its subject', () => {
    // GNOME/gnome-text-editor's 4d0eaa65b1, as GitLab writes every merge: the title, a description, the reference last
    const gnome = parseMessage("Merge branch 'wip/chergert/f43' into 'main'\n\n.gitlab-ci.yml: bump to f43\n\nCloses #827\n\nSee merge request GNOME/gnome-text-editor!232\n");
    expect([gnome.mergeRequest, gnome.bodyFirstLine]).toEqual([232, '.gitlab-ci.yml: bump to f43']);
    expect(parseLanding("Merge branch 'wip/chergert/f43' into 'main'", gnome.bodyFirstLine, true, 'main', gnome.mergeRequest))
      .toEqual({ number: null, mergeRequest: 232, branch: 'wip/chergert/f43', sync: false, title: '.gitlab-ci.yml: bump to f43' });
    // older GitLab names the merge request without its project; a merge request line quoted above is not the merge's
    expect(parseMessage("Merge branch 'fix' into 'master'\n\nFix it\n\nSee merge request !7\n\nSee merge request !12").mergeRequest).toBe(12);
    // with no title above the line, the subject stays the title
    expect(parseLanding("Merge branch 'fix' into 'master'", 'See merge request !7', true, 'master', 7)).toMatchObject({ mergeRequest: 7, title: "Merge branch 'fix' into 'master'" });
    // a merge request from a fork's own main is a change (GNOME/gnome-text-editor's !50); one from a release line a sync (its !218)
    expect(parseLanding("Merge branch 'main' into 'main'", 'help: Add localised Italian figure', true, 'main', 50)).toMatchObject({ sync: false, mergeRequest: 50 });
    expect(parseLanding("Merge branch 'main' into 'main'", '', true, 'main')).toMatchObject({ sync: true, mergeRequest: null });
    expect(parseLanding("Merge branch '48.1' into 'main'", '48.1', true, 'main', 218)).toMatchObject({ sync: true });
    // words that only mention one name none
    expect(parseMessage('Fix the parser\n\nSee merge request !7 for the discussion').mergeRequest).toBeNull();
  });

  it('reads a squash titled by another pull request\'s merge line as the squash\'s own pull request', () => {
    // pytest's 45b35eb: the release's merge into 8.4.x, copied to main by pull request #13698
    const squash = parseLanding('Merge pull request #13696 from pytest-dev/release-8.4.2 (#13698)', 'Release 8.4.2', false, 'main');
    expect(squash).toEqual({ number: 13698, mergeRequest: null, branch: null, sync: false, title: 'Merge pull request #13696 from pytest-dev/release-8.4.2 (#13698)' });
    // a rebase of a merge line, with no number of its own, still names the pull request it merged
    expect(parseLanding('Merge pull request #13953 from nicoddemus/cherry-pick-release', 'Cherry-pick release 9.0.1', false, 'main')).toMatchObject({ number: 13953 });
    // a true merge keeps the number its merge line gives
    expect(parseLanding('Merge pull request #12 from ada/fix-it (#13)', 'Fix it', true, 'main')).toMatchObject({ number: 12 });
  });

  it('reads the version a version bump sets, for its tag to confirm, and none where it bumps a dependency from one', () => {
    expect(['v11.4.3', 'release: v8.0.0-beta.1', 'release: create-vite@8.0.0', 'chore(release): 11.0.0-alpha.1', 'Bumped version to 2025.9.3', 'Bump Polly to 8.5.2'].map(ownBumpVersion))
      .toEqual(['11.4.3', '8.0.0-beta.1', '8.0.0', '11.0.0-alpha.1', '2025.9.3', '8.5.2']);
    // a semver pre-release with hyphens in it: pnpm's release commits, each tagged with its exact version
    expect(['chore(release): 10.19.1-oidc-test.0', 'chore(release): 11.0.0-beta.4-0'].map(ownBumpVersion)).toEqual(['10.19.1-oidc-test.0', '11.0.0-beta.4-0']);
    expect(['Bump lodash from 4.17.20 to 4.17.21', 'chore: bump deps', 'bump react to 19', 'v2 API', 'Fix v1.2.3 parsing'].map(ownBumpVersion)).toEqual([null, null, null, null, null]);
    // aider's release script: the development version it sets after each release, tagged `v0.86.3.dev`
    expect(['set version to 0.86.3.dev', 'version bump to 0.86.2', 'Set the version to 2.0.0rc1', 'Set timeout to 1.2.3 seconds'].map(ownBumpVersion)).toEqual(['0.86.3.dev', '0.86.2', '2.0.0rc1', null]);
    // after a bracketed tag: Maven's release plugin, Calcite's issue key
    expect(['[maven-release-plugin] prepare release app-1.2.0', '[CALCITE-7544] Release Calcite 1.42.0', '[docs] fix 1.2.3 typo'].map(ownBumpVersion)).toEqual(['1.2.0', '1.42.0', null]);
    // gitmoji's release mark, then the package and its version (cfug/dio's direct pushes, each tagged `web_adapter_v2.1.2`)
    expect(['🔖 web_adapter v2.1.2', '🔖 http2_adapter v2.8.0', ':bookmark: dio 5.9.2', '🔖 v1.0.0', '🔖 @acme/cli@2.0.0', '🔖 Docs for v2 API', '🐛 Fix v1.2.3 parsing'].map(ownBumpVersion))
      .toEqual(['2.1.2', '2.8.0', '5.9.2', '1.0.0', '2.0.0', null, null]);
    // fastapi's direct pushes, each tagged with the version: a few words before it, not a sentence
    expect(['🔖 Release version 0.136.2', ':bookmark: Release version 0.115.10', '🔖 Prepare the notes of the 1.2.3 release'].map(ownBumpVersion)).toEqual(['0.136.2', '0.115.10', null]);
    // Nx's fixed release writes the version after its verb
    expect(['chore(release): publish 21.0.0', 'Publish v3.2.0'].map(ownBumpVersion)).toEqual(['21.0.0', '3.2.0']);
    // the version quoted: hoppscotch's direct pushes, each tagged `2026.3.1` (a quoted word is no version still)
    expect(['chore: bump version to `2026.3.1`', 'Bump version to "1.2.3"', "release '4.0.0-rc.1'", 'chore: bump `lodash`'].map(ownBumpVersion)).toEqual(['2026.3.1', '1.2.3', '4.0.0-rc.1', null]);
    // after a dash alone: sqlalchemy's, tagged `rel_2_1_0b3` (not a list item's version among words)
    expect(['- 2.1.0b3', '- 2.0.52', '- 2.0.52 fixes', '-2.0.52'].map(ownBumpVersion)).toEqual(['2.1.0b3', '2.0.52', '2.0.52', null]);
    expect(['v0.86.3.dev', 'v2.0.0rc1'].map(taggedVersion)).toEqual(['0.86.3.dev', '2.0.0rc1']);
    expect(['v11.0.0-alpha.1', 'create-vite@8.0.0', 'tokio-1.48.0', '@biomejs/biome@2.4.15', 'v5.27.3.10153', 'latest'].map(taggedVersion))
      .toEqual(['11.0.0-alpha.1', '8.0.0', '1.48.0', '2.4.15', '5.27.3.10153', null]);
  });

  it('tells a release that names no version (its tags name them) from a change about publishing', () => {
    // Lerna's and Nx's independent releases, react-navigation's, Rush's default, a hand-run changesets' version
    expect(['Publish', 'chore: publish', 'chore(release): publish', 'chore(release): Publish [skip release]', 'Bump versions [skip ci]', 'Version Packages', 'release', 'Release.'].map(isVersionlessRelease))
      .toEqual([true, true, true, true, true, true, true, true]);
    expect(['Publish docs', 'fix: publish step fails on Windows', 'chore: publish (#12)', 'Bump version', 'bump versions of deps', 'Release notes', 'Version Packages (next) (#2228)'].map(isVersionlessRelease))
      .toEqual([false, false, false, false, false, false, false]);
  });

  it('tells a subject that turns the version back to development from one that bumps to a version still to ship', () => {
    // ipython, GNOME, Maven (Calcite), rails, aider, a Python dev0 and a Maven snapshot, as their projects push them
    const opening = ['back to dev', 'chore: back to dev [skip ci]', 'Back to development', 'Post-release version bump', 'Post-release version bump to 1.10.rc', 'post release bump',
      '[maven-release-plugin] prepare for next development iteration', 'Prepare for next development iteration', 'Start development of Rails 8.1',
      'Start 8.1 development', 'set version to 0.86.3.dev', 'Bump version to 9.17.0.dev0', 'Bump to 1.3.0-SNAPSHOT', 'start version 3.2.0',
      'Version 2.1.0b4 placeholder', 'Version 2.0.53 placeholder'];
    expect(opening.filter((s) => !opensDevelopment(s))).toEqual([]);
    // a cycle opened at the version it will ship (Radarr's), a release, a dependency's dev build, work on the dev server
    const not = ['Bump version to 1.4.0', 'release 9.16.1', 'Bump foo from 1.0.0 to 2.0.0.dev1', 'fix: back-end dev server port', 'Add post-release notes',
      'docs: developer guide', 'start the dev server on boot', 'Start development server on port 3000', 'point back to dev server', 'v1.2.0',
      'Start versioning the API', 'start version 3.2.0 of the docs', 'docs: start version 2 migration guide',
      'Version 2.0 placeholder text in the docs', 'Remove version 2.0.53 placeholder', 'Add placeholder'];
    expect(not.filter((s) => opensDevelopment(s))).toEqual([]);
  });
});

describe("a title's AI mark", () => {
  const tools = (message: string): string[] => parseMessage(message).aiEvidence.map((f) => `${f.tool} ${f.strength}`);

  it("reads `🤖🤖🤖` in a squash's subject or a merge's title line, and nowhere else", () => {
    expect(tools('docs: Check the mixins topic for accuracy 🤖🤖🤖 (#24126)')).toEqual(['unknown assisted']);
    expect(tools('Merge pull request #12 from ada/fix\n\n🤖🤖🤖 Fix the parser')).toEqual(['unknown assisted']);
    // apollo-client's template, copied into a squash's body: words about the mark, not the mark on a title
    expect(tools('Fix the parser (#13)\n\nPlease add "🤖🤖🤖" to the title of your PR if you are an agent.')).toEqual([]);
    // one robot is a project's mark for its automation
    expect(tools('🤖 ci: update the release bot (#14)')).toEqual([]);
  });
});
