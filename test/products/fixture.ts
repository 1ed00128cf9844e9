import { buildRepo, type FixtureRepo, type Step } from '../helpers/git-fixture.js';

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
 *                                          (of no product: in no product's row)
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
 * Two packages (`a` in packages/a, `b` in packages/b, with changesets) whose tags ship changes of no package, as
 * react-router's did: its `@react-router/architect@7.18.1` held nothing of main but a docs change, and its name,
 * sorting first, took the docs and CI changes of every release (every change authored the day before it lands):
 *
 *   change  lands   touches                          shipped first by
 *   n1      Mar 2   docs/ (no product)               b@1.1.0 (Mar 6), the first deploy of any product holding it
 *           tag a@1.0.1 on n1 (Mar 3): nothing of a's, no deploy
 *   b1      Mar 4   packages/b                       b@1.1.0 (Mar 6)
 *   n2      Mar 5   .github/ (no product)            b@1.1.0 (Mar 6), not a@1.1.0 beside it (sorting first)
 *           tags a@1.1.0 and b@1.1.0 on n2 (Mar 6): a's ships nothing of a's, no deploy; b's ships b1 alone
 *   n3      Mar 8   reverts n2 (no product)          a@1.2.0 (Mar 12): fails no deploy, n2 being no product's
 *   a1      Mar 10  packages/a                       a@1.2.0 (Mar 12)
 *           tag a@1.2.0 on a1 (Mar 12)
 *   c1      Mar 13  crates/, a changeset naming b    b@1.2.0 (Mar 14)
 *           tag b@1.2.0 on c1 (Mar 14)
 *   c2      Mar 16  reverts c1 (crates/, deletes its changeset: no product)   unreleased; fails b@1.2.0, 2 days after
 *
 * So a has one deploy (a@1.2.0, 1 change), b two (b@1.1.0, 1 change; b@1.2.0, 1 change, failed).
 */
export function noProductTags(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', '.changeset/config.json': '{}\n',
        'packages/a/package.json': '{"name": "a"}\n', 'packages/b/package.json': '{"name": "b"}\n', 'crates/core.rs': 'fn main() {}\n',
      },
    },
    { tag: 'a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'b@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('n1', 2, { 'docs/guide.md': 'guide\n' }),
    tag('a@1.0.1', 'n1', 3),
    change('b1', 4, { 'packages/b/x.ts': 'one\n' }),
    change('n2', 5, { '.github/ci.yml': 'on: push\n' }),
    tag('a@1.1.0', 'n2', 6),
    tag('b@1.1.0', 'n2', 6),
    change('n3', 8, { '.github/ci.yml': null }, (sha) => `Revert "n2"\n\nThis reverts commit ${sha('n2')}.`),
    change('a1', 10, { 'packages/a/x.ts': 'one\n' }),
    tag('a@1.2.0', 'a1', 12),
    change('c1', 13, { 'crates/core.rs': 'fn main() { 1 }\n', '.changeset/calm-owl.md': '---\n"b": patch\n---\n\nFaster.\n' }),
    tag('b@1.2.0', 'c1', 14),
    change('c2', 16, { 'crates/core.rs': 'fn main() {}\n', '.changeset/calm-owl.md': null }, (sha) => `Revert "c1"\n\nThis reverts commit ${sha('c1')}.`),
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

/**
 * A product the config names by a suffix of the repository's own tags (Continue tags its VS Code extension
 * `v1.3.40-vscode`): `ext` (ext/**, tags matching -ext$) beside the root's own `v1.x` tags. e1 touches ext and lands
 * Mar 2, tagged v2.0.0-beta.1-ext Mar 3 (a test build of it) and v2.0.0-ext Mar 5; r1 touches lib and lands Mar 2,
 * tagged v1.1.0 Mar 4: e1 ships with v2.0.0-ext, r1 with v1.1.0.
 */
export function suffixTaggedProduct(): FixtureRepo {
  return buildRepo([
    {
      commit: 'config', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { '.flowaudit.json': '{"products": {"ext": {"paths": ["ext/**"], "tags": "-ext$"}}}\n', 'ext/main.ts': 'a\n', 'lib/main.ts': 'a\n' },
    },
    { tag: 'v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'v1.0.0-ext', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('e1', 2, { 'ext/main.ts': 'b\n' }),
    change('r1', 2, { 'lib/main.ts': 'b\n' }),
    tag('v2.0.0-beta.1-ext', 'r1', 3),
    tag('v1.1.0', 'r1', 4),
    tag('v2.0.0-ext', 'r1', 5),
  ]);
}

export const WINDOW = { since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false } as const;

const WIDGET_ROOT = '{"name": "widget-monorepo", "private": true, "workspaces": ["packages/*", "packages/integrations/*", "!packages/integrations/internal"]}\n';
const widget = (version: string): string => `{"name": "widget", "version": "${version}"}\n`;
// the workspace at 1.0.0: widget, and its React and Vue integrations
const WIDGET_WORKSPACE: Record<string, string> = {
  'package.json': WIDGET_ROOT,
  'packages/widget/package.json': widget('1.0.0'),
  'packages/integrations/react/package.json': '{"name": "@widget/react", "version": "1.0.0"}\n',
  'packages/integrations/vue/package.json': '{"name": "@widget/vue", "version": "1.0.0"}\n',
};

/**
 * A workspace whose main package, widget (packages/widget), is tagged with the repository's own tags (v1.1.0, no
 * package named) and carries their version in its manifest, beside two scoped packages under a nested glob
 * (packages/integrations/*: @widget/react, @widget/vue) and one the workspace leaves out (!…/internal), every
 * change authored the day before it lands:
 *
 *   change  lands   touches                      shipped first by
 *   c1      Mar 2   packages/widget              v1.1.0 (Mar 7)
 *   c2      Mar 3   packages/integrations/react  @widget/react@1.1.0 (Mar 5)
 *   c3      Mar 4   README.md (no product)       v1.1.0 (Mar 7): the repository's own tags, not react's earlier one
 *           tag @widget/react@1.1.0 on c3 (Mar 5)
 *   b1      Mar 6   widget's manifest → 1.1.0    v1.1.0 (Mar 7), tagged on b1
 *   c4      Mar 10  widget and vue               @widget/vue@1.1.0 (Mar 11), and v1.2.0 ships it for widget
 *           tag @widget/vue@1.1.0 on c4 (Mar 11)
 *   c5      Mar 12  packages/integrations/internal (no product)   v1.2.0 (Mar 15), not the internal tag that day
 *           tag @widget/internal@0.2.0 on c5 (Mar 12): names no package of the workspace, no deploy
 *   b2      Mar 14  widget's manifest → 1.2.0    v1.2.0 (Mar 15), tagged on b2
 *   c6      Mar 20  packages/widget              unreleased
 */
export function ownTags(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { ...WIDGET_WORKSPACE, 'packages/integrations/internal/package.json': '{"name": "@widget/internal", "private": true}\n' },
    },
    { tag: 'v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: '@widget/react@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: '@widget/vue@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('c1', 2, { 'packages/widget/src/a.ts': 'one\n' }),
    change('c2', 3, { 'packages/integrations/react/x.ts': 'one\n' }),
    change('c3', 4, { 'README.md': 'widget\n' }),
    tag('@widget/react@1.1.0', 'c3', 5),
    change('b1', 6, { 'packages/widget/package.json': widget('1.1.0') }, 'release widget 1.1.0'),
    tag('v1.1.0', 'b1', 7),
    change('c4', 10, { 'packages/widget/src/b.ts': 'one\n', 'packages/integrations/vue/y.ts': 'one\n' }),
    tag('@widget/vue@1.1.0', 'c4', 11),
    change('c5', 12, { 'packages/integrations/internal/z.ts': 'one\n' }),
    tag('@widget/internal@0.2.0', 'c5', 12),
    change('b2', 14, { 'packages/widget/package.json': widget('1.2.0') }, 'release widget 1.2.0'),
    tag('v1.2.0', 'b2', 15),
    change('c6', 20, { 'packages/widget/src/a.ts': 'two\n' }),
  ]);
}

/**
 * A Go repository whose `api/` folder becomes a module of its own in the window (cluster-api's api/go.mod, made on
 * 2026-06-18: its October change in api/ alone had waited 280 days for api/v1.14.0 where v1.12.0 shipped it):
 *
 *   change  lands   touches                 shipped first by
 *   a1      Mar 3   api/types.go            v1.1.0 (Mar 5): api/ is the root module's folder then
 *           tag v1.1.0 on a1 (Mar 5)
 *   m1      Mar 10  api/go.mod (added)      api/v1.0.0 (Mar 20): the module is made
 *   a2      Mar 12  api/types.go            api/v1.0.0 (Mar 20)
 *           tag api/v1.0.0 and v1.2.0 on a2 (Mar 20)
 */
