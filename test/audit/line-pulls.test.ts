import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../../fixtures/github-server/server.mjs';
import { audit } from '../../src/audit/index.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const H = 3600;
const D = 86400;
const TOKEN = 'ghp_linePullsToken0123456789abcdefABCD';
const LINE_READ = 'ReleaseLinePullRequests';

/*
 * A backport pull request whose squash says its title alone, truth by construction (May 2026, UTC; every change
 * on main a squash):
 *  #10 Fix the parser      02 10:00   trop's pull request #20 onto 1.x lands 03 08:00 as `[1.x] Fix the parser
 *                                     (#20)`, a new author and a new date; its description says `Backport of #10`:
 *                                     in GitHub mode v1.0.1 (03 12:00) ships it, deploy 1d 2h; from git alone
 *                                     nothing names it there, and v1.1.0 (05 12:00) ships it, deploy 3d 2h
 *  #11 Speed up the lexer  02 12:00   #21 onto 1.x (03 09:00) says only `Fixes #11`, an issue reference: v1.1.0
 *                                     ships it either way, deploy 3d
 *  #12 Fix the tokenizer   02 14:00   #22 onto 1.x lands as a merge commit (03 10:30, `Merge pull request #22 …`,
 *                                     its side a new commit of the bot's), its description `Backport of #12`: in
 *                                     GitHub mode v1.0.1 ships it, deploy 22h; from git alone v1.1.0, 2d 22h
 *  #14 Add the formatter   04 10:00   v1.1.0, deploy 1d 2h
 */
function backportPulls(): FixtureRepo {
  const bot = 'trop[bot] <bot@example.com>';
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: '1.x' },
    { commit: 'Fix the parser (#10)', on: 'main', at: '2026-05-02T10:00:00Z' },
    { commit: 'Speed up the lexer (#11)', on: 'main', at: '2026-05-02T12:00:00Z' },
    { commit: 'Fix the tokenizer (#12)', on: 'main', at: '2026-05-02T14:00:00Z' },
    { commit: '[1.x] Fix the parser (#20)', on: '1.x', author: bot, at: '2026-05-03T08:00:00Z', id: 'bp20' },
    { commit: '[1.x] Speed up the lexer (#21)', on: '1.x', author: bot, at: '2026-05-03T09:00:00Z', id: 'bp21' },
    { branch: 'trop/1.x-22' },
    { commit: 'Fix the tokenizer on 1.x', on: 'trop/1.x-22', author: bot, at: '2026-05-03T10:00:00Z' },
    { merge: 'trop/1.x-22', into: '1.x', message: 'Merge pull request #22 from trop/1.x-22\n\n[1.x] Fix the tokenizer', author: bot, at: '2026-05-03T10:30:00Z', id: 'm22' },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-03T12:00:00Z' },
    { commit: 'Add the formatter (#14)', on: 'main', at: '2026-05-04T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-05-05T12:00:00Z' },
  ]);
}

/** GitHub's side: the two pull requests merged into 1.x, each landed as the commit git has. */
function scenario(repo: FixtureRepo): unknown {
  const onLine = (number: number, title: string, body: string, sha: string, at: string): Record<string, unknown> => ({
    number, title, body, baseRefName: '1.x', headRefName: `trop/1.x-${number}`, author: { __typename: 'Bot', login: 'trop' },
    createdAt: at, updatedAt: at, mergedAt: at, mergeCommit: { oid: sha }, labels: [], commits: [], reviews: [], comments: [], timelineItems: [],
  });
  return {
    repositories: {
      'acme/app': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [
          onLine(20, '[1.x] Fix the parser', 'Backport of #10\n\nSee that PR for details.\n\nNotes: fixed a crash in the parser.', repo.sha('bp20'), '2026-05-03T08:00:00Z'),
          onLine(21, '[1.x] Speed up the lexer', 'Fixes #11\n\nThe lexer on 1.x, written again.', repo.sha('bp21'), '2026-05-03T09:00:00Z'),
          onLine(22, '[1.x] Fix the tokenizer', 'Backport of #12', repo.sha('m22'), '2026-05-03T10:30:00Z'),
        ],
        deployments: [], releases: [], issues: [],
      },
    },
  };
}

