import type { DeploySignalKind } from '../../domain.js';
import { branch } from './branch.js';
import { deployments } from './deployments.js';
import { events } from './events.js';
import { merge } from './merge.js';
import { releases } from './releases.js';
import { tags } from './tags.js';
import { workflow } from './workflow.js';
import type { DeploySource } from './source.js';

/**
 * Every deploy source, in the automatic choice's order (SPEC section 3: the most specific signal the repository
 * has; the events files' deploys first, as the user gave them). A GitHub deployment names its environment and
 * its outcome; a deploy workflow's run is the deploy itself, but known only by its name; a release or a tag
 * names a version, which may ship later or never (a library's). `--deploy-from` takes these names. A new
 * source: its module here and its line below.
 */
export const DEPLOY_SOURCES: Readonly<Record<DeploySignalKind, DeploySource>> = { events, branch, deployments, workflow, releases, tags, merge };

/** The sources' names, in the registry's order. */
export const DEPLOY_SOURCE_NAMES = Object.keys(DEPLOY_SOURCES) as DeploySignalKind[];
