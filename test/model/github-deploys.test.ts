import { describe, expect, it } from 'vitest';
import type { Deploy } from '../../src/domain.js';
import { applyGitHubFailures, failedDeployments, gitHubIncidents } from '../../src/model/github-deploys.js';
import { successfulDeployments } from '../../src/sources/deploys/deployments.js';
import { publishedReleases } from '../../src/sources/deploys/releases.js';
import { linkIncidents } from '../../src/model/incidents.js';
import type { GitHubDeployment, GitHubIncident, GitHubRelease } from '../../src/sources/github/types.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const PROD = /^(prod|production|live|prd)$/;
const deployment = (environment: string, sha: string, statuses: Array<[string, string]>): GitHubDeployment => ({
  environment, sha, ref: null, createdAt: at(statuses[0]?.[1] ?? '2026-01-01T00:00:00Z'), statuses: statuses.map(([state, t]) => ({ state, at: at(t) })),
});

describe('deploys from GitHub', () => {
  const deployments = [
    deployment('production', 'a'.repeat(40), [['IN_PROGRESS', '2026-03-01T10:00:00Z'], ['SUCCESS', '2026-03-01T10:05:00Z']]),
    deployment('staging', 'b'.repeat(40), [['SUCCESS', '2026-03-01T11:00:00Z']]),
    deployment('prod', 'c'.repeat(40), [['IN_PROGRESS', '2026-03-02T10:00:00Z'], ['FAILURE', '2026-03-02T10:03:00Z']]),
  ];

  it('counts production deployments at their first successful status, never staging', () => {
    expect(successfulDeployments(deployments, PROD)).toEqual([{ name: 'production@aaaaaaa', sha: 'a'.repeat(40), at: at('2026-03-01T10:05:00Z'), target: 'production' }]);
    expect(failedDeployments(deployments, PROD)).toEqual([{ name: 'prod@ccccccc', sha: 'c'.repeat(40), at: at('2026-03-02T10:03:00Z') }]);
  });

  it('takes published releases only', () => {
    const releases: GitHubRelease[] = [
      { tagName: 'v1', createdAt: 1, publishedAt: 10, isDraft: false, isPrerelease: false, sha: 'd'.repeat(40) },
      { tagName: 'v2-rc', createdAt: 2, publishedAt: 20, isDraft: false, isPrerelease: true, sha: 'e'.repeat(40) },
      { tagName: 'v3', createdAt: 3, publishedAt: null, isDraft: true, isPrerelease: false, sha: null },
    ];
    expect(publishedReleases(releases)).toEqual([{ name: 'v1', sha: 'd'.repeat(40), at: 10 }]);
  });

  it('fails a deploy on a failed status or an incident before the next deploy, restored at the next deploy or the close', () => {
    const ok = (ref: string, t: string): Deploy => ({ ref, sha: ref, at: at(t), changeShas: [], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null });
    const incidents: GitHubIncident[] = [{ number: 7, title: 'down', url: '', createdAt: at('2026-03-03T12:00:00Z'), closedAt: at('2026-03-03T15:00:00Z'), labels: ['incident'] }];
    const withFailed = applyGitHubFailures(
      [ok('d1', '2026-03-01T10:05:00Z'), ok('d2', '2026-03-03T10:00:00Z'), ok('d3', '2026-03-04T10:00:00Z')],
      failedDeployments(deployments, PROD),
    );
    const all = linkIncidents(withFailed, gitHubIncidents(incidents), { window: 7 * 86400, productOf: () => '', changes: [] }).deploys;
    expect(all.map((d) => [d.ref, d.failed, d.failureReasons, d.restoredAfter])).toEqual([
      ['d1', false, [], null],
      ['prod@ccccccc', true, ['deployment status failure'], at('2026-03-03T10:00:00Z') - at('2026-03-02T10:03:00Z')],
      ['d2', true, ['incident #7'], 5 * 3600],
      ['d3', false, [], null],
    ]);
  });

  it('failed deploys in a row are each restored at the next that did not fail; the last, never restored, stays null', () => {
    const deploy = (ref: string, t: string): Deploy => ({ ref, sha: ref, at: at(t), changeShas: [], rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null });
    const failed = (name: string, t: string) => ({ name, sha: name, at: at(t) });
    const all = applyGitHubFailures(
      [deploy('ok1', '2026-03-01T00:00:00Z'), deploy('ok2', '2026-03-01T05:00:00Z')],
      [failed('f1', '2026-03-01T01:00:00Z'), failed('f2', '2026-03-01T02:00:00Z'), failed('f3', '2026-03-01T06:00:00Z')],
    );
    expect(all.map((d) => [d.ref, d.restoredAfter])).toEqual([['ok1', null], ['f1', 4 * 3600], ['f2', 3 * 3600], ['ok2', null], ['f3', null]]);
  });
});