export function moduleMadeInWindow(): FixtureRepo {
  return buildRepo([
    { commit: 'module', at: '2026-02-01T12:00:00Z', id: 'base', files: { 'go.mod': 'module example.com/kit\n\ngo 1.22\n', 'kit.go': 'package kit\n', 'api/types.go': 'package api\n' } },
    { tag: 'v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('a1', 3, { 'api/types.go': 'package api // 2\n' }),
    tag('v1.1.0', 'a1', 5),
    change('m1', 10, { 'api/go.mod': 'module example.com/kit/api\n' }),
    change('a2', 12, { 'api/types.go': 'package api // 3\n' }),
    tag('api/v1.0.0', 'a2', 20),
    tag('v1.2.0', 'a2', 20),
  ]);
}

/**
 * A Go repository with a nested module and no go.work: the root module example.com/kit (tagged v1.1.0) and
 * example.com/kit/api in api/ (tagged api/v1.1.0), and a tool module in _tools/ that go skips. g1 touches
 * api/ (Mar 2), g2 the root module (Mar 3); api/v1.1.0 is tagged on g2 on Mar 5, v1.1.0 on g2 on Mar 6: g1
 * ships with api's tag, g2 with the root module's a day later, not with api's tag that reached it first.
 */
export function goModules(): FixtureRepo {
  return buildRepo([
    {
      commit: 'modules', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'go.mod': 'module example.com/kit\n\ngo 1.22\n', 'kit.go': 'package kit\n', 'api/go.mod': 'module example.com/kit/api\n', 'api/client.go': 'package api\n', '_tools/go.mod': 'module tools\n' },
    },
    { tag: 'v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'api/v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('g1', 2, { 'api/client.go': 'package api // 2\n' }),
    change('g2', 3, { 'kit.go': 'package kit // 2\n' }),
    tag('api/v1.1.0', 'g2', 5),
    tag('v1.1.0', 'g2', 6),
  ]);
}

/**
 * A workspace (packages/*) whose package old is removed within the window, and whose own tag (v0.0.9, the
 * version of no package: the root's) is older than the history read, so it makes no product of the root: d1 touches old (Mar 2) and ships with old@1.1.0 (Mar 3), though old
 * is gone by the window's end (removed Mar 5); d2 touches README.md (Mar 4) and ships with the first deploy of any
 * product after it, a@1.1.0 (Mar 7: a deploy of a by a0, a change of February), there being none of the
 * repository's own tags to wait for; so does dependabot's bump of .github/dependabot.yml (Mar 4), a bot's change
 * the figures leave out without --include-bots.
 */
export function removedPackage(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2025-01-01T12:00:00Z', id: 'base',
      files: { 'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "a", "version": "0.1.0"}\n', 'packages/old/package.json': '{"name": "old"}\n' },
    },
    { tag: 'v0.0.9', ref: 'base', at: '2025-01-02T12:00:00Z', annotated: true },
    { tag: 'a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'old@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { commit: 'a0', at: '2026-02-20T12:00:00Z', files: { 'packages/a/x.ts': 'zero\n' }, id: 'a0' },
    change('d1', 2, { 'packages/old/x.ts': 'one\n' }),
    tag('old@1.1.0', 'd1', 3),
    change('d2', 4, { 'README.md': 'a\n' }),
    { ...change('bump', 4, { '.github/dependabot.yml': 'version: 2\n' }), author: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>' },
    change('gone', 5, { 'packages/old/package.json': null, 'packages/old/x.ts': null }),
    tag('a@1.1.0', 'gone', 7),
  ]);
}

/**
 * A package moved between the previous period (February) and the window (March), its name kept, as
 * opentelemetry-js-contrib moved plugins/node/opentelemetry-instrumentation-pg to packages/instrumentation-pg:
 * `b` lives in plugins/b until Feb 20, in packages/b since. p1 touches plugins/b (Feb 3), tagged a@1.1.0 (Feb 4,
 * nothing of a's) and b@1.1.0 (Feb 5); the move (Feb 20); w1 touches packages/b (Mar 2), tagged b@1.2.0 (Mar 4).
 * p1 is b's, shipped by b@1.1.0: the previous period has one deploy, b's, and not a@1.1.0.
 */
export function movedPackage(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-01-15T12:00:00Z', id: 'base',
      files: { 'package.json': '{"private": true, "workspaces": ["packages/*", "plugins/*"]}\n', 'packages/a/package.json': '{"name": "a"}\n', 'plugins/b/package.json': '{"name": "b"}\n', 'plugins/b/x.ts': 'zero\n' },
    },
    { tag: 'a@1.0.0', ref: 'base', at: '2026-01-16T12:00:00Z', annotated: true },
    { tag: 'b@1.0.0', ref: 'base', at: '2026-01-16T12:00:00Z', annotated: true },
    { commit: 'p1', authorAt: '2026-02-02T12:00:00Z', at: '2026-02-03T12:00:00Z', files: { 'plugins/b/x.ts': 'one\n' }, id: 'p1' },
    { tag: 'a@1.1.0', ref: 'p1', at: '2026-02-04T12:00:00Z', annotated: true },
    { tag: 'b@1.1.0', ref: 'p1', at: '2026-02-05T12:00:00Z', annotated: true },
    {
      commit: 'move b to packages', at: '2026-02-20T12:00:00Z', id: 'move',
      files: { 'plugins/b/package.json': null, 'plugins/b/x.ts': null, 'packages/b/package.json': '{"name": "b"}\n', 'packages/b/x.ts': 'one\n' },
    },
    change('w1', 2, { 'packages/b/x.ts': 'two\n' }),
    tag('b@1.2.0', 'w1', 4),
  ]);
}

/**
 * A workspace whose packages were tagged on their own years ago and are released now as one, by the repository's
 * own tags (pnpm: `@pnpm/headless@0.6.2` of 2018, `v10.…` since): the CLI `tool` (packages/cli, tagged v1.0.0 and
 * v1.1.0, its manifest carrying the version) and `@tool/core` (packages/core, tagged only `@tool/core@0.6.2` in
 * 2019). e1 touches core (Mar 2), e2 the CLI (Mar 3); v1.1.0 is tagged on the bump (Mar 5): both ship with it,
 * core's change too, since a tag of 2019, years before the window, makes no product of core that would hold it
 * back as never deployed.
 */
export function formerlyTagged(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2019-01-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"name": "tool-monorepo", "private": true, "workspaces": ["packages/*"]}\n',
        'packages/cli/package.json': '{"name": "tool", "version": "0.9.0"}\n',
        'packages/core/package.json': '{"name": "@tool/core", "version": "0.6.2"}\n',
      },
    },
    { tag: '@tool/core@0.6.2', ref: 'base', at: '2019-01-02T12:00:00Z', annotated: true },
    { commit: 'release tool 1.0.0', at: '2026-02-01T12:00:00Z', id: 'one', files: { 'packages/cli/package.json': '{"name": "tool", "version": "1.0.0"}\n' } },
    { tag: 'v1.0.0', ref: 'one', at: '2026-02-02T12:00:00Z', annotated: true },
    change('e1', 2, { 'packages/core/x.ts': 'one\n' }),
    change('e2', 3, { 'packages/cli/y.ts': 'one\n' }),
    change('b1', 4, { 'packages/cli/package.json': '{"name": "tool", "version": "1.1.0"}\n' }, 'release tool 1.1.0'),
    tag('v1.1.0', 'b1', 5),
  ]);
}

/**
 * Two packages (`a` in packages/a, `b` in packages/b) whose tags ship one change at different times, every change
 * authored the day before it lands:
 *
 *   change  lands   touches      a's deploy of it        b's deploy of it         lead time: whole · in a's row · in b's row
 *   x1      Mar 2   a and b      a@1.1.0 (Mar 5)         b@1.1.0 (Mar 12)         4d · 4d · 11d: b's a week longer
 *   x3      Mar 4   b            —                       b@1.1.0 (Mar 12)         9d · — · 9d
 *           tags a@1.1.0 on x3 (Mar 5), b@1.1.0 on x3 (Mar 12)
 *   x2      Mar 14  a and b      a@1.2.0 (Mar 16)        none yet: unreleased     3d · 3d · waiting (19d at now, Apr 1)
 *           tag a@1.2.0 on x2 (Mar 16)
 *
 * So a's row: 2 changes, lead p50 3.5d, none unreleased; b's row: 3 changes, lead p50 11d (x3's 9d, x1's 11d, x2
 * waiting longer), 1 unreleased. The whole report: x1 deployed Mar 5, x2 Mar 16, nothing unreleased.
 */
