/*
 * A checkout owned by another user (a CI workspace, a mounted volume) is refused by git unless the user's
 * global config trusts it with safe.directory. flowaudit reads those entries only once git has refused: the
 * read must then be made again with them, for every git process that was refused, however many run at once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli-run.js';

// only root can hand a directory to another user
const root = process.getuid?.() === 0;

describe.skipIf(!root)('a repository owned by another user', () => {
  let dir: string;
  let repo: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-owner-'));
    repo = join(dir, 'repo');
    const git = (...args: string[]): void => {
      execFileSync('git', args, { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2026-03-02T10:00:00Z', GIT_COMMITTER_DATE: '2026-03-02T10:00:00Z' }, stdio: 'ignore' });
    };
    git('init', '-q', '-b', 'main', repo);
    git('-C', repo, '-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '--allow-empty', '-m', 'first');
    git('-C', repo, 'tag', 'v1.0.0');
    execFileSync('chown', ['-R', '65534:65534', repo]);
    writeFileSync(join(dir, 'trusting'), `[safe]\n\tdirectory = ${repo}\n`);
    writeFileSync(join(dir, 'empty'), '');
    chownSync(dir, 0, 0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const flowaudit = (globalConfig: string): { code: number | null; stdout: string; stderr: string } => {
    const env = { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_GLOBAL: join(dir, globalConfig) };
    const r = spawnSync(process.execPath, [BIN, 'report', repo, '--format', 'json', '--no-github', '--since', '2026-01-01', '--now', '2026-03-20T00:00:00Z'], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('is read when the global config trusts it', () => {
    const r = flowaudit('trusting');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes.map((c: { title: string }) => c.title)).toEqual(['first']);
  });

  it('is refused with the way to trust it otherwise', () => {
    const r = flowaudit('empty');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `flowaudit: git refuses to read ${repo}: it belongs to another user\n  if you trust it, run \`git config --global --add safe.directory ${repo}\` (flowaudit honours safe.directory from your global config)\n`,
    );
  });
});
