import { describe, expect, it } from 'vitest';
import type { DeploySignalKind } from '../../../src/domain.js';
import { ConfigError } from '../../../src/errors.js';
import { asFlagValues, deployFromChoices, parseDeployFrom } from '../../../src/sources/deploys/flag-values.js';
import { DEPLOY_SOURCES } from '../../../src/sources/deploys/index.js';
import type { DeploySource } from '../../../src/sources/deploys/source.js';

// a made-up source that takes an argument, registered last: what a new source's registry line would add
const canary: DeploySource = { meta: { name: 'canary' as DeploySignalKind, label: 'canary rings', needs: 'git', onlyAsked: true, argument: 'RING', detail: () => '' }, candidates: () => [] };
const withCanary = { ...DEPLOY_SOURCES, canary } as typeof DEPLOY_SOURCES;

describe('--deploy-from as the registry has it', () => {
  it('lists every source, the plain names first and a deploy branch with its NAME', () => {
    expect(deployFromChoices()).toBe('events, deployments, workflow, releases, tags, merge or branch:NAME');
    expect(asFlagValues(['tags', 'branch', 'merge'])).toEqual(['tags', 'branch:NAME', 'merge']);
  });

  it('takes a plain name alone, and a name that needs an argument with one', () => {
    expect(parseDeployFrom('tags')).toEqual({ kind: 'tags' });
    expect(parseDeployFrom('workflow')).toEqual({ kind: 'workflow' });
    expect(parseDeployFrom('branch:release')).toEqual({ kind: 'branch', argument: 'release' });
    // only the first colon ends the name
    expect(parseDeployFrom('branch:env:prod')).toEqual({ kind: 'branch', argument: 'env:prod' });
  });

  it('refuses anything else in one line that lists what it takes, its control characters removed', () => {
    for (const bad of ['ftp', 'branch', 'branch:', 'tags:v1', 'Tags', '']) {
      expect(() => parseDeployFrom(bad)).toThrow(ConfigError);
      expect(() => parseDeployFrom(bad)).toThrow(`--deploy-from '${bad}' is not a deploy signal: use events, deployments, workflow, releases, tags, merge or branch:NAME`);
    }
    expect(() => parseDeployFrom('ft\u001b[2Jp')).toThrow("--deploy-from 'ft[2Jp' is not a deploy signal");
  });

  it('shows a new source in the help and the errors, and parses it, from its registry line alone', () => {
    expect(deployFromChoices(withCanary)).toBe('events, deployments, workflow, releases, tags, merge, branch:NAME or canary:RING');
    expect(parseDeployFrom('canary:eu-1', withCanary)).toEqual({ kind: 'canary', argument: 'eu-1' });
    expect(() => parseDeployFrom('canary', withCanary)).toThrow('use events, deployments, workflow, releases, tags, merge, branch:NAME or canary:RING');
  });
});
