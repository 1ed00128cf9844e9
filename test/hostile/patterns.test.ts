/*
 * Patterns and manifests from the audited repository, the config and the command line (issue 41): workspace
 * globs read from the history, CODEOWNERS patterns, the config's product paths and `path:` slices, shaped to make a
 * backtracking matcher take exponential time (`a*a*a*…`, `**\/**\/…`, `**\/a/**\/a/…` against a deep path), and
 * manifests whose lines a regex reader took the square of their length to read. Each case runs the built command
 * in a child process, killed after 30 s; the patterns must cost under 2 s beyond a report of the same repository
 * without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { expectReport, NOW, run, sandbox, type Outcome, type Sandbox } from './harness.js';

const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', ...NOW, '--no-github', '--format', 'json'];
// a folder 40 deep, and a name of 60 a's: what the hostile globs nearly match
const DEEP = `${'a/'.repeat(40)}c`;
const LONG = 'a'.repeat(60);
const STARS = `${'a*'.repeat(40)}b`;
const GLOBSTARS = `${'**/'.repeat(30)}b`;
const ALTERNATING = `${'**/a/'.repeat(25)}b`;

/**
 * Two packages tagged in February (x@1.0.0, y@1.0.0: the workspace's manifests are read), their folders 40 deep
 * and 60 a's long, and changes in March touching them; `files` adds or replaces the hostile ones.
 */
function repository(files: Record<string, string> = {}): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"private": true, "workspaces": ["pkgs/*"]}\n',
        'pkgs/x/package.json': '{"name": "x"}\n',
        'pkgs/y/package.json': '{"name": "y"}\n',
        [`${DEEP}/package.json`]: '{"name": "deep"}\n',
        [`${LONG}/package.json`]: '{"name": "long"}\n',
        ...files,
      },
    },
    { tag: 'x@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'y@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { commit: 'deep change', at: '2026-03-02T12:00:00Z', files: { [`${DEEP}/x.txt`]: 'one\n', 'pkgs/x/a.ts': 'one\n' } },
    { commit: 'long change', at: '2026-03-03T12:00:00Z', files: { [`${LONG}/x.txt`]: 'one\n', 'pkgs/y/a.ts': 'one\n' } },
    { tag: 'x@1.1.0', at: '2026-03-04T12:00:00Z', annotated: true },
    { tag: 'y@1.1.0', at: '2026-03-04T12:00:00Z', annotated: true },
  ]);
}

describe('patterns and manifests from outside finish in linear time', () => {
  const repos: FixtureRepo[] = [];
  let box: Sandbox;
  let baseline = 0;
  const timed = async (repo: FixtureRepo, args: string[] = []): Promise<{ outcome: Outcome; ms: number }> => {
    const start = performance.now();
    const outcome = await run(box, ['report', repo.dir, ...WINDOW, ...args], { subprocess: true, timeout: 30_000 });
    return { outcome, ms: performance.now() - start };
  };
  /** The report of a hostile repository: written in full, within 2 s of the plain one's time. */
  const report = async (files: Record<string, string>, args: string[] = []): Promise<{ warnings: string[]; products?: Array<{ name: string }> } & Record<string, unknown>> => {
    const repo = repository(files);
    repos.push(repo);
    const { outcome, ms } = await timed(repo, args);
    const text = expectReport(outcome);
    expect(ms - baseline, `took ${Math.round(ms)} ms against ${Math.round(baseline)} ms`).toBeLessThan(2000);
    const json = JSON.parse(text) as { warnings: string[]; summary: { products?: Array<{ name: string }> } };
    return { ...json, products: json.summary.products };
  };
  beforeAll(async () => {
    box = sandbox();
    const plain = repository();
    repos.push(plain);
    // the slower of two plain runs: the first warms the disk cache
    baseline = Math.max((await timed(plain)).ms, (await timed(plain)).ms);
  }, 120_000);
  afterAll(() => {
    for (const r of repos) r.cleanup();
    box.remove();
  });

  it('a*a*a*…b as a pnpm workspace glob, against a folder of 60 a\'s', async () => {
    const json = await report({ 'pnpm-workspace.yaml': `packages:\n  - '${STARS}'\n  - 'pkgs/*'\n` });
    expect(json.products?.map((p) => p.name).sort()).toEqual(['x', 'y']);
  }, 60_000);

  it('**/**/…/b as package.json workspaces and Cargo members, against a folder 40 deep', async () => {
    const json = await report({
      'package.json': `{"private": true, "workspaces": ["pkgs/*", "${GLOBSTARS}"]}\n`,
      'Cargo.toml': `[workspace]\nmembers = ["${GLOBSTARS}", "${ALTERNATING}"]\n`,
      [`${DEEP}/Cargo.toml`]: '[package]\nname = "deep"\n',
    });
    expect(json.products?.map((p) => p.name).sort()).toEqual(['x', 'y']);
  }, 60_000);

  it('**/a/**/a/…/b in CODEOWNERS, with --by team, against a path 40 deep', async () => {
    const json = await report({ '.github/CODEOWNERS': `* @acme/all\n${ALTERNATING} @acme/deep\n${STARS} @acme/long\n` }, ['--by', 'team']);
    expect(json.warnings).toEqual([]);
  }, 60_000);

  it('**/a/**/a/…/b, **/**/…/b and a*a*a*…b as product paths in the config', async () => {
    const json = await report({ '.flowaudit.json': `{"products": {"deep": {"paths": ["${ALTERNATING}", "${GLOBSTARS}", "${STARS}"], "tags": "^deep-v"}, "x": {"paths": ["pkgs/x/**"]}}}\n` });
    // deep's globs match nothing of the window: it has no row
    expect([json.products?.map((p) => p.name).sort(), json.warnings]).toEqual([['x', 'y'], []]);
  }, 60_000);

  it('**/a/**/a/…/b as a path: slice a gate names, against a path 40 deep', async () => {
    await report({}, ['--fail-on', `path:${ALTERNATING}/changes>=0`]);
  }, 60_000);

  it('a 300 KB item in pnpm-workspace.yaml, and 200,000 blank lines in Cargo.toml', async () => {
    const json = await report({
      'pnpm-workspace.yaml': `packages:\n  - ${'a'.repeat(300_000)}   \n  - 'pkgs/*'\n`,
      'Cargo.toml': `[workspace]\n${'\n'.repeat(200_000)}members = ["${DEEP}"]\n`,
      [`${DEEP}/Cargo.toml`]: '[package]\nname = "deep-crate"\n',
    });
    expect(json.products?.map((p) => p.name).sort()).toEqual(['x', 'y']);
  }, 60_000);

  it('a glob past what one may cost is left out, with a warning naming where it was', async () => {
    const json = await report({
      'pnpm-workspace.yaml': `packages:\n  - '${'a*'.repeat(101)}'\n  - 'pkgs/*'\n`,
      '.github/CODEOWNERS': `* @acme/all\n${'a*'.repeat(101)} @acme/long\n`,
    }, ['--by', 'team']);
    expect(json.warnings).toEqual([
      'a workspace glob in pnpm-workspace.yaml is left out (more than 100 wildcards): the packages only it names are not products',
      '.github/CODEOWNERS: the pattern on line 2 is past what one glob may cost (over 1000 characters or 100 wildcards) and left out',
    ]);
  }, 60_000);
});
