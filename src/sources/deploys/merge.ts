import type { DeploySource } from './source.js';

/** No deploy signal: every merge is its own deploy, so the model lists none here. */
export const merge: DeploySource = {
  meta: {
    name: 'merge',
    label: 'merges',
    needs: 'git',
    fallback: true,
    detail: () => 'no deploy signal found: every merge counts as a deploy',
  },
  candidates: () => [],
};
