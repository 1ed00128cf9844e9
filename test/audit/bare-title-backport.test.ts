import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A backport pushed to a release line by hand under the change's title bare, its `(#N)` left out, by another author
 * at another time, as hashicorp/nomad's cb7a191f71 on release/2.0.x carried main's #28307 into v2.0.5. June 2026,
 * UTC; main squashes its pull requests; 1.x leaves main at v1.0.0 and changes line 3 of app.js on its own (02):
 *  #10  `scheduler: drop the generated deployment` changes line 5 (03 10:00); the bare title on 1.x (03 10:30, the
 *       release bot) changes that line alike, around 1.x's own line 3: v1.0.1 (05 12:00) ships it
 *  #11  `docs: update the changelog` adds a line to CHANGELOG.md (03 11:00); the bare title on 1.x adds another: no
 *       copy, and no backport's word for the note to count
 *  #12  `fix: trim the cache` changes line 8 (04 10:00); the bare title on 1.x with the same line was pushed before it
 *       merged (04 09:00): no copy of it
 */
const base = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const app = (changes: Record<number, string>): string => `${base.map((line, i) => changes[i + 1] ?? line).join('\n')}\n`;
const bot = 'hc-github-team-nomad-core <82989552+hc-github-team-nomad-core@users.noreply.github.com>';
function bareBackports(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-06-01T00:00:00Z', files: { 'app.js': app({}), 'CHANGELOG.md': '# Changes\n' } },
    { tag: 'v1.0.0', annotated: true, at: '2026-06-01T12:00:00Z' },
    { branch: '1.x' },
    { commit: 'Prepare 1.x', on: '1.x', at: '2026-06-02T10:00:00Z', files: { 'app.js': app({ 3: 'c (1.x)' }) } },
    { commit: 'scheduler: drop the generated deployment (#10)', on: 'main', at: '2026-06-03T10:00:00Z', files: { 'app.js': app({ 5: 'e dropped' }) } },
    { commit: 'scheduler: drop the generated deployment', on: '1.x', at: '2026-06-03T10:30:00Z', author: bot, files: { 'app.js': app({ 3: 'c (1.x)', 5: 'e dropped' }) } },
    { commit: 'docs: update the changelog (#11)', on: 'main', at: '2026-06-03T11:00:00Z', files: { 'CHANGELOG.md': '# Changes\n- 1.1: the scheduler\n' } },
    { commit: 'docs: update the changelog', on: '1.x', at: '2026-06-03T11:30:00Z', files: { 'CHANGELOG.md': '# Changes\n- 1.0.1: the fix\n' } },
    { commit: 'fix: trim the cache', on: '1.x', at: '2026-06-04T09:00:00Z', files: { 'app.js': app({ 3: 'c (1.x)', 5: 'e dropped', 8: 'h trimmed' }) } },
    { commit: 'fix: trim the cache (#12)', on: 'main', at: '2026-06-04T10:00:00Z', files: { 'app.js': app({ 5: 'e dropped', 8: 'h trimmed' }) } },
    { tag: 'v1.0.1', ref: '1.x', annotated: true, at: '2026-06-05T12:00:00Z' },
  ]);
}

describe("a backport under the change's title bare", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = bareBackports();
    report = await audit({ path: repo.dir, since: '2026-06-02', until: '2026-06-07', now: '2026-06-07T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const deployRef = (number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployRef;

  it('ships the change whose changed lines it repeats with the line\'s release', () => {
    expect(deployRef(10)).toBe('v1.0.1');
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.0.1', 1]]);
  });

  it('links nothing whose lines differ or that came first, and says nothing of it in the note', () => {
    expect(deployRef(11)).toBeNull();
    expect(deployRef(12)).toBeNull();
    expect(report.notes.filter((n) => /title on a release line/.test(n))).toEqual([]);
  });
});
