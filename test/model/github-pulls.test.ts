import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import { compileCatalogue } from '../../src/model/ai/compile.js';
import { applyPulls } from '../../src/model/github-pulls.js';
import { emptyStages } from '../../src/model/stages.js';
import type { GitHubPull } from '../../src/sources/github/types.js';

const direct = (sha: string, authoredAt: number, committedAt: number): Change => ({
  id: sha.slice(0, 10), number: null, title: `commit ${sha}`, author: 'ada', authorEmail: 'ada@x', url: null, branch: null, kind: 'direct',
  sha, commitShas: [sha], commits: 1, size: { additions: 10, deletions: 1, files: 1 }, bot: false, firstCommitAt: authoredAt, lastCommitAt: authoredAt,
  readyAt: null, firstReviewAt: null, approvedAt: null, mergedAt: committedAt, deployedAt: null, forkPoints: [], forkPointAt: null, flags: [],
  aiEvidence: [], revertedBy: null, isRevert: false, stages: emptyStages(), cycleTime: null, leadTime: null, review: null,
});

const pull = (o: Partial<GitHubPull>): GitHubPull => ({
  number: 42, title: 'Rebased work', url: 'https://github.com/acme/app/pull/42', author: 'ada', authorIsBot: false, createdAt: 150, updatedAt: 400,
  mergedAt: 400, mergeCommitSha: null, headRefName: 'ada/work', body: '', additions: 30, deletions: 3, changedFiles: 3, labels: [], commits: [], reviews: [],
  comments: [], events: [], checks: [], wasDraft: false, ...o,
});

const options = { requiredApprovals: 1, isBot: () => false, ai: compileCatalogue({ labels: ['ai-assisted'] }) };

