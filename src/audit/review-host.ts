import type { Change } from '../domain.js';
import type { ReviewHost } from '../review-hosts.js';
import { forgeOf, type Forge } from '../sources/git/remote.js';

// a Gerrit change's address, as its `Reviewed-on:` trailer gives it: `https://go-review.googlesource.com/c/tools/+/773020`,
// Go's older `https://go-review.googlesource.com/12345`, `https://review.opendev.org/#/c/12345/`
const GERRIT_CHANGE = /^https?:\/\/[^\s/]+\/(?:c\/\S+\/\+\/\d+|#\/c\/\d+|\d+)\/?$/i;

// a GitLab merge request's change id (see buildChanges): `!232`
const MERGE_REQUEST_ID = /^!\d+$/;

const landedOf = (inWindow: readonly Change[]): Change[] => inWindow.filter((c) => c.kind !== 'sync');

/** How many of the window's changes (syncs aside) were reviewed on Gerrit, when most were (else 0), and of how many. */
export function reviewedOnGerrit(inWindow: readonly Change[]): { gerrit: number; landed: number } {
  const landed = landedOf(inWindow);
  const gerrit = landed.filter((c) => c.url !== null && GERRIT_CHANGE.test(c.url)).length;
  return { gerrit: 2 * gerrit > landed.length ? gerrit : 0, landed: landed.length };
}

/**
 * Whether the window's changes say the project lives on GitLab: some landed as GitLab merge requests, and more of
 * them than name a GitHub pull request (GNOME/gnome-text-editor's year: 5 merge requests, 93 direct pushes, no
 * pull request).
 */
export function mergedOnGitLab(inWindow: readonly Change[]): boolean {
  const landed = landedOf(inWindow);
  const requests = landed.filter((c) => MERGE_REQUEST_ID.test(c.id)).length;
  return requests > 0 && requests > landed.filter((c) => c.number !== null).length;
}

// where each forge's projects are reviewed, as the pages name the place: GitHub, GitLab and Gerrit by name, any other
// forge as another host
const REVIEWED_ON: Readonly<Record<Forge, ReviewHost>> = {
  github: 'github', gitlab: 'gitlab', gerrit: 'gerrit', gitea: 'other', bitbucket: 'other', 'bitbucket-server': 'other', azure: 'other', sourcehut: 'other',
};

/**
 * Where the window's changes were reviewed. What the history says comes first: golang/tools' GitHub repository is
 * a mirror of a Gerrit project, GNOME's of GitLab ones, and a GitHub token reads none of their reviews. Then GitHub
 * when it was read, then the host of the remote (`gitlab.gnome.org`, `gitlab.com`: GitLab; Codeberg, Bitbucket,
 * Azure DevOps: another host); null when neither says (no remote, or a host of a name no forge owns).
 */
export function reviewHostOf(inWindow: readonly Change[], remoteHost: string | null, githubRead: boolean): ReviewHost | null {
  if (reviewedOnGerrit(inWindow).gerrit > 0) return 'gerrit';
  if (mergedOnGitLab(inWindow)) return 'gitlab';
  if (githubRead) return 'github';
  const forge = remoteHost === null ? null : forgeOf(remoteHost);
  return forge === null ? null : REVIEWED_ON[forge];
}
