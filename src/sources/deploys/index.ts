import type { DeploySignalKind } from '../../domain.js';
import { branch } from './branch.js';
import { deployments } from './deployments.js';
import { events } from './events.js';
import { merge } from './merge.js';
import { releases } from './releases.js';
import { tags } from './tags.js';
import type { DeploySource } from './source.js';

/**
 * Every deploy source, in the automatic choice's order (SPEC section 3: the most specific signal the repository
 * has; the events files' deploys first, as the user gave them). `--deploy-from` takes these names. A new source: its module here and its line below.
 */
export const DEPLOY_SOURCES: Readonly<Record<DeploySignalKind, DeploySource>> = { events, branch, deployments, releases, tags, merge };

/** The sources' names, in the registry's order. */
export const DEPLOY_SOURCE_NAMES = Object.keys(DEPLOY_SOURCES) as DeploySignalKind[];

/** Sources as `--deploy-from` takes them: a deploy branch is named (`branch:NAME`). */
export function asFlagValues(names: readonly DeploySignalKind[]): string[] {
  return names.map((name) => (name === 'branch' ? 'branch:NAME' : name));
}
