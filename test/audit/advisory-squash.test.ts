import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * sveltejs/svelte's security fixes land as GitHub's squash of the advisory's private fork: one parent, the subject
 * `Merge commit from fork`, the squashed commits listed under it (`* fix: strip event handlers during SSR`). Seven of
 * its year's eleven were listed under that subject, none read as a repair. One whose body opens otherwise (a trailer,
 * the advisory's address) names no fix, and keeps the subject.
 */
describe("a security advisory's squash", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
      { commit: 'Merge commit from fork\n\n* fix: strip event handlers during SSR\n\n* test: more cases', at: '2026-03-02T10:00:00Z', files: { 'ssr.js': 'safe\n' } },
      { commit: 'Merge commit from fork\n\nCo-authored-by: Rich Harris <rich.harris@vercel.com>', at: '2026-03-03T10:00:00Z', files: { 'element.js': 'checked\n' } },
      { commit: 'Merge commit from fork\n\nhttps://github.com/acme/app/security/advisories/GHSA-f3cj-j4f6-wq85', at: '2026-03-04T10:00:00Z', files: { 'attr.js': 'checked\n' } },
    ]);
    report = await audit({ path: repo.dir, since: '2026-03-02', until: '2026-03-10', now: '2026-03-10T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('is titled by the fix it lists first, a repair', () => {
    expect(report.changes.map((c) => [c.kind, c.title, c.flags.includes('repair:fix-title')])).toEqual([
      ['direct', 'fix: strip event handlers during SSR', true],
      ['direct', 'Merge commit from fork', false],
      ['direct', 'Merge commit from fork', false],
    ]);
  });
});
