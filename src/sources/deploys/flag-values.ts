import type { DeploySignalKind } from '../../domain.js';
import { ConfigError } from '../../errors.js';
import { DEPLOY_SOURCES } from './index.js';
import type { DeploySource } from './source.js';

/*
 * What `--deploy-from` takes, read from the registry: a source's name, or, for a source that needs one
 * (`meta.argument`), its name, a colon and the argument (`branch:NAME`). Help and errors list the same values, so a
 * new source shows up in them by its registry line alone.
 */

type Registry = Readonly<Record<DeploySignalKind, DeploySource>>;

const namesOf = (sources: Registry): DeploySignalKind[] => Object.keys(sources) as DeploySignalKind[];

/** A source's flag value: `tags`, or `branch:NAME` for one that takes an argument. */
function flagValue(name: DeploySignalKind, sources: Registry): string {
  const { argument } = sources[name].meta;
  return argument === undefined ? name : `${name}:${argument}`;
}

/** Sources as `--deploy-from` takes them, in the order given: a deploy branch is named (`branch:NAME`). */
export function asFlagValues(names: readonly DeploySignalKind[], sources: Registry = DEPLOY_SOURCES): string[] {
  return names.map((name) => flagValue(name, sources));
}

/**
 * Every value `--deploy-from` takes, for its help and errors: the plain names in the registry's order, then those
 * that take an argument (`events, deployments, workflow, releases, tags, merge or branch:NAME`).
 */
export function deployFromChoices(sources: Registry = DEPLOY_SOURCES): string {
  const names = namesOf(sources);
  const values = [...names.filter((n) => sources[n].meta.argument === undefined), ...names.filter((n) => sources[n].meta.argument !== undefined)].map((n) => flagValue(n, sources));
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}

/**
 * `--deploy-from`'s value: a source's name, or the name of one that takes an argument, a colon and a non-empty
 * argument (`branch:release`).
 * @throws ConfigError listing what it takes
 */
export function parseDeployFrom(value: string, sources: Registry = DEPLOY_SOURCES): { kind: DeploySignalKind; argument?: string } {
  const colon = value.indexOf(':');
  const name = colon === -1 ? value : value.slice(0, colon);
  const kind = namesOf(sources).find((n) => n === name);
  const argument = colon === -1 ? undefined : value.slice(colon + 1);
  if (kind !== undefined) {
    const takes = sources[kind].meta.argument !== undefined;
    if (!takes && argument === undefined) return { kind };
    if (takes && argument) return { kind, argument };
  }
  throw new ConfigError(`--deploy-from '${value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}' is not a deploy signal: use ${deployFromChoices(sources)}`);
}
