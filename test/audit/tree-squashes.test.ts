import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * gohugoio/hugo's maintainer squash-merges pull requests in GitHub's web UI and deletes the `(#N)` from the title:
 * the landed commit (committed by `GitHub <noreply@github.com>`) names no pull request, and 41 of its year's
 * changes read as direct pushes of no coding time (`Upgrade to Go 1.27`, #15229, began nine hours before it landed).
 * Its tree is the pull ref's head's. March 2026, UTC; the clone has refs/pull/*.
 *  #15  Bea's two commits (02 09:00, 02 12:00), squashed by GitHub as `Upgrade to Go 1.27` (03 10:00): the squash of #15
 *  #16  Cem's fix (04 09:00); Ada pushed the same lines herself (04 11:00), committed as Ada: a direct push
 *  #17  begun from main after GitHub committed Ada's web edit (05 10:00), an empty commit on top (06 09:00): the edit
 *       is a direct push, not #17's squash
 *  #18  one head for two pull requests (#18 opened again as #19, 07 09:00), squashed by GitHub (08 10:00): neither's
 *  #20  Dan's two commits (08 11:00, 08 12:00), squashed by GitHub (08 12:08); #21's ref moved onto the squash itself
 *       later (traefik's refs/pull/11786/head is master's squash of #12577): #20's squash, not #21 pushed as it was
 */
const bea = 'Bea <bea@example.com>';
const github = 'GitHub <noreply@github.com>';
const dan = 'Dan <dan@example.com>';
function history(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z', files: { 'go.mod': 'go 1.26\n', 'README.md': 'hugo\n' } },
    { branch: 'p15' },
    { commit: 'Upgrade to Go 1.27', on: 'p15', at: '2026-03-02T09:00:00Z', author: bea, files: { 'go.mod': 'go 1.27\n' } },
    { commit: 'Fix race', on: 'p15', at: '2026-03-02T12:00:00Z', author: bea, files: { 'race.go': 'fixed\n' }, id: 'p15' },
    { commit: 'Upgrade to Go 1.27', on: 'main', at: '2026-03-03T10:00:00Z', author: bea, committer: github, files: { 'go.mod': 'go 1.27\n', 'race.go': 'fixed\n' }, id: 'l15' },
    { branch: 'p16' },
    { commit: 'docs: fix the example', on: 'p16', at: '2026-03-04T09:00:00Z', author: 'Cem <cem@example.com>', files: { 'README.md': 'hugo, fixed\n' }, id: 'p16' },
    { commit: 'Fix example', on: 'main', at: '2026-03-04T11:00:00Z', files: { 'README.md': 'hugo, fixed\n' }, id: 'own' },
    { commit: 'Remove Star History from README', on: 'main', at: '2026-03-05T10:00:00Z', committer: github, files: { 'README.md': 'hugo, no stars\n' }, id: 'edit' },
    { branch: 'p17' },
    { commit: 'SEO auto-fixes', on: 'p17', at: '2026-03-06T09:00:00Z', author: 'SEO Agent <seo@example.com>', files: {}, id: 'p17' },
    { branch: 'p18' },
    { commit: 'Add a flag', on: 'p18', at: '2026-03-07T09:00:00Z', author: bea, files: { 'flag.go': 'flag\n' }, id: 'p18' },
    { commit: 'Add a flag', on: 'main', at: '2026-03-08T10:00:00Z', author: bea, committer: github, files: { 'flag.go': 'flag\n' }, id: 'l18' },
    { branch: 'p20' },
    { commit: 'Document the middleware', on: 'p20', at: '2026-03-08T11:00:00Z', author: dan, files: { 'docs.md': 'middleware\n' } },
    { commit: 'Review fixes', on: 'p20', at: '2026-03-08T12:00:00Z', author: dan, files: { 'docs.md': 'middleware, reviewed\n' }, id: 'p20' },
    { commit: 'Service-level middleware documentation', on: 'main', at: '2026-03-08T12:08:00Z', author: dan, committer: github, files: { 'docs.md': 'middleware, reviewed\n' }, id: 'l20' },
  ]);
  for (const n of [15, 16, 17, 18, 20]) repo.git('update-ref', `refs/pull/${n}/head`, repo.sha(`p${n}`));
  repo.git('update-ref', 'refs/pull/19/head', repo.sha('p18'));
  repo.git('update-ref', 'refs/pull/21/head', repo.sha('l20'));
  repo.git('branch', '-D', 'p15', 'p16', 'p17', 'p18', 'p20');
  return repo;
}

describe('pull requests squashed in GitHub\'s web UI with the number taken out of the title (hugo)', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = history();
    report = await audit({ path: repo.dir, since: '2026-03-02', until: '2026-03-09', now: '2026-03-09T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const of = (id: string) => {
    const c = report.changes.find((x) => x.sha === repo.sha(id));
    return [c?.id, c?.kind, c?.commits, c?.firstCommitAt, c?.cycleTime];
  };

  it('reads a commit GitHub wrote whose tree is one pull ref\'s head\'s as that pull request\'s squash, its commits from the pull ref', () => {
    expect(of('l15')).toEqual(['#15', 'squash', 2, '2026-03-02T09:00:00Z', 25 * 3600]);
    expect(report.changes.find((c) => c.id === '#15')?.title).toBe('Upgrade to Go 1.27');
  });

  it('leaves a person\'s own commit of the same content a direct push', () => {
    expect(of('own')).toEqual([repo.sha('own').slice(0, 10), 'direct', 1, '2026-03-04T11:00:00Z', 0]);
  });

  it('reads a squash whose own sha a pull ref was moved to later as the squash of the pull request whose head has its tree', () => {
    expect(of('l20')).toEqual(['#20', 'squash', 2, '2026-03-08T11:00:00Z', 68 * 60]);
    expect(report.changes.some((c) => c.id === '#21')).toBe(false);
  });

  it('links no pull request begun after the commit, nor one whose head another pull request shares', () => {
    expect(of('edit')).toEqual([repo.sha('edit').slice(0, 10), 'direct', 1, '2026-03-05T10:00:00Z', 0]);
    expect(of('l18')).toEqual([repo.sha('l18').slice(0, 10), 'direct', 1, '2026-03-08T10:00:00Z', 0]);
  });
});