export function staggeredTags(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "a"}\n', 'packages/b/package.json': '{"name": "b"}\n' },
    },
    { tag: 'a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'b@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('x1', 2, { 'packages/a/x.ts': 'one\n', 'packages/b/x.ts': 'one\n' }),
    change('x3', 4, { 'packages/b/y.ts': 'one\n' }),
    tag('a@1.1.0', 'x3', 5),
    tag('b@1.1.0', 'x3', 12),
    change('x2', 14, { 'packages/a/x.ts': 'two\n', 'packages/b/x.ts': 'two\n' }),
    tag('a@1.2.0', 'x2', 16),
  ]);
}

/**
 * A release-please workspace of scoped npm packages whose folders are not named as their tags, as
 * opentelemetry-js-contrib's were until July 2025: `@acme/instrumentation-pg` in
 * plugins/node/opentelemetry-instrumentation-pg, tagged `instrumentation-pg-v0.2.0`, and `@acme/host-metrics` in
 * packages/opentelemetry-host-metrics, tagged `host-metrics-v0.2.0` (release-please names a tag for the package
 * less its scope). s1 touches the instrumentation (Mar 2), s2 host-metrics (Mar 3); host-metrics-v0.2.0 is tagged on
 * s2 at Mar 4, instrumentation-pg-v0.2.0 on s2 at Mar 6: s1 ships with its own package's tag (Mar 6), s2 with
 * host-metrics' (Mar 4).
 */
export function scopedPackageTags(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"name": "acme-contrib", "private": true, "workspaces": ["packages/*", "plugins/node/*"]}\n',
        'plugins/node/opentelemetry-instrumentation-pg/package.json': '{"name": "@acme/instrumentation-pg", "version": "0.1.0"}\n',
        'packages/opentelemetry-host-metrics/package.json': '{"name": "@acme/host-metrics", "version": "0.1.0"}\n',
      },
    },
    { tag: 'instrumentation-pg-v0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'host-metrics-v0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('s1', 2, { 'plugins/node/opentelemetry-instrumentation-pg/src/index.ts': 'one\n' }),
    change('s2', 3, { 'packages/opentelemetry-host-metrics/src/index.ts': 'one\n' }),
    tag('host-metrics-v0.2.0', 's2', 4),
    tag('instrumentation-pg-v0.2.0', 's2', 6),
  ]);
}

/**
 * A package born in the window and moved to another folder before its end, its name kept, as
 * opentelemetry-js-contrib added propagators/propagator-aws-xray in October 2024 and moved it to packages/ in July
 * 2025: `a` lives in packages/a throughout; `b` is added in plugins/b (Mar 2), q1 touches plugins/b (Mar 3), tagged
 * b@1.0.0 (Mar 4); the move to packages/b (Mar 10); q2 touches packages/b (Mar 12), tagged b@1.1.0 (Mar 14). b's
 * folders are both; q1 is b's, shipped by b@1.0.0; b's history begins at its add in plugins/b; the move is b's
 * change, shipped by b@1.1.0. With `listed: false` the workspace lists packages/* alone: plugins/b is a package no
 * workspace lists (tauri's tooling/macos-sign, a Cargo workspace of its own until it moved to crates/).
 */
export function movedInWindow(options: { listed: boolean } = { listed: true }): FixtureRepo {
  const workspaces = options.listed ? '["packages/*", "plugins/*"]' : '["packages/*"]';
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'package.json': `{"private": true, "workspaces": ${workspaces}}\n`, 'packages/a/package.json': '{"name": "a"}\n' },
    },
    { tag: 'a@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { commit: 'add b', at: at(2), files: { 'plugins/b/package.json': '{"name": "b"}\n', 'plugins/b/x.ts': 'zero\n' }, id: 'born' },
    change('q1', 3, { 'plugins/b/x.ts': 'one\n' }),
    tag('b@1.0.0', 'q1', 4),
    {
      commit: 'move b to packages', at: at(10), id: 'move',
      files: { 'plugins/b/package.json': null, 'plugins/b/x.ts': null, 'packages/b/package.json': '{"name": "b"}\n', 'packages/b/x.ts': 'one\n' },
    },
    change('q2', 12, { 'packages/b/x.ts': 'two\n' }),
    tag('b@1.1.0', 'q2', 14),
  ]);
}

/**
 * A package removed between the previous period and the window, as opentelemetry-js-contrib removed
 * instrumentation-redis-4 in July 2025: a, b and old in packages/ (Jan 15, each tagged 1.0.0 on Jan 16). In the
 * previous period (Jan 29 → Mar 1): p1 touches packages/old (authored Feb 2, landed Feb 3), tagged old@1.1.0 (Feb 4);
 * p2 touches packages/a (Feb 4, Feb 5), tagged a@1.1.0 (Feb 6); `gone` removes packages/old (Feb 20). In the window:
 * w1 touches packages/a (Mar 2), tagged a@1.2.0 (Mar 4); w2 touches packages/b (Mar 3), tagged b@1.1.0 (Mar 5).
 * The window's products are a and b; the previous period's were a, b and old: p1 shipped by old@1.1.0 (2 days),
 * p2 by a@1.1.0 (2 days), two deploys.
 */
export function goneBeforeWindow(): FixtureRepo {
  const feb = (day: number): string => `2026-02-${String(day).padStart(2, '0')}T12:00:00Z`;
  return buildRepo([
    {
      commit: 'workspace', at: '2026-01-15T12:00:00Z', id: 'base',
      files: { 'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "a"}\n', 'packages/b/package.json': '{"name": "b"}\n', 'packages/old/package.json': '{"name": "old"}\n' },
    },
    ...['a', 'b', 'old'].map((name) => ({ tag: `${name}@1.0.0`, ref: 'base', at: '2026-01-16T12:00:00Z', annotated: true })),
    { commit: 'p1', authorAt: feb(2), at: feb(3), files: { 'packages/old/x.ts': 'one\n' }, id: 'p1' },
    { tag: 'old@1.1.0', ref: 'p1', at: feb(4), annotated: true },
    { commit: 'p2', authorAt: feb(4), at: feb(5), files: { 'packages/a/x.ts': 'one\n' }, id: 'p2' },
    { tag: 'a@1.1.0', ref: 'p2', at: feb(6), annotated: true },
    { commit: 'gone', at: feb(20), files: { 'packages/old/package.json': null, 'packages/old/x.ts': null } },
    change('w1', 2, { 'packages/a/x.ts': 'two\n' }),
    tag('a@1.2.0', 'w1', 4),
    change('w2', 3, { 'packages/b/y.ts': 'one\n' }),
    tag('b@1.1.0', 'w2', 5),
  ]);
}

/**
 * A package tagged and removed long before either period the report shows, as sveltejs/kit removed
 * adapter-cloudflare-workers in April 2025, its tags still in the clone: a, b and old in packages/ (Nov 20,
 * 2025), each tagged 1.0.0 on Dec 1; `drop old` removes packages/old (Dec 10). In the previous period (Jan 29 →
 * Mar 1) p2 touches packages/a (Feb 5), tagged a@1.1.0 (Feb 6); in the window w1 touches packages/a (Mar 2), tagged
 * a@1.2.0 (Mar 4). The read reaches back to Dec 1 (a's last release before the previous period), old@1.0.0 with it.
 */
export function goneLongBefore(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2025-11-20T12:00:00Z', id: 'base',
      files: { 'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "a"}\n', 'packages/b/package.json': '{"name": "b"}\n', 'packages/old/package.json': '{"name": "old"}\n' },
    },
    ...['a', 'b', 'old'].map((name) => ({ tag: `${name}@1.0.0`, ref: 'base', at: '2025-12-01T12:00:00Z', annotated: true })),
    { commit: 'drop old', at: '2025-12-10T12:00:00Z', files: { 'packages/old/package.json': null } },
    { commit: 'p2', authorAt: '2026-02-04T12:00:00Z', at: '2026-02-05T12:00:00Z', files: { 'packages/a/x.ts': 'one\n' }, id: 'p2' },
    { tag: 'a@1.1.0', ref: 'p2', at: '2026-02-06T12:00:00Z', annotated: true },
    change('w1', 2, { 'packages/a/x.ts': 'two\n' }),
    tag('a@1.2.0', 'w1', 4),
  ]);
}

