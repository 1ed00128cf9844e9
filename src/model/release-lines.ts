import { UNDERSCORED_VERSION } from '../release-names.js';

/**
 * Release lines and tags (SPEC section 1): what is already on them is not a pull request's own work, and a
 * merge that brings them into the tracked branch is a sync, not a change.
 */

// a release word and a version, in that order or the other, a product's name allowed beside the word and nothing
// after the version: release/10, release-1.2, gopls-release-branch.0.10, release-branch.go1.10, release-go_router-17.2.1,
// release-2.43+stringlabels, release-3.0.0-rc.0, 7-1-stable, 8-1-sec, beta-1.96, sqlalchemy's rel_2_0. A name that
// goes on is a topic that names a line: GitHub's revert branch `revert-8916-release-branch-pr-title`,
// `release-1.21-disable-klone`, `alexc-backport-20126-4-1-stable`, k6's `remote-browser-support-in-k6-browser-…`,
// release-plz's `release-plz-2026-05-05T11-18-47Z`
const WORD = '(?:release|releases|release-branch|rel|maint|maintenance|stable|lts|sec|support|hotfix|hotfixes|beta)';
// a version: 10, 1.2, v2, go1.10, 0.16b0, 3.0.0-rc.0, 2.43+stringlabels
const VERSION = '[a-z]*v?\\d+(?:[-._](?:\\d+|x))*(?:[a-z]+\\d*)?(?:[-.](?:rc|alpha|beta|pre|preview)(?:[-.]?\\d+)?)?(?:\\+[a-z0-9]+)?';
const PRODUCT = '[a-z][a-z0-9_]*';
const NAMED_LINE = new RegExp(`^(?:(?:${PRODUCT}[-_.])?${WORD}(?:[-_.]${PRODUCT})?[-._]${VERSION}(?:[-_](?:staging|patches|maint))?|${VERSION}[-._]${WORD})$`, 'i');
// what a line folder holds after its `release/`: a version, a product's maybe (release/10, release/langgraph-0.2.1, maintenance/v2)
const FOLDER_LINE = new RegExp(`^(?:${PRODUCT}[-_])?${VERSION}$`, 'i');
// a version by itself: 4.x, v1.x, v1.45.x, v0.10, 5.0, tokio-1.38.x, rust-1.80.0, v1.x-staging; never under a
// folder (dependabot/…/checkout-7.0.1 is a topic branch)
const VERSION_LINE = /^(?:origin\/)?(?:[a-z][a-z0-9]*[-_])*v?\d+(?:\.(?:\d+|x))+(?:[-_](?:staging|patches|maint))?$/i;

// a release word by itself names the one maintenance line a project keeps: flask's `stable`, where its fixes land
// and its patch releases are tagged before `Merge branch 'stable'` brings them to main (read by its tags alone,
// the merges after its last release counted as five changes of main's); react-router's `release`. Words that also
// name a topic (`beta`, `hotfix`, `support`, `sec`) need their version
const BARE_LINE = /^(?:stable|release|releases|maintenance|maint|lts)$/i;

// a name that opens with what is done to a version is a pull request's branch that does it, not a line: containerd's
// release pull requests come from `prepare-v2.2.0` (its notes and version bumps), which a version line's shape
// (`rust-1.80.0`) took for a line, so #12473 and #13325 read as syncs and their releases as shipping nothing of them
const PREPARES = /^(?:prepare|preparing|prep|bump|bumps|bumping|update|upgrade)[-_.]/i;

// a folder that holds release lines (release/10); any other folder holds topic branches (ada/5x-sec-policy)
const LINE_FOLDER = /^(?:origin\/)?(?:release|releases|maint|maintenance|stable|lts|support|hotfix|hotfixes)\//i;

