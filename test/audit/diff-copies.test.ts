import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A backport bot's squashes, as electron's trop lands main's `fix: x (#N)` on a release line as `fix: x (#M)`: its own
 * author and date, its own number, and `Backport of #N` only in the pull request's description. June 2026, UTC;
 * main squashes its pull requests; 1-x leaves main at v1.0.0 and changes line 3 of app.js on its own (02):
 *  #10  `fix: guard the parser` changes line 5 (03 10:00); trop's `fix: guard the parser (#20)` on 1-x (04 09:00)
 *       changes that line alike, beside 1-x's own line 3 (other context, same changed lines): v1.0.1 (05 12:00) ships it
 *  #11, #12  both `chore: cherry-pick 1 changes from chromium` (03 11:00, 12:00), adding a.patch and b.patch; trop's
 *       `… (#21)` on 1-x adds b.patch: a copy of #12 alone, which v1.0.1 ships
 *  #13  `fix: trim the cache` changes line 8 (03 13:00); `fix: trim the cache (#22)` on 1-x changes it otherwise (a
 *       backport made by hand): no copy from git alone, and the note counts it with #11
 *  `Revert "fix: guard the parser (#20)"` on 1-x (06 10:00), naming trop's commit, tagged v1.0.2 (06 12:00): v1.0.1
 *       shipped #10 and failed
 */
const base = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const app = (changes: Record<number, string>): string => `${base.map((line, i) => changes[i + 1] ?? line).join('\n')}\n`;
const trop = 'trop[bot] <37223003+trop[bot]@users.noreply.github.com>';
function tropBackports(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-06-01T00:00:00Z', files: { 'app.js': app({}) } },
    { tag: 'v1.0.0', annotated: true, at: '2026-06-01T12:00:00Z' },
    { branch: '1-x' },
    { commit: 'Prepare 1.x', on: '1-x', at: '2026-06-02T10:00:00Z', files: { 'app.js': app({ 3: 'c (1.x)' }) } },
    { commit: 'fix: guard the parser (#10)', on: 'main', at: '2026-06-03T10:00:00Z', files: { 'app.js': app({ 5: 'e guarded' }) } },
    { commit: 'chore: cherry-pick 1 changes from chromium (#11)', on: 'main', at: '2026-06-03T11:00:00Z', files: { 'patches/a.patch': 'A1\n' } },
    { commit: 'chore: cherry-pick 1 changes from chromium (#12)', on: 'main', at: '2026-06-03T12:00:00Z', files: { 'patches/b.patch': 'B1\n' } },
    { commit: 'fix: trim the cache (#13)', on: 'main', at: '2026-06-03T13:00:00Z', files: { 'app.js': app({ 5: 'e guarded', 8: 'h trimmed' }) } },
    { commit: 'fix: guard the parser (#20)', on: '1-x', at: '2026-06-04T09:00:00Z', author: trop, files: { 'app.js': app({ 3: 'c (1.x)', 5: 'e guarded' }) }, id: 'copy10' },
    { commit: 'chore: cherry-pick 1 changes from chromium (#21)', on: '1-x', at: '2026-06-04T10:00:00Z', author: trop, files: { 'patches/b.patch': 'B1\n' } },
    { commit: 'fix: trim the cache (#22)', on: '1-x', at: '2026-06-04T11:00:00Z', files: { 'app.js': app({ 3: 'c (1.x)', 5: 'e guarded', 8: 'h trimmed on 1.x' }) } },
    { tag: 'v1.0.1', annotated: true, at: '2026-06-05T12:00:00Z' },
    {
      commit: (sha) => `Revert "fix: guard the parser (#20)"\n\nThis reverts commit ${sha('copy10')}.`,
      on: '1-x', at: '2026-06-06T10:00:00Z', files: { 'app.js': app({ 3: 'c (1.x)', 8: 'h trimmed on 1.x' }) }, id: 'revert',
    },
    { tag: 'v1.0.2', annotated: true, at: '2026-06-06T12:00:00Z' },
  ]);
}

describe('a backport bot\'s squash that carries a change\'s title and its changed lines', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = tropBackports();
    report = await audit({ path: repo.dir, since: '2026-06-02', until: '2026-06-07', now: '2026-06-07T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const deployedAt = (number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployedAt;

  it('ships the change whose changed lines it repeats, around other lines of its own', () => {
    expect(deployedAt(10)).toBe('2026-06-05T12:00:00Z');
    expect(report.changes.find((c) => c.number === 10)?.deployRef).toBe('v1.0.1');
  });

  it('tells two changes of one title apart by their lines', () => {
    expect(deployedAt(12)).toBe('2026-06-05T12:00:00Z');
    expect(deployedAt(11)).toBeNull();
  });

  it('links nothing whose lines differ, and counts it in the note', () => {
    expect(deployedAt(13)).toBeNull();
    expect(report.notes.filter((n) => /title on a release line/.test(n)).map((n) => n.split(' under ')[0])).toEqual(["2 of the window's 4 counted changes have their title on a release line"]);
  });

  it('fails the release that shipped it when the line reverts the copy', () => {
    const v101 = report.deploys.find((d) => d.ref === 'v1.0.1');
    expect(v101?.failed).toBe(true);
    expect(v101?.failureReasons).toEqual([`shipped #10, reverted on a release line by ${repo.sha('revert').slice(0, 10)} within 14 days`]);
  });
});

describe('a backport bot\'s squash in a blobless clone', () => {
  let source: FixtureRepo;
  let clone: string;
  let report: Report;
  let packsBefore: string[];
  beforeAll(async () => {
    source = tropBackports();
    source.git('config', 'uploadpack.allowFilter', 'true');
    clone = mkdtempSync(join(tmpdir(), 'flowaudit-partial-'));
    execFileSync('git', ['clone', '-q', '--bare', '--filter=blob:none', `file://${source.dir}`, clone], { stdio: 'ignore' });
    packsBefore = readdirSync(join(clone, 'objects', 'pack')).sort();
    report = await audit({ path: clone, since: '2026-06-02', until: '2026-06-07', now: '2026-06-07T00:00:00Z', github: false });
  });
  afterAll(() => {
    source.cleanup();
    rmSync(clone, { recursive: true, force: true });
  });

  it('links what the trees alone say, leaves what needs the lines, and fetches nothing', () => {
    const deployedAt = (number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployedAt;
    // b.patch added from the same blob: #12's copy, known without its contents
    expect(deployedAt(12)).toBe('2026-06-05T12:00:00Z');
    // app.js around other lines: its lines would say, and the clone lacks them
    expect(deployedAt(10)).toBeNull();
    expect(report.notes.filter((n) => /title on a release line/.test(n)).map((n) => n.split(' under ')[0])).toEqual(["3 of the window's 4 counted changes have their title on a release line"]);
    expect(readdirSync(join(clone, 'objects', 'pack')).sort()).toEqual(packsBefore);
  });
});
