import { afterAll, describe, expect, it } from 'vitest';
import { folderMatcher, MANIFEST_LIMIT, namePackages, readVersions, readWorkspace } from '../../../src/sources/git/workspaces.js';
import { buildRepo } from '../../helpers/git-fixture.js';

describe('folderMatcher', () => {
  it('matches folders as the tools do: * one name, ** any depth, braces, ! leaves out wherever it is', () => {
    const match = folderMatcher(['!packages/internal', 'packages/*', 'libs/**', '{apps,tools}/*']);
    expect(['packages/a', 'packages/a/b', 'packages/internal', 'libs/x/y', 'apps/a', 'tools/t', 'other/a'].map(match)).toEqual([true, false, false, true, true, true, false]);
  });

  it('leaves out a glob past what one may cost, saying why, and keeps the others', () => {
    const why: string[] = [];
    const match = folderMatcher([`${'a*'.repeat(101)}`, 'packages/*'], (w) => why.push(w));
    expect([match('packages/a'), why]).toEqual([true, ['more than 100 wildcards']]);
  });
});

describe('readWorkspace', () => {
  const large = `packages:\n  - 'big/*'\n#${'x'.repeat(MANIFEST_LIMIT)}\n`;
  const repo = buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"name": "acme-monorepo", "private": true, "workspaces": ["packages/*"]}\n',
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*/*'\n  - '!packages/integrations/internal'\n",
        'packages/a/package.json': '{"name": "@acme/a", "version": "1.0.0"}\n',
        'packages/b/package.json': '{"version": "2.0.0"}\n',
        'packages/integrations/react/package.json': '{"name": "@acme/react", "version": "3.0.0"}\n',
        'packages/integrations/internal/package.json': '{"name": "internal"}\n',
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nexclude = ["crates/old"]\n[workspace.package]\nversion = "0.4.0"\n',
        'crates/fast/Cargo.toml': '[package]\nname = "fast-io"\nversion.workspace = true\n',
        'crates/old/Cargo.toml': '[package]\nname = "old"\n',
        'svc/go.mod': 'module example.com/svc\n',
        'svc/vendor/x/go.mod': 'module example.com/x\n',
        'svc/testdata/y/go.mod': 'module example.com/y\n',
      },
    },
    { commit: 'a large manifest', at: '2026-02-02T12:00:00Z', id: 'large', files: { 'pnpm-workspace.yaml': large } },
  ]);
  const go = buildRepo([
    {
      commit: 'go modules', at: '2026-02-01T12:00:00Z', id: 'base',
      files: { 'go.mod': 'module example.com/root\n', 'api/go.mod': 'module example.com/root/api\n', 'sdk/metric/go.mod': 'module example.com/root/sdk/metric\n', '_tools/go.mod': 'module tools\n' },
    },
    { commit: 'a go.work', at: '2026-02-02T12:00:00Z', id: 'work', files: { 'go.work': 'go 1.22\nuse (\n\t.\n\t./api\n)\n' } },
  ]);
  const python = buildRepo([
    {
      commit: 'a uv workspace and a release-please config', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'pyproject.toml': '[project]\nname = "acme-python"\n\n[tool.uv.workspace]\nmembers = ["providers/*"]\nexclude = ["providers/old"]\n',
        'providers/flagd/pyproject.toml': '[project]\nname = "acme-flagd"\nversion = "0.5.2"\n',
        'providers/old/pyproject.toml': '[project]\nname = "acme-old"\n',
        'release-please-config.json': JSON.stringify({
          packages: { 'providers/flagd': {}, 'tools/api': { component: 'api' }, 'libs/js': {}, 'java/client': {}, 'docs/site': { 'package-name': 'acme-docs', 'release-type': 'simple' }, 'infra/module': {} },
        }),
        'tools/api/pyproject.toml': '[project]\nname = "acme-api"\ndynamic = ["version"]\n',
        'libs/js/package.json': '{"name": "@acme/js", "version": "2.0.0"}\n',
        'java/client/pom.xml': '<project/>\n',
        'docs/site/version.txt': '0.3.0\n',
        'docs/site/pom.xml': '<project/>\n',
        'infra/module/main.tf': 'module "x" {}\n',
      },
    },
    { commit: 'tools only', at: '2026-02-02T12:00:00Z', id: 'tools', files: { 'pyproject.toml': '[tool.ruff]\nline-length = 100\n', 'release-please-config.json': null } },
    {
      commit: 'the workspace again, and packages outside it', at: '2026-02-03T12:00:00Z', id: 'outside',
      files: {
        'pyproject.toml': '[project]\nname = "acme-python"\n\n[tool.uv.workspace]\nmembers = ["providers/*"]\nexclude = ["providers/old"]\n',
        // opentelemetry-python-contrib's resource detectors: outside its uv workspace, released by their own tags
        'resource/azure/pyproject.toml': '[project]\nname = "acme-resource-detector-azure"\n',
        'providers/flagd/examples/demo/pyproject.toml': '[project]\nname = "demo"\n',
      },
    },
  ]);
  const dart = buildRepo([
    {
      commit: 'a melos workspace', at: '2026-02-01T12:00:00Z', id: 'melos',
      files: {
        // cfug/dio's shape: a root pubspec.yaml naming the workspace, unpublished and unversioned
        'pubspec.yaml': "name: dio_workspace\npublish_to: 'none'\n",
        'melos.yaml': "name: dio_workspace\npackages:\n  - 'dio'\n  - 'plugins/*'\n",
        'dio/pubspec.yaml': 'name: dio\nversion: 5.9.2\n',
        'plugins/web_adapter/pubspec.yaml': 'name: dio_web_adapter\nversion: 2.1.2\n',
        'plugins/web_adapter/example/pubspec.yaml': 'name: example\npublish_to: none\n',
        'example_dart/pubspec.yaml': 'name: example_dart\n',
      },
    },
    { commit: 'pub workspaces', at: '2026-02-02T12:00:00Z', id: 'pub', files: { 'melos.yaml': null, 'pubspec.yaml': 'name: _\nworkspace:\n  - dio\n  - plugins/web_adapter/example\n' } },
    { commit: 'no workspace: one package at the root', at: '2026-02-03T12:00:00Z', id: 'single', files: { 'pubspec.yaml': 'name: bloc\nversion: 9.2.1\n' } },
  ]);
  const ruby = buildRepo([
    {
      commit: 'gems', at: '2026-02-01T12:00:00Z', id: 'gems',
      files: {
        // opentelemetry-ruby-contrib's shape: a gem per folder, listed nowhere
        'Gemfile': "source 'https://rubygems.org'\n",
        'instrumentation/pg/opentelemetry-instrumentation-pg.gemspec': 'Gem::Specification.new do |spec|\nend\n',
        'helpers/sql/opentelemetry-helpers-sql.gemspec': 'Gem::Specification.new do |spec|\nend\n',
        // two in one folder: the one named for the folder
        'tools/tools.gemspec': '',
        'tools/aaa-extra.gemspec': '',
        'tools/.gemspec': '',
        // a dependency Bundler vendored with its specification
        'vendor/bundle/ruby/3.3.0/specifications/rake-13.2.1.gemspec': '',
      },
    },
    {
      commit: 'release-please releases one of them', at: '2026-02-02T12:00:00Z', id: 'released',
      files: { 'release-please-config.json': JSON.stringify({ packages: { 'instrumentation/pg': { 'release-type': 'ruby' } } }) },
    },
  ]);
  const dotnet = buildRepo([
    {
      commit: 'projects', at: '2026-02-01T12:00:00Z', id: 'projects',
      files: {
        // opentelemetry-dotnet-contrib's shape: a project per folder, listed in no manifest flowaudit reads, its tags
        // named by MinVer's prefix
        'src/Acme.Exporter.Geneva/Acme.Exporter.Geneva.csproj': '<Project><PropertyGroup><MinVerTagPrefix>Exporter.Geneva-</MinVerTagPrefix></PropertyGroup></Project>\n',
        'src/Acme.Core/Acme.Core.csproj': '<Project><PropertyGroup><PackageId>Acme</PackageId></PropertyGroup></Project>\n',
        // two in one folder: the one named for the folder
        'src/Acme.Core/Acme.Core.Analyzers.csproj': '<Project />\n',
        'test/Acme.Exporter.Geneva.Tests/Acme.Exporter.Geneva.Tests.csproj': '<Project />\n',
      },
    },
  ]);
  afterAll(() => {
    repo.cleanup();
    go.cleanup();
    python.cleanup();
    dart.cleanup();
    ruby.cleanup();
    dotnet.cleanup();
  });

  it('finds .NET projects by their .csproj, named by PackageId or the file, with the tag name MinVer\'s prefix declares', async () => {
    const projects = await readWorkspace(dotnet.dir, dotnet.sha('projects'), 'contrib');
    expect(projects.packages).toEqual([]);
    expect(projects.unlisted).toEqual([
      { folder: 'src/Acme.Core', manifest: 'Acme.Core.csproj' },
      { folder: 'src/Acme.Exporter.Geneva', manifest: 'Acme.Exporter.Geneva.csproj' },
      { folder: 'test/Acme.Exporter.Geneva.Tests', manifest: 'Acme.Exporter.Geneva.Tests.csproj' },
    ]);
    expect(await namePackages(dotnet.dir, dotnet.sha('projects'), projects.unlisted, 'contrib')).toEqual([
      { folder: 'src/Acme.Core', manifest: 'Acme.Core.csproj', name: 'Acme' },
      { folder: 'src/Acme.Exporter.Geneva', manifest: 'Acme.Exporter.Geneva.csproj', name: 'Acme.Exporter.Geneva', component: 'Exporter.Geneva' },
      { folder: 'test/Acme.Exporter.Geneva.Tests', manifest: 'Acme.Exporter.Geneva.Tests.csproj', name: 'Acme.Exporter.Geneva.Tests' },
    ]);
  });

  it('finds gems by their gemspec, named by its file name: unlisted folders a tag may name, and a folder release-please releases', async () => {
    const gems = await readWorkspace(ruby.dir, ruby.sha('gems'), 'contrib');
    expect(gems.packages).toEqual([]);
    expect(gems.unlisted).toEqual([
      { folder: 'helpers/sql', manifest: 'opentelemetry-helpers-sql.gemspec' },
      { folder: 'instrumentation/pg', manifest: 'opentelemetry-instrumentation-pg.gemspec' },
      { folder: 'tools', manifest: 'tools.gemspec' },
    ]);
    expect((await namePackages(ruby.dir, ruby.sha('gems'), gems.unlisted, 'contrib')).map((p) => p.name)).toEqual(['opentelemetry-helpers-sql', 'opentelemetry-instrumentation-pg', 'tools']);
    const released = await readWorkspace(ruby.dir, ruby.sha('released'), 'contrib');
    expect(released.packages).toEqual([{ folder: 'instrumentation/pg', manifest: 'opentelemetry-instrumentation-pg.gemspec', name: 'opentelemetry-instrumentation-pg' }]);
    expect(await readVersions(ruby.dir, ruby.sha('released'), released.packages)).toEqual(new Map());
  });

  it('finds the packages of a Dart workspace, by Melos\'s globs or pub\'s list, each named by its pubspec.yaml; a root package only when it carries a version', async () => {
    const melos = await readWorkspace(dart.dir, dart.sha('melos'), 'dio');
    expect(melos.packages).toEqual([
      { folder: 'dio', manifest: 'pubspec.yaml', name: 'dio' },
      { folder: 'plugins/web_adapter', manifest: 'pubspec.yaml', name: 'dio_web_adapter' },
    ]);
    expect(await readVersions(dart.dir, dart.sha('melos'), melos.packages)).toEqual(new Map([['dio', '5.9.2'], ['plugins/web_adapter', '2.1.2']]));
    expect((await readWorkspace(dart.dir, dart.sha('pub'), 'dio')).packages.map((p) => [p.folder, p.name])).toEqual([['dio', 'dio'], ['plugins/web_adapter/example', 'example']]);
    // no workspace: the root is the package it names, and every other pubspec.yaml a folder a tag may name
    const single = await readWorkspace(dart.dir, dart.sha('single'), 'repo');
    expect(single.packages).toEqual([{ folder: '', manifest: 'pubspec.yaml', name: 'bloc' }]);
    expect(single.unlisted.map((u) => u.folder)).toEqual(['dio', 'example_dart', 'plugins/web_adapter', 'plugins/web_adapter/example']);
  });

  it('finds every package of every workspace kind and glob form, the root first, each with its declared name', async () => {
    expect(await readWorkspace(repo.dir, repo.sha('base'), 'repo')).toEqual({
      packages: [
        { folder: '', manifest: 'package.json', name: 'acme-monorepo' },
        { folder: 'crates/fast', manifest: 'Cargo.toml', name: 'fast-io' },
        { folder: 'packages/a', manifest: 'package.json', name: '@acme/a' },
        { folder: 'packages/b', manifest: 'package.json', name: 'b' },
        { folder: 'packages/integrations/react', manifest: 'package.json', name: '@acme/react' },
        { folder: 'svc', manifest: 'go.mod', name: 'example.com/svc' },
      ],
      // the workspaces' lists are the whole of their packages: packages/internal, which one leaves out, is none
      unlisted: [],
      warnings: [],
    });
  });

  it('names the root by a pyproject.toml\'s declared name where the root package.json is private (a workspace\'s root)', async () => {
    // jupyterlab: `@jupyterlab/repo-top` at 0.0.1, private, beside the Python package `jupyterlab` its v tags release
    const pair = buildRepo([
      { commit: 'private root', at: '2026-02-01T12:00:00Z', id: 'private', files: { 'package.json': '{"name": "@acme/repo-top", "version": "0.0.1", "private": true}\n', 'pyproject.toml': '[project]\nname = "acme"\ndynamic = ["version"]\n' } },
      { commit: 'published root', at: '2026-02-02T12:00:00Z', id: 'published', files: { 'package.json': '{"name": "@acme/cli", "version": "1.0.0"}\n' } },
      { commit: 'no name', at: '2026-02-03T12:00:00Z', id: 'tools', files: { 'package.json': '{"name": "@acme/repo-top", "private": true}\n', 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' } },
    ]);
    try {
      const root = async (id: string) => (await readWorkspace(pair.dir, pair.sha(id), 'repo')).packages[0];
      expect(await root('private')).toEqual({ folder: '', manifest: 'pyproject.toml', name: 'acme' });
      // a published package.json stays the root's name; a pyproject.toml that names no package never is one
      expect(await root('published')).toEqual({ folder: '', manifest: 'package.json', name: '@acme/cli' });
      expect(await root('tools')).toEqual({ folder: '', manifest: 'package.json', name: '@acme/repo-top' });
    } finally {
      pair.cleanup();
    }
  });

  it('finds Go modules by their go.mod files without a go.work (skipping what go skips), and by the go.work with one', async () => {
    const names = async (sha: string) => (await readWorkspace(go.dir, sha, 'root')).packages.map((p) => [p.folder, p.name]);
    expect(await names(go.sha('base'))).toEqual([['', 'example.com/root'], ['api', 'example.com/root/api'], ['sdk/metric', 'example.com/root/sdk/metric']]);
    expect(await names(go.sha('work'))).toEqual([['', 'example.com/root'], ['api', 'example.com/root/api']]);
  });

  it('leaves out a manifest over the limit, with a warning', async () => {
    const read = await readWorkspace(repo.dir, repo.sha('large'), 'repo');
    expect(read.packages.map((p) => p.folder)).toEqual(['', 'crates/fast', 'packages/a', 'packages/b', 'svc']);
    expect(read.warnings).toEqual([`pnpm-workspace.yaml is ${large.length} bytes, over the 1 MB flowaudit reads of a manifest: the packages it lists are not products`]);
  });

  it('reads the versions the manifests carry at a commit, a crate\'s inherited', async () => {
    const { packages } = await readWorkspace(repo.dir, repo.sha('base'), 'repo');
    expect(await readVersions(repo.dir, repo.sha('base'), packages)).toEqual(new Map([['crates/fast', '0.4.0'], ['packages/a', '1.0.0'], ['packages/b', '2.0.0'], ['packages/integrations/react', '3.0.0']]));
  });

  it('finds uv\'s members less its exclude, and the folders release-please releases that hold a manifest or a file it versions, with their components', async () => {
    const read = await readWorkspace(python.dir, python.sha('base'), 'repo');
    expect(read.packages).toEqual([
      { folder: '', manifest: 'pyproject.toml', name: 'acme-python' },
      // a `simple` package: its version.txt before its pom.xml, named by the config's package-name
      { folder: 'docs/site', manifest: 'version.txt', name: 'acme-docs', component: 'acme-docs' },
      // a Maven module the config names nothing: named for its folder, as a manifest declaring no name is
      { folder: 'java/client', manifest: 'pom.xml', name: 'client' },
      { folder: 'libs/js', manifest: 'package.json', name: '@acme/js' },
      { folder: 'providers/flagd', manifest: 'pyproject.toml', name: 'acme-flagd' },
      { folder: 'tools/api', manifest: 'pyproject.toml', name: 'acme-api', component: 'api' },
    ]);
    // infra/module holds neither: no package
    expect(await readVersions(python.dir, python.sha('base'), read.packages)).toEqual(new Map([['docs/site', '0.3.0'], ['libs/js', '2.0.0'], ['providers/flagd', '0.5.2']]));
    // a root pyproject.toml of tools' settings alone is no package, and makes no workspace: every folder holding a
    // manifest of a kind flowaudit reads is unlisted (a release tag may name one), the Maven folder not
    const tools = await readWorkspace(python.dir, python.sha('tools'), 'repo');
    expect(tools.packages).toEqual([]);
    expect(tools.unlisted).toEqual([
      { folder: 'libs/js', manifest: 'package.json' },
      { folder: 'providers/flagd', manifest: 'pyproject.toml' },
      { folder: 'providers/old', manifest: 'pyproject.toml' },
      { folder: 'tools/api', manifest: 'pyproject.toml' },
    ]);
    expect((await namePackages(python.dir, python.sha('tools'), tools.unlisted, 'repo')).map((p) => p.name)).toEqual(['@acme/js', 'acme-flagd', 'acme-old', 'acme-api']);
    // where a workspace lists packages, a folder it does not name may still be one a tag names; not one its exclude
    // names, nor one inside a listed package's folder (its examples)
    const outside = await readWorkspace(python.dir, python.sha('outside'), 'repo');
    expect(outside.packages.map((p) => p.folder)).toEqual(['', 'providers/flagd']);
    expect(outside.unlisted).toEqual([
      { folder: 'libs/js', manifest: 'package.json' },
      { folder: 'resource/azure', manifest: 'pyproject.toml' },
      { folder: 'tools/api', manifest: 'pyproject.toml' },
    ]);
  });

  it('says nothing for a commit it cannot read rather than failing', async () => {
    expect(await readWorkspace(repo.dir, '0'.repeat(40), 'repo')).toEqual({ packages: [], unlisted: [], warnings: [] });
  });
});