/** A branch's name without its ref's folder: `main` of `refs/heads/main`, `develop` of `refs/remotes/origin/develop`; other names as given. */
export function branchName(ref: string): string {
  return ref.replace(/^refs\/(?:heads|remotes\/[^/]+)\//, '');
}

/** Whether a branch name (`origin/` and `refs/…/` prefixes allowed) names a release or maintenance line. */
export function isReleaseLine(name: string): boolean {
  const short = branchName(name);
  const local = short.replace(/^origin\//, '');
  const folder = LINE_FOLDER.test(short);
  if ((local.includes('/') && !folder) || PREPARES.test(local)) return false;
  if (VERSION_LINE.test(short) || BARE_LINE.test(local) || NAMED_LINE.test(local)) return true;
  return folder && FOLDER_LINE.test(local.slice(local.indexOf('/') + 1));
}

// a release word anywhere in a name, between separators or at its ends
const RELEASE_WORD = new RegExp(`(?:^|[-/._])${WORD}(?:[-/._]|$)`, 'i');

/**
 * Whether a branch's name speaks of a release, a release word and a digit anywhere in it: a line's
 * (`release-1.2`), and also a topic's (pip's `fix-release-25.3-commit-order`, which merged 25.3's tagged release
 * commits back). Too loose to make a line (rails' `fix-typos-in-5-0-release-notes`): only beside a release tag on
 * the side a pull request brings (see mergesReleasedLine).
 */
export function namesRelease(name: string): boolean {
  const short = branchName(name);
  return isReleaseLine(name) || (RELEASE_WORD.test(short) && /\d/.test(short));
}

// a whole version (x.y.z) in a branch's name
const RELEASE_CUT = /(?:^|[^0-9.])v?\d+\.\d+\.\d+(?:$|[^0-9.])/;

/**
 * Whether a branch was cut from a line to prepare one release: its name holds a whole version
 * (`prepare-release/10.62.0`, `release/2.4.1`), where a line's names a series (`3.0.x`, `release/10`, `v6.2`).
 */
export function isReleaseCut(name: string): boolean {
  return RELEASE_CUT.test(name);
}

/** Commits of release lines and tags, among those read (see releaseCommits). */
export interface ReleaseCommits {
  /** reachable from a release tip without passing through the tracked branch's first-parent line */
  all: Set<string>;
  /** the release lines themselves: tips and their first-parent ancestors, down to the tracked branch */
  lines: Set<string>;
}

// a version in a tag's name: v1.2.3, 0.16.0, tokio-1.38.0, gopls/v0.16.0, create-vite@5.0.0, v8; numbers joined by
// underscores that end it (release-names' UNDERSCORED_VERSION): sqlalchemy's rel_2_0_52, rel_2_1_0b3, curl's curl-8_10_1
const RELEASE_TAG = new RegExp(String.raw`\d+\.\d+|(?:^|[^a-z0-9])v\d+|${UNDERSCORED_VERSION}`, 'i');

/** Whether a tag names a release (a version); a tool's scratch tag (`homu-tmp`) does not. */
export function isReleaseTag(name: string): boolean {
  return RELEASE_TAG.test(name);
}

/**
 * Commits on a release line or behind a release tag, among those read: every commit reachable from `tips`
 * without passing through the tracked branch's first-parent line (`onLine`). A release line that forked
 * from the tracked branch stops at its fork point, so the pull requests merged before it stay theirs; the
 * release commits a pull request cut from that line carried in are found, whether or not they reached the
 * tracked branch. `lines` keeps the lines' own first-parent commits apart from what was merged into them (a
 * branch merged into a release line and into the tracked branch is no merge of the release line).
 * `parentsOf` knows the commits read (undefined past them). Pure.
 */
export function releaseCommits(
  tips: Iterable<string>,
  parentsOf: (sha: string) => readonly string[] | undefined,
  onLine: (sha: string) => boolean,
): ReleaseCommits {
  const all = new Set<string>();
  const lines = new Set<string>();
  // [sha, reached through first-parent edges from a tip]
  const stack: Array<[string, boolean]> = [...tips].map((sha) => [sha, true]);
  while (stack.length > 0) {
    const [sha, firstParent] = stack.pop() as [string, boolean];
    if (onLine(sha) || (all.has(sha) && (!firstParent || lines.has(sha)))) continue;
    const parents = parentsOf(sha);
    if (parents === undefined) continue;
    if (firstParent) lines.add(sha);
    if (all.has(sha)) {
      // seen before through a merge: only its first-parent chain is new to the lines
      if (parents[0] !== undefined) stack.push([parents[0], true]);
      continue;
    }
    all.add(sha);
    parents.forEach((parent, i) => stack.push([parent, firstParent && i === 0]));
  }
  return { all, lines };
}