describe('backport pull requests onto a release line (GitHub mode)', () => {
  let repo: FixtureRepo;
  let srv: GitHubServer;
  let cache: string;
  let warnings: string[];
  const run = (over: { github?: boolean } = {}): Promise<Report> =>
    audit({
      path: repo.dir, since: '2026-05-01', until: '2026-05-06', now: '2026-05-06T00:00:00Z', repo: 'acme/app', apiUrl: srv.url,
      env: { GH_ENTERPRISE_TOKEN: TOKEN, XDG_CACHE_HOME: cache }, warn: (message) => warnings.push(message), ...over,
    });
  const shipped = (report: Report, id: string): [string | null, number | null] => {
    const change = report.changes.find((c: ReportChange) => c.id === id);
    if (!change) throw new Error(`no change ${id}`);
    return [change.deployedAt, change.stages.deploy];
  };
  const lineReads = (from = 0): number => srv.requests.slice(from).filter((r) => r.operationName === LINE_READ).length;

  beforeAll(async () => {
    repo = backportPulls();
    srv = await startGitHubServer({ scenario: scenario(repo) as never, token: TOKEN });
    cache = mkdtempSync(join(tmpdir(), 'flowaudit-cache-'));
  });
  afterEach(() => srv.setFaults([]));
  afterAll(async () => {
    await srv.close();
    repo.cleanup();
    rmSync(cache, { recursive: true, force: true });
  });

  it("ships the original change with the line's tag when the backport's description says `Backport of #N`", async () => {
    warnings = [];
    const report = await run();
    expect(report.sources).toEqual(['git', 'github']);
    expect(shipped(report, '#10')).toEqual(['2026-05-03T12:00:00Z', D + 2 * H]);
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.0.0', 1], ['v1.0.1', 2], ['v1.1.0', 2]]);
    expect(lineReads()).toBe(1);
    expect(srv.requests.filter((r) => r.invalid)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('links a pull request merged as a merge commit by that merge commit on the line', async () => {
    warnings = [];
    const report = await run();
    expect(shipped(report, '#12')).toEqual(['2026-05-03T12:00:00Z', 22 * H]);
  });

  it('links nothing by a description that says only `Fixes #N`', async () => {
    warnings = [];
    const report = await run();
    expect(shipped(report, '#11')).toEqual(['2026-05-05T12:00:00Z', 3 * D]);
    expect(shipped(report, '#14')).toEqual(['2026-05-05T12:00:00Z', D + 2 * H]);
  });

  it('a warm run asks GitHub nothing more of the release line, whose tip has not moved, and links the same', async () => {
    warnings = [];
    await run();
    const before = srv.requests.length;
    const report = await run();
    expect(lineReads(before)).toBe(0);
    expect(shipped(report, '#10')).toEqual(['2026-05-03T12:00:00Z', D + 2 * H]);
  });

  it('without GitHub (--no-github) nothing is read, and the backport links nothing: the next release ships the change', async () => {
    warnings = [];
    const before = srv.requests.length;
    const report = await run({ github: false });
    expect(srv.requests.length).toBe(before);
    expect(report.sources).toEqual(['git']);
    expect(shipped(report, '#10')).toEqual(['2026-05-05T12:00:00Z', 3 * D + 2 * H]);
    expect(shipped(report, '#12')).toEqual(['2026-05-05T12:00:00Z', 2 * D + 22 * H]);
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([['v1.0.0', 1], ['v1.1.0', 4]]);
  });

  it('a failed read of the release lines leaves the report to git, said in one warning', async () => {
    warnings = [];
    srv.setFaults([{ kind: 'malformed', match: LINE_READ, times: -1 }]);
    rmSync(cache, { recursive: true, force: true });
    const report = await run();
    expect(report.sources).toEqual(['git', 'github']);
    expect(shipped(report, '#10')).toEqual(['2026-05-05T12:00:00Z', 3 * D + 2 * H]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^cannot read the release lines' pull requests from GitHub \(.*\): backports are linked by their commits alone$/);
    expect(report.warnings).toEqual(warnings);
  });
});
