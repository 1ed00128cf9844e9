import { plural } from '../../units.js';
import type { DeploySource } from './source.js';

/**
 * Merges of the tracked branch into a deploy branch (--deploy-from branch:NAME), each a deploy at its committer
 * date: GitFlow's develop into main, or main into production. Only when asked: it names a branch. Which merges
 * are deploys is the model's rule (`src/model/deploy-branch.ts`): the application reads them
 * (`src/audit/deploy-branch.ts`) and hands them in.
 */
export const branch: DeploySource = {
  meta: {
    name: 'branch',
    label: 'a deploy branch',
    needs: 'git',
    onlyAsked: true,
    argument: 'NAME',
    detail: ({ count, deployBranch }) => `${plural(count, 'merge')} of the tracked branch into ${deployBranch ?? 'the deploy branch'}, each a deploy at its commit time`,
  },
  candidates: ({ branch: found }) => [...found],
};
