import { plural } from '../../units.js';
import type { DeploySource } from './source.js';

/** Final release tags matching the tag pattern (pre-releases when asked). */
export const tags: DeploySource = {
  meta: {
    name: 'tags',
    label: 'release tags',
    needs: 'git',
    detail: ({ count, tagPattern, includePrereleases }) =>
      `${plural(count, tagNoun(includePrereleases))} matching ${tagPattern.source}${includePrereleases ? ', pre-releases included' : ''}`,
    one: tagNoun,
  },
  candidates: ({ tags: found }) => [...found],
};

function tagNoun(includePrereleases: boolean): string {
  return includePrereleases ? 'release tag' : 'final release tag';
}