/**
 * A package born and removed within the window, as vercel/ai's `@ai-sdk/swarm` lived from October 2024 to February
 * 2025: neither the workspace at the window's start nor at its end holds it. a and b in packages/ (Feb 1, each
 * tagged 1.0.0 on Feb 2); `add exp` adds packages/exp, named @acme/exp (Mar 2); x1 touches it (Mar 3), tagged
 * @acme/exp@0.1.0 (Mar 4); y1 touches packages/b (Mar 5), tagged b@1.1.0 (Mar 6); `drop exp` removes packages/exp
 * (Mar 8); a1 touches packages/a (Mar 9), tagged a@1.1.0 (Mar 11). x1 and `add exp` ship with exp's tag (Mar 4), not
 * with b's, the next of any product; `drop exp` is no release of exp, and ships with a@1.1.0, the first of any after it.
 */
/**
 * @acme/exp is born on Mar 2 and released as 0.1.0 on Mar 4; main fixes it on Mar 5 and removes it on Mar 8, but
 * its line release-0.1 takes the fix as a backport and releases 0.1.1 on Mar 20, after the removal.
 */
export function removedButPatched(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "a"}\n', 'packages/exp/package.json': '{"name": "@acme/exp"}\n', 'packages/exp/x.ts': 'zero\n' },
    },
    ...['a', '@acme/exp'].map((name) => ({ tag: `${name}@0.0.1`, ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true })),
    change('x1', 3, { 'packages/exp/x.ts': 'one\n' }),
    tag('@acme/exp@0.1.0', 'x1', 4),
    { branch: 'release-0.1', from: 'x1' },
    change('f1', 5, { 'packages/exp/x.ts': 'two\n' }, 'fix exp'),
    change('drop', 8, { 'packages/exp/package.json': null, 'packages/exp/x.ts': null }, 'drop exp'),
    { commit: (sha) => `fix exp\n\n(cherry picked from commit ${sha('f1')})`, on: 'release-0.1', at: at(10), authorAt: at(4), files: { 'packages/exp/x.ts': 'two\n' }, id: 'f1b' },
    tag('@acme/exp@0.1.1', 'f1b', 20),
    { ...change('a1', 21, { 'packages/a/z.ts': 'one\n' }), on: 'main' },
    tag('a@1.1.0', 'a1', 22),
  ]);
}

export function bornAndGone(): FixtureRepo {
  return buildRepo([
    ...expBorn(),
    // exp lives two weeks, from its add on Mar 2 to its removal on Mar 16
    change('drop', 16, { 'packages/exp/package.json': null, 'packages/exp/x.ts': null }, 'drop exp'),
    change('a1', 17, { 'packages/a/z.ts': 'one\n' }),
    tag('a@1.1.0', 'a1', 19),
  ]);
}

/** a and b in a workspace tagged 1.0.0 in February; exp added on Mar 2 and tagged after x1, b tagged after y1 */
function expBorn(): Step[] {
  return [
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', 'packages/a/package.json': '{"name": "a"}\n', 'packages/b/package.json': '{"name": "b"}\n' },
    },
    ...['a', 'b'].map((name) => ({ tag: `${name}@1.0.0`, ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true })),
    change('born', 2, { 'packages/exp/package.json': '{"name": "@acme/exp"}\n', 'packages/exp/x.ts': 'zero\n' }, 'add exp'),
    change('x1', 3, { 'packages/exp/x.ts': 'one\n' }),
    tag('@acme/exp@0.1.0', 'x1', 4),
    change('y1', 5, { 'packages/b/y.ts': 'one\n' }),
    tag('b@1.1.0', 'y1', 6),
  ];
}

/**
 * bornAndGone's package removed by a pull request merged with a merge commit: its branch deletes the manifest on
 * Mar 9, main has it until the merge on Mar 16 (react-router's react-router-dom: deleted on `v8` on 2026-05-19,
 * gone from `main` with its merge on 06-17).
 */
export function goneByMerge(): FixtureRepo {
  return buildRepo([
    ...expBorn(),
    { branch: 'drop-exp' },
    { ...change('drop', 9, { 'packages/exp/package.json': null, 'packages/exp/x.ts': null }, 'drop exp'), on: 'drop-exp' },
    { merge: 'drop-exp', at: at(16), message: 'Merge pull request #7 from acme/drop-exp\n\ndrop exp' },
    change('a1', 17, { 'packages/a/z.ts': 'one\n' }),
    tag('a@1.1.0', 'a1', 19),
  ]);
}

/**
 * A changesets workspace whose CLI package (`@acme/cli`, packages/cli) is built from code no package folder holds
 * (engine/), as biome's `@biomejs/biome` is from crates/: each change says what it releases in a changeset
 * (`.changeset/*.md`), which the release commit (`Version Packages`) deletes. Every change authored the day before
 * it lands:
 *
 *   change  lands   touches                                   its changeset names       shipped first by
 *   e1      Mar 2   engine/                                   "@acme/cli": patch        @acme/cli@1.1.0 (Mar 5)
 *   e2      Mar 3   engine/                                   (none)                    @acme/api@1.1.0 (Mar 4), the first of any
 *   a1      Mar 3   packages/api                              '@acme/api': "minor"      @acme/api@1.1.0 (Mar 4)
 *           tag @acme/api@1.1.0 on a1 (Mar 4)
 *   v1      Mar 5   deletes both changesets, cli's manifest → 1.1.0; tagged @acme/cli@1.1.0
 *   e3      Mar 6   engine/                                   "@acme/cli": none, "@acme/api": patch    unreleased
 *   f1      Mar 7   adds only a changeset, "@acme/cli": patch (one e1 forgot): no code of its own, no product
 *   f2      Mar 8   engine/, and e3's changeset, now "@acme/cli": patch: e3's, not f2's; no product
 *   f3      Mar 9   engine/, and e3's changeset renamed (quiet-elk.md → renamed-elk.md): a rename, no product
 *   f4      Mar 10  engine/, and the workspace's `.changeset/pre/held.md` moved to `.changeset/held.md`: no product
 */
export function changesets(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"private": true, "workspaces": ["packages/*"]}\n', '.changeset/README.md': 'Changesets\n', '.changeset/config.json': '{}\n', '.changeset/pre/held.md': '---\n"@acme/api": patch\n---\n\nHeld.\n',
        'packages/cli/package.json': '{"name": "@acme/cli", "version": "1.0.0"}\n', 'packages/api/package.json': '{"name": "@acme/api", "version": "1.0.0"}\n', 'engine/core.rs': 'fn main() {}\n',
      },
    },
    { tag: '@acme/cli@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: '@acme/api@1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('e1', 2, { 'engine/core.rs': 'fn main() { 1 }\n', '.changeset/brave-fox.md': '---\n"@acme/cli": patch\n---\n\nFaster engine.\n' }),
    change('e2', 3, { 'engine/core.rs': 'fn main() { 2 }\n' }),
    change('a1', 3, { 'packages/api/x.ts': 'one\n', '.changeset/calm-owl.md': "---\n'@acme/api': \"minor\"\n---\n\nNew endpoint.\n" }),
    tag('@acme/api@1.1.0', 'a1', 4),
    change('v1', 5, { '.changeset/brave-fox.md': null, '.changeset/calm-owl.md': null, 'packages/cli/package.json': '{"name": "@acme/cli", "version": "1.1.0"}\n' }, 'Version Packages'),
    tag('@acme/cli@1.1.0', 'v1', 5),
    change('e3', 6, { 'engine/core.rs': 'fn main() { 3 }\n', '.changeset/quiet-elk.md': '---\n"@acme/cli": none\n"@acme/api": patch\n---\n\nInternal.\n' }),
    change('f1', 7, { '.changeset/late-bee.md': '---\n"@acme/cli": patch\n---\n\nFaster engine, said late.\n' }),
    change('f2', 8, { 'engine/core.rs': 'fn main() { 4 }\n', '.changeset/quiet-elk.md': '---\n"@acme/cli": patch\n---\n\nInternal.\n' }),
    change('f3', 9, { 'engine/core.rs': 'fn main() { 5 }\n', '.changeset/quiet-elk.md': null, '.changeset/renamed-elk.md': '---\n"@acme/cli": patch\n---\n\nInternal!\n' }),
    change('f4', 10, { 'engine/core.rs': 'fn main() { 6 }\n', '.changeset/pre/held.md': null, '.changeset/held.md': '---\n"@acme/api": patch\n---\n\nHeld.\n' }),
  ]);
}