describe('joining pull requests to the changes git found', () => {
  it('folds a rebase merge commits into one change', () => {
    const changes = [direct('0'.repeat(40), 50, 60), direct('a'.repeat(40), 100, 400), direct('b'.repeat(40), 110, 400), direct('c'.repeat(40), 120, 400)];
    const pr = pull({
      mergeCommitSha: 'c'.repeat(40),
      commits: ['a', 'b', 'c'].map((x, i) => ({ sha: `${i + 5}`.repeat(40), authorEmail: null, parents: [], authoredAt: 100 + 10 * i, committedAt: 100 + 10 * i, message: `commit ${x.repeat(40)}` })),
      reviews: [{ author: 'bob', authorIsBot: false, state: 'APPROVED', submittedAt: 300 }],
      labels: ['ai-assisted'],
    });
    applyPulls(changes, [pr], options);
    expect(changes.map((c) => [c.id, c.kind])).toEqual([['0000000000', 'direct'], ['#42', 'rebase']]);
    const landed = changes[1] as Change;
    expect(landed).toMatchObject({ commits: 3, firstCommitAt: 100, lastCommitAt: 120, readyAt: 150, firstReviewAt: 300, approvedAt: 300, size: { additions: 30, deletions: 3, files: 3 } });
    expect(landed.commitShas).toHaveLength(3);
    expect(landed.aiEvidence).toEqual(['label: ai-assisted']);
  });

  it('gives a squash merge its first commit from the PR, and leaves unmatched changes alone', () => {
    const changes = [direct('d'.repeat(40), 500, 500), direct('e'.repeat(40), 600, 600)];
    applyPulls(changes, [pull({ number: 7, mergeCommitSha: 'd'.repeat(40), commits: [{ sha: 'f'.repeat(40), authorEmail: null, parents: [], authoredAt: 200, committedAt: 200, message: 'x' }] })], options);
    expect(changes.map((c) => [c.id, c.kind, c.firstCommitAt])).toEqual([['#7', 'squash', 200], ['eeeeeeeeee', 'direct', 600]]);
    expect(changes[0]?.flags).toContain('unreviewed');
  });

  it('joins a pull request landed twice, the second empty, to its first landing when GitHub names the second (collector\'s #14633)', () => {
    const first = { ...direct('1'.repeat(40), 500, 500), id: '#9', number: 9, kind: 'squash' as const, commitShas: ['1'.repeat(40), '2'.repeat(40)] };
    // a squash of #9 whose commits happen to hold another pull request's merge commit stays unjoined
    const other = { ...direct('3'.repeat(40), 700, 700), id: '#10', number: 10, kind: 'squash' as const, commitShas: ['3'.repeat(40), '4'.repeat(40)] };
    const changes = [first, other];
    applyPulls(changes, [pull({ number: 9, mergeCommitSha: '2'.repeat(40), createdAt: 300, mergedAt: 520, reviews: [{ author: 'bob', authorIsBot: false, state: 'APPROVED', submittedAt: 450 }] }), pull({ number: 11, mergeCommitSha: '4'.repeat(40) })], options);
    expect(changes.map((c) => [c.id, c.sha.slice(0, 1), c.readyAt, c.approvedAt, c.mergedAt])).toEqual([['#9', '1', 300, 450, 500], ['#10', '3', null, null, 700]]);
  });

  it('counts a release commit git saw as a direct push once GitHub says a pull request landed it', () => {
    const changes = [{ ...direct('d'.repeat(40), 500, 500), title: 'v1.2.3', flags: ['release-commit'] }, { ...direct('e'.repeat(40), 600, 600), title: 'v1.2.4', flags: ['release-commit'] }];
    applyPulls(changes, [pull({ number: 7, title: 'v1.2.3', mergeCommitSha: 'd'.repeat(40), commits: [{ sha: 'f'.repeat(40), authorEmail: null, parents: [], authoredAt: 200, committedAt: 200, message: 'v1.2.3' }] })], options);
    expect(changes.map((c) => [c.id, c.kind, c.flags.includes('release-commit')])).toEqual([['#7', 'squash', false], ['eeeeeeeeee', 'direct', true]]);
  });

  it('calls a one-commit pull request landed as a replay of its commit a rebase merge, as git-only does', () => {
    const changes = [direct('a'.repeat(40), 100, 400)];
    // the landing commit keeps the PR commit's author date (100) and subject: GitHub rebased it, it did not squash it
    applyPulls(changes, [pull({ number: 8, mergeCommitSha: 'a'.repeat(40), commits: [{ sha: 'b'.repeat(40), authorEmail: null, parents: [], authoredAt: 100, committedAt: 120, message: `commit ${'a'.repeat(40)}\n\nbody` }] })], options);
    expect(changes.map((c) => [c.id, c.kind, c.firstCommitAt])).toEqual([['#8', 'rebase', 100]]);
  });

  it('forgets the landing\'s parent as a fork point once the API dates the work: whether it was rebased is unknown', () => {
    // git knew the squash commit only: its parent (committed at 450) is no fork point of the PR's branch
    const squashed: Change = { ...direct('d'.repeat(40), 500, 500), kind: 'squash', commits: null, firstCommitAt: null, lastCommitAt: null, flags: ['commits-unseen'], forkPoints: ['9'.repeat(40)], forkPointAt: 450 };
    applyPulls([squashed], [pull({ number: 7, mergeCommitSha: 'd'.repeat(40), commits: [{ sha: 'f'.repeat(40), authorEmail: null, parents: [], authoredAt: 200, committedAt: 200, message: 'x' }] })], options);
    expect(squashed).toMatchObject({ firstCommitAt: 200, forkPoints: [], forkPointAt: null });
  });
});

