import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/config/index.js';
import type { Change, Deploy } from '../../src/domain.js';
import { emptyStages } from '../../src/model/stages.js';
import { buildReport, type ReportContext } from '../../src/report/build.js';
import { reportSchema } from '../../src/report/schema.js';

const H = 3600;
const DAY = 86400;
const T = Date.parse('2026-03-02T00:00:00Z') / 1000;

function change(id: string, mergedAt: number, over: Partial<Change> = {}): Change {
  return {
    id, number: null, title: id, author: 'ada', authorEmail: 'ada@x', url: null, branch: null, kind: 'merge', sha: `${id}000`, commitShas: [], commits: 1,
    size: null, bot: false, firstCommitAt: mergedAt - 2 * H, lastCommitAt: mergedAt - 2 * H, readyAt: null, firstReviewAt: null, approvedAt: null, mergedAt,
    deployedAt: null, forkPoints: [], forkPointAt: null, flags: [], aiEvidence: [], revertedBy: null, isRevert: false,
    stages: { ...emptyStages(), coding: 0, review: 2 * H }, cycleTime: 2 * H, leadTime: null, review: null, ...over,
  };
}
const deploy = (at: number, over: Partial<Deploy> = {}): Deploy => ({ ref: `v${at}`, sha: 'f', at, changeShas: ['x'], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null, ...over });
const context = (over: Partial<ReportContext> = {}): ReportContext => ({
  generatedAt: '2026-04-01T00:00:00Z', repository: { path: '/r', remote: null, branch: 'main' }, sources: ['git'],
  deploySignal: { kind: 'tags', detail: 'tags' }, businessHours: null, notes: [], warnings: [], ...over,
});
const policy = { includeBots: false, requiredApprovals: 1, revertWindow: 14 * DAY, includePrereleases: false, thresholds: { ...DEFAULT_THRESHOLDS } };
const window = { since: T, until: T + 14 * DAY };

