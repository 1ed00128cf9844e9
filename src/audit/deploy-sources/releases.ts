import { publishedReleases } from '../../model/github-deploys.js';
import { plural } from '../../units.js';
import type { DeploySource } from './source.js';

/** Published GitHub releases (pre-releases when asked). */
export const releases: DeploySource = {
  meta: {
    name: 'releases',
    needs: 'github',
    detail: ({ count, includePrereleases }) => `${plural(count, 'published GitHub release')}${includePrereleases ? ', pre-releases included' : ''}`,
  },
  candidates: ({ github, includePrereleases }) => (github ? publishedReleases(github.releases, includePrereleases) : []),
};
