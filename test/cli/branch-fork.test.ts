import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A branch cut from the default one: before the cut its history is the default branch's. electron's `43-x-y`, cut from
 * main on 2026-05-06, compared main's 395 changes (lead time 73 days, released in v43.0.0) with its own 47 backports
 * (7.8 days) and called it "better".
 */
let repo: FixtureRepo;
beforeAll(() => {
  repo = buildRepo([
    { commit: 'root', at: '2026-01-05T10:00:00Z' },
    // GitFlow's develop, cut at the root: main gets its releases by merges, so the two share a recent merge base
    { branch: 'develop' },
    { commit: 'feature one', on: 'main', at: '2026-01-20T10:00:00Z' },
    { tag: 'v0.1.0', at: '2026-01-21T10:00:00Z' },
    { commit: 'feature two', at: '2026-02-10T10:00:00Z' },
    { commit: 'feature three', at: '2026-03-10T10:00:00Z' },
    { tag: 'v0.2.0', at: '2026-03-11T10:00:00Z' },
    { commit: 'feature four', at: '2026-04-10T10:00:00Z' },
    // the release line is cut here, on 2026-05-01
    { commit: 'feature five', at: '2026-05-01T12:00:00Z' },
    { branch: 'release' },
    { commit: 'feature six', at: '2026-06-01T10:00:00Z' },
    { commit: 'backport of six', on: 'release', at: '2026-06-03T10:00:00Z' },
    { tag: 'v1.0.1', at: '2026-06-04T10:00:00Z' },
    { commit: 'backport two', at: '2026-07-01T10:00:00Z' },
    { tag: 'v1.0.2', at: '2026-07-02T10:00:00Z' },
    { commit: 'develop work', on: 'develop', at: '2026-02-01T10:00:00Z' },
    { commit: 'more develop work', on: 'develop', at: '2026-06-10T10:00:00Z' },
    { merge: 'develop', into: 'main', at: '2026-06-15T10:00:00Z', message: "Merge branch 'develop'" },
    { commit: 'develop after the release', on: 'develop', at: '2026-07-10T10:00:00Z' },
  ]);
});
afterAll(() => repo.cleanup());

const previousOf = async (args: string[]): Promise<NonNullable<Report['summary']['previous']>> => {
  const result = await runCli(['report', repo.dir, '--format', 'json', '--no-github', ...args]);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as Report).summary.previous as NonNullable<Report['summary']['previous']>;
};

describe('the previous period of a branch cut from the default one', () => {
  it('is not compared when the branch was cut inside it, and every format says where it was cut', async () => {
    // window 2026-05-03 → 2026-08-01; the previous one 2026-02-02 → 2026-05-03 holds the cut (2026-05-01 12:00)
    const now = ['--branch', 'release', '--now', '2026-08-01T00:00:00Z'];
    const previous = await previousOf(now);
    expect(previous).toMatchObject({ covered: false, forked: { from: 'main', at: '2026-05-01T12:00:00Z' }, rows: [] });
    const text = await runCli(['report', repo.dir, '--width', '200', '--no-color', '--no-github', ...now]);
    expect(text.stdout).toContain("Previous period (2026-02-02 → 2026-05-03): not compared: release branched off main on 2026-05-01, and until then its history is main's");
    const markdown = await runCli(['report', repo.dir, '--format', 'markdown', '--no-github', ...now]);
    expect(markdown.stdout).toContain('release branched off main on 2026-05-01');
    const html = await runCli(['report', repo.dir, '--format', 'html', '--no-github', ...now]);
    expect(html.stdout).toContain('release branched off main on 2026-05-01, and until then its history is main&#39;s');
  });

  it('says so when the branch was cut inside the window itself, with how many of its changes were main\'s', async () => {
    // window 2026-03-17 → 2026-06-15: main's feature three (03-10) is before it; four (04-10) and five (05-01, the cut)
    // are main's, the backport of six (06-03) the branch's own
    const result = await runCli(['report', repo.dir, '--format', 'json', '--no-github', '--branch', 'release', '--now', '2026-06-15T00:00:00Z']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.summary.changes).toBe(3);
    expect(report.notes).toContain("release branched off main on 2026-05-01, inside the window: 2 changes merged before then are main's, counted with the branch's own.");
    // a window after the cut says nothing
    const later = JSON.parse((await runCli(['report', repo.dir, '--format', 'json', '--no-github', '--branch', 'release', '--now', '2026-08-01T00:00:00Z'])).stdout) as Report;
    expect(later.notes.join(' ')).not.toContain('branched off');
  });

  it('is compared when the branch was cut before it started', async () => {
    // window 2026-08-17 → 2026-11-15; the previous one starts 2026-05-19, after the cut
    const previous = await previousOf(['--branch', 'release', '--now', '2026-11-15T00:00:00Z']);
    expect(previous.covered).toBe(true);
    expect(previous.forked).toBeUndefined();
  });

  it('is compared for a GitFlow develop, whose own line left main at its first commit', async () => {
    // develop and main share a merge base of 2026-06-10 (main merged develop on 06-15): their first-parent lines meet at the root
    expect(repo.git('merge-base', 'develop', 'main').trim()).toBe(repo.git('rev-parse', 'develop~1').trim());
    const previous = await previousOf(['--branch', 'develop', '--now', '2026-08-01T00:00:00Z']);
    expect(previous.covered).toBe(true);
    expect(previous.forked).toBeUndefined();
  });

  it('is compared for the default branch named by --branch, and for a point of its line (a tag)', async () => {
    const previous = await previousOf(['--branch', 'main', '--now', '2026-08-01T00:00:00Z']);
    expect(previous.covered).toBe(true);
    expect(previous.forked).toBeUndefined();
    // v0.2.0 is main's commit of 2026-03-10, inside the previous window (2026-01-06 → 2026-04-06): no line of its own
    const tagged = await previousOf(['--branch', 'v0.2.0', '--now', '2026-07-05T00:00:00Z']);
    expect(tagged.covered).toBe(true);
    expect(tagged.forked).toBeUndefined();
  });
});
