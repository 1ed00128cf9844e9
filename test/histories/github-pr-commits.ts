import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * The git side of fixtures/github-scenarios/pr-commits.json (times UTC, 2026-03), a clone without pull refs:
 *  release/1.x leaves main at the initial commit: fixes 02 08:00 (id rel1) and 03 08:00 (id rel2);
 *  main work 04 00:00, 10 10:00;
 *  #11 a merge-commit pull request rebased onto main: commits authored 05 09:00 and 06 09:00, committed
 *      10 11:00 above the 10 10:00 commit, merged 11 10:00 (id pr11);
 *  squash merges (the pull requests' commits are known only to GitHub's API): #10 12 15:00, #20 05 12:00,
 *  #21 06 12:00, #22 07 12:00, #30 09 10:00, #50 14 10:00, #70 by GitHub's Copilot agent 15 10:00.
 * The scenario's PR commits: #10 rebased (authored 02 09:00 and 03 09:00, committed 12 12:00); #21 lists its
 * base #20's very commits, #22 rebased copies of them, below their own; #30 two merges of main; #50 two
 * release-line commits of this clone.
 */
export function githubPrCommits(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'release/1.x' },
    { commit: 'release fix one', on: 'release/1.x', at: '2026-03-02T08:00:00Z', id: 'rel1' },
    { commit: 'release fix two', on: 'release/1.x', at: '2026-03-03T08:00:00Z', id: 'rel2' },
    { commit: 'main work', on: 'main', at: '2026-03-04T00:00:00Z' },
    { commit: 'Add base (#20)', on: 'main', at: '2026-03-05T12:00:00Z', id: 'sq20' },
    { commit: 'Add stacked (#21)', on: 'main', at: '2026-03-06T12:00:00Z', id: 'sq21' },
    { commit: 'Add restacked (#22)', on: 'main', at: '2026-03-07T12:00:00Z', id: 'sq22' },
    { commit: 'Add thirty (#30)', on: 'main', at: '2026-03-09T10:00:00Z', id: 'sq30' },
    { commit: 'more main work', on: 'main', at: '2026-03-10T10:00:00Z' },
    { branch: 'p11' },
    { commit: 'eleven, part one', on: 'p11', authorAt: '2026-03-05T09:00:00Z', at: '2026-03-10T11:00:00Z' },
    { commit: 'eleven, part two', on: 'p11', authorAt: '2026-03-06T09:00:00Z', at: '2026-03-10T11:00:00Z' },
    { merge: 'p11', at: '2026-03-11T10:00:00Z', message: 'Merge pull request #11 from ada/p11\n\nAdd eleven', id: 'pr11' },
    { commit: 'Add ten (#10)', on: 'main', at: '2026-03-12T15:00:00Z', id: 'sq10' },
    { commit: 'Fix fifty (#50)', on: 'main', at: '2026-03-14T10:00:00Z', id: 'sq50' },
    { commit: 'Add seventy (#70)', on: 'main', author: 'Copilot <198982749+Copilot@users.noreply.github.com>', at: '2026-03-15T10:00:00Z', id: 'sq70' },
  ]);
}

/**
 * fixtures/github-scenarios/pr-commits.json with each `"@id"` (a commit of this history) replaced by its sha,
 * and `"@p11:N"` by the Nth commit (1-based) of #11's branch.
 */
export function prCommitsScenario(repo: FixtureRepo): unknown {
  const file = fileURLToPath(new URL('../../fixtures/github-scenarios/pr-commits.json', import.meta.url));
  const p11 = repo.git('rev-list', '--reverse', `${repo.sha('pr11')}^1..${repo.sha('pr11')}^2`).split('\n');
  return JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith('@')) return value;
    const branch = /^@p11:(\d+)$/.exec(value);
    return branch ? p11[Number(branch[1]) - 1] : repo.sha(value.slice(1));
  });
}
