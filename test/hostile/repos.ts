/*
 * Repositories for the hostile suite: an origin with a short history in March 2026, and clones of it whose
 * .git/config a test then fills with what a stranger would put there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

export const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];

/** Three changes in March 2026, a tag, and a .gitattributes that sends every file through a driver named evil. */
export function origin(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z', files: { '.gitattributes': '* diff=evil filter=evil\n', 'a.txt': lines(3) } },
    { branch: 'f1' },
    { commit: 'feature one', on: 'f1', at: '2026-03-02T10:00:00Z', files: { 'b.txt': lines(10) } },
    { merge: 'f1', at: '2026-03-03T10:00:00Z', message: 'Merge pull request #1 from ada/f1\n\nAdd feature one' },
    { tag: 'v1.0.0', at: '2026-03-04T10:00:00Z', annotated: true },
    { commit: 'Add feature two (#2)', on: 'main', at: '2026-03-05T12:00:00Z', files: { 'c.txt': lines(7) } },
  ]);
  repo.git('config', 'uploadpack.allowFilter', 'true');
  return repo;
}

export interface Clone {
  dir: string;
  git(...args: string[]): string;
  remove(): void;
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * A clone of `from`: with a work tree, or partial (`--filter=blob:none`, no checkout: every file's content is
 * missing, so any git call that needs one goes to the promisor remote).
 */
export function clone(from: FixtureRepo, kind: 'full' | 'partial'): Clone {
  const parent = mkdtempSync(join(tmpdir(), 'flowaudit-hostile-clone-'));
  const dir = join(parent, 'repo');
  const args = kind === 'partial' ? ['clone', '-q', '--filter=blob:none', '--no-checkout', `file://${from.dir}`, dir] : ['clone', '-q', from.dir, dir];
  git(parent, args);
  return { dir, git: (...a) => git(dir, a), remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/** A blob the partial clone lacks: reading it makes git ask the promisor remote. */
export function missingBlob(c: Clone): string {
  const line = c.git('rev-list', '--objects', '--missing=print', 'HEAD').split('\n').find((l) => l.startsWith('?'));
  if (!line) throw new Error('the partial clone has every object');
  return line.slice(1);
}
