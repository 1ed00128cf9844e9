import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A rebase-merged pull request's files are all its commits' files, not its last commit's alone. Terraform
 * rebase-merges a quarter of its pull requests: its #37525 (`support partial expansion in actions`, seven commits)
 * went to team-tf-actions from its last commit alone, which holds 528 of the 1,799 lines its commits changed (under
 * a third), and #38539 (`chore: bump go-tfe dep`, nine commits, 75 of 110 lines under /internal/cloud) to
 * terraform-core alone, its last commit touching only go.sum. CODEOWNERS gives pay/ to @acme/payments and shop/ to
 * @acme/checkout; pull request #7's two commits (pay/a.txt 30 lines, then shop/x.txt 2 lines) land on main as
 * copies (same author, author date and subject), March 2026:
 *   #7  payments 30 of 32 lines, checkout 2 of 32: payments' alone.
 */
function rebased(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'owners', at: '2026-02-01T12:00:00Z', files: { '.github/CODEOWNERS': '/pay/ @acme/payments\n/shop/ @acme/checkout\n' } },
    { branch: 'form' },
    { commit: 'Add the payment form', on: 'form', at: '2026-03-05T12:00:00Z', files: { 'pay/a.txt': lines(30) } },
    { commit: 'Link it from the shop', on: 'form', at: '2026-03-06T12:00:00Z', files: { 'shop/x.txt': lines(2) }, id: 'head' },
    { commit: 'Add the payment form', on: 'main', authorAt: '2026-03-05T12:00:00Z', at: '2026-03-08T12:00:00Z', files: { 'pay/a.txt': lines(30) } },
    { commit: 'Link it from the shop', on: 'main', authorAt: '2026-03-06T12:00:00Z', at: '2026-03-08T12:00:01Z', files: { 'shop/x.txt': lines(2) } },
  ]);
  repo.git('update-ref', 'refs/pull/7/head', repo.sha('head'));
  return repo;
}

describe('report --by team over a rebase-merged pull request', () => {
  let repo: FixtureRepo;
  let report: { changes: Array<{ number: number | null; kind: string; commits: number }>; summary: { slices: { rows: Array<{ name: string; changes: number }> } } };
  beforeAll(async () => {
    repo = rebased();
    const { stdout } = await runCli(['report', repo.dir, '--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github', '--by', 'team', '-f', 'json']);
    report = JSON.parse(stdout);
  });
  afterAll(() => repo.cleanup());

  it('reads the two commits as one rebase-merged change', () => {
    expect(report.changes.map((c) => [c.number, c.kind, c.commits])).toEqual([[7, 'rebase', 2]]);
  });

  it('gives it to the team owning a third of all its commits\' lines, not its last commit\'s', () => {
    expect(report.summary.slices.rows.map((r) => [r.name, r.changes])).toEqual([['team:payments', 1]]);
  });
});
