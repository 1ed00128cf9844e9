import { describe, expect, it } from 'vitest';
import { changesAsOf, evidenceAsOf, gitHubAsOf, staleHistoryNote } from '../../src/audit/as-of.js';
import type { CandidateEvidence } from '../../src/model/build.js';
import type { GitHubClosedPull, GitHubData, GitHubOpenPull, GitHubPull } from '../../src/sources/github/types.js';
import { change } from '../model/data.js';

const DAY = 86400;
const NOW = 100 * DAY;

const review = (at: number) => ({ author: 'grace', authorIsBot: false, state: 'APPROVED', submittedAt: at });

function merged(number: number, createdAt: number, mergedAt: number, more: Partial<GitHubPull> = {}): GitHubPull {
  return {
    number, title: `#${number}`, url: `https://github.com/acme/shop/pull/${number}`, author: 'ada', authorIsBot: false, createdAt, updatedAt: mergedAt, mergedAt,
    mergeCommitSha: String(number).padEnd(40, '0'), headRefName: `f${number}`, additions: 1, deletions: 0, changedFiles: 1, labels: [], body: '', commits: [], reviews: [], comments: [],
    events: [], checks: [], wasDraft: false, ...more,
  };
}

function open(number: number, createdAt: number, more: Partial<GitHubOpenPull> = {}): GitHubOpenPull {
  return {
    number, title: `#${number}`, url: `https://github.com/acme/shop/pull/${number}`, author: 'ada', authorIsBot: false, createdAt, updatedAt: createdAt, isDraft: false,
    baseRefName: 'main', wasDraft: false, events: [], reviews: [], comments: [], headRefName: `f${number}`, labels: [], body: '', ...more,
  };
}

function data(over: Partial<GitHubData>): GitHubData {
  return { pulls: [], deployments: [], releases: [], openPulls: [], closedPulls: [], closedComplete: true, incidents: [], requests: 0, cost: 0, partial: false, warnings: [], cacheFile: null, cachedPulls: 0, ...over } as GitHubData;
}

describe('what the sources said at the window\'s end', () => {
  it('keeps the changes merged by then, and none later', () => {
    const changes = [change('a', { mergedAt: NOW - DAY }), change('b', { mergedAt: NOW }), change('c', { mergedAt: NOW + 1 })];
    expect(changesAsOf(changes, NOW).map((c) => c.title)).toEqual(['a', 'b']);
  });

  it('opens again a pull request merged later but opened by then, with what happened to it by then', () => {
    const cut = gitHubAsOf(data({
      pulls: [
        merged(1, NOW - 9 * DAY, NOW - DAY),
        // opened 5 days before the end, approved a day after it, merged 3 days after it
        merged(2, NOW - 5 * DAY, NOW + 3 * DAY, { reviews: [review(NOW - DAY), review(NOW + DAY)], comments: [{ author: 'grace', authorIsBot: false, createdAt: NOW + DAY }] }),
        // opened after the end: nothing of it was there
        merged(3, NOW + DAY, NOW + 2 * DAY),
      ],
    }), NOW, 'main');
    expect(cut.pulls.map((p) => p.number)).toEqual([1]);
    expect(cut.openPulls).toHaveLength(1);
    expect(cut.openPulls[0]).toMatchObject({ number: 2, createdAt: NOW - 5 * DAY, isDraft: false, baseRefName: 'main', reviews: [review(NOW - DAY)], comments: [] });
  });

  it('leaves out a pull request open today that was opened after the end, and was a draft then where its events say so', () => {
    const cut = gitHubAsOf(data({
      openPulls: [
        open(4, NOW - 3 * DAY),
        open(5, NOW + DAY),
        // opened as a draft, marked ready a day after the end: a draft then
        open(6, NOW - 2 * DAY, { wasDraft: true, events: [{ type: 'ready', at: NOW + DAY }] }),
        // ready before the end, turned back into a draft after it: ready then
        open(7, NOW - 2 * DAY, { isDraft: true, wasDraft: true, events: [{ type: 'ready', at: NOW - DAY }, { type: 'draft', at: NOW + DAY }] }),
      ],
    }), NOW, 'main');
    expect(cut.openPulls.map((p) => [p.number, p.isDraft])).toEqual([[4, false], [6, true], [7, false]]);
  });

  it('opens again a pull request closed without merging after the end, not yet rejected then', () => {
    const closed = (number: number, createdAt: number, closedAt: number): GitHubClosedPull => ({
      number, title: `#${number}`, url: '', author: 'ada', authorIsBot: false, createdAt, updatedAt: closedAt, closedAt, isDraft: false, headRefName: `f${number}`, labels: [],
      body: '', commitMessages: [], reviews: [review(NOW - DAY), review(NOW + DAY)], comments: [], truncated: false, closedBy: null,
    });
    const cut = gitHubAsOf(data({ closedPulls: [closed(11, NOW - 5 * DAY, NOW - DAY), closed(12, NOW - 5 * DAY, NOW + DAY), closed(13, NOW + DAY, NOW + 2 * DAY)] }), NOW, 'main');
    expect(cut.closedPulls.map((p) => p.number)).toEqual([11]);
    expect(cut.openPulls.map((p) => [p.number, p.reviews.length])).toEqual([[12, 1]]);
  });

  it('keeps deployments made by then with their statuses by then, and incidents opened by then, open where they closed later', () => {
    const cut = gitHubAsOf(data({
      deployments: [
        { environment: 'production', createdAt: NOW - DAY, sha: 'a'.repeat(40), ref: null, statuses: [{ state: 'SUCCESS', at: NOW - DAY }, { state: 'FAILURE', at: NOW + DAY }] },
        { environment: 'production', createdAt: NOW + DAY, sha: 'b'.repeat(40), ref: null, statuses: [{ state: 'SUCCESS', at: NOW + DAY }] },
      ],
      incidents: [
        { number: 8, title: 'down', url: '', createdAt: NOW - 2 * DAY, closedAt: NOW + DAY, labels: ['incident'] },
        { number: 9, title: 'slow', url: '', createdAt: NOW - 2 * DAY, closedAt: NOW - DAY, labels: ['incident'] },
        { number: 10, title: 'later', url: '', createdAt: NOW + DAY, closedAt: null, labels: ['incident'] },
      ],
    }), NOW, 'main');
    expect(cut.deployments.map((d) => [d.sha?.[0], d.statuses.map((s) => s.state)])).toEqual([['a', ['SUCCESS']]]);
    expect(cut.incidents.map((i) => [i.number, i.closedAt])).toEqual([[8, null], [9, NOW - DAY]]);
  });
});

