import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const repos: FixtureRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

/** A repository with a stale master and newer work on develop and trunk. */
function branches(options: { bare?: boolean } = {}): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'develop' },
    { branch: 'trunk' },
    { commit: 'develop work', on: 'develop', at: '2026-03-05T10:00:00Z' },
    { commit: 'trunk work', on: 'trunk', at: '2026-03-06T10:00:00Z' },
  ], options);
  repo.git('branch', '-m', 'main', 'master');
  repos.push(repo);
  return repo;
}

const branchOf = async (dir: string): Promise<string> =>
  (await audit({ path: dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false, env: {} })).repository.branch;

describe('the tracked branch', () => {
  it('is the checked-out branch when there is no origin/HEAD, not a stale master', async () => {
    const repo = branches();
    repo.git('checkout', '-q', 'develop');
    expect(await branchOf(repo.dir)).toBe('develop');
  });

  it('is origin/HEAD\'s branch when the clone has one', async () => {
    const repo = branches();
    repo.git('remote', 'add', 'origin', repo.dir);
    repo.git('fetch', '-q', 'origin');
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    repo.git('checkout', '-q', 'develop');
    expect(await branchOf(repo.dir)).toBe('trunk');
  });

  it("is a bare mirror's HEAD branch, read with its refs", async () => {
    const repo = branches({ bare: true });
    repo.git('symbolic-ref', 'HEAD', 'refs/heads/develop');
    expect(await branchOf(repo.dir)).toBe('develop');
  });

  it("is a linked worktree's own checked-out branch, not the main worktree's", async () => {
    const repo = branches();
    repo.git('checkout', '-q', 'develop');
    const linked = join(mkdtempSync(join(tmpdir(), 'flowaudit-linked-')), 'trunk');
    repo.git('worktree', 'add', '-q', linked, 'trunk');
    try {
      expect(await branchOf(linked)).toBe('trunk');
      expect(await branchOf(repo.dir)).toBe('develop');
    } finally {
      rmSync(join(linked, '..'), { recursive: true, force: true });
    }
  });

  it("is origin's namesake of a checked-out branch with no commit yet", async () => {
    const repo = branches();
    repo.git('remote', 'add', 'origin', repo.dir);
    repo.git('fetch', '-q', 'origin');
    repo.git('branch', '-D', 'develop');
    repo.git('checkout', '-q', '--orphan', 'develop');
    expect(await branchOf(repo.dir)).toBe('develop');
  });

  it('falls back to main, master, then trunk when HEAD is detached', async () => {
    const repo = branches();
    repo.git('checkout', '-q', '--detach', 'develop');
    expect(await branchOf(repo.dir)).toBe('master');
    repo.git('branch', '-D', 'master');
    expect(await branchOf(repo.dir)).toBe('trunk');
  });
});