describe('buildReport', () => {
  // before the window, in it (a human, a bot, a sync), at its end (excluded: the end is open)
  const changes = [
    change('before', T - DAY),
    change('sync before', T - DAY, { kind: 'sync', carriedPulls: 5 }),
    change('human', T + DAY),
    change('bot', T + 2 * DAY, { bot: true }),
    change('sync', T + 3 * DAY, { kind: 'sync', carriedPulls: 3 }),
    change('late', T + 14 * DAY),
  ];
  const deploys = [deploy(T - H), deploy(T + DAY + H), deploy(T + 14 * DAY)];
  const report = buildReport({ changes, deploys, openPulls: [] }, window, T + 30 * DAY, policy, context());

  it('reports the changes merged in [since, until), each saying whether the figures count it', () => {
    expect(report.changes.map((c) => [c.id, c.counted])).toEqual([['human', true], ['bot', false], ['sync', false]]);
    expect(report.summary.changes).toBe(1);
    // the window's sync brought in 3 pull requests, the one before it 5 that are not the window's
    expect(report.summary.excluded).toEqual({ bots: 1, syncs: 1, releases: 0, syncedPulls: 3, carryingSyncs: 1 });
    expect(report.changes.find((c) => c.id === 'sync')?.carriedPulls).toBe(3);
    expect(report.changes.find((c) => c.id === 'human')).not.toHaveProperty('carriedPulls');
    expect(report.deploys.map((d) => d.at)).toEqual(['2026-03-03T01:00:00Z']);
  });

  it('counts the pull requests of syncs only: a change that is no sync carries none', () => {
    // a merge the GitHub data told from a sync keeps no count of pull requests brought in
    const told = buildReport({ changes: [change('merge', T + DAY, { kind: 'merge', carriedPulls: 9 }), change('sync', T + 2 * DAY, { kind: 'sync', carriedPulls: 2 })], deploys: [], openPulls: [] }, window, T + 30 * DAY, policy, context());
    expect(told.summary.excluded.syncedPulls).toBe(2);
    expect(told.changes.map((c) => c.carriedPulls)).toEqual([undefined, 2]);
  });

  it('counts bots back when the policy says so, and records the policy', () => {
    const withBots = buildReport({ changes, deploys, openPulls: [] }, window, T + 30 * DAY, { ...policy, includeBots: true }, context());
    expect(withBots.summary.changes).toBe(2);
    expect(withBots.summary.excluded).toEqual({ bots: 0, syncs: 1, releases: 0, syncedPulls: 3, carryingSyncs: 1 });
    expect(withBots.policy.includeBots).toBe(true);
    expect(report.policy).toEqual(policy);
  });

  it('dates how long a change not yet deployed has waited, since its merge and its first commit, and nothing else', () => {
    // human merged T+1d (first commit 2h before), never deployed, now T+30d: 29d waited since the merge, 29d 2h
    // since the first commit; a deployed change and a change whose first commit is unknown say less
    const shipped = change('shipped', T + 2 * DAY, { deployedAt: T + 3 * DAY, leadTime: DAY + 2 * H, stages: { ...emptyStages(), coding: 0, review: 2 * H, deploy: DAY } });
    const unseen = change('unseen', T + 4 * DAY, { firstCommitAt: null, lastCommitAt: null, cycleTime: null, stages: emptyStages() });
    const listed = buildReport({ changes: [change('human', T + DAY), shipped, unseen], deploys: [], openPulls: [] }, window, T + 30 * DAY, policy, context());
    expect(listed.changes.map((c) => [c.id, c.soFar])).toEqual([
      ['human', { deploy: 29 * DAY, leadTime: 29 * DAY + 2 * H }],
      ['shipped', null],
      ['unseen', { deploy: 26 * DAY, leadTime: null }],
    ]);
    // a sync's commits shipped on their own line and a release commit is the release: neither waits
    const apart = buildReport({ changes: [change('sync', T + DAY, { kind: 'sync' }), change('release', T + DAY, { kind: 'direct', flags: ['release-commit'] })], deploys: [], openPulls: [] }, window, T + 30 * DAY, policy, context());
    expect(apart.changes.map((c) => c.soFar)).toEqual([null, null]);
    // every merge a deploy: nothing waits
    const merges = buildReport({ changes: [change('human', T + DAY)], deploys: [], openPulls: [] }, window, T + 30 * DAY, policy, context({ deploySignal: { kind: 'merge', detail: 'merges' } }));
    expect(merges.changes[0]?.soFar).toBeNull();
    // in working time, as every duration then is: merged Tue 2026-03-03 00:00, now Tue 03-31 00:00: four weeks, 20
    // working days of 8 hours
    const hours = { timezone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    const working = buildReport({ changes: [change('human', T + DAY)], deploys: [], openPulls: [] }, window, T + 29 * DAY, policy, context({ businessHours: hours }));
    expect(working.changes[0]?.soFar?.deploy).toBe(20 * 8 * H);
  });

  it('makes a report its own schema accepts', () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it('gives each repository of several its row, and notes DORA keys when only some had no deploy signal', () => {
    const a = [change('a1', T + DAY, { repository: 'a' }), change('a2', T + 2 * DAY, { repository: 'a' })];
    const b = [change('b1', T + DAY, { repository: 'b' })];
    const multi = buildReport({ changes: [...a, ...b], deploys: [deploy(T + 2 * DAY, { repository: 'a' })], openPulls: [] }, window, T + 30 * DAY, policy, context({
      repositories: [
        { name: 'a', path: '/a', remote: null, branch: 'main', window, deploySignal: 'tags', sources: ['git'] },
        { name: 'b', path: '/b', remote: null, branch: 'main', window, deploySignal: 'merge', sources: ['git'] },
      ],
    }));
    expect(multi.repositories?.map((r) => [r.name, r.changes, r.deploys])).toEqual([['a', 2, 1], ['b', 1, 0]]);
    expect(multi.failedRepositories).toEqual([]);
    expect(multi.summary.dora.deploymentFrequency.note).toBe('every merge counted as a deploy in 1 of 2 repositories (no deploy signal found)');
    expect(report.summary.dora.deploymentFrequency.note).toBeUndefined();
  });
});
