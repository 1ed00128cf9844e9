/**
 * Release lines and tags (SPEC section 1): what is already on them is not a pull request's own work, and a
 * merge that brings them into the tracked branch is a sync, not a change.
 */

// a release word and a version: release/10, release-1.2, 7-1-stable, 8-1-sec, release-branch.go1.10, beta-1.96
const NAMED_LINE = /(?:^|[-/._])(?:release|releases|release-branch|maint|maintenance|stable|lts|sec|support|hotfix|hotfixes|beta)(?:[-/._]|$)/i;
// a version by itself: 4.x, v1.x, v1.45.x, v0.10, 5.0, tokio-1.38.x, rust-1.80.0, v1.x-staging; never under a
// folder (dependabot/…/checkout-7.0.1 is a topic branch)
const VERSION_LINE = /^(?:origin\/)?(?:[a-z][a-z0-9]*[-_])*v?\d+(?:\.(?:\d+|x))+(?:[-_](?:staging|patches|maint))?$/i;

// a folder that holds release lines (release/10); any other folder holds topic branches (ada/5x-sec-policy)
const LINE_FOLDER = /^(?:origin\/)?(?:release|releases|maint|maintenance|stable|lts|support|hotfix|hotfixes)\//i;

/** Whether a branch name (`origin/` and `refs/…/` prefixes allowed) names a release or maintenance line. */
export function isReleaseLine(name: string): boolean {
  const short = name.replace(/^refs\/(?:heads|remotes\/[^/]+)\//, '');
  const topic = short.replace(/^origin\//, '').includes('/') && !LINE_FOLDER.test(short);
  return !topic && ((NAMED_LINE.test(short) && /\d/.test(short)) || VERSION_LINE.test(short));
}

/**
 * Commits on a release line or behind a release tag, among those read: every commit reachable from `tips`
 * without passing through the tracked branch's first-parent line (`onLine`). A release line that forked
 * from the tracked branch stops at its fork point, so the pull requests merged before it stay theirs; the
 * release commits a pull request cut from that line carried in are found, whether or not they reached the
 * tracked branch. `parentsOf` knows the commits read (undefined past them). Pure.
 */
export function releaseCommits(
  tips: Iterable<string>,
  parentsOf: (sha: string) => readonly string[] | undefined,
  onLine: (sha: string) => boolean,
): Set<string> {
  const found = new Set<string>();
  const stack = [...tips];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (found.has(sha) || onLine(sha)) continue;
    const parents = parentsOf(sha);
    if (parents === undefined) continue;
    found.add(sha);
    for (const parent of parents) stack.push(parent);
  }
  return found;
}
