import { plural } from '../../units.js';
import type { DeploySource } from './source.js';

/** Deploys an events file recorded (--events): the user's own record, so the most specific signal of all. */
export const events: DeploySource = {
  meta: {
    name: 'events',
    label: 'deploys in events files',
    needs: 'git',
    detail: ({ count }) => `${plural(count, 'deploy')} from the events files`,
  },
  candidates: ({ events: found }) => [...found],
};
