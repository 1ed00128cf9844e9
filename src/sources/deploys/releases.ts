import { isPrerelease } from '../../release-names.js';
import { plural } from '../../units.js';
import type { GitHubRelease } from '../github/types.js';
import type { DeployRef, DeploySource } from './source.js';

/** Published GitHub releases (pre-releases when asked). */
export const releases: DeploySource = {
  meta: {
    name: 'releases',
    label: 'GitHub releases',
    needs: 'github',
    detail: ({ count, includePrereleases }) => `${plural(count, 'published GitHub release')}${includePrereleases ? ', pre-releases included' : ''}`,
    one: () => 'published GitHub release',
  },
  candidates: ({ github, includePrereleases }) => (github ? publishedReleases(github.releases, includePrereleases) : []),
};

/**
 * Published releases that are final, at their publication time: not drafts, and — unless
 * `includePrereleases` — neither marked pre-release on GitHub nor named like one (`v2.0.0-rc.1`), the rule
 * tags follow (SPEC section 3).
 */
export function publishedReleases(found: readonly GitHubRelease[], includePrereleases = false): DeployRef[] {
  return found
    .filter((r) => !r.isDraft && r.publishedAt !== null && r.sha !== null)
    .filter((r) => includePrereleases || (!r.isPrerelease && !isPrerelease(r.tagName)))
    .map((r) => ({ name: r.tagName, sha: r.sha as string, at: r.publishedAt as number }));
}
