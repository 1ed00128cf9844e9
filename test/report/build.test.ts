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
    change('human', T + DAY),
    change('bot', T + 2 * DAY, { bot: true }),
    change('sync', T + 3 * DAY, { kind: 'sync' }),
    change('late', T + 14 * DAY),
  ];
  const deploys = [deploy(T - H), deploy(T + DAY + H), deploy(T + 14 * DAY)];
  const report = buildReport({ changes, deploys, openPulls: [] }, window, T + 30 * DAY, policy, context());

  it('reports the changes merged in [since, until), each saying whether the figures count it', () => {
    expect(report.changes.map((c) => [c.id, c.counted])).toEqual([['human', true], ['bot', false], ['sync', false]]);
    expect(report.summary.changes).toBe(1);
    expect(report.summary.excluded).toEqual({ bots: 1, syncs: 1, releases: 0 });
    expect(report.deploys.map((d) => d.at)).toEqual(['2026-03-03T01:00:00Z']);
  });

  it('counts bots back when the policy says so, and records the policy', () => {
    const withBots = buildReport({ changes, deploys, openPulls: [] }, window, T + 30 * DAY, { ...policy, includeBots: true }, context());
    expect(withBots.summary.changes).toBe(2);
    expect(withBots.summary.excluded).toEqual({ bots: 0, syncs: 1, releases: 0 });
    expect(withBots.policy.includeBots).toBe(true);
    expect(report.policy).toEqual(policy);
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