/**
 * A release-please monorepo with no workspace manifest (an Nx repository: the root package.json lists no
 * `workspaces`), as open-feature's js-sdk-contrib and python-sdk-contrib are: `release-please-config.json` names
 * each package's folder, and its tags carry the package's name less its scope, the config's `component`, or, with
 * the `/` separator, a Python project's name.
 *
 *   package (folder)                          tags                                           its changes
 *   @acme/flagd-provider (libs/providers/flagd) flagd-provider-v0.1.0 (Feb 2), -v0.2.0 (Mar 6, on r3)  r1 (Mar 2)
 *   @acme/engine (libs/shared/engine)          core-v1.0.0 (Feb 2), core-v1.1.0 (Mar 4, on r2): its component  r2 (Mar 3)
 *   acme-sdk (python/sdk, a pyproject.toml)    acme-sdk/v1.0.0 (Feb 2), acme-sdk/v1.1.0 (Mar 8, on r4)          r3 (Mar 5)
 *   java/client (a build.gradle: no file flowaudit reads): no package  client-v1.0.0 (Mar 9, on r4): no deploy
 *                                                                      r4 (Mar 7): no product, shipped by acme-sdk/v1.1.0
 *
 * r1 ships with its own package's tag on Mar 6, not with core-v1.1.0 on Mar 4.
 */
export function releasePlease(): FixtureRepo {
  const config = {
    packages: { 'libs/providers/flagd': {}, 'libs/shared/engine': { component: 'core' }, 'python/sdk': { 'package-name': 'acme-sdk' }, 'java/client': { 'release-type': 'maven' } },
    'tag-separator': '-',
  };
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"name": "acme-contrib", "private": true, "scripts": {"test": "nx run-many"}}\n',
        'release-please-config.json': `${JSON.stringify(config, null, 2)}\n`,
        'libs/providers/flagd/package.json': '{"name": "@acme/flagd-provider", "version": "0.1.0"}\n',
        'libs/shared/engine/package.json': '{"name": "@acme/engine", "version": "1.0.0"}\n',
        'python/sdk/pyproject.toml': '[project]\nname = "acme-sdk"\nversion = "1.0.0"\n',
        'java/client/build.gradle': "plugins { id 'java' }\n",
      },
    },
    { tag: 'flagd-provider-v0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'core-v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'acme-sdk/v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'libs/providers/flagd/src/index.ts': 'one\n' }),
    change('r2', 3, { 'libs/shared/engine/src/index.ts': 'one\n' }),
    tag('core-v1.1.0', 'r2', 4),
    change('r3', 5, { 'python/sdk/src/acme_sdk/client.py': 'one\n' }),
    tag('flagd-provider-v0.2.0', 'r3', 6),
    change('r4', 7, { 'java/client/src/Main.java': 'class Main {}\n' }),
    tag('acme-sdk/v1.1.0', 'r4', 8),
    tag('client-v1.0.0', 'r4', 9),
  ]);
}

/**
 * A Rush monorepo (as microsoft/rushstack is): rush.json, JSON with comments, lists its projects; the root
 * package.json lists none; `rush publish` tags each package `name_v1.2.3`.
 *
 *   package (folder)            tags                                                      its changes
 *   @acme/cli (apps/cli)        @acme/cli_v1.0.0 (Feb 2), @acme/cli_v1.1.0 (Mar 6, on u3)      u1 (Mar 2)
 *   @acme/core (libraries/core) @acme/core_v2.0.0 (Feb 2), @acme/core_v2.1.0 (Mar 4, on u2)    u2 (Mar 3)
 *   build-tests/core-copy: a copy of core's package.json that rush.json does not list: no package
 *                                                                         u3 (Mar 5): no product, shipped Mar 6
 *
 * u1 ships with its own package's tag on Mar 6, not with core's on Mar 4. Read without rush.json, the name
 * `@acme/core` would name two folders apart, and neither would be a package.
 */
export function rush(): FixtureRepo {
  const rushJson = '/**\n * Rush\'s main configuration file\n */\n{\n  "rushVersion": "5.120.0",\n  "projects": [\n    { "packageName": "@acme/cli", "projectFolder": "apps/cli" }, // the CLI\n    { "packageName": "@acme/core", "projectFolder": "libraries/core", "shouldPublish": true },\n  ],\n}\n';
  return buildRepo([
    {
      commit: 'projects', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"name": "acme-rush", "private": true}\n',
        'rush.json': rushJson,
        'apps/cli/package.json': '{"name": "@acme/cli", "version": "1.0.0"}\n',
        'libraries/core/package.json': '{"name": "@acme/core", "version": "2.0.0"}\n',
        'build-tests/core-copy/package.json': '{"name": "@acme/core", "version": "2.0.0"}\n',
      },
    },
    { tag: '@acme/cli_v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: '@acme/core_v2.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('u1', 2, { 'apps/cli/src/index.ts': 'one\n' }),
    change('u2', 3, { 'libraries/core/src/index.ts': 'one\n' }),
    tag('@acme/core_v2.1.0', 'u2', 4),
    change('u3', 5, { 'build-tests/core-copy/src/index.ts': 'one\n' }),
    tag('@acme/cli_v1.1.0', 'u3', 6),
  ]);
}

/**
 * A release-please monorepo of Maven modules (as open-feature's java-sdk-contrib is): its config releases the root
 * and each module under `package-name`, as the `simple` type (a version.txt beside the pom.xml) or the Maven type (a
 * pom.xml alone); no folder holds a manifest of a workspace tool. Tags carry the package-name:
 *
 *   package (folder)                       tags                                                 its changes
 *   com.acme.parent (the root)             com.acme.parent-v1.0.0 (Feb 2), -v1.1.0 (Mar 8, on j4)   j3 (Mar 5: samples/demo, a
 *                                                                                                 pom.xml the config does not
 *                                                                                                 release), j4 (Mar 7: infra)
 *   com.acme.providers.flagd (providers/flagd, simple)  …flagd-v0.1.0 (Feb 2), -v0.2.0 (Mar 6, on j3)   j1 (Mar 2)
 *   com.acme.tools.core (tools/core, maven)  …core-v1.0.0 (Feb 2), -v1.1.0 (Mar 4, on j2)             j2 (Mar 3)
 *   infra/module (released, but a main.tf alone): no package          module-v1.0.0 (Mar 9, on j4): no deploy
 *
 * j1 ships with its own module's tag on Mar 6, not with core's on Mar 4; j3 with the parent's on Mar 8, not flagd's
 * on Mar 6.
 */
export function releasePleaseMaven(): FixtureRepo {
  const config = {
    packages: {
      '.': { 'package-name': 'com.acme.parent', 'release-type': 'simple' },
      'providers/flagd': { 'package-name': 'com.acme.providers.flagd', 'release-type': 'simple' },
      'tools/core': { 'package-name': 'com.acme.tools.core', 'release-type': 'maven' },
      'infra/module': { 'release-type': 'terraform-module' },
    },
  };
  const pom = (artifact: string): string => `<project><artifactId>${artifact}</artifactId></project>\n`;
  return buildRepo([
    {
      commit: 'modules', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'pom.xml': pom('parent'),
        'version.txt': '1.0.0\n',
        'release-please-config.json': `${JSON.stringify(config, null, 2)}\n`,
        'providers/flagd/pom.xml': pom('flagd'),
        'providers/flagd/version.txt': '0.1.0\n',
        'tools/core/pom.xml': pom('core'),
        'samples/demo/pom.xml': pom('demo'),
        'infra/module/main.tf': 'module "x" {}\n',
      },
    },
    { tag: 'com.acme.parent-v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'com.acme.providers.flagd-v0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'com.acme.tools.core-v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('j1', 2, { 'providers/flagd/src/Flagd.java': 'class Flagd {}\n' }),
    change('j2', 3, { 'tools/core/src/Core.java': 'class Core {}\n' }),
    tag('com.acme.tools.core-v1.1.0', 'j2', 4),
    change('j3', 5, { 'samples/demo/src/App.java': 'class App {}\n' }),
    tag('com.acme.providers.flagd-v0.2.0', 'j3', 6),
    change('j4', 7, { 'infra/module/main.tf': 'module "y" {}\n' }),
    tag('com.acme.parent-v1.1.0', 'j4', 8),
    tag('module-v1.0.0', 'j4', 9),
  ]);
}

