import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const DAY = 86400;
const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T12:00:00Z`;

/*
 * axum's #3469: a pull request rebase-merged as two commits, the first in axum/, its landing in axum-extra/. Its
 * products were read from the landing commit alone (axum-extra), so axum-v0.8.5, which shipped it 19 s before
 * axum-extra-v0.10.2, did not count it. Here #7 lands on March 3 as r1 (packages/a) then r2 (packages/b), copies of
 * refs/pull/7/head's two commits; a@1.1.0 is tagged on March 5, b@1.1.0 on March 8.
 */
describe('a rebase-merged change whose commits touch two products', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = buildRepo([
      {
        commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
        files: { 'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "a"}\n', 'packages/b/package.json': '{"name": "b"}\n' },
      },
      { tag: 'a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
      { tag: 'b@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
      { branch: 'pr7' },
      { commit: 'add the body layer to a', on: 'pr7', authorAt: at(1), at: at(1), files: { 'packages/a/layer.ts': 'one\n' } },
      { commit: 'use the body layer in b', on: 'pr7', authorAt: at(2), at: at(2), files: { 'packages/b/layer.ts': 'one\n' }, id: 'head' },
      { commit: 'add the body layer to a', on: 'main', authorAt: at(1), at: at(3), files: { 'packages/a/layer.ts': 'one\n' } },
      { commit: 'use the body layer in b', on: 'main', authorAt: at(2), at: '2026-03-03T12:00:01Z', files: { 'packages/b/layer.ts': 'one\n' }, id: 'landing' },
      { tag: 'a@1.1.0', ref: 'landing', at: at(5), annotated: true },
      { tag: 'b@1.1.0', ref: 'landing', at: at(8), annotated: true },
    ]);
    repo.git('update-ref', 'refs/pull/7/head', repo.sha('head'));
    repo.git('branch', '-D', 'pr7');
    report = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('is a change of both products, shipped first by the first of their deploys', () => {
    const seven = report.changes.find((c) => c.number === 7);
    expect([seven?.kind, seven?.commits, seven?.products]).toEqual(['rebase', 2, ['a', 'b']]);
    expect([seven?.deployRef, seven?.deployedAt]).toEqual(['a@1.1.0', at(5)]);
    expect(seven?.productDeploys?.map((p) => [p.product, p.ref, p.deployWait])).toEqual([['a', 'a@1.1.0', 2 * DAY - 1], ['b', 'b@1.1.0', 5 * DAY - 1]]);
  });
});