describe('the deploy evidence as it stood at an earlier end (the previous period\'s)', () => {
  const candidate = (ref: string, at: number) => ({ ref, sha: ref.padEnd(40, '0'), at, target: '' });
  const incident = (id: string, openedAt: number, resolvedAt: number | null) => ({ id, openedAt, resolvedAt, sha: null, product: null, title: id });
  const evidence = {
    kind: 'tags', candidates: [candidate('v1', NOW - DAY), candidate('v2', NOW), candidate('v3', NOW + DAY)],
    releaseLine: [
      { sha: 'a', key: 'a', cherryPickOf: [], references: [], reverts: { shas: ['x'], at: NOW } },
      { sha: 'b', key: 'b', cherryPickOf: [], references: [], reverts: { shas: ['y'], at: NOW + 1 } },
    ],
    github: {
      failedDeployments: [{ name: 'd1', sha: 'd1', at: NOW - DAY }, { name: 'd2', sha: 'd2', at: NOW + DAY }],
      incidents: [incident('i1', NOW - 2 * DAY, NOW - DAY), incident('i2', NOW - DAY, NOW + DAY), incident('i3', NOW + DAY, null)],
      incidentWindow: DAY,
    },
  } as unknown as CandidateEvidence;
  const cut = evidenceAsOf(evidence, NOW) as CandidateEvidence;

  it('keeps the candidates made before then: one made at its very end is the next window\'s', () => {
    // v2, made at the second the period ends, is the first deploy of the window after it (windows are [since, until))
    expect(cut.candidates.map((c) => c.ref)).toEqual(['v1']);
  });

  it('forgets a release line\'s revert committed later, and keeps the commit', () => {
    expect(cut.releaseLine.map((c) => [c.sha, c.reverts?.shas ?? null])).toEqual([['a', ['x']], ['b', null]]);
  });

  it('knows the failures and incidents of then: one resolved later is open', () => {
    expect(cut.github?.failedDeployments.map((f) => f.name)).toEqual(['d1']);
    expect(cut.github?.incidents.map((i) => [i.id, i.resolvedAt])).toEqual([['i1', NOW - DAY], ['i2', null]]);
  });
});

describe('a clone not fetched for a while', () => {
  it('is named from 28 days before the window\'s end', () => {
    expect(staleHistoryNote(NOW - 27.9 * DAY, NOW)).toBeNull();
    expect(staleHistoryNote(NOW - 28 * DAY, NOW)).toBe("the newest commit is 28 days old at the window's end (1970-04-11): fetch, or set --until");
    expect(staleHistoryNote(NOW - 93.5 * DAY, NOW)).toContain('the newest commit is 93 days old');
    expect(staleHistoryNote(null, NOW)).toBeNull();
  });

  it('is not named where another branch has a commit of the last 28 days: that branch is quiet, the clone fetched', () => {
    // jellyfin's release-10.11.z, 77 days quiet, beside master's commit of the day
    expect(staleHistoryNote(NOW - 77 * DAY, NOW, NOW - DAY)).toBeNull();
    expect(staleHistoryNote(NOW - 77 * DAY, NOW, NOW - 40 * DAY)).toContain('the newest commit is 77 days old');
  });
});
