import type { Commit, MessageFacts } from '../domain.js';
import { compileCatalogue, type AiCatalogue } from './ai/compile.js';
import { isReleaseLine } from './release-lines.js';
import { withoutLineTag } from '../release-names.js';

// Node.js's `PR-URL:`, Gerrit's `Reviewed-on:`, and the `Part-of: <…/merge_requests/N>` freedesktop's Marge bot
// writes on each commit of a GitLab merge request it rebases onto the branch (GStreamer, Mesa), brackets and all
const TRAILER_URL = /^(?:PR-URL|Reviewed-on|Part-of):[ \t]*<?(\S+?)>?[ \t]*$/im;
// GitLab's merge commit ends with the merge request it lands: `See merge request GNOME/gnome-text-editor!232` (a
// path of groups and the project, `!` and the merge request's number; older GitLab wrote `See merge request !232`)
const GITLAB_MERGE_REQUEST = /^See merge request (?:[\w.-]+(?:\/[\w.-]+)*)?!(\d+)[ \t]*$/gm;
// kernel `Link:` trailers link to many things; only patch-archive links identify the landing of a change
const KERNEL_LINK = /^Link:[ \t]*(https?:\/\/(?:lore\.kernel\.org|patch\.msgid\.link|patchwork\.[^\s/]+)\/\S+)[ \t]*$/im;
// `This reverts commit X` (git revert), and Gerrit's `This CL reverts commit X` (Go's), with the commits a list
// goes on to name after it, wrapped or not: spring-boot's `This reverts commits a502f4d and 661574b.`, and `This
// reverts commit 8dde82b557…, c388dc92` then `5b7f0f72…, and` then `2d71ef94ed….` (four commits, a comma lost at
// the wrap)
const REVERTS_COMMIT = /This (?:CL |change )?reverts commits? ([0-9a-f]{7,40}\b(?:[ \t]*(?:,[ \t]*(?:\n[ \t]*)?(?:and(?:[ \t]+|[ \t]*\n[ \t]*))?|(?:\n[ \t]*)?and(?:[ \t]+|[ \t]*\n[ \t]*)|\n[ \t]*)[0-9a-f]{7,40}\b)*)/gi;
// a sha of that list: one with a digit (`defaced` is a word)
const LISTED_SHA = /\b(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b/gi;
// GitHub's revert pull request's `Reverts owner/repo#N`, and a line of its own saying `revert #N`: vue's
// `fix(runtime-vapor): remove unsafe slot dry runs … (#15089)`, its body `revert #14793` (it takes out the 764 lines
// #14793 added), and `revert #14134` over `refix #14127`; and ruff's `This reverts #26163 and its follow-up …`
const REVERTS_PR = /^(?:This[ \t]+)?Reverts?[ \t]+(?:[\w.-]+\/[\w.-]+)?#(\d+)\b/gim;
// a revert of several commits, listed a line each under the words that say so (golang/tools' 0602b3093, `gopls:
// revert CLI usability revamp …`: `This temporarily reverts the following commits …:` then `- e15a659b5 (gopls: …)`)
const REVERTS_LISTED = /\breverts?\b[\s\S]{0,200}?\bcommits\b/i;
const LISTED_COMMIT = /^[ \t]*[-*+][ \t]+([0-9a-f]{7,40})\b/gm;
// what each of the four above holds whatever else it matches
const MAYBE_REFERS = /pr-url|reviewed-on|part-of|link:|revert/i;
// `(cherry picked from commit X)` (git cherry-pick -x), `backport of commit X`, as hashicorp's backport-assistant
// writes it (terraform's `* backport of commit 116646ac…` under `Backport of <title> into v1.14 (#38008)`), and
// jellyfin's backport script's `Original-merge: X` trailer under `Backport pull request #N from jellyfin/release-10.11.z`,
// and pnpm's release lines' `Cherry-pick of 2b14c742e from main, adapted for v10:`
const CHERRY_PICKED = /\(cherry picked from commit ([0-9a-f]{7,40})\)|\bbackport of commit ([0-9a-f]{7,40})\b|^Original-merge:[ \t]*([0-9a-f]{40})[ \t]*$|^(?:edited[ \t]+)?cherry-pick of ([0-9a-f]{7,40})\b/gim;
// pnpm's release lines' `Cherry-picked from main (021f70d0b0, f98a2db373).`: one or more, the list's shas each
const PICKED_FROM_LIST = /^Cherry-picked from [\w./-]+ \(([0-9a-f]{7,40}(?:,[ \t]*[0-9a-f]{7,40})*)\)/gim;
// what each cherry-pick line holds whatever else it matches
const MAYBE_PICKED = /cherry picked from commit|backport of commit|original-merge:|cherry-pick(?:ed)? (?:of|from) /i;
// a backport bot's words for the change it copies: `Backport of #N`, `Backport #N`, `(backport #N)`, `Backport of:
// #N` (pydantic's maintenance lines), `backport of <sha> / #N` (cargo's 0.61.1), and, in its
// pull request's description, `automatic backport of pull request #N` (Mergify), `Automated cherry pick of #N`
// (Kubernetes), `(cherry picked from #N)`, argo-cd's cherry-pick bot's `… (cherry-pick #N for 3.4) (#M)` (also `(cherry
// pick #N to release-3.3)`: read without it, fixes its patch releases carried, adapted, shipped with the next minor),
// `[3.13] … (GH-N) (#M)` (miss-islington), `Backport abc1234 from #N`,
// `[PR #N/abc12345 backport][3.14] …` (patchback: aiohttp's and pytest's backports, the first with no cherry-pick
// line), `Backport PR #N on branch 8.x (title)` and `Backport PR #N: title` (MeeseeksDev: ipython's and jupyterlab's
// maintenance lines), `backport changes from #N` (jellyfin's release-10.11.z), `backported from #N` (electron's `Manually
// backported from #50119` on 38-x-y); never a bare `Fixes #N`, which names an issue
const BACKPORT_PHRASE = /\bbackport(?:ed\s+from|\s+of|\s+(?:the\s+)?changes\s+from)?(?:\s+pull\s+request|\s+PR)?:?\s+(?:[0-9a-f]{7,40}\s+(?:from|\/)\s+)?#(\d+)|\bcherry[ -]pick(?:ed)?\s+(?:(?:of|from)\s+)?#(\d+)|\(GH-(\d+)\)|\[PR #(\d+)\/[0-9a-f]{7,40} backport\]/gi;
// what each backport phrase holds whatever else it matches
const MAYBE_BACKPORT = /backport|cherry|\(GH-/i;
// playwright's release branches' subject, main's pull requests it copies in its type's place: `cherry-pick(#41280):
// Revert "fix(trace-viewer): …"`, `cherry-pick(#41309, #43149): …` (read without it, 55 of its year's changes shipped
// with the next minor release, not the patch release that carried them, and v1.58.1, v1.58.2 and v1.59.1 shipped nothing)
const CHERRY_PICK_TYPE = /^cherry-pick\((#\d+(?:,[ \t]*#\d+)*)\):/i;
// a subject that says backport and ends in the number of what it copies, then its own (a pull request titled
// `… (#A)`, squashed): loki's `fix(ci): Backport deb/rpm packaging fix to release-3.6.x (#23680) (#23722)` on
// release-3.6.x, in v3.6.14, read as never shipping main's #23680 (`Build deb/rpm packages in the release workflow …`)
const BACKPORT_SUBJECT_NUMBER = /\bbackport\b.*\(#(\d+)\)[ \t]*\(#\d+\)$/i;
// a backport pull request's list of what it backports, as rust-lang's template writes it in the description (bors and
// the merge queue copy it into the merge commit): a line `Beta backports:`, `Stable backports` or `Backports:`, then one
// list item a pull request (`- #13852`, `* rust-lang/cargo#16688`, `- https://github.com/rust-lang/cargo/pull/13630`);
// cargo's #13654 `[stable-1.77] Do not strip debuginfo by default for MSVC` re-authored #13630's commit, which read
// 79 days of deploy wait for 2 and failed 0.80.0 by a revert of a change 0.78.1 had shipped 77 days before it
const BACKPORT_LIST_HEADING = /^[ \t]*(?:\w+[ \t]+)?backports[ \t]*:?[ \t]*$/gim;
const LIST_ITEM = /^[ \t]*[-*+][ \t]/;
const LISTED_PULL = /^[ \t]*[-*+][ \t]+(?:(?:[\w.-]+\/[\w.-]+)?#|https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/pull\/)(\d+)\b/;
// a line that closes a pull request by its number or its URL, as curl's maintainers land pull requests rebased
// onto master (`Closes #18323`, `Closes https://github.com/curl/curl/pull/18323`), jQuery's squash them
// (`Closes gh-5830`) and Apache Spark's merge script, which Zeppelin's copies, names the branch too (`Closes #5428
// from xhaktm00/ZEPPELIN-6582.`); an issue's number reads the same, so what it names links a commit only to a pull
// request whose commit it copies, or whose pull ref holds its author's commits (see buildChanges)
const CLOSES_PULL = /^[ \t]*close[sd]?:?[ \t]+(?:(?:#|gh-)(\d+)(?:[ \t]+from[ \t]+\S+?)?\.?|https?:\/\/[^\s/]+\/[\w.-]+\/[\w.-]+\/pull\/(\d+))[ \t]*$/gim;
// GerritBot's trailer on the Gerrit change it made of a GitHub pull request (golang's repositories: `GitHub-Pull-Request:
// golang/tools#577`): the change squashes that pull request's commits, and closes it when it is submitted
const IMPORTED_PULL = /^GitHub-Pull-Request:[ \t]+[\w.-]+\/[\w.-]+#(\d+)[ \t]*$/m;
// conventional commits' types but a feature's, and with it: what a revert may stand behind, and what a subject's scope
// is not (the three revert patterns below)
const WORK_TYPES = 'fix|chore|docs|style|refactor|perf|test|build|ci';
const TYPES = `feat|${WORK_TYPES}`;
// `Revert "…"` (git revert), `revert: …` / `revert(scope): …` (conventional commits), `pkg/path: revert "…"` and
// `pkg: revert …` (Go's packages first, golang/tools' `go/analysis/passes/buildtag: revert "suggest fix …"`), but
// not a conventional type's (`feat: revert button`, `feat: revert "undo" label`)
const REVERT_SUBJECT = new RegExp(String.raw`^(?:Revert\s+"|revert(?:\([^)]*\))?!?:|(?!(?:${TYPES}):)[\w./-]{1,200}(?:,\s*[\w./-]{1,200}){0,10}:\s+revert\b)`, 'i');
// but a conventional type before git's own subject, `Revert "…"` as git writes it: electron titles its reverts
// `fix: Revert "…"` and `ci: Revert "…"`, and trop's backports of them to the release lines keep the title; in
// lower case, a quoted title that ends the subject (its squash's number aside) behind any type but a feature's:
// vite's `fix: revert "refactor: use fs.cpSync (#21019)"`, where `feat: revert "undo" label` is a feature
const TYPED_GIT_REVERT = new RegExp(String.raw`^(?:(?:${TYPES})(?:\([^)]*\))?!?:\s+Revert\s+"|(?:${WORK_TYPES})(?:\([^)]*\))?!?:\s+revert\s+".*"(?:\s+\(#\d+\))?$)`);
// a conventional type but a feature's before a revert of a pull request by its number: honojs/hono's `fix(factory):
// revert PR #3498 (#3515)`, which undid #3498 four days after v4.6.4 shipped it; biome's `fix: revert #7684 (#8173)`;
// and the revert type's own, its `#` left out: astro's `revert: PR 16708 (#16801)`, 11 minutes before the release
// that replaced @astrojs/cloudflare@13.5.2, which had shipped #16708
const TYPED_PR_REVERT = new RegExp(String.raw`^(?:(?:${WORK_TYPES})(?:\([^)]*\))?!?:\s+revert\s+(?:PR\s+|pull\s+request\s+)?#|revert(?:\([^)]*\))?!?:\s+(?:PR|pull\s+request)\s+#?)(\d+)\b`, 'i');
// and no type at all: ansible's `Revert #83504 (#83566)` on stable-2.17, whose body reverts that backport's two
// commits before v2.17.2. A revert by its title; the pull request it names is read from a change's title (reverts.ts),
// not a commit's own subject (kit's #14298 holds a commit titled `revert #14268`)
// (reverts.ts reads its number from a change's title by the same words, `This` before them or not)
export const PR_NUMBER_REVERT = String.raw`reverts?\s+(?:PR\s+|pull\s+request\s+)?#(\d+)\b`;
const BARE_PR_REVERT = new RegExp(`^${PR_NUMBER_REVERT}`, 'i');
const REVERT_FIRST_PARAGRAPH = /^This (?:CL |change )?reverts commit [0-9a-f]{7,40}/i;
// a Gerrit change (a CL) reverted by its number, as Go's write it in a revert's message: `Temporarily revert CL
// 686075, as …` (golang/tools' 4f6016bba), `This is a partial revert of CL 678475.` (b021ce41a), `cmd/stringer:
// revert CL 40403`, `This reverts CL 579337`; never what an earlier change was (`This reverts CL 682715, which
// itself was a partial revert of CL 678475`: d40093525 relands 678475), nor a CL named otherwise (`fixed in CL N`)
const REVERTS_CL = /(?<!\b(?:was|were|been|had)\s+(?:an?\s+)?(?:\w+\s+)?)\brevert(?:s|\s+of)?\s+CL\s*(\d+)\b/gi;
// … and a subject or body that opens with one, whatever else the subject says, is a revert (4f6016bba's
// `gopls/internal/test/marker: temporarily revert marker test shutdown` opens `Temporarily revert CL 686075`); one
// that recounts a revert is not (`This CL reverts the effect of CL 365295`, `In my haste to partially revert CL …`)
const CL_REVERT_OPENS = /^(?:This(?:\s+(?:CL|change|commit))?\s+(?:(?:temporarily|partially|partly)\s+)?reverts|This(?:\s+(?:CL|change|commit))?\s+is\s+an?\s+(?:(?:partial|simple|temporary|full|complete)\s+)?revert\s+of|(?:(?:temporarily|partially|partly)\s+)?revert)\s+CL\s*\d+/i;
// the commit a revert's subject names: cpython's `gh-95173: Revert commit 51ed2c56a185…` and `gh-108590: Revert
// gh-108657 (commit 400a1cebc)`, whose bodies give a reason, not git's `This reverts commit` line
const SUBJECT_COMMIT = /\bcommit\s+([0-9a-f]{7,40})\b/gi;

// the version a bump or a release's name sets: three numbers, then a semver pre-release (hyphens within it too:
// pnpm's `10.19.1-oidc-test.0`, `11.0.0-beta.4-0`) or Python's suffix
const VERSION_SET = String.raw`(\d+\.\d+\.\d+(?:-[0-9a-z.-]+|\.?(?:dev|post|rc|alpha|beta|a|b)\d*)?)`;
// a commit that sets a release's version, by the start of its subject: `prepare 3.14.0-rc.0`, `Release v2.1.0`,
// `chore(release): 1.4.0`, `Bump version to 1.2.3`, `v3.0.0`, Nx's `chore(release): publish 21.0.0`, aider's
// release script's `set version to 0.86.3.dev` with Python's suffix, after a bracketed tag too (Maven's
// `[maven-release-plugin] prepare release app-1.2.0`, Calcite's `[CALCITE-7544] Release Calcite 1.42.0`), the
// version quoted too (hoppscotch's `chore: bump version to \`2026.3.1\``, each tagged), or after a dash alone
// (sqlalchemy's `- 2.1.0b3`, tagged `rel_2_1_0b3`)
// (bounded: no subject can make it backtrack)
const VERSION_BUMP = new RegExp(String.raw`^(?:\[[^\]\n]{1,60}\][ \t]*)?(?:\w+(?:\([^)\n]*\))?!?:[ \t]*)?(?:(?:prepare|preparing|release|releasing|publish|bump|bumped|bumping|version|cut|set(?:ting)?[ \t]+(?:the[ \t]+)?version)\b([^\d\n]{0,40})|-[ \t]+)?v?${VERSION_SET}(?:[\s,;:)\x60'"]|$)`, 'i');
// a release's commit that names no version, its tags naming them: Lerna's and Nx's independent `Publish` and
// `chore(release): publish` (the versions listed in the body), react-navigation's `chore: publish`, Rush's `Bump
// versions [skip ci]`, a hand-run changesets' `Version Packages`; a CI marker or two may follow
const VERSIONLESS_RELEASE = /^(?:\w+(?:\([^)\n]*\))?!?:[ \t]*)?(?:publish|release|bump(?:ed)?[ \t]+versions|version[ \t]+packages)(?:[ \t]+\[[^\]\n]{1,30}\]){0,2}[ \t.]*$/i;

/**
 * Whether a subject says its commit publishes a release and names no version (`chore: publish`, `Bump versions
 * [skip ci]`): what the release is, the tags on its commit say (see buildChanges).
 */
export function isVersionlessRelease(subject: string): boolean {
  return VERSIONLESS_RELEASE.test(subject);
}

/** Whether a subject sets a release's version (`Bumped version to 2025.9.3`, `chore(release): 1.4.0`). */
export function isVersionBump(subject: string): boolean {
  return VERSION_BUMP.test(subject);
}

/**
 * Whether a subject sets the project's own version, not a dependency's: a version bump that bumps nothing
 * `from` one version to another (`Bump lodash from 4.17.20 to 4.17.21` is Dependabot's).
 */
export function isOwnVersionBump(subject: string): boolean {
  return ownBumpVersion(subject) !== null;
}

/**
 * The version an own version bump (`isOwnVersionBump`) sets, lower-cased, pre-release included: `11.4.3` of
 * `v11.4.3`, `8.0.0-beta.1` of `release: v8.0.0-beta.1`, `8.0.0` of `release: create-vite@8.0.0`; else null.
 * A subject may also name a dependency's version without `from` (`Bump Polly to 8.5.2`): what the version is of,
 * a tag naming the same version on the same commit says (see buildChanges).
 */
export function ownBumpVersion(subject: string): string | null {
  if (/\bfrom\b/i.test(subject)) return null;
  return (VERSION_BUMP.exec(subject)?.[2] ?? GITMOJI_RELEASE.exec(subject)?.[1])?.toLowerCase() ?? null;
}

// gitmoji's release, 🔖 (`:bookmark:`, "release / version tags"), then the package it releases and its version:
// cfug/dio's `🔖 web_adapter v2.1.2`, `🔖 http2_adapter v2.8.0` (a name with a digit, which VERSION_BUMP's words
// before a version cannot hold), each a direct push its tag `web_adapter_v2.1.2` is on (bounded: no subject can
// make it backtrack far)
// and fastapi's `🔖 Release version 0.136.2`, three words at most before the version
const GITMOJI_RELEASE = new RegExp(String.raw`^(?:\u{1F516}\uFE0F?|:bookmark:)[ \t]*(?:(?:[\w@./-]{1,80}[ \t]+){1,3}|@?[\w./-]{1,80}@)?v?${VERSION_SET}(?:[\s,;:)]|$)`, 'iu');

// the words a bump of the project's own version puts between its verb and the version (`Bumped version to`)
const VERSION_WORDS = new Set(['version', 'versions', 'to', 'the', 'of', 'for', 'new', 'next', 'release', 'v']);

/**
 * Whether an own version bump names nothing but a version: `Bumped version to 2025.9.3`, `chore(release): 1.4.0`,
 * `Release v2.1.0`. One that names what it bumps (uv's `Bump \`astral-tl\` to v0.7.10`, a dependency) may set
 * another's version: only a tag of the project naming that version says it is the project's.
 */
export function bumpNamesOnlyVersion(subject: string): boolean {
  const bump = /\bfrom\b/i.test(subject) ? null : VERSION_BUMP.exec(subject);
  if (bump === null || bump[2] === undefined) return false;
  return (bump[1] ?? '').split(/[^a-z0-9]+/i).every((word) => word === '' || VERSION_WORDS.has(word.toLowerCase()));
}

// what a commit that turns the version back to development after a release says. ipython's `back to dev` and
// rails' `Start development of Rails 8.1` end on the word, or go on to what is developed (not `Start development
// server`, `back to dev server`)
const DEVELOPMENT_ENDS = /\b(?:back[ \t]+to[ \t]+dev(?:elopment)?|start(?:s|ing)?[ \t]+(?:the[ \t]+)?(?:[\w.]+[ \t]+)?development)\b(?=[ \t]*(?:$|[.:;,!()[\]]|(?:of|on|for|cycle|iteration|version|mode)\b))/i;
// … or it is said whole: GNOME's `Post-release version bump`, Maven's `[maven-release-plugin] prepare for next
// development iteration`
const DEVELOPMENT_PHRASE = /\b(?:post[- \t]?release[ \t]+(?:version[ \t]+)?bump|next[ \t]+development[ \t]+(?:iteration|cycle|version))\b/i;
// a development version a bump sets: aider's `set version to 0.86.3.dev`, `9.17.0.dev0`, Maven's `1.3.0-SNAPSHOT`
const DEVELOPMENT_VERSION = /(?:dev|snapshot)\d*$/;
// … or the version whose work it starts, said whole: the Pallets projects' `start version 3.2.0` (flask, click,
// werkzeug, jinja), which sets `3.2.0.dev` after each release (not `Start versioning the API`)
const STARTS_VERSION = new RegExp(String.raw`^start(?:s|ing)?[ \t]+(?:the[ \t]+)?version[ \t]+v?${VERSION_SET}[ \t]*$`, 'i');
// … or the next version's placeholder: sqlalchemy's release script pushes `Version 2.1.0b4 placeholder` (the version
// and an empty changelog section) right after each release commit, 99 of them on main
const PLACEHOLDER_VERSION = new RegExp(String.raw`^version[ \t]+v?${VERSION_SET}[ \t]+placeholder[ \t]*$`, 'i');

/**
 * Whether a subject turns the version back to development (`back to dev`, `Post-release version bump`, `set version
 * to 0.86.3.dev`, `Bump to 1.3.0-SNAPSHOT`, `start version 3.2.0`, `Version 2.0.53 placeholder`): said of the direct
 * push that follows a release (see buildChanges); a bump to a version still to be released (`Bump version to 1.4.0`)
 * is not one.
 */
export function opensDevelopment(subject: string): boolean {
  if (DEVELOPMENT_ENDS.test(subject) || DEVELOPMENT_PHRASE.test(subject) || STARTS_VERSION.test(subject) || PLACEHOLDER_VERSION.test(subject)) return true;
  const version = ownBumpVersion(subject);
  return version !== null && DEVELOPMENT_VERSION.test(version);
}

// a release named after what it releases, and nothing else: cpython's `Python 3.14.0a1` and `Python 3.13.0rc2`,
// tagged v3.14.0a1 and v3.13.0rc2 on the same commit (a name of one word, then the version, then the end); a version
// of two numbers too, git's `Git 2.55` and `Git 2.55-rc0`, tagged v2.55.0 and v2.55.0-rc0 (sameVersion)
const NAMED_RELEASE = new RegExp(String.raw`^[A-Za-z][\w.+-]{0,40}[ \t]+v?(\d+\.\d+(?:\.\d+)?(?:-[0-9a-z.-]+|\.?(?:dev|post|rc|alpha|beta|a|b)\d*)?)$`, 'i');

/** Whether two versions are one: `2.55` and `2.55.0`, `2.55-rc0` and `2.55.0-rc0` (a third number of 0 left out). */
export function sameVersion(a: string, b: string): boolean {
  const core = (v: string): string => v.replace(/^(\d+\.\d+)\.0(?=$|[^\d.])/, '$1');
  return a === b || core(a) === core(b);
}

/**
 * The version a release named after what it releases sets (`3.14.0a1` of `Python 3.14.0a1`), lower-cased; else
 * null. Only a tag on the same commit naming that version makes it a release commit (see buildChanges): `Python
 * 3.14.0` alone could be a change's title.
 */
export function namedReleaseVersion(subject: string): string | null {
  return NAMED_RELEASE.exec(subject.trim())?.[1]?.toLowerCase() ?? null;
}

/**
 * Whether a subject or title says its purpose is a revert (`Revert "…"`, `revert: …`), behind the release line a
 * backport names first too (cargo's `[beta 1.98] revert(compiler): …`, which reverted both of #17006's commits).
 */
export function isRevertTitle(title: string): boolean {
  const own = withoutLineTag(title);
  return REVERT_SUBJECT.test(own) || TYPED_GIT_REVERT.test(own) || TYPED_PR_REVERT.test(own) || BARE_PR_REVERT.test(own);
}

/**
 * Whether a title opens with the word Revert, in its own words rather than git's quote (astro's #16997, `Revert
 * isNode workerd detection that caused Cloudflare build regression`): a revert by its title only with a commit that
 * says what it reverts (reverts.ts), since the word alone also opens titles of new work.
 */
export function opensWithRevert(title: string): boolean {
  return /^revert\s/i.test(withoutLineTag(title));
}

// Gerrit's commit-msg hook's trailer: Gerrit itself reads the last one a message holds
const CHANGE_ID = /^Change-Id:[ \t]*(I[0-9a-f]{40})[ \t]*$/gm;

/** The last `Change-Id:` line's value in a body, else null. */
function lastChangeId(body: string): string | null {
  let last: string | null = null;
  for (const m of body.matchAll(CHANGE_ID)) last = m[1] ?? null;
  return last;
}

// a line that holds only a pull request's number, the end of a wrapped title
const WRAPPED_NUMBER = /^[ \t]*(\(#\d+\))[ \t]*$/;

/** Reads the facts out of a full commit message (%B); `ai` is the evidence catalogue with the config's markers. Pure. */
export function parseMessage(message: string, ai: AiCatalogue = compileCatalogue()): MessageFacts {
  let newline = message.indexOf('\n');
  let subject = (newline === -1 ? message : message.slice(0, newline)).trim();
  // a title wrapped before its number is one subject, as git reads the first paragraph (%s): uv's squash
  // `Move test support files out of \`scripts/\` into \`test/\`` with ` (#17032)` on the next line
  const next = newline === -1 ? -1 : message.indexOf('\n', newline + 1);
  const wrapped = newline === -1 ? null : WRAPPED_NUMBER.exec(message.slice(newline + 1, next === -1 ? undefined : next));
  if (wrapped) {
    subject = `${subject} ${wrapped[1] ?? ''}`;
    newline = next === -1 ? message.length : next;
  }
  const body = newline === -1 || newline >= message.length ? '' : message.slice(newline + 1);
  const bodyFirstLine = firstNonBlankLine(body);
  const titleBelow = CLOSING_LINE.test(bodyFirstLine) || MERGE_LOG_HEADER.test(bodyFirstLine) ? titleUnder(body) : bodyFirstLine;
  // most bodies name no landing and no revert: one scan says so
  const refers = MAYBE_REFERS.test(body);
  const landingUrl = refers ? (TRAILER_URL.exec(body)?.[1] ?? KERNEL_LINK.exec(body)?.[1] ?? null) : null;
  const mergeRequest = body.includes('See merge request ') ? lastMergeRequest(body) : null;
  const revertTitle = isRevertTitle(subject);
  // a quoted title is the reverted change's own words (`Revert "Fix commit 1a2b3c4d parsing"`): it is found by them
  const namedInSubject = revertTitle && !subject.includes('"') && /commit/i.test(subject) ? [...subject.matchAll(SUBJECT_COMMIT)].map((m) => (m[1] ?? '').toLowerCase()) : [];
  const revertsShas = [...(refers ? [...body.matchAll(REVERTS_COMMIT)].flatMap((m) => (m[1] ?? '').match(LISTED_SHA) ?? []).map((sha) => sha.toLowerCase()) : []), ...namedInSubject, ...(revertTitle && refers ? listedReverts(body) : [])];
  const namedPull = revertTitle ? TYPED_PR_REVERT.exec(subject) : null;
  const revertsPrs = [...(refers ? [...body.matchAll(REVERTS_PR)].map((m) => Number(m[1])) : []), ...(namedPull === null ? [] : [Number(namedPull[1])])];
  const clRevert = CL_REVERT_OPENS.test(subject) || CL_REVERT_OPENS.test(bodyFirstLine);
  // only a revert's CLs: Gerrit's messages name CLs for much else. A quoted subject is the reverted change's words
  const revertsCls = (revertTitle || clRevert) && /\bCL\s*\d/i.test(message) ? [...new Set([...(subject.includes('"') ? [] : subject.matchAll(REVERTS_CL)), ...body.matchAll(REVERTS_CL)].map((m) => Number(m[1])))] : [];
  const cherryPickOf = MAYBE_PICKED.test(message)
    ? [...new Set([...[...message.matchAll(CHERRY_PICKED)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? ''), ...[...message.matchAll(PICKED_FROM_LIST)].flatMap((m) => (m[1] ?? '').split(/,[ \t]*/))].map((sha) => sha.toLowerCase()))]
    : [];
  const backportOf = MAYBE_BACKPORT.test(message) ? [...new Set([...pickedPulls(subject), ...[...message.matchAll(BACKPORT_PHRASE)].map((m) => Number(m[1] ?? m[2] ?? m[3] ?? m[4])), ...listedBackports(body)])] : [];
  const closes = /close/i.test(body) ? [...body.matchAll(CLOSES_PULL)].map((m) => Number(m[1] ?? m[2])) : [];
  const imported = body.includes('GitHub-Pull-Request:') ? IMPORTED_PULL.exec(body) : null;
  const closesPulls = imported === null ? [...new Set(closes)] : [...new Set([...closes, Number(imported[1])])];
  const changeId = body.includes('Change-Id:') ? lastChangeId(body) : null;
  // a sub-commit's `This reverts commit` deeper in a squash's body does not make the whole a revert
  const revertMessage = revertTitle || clRevert || REVERT_FIRST_PARAGRAPH.test(bodyFirstLine);
  return { subject, bodyFirstLine: titleBelow, landingUrl, mergeRequest, aiEvidence: ai.message(message), revertsShas, revertsPrs, revertsCls, cherryPickOf, backportOf, closesPulls, changeId, revertMessage };
}

/**
 * The pull requests a `cherry-pick(#N, #M): …` subject names (CHERRY_PICK_TYPE), or a subject saying backport before
 * `(#A) (#B)` (BACKPORT_SUBJECT_NUMBER): A; none for any other subject.
 */
function pickedPulls(subject: string): number[] {
  const named = BACKPORT_SUBJECT_NUMBER.exec(subject)?.[1];
  const picked = CHERRY_PICK_TYPE.exec(subject)?.[1]?.split(/,[ \t]*/).map((n) => Number(n.slice(1))) ?? [];
  return named === undefined ? picked : [...picked, Number(named)];
}

/** The merge request the last `See merge request …!N` line names (GitLab writes it last), else null. */
function lastMergeRequest(body: string): number | null {
  let number: number | null = null;
  for (const m of body.matchAll(GITLAB_MERGE_REQUEST)) number = Number(m[1]);
  return number;
}

/**
 * The pull requests a backports list names (`BACKPORT_LIST_HEADING`): each item of the list under such a line that
 * starts with a pull request, blank lines between them allowed, up to the first line that is no list item; an item
 * that names none (`- rust-lang/cargo@a5c8b96`, a commit) is passed over.
 */
function listedBackports(body: string): number[] {
  const found: number[] = [];
  for (const heading of body.matchAll(BACKPORT_LIST_HEADING)) {
    const lines = body.slice((heading.index ?? 0) + heading[0].length).split('\n');
    for (const line of lines.slice(1)) {
      if (line.trim() === '') continue;
      if (!LIST_ITEM.test(line)) break;
      const pull = LISTED_PULL.exec(line);
      if (pull !== null) found.push(Number(pull[1]));
    }
  }
  return found;
}

// a line that only closes an issue or a pull request (spring-boot's hand merges open their bodies with `Closes
// gh-51142`): no title
const CLOSING_LINE = /^(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|see)[ \t]*:?[ \t]+(?:gh-|#)\d+\.?$/i;
// git's merge log (merge.log, `git merge --log`): `* <branch>:`, then its commits' subjects indented, newest first
const MERGE_LOG_HEADER = /^\* .+:$/;

/**
 * The line under a subject that titles the commit: the body's first line, past lines that only close an issue,
 * and in git's merge log the oldest commit listed, the one the branch was opened for (spring-boot's `Merge pull
 * request #51142 from LordKay-sudo` lists `Polish "Disable Micrometer global registry…"` above `Disable Micrometer
 * global registry…`: 124 of its year's pull requests were titled `* pr/51142:` or `Closes gh-51142`). '' if none.
 */
function titleUnder(body: string): string {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || CLOSING_LINE.test(line)) continue;
    if (!MERGE_LOG_HEADER.test(line)) return line;
    let oldest = '';
    for (let j = i + 1; j < lines.length && /^[ \t]+\S/.test(lines[j] ?? ''); j++) {
      const listed = (lines[j] ?? '').trim();
      // git cuts a long log with `...`
      if (listed !== '...') oldest = listed;
    }
    return oldest === '' ? line : oldest;
  }
  return '';
}

/** The first line of `text` with more than white space, trimmed; empty when there is none. */
function firstNonBlankLine(text: string): string {
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end === -1) end = text.length;
    const line = text.slice(from, end).trim();
    if (line !== '') return line;
    from = end + 1;
  }
  return '';
}

/** How a first-parent commit landed, read from its subject (SPEC section 1). */
export interface Landing {
  number: number | null;
  /** the GitLab merge request a merge lands (`See merge request …!N`): no GitHub pull request, so no `number` */
  mergeRequest: number | null;
  branch: string | null;
  /** a merge of a tag or a release/maintenance line: reported but left out of stage figures */
  sync: boolean;
  /** title: the PR title when the subject is a merge boilerplate line */
  title: string;
}

/** The commits a revert lists a line each in the paragraph that says it reverts them (REVERTS_LISTED). */
function listedReverts(body: string): string[] {
  const paragraph = body.split(/\n[ \t]*\n/).find((p) => REVERTS_LISTED.test(p));
  return paragraph === undefined ? [] : [...paragraph.matchAll(LISTED_COMMIT)].map((m) => (m[1] ?? '').toLowerCase());
}

// fabbot's merge commit (Symfony's merge tool): the kind, `#N`, the pull request's title, its author in brackets
const FABBOT_MERGE = /^(?:bug|minor|feature|security) #(\d+) (.+) \([^()]+\)$/;

// a merge of a branch named without quotes, into another: `Merge branch v3.5 into master`, `Merge current v3.6 into
// master`, `Merge  branch v3.7 into master` (traefik's hand-written syncs; a stray quote after the name too)
const UNQUOTED_LINE_MERGE = /^Merge\s+(?:current\s+)?(?:branch\s+)?([\w./-]+?)'?\s+into\s+\S+$/;

// Gerrit's merge commit of one change, the target branch after `into` (`Merge changes I12ab,I34cd into main` merges
// several)
const GERRIT_MERGE = /^Merge "(.+)" into \S+$/;

/**
 * Reads the PR number, branch and title a landing commit's subject carries. `merge` says whether the commit
 * has two parents (a merge is a merge whatever its subject); `mergeRequest` is the GitLab merge request its
 * message names (Commit.mergeRequest), whose title is the body's first line.
 */
export function parseLanding(subject: string, bodyFirstLine: string, merge: boolean, trackedBranch: string, mergeRequest: number | null = null): Landing {
  // Azure DevOps writes `Merged PR 1421: <title>` on the commit that completes a pull request, merge and squash alike
  const azure = /^Merged PR (\d+): (.+)$/.exec(subject);
  if (azure) return { number: Number(azure[1]), mergeRequest: null, branch: null, sync: false, title: azure[2] ?? subject };
  const bitbucket = bitbucketLanding(subject, bodyFirstLine);
  if (bitbucket !== null) return bitbucket;
  const trailing = /\(#(\d+)\)\s*$/.exec(subject);
  const number = trailing ? Number(trailing[1]) : null;
  // a squash whose title is another pull request's merge line is that squash's own pull request, not the one its
  // title names: pytest copies each release's merge into its maintenance line back to main as `Merge pull request
  // #13696 from pytest-dev/release-8.4.2 (#13698)`, and #13696's pull ref is the release tag itself (33 commits of
  // the line, a first commit three months early, "deployed before merge")
  if (!merge && number !== null) return { number, mergeRequest: null, branch: null, sync: false, title: subject };
  const pull = githubPullMerge(subject);
  if (pull) return { number: pull.number, mergeRequest: null, branch: stripOwner(pull.head), sync: false, title: bodyFirstLine || subject };
  // Gitea's and Forgejo's (Codeberg's) merge commit: `Merge pull request 'Fix the parser' (#12) from ada/fix into
  // main`, the head `owner/repo:branch` for a fork's
  let m = /^Merge pull request '(.*)' \(#(\d+)\) from (\S+) into \S+$/.exec(subject);
  if (m) return { number: Number(m[2]), mergeRequest: null, branch: headBranch(m[3] ?? ''), sync: false, title: m[1] || subject };
  m = /^Auto merge of #(\d+) - (\S+?),/.exec(subject);
  if (m) return { number: Number(m[1]), mergeRequest: null, branch: stripOwner(m[2] ?? ''), sync: false, title: bodyFirstLine || subject };
  m = HAND_PULL_MERGE.exec(subject);
  if (m) {
    // pip's `Merge pull request #9552` names its head on the line under it (`From uranusjr/new-resolver-…`)
    const below = m[2] === undefined && m[3] === undefined && m[4] === undefined && m[5] === undefined ? /^from (\S+\/\S+)$/i.exec(bodyFirstLine) : null;
    const head = m[4] ?? below?.[1];
    const branch = m[3] ?? (head === undefined ? null : stripOwner(head));
    // the line under a bare subject is no title here (rails' `Closes #41055.`, a sign-off)
    return { number: Number(m[1]), mergeRequest: null, branch, sync: false, title: m[2] ?? m[5] ?? subject };
  }
  if (merge) {
    if (/^Merge (tag|signed tag) /.test(subject)) return { number, mergeRequest: null, branch: null, sync: true, title: subject };
    // fabbot's merge of a pull request (symfony's, twig's): `bug #58638 [FrameworkBundle] fix null store handling in XML
    // configs (xabbuh)`, the kind of change, the number, the title, its author (symfony's 216 of its 90 days to
    // October 2024 named no pull request)
    m = FABBOT_MERGE.exec(subject);
    if (m) return { number: Number(m[1]), mergeRequest: null, branch: null, sync: false, title: m[2] ?? subject };
    // Gerrit's merge of one change quotes the change's subject, its title: `Merge "Deterministic order in create
    // table ddl" into main` (sqlalchemy's 170 of its year to August 2026 were listed under `Merge "…`)
    m = GERRIT_MERGE.exec(subject);
    if (m) return { number, mergeRequest: null, branch: null, sync: false, title: m[1] ?? subject };
    // "Merge branch 'x'", "Merge remote-tracking branch 'origin/x'", "Merge 'release-1.2' into 'master' (#7)",
    // GitLab's "Merge branch 'x' into 'main'", and behind a conventional type, vue's "chore: Merge branch 'main' into
    // minor" (its syncs' note had named no line to run on); and git's maintainer's `Sync with 'maint'`
    m = /^(?:[a-z]+(?:\([^)]*\))?!?:\s+)?(?:Merge (?:remote-tracking )?(?:branch )?|Sync with )'([^']+)'/.exec(subject);
    // … and a release line's merge written by hand, its name unquoted: traefik's `Merge branch v3.5 into master`,
    // `Merge current v3.6 into master` (its syncs' note had named v3.7, which holds the others, for all 36)
    const unquoted = m === null ? UNQUOTED_LINE_MERGE.exec(subject) : null;
    const branch = m ? (m[1] ?? '') : unquoted !== null && isReleaseLine(unquoted[1] ?? '') ? (unquoted[1] ?? '') : null;
    // GitLab's merge commit: its subject is boilerplate, the merge request's title is the body's first line (a
    // body that opens with the merge request line has none). Its number is GitLab's, no GitHub pull request's: a
    // GitHub mirror's refs/pull/N are other pull requests. A merge request from a fork's own `main` (`Merge branch
    // 'main' into 'main'`, 16 of GNOME/gnome-text-editor's) is a merge request, not the branch merged into itself
    if (mergeRequest !== null) {
      const title = bodyFirstLine === '' || bodyFirstLine.startsWith('See merge request ') ? subject : bodyFirstLine;
      return { number, mergeRequest, branch, sync: branch !== null && isReleaseLine(branch), title };
    }
    const sync = branch !== null && (namesBranch(branch, trackedBranch) || isReleaseLine(branch));
    if (branch !== null) return { number, mergeRequest: null, branch, sync, title: subject };
  }
  // GitHub's merge of a security advisory's private fork says only `Merge commit from fork`: the fix's title is the
  // body's first line (etcd's three auth fixes of 2026 were listed under that subject); its squash lists the fork's
  // commits under it, `* fix: …`, the first its title (sveltejs/svelte's, seven of its year's eleven, none then read as
  // a repair). A squash whose body opens otherwise (grpc-go's `See individual commits for details.`, a sign-off) keeps it
  if (subject === ADVISORY_MERGE) {
    const title = merge ? bodyFirstLine : (SQUASHED_COMMIT.exec(bodyFirstLine)?.[1] ?? '');
    if (title !== '') return { number, mergeRequest: null, branch: null, sync: false, title };
  }
  return { number, mergeRequest: null, branch: null, sync: false, title: subject };
}

const ADVISORY_MERGE = 'Merge commit from fork';
// a commit a GitHub squash lists in its body: `* <subject>`
const SQUASHED_COMMIT = /^\*[ \t]+(\S.*)$/;

/** The pull request a commit says it landed (`Merge pull request #N`, a squash's `(#N)`), read as a first-parent commit would be; else null. */
export function landedNumber(commit: Commit, trackedBranch: string): number | null {
  return parseLanding(commit.subject, commit.bodyFirstLine, commit.parents.length >= 2, trackedBranch).number;
}

/** The pull requests `commits` say they landed (landedNumber), in their order (a number landed twice is there twice). */
export function landedNumbers(commits: readonly Commit[], trackedBranch: string): number[] {
  const numbers: number[] = [];
  for (const c of commits) {
    const n = landedNumber(c, trackedBranch);
    if (n !== null) numbers.push(n);
  }
  return numbers;
}

// GitHub's merge commit of a pull request: `Merge pull request #12 from ada/fix-parser`, its head `owner/branch`; a
// bracketed tag may lead it (prometheus' `[DOCS] Merge pull request #17998 from bboreham/clarify-library`, read as
// naming no pull request), and a maintainer typing it by hand may leave out the `#` (serde's `Merge pull request 2931
// from Mingun/unify-serde-access`, 18 of its master's merges, each its pull ref's head merged)
const GITHUB_PULL_MERGE = /^(?:\[[^\]\n]{1,40}\][ \t]*)?Merge pull request #?(\d+) from (\S+)/;
// a pull request's merge written by a maintainer (or a script) without GitHub's ` from <owner/branch>`, each one's
// second parent the pull request's head: the title after the number (pytest's `Merge pull request #14105 Fix edge
// case …` and `… #11914 - Activate …`, pip's `… #13383 "Refactor HTTP download logic"`), the branch (aiohttp's `Merge
// PR #13388 from branch 'testing/…'`, rails' `Merge PR #41218 branch 'add-strict-loading-doc' into main` and `Merge
// pull request #29185 'bin-idempotent-setup'`, pip's `Merge PR #10577 from sbidoul/fix-…`), or nothing (`Merge PR #7460`)
const HAND_PULL_MERGE = /^Merge (?:pull request|PR) #(\d+)(?:[\s,:;.-]+"(.+)"$|(?: from)?(?: branch)? '([^']+)'(?: into \S+)?$| from (\S+)$|[\s,:;.-]*$|[\s,:;.-]+(.+)$)/;

/**
 * The pull request and its head (`owner/branch`) that GitHub's merge subject names, and whether the head ends the
 * subject; null for any other subject.
 */
export function githubPullMerge(subject: string): { number: number; head: string; whole: boolean } | null {
  const m = GITHUB_PULL_MERGE.exec(subject);
  return m === null ? null : { number: Number(m[1]), head: m[2] ?? '', whole: m[0].length === subject.length };
}

// Bitbucket Cloud's landing subject, whose pull request's title is the body's first line (which the history keeps
// for a squash too: see toCommit)
const BITBUCKET_CLOUD = /^Merged in (\S+) \(pull request #(\d+)\)/;

/**
 * Bitbucket's landings, merge and squash alike, none of which leaves a pull ref in a clone:
 * - Bitbucket Cloud: `Merged in <branch> (pull request #N)`, the pull request's title on the line under it (its
 *   default message, as Atlassian documents it and its VS Code extension writes it);
 * - Bitbucket Data Center's default template: `Pull request #N: <title>`, then `Merge in PROJ/repo from <branch>
 *   to <base>`;
 * - Bitbucket Server's before it: `Merge pull request #N in PROJ/repo from <branch> to <base>`, then the merger's
 *   comment if any and the merged commits as `* commit '<sha>':` lines: no title, so the subject stands.
 */
function bitbucketLanding(subject: string, bodyFirstLine: string): Landing | null {
  let m = BITBUCKET_CLOUD.exec(subject);
  if (m) return { number: Number(m[2]), mergeRequest: null, branch: headBranch(m[1] ?? ''), sync: false, title: bodyFirstLine || subject };
  m = /^Pull request #(\d+): (.+)$/.exec(subject);
  if (m) {
    const from = /^Merge in \S+ from (\S+) to \S+/.exec(bodyFirstLine);
    return { number: Number(m[1]), mergeRequest: null, branch: from ? headBranch(from[1] ?? '') : null, sync: false, title: m[2] ?? subject };
  }
  m = /^Merge pull request #(\d+) in \S+ from (\S+) to \S+/.exec(subject);
  if (m) return { number: Number(m[1]), mergeRequest: null, branch: headBranch(m[2] ?? ''), sync: false, title: subject };
  return null;
}

/** Whether a merge's branch (`main`, `origin/main`) is the tracked branch by its name. */
export function namesBranch(branch: string, trackedBranch: string): boolean {
  return branch === trackedBranch || branch.endsWith(`/${trackedBranch}`);
}

/**
 * The branch of a pull request's head as Gitea and Bitbucket write it: a fork's is `owner/repo:branch` or
 * `~user/repo:branch`, the branch what follows the colon (a branch name holds none); `refs/heads/` dropped.
 */
function headBranch(head: string): string {
  return head.slice(head.lastIndexOf(':') + 1).replace(/^refs\/heads\//, '');
}

function stripOwner(ref: string): string {
  const slash = ref.search(/[/:]/);
  return slash === -1 ? ref : ref.slice(slash + 1);
}

/** The pull request number in a landing URL (`…/pull/123`), else null: a GitLab merge request's is no pull request's. */
export function numberFromUrl(url: string): number | null {
  const m = /\/(?:pull|pulls)\/(\d+)/.exec(url);
  return m ? Number(m[1]) : null;
}

/**
 * The Gerrit change a landing URL names, its number (`Reviewed-on: https://go-review.googlesource.com/c/tools/+/686075`,
 * and Gerrit's older short forms `…/c/145699` and `…/40403`, golang/tools' before 2019), else null.
 */
export function reviewNumberFromUrl(url: string): number | null {
  const m = /^https?:\/\/[^/\s]+\/(?:c\/(?:\S+\/\+\/)?|#\/c\/)?(\d+)\/?$/.exec(url);
  return m ? Number(m[1]) : null;
}

/** The GitLab merge request a landing URL names (`…/-/merge_requests/123`), else null. */
export function mergeRequestFromUrl(url: string): number | null {
  const m = /\/merge_requests\/(\d+)/.exec(url);
  return m ? Number(m[1]) : null;
}
