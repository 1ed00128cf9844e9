import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { postReleaseBumps } from '../histories/post-release-bumps.js';

const WINDOW = ['--since', '2026-04-01T12:00:00Z', '--until', '2026-05-01', '--now', '2026-05-01T00:00:00Z', '--no-github'];

let repo: FixtureRepo;
beforeAll(() => {
  repo = postReleaseBumps();
});
afterAll(() => repo.cleanup());

describe('post-release bumps (the truth is in the history\'s comment)', () => {
  it('leaves out the direct push that turns the version back to development right after a release, as a release commit', async () => {
    const { stdout, code } = await runCli([repo.dir, '--format', 'json', ...WINDOW]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as Report;
    expect(r.changes.filter((c) => c.flags.includes('release-commit')).map((c) => c.title)).toEqual([
      'release 1.0.0',
      'back to dev',
      'Release 1.1.0',
      '[maven-release-plugin] prepare release 1.2.0',
      '[maven-release-plugin] prepare for next development iteration',
      'start version 1.4.0',
      '- 1.6.0',
      'Version 1.6.1 placeholder',
      'Next development version (v1.7.1-SNAPSHOT)',
      '🔖 Release version 1.9.0',
    ]);
    // a dev version set after a change, and a pull request right after a release, are changes
    expect(r.changes.filter((c) => c.counted).map((c) => c.title)).toEqual(['Add feature one', 'fix: parser', 'set version to 1.1.0.dev', 'Post-release version bump', 'fix: lexer', 'start version 1.5.0', 'fix: cache', 'fix: socket', 'Next development version (v1.8.1-SNAPSHOT)', '📝 Update release notes', 'Release version 2.0.0', '📝 Update release notes']);
    expect(r.summary.excluded).toEqual({ bots: 0, syncs: 1, releases: 10, syncedPulls: 0, carryingSyncs: 0 });
    expect(r.deploys.map((d) => [d.ref, d.changes])).toEqual([['1.0.0', 2], ['v1.1.0', 2], ['v1.2.0', 1], ['1.3.0', 0], ['rel_1_6_0', 2], ['v1.7.0', 1], ['1.9.0', 3], ['2.0.0', 2]]);
  });

  it('says how many it left out', async () => {
    const text = (await runCli([repo.dir, ...WINDOW])).stdout;
    expect(text).toContain('12 changes counted (left out: 1 sync, 10 release commits)');
  });
});
