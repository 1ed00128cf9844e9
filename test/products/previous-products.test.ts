import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const DAY = 86400;
const MANIFESTS = {
  'package.json': '{"name": "acme", "version": "0.9.0", "private": true, "workspaces": ["packages/*"]}\n',
  'packages/a/package.json': '{"name": "@acme/a"}\n',
  'packages/b/package.json': '{"name": "@acme/b"}\n',
  'packages/lint/package.json': '{"name": "@acme/lint"}\n',
};
const at = (date: string): string => `2026-${date}T12:00:00Z`;
const change = (id: string, date: string, files: Record<string, string>) => ({ commit: id, at: at(date), files, id });
const tag = (name: string, ref: string, date: string) => ({ tag: name, ref, at: at(date), annotated: true });

/*
 * A workspace of @acme/a, @acme/b and @acme/lint; the window is April 2026 (30 days), the previous period
 * 2026-03-02 → 04-01, each read as of its own end:
 *   v0.9.0     the repository's own tag, 01-20 (with `ownTag`): older than a report of April reads, within what a
 *              report of March reads
 *   a, b       tagged 1.0.0 on 02-02
 *   a0         touches packages/a on 02-20, before the previous period: @acme/a@1.1.0 ships it, a deploy of a
 *   l1-l3      touch packages/lint on 03-10, 03-11, 03-12; @acme/a@1.1.0 tags l3 on 03-15: lint was tagged no
 *              version yet, so they are of no product then and ship with the first deploy of any, 5, 4 and 3 days
 *   p2         touches packages/a on 04-05; @acme/lint@0.1.0 tags it 04-10 (lint's first), @acme/a@1.2.0 04-12
 * bloc's bloc_lint, first tagged after its previous period, had made its 27 changes of that period never deployed
 * there, where a report of it ships them; and a read that went back further found svelte's own old tags.
 */
function workspace(ownTag: boolean): FixtureRepo {
  return buildRepo([
    { commit: 'workspace', at: at('01-10'), files: MANIFESTS, id: 'base' },
    ...(ownTag ? [tag('v0.9.0', 'base', '01-20')] : []),
    tag('@acme/a@1.0.0', 'base', '02-02'),
    tag('@acme/b@1.0.0', 'base', '02-02'),
    change('a0', '02-20', { 'packages/a/x.ts': 'zero\n' }),
    change('l1', '03-10', { 'packages/lint/rules.ts': 'one\n' }),
    change('l2', '03-11', { 'packages/lint/rules.ts': 'two\n' }),
    change('l3', '03-12', { 'packages/lint/rules.ts': 'three\n' }),
    tag('@acme/a@1.1.0', 'l3', '03-15'),
    change('p2', '04-05', { 'packages/a/x.ts': 'one\n' }),
    tag('@acme/lint@0.1.0', 'p2', '04-10'),
    tag('@acme/a@1.2.0', 'p2', '04-12'),
  ]);
}

const window = { since: '2026-04-01', until: '2026-05-01', now: '2026-05-01T00:00:00Z', github: false } as const;
const previousAlone = { since: '2026-03-02', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;
const row = (report: Report, key: string) => report.summary.previous?.rows.find((r) => r.key === key)?.before;

for (const ownTag of [false, true]) {
  describe(`the previous period's products, as a report of it reads them${ownTag ? ', beside an old tag of the repository\'s own' : ''}`, () => {
    let repo: FixtureRepo;
    let report: Report;
    let alone: Report;
    beforeAll(async () => {
      repo = workspace(ownTag);
      report = await audit({ path: repo.dir, ...window });
      alone = await audit({ path: repo.dir, ...previousAlone });
    });
    afterAll(() => repo.cleanup());

    it('makes no product of a package first tagged after it', () => {
      const lint = ['l1', 'l2', 'l3'].map((t) => alone.changes.find((c) => c.title === t));
      if (ownTag) {
        // the repository's own product (its tag within March's read) holds what no package does, untagged since
        expect(lint.map((c) => [c?.products, c?.deployedAt])).toEqual([[['acme'], null], [['acme'], null], [['acme'], null]]);
      } else {
        // of no product, they shipped with the first deploy of any: 5, 4 and 3 days
        expect(lint.map((c) => c?.deployedAt)).toEqual([at('03-15'), at('03-15'), at('03-15')]);
        expect(row(report, 'stages.deploy.p50')).toBe(4 * DAY);
      }
      expect([report.summary.previous?.changes, report.summary.previous?.deploys]).toEqual([3, 1]);
    });

    it('gives each figure a report of it gives', () => {
      for (const key of ['stages.deploy.p50', 'stages.deploy.p90', 'dora.leadTime']) {
        const value = key === 'dora.leadTime' ? alone.summary.dora.leadTime.value : alone.summary.stages.deploy[key.endsWith('p50') ? 'p50' : 'p90'];
        expect([key, row(report, key)]).toEqual([key, value]);
      }
    });

    it('leaves the window\'s own products as its read of the window before it makes them', () => {
      expect(report.summary.products?.map((p) => p.name)).toEqual(['@acme/a', '@acme/lint']);
    });
  });
}
