import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { authors } from '../histories/authors.js';
import { landings } from '../histories/landings.js';
import { mergeMainLast } from '../histories/merge-main-last.js';
import { movedFile } from '../histories/moved-file.js';
import { partialClones } from '../histories/partial-clone.js';
import { rebaseMerge } from '../histories/rebase-merge.js';
import { rebasedSquash } from '../histories/rebased-squash.js';
import { releaseLine } from '../histories/release-line.js';
import { reland } from '../histories/reland.js';
import { stackedSquash } from '../histories/stacked-squash.js';

const H = 3600;
const D = 86400;
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** The git-only report of a fixture history, window March 2026 (the truth is in each builder's comment). */
async function report(build: () => FixtureRepo): Promise<{ repo: FixtureRepo; report: Report; find(id: string): ReportChange }> {
  const repo = build();
  cleanups.push(() => repo.cleanup());
  return { repo, ...(await auditDir(repo.dir)) };
}

async function auditDir(dir: string): Promise<{ report: Report; find(id: string): ReportChange }> {
  const r = await audit({ path: dir, since: '2026-03-01T12:00:00Z', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false, env: {} });
  const find = (id: string): ReportChange => {
    const found = r.changes.find((c) => c.id === id || c.title === id);
    if (!found) throw new Error(`no change ${id} in ${r.changes.map((c) => c.id).join(', ')}`);
    return found;
  };
  return { report: r, find };
}

describe('a change\'s own commits, on histories whose truth is known by construction', () => {
  it('keeps a rebased pull request\'s first commit, and flags the rebase', async () => {
    const { find } = await report(rebasedSquash);
    expect(find('#10')).toMatchObject({ kind: 'squash', commits: 2, firstCommitAt: '2026-03-02T09:00:00Z', flags: ['deploy-is-merge', 'rebased'] });
    expect(find('#10').stages).toMatchObject({ coding: D, review: 9 * D + 6 * H });
  });

  it('leaves a stacked pull request\'s base commits to the base', async () => {
    const { find } = await report(stackedSquash);
    expect([find('#20'), find('#21'), find('#22')].map((c) => [c.commits, c.firstCommitAt])).toEqual([
      [2, '2026-03-02T10:00:00Z'],
      [1, '2026-03-04T10:00:00Z'],
      [1, '2026-03-07T09:00:00Z'],
    ]);
  });

  it('ends a pull request\'s coding at its last own commit, not at a merge of main', async () => {
    const { find } = await report(mergeMainLast);
    expect([find('#30').commits, find('#30').stages.coding, find('#30').stages.review]).toEqual([2, 8 * H, 4 * D + 17 * H]);
    expect([find('#31').commits, find('#31').stages.coding, find('#31').stages.review]).toEqual([2, 3 * H, 5 * D + 22 * H]);
  });

  it('counts every commit of a reland, all of them copies of the reverted change', async () => {
    const { repo, find } = await report(reland);
    expect(find('#40').revertedBy).toBe(repo.sha('revert40'));
    expect(find('#41')).toMatchObject({ commits: 2, firstCommitAt: '2026-03-02T09:00:00Z' });
    expect(find('#41').stages).toMatchObject({ coding: 3 * H, review: 6 * D + 22 * H });
  });

  it('leaves release-line commits out of a pull request cut from the line, and a merge of the line out of the figures', async () => {
    const { report: r, find } = await report(releaseLine);
    expect(find('#50')).toMatchObject({ kind: 'merge', commits: 1, firstCommitAt: '2026-03-10T09:00:00Z' });
    expect(find('#51').kind).toBe('sync');
    expect(find('#53')).toMatchObject({ kind: 'squash', commits: 1, firstCommitAt: '2026-03-14T09:00:00Z' });
    expect(r.summary.excluded.syncs).toBe(1);
  });
});

describe('rebase merges in git-only mode', () => {
  it('makes one change of each rebase-merged pull request when the clone has its pull ref', async () => {
    const { find, report: r } = await report(rebaseMerge);
    expect(find('#60')).toMatchObject({ kind: 'rebase', commits: 3, firstCommitAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-04T10:00:00Z' });
    expect(find('#60').stages).toMatchObject({ coding: D, review: D + H });
    expect(find('#61')).toMatchObject({ kind: 'rebase', commits: 1, firstCommitAt: '2026-03-03T15:00:00Z', mergedAt: '2026-03-04T10:05:00Z' });
    expect(find('direct push').kind).toBe('direct');
    expect(r.changes).toHaveLength(3);
  });

  it('without pull refs, each rebased commit is a direct change', async () => {
    const repo = rebaseMerge();
    const clone = mkdtempSync(join(tmpdir(), 'flowaudit-nopull-'));
    cleanups.push(() => repo.cleanup(), () => rmSync(clone, { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, clone], { stdio: 'ignore' });
    const { report: r } = await auditDir(clone);
    expect(r.changes.map((c) => c.kind)).toEqual(['direct', 'direct', 'direct', 'direct', 'direct']);
  });
});

describe('landing kinds and reverts', () => {
  it('reads each landing as the pull request it was, and finds every revert', async () => {
    const { repo, find } = await report(landings);
    expect(find('#90').revertedBy).toBe(repo.sha('revert90'));
    expect(find('#92')).toMatchObject({ kind: 'merge', commits: 1, firstCommitAt: '2026-03-02T11:00:00Z', revertedBy: repo.sha('revert92') });
    expect(find('#100')).toMatchObject({ kind: 'squash', commits: 2, firstCommitAt: '2026-03-02T09:00:00Z', url: 'https://github.com/acme/app/pull/100' });
    expect(find('#101')).toMatchObject({ kind: 'squash', commits: null, firstCommitAt: null, flags: ['commits-unseen', 'deploy-is-merge'] });
    expect(find('#102').revertedBy).toBe(repo.sha('revert102'));
    expect(find('#104')).toMatchObject({ commits: 1, firstCommitAt: '2026-03-09T08:00:00Z' });
    expect(find('#104').stages).toMatchObject({ coding: 0, review: 2 * H });
  });
});

describe('bots and AI agents', () => {
  it('leaves CI identities out, keeps a change a robot merged, and counts an AI agent\'s work as AI-assisted', async () => {
    const { report: r, find } = await report(authors);
    expect(r.changes.map((c) => [c.author, c.bot, c.aiAssisted])).toEqual([
      ['GitHub Actions', true, false],
      ['Gopher Robot', true, false],
      ['Ada Lovelace', false, false],
      ['Copilot', false, true],
      ['Ada Lovelace', false, true],
      ['Ada Lovelace', false, false],
      ['Ada Lovelace', false, true],
    ]);
    expect(find('#71').aiEvidence).toEqual(['author: Copilot']);
    expect(r.summary.excluded.bots).toBe(2);
    // #71 Copilot's agent's, the 06 push Claude's (its trailer), the 08 push Copilot's (its co-author)
    expect(r.summary.ai).toEqual({
      assisted: 3, other: 2, agent: 1, weak: 0, lowerBound: true,
      tools: [{ tool: 'copilot', name: 'GitHub Copilot', changes: 2, weak: 0 }, { tool: 'claude-code', name: 'Claude Code', changes: 1, weak: 0 }],
    });
  });
});

describe('sizes', () => {
  it('counts a moved file as the lines that changed, not a rewrite', async () => {
    const { find } = await report(movedFile);
    expect([find('move big.ts to lib').additions, find('move big.ts to lib').deletions, find('move big.ts to lib').files]).toEqual([0, 0, 1]);
    expect([find('#80').additions, find('#80').deletions, find('#80').files]).toEqual([1, 0, 1]);
  });

  it('leaves unknown exactly the sizes of the commits whose contents a partial clone lacks, and fetches nothing', async () => {
    const clones = partialClones();
    cleanups.push(() => clones.cleanup());
    for (const dir of [clones.clone, clones.orphan]) {
      const packs = readdirSync(join(dir, 'objects', 'pack')).sort();
      const { report: r } = await auditDir(dir);
      expect(r.changes.map((c) => [c.title, c.additions])).toEqual([
        ['small one', 3], ['add big', null], ['small two', 5], ['grow big', null], ['small three', 7],
      ]);
      expect(r.warnings).toContain('2 changes have unknown size: this clone lacks some file contents (a partial clone); the rest of the report is unaffected');
      expect(readdirSync(join(dir, 'objects', 'pack')).sort()).toEqual(packs);
    }
  });
});