/**
 * A monorepo whose packages no workspace manifest lists (as langchain-ai's langchain-aws and langgraph are: each
 * package a folder of libs/ with its own pyproject.toml or package.json), tagged by their names, Python's pin among
 * them (`acme-aws==1.1.0`, LangChain's form):
 *
 *   package (folder)                     tags                                              its changes
 *   acme-aws (libs/aws, pyproject.toml)  acme-aws==1.0.0 (Feb 2), acme-aws==1.1.0 (Mar 6, on r3)       r1 (Mar 2)
 *   acme-checkpoint (libs/checkpoint)    acme-checkpoint==0.1.0 (Feb 2), ==0.2.0 (Mar 4, on r2)       r2 (Mar 3)
 *   @acme/cli (libs/cli, package.json;   cli@0.1.0 (Feb 2), cli@0.2.0 (Mar 7, on r3): `cli` also names  r3 (Mar 5, in its tests'
 *     its tests hold a folder `cli`)       libs/cli/tests/cli's folder, which libs/cli holds               cli folder)
 *   tools/a/fmt and tools/b/fmt          fmt@1.0.0 (Mar 9, on r4): names both, neither holding the other: no deploy
 *                                                                                  r4 (Mar 8): no product, unreleased
 *
 * r1 ships with acme-aws==1.1.0 on Mar 6, not with acme-checkpoint==0.2.0 on Mar 4. With `nx: true`, each package
 * holds only Nx's project.json, which flowaudit does not read: no tag names a folder of a manifest it reads.
 */
export function unlisted(options: { nx: boolean } = { nx: false }): FixtureRepo {
  const manifest = (file: string, text: string): Record<string, string> =>
    options.nx ? { [`${file.slice(0, file.lastIndexOf('/'))}/project.json`]: '{"name": "x"}\n' } : { [file]: text };
  return buildRepo([
    {
      commit: 'packages', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"name": "acme-tools", "private": true}\n',
        ...manifest('libs/aws/pyproject.toml', '[project]\nname = "acme-aws"\nversion = "1.0.0"\n'),
        ...manifest('libs/checkpoint/pyproject.toml', '[project]\nname = "acme-checkpoint"\nversion = "0.1.0"\n'),
        ...manifest('libs/cli/package.json', '{"name": "@acme/cli", "version": "0.1.0"}\n'),
        ...manifest('libs/cli/tests/cli/package.json', '{"name": "cli-fixture", "private": true}\n'),
        ...manifest('tools/a/fmt/package.json', '{"name": "fmt-a"}\n'),
        ...manifest('tools/b/fmt/package.json', '{"name": "fmt-b"}\n'),
      },
    },
    { tag: 'acme-aws==1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'acme-checkpoint==0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'cli@0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'libs/aws/src/acme_aws/chat.py': 'one\n' }),
    change('r2', 3, { 'libs/checkpoint/src/saver.py': 'one\n' }),
    tag('acme-checkpoint==0.2.0', 'r2', 4),
    change('r3', 5, { 'libs/cli/tests/cli/fixture.json': '{}\n' }),
    tag('acme-aws==1.1.0', 'r3', 6),
    tag('cli@0.2.0', 'r3', 7),
    change('r4', 8, { 'tools/a/fmt/index.js': 'one\n' }),
    tag('fmt@1.0.0', 'r4', 9),
  ]);
}

/**
 * felangel/bloc's shape: Dart packages in packages/ that no workspace lists (no melos.yaml, no root pubspec.yaml),
 * each tagged `name-v1.2.3`, beside the editor extension's package.json, which declares the name `bloc` too and is
 * tagged `vscode_bloc-v6.0.0`; a release is a direct push marked with gitmoji's 🔖 that sets the version its tag
 * names (cfug/dio's `🔖 web_adapter v2.1.2`). r1 ships with bloc-v1.1.0 on Mar 4 (its release commit on Mar 3),
 * r2 waits (flutter_bloc is not tagged in March), r3 is the extension's, tagged vscode_bloc-v6.1.0: no package.
 */
export function dartPackages(): FixtureRepo {
  return buildRepo([
    {
      commit: 'packages', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'packages/bloc/pubspec.yaml': 'name: bloc\nversion: 1.0.0\n',
        'packages/bloc/example/pubspec.yaml': 'name: example\npublish_to: none\n',
        'packages/flutter_bloc/pubspec.yaml': 'name: flutter_bloc\nversion: 2.0.0\n',
        'extensions/vscode/package.json': '{"name": "bloc", "version": "6.0.0"}\n',
      },
    },
    { tag: 'bloc-v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'flutter_bloc-v2.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'vscode_bloc-v6.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'packages/bloc/lib/bloc.dart': 'one\n' }),
    change('release', 3, { 'packages/bloc/pubspec.yaml': 'name: bloc\nversion: 1.1.0\n', 'packages/bloc/CHANGELOG.md': '# 1.1.0\n' }, '🔖 bloc v1.1.0'),
    tag('bloc-v1.1.0', 'release', 4),
    change('r2', 5, { 'packages/flutter_bloc/lib/flutter_bloc.dart': 'one\n' }),
    change('r3', 6, { 'extensions/vscode/package.json': '{"name": "bloc", "version": "6.1.0"}\n' }),
    tag('vscode_bloc-v6.1.0', 'r3', 7),
  ]);
}

/**
 * open-telemetry/opentelemetry-ruby-contrib's shape: a gem per folder, listed in no manifest flowaudit reads, each
 * tagged `name/v1.2.3` by its gemspec's name. r2 (redis) ships with redis's tag on Mar 6, not with pg's on Mar 4,
 * which is on a commit after it.
 */
export function rubyGems(): FixtureRepo {
  return buildRepo([
    {
      commit: 'gems', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        Gemfile: "source 'https://rubygems.org'\n",
        'instrumentation/pg/opentelemetry-instrumentation-pg.gemspec': 'Gem::Specification.new do |spec|\nend\n',
        'instrumentation/redis/opentelemetry-instrumentation-redis.gemspec': 'Gem::Specification.new do |spec|\nend\n',
      },
    },
    { tag: 'opentelemetry-instrumentation-pg/v0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'opentelemetry-instrumentation-redis/v0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'instrumentation/pg/lib/pg.rb': 'one\n' }),
    change('r2', 3, { 'instrumentation/redis/lib/redis.rb': 'one\n' }),
    tag('opentelemetry-instrumentation-pg/v0.2.0', 'r2', 4),
    change('r3', 5, { 'instrumentation/redis/README.md': 'one\n' }),
    tag('opentelemetry-instrumentation-redis/v0.2.0', 'r3', 6),
  ]);
}

/**
 * langchain-ai/langgraph's shape: Python packages in libs/ that no workspace lists, each tagged by its name less
 * the repository's and without hyphens (its release workflow's `sed -e 's/langgraph//g' -e 's/-//g'`), the package
 * named for the repository by bare versions; the repository's name comes from its remote (acme/langgraph):
 *
 *   package (folder)                                     tags                                      its changes
 *   langgraph-sdk (libs/sdk-py)                          sdk==0.1.0, sdk==0.1.1 (Mar 6, on r3)     r1 (Mar 2)
 *   langgraph-checkpoint-postgres (libs/checkpoint-postgres)  checkpointpostgres==2.0.1 (Mar 4, on r2)  r2 (Mar 3)
 *   langgraph (libs/langgraph)                           1.0.0, 1.0.1 (Mar 7, on r3, which sets 1.0.1)  r3 (Mar 5)
 *   langgraph-checkpoint (libs/checkpoint)               checkpoint==2.1.0 (Mar 9, on r4)          r4 (Mar 8)
 *
 * r1 ships with sdk==0.1.1 on Mar 6, not with checkpointpostgres==2.0.1 on Mar 4; r2 with checkpointpostgres==2.0.1,
 * not with checkpoint==2.1.0, whose name is the start of its own.
 */
export function shortTags(): FixtureRepo {
  const pyproject = (name: string, version: string): string => `[project]\nname = "${name}"\nversion = "${version}"\n`;
  const repo = buildRepo([
    {
      commit: 'packages', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'libs/langgraph/pyproject.toml': pyproject('langgraph', '1.0.0'),
        'libs/sdk-py/pyproject.toml': pyproject('langgraph-sdk', '0.1.0'),
        'libs/checkpoint/pyproject.toml': pyproject('langgraph-checkpoint', '2.0.0'),
        'libs/checkpoint-postgres/pyproject.toml': pyproject('langgraph-checkpoint-postgres', '2.0.0'),
      },
    },
    ...['1.0.0', 'sdk==0.1.0', 'checkpoint==2.0.0', 'checkpointpostgres==2.0.0'].map((name) => ({ tag: name, ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true })),
    change('r1', 2, { 'libs/sdk-py/langgraph_sdk/client.py': 'one\n' }),
    change('r2', 3, { 'libs/checkpoint-postgres/langgraph/checkpoint/postgres/saver.py': 'one\n' }),
    tag('checkpointpostgres==2.0.1', 'r2', 4),
    change('r3', 5, { 'libs/langgraph/langgraph/graph.py': 'one\n', 'libs/langgraph/pyproject.toml': pyproject('langgraph', '1.0.1') }),
    tag('sdk==0.1.1', 'r3', 6),
    tag('1.0.1', 'r3', 7),
    change('r4', 8, { 'libs/checkpoint/langgraph/checkpoint/base.py': 'one\n' }),
    tag('checkpoint==2.1.0', 'r4', 9),
  ]);
  repo.git('remote', 'add', 'origin', 'https://github.com/acme/langgraph.git');
  return repo;
}

