import { describe, expect, it } from 'vitest';
import { assignDeploys, type DeployContents } from '../../src/model/deploys.js';
import { change, h } from './data.js';

const deploy = (ref: string, at: number, shipped: string[], rollback = false): DeployContents => ({ ref, sha: `${ref}-sha`, at, target: '', shipped, rollback });
// a revert within two weeks of a deploy fails it; candidates that ship nothing stay (the rollback below ships nothing)
const OPTIONS = { revertWindow: 14 * 86400, dropEmpty: false };

describe('assignDeploys: the first deploy wins', () => {
  it('gives each change the first deploy that shipped it, even when a later one lists it again', () => {
    const a = change('a', { mergedAt: h(1) });
    const b = change('b', { mergedAt: h(2) });
    const deploys = assignDeploys([a, b], [deploy('v1', h(5), [a.sha]), deploy('v2', h(9), [a.sha, b.sha])], OPTIONS);
    expect([a.deployedAt, b.deployedAt]).toEqual([h(5), h(9)]);
    expect(deploys.map((d) => [d.ref, d.changeShas])).toEqual([['v1', [a.sha]], ['v2', [b.sha]]]);
  });

  it('fails a deploy that shipped a change a later deploy reverted, and one followed by a rollback', () => {
    const bad = change('bad', { mergedAt: h(1) });
    const revert = change('rev', { mergedAt: h(6) });
    bad.revertedBy = revert.sha;
    const deploys = assignDeploys([bad, revert], [deploy('v1', h(5), [bad.sha]), deploy('v2', h(8), [revert.sha]), deploy('v1b', h(12), [], true)], OPTIONS);
    expect(deploys.map((d) => [d.ref, d.failed, d.restoredAfter])).toEqual([['v1', true, 3 * 3600], ['v2', true, 4 * 3600], ['v1b', false, null]]);
  });

  it('does not fail a deploy whose change was reverted before it shipped', () => {
    const bad = change('bad', { mergedAt: h(1) });
    const revert = change('rev', { mergedAt: h(2) });
    bad.revertedBy = revert.sha;
    expect(assignDeploys([bad, revert], [deploy('v1', h(5), [bad.sha, revert.sha])], OPTIONS)[0]?.failed).toBe(false);
  });

  it('fails no deploy when the change reverted only set the project\'s version, and still does for a dependency\'s bump', () => {
    // bitwarden: the release workflow bumps to 2025.9.3 and a maintainer reverts it, release housekeeping
    const failed = (title: string): boolean => {
      const bump = change('bump', { mergedAt: h(1), title });
      const revert = change('rev', { mergedAt: h(6), title: `Revert "${title}"` });
      bump.revertedBy = revert.sha;
      return assignDeploys([bump, revert], [deploy('v1', h(5), [bump.sha]), deploy('v2', h(8), [revert.sha])], OPTIONS)[0]?.failed ?? false;
    };
    expect(['Bumped version to 2025.9.3', 'chore(release): 1.4.0', 'Bump lodash from 4.17.20 to 4.17.21', 'Add the parser'].map(failed)).toEqual([false, false, true, true]);
  });

  it('fails the deploy when a bump that names a dependency is reverted, unless a later tag of the project names its version', () => {
    // uv: `Bump \`astral-tl\` to v0.7.10 (#16887)` shipped in 0.9.14 and was reverted by #16938 the next day;
    // uv's own 0.7.10 was tagged months before. Tokio's `chore: prepare Tokio v1.48.0` is tagged v1.48.0
    const failed = (title: string, tags: [string, number][]): boolean => {
      const bump = change('bump', { mergedAt: h(10), title });
      const revert = change('rev', { mergedAt: h(16), title: `Revert "${title}"` });
      bump.revertedBy = revert.sha;
      const deploys = [...tags.map(([ref, at]) => deploy(ref, at, [])), deploy('0.9.14', h(15), [bump.sha]), deploy('0.9.15', h(18), [revert.sha])];
      return assignDeploys([bump, revert], deploys, OPTIONS).find((d) => d.ref === '0.9.14')?.failed ?? false;
    };
    expect(failed('Bump `astral-tl` to v0.7.10', [['0.7.10', h(1)]])).toBe(true);
    expect(failed('Bump Polly to 8.5.2', [])).toBe(true);
    expect(failed('chore: prepare Tokio v1.48.0', [['v1.48.0', h(12)]])).toBe(false);
    expect(failed('Bump version to 0.9.14', [])).toBe(false);
  });
});