describe('a pull request\'s own commits among those the API lists', () => {
  const squash = (sha: string, at: number): Change => ({ ...direct(sha, at, at), kind: 'squash', commits: null, firstCommitAt: null, lastCommitAt: null, flags: ['commits-unseen'] });
  const apiCommit = (sha: string, authoredAt: number, message: string, committedAt = authoredAt, parents: string[] = [], authorEmail: string | null = null): GitHubPull['commits'][number] =>
    ({ sha, authorEmail, parents, authoredAt, committedAt, message });

  it('leaves out a stack\'s base commits, merges of main, commits after the merge and release-line commits', () => {
    const base = [apiCommit('b1', 10, 'base one'), apiCommit('b2', 20, 'base two')];
    const changes = [squash('1'.repeat(40), 100), squash('2'.repeat(40), 200)];
    const pulls = [
      pull({ number: 1, mergeCommitSha: '1'.repeat(40), mergedAt: 100, createdAt: 30, commits: base }),
      pull({
        number: 2, mergeCommitSha: '2'.repeat(40), mergedAt: 200, createdAt: 150, commits: [
          ...base,
          apiCommit('rel', 5, 'release fix'),
          apiCommit('own', 120, 'stacked work'),
          apiCommit('m1', 130, "Merge branch 'main' into ada/stacked"),
          apiCommit('m2', 140, 'chore: merge main'),
          apiCommit('late', 250, 'after the merge', 250),
        ],
      }),
    ];
    applyPulls(changes, pulls, { ...options, trackedBranch: 'main', isRelease: (sha) => sha === 'rel' });
    expect(changes.map((c) => [c.id, c.commits, c.firstCommitAt, c.lastCommitAt, c.flags])).toEqual([
      ['#1', 2, 10, 20, ['unreviewed']],
      ['#2', 1, 120, 120, ['unreviewed']],
    ]);
  });

  it('takes rebased copies of an earlier pull request\'s commits for copies, by author date and subject', () => {
    const changes = [squash('1'.repeat(40), 100), squash('2'.repeat(40), 200)];
    const pulls = [
      pull({ number: 1, mergeCommitSha: '1'.repeat(40), mergedAt: 100, commits: [apiCommit('b1', 10, 'base one\n\nbody')] }),
      pull({ number: 2, mergeCommitSha: '2'.repeat(40), mergedAt: 200, commits: [apiCommit('c1', 10, 'base one', 150), apiCommit('own', 160, 'mine')] }),
    ];
    applyPulls(changes, pulls, options);
    expect(changes[1]).toMatchObject({ commits: 1, firstCommitAt: 160 });
  });

  it('knows a merge of the tracked branch by a parent on it, whatever its subject; a merge of the PR\'s own commits is its work', () => {
    const onBranch = (sha: string): boolean => ['m0', 'm1', 'm2'].includes(sha);
    const changes = [squash('1'.repeat(40), 100)];
    const commits = [
      apiCommit('sync', 10, "Merge branch 'acme:main' into feat6", 10, ['m0', 'm1']),
      apiCommit('w1', 20, 'the work', 20, ['sync']),
      apiCommit('res', 30, 'Resolve conflicts with the base branch', 30, ['w1', 'm2']),
      apiCommit('w2', 40, 'more work', 40, ['res']),
      apiCommit('side', 45, 'side work', 45, ['w1']),
      // both parents are the PR's own commits: the author's merge, though the subject names main
      apiCommit('own', 50, "Merge branch 'main' into feat6", 50, ['w2', 'side']),
      // a parent unknown here: the subject decides
      apiCommit('old', 60, "Merge branch 'main' into feat6", 60, ['own', 'gone']),
    ];
    applyPulls(changes, [pull({ number: 6, mergeCommitSha: '1'.repeat(40), mergedAt: 100, commits })], { ...options, trackedBranch: 'main', onBranch });
    expect(changes[0]).toMatchObject({ commits: 4, firstCommitAt: 20, lastCommitAt: 50 });
  });

  it('takes a PR commit for a copy of a direct push by author email, author date and subject', () => {
    const identities = new Map([['d'.repeat(40), { sha: 'd'.repeat(40), authorEmail: 'ada@x', authoredAt: 50, committedAt: 55, subject: 'tests: fix flaky' }]]);
    const run = (email: string): Change => {
      const changes = [direct('d'.repeat(40), 50, 55), squash('1'.repeat(40), 100)];
      const commits = [apiCommit('c', 50, 'tests: fix flaky\n\nbody', 50, ['x'], email), apiCommit('own', 60, 'ten: the work', 60, ['c'], email)];
      applyPulls(changes, [pull({ number: 10, mergeCommitSha: '1'.repeat(40), mergedAt: 100, commits })], { ...options, identityOf: (sha) => identities.get(sha) });
      return changes[1] as Change;
    };
    expect(run('ada@x')).toMatchObject({ commits: 1, firstCommitAt: 60 });
    // another author's commit of the same date and subject is no copy
    expect(run('bob@x')).toMatchObject({ commits: 2, firstCommitAt: 50 });
  });

  it('keeps a fast-forward rebase merge\'s commits its own: the direct pushes it absorbs landed nothing before it', () => {
    const [p1, p2] = ['a'.repeat(40), 'b'.repeat(40)];
    const changes = [direct('0'.repeat(40), 10, 20), direct(p1, 70, 100), direct(p2, 80, 100)];
    changes[1]!.title = 'nine: part one';
    changes[2]!.title = 'nine: part two';
    const commits = [apiCommit(p1, 70, 'nine: part one', 100, ['0'.repeat(40)]), apiCommit(p2, 80, 'nine: part two', 100, [p1])];
    const identities = new Map([p1, p2].map((sha, i) => [sha, { sha, authorEmail: 'ada@x', authoredAt: 70 + 10 * i, committedAt: 100, subject: `nine: part ${i === 0 ? 'one' : 'two'}` }]));
    applyPulls(changes, [pull({ number: 9, mergeCommitSha: p2, mergedAt: 100, commits })], { ...options, identityOf: (sha) => identities.get(sha) });
    expect(changes.map((c) => [c.id, c.kind, c.commits, c.firstCommitAt, c.lastCommitAt])).toEqual([['0000000000', 'direct', 1, 10, 10], ['#9', 'rebase', 2, 70, 80]]);
  });

  it('counts an AI agent\'s pull request, even when GitHub lists its account as a bot', () => {
    const changes = [squash('1'.repeat(40), 100)];
    applyPulls(changes, [pull({ number: 1, mergeCommitSha: '1'.repeat(40), author: 'Copilot', authorIsBot: true })], { ...options, isBot: () => true });
    expect(changes[0]).toMatchObject({ bot: false, aiEvidence: ['PR author: Copilot'] });
    const bot = [squash('1'.repeat(40), 100)];
    applyPulls(bot, [pull({ number: 1, mergeCommitSha: '1'.repeat(40), author: 'renovate', authorIsBot: true })], options);
    expect(bot[0]?.bot).toBe(true);
  });

  it('counts a pull request a bot opened for an agent as the agent\'s: its first own commit is the agent\'s (astro\'s Houston app)', () => {
    const agentFirst = [apiCommit('a1', 50, 'fix(css): restore deleted CSS', 50, [], 'fred+astrobot@astro.build'), apiCommit('a2', 60, 'Simplify changeset', 60, [], 'ada@x')];
    // git did not see the commits (no pull ref): the API's name the agent
    const unseen = [squash('1'.repeat(40), 100)];
    applyPulls(unseen, [pull({ number: 1, mergeCommitSha: '1'.repeat(40), author: 'astrobot-houston', authorIsBot: true, commits: agentFirst })], { ...options, isBot: () => true });
    expect(unseen[0]).toMatchObject({ bot: false, author: 'astrobot-houston', commits: 2, firstCommitAt: 50 });
    expect(unseen[0]?.aiEvidence).toHaveLength(1);
    // git saw them and made the agent the change's author (`byAgent`): GitHub's Bot opener does not undo that
    const seen = [{ ...direct('2'.repeat(40), 50, 100), kind: 'squash' as const, commits: 2, author: 'astrobot-houston', authorEmail: 'fred+astrobot@astro.build' }];
    applyPulls(seen, [pull({ number: 2, mergeCommitSha: '2'.repeat(40), author: 'astrobot-houston', authorIsBot: true, commits: agentFirst })], { ...options, isBot: () => true });
    expect(seen[0]).toMatchObject({ bot: false, author: 'astrobot-houston' });
    // a bot's bump the agent only added to stays the bot's
    const added = [squash('3'.repeat(40), 100)];
    const bump = [apiCommit('b1', 40, 'chore(deps): update hono', 40, [], '29139614+renovate[bot]@users.noreply.github.com'), apiCommit('b2', 50, 'fix: adapt to hono', 50, [], 'factory[bot]@users.noreply.github.com')];
    applyPulls(added, [pull({ number: 3, mergeCommitSha: '3'.repeat(40), author: 'renovate', authorIsBot: true, commits: bump })], { ...options, isBot: () => true });
    expect(added[0]?.bot).toBe(true);
  });
});