/**
 * open-telemetry/opentelemetry-dotnet-contrib's shape: a .NET project per folder of src/, listed in no manifest
 * flowaudit reads, each tagged by the MinVer prefix its .csproj declares; two projects share the prefix
 * `Instrumentation.AspNet-` and are released together; a test project declares none:
 *
 *   project (folder)                                          tags                                   its changes
 *   Acme.Exporter.Geneva (src/…)                              Exporter.Geneva-1.1.0 (Mar 6, on r2)   r1 (Mar 2)
 *   Acme.Instrumentation.AspNet and its TelemetryHttpModule   Instrumentation.AspNet-1.1.0 (Mar 4,   r2 (Mar 3, the module)
 *                                                             on r2)
 *
 * r1 ships with Exporter.Geneva-1.1.0 on Mar 6, not with Instrumentation.AspNet-1.1.0 on Mar 4.
 */
export function dotnetProjects(): FixtureRepo {
  const project = (prefix: string | null): string =>
    `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n${prefix === null ? '' : `    <MinVerTagPrefix>${prefix}</MinVerTagPrefix>\n`}  </PropertyGroup>\n</Project>\n`;
  return buildRepo([
    {
      commit: 'projects', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'src/Acme.Exporter.Geneva/Acme.Exporter.Geneva.csproj': project('Exporter.Geneva-'),
        'src/Acme.Instrumentation.AspNet/Acme.Instrumentation.AspNet.csproj': project('Instrumentation.AspNet-'),
        'src/Acme.Instrumentation.AspNet.TelemetryHttpModule/Acme.Instrumentation.AspNet.TelemetryHttpModule.csproj': project('Instrumentation.AspNet-'),
        'test/Acme.Exporter.Geneva.Tests/Acme.Exporter.Geneva.Tests.csproj': project(null),
      },
    },
    { tag: 'Exporter.Geneva-1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'Instrumentation.AspNet-1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'src/Acme.Exporter.Geneva/GenevaExporter.cs': 'class GenevaExporter {}\n' }),
    change('r2', 3, { 'src/Acme.Instrumentation.AspNet.TelemetryHttpModule/TelemetryHttpModule.cs': 'class TelemetryHttpModule {}\n' }),
    tag('Instrumentation.AspNet-1.1.0', 'r2', 4),
    tag('Exporter.Geneva-1.1.0', 'r2', 6),
  ]);
}

/**
 * open-telemetry/opentelemetry-python-contrib's shape: a uv workspace listing instrumentation/*, and resource
 * detectors outside it, each released by its own pin (`acme-resource-detector-azure==0.2.0`): r1 (the detector)
 * ships with its tag on Mar 6, not with the instrumentation's on Mar 4.
 */
export function outsideWorkspace(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'pyproject.toml': '[project]\nname = "acme-contrib"\n\n[tool.uv.workspace]\nmembers = ["instrumentation/*"]\n',
        'instrumentation/flask/pyproject.toml': '[project]\nname = "acme-instrumentation-flask"\n',
        'resource/azure/pyproject.toml': '[project]\nname = "acme-resource-detector-azure"\n',
      },
    },
    { tag: 'acme-instrumentation-flask==1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'acme-resource-detector-azure==0.1.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'resource/azure/src/detector.py': 'one\n' }),
    change('r2', 3, { 'instrumentation/flask/src/flask.py': 'one\n' }),
    tag('acme-instrumentation-flask==1.1.0', 'r2', 4),
    tag('acme-resource-detector-azure==0.2.0', 'r2', 6),
  ]);
}

/**
 * prometheus-community/helm-charts' shape: a Helm chart per folder of charts/, listed in no manifest, each tagged
 * `name-1.2.3` by chart-releaser from its Chart.yaml; alpha vendors a subchart of its own (charts/alpha/charts/crds).
 * r1 (alpha, and its subchart) ships with alpha-1.1.0 on Mar 6, not with beta-2.1.0 on Mar 4.
 */
export function helmCharts(): FixtureRepo {
  const chart = (name: string, version: string): string => `apiVersion: v2\nname: ${name}\nversion: ${version}\n`;
  return buildRepo([
    {
      commit: 'charts', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'charts/alpha/Chart.yaml': chart('alpha', '1.0.0'),
        'charts/alpha/charts/crds/Chart.yaml': chart('crds', '0.0.0'),
        'charts/beta/Chart.yaml': chart('beta', '2.0.0'),
      },
    },
    { tag: 'alpha-1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { tag: 'beta-2.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'charts/alpha/templates/deployment.yaml': 'kind: Deployment\n', 'charts/alpha/charts/crds/templates/crd.yaml': 'kind: CustomResourceDefinition\n' }),
    change('r2', 3, { 'charts/beta/values.yaml': 'replicas: 2\n', 'charts/beta/Chart.yaml': chart('beta', '2.1.0') }),
    tag('beta-2.1.0', 'r2', 4),
    change('r3', 5, { 'charts/alpha/Chart.yaml': chart('alpha', '1.1.0') }),
    tag('alpha-1.1.0', 'r3', 6),
  ]);
}

/**
 * pydantic's shape: a uv workspace whose member `acme_core` (in acme-core, its version its Cargo.toml's, as maturin
 * builds it) is tagged by the word its name adds to the repository's (`core-v2.1.0`), the root package by the
 * repository's own tags (`v1.1.0`); and `acme_cli` (in
 * acme-cli), whose word a tag carries too (`cli-v1.9.4`) but whose manifest says 0.0.0, as biome's crate biome_cli
 * does at the CLI's `cli/v1.9.4`. The repository's name comes from its remote (acme/acme); the first tags are on the
 * first commit, Feb 2:
 *
 *   change  lands   touches      shipped first by (product)
 *   c1      Mar 2   acme/        v1.1.0 (Mar 8; acme), not core-v2.1.0 (Mar 4)
 *   c2      Mar 3   acme-core/   core-v2.1.0 (Mar 4; acme_core)
 *   c3      Mar 5   acme-cli/    v1.1.0 (Mar 8; acme), not cli-v1.9.4 (Mar 7): acme_cli is no product
 *   c4      Mar 6   acme/        v1.1.0 (Mar 8; acme)
 */
export function wordTags(): FixtureRepo {
  const pyproject = (name: string, version: string): string => `[project]\nname = "${name}"\nversion = "${version}"\n`;
  // maturin's build takes the Python project's `dynamic` version from the crate beside it
  const cargo = (version: string): string => `[package]\nname = "acme-core"\nversion = "${version}"\n`;
  const repo = buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'pyproject.toml': `[project]\nname = "acme"\ndynamic = ["version"]\n\n[tool.uv.workspace]\nmembers = ["acme-core", "acme-cli"]\n`,
        'acme/__init__.py': 'one\n',
        'acme-core/pyproject.toml': '[project]\nname = "acme_core"\ndynamic = ["version"]\n',
        'acme-core/Cargo.toml': cargo('2.0.0'),
        'acme-cli/pyproject.toml': pyproject('acme_cli', '0.0.0'),
      },
    },
    ...['v1.0.0', 'core-v2.0.0'].map((name) => ({ tag: name, ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true })),
    change('c1', 2, { 'acme/main.py': 'one\n' }),
    change('c2', 3, { 'acme-core/src/lib.rs': 'one\n', 'acme-core/Cargo.toml': cargo('2.1.0') }),
    tag('core-v2.1.0', 'c2', 4),
    change('c3', 5, { 'acme-cli/cli.py': 'one\n' }),
    change('c4', 6, { 'acme/x.py': 'one\n' }),
    tag('cli-v1.9.4', 'c4', 7),
    tag('v1.1.0', 'c4', 8),
  ]);
  repo.git('remote', 'add', 'origin', 'https://github.com/acme/acme.git');
  return repo;
}

