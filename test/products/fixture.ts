import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T12:00:00Z`;
/** a direct commit on main, authored a day before it lands: its lead time runs from the day before `day` */
const change = (id: string, day: number, files: Record<string, string | null>, message: string | ((sha: (id: string) => string) => string) = id) =>
  ({ commit: message, authorAt: at(day - 1), at: at(day), files, id });
const tag = (name: string, ref: string, day: number) => ({ tag: name, ref, at: at(day), annotated: true });

const MANIFESTS = {
  'package.json': '{"name": "acme", "private": true, "workspaces": ["packages/*"]}\n',
  'packages/a/package.json': '{"name": "@acme/a"}\n',
  'packages/b/package.json': '{"name": "@acme/b"}\n',
  'packages/c/package.json': '{"name": "c-lib"}\n',
};

/**
 * A three-package workspace (package.json `workspaces`; `@acme/a`, `@acme/b` and `c-lib` in packages/), each
 * package tagged before March 2026, then in March (every change authored the day before it lands):
 *
 *   change  lands   touches               shipped first by (products)                lead time
 *   m1      Mar 2   packages/a            @acme/a@1.1.0 (Mar 7), not b's earlier tag 6d
 *   m2      Mar 3   packages/b            @acme/b@1.1.0 (Mar 5)                       3d
 *   m3      Mar 4   README.md (no package) @acme/b@1.1.0 (Mar 5), the first of any      2d
 *           tags @acme/b@1.1.0 (Mar 5) and @acme/a@1.1.0 (Mar 7), both on m3
 *   m4      Mar 10  packages/a, packages/c @acme/a@1.2.0 (Mar 12; sorts first), and   3d
 *                                          c-lib-v1.1.0 ships it for c
 *   m5      Mar 11  packages/c            c-lib-v1.1.0 (Mar 12)                       2d
 *           tags @acme/a@1.2.0, @acme/b@1.2.0, c-lib-v1.1.0, all on m5 at Mar 12 (b's ships nothing)
 *   m6      Mar 20  packages/b            unreleased (13d at now, Apr 1)
 *   m7      Mar 21  reverts m4 (a, c)     unreleased (12d at now); fails @acme/a@1.2.0 and c-lib-v1.1.0 (9 days after)
 *
 * With `packages: 'one'`, only @acme/a is tagged: a repository of one product.
 */
export function monorepo(options: { packages: 'three' | 'one' } = { packages: 'three' }): FixtureRepo {
  const three = options.packages === 'three';
  const only = <T>(steps: T[]): T[] => (three ? steps : []);
  return buildRepo([
    { commit: 'workspace', at: '2026-02-01T12:00:00Z', files: MANIFESTS, id: 'base' },
    { tag: '@acme/a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    ...only([{ tag: '@acme/b@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true }, { tag: 'c-lib-v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true }]),
    change('m1', 2, { 'packages/a/x.ts': 'one\n' }),
    change('m2', 3, { 'packages/b/y.ts': 'one\n' }),
    change('m3', 4, { 'README.md': 'acme\n' }),
    ...only([tag('@acme/b@1.1.0', 'm3', 5)]),
    tag('@acme/a@1.1.0', 'm3', 7),
    change('m4', 10, { 'packages/a/x.ts': 'two\n', 'packages/c/z.ts': 'one\n' }),
    change('m5', 11, { 'packages/c/w.ts': 'one\n' }),
    tag('@acme/a@1.2.0', 'm5', 12),
    ...only([tag('@acme/b@1.2.0', 'm5', 12), tag('c-lib-v1.1.0', 'm5', 12)]),
    change('m6', 20, { 'packages/b/y2.ts': 'one\n' }),
    change('m7', 21, { 'packages/a/x.ts': 'one\n', 'packages/c/z.ts': null }, (sha) => `Revert "m4"\n\nThis reverts commit ${sha('m4')}.`),
  ]);
}

/**
 * Products only the config names (no workspace manifest): `api` (services/api/**, tags matching ^api-v) and
 * `web` (web/**, tags named for it). k1 touches services/api and lands Mar 2, k2 touches web and lands Mar 3;
 * web-v2.0.0 is tagged on k2 at Mar 4, api-v1.1.0 on k2 at Mar 6: k1 ships with api's tag (Mar 6), k2 with web's.
 */
export function declaredProducts(): FixtureRepo {
  return buildRepo([
    {
      commit: 'config', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { '.flowaudit.json': '{"products": {"api": {"paths": ["services/api/**"], "tags": "^api-v"}, "web": {"paths": ["web/**"]}}}\n', 'services/api/main.go': 'package main\n', 'web/index.html': '<p>\n' },
    },
    { tag: 'api-v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'web-v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('k1', 2, { 'services/api/main.go': 'package main // 2\n' }),
    change('k2', 3, { 'web/index.html': '<p>2\n' }),
    tag('web-v2.0.0', 'k2', 4),
    tag('api-v1.1.0', 'k2', 6),
  ]);
}

export const WINDOW = { since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;
