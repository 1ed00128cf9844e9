import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo, type Step } from '../helpers/git-fixture.js';

/*
 * grpc-go tagged `1.69.3` (no `v`) on a master commit once, among 240 `v` tags: Go reads a module's versions from `v`
 * tags alone, so it was never a release, yet it read as one of 31 changes that failed by a revert. The same history
 * without a go.mod keeps its bare tag: any other project may tag so.
 */
const plan = (goMod: boolean): Step[] => [
  { commit: 'start', at: '2026-05-01T00:00:00Z', files: { [goMod ? 'go.mod' : 'package.json']: goMod ? 'module example.com/acme\n\ngo 1.22\n' : '{"name": "acme"}\n' } },
  { tag: 'v1.0.0', at: '2026-05-01T01:00:00Z' },
  { commit: 'feat: one', at: '2026-05-05T00:00:00Z' },
  { tag: '1.0.1', at: '2026-05-05T01:00:00Z' },
  { commit: 'feat: two', at: '2026-05-10T00:00:00Z' },
  { tag: 'v1.1.0', at: '2026-05-10T01:00:00Z' },
];

let goRepo: FixtureRepo;
let npmRepo: FixtureRepo;
beforeAll(() => {
  goRepo = buildRepo(plan(true));
  npmRepo = buildRepo(plan(false));
});
afterAll(() => {
  goRepo.cleanup();
  npmRepo.cleanup();
});

const deploysOf = async (repo: FixtureRepo): Promise<string[]> => {
  const result = await runCli(['report', repo.dir, '--format', 'json', '--no-github', '--now', '2026-05-20T00:00:00Z']);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as Report).deploys.map((d) => d.ref);
};

describe('a bare version tagged after the v versions began', () => {
  it('is no deploy of a Go module: feat: one ships with v1.1.0', async () => {
    expect(await deploysOf(goRepo)).toEqual(['v1.0.0', 'v1.1.0']);
  });

  it('is one where the repository is no Go module', async () => {
    expect(await deploysOf(npmRepo)).toEqual(['v1.0.0', '1.0.1', 'v1.1.0']);
  });
});
