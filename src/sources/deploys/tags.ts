import { plural } from '../../units.js';
import type { DeploySource } from './source.js';

/** Final release tags matching the tag pattern (pre-releases when asked). */
export const tags: DeploySource = {
  meta: {
    name: 'tags',
    label: 'release tags',
    needs: 'git',
    detail: ({ count, tagPattern, includePrereleases }) =>
      `${plural(count, includePrereleases ? 'release tag' : 'final release tag')} matching ${tagPattern.source}${includePrereleases ? ', pre-releases included' : ''}`,
  },
  candidates: ({ tags: found }) => [...found],
};
