import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

let repo: FixtureRepo;
const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'flowaudit-err-'));
  temps.push(dir);
  return dir;
};
const NOW = ['--now', '2026-04-01T00:00:00Z'];

beforeAll(() => {
  repo = mainScenario();
});
afterAll(() => {
  repo.cleanup();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Every error is one line (plus an optional hint), exit 2, and never a stack trace. */
async function expectError(args: string[], message: string, code = 2): Promise<void> {
  const result = await runCli(args);
  expect(result.stderr).toBe(`flowaudit: ${message}\n`);
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
}

describe('bad input gets one line, exit 2 and no stack trace', () => {
  it('a directory that is not a git repository', async () => {
    const dir = tempDir();
    await expectError([dir], `${dir} is not a git repository: run flowaudit inside one, or pass its path (flowaudit report PATH)`);
  });

  it('a path that does not exist', async () => {
    const dir = join(tempDir(), 'nope');
    await expectError([dir], `${dir} does not exist or is not a directory: give the path of a git repository`);
  });

  it('a repository with no commits', async () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q', dir]);
    await expectError([dir], `${dir} has no commits yet: there is no history to audit`);
  });

  it('an unknown branch', async () => {
    await expectError([repo.dir, '--branch', 'nope'], "unknown branch 'nope': list branches with `git branch -a` and pass one with --branch");
  });

  it('a ref that git would read as an option never reaches git', async () => {
    const target = join(tmpdir(), 'pwned');
    await expectError([repo.dir, `--branch=--output=${target}`], `invalid branch '--output=${target}': a ref cannot start with '-' or be empty`);
    expect(existsSync(target)).toBe(false);
  });

  it('an unparseable --since', async () => {
    await expectError([repo.dir, '--since', 'last tuesday'], "--since 'last tuesday' is not a date: use an ISO date (2026-01-31, 2026-01-31T12:00:00Z) or a span like 90d, 12w, 6mo");
  });

  it('--since after --until', async () => {
    await expectError([repo.dir, '--since', '2026-05-01', '--until', '2026-04-01'], '--since (2026-05-01T00:00:00.000Z) must be before --until (2026-04-01T00:00:00.000Z)');
  });

  it('an invalid --tag-pattern', async () => {
    await expectError([repo.dir, '--tag-pattern', 'v(', ...NOW], "--tag-pattern 'v(' is not a valid regular expression: missing closing )");
  });

  it('an unknown option', async () => {
    const result = await runCli([repo.dir, '--frobnicate']);
    expect(result.stderr).toBe("flowaudit: no option --frobnicate; see flowaudit --help\n");
    expect(result.code).toBe(2);
  });

  it('an unwritable --output leaves nothing behind', async () => {
    const dir = tempDir();
    const target = join(dir, 'missing-dir', 'report.json');
    await expectError([repo.dir, '--format', 'json', '--output', target, ...NOW], `cannot write ${target}: no such directory (ENOENT); nothing was replaced`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('edge cases that are not errors', () => {
  it('an empty window says so and exits 0', async () => {
    const result = await runCli([repo.dir, '--since', '2020-01-01', '--until', '2020-02-01', ...NOW]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No changes merged between 2020-01-01 and 2020-02-01 UTC.');
    const json = await runCli([repo.dir, '--since', '2020-01-01', '--until', '2020-02-01', '--format', 'json', ...NOW]);
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: 1, changes: [], deploys: [], summary: { changes: 0 } });
  });

  it('--output writes the file whole and prints nothing', async () => {
    const target = join(tempDir(), 'report.csv');
    const result = await runCli([repo.dir, '--format', 'csv', '--output', target, '--since', '2026-03-01T12:00:00Z', ...NOW]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(target)).toBe(true);
  });

  it('a shallow clone gets a warning on stderr, the report still on stdout', async () => {
    const dir = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${repo.dir}`, dir], { stdio: 'ignore' });
    const result = await runCli([dir, '--format', 'json', ...NOW]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('flowaudit: warning: this is a shallow clone: history is cut, so early changes may be missing or wrong; deepen it with `git fetch --unshallow`');
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
  });
});

describe('an error flowaudit did not expect', () => {
  it('exits 4, never 1 (which CI reads as a breached threshold), with one line and no stack', async () => {
    let stderr = '';
    const code = await run([repo.dir, ...NOW, '--format', 'json'], {
      stdout: { write: () => { throw new TypeError('the terminal went away'); }, isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      env: {},
      cwd: process.cwd(),
    });
    expect(code).toBe(4);
    expect(stderr).toBe('flowaudit: unexpected error: the terminal went away (run with --debug and report it)\n');
  });
});

describe('usage errors in flowaudit\'s words, not commander\'s', () => {
  it.each([
    [['report', '--format', 'pdf'], "flowaudit: --format 'pdf' is not one of text, json, csv, trends-csv, previous-csv, markdown, html; see flowaudit --help\n"],
    [['report', '--since'], 'flowaudit: --since needs a value (<when>); see flowaudit --help\n'],
    [['report', '--colr'], 'flowaudit: no option --colr: did you mean --color?\n'],
    [['compare', 'a.json'], 'flowaudit: the argument <after> is missing; see flowaudit --help\n'],
    [['init', 'a', 'b'], 'flowaudit: init takes 1 argument, not 2; see flowaudit --help\n'],
  ])('%j', async (args, stderr) => {
    const result = await runCli(args);
    expect(result.stderr).toBe(stderr);
    expect(result.stderr).not.toMatch(/error:|Allowed choices|argument missing|required argument/);
    expect(result.code).toBe(2);
  });
});

describe('GitHub out of reach', () => {
  it('says how to go on: --no-github', async () => {
    const result = await runCli([repo.dir, '--api-url', 'http://127.0.0.1:9/graphql', '--no-cache', '--timeout', '2', '--repo', 'acme/shop', ...NOW], { GH_ENTERPRISE_TOKEN: 'x' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^flowaudit: cannot reach GitHub at http:\/\/127\.0\.0\.1:9\/graphql .*\n {2}.*or run again with --no-github to report from git alone\n$/);
  });
});
