import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

const H = 3600;
const ARGS = ['--since', '2026-04-01T12:00:00Z', '--until', '2026-05-01', '--now', '2026-05-01T00:00:00Z'];
const EVIL = 'pipe | tab\there \u001b[31mred\u001b[0m \u001b]0;title\u0007done';

let repo: FixtureRepo;
beforeAll(() => {
  repo = buildRepo([
    { commit: 'initial commit', at: '2026-04-01T00:00:00Z' },
    { branch: 'p7' },
    { commit: 'wip 1', on: 'p7', at: '2026-04-02T09:00:00Z' },
    { commit: 'wip 2\n\nMade-with: Cursor', on: 'p7', at: '2026-04-02T15:00:00Z' },
    { commit: 'Add seven (#7)', on: 'main', at: '2026-04-03T10:00:00Z' },
    { commit: 'land nine, part 1\n\nPR-URL: https://github.com/o/r/pull/9', authorAt: '2026-04-03T20:00:00Z', at: '2026-04-04T10:00:00Z' },
    { commit: 'land nine, part 2\n\nPR-URL: https://github.com/o/r/pull/9', authorAt: '2026-04-03T22:00:00Z', at: '2026-04-04T10:01:00Z' },
    { commit: EVIL, at: '2026-04-05T10:00:00Z' },
  ]);
  // the PR's commits survive only in its pull ref, as in a mirror clone of a squash-merging project
  repo.git('update-ref', 'refs/pull/7/head', 'p7');
  repo.git('branch', '-D', 'p7');
});
afterAll(() => repo.cleanup());

async function json(dir: string, extra: string[] = []): Promise<{ report: Report; stderr: string }> {
  const result = await runCli([dir, '--format', 'json', ...ARGS, ...extra]);
  expect(result.code).toBe(0);
  return { report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

describe('changes of every kind git can see', () => {
  it('takes a squash-merged PR commits from refs/pull/N/head', async () => {
    const { report } = await json(repo.dir);
    const pr7 = report.changes.find((c) => c.id === '#7');
    expect(pr7).toMatchObject({ kind: 'squash', commits: 2, firstCommitAt: '2026-04-02T09:00:00Z', aiAssisted: true, aiEvidence: ['Made-with: Cursor'] });
    expect(pr7?.stages).toMatchObject({ coding: 6 * H, review: 19 * H });
    // no tags here: every merge is its deploy
    expect(pr7?.flags).toEqual(['deploy-is-merge']);
  });

  it('groups commits that share a PR-URL trailer into one change', async () => {
    const { report } = await json(repo.dir);
    const pr9 = report.changes.find((c) => c.id === '#9');
    expect(pr9).toMatchObject({ kind: 'trailer', number: 9, commits: 2, url: 'https://github.com/o/r/pull/9', firstCommitAt: '2026-04-03T20:00:00Z', mergedAt: '2026-04-04T10:01:00Z' });
    expect(pr9?.stages).toMatchObject({ coding: 2 * H, review: 12 * H + 60 });
    expect(report.changes).toHaveLength(3);
  });

  it('without pull refs, says how to fetch them', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'flowaudit-nopull-'));
    try {
      execFileSync('git', ['clone', '-q', '--bare', repo.dir, clone], { stdio: 'ignore' });
      const { report } = await json(clone);
      expect(report.changes.find((c) => c.id === '#7')?.flags).toContain('commits-unseen');
      expect(report.notes.join('\n')).toContain("git fetch origin '+refs/pull/*/head:refs/pull/*/head'");
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('shows a subject with separators and escape sequences safely', async () => {
    const { report } = await json(repo.dir);
    expect(report.changes.at(-1)?.title).toBe(EVIL);
    const text = await runCli([repo.dir, ...ARGS]);
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.stdout).toContain('pipe | tab here red');
  });

  it('reads non-UTF-8 bytes in a message without breaking the fields after them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowaudit-latin1-'));
    try {
      execFileSync('git', ['init', '-q', '-b', 'main', dir]);
      const msg = join(dir, '..', `${dir.split('/').pop()}.msg`);
      writeFileSync(msg, Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' | \x1f\x1e split\n')]));
      execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@x', 'commit', '-q', '--allow-empty', '-F', msg], {
        cwd: dir,
        env: { ...process.env, GIT_AUTHOR_DATE: '2026-04-10T00:00:00Z', GIT_COMMITTER_DATE: '2026-04-10T00:00:00Z' },
      });
      rmSync(msg);
      const { report } = await json(dir);
      expect(report.changes).toHaveLength(1);
      expect(report.changes[0]?.mergedAt).toBe('2026-04-10T00:00:00Z');
      // git takes a message that is not UTF-8 for Latin-1 and re-encodes it (--encoding=UTF-8)
      expect(report.changes[0]?.title).toBe('caf\u00e9\u00ff | \x1f\x1e split');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a blobless partial clone', () => {
  let source: FixtureRepo;
  let clone: string;
  beforeAll(() => {
    source = mainScenario();
    source.git('config', 'uploadpack.allowFilter', 'true');
    clone = mkdtempSync(join(tmpdir(), 'flowaudit-partial-'));
    execFileSync('git', ['clone', '-q', '--bare', '--filter=blob:none', `file://${source.dir}`, clone], { stdio: 'ignore' });
  });
  afterAll(() => {
    source.cleanup();
    rmSync(clone, { recursive: true, force: true });
  });

  it('reports sizes as unknown with a warning, the rest unchanged, and fetches nothing', async () => {
    const packsBefore = readdirSync(join(clone, 'objects', 'pack')).sort();
    const args = ['--since', '2026-03-01T12:00:00Z', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'];
    const partial = await runCli([clone, '--format', 'json', ...args]);
    const full = await runCli([source.dir, '--format', 'json', ...args]);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/flowaudit: warning: \d+ changes have unknown size: this clone lacks some file contents \(a partial clone\)/);
    const p = JSON.parse(partial.stdout) as Report;
    const f = JSON.parse(full.stdout) as Report;
    expect(p.changes.map((c) => c.additions)).toContain(null);
    expect(p.changes.map((c) => [c.id, c.stages, c.leadTime])).toEqual(f.changes.map((c) => [c.id, c.stages, c.leadTime]));
    expect(readdirSync(join(clone, 'objects', 'pack')).sort()).toEqual(packsBefore);
  });
});