/**
 * A workspace whose root package is versioned by its own tags (`v1.1.0`), beside the tags of a package none of its
 * packages is named by (`core-v2.1.0`; its one other package, `acme-engine` in engine/, is not), as pydantic's
 * `core-v2.48.0` was before pydantic_core was read by its word: one product, each change shipped by the next tag of
 * either. c1 (src/, Mar 2) ships with core-v2.1.0 (Mar 4), before v1.1.0 (Mar 8). With `own: false`, the tag
 * beside core's is `cli-v0.1.0` (Feb 2), before the window, and no product is read.
 */
export function unreadBesideOwn(options: { own: boolean } = { own: true }): FixtureRepo {
  const root = (version: string): string => `{"name": "acme", "version": "${version}", "workspaces": ["engine"]}\n`;
  return buildRepo([
    {
      commit: 'root', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'package.json': root('1.0.0'), 'src/a.ts': 'one\n', 'engine/package.json': '{"name": "acme-engine"}\n', 'engine/lib.ts': 'one\n' },
    },
    ...(options.own ? ['v1.0.0', 'core-v2.0.0'] : ['cli-v0.1.0', 'core-v2.0.0']).map((name) => ({ tag: name, ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true })),
    change('c1', 2, { 'src/a.ts': 'two\n' }),
    change('c2', 3, { 'engine/lib.ts': 'two\n' }),
    tag('core-v2.1.0', 'c2', 4),
    ...(options.own ? [change('c3', 6, { 'package.json': root('1.1.0') }), tag('v1.1.0', 'c3', 8)] : []),
  ]);
}

/**
 * nomad's shape: the repository's own tags and, beside them, a tag series that names no package (`ent-changelog-1.1.0`,
 * an Enterprise changelog's marker) on a commit `v1.1.0` shipped already (repository `acme`, its workspace package
 * acme-engine untagged): c1 (Feb 3) and c2 (Feb 4) ship with `v1.1.0` on c3 (Feb 9), the marker tagged on c3 Feb 10.
 */
export function markerBesideOwn(): FixtureRepo {
  const root = (version: string): string => `{"name": "acme", "version": "${version}", "workspaces": ["engine"]}\n`;
  return buildRepo([
    {
      commit: 'root', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'package.json': root('1.0.0'), 'src/a.ts': 'one\n', 'engine/package.json': '{"name": "acme-engine"}\n', 'engine/lib.ts': 'one\n' },
    },
    { tag: 'v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    change('c1', 2, { 'src/a.ts': 'two\n' }),
    change('c2', 3, { 'engine/lib.ts': 'two\n' }),
    change('c3', 6, { 'package.json': root('1.1.0') }),
    tag('v1.1.0', 'c3', 8),
    tag('ent-changelog-1.1.0', 'c3', 9),
  ]);
}

/**
 * A repository whose packages all moved, names kept, before the window, as tauri's did from core/ and tooling/ to
 * crates/ and packages/ in 2024 (repository `acme`; the root package.json is the private `acme-workspace` at 0.0.0):
 *
 *   Feb 2   `v1.0.0`, the repository's own tag, where acme (core/acme), acme-cli (tooling/cli) and @acme/api
 *           (tooling/api) are all at 1.0.0: it versions acme, the package named for the repository
 *   Feb 3   `api-v1.1.0`, @acme/api's tags' old name, where tooling/api is at 1.1.0 and the example app
 *           examples/api, declared `api`, at 0.1.0: it versions @acme/api
 *   Feb 10  the move; `acme-v2.0.0`, `acme-cli-v2.0.0` and `@acme/api@2.0.0` on it
 *   Mar 2   w1 touches crates/acme; Mar 3 w2 .github/ (no product's files); Mar 4 w3 examples/api
 *   Mar 5   `acme-v2.1.0` on w3: it ships all three
 *
 * Read by the window's end's folders alone, v1.0.0 was carried by three packages, none the one named for the
 * repository (crates/acme did not exist then), and made a product of the root that held w2 as never shipped; and
 * the example app took the `api-v` tags and held w3.
 */
export function movedMainPackage(): FixtureRepo {
  const pkg = (name: string, version: string, extra = '') => `{"name": "${name}", "version": "${version}"${extra}}\n`;
  const repo = buildRepo([
    {
      commit: 'workspace', at: '2026-01-15T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"name": "acme-workspace", "version": "0.0.0", "private": true, "workspaces": ["core/*", "tooling/*", "examples/*"]}\n',
        'core/acme/package.json': pkg('acme', '1.0.0'),
        'tooling/cli/package.json': pkg('acme-cli', '1.0.0'),
        'tooling/api/package.json': pkg('@acme/api', '1.0.0'),
        'examples/api/package.json': pkg('api', '0.1.0'),
      },
    },
    { tag: 'v1.0.0', ref: 'base', at: '2026-02-02T12:00:00Z', annotated: true },
    { commit: 'release api 1.1.0', at: '2026-02-03T10:00:00Z', id: 'api', files: { 'tooling/api/package.json': pkg('@acme/api', '1.1.0') } },
    { tag: 'api-v1.1.0', ref: 'api', at: '2026-02-03T12:00:00Z', annotated: true },
    {
      commit: 'move the packages to crates/ and packages/', at: '2026-02-10T10:00:00Z', id: 'move',
      files: {
        'package.json': '{"name": "acme-workspace", "version": "0.0.0", "private": true, "workspaces": ["crates/*", "packages/*", "examples/*"]}\n',
        'core/acme/package.json': null, 'tooling/cli/package.json': null, 'tooling/api/package.json': null,
        'crates/acme/package.json': pkg('acme', '2.0.0'),
        'packages/cli/package.json': pkg('acme-cli', '2.0.0'),
        'packages/api/package.json': pkg('@acme/api', '2.0.0'),
      },
    },
    { tag: 'acme-v2.0.0', ref: 'move', at: '2026-02-10T12:00:00Z', annotated: true },
    { tag: 'acme-cli-v2.0.0', ref: 'move', at: '2026-02-10T12:00:00Z', annotated: true },
    { tag: '@acme/api@2.0.0', ref: 'move', at: '2026-02-10T12:00:00Z', annotated: true },
    change('w1', 2, { 'crates/acme/x.ts': 'one\n' }),
    change('w2', 3, { '.github/ci.yml': 'on: push\n' }),
    change('w3', 4, { 'examples/api/x.ts': 'one\n' }),
    tag('acme-v2.1.0', 'w3', 5),
  ]);
  repo.git('remote', 'add', 'origin', 'https://github.com/acme/acme.git');
  return repo;
}

/**
 * A workspace whose own tags (`v1.0.0`, carried by packages/widget's manifest) stopped two years before its scoped
 * packages' tags, as tauri's `v1.0.5` of 2022 did before its `tauri-v2.0.0` (every change authored the day before):
 *
 *   2024-01-10  base: the workspace, widget 1.0.0; tagged v1.0.0 on 2024-01-11 (811 days before now, Apr 1 2026)
 *   2025-12-01  w0    packages/integrations/react: tagged @widget/react@1.0.0 and @widget/vue@1.0.0 on 2025-12-02
 *   Mar 2       r1    README.md (no package)      @widget/react@1.1.0 (Mar 8), the first tag of any product
 *   Mar 6       w1    packages/integrations/react @widget/react@1.1.0 (Mar 8)
 *
 * More than a year before either window (the 90 days or the year to Apr 1), v1.0.0 makes no product of widget:
 * r1 is of no product in both. The year's history read reaches v1.0.0 (it reads back to the last release before
 * the previous year), where the quarter's does not.
 */
export function formerOwnTags(): FixtureRepo {
  return buildRepo([
    {
      commit: 'workspace', at: '2024-01-10T12:00:00Z', id: 'base',
      files: WIDGET_WORKSPACE,
    },
    { tag: 'v1.0.0', ref: 'base', at: '2024-01-11T12:00:00Z', annotated: true },
    { commit: 'w0', authorAt: '2025-11-30T12:00:00Z', at: '2025-12-01T12:00:00Z', files: { 'packages/integrations/react/x.ts': 'zero\n' }, id: 'w0' },
    { tag: '@widget/react@1.0.0', ref: 'w0', at: '2025-12-02T12:00:00Z', annotated: true },
    { tag: '@widget/vue@1.0.0', ref: 'w0', at: '2025-12-02T12:00:00Z', annotated: true },
    change('r1', 2, { 'README.md': 'widget\n' }),
    change('w1', 6, { 'packages/integrations/react/x.ts': 'one\n' }),
    tag('@widget/react@1.1.0', 'w1', 8),
  ]);
}
