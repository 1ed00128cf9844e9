import { describe, expect, it } from 'vitest';
import { cargoWorkspace, changesetPackages, declaredTagPrefix, isCsproj, isGemspec, melosPackages, pubWorkspace, declaredName, declaredVersion, goModulePath, goRetractions, goWorkUses, npmWorkspaces, pnpmWorkspaces, releasePleasePackages, rushProjects, uvWorkspace } from '../../../src/sources/git/manifests.js';

describe('workspace manifests', () => {
  it('reads package.json workspaces as a list or under packages', () => {
    expect(npmWorkspaces('{"workspaces": ["packages/*", "apps/web"]}')).toEqual(['packages/*', 'apps/web']);
    expect(npmWorkspaces('{"workspaces": {"packages": ["libs/**"]}}')).toEqual(['libs/**']);
    expect(npmWorkspaces('{"name": "x"}')).toEqual([]);
    expect(npmWorkspaces('not json')).toEqual([]);
  });

  it('reads pnpm-workspace.yaml packages, quoted or not, with exclusions, and stops at the next key', () => {
    const yaml = "packages:\n  - 'packages/*'\n  - \"apps/*\" # the apps\n\n  # a comment\n  - '!packages/internal'\n  - docs\ncatalog:\n  - not-a-package\n";
    expect(pnpmWorkspaces(yaml)).toEqual(['packages/*', 'apps/*', '!packages/internal', 'docs']);
    expect(pnpmWorkspaces("packages: ['a/*', 'b'] # two\n")).toEqual(['a/*', 'b']);
    expect(pnpmWorkspaces('packages: [\n  "a/*",\n  b/**\n]\n')).toEqual(['a/*', 'b/**']);
    expect(pnpmWorkspaces('packages:\n- at/the/margin\nnext: 1\n')).toEqual(['at/the/margin']);
    expect(pnpmWorkspaces("packages:\r\n  - 'win/*'\r\n")).toEqual(['win/*']);
    expect(pnpmWorkspaces("packages:\n  - 'it''s #1'\n")).toEqual(["it's #1"]);
  });

  it('reads Cargo workspace members and exclude from the [workspace] table only', () => {
    const toml = '[package]\nname = "root"\n\n[workspace]\nmembers = [\n  "tokio",\n  "tokio-util", # utilities\n  "crates/*",\n]\nexclude = ["crates/old"]\n\n[dependencies]\nmembers = ["no"]\n';
    expect(cargoWorkspace(toml)).toEqual({ members: ['tokio', 'tokio-util', 'crates/*'], exclude: ['crates/old'] });
    expect(cargoWorkspace('[package]\nname = "one"\n')).toEqual({ members: [], exclude: [] });
    expect(cargoWorkspace('not [toml')).toEqual({ members: [], exclude: [] });
  });

  it('reads go.work use directives, one line or a block, and a go.mod\'s module path', () => {
    expect(goWorkUses('go 1.22\n\nuse (\n\t./cmd/api\n\t./lib // shared\n)\nuse ./tools\n')).toEqual(['cmd/api', 'lib', 'tools']);
    expect(goModulePath('// the API\nmodule "example.com/api/v2" // v2\n\ngo 1.22\n')).toBe('example.com/api/v2');
    expect(goModulePath('go 1.22\n')).toBeNull();
  });

  it('reads a package\'s name and version, a crate\'s inherited from the workspace', () => {
    expect([declaredName('package.json', '{"name": " @a/b ", "version": "1.2.3"}'), declaredVersion('package.json', '{"version": "1.2.3"}')]).toEqual(['@a/b', '1.2.3']);
    expect(declaredName('Cargo.toml', '[package]\nname = "fast-io"\n')).toBe('fast-io');
    const root = '[workspace]\nmembers = ["a"]\n[workspace.package]\nversion = "0.9.1"\n';
    expect(declaredVersion('Cargo.toml', '[package]\nname = "a"\nversion.workspace = true\n', root)).toBe('0.9.1');
    expect(declaredVersion('Cargo.toml', '[package]\nname = "a"\nversion = "2.0.0"\n', root)).toBe('2.0.0');
    expect(declaredVersion('go.mod', 'module x\n')).toBeNull();
  });

  it('reads a Python project\'s name and version from [project], else from Poetry\'s table; a dynamic version is none', () => {
    expect([declaredName('pyproject.toml', '[project]\nname = "acme-sdk"\nversion = "0.5.2"\n'), declaredVersion('pyproject.toml', '[project]\nname = "acme-sdk"\nversion = "0.5.2"\n')]).toEqual(['acme-sdk', '0.5.2']);
    expect([declaredName('pyproject.toml', '[tool.poetry]\nname = "legacy"\nversion = "1.0.0"\n'), declaredVersion('pyproject.toml', '[tool.poetry]\nname = "legacy"\nversion = "1.0.0"\n')]).toEqual(['legacy', '1.0.0']);
    expect(declaredVersion('pyproject.toml', '[project]\nname = "d"\ndynamic = ["version"]\n')).toBeNull();
    // a root pyproject.toml holding only tools' settings declares no project
    expect(declaredName('pyproject.toml', '[tool.ruff]\nline-length = 100\n')).toBeNull();
  });

  it('reads release-please\'s version.txt as its one line, and no name or version from it or a pom.xml', () => {
    expect(declaredVersion('version.txt', '0.14.0\n')).toBe('0.14.0');
    expect(declaredVersion('version.txt', '\n 1.2.3 \nnotes\n')).toBe('1.2.3');
    expect(declaredVersion('version.txt', '\n')).toBeNull();
    expect(declaredName('version.txt', '0.14.0\n')).toBeNull();
    const pom = '<project><artifactId>flagd</artifactId><version>0.14.0</version></project>\n';
    expect([declaredName('pom.xml', pom), declaredVersion('pom.xml', pom)]).toEqual([null, null]);
  });

  it('reads uv\'s workspace members and exclude from [tool.uv.workspace] only', () => {
    const toml = '[project]\nname = "root"\n\n[tool.uv.workspace]\nmembers = ["providers/*", "tools/*"]\nexclude = ["providers/old"]\n\n[tool.ruff]\nmembers = ["no"]\n';
    expect(uvWorkspace(toml)).toEqual({ members: ['providers/*', 'tools/*'], exclude: ['providers/old'] });
    expect(uvWorkspace('[project]\nname = "one"\n')).toEqual({ members: [], exclude: [] });
    expect(uvWorkspace(null)).toEqual({ members: [], exclude: [] });
  });

  it('reads a Dart workspace: Melos\'s melos.yaml packages and pub\'s root pubspec.yaml workspace, as pnpm\'s list is written', () => {
    // cfug/dio's melos.yaml, its globs quoted
    const melos = "name: dio_workspace\nrepository: https://github.com/cfug/dio\n\npackages:\n  - 'dio'\n  - 'plugins/*'\n  - 'plugins/**/example*'\n\nide:\n  intellij:\n    enabled: true\n";
    expect(melosPackages(melos)).toEqual(['dio', 'plugins/*', 'plugins/**/example*']);
    // Dart 3.6's pub workspace (Melos 7 reads it too), a flow sequence as well
    expect(pubWorkspace('name: _\npublish_to: none\nworkspace:\n  - pkgs/a\n  - pkgs/b # the second\nmelos:\n  packages:\n    - nested/ignored\n')).toEqual(['pkgs/a', 'pkgs/b']);
    expect(pubWorkspace('name: _\nworkspace: [pkgs/a, "pkgs/b"]\n')).toEqual(['pkgs/a', 'pkgs/b']);
    // a package's own pubspec.yaml lists no workspace; `workspaces` or an indented key is another key
    expect(pubWorkspace('name: dio\nversion: 5.9.2\nworkspaces:\n  - no\ndependencies:\n  workspace:\n    - no\n')).toEqual([]);
    expect([melosPackages(null), pubWorkspace(null)]).toEqual([[], []]);
  });

  it('reads a pubspec.yaml\'s name and version, its top-level keys alone, quoted or not, a comment left out', () => {
    const pubspec = '\uFEFFname: flutter_bloc # the package\ndescription: "name: not this"\nversion: "9.1.1"\nenvironment:\n  version: 3.0.0\n  name: nested\n';
    expect([declaredName('pubspec.yaml', pubspec), declaredVersion('pubspec.yaml', pubspec)]).toEqual(['flutter_bloc', '9.1.1']);
    // a workspace's root names itself and carries no version (cfug/dio's `dio_workspace`)
    expect([declaredName('pubspec.yaml', "name: dio_workspace\npublish_to: 'none'\n"), declaredVersion('pubspec.yaml', "name: dio_workspace\npublish_to: 'none'\n")]).toEqual(['dio_workspace', null]);
    expect([declaredName('pubspec.yaml', 'name:\n  nested: x\nversion:\n'), declaredVersion('pubspec.yaml', null)]).toEqual([null, null]);
  });

  it('reads a Helm chart\'s Chart.yaml name and version, its top-level keys alone', () => {
    const chart = 'apiVersion: v2\nname: kube-prometheus-stack\nversion: 88.5.3\nappVersion: v0.86.0\ndependencies:\n  - name: crds\n    version: "0.0.0"\n';
    expect([declaredName('Chart.yaml', chart), declaredVersion('Chart.yaml', chart)]).toEqual(['kube-prometheus-stack', '88.5.3']);
    expect([declaredName('Chart.yaml', 'apiVersion: v2\n'), declaredVersion('Chart.yaml', null)]).toEqual([null, null]);
    // no scalar on the key's line: a flow collection, even unclosed, or a block scalar
    expect(['name: [unclosed\n', 'name: {a: b}\n', 'name: |\n  alpha\n', "name: >-\n  alpha\n"].map((t) => declaredName('Chart.yaml', t))).toEqual([null, null, null, null]);
    expect(declaredName('Chart.yaml', "name: '[alpha]'\n")).toBe('[alpha]');
  });

  it('names a gem by its gemspec\'s file name, its Ruby unread, and reads no version from it', () => {
    expect(['pg.gemspec', 'opentelemetry-instrumentation-pg.gemspec', '.gemspec', 'pg.gemspec.bak', 'gemspec'].map(isGemspec)).toEqual([true, true, false, false, false]);
    expect(declaredName('opentelemetry-instrumentation-pg.gemspec', 'Gem::Specification.new do |spec|\n  spec.name = "other"\nend\n')).toBe('opentelemetry-instrumentation-pg');
    expect(declaredVersion('pg.gemspec', 'spec.version = "1.0.0"\n')).toBeNull();
  });

  it('names a .NET project by its literal PackageId, else its file name, and its tags by MinVer\'s tag prefix, reading no version', () => {
    expect(['OpenTelemetry.Exporter.Geneva.csproj', '.csproj', 'App.csproj.user', 'App.fsproj'].map(isCsproj)).toEqual([true, false, false, false]);
    const geneva = '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup Condition="\'$(MinVerTagPrefix)\' != \'\'">\n    <MinVerTagPrefix> Exporter.Geneva- </MinVerTagPrefix>\n    <Version>9.9.9</Version>\n  </PropertyGroup>\n</Project>\n';
    expect([declaredName('OpenTelemetry.Exporter.Geneva.csproj', geneva), declaredTagPrefix('OpenTelemetry.Exporter.Geneva.csproj', geneva), declaredVersion('OpenTelemetry.Exporter.Geneva.csproj', geneva)]).toEqual(['OpenTelemetry.Exporter.Geneva', 'Exporter.Geneva', null]);
    expect(declaredName('Core.csproj', '<Project><PropertyGroup><PackageId>Acme.Core</PackageId></PropertyGroup></Project>')).toBe('Acme.Core');
    // what only MSBuild can evaluate, a prefix that names no project, or none: the file name, no tag name
    const computed = '<PackageId>$(RootNamespace).Core</PackageId><MinVerTagPrefix>$(Prefix)-</MinVerTagPrefix>';
    expect([declaredName('Core.csproj', computed), declaredTagPrefix('Core.csproj', computed)]).toEqual(['Core', null]);
    expect(['<MinVerTagPrefix>v</MinVerTagPrefix>', '<MinVerTagPrefix>core-', '<Project/>'].map((t) => declaredTagPrefix('Core.csproj', t))).toEqual([null, null, null]);
    expect([declaredTagPrefix('Core.csproj', null), declaredTagPrefix('package.json', '<MinVerTagPrefix>core-</MinVerTagPrefix>')]).toEqual([null, null]);
  });

  it('reads the folders rush.json lists, through its comments and trailing commas; none from text that does not parse', () => {
    const text = '/* Rush */\n{\n  // the projects\n  "projects": [\n    { "packageName": "@a/cli", "projectFolder": "apps/cli" },\n    { "packageName": "@a/core", "projectFolder": "./libraries/core/", },\n    { "packageName": "no-folder" },\n  ],\n}\n';
    expect(rushProjects(text)).toEqual(['apps/cli', './libraries/core/']);
    expect(rushProjects('{"projects": {"apps/cli": {}}}')).toEqual([]);
    expect(rushProjects('{"projects": [')).toEqual([]);
    expect(rushProjects(null)).toEqual([]);
  });

  it('reads the folders a release-please config releases, with the component its tags carry when it names one', () => {
    const config = JSON.stringify({
      'release-type': 'node',
      packages: { '.': {}, './libs/flagd/': { component: ' flagd ' }, 'python/sdk': { 'package-name': 'acme-sdk' }, 'libs/web': { 'package-name': '@acme/web-sdk' }, 'libs/none': null },
    });
    expect(releasePleasePackages(config)).toEqual([
      { folder: '', packageName: null, component: null },
      { folder: 'libs/flagd', packageName: null, component: 'flagd' },
      { folder: 'python/sdk', packageName: 'acme-sdk', component: 'acme-sdk' },
      // release-please's own default: the package's name less its npm scope
      { folder: 'libs/web', packageName: '@acme/web-sdk', component: 'web-sdk' },
      { folder: 'libs/none', packageName: null, component: null },
    ]);
    expect(releasePleasePackages('{"packages": ["a"]}')).toEqual([]);
    expect(releasePleasePackages('not json')).toEqual([]);
  });
});

describe('a changeset', () => {
  it('names the packages its front matter bumps, quoted or not, in the order written; none bumps nothing', () => {
    // biome's and kit's, with the bump quoted as biome sometimes writes it
    const text = '---\n"@biomejs/biome": patch\n\'@biomejs/js-api\': "minor"\nplain-name: major # breaking\n"@acme/docs": none\n---\n\nFixed [#10776](https://x): a: b\n';
    expect(changesetPackages(text)).toEqual(['@biomejs/biome', '@biomejs/js-api', 'plain-name']);
    expect(changesetPackages('---\r\n"a": patch\r\n---\r\n')).toEqual(['a']);
  });

  it('names none without front matter, or with one never closed', () => {
    expect(changesetPackages('"a": patch\n')).toEqual([]);
    expect(changesetPackages('---\n"a": patch\n')).toEqual([]);
    expect(changesetPackages('---\n---\n"a": patch\n')).toEqual([]);
  });
});

describe('manifest readers take time linear in their text', () => {
  const within = (ms: number, read: () => unknown): void => {
    const start = performance.now();
    read();
    expect(performance.now() - start).toBeLessThan(ms);
  };

  it('a 300 KB pnpm item, quoted or plain, with a comment and no colon', () => {
    const item = 'a'.repeat(300_000);
    within(2000, () => expect(pnpmWorkspaces(`packages:\n  - '${item}'\n  - ${item} #\n`)).toHaveLength(2));
    within(2000, () => expect(pnpmWorkspaces(`packages${' '.repeat(300_000)}\n`)).toEqual([]));
    within(2000, () => expect(pnpmWorkspaces(`packages: [${' '.repeat(300_000)}`)).toEqual([]));
  });

  it('200,000 lines of a key\'s name and no colon in a pubspec.yaml and a melos.yaml', () => {
    within(2000, () => expect(declaredVersion('pubspec.yaml', `${'version   \n'.repeat(200_000)}version: 1.0.0\n`)).toBe('1.0.0'));
    within(2000, () => expect(melosPackages(`${'packages \n'.repeat(200_000)}`)).toEqual([]));
    within(2000, () => expect(pubWorkspace(`workspace${' '.repeat(300_000)}`)).toEqual([]));
  });

  it('200,000 blank lines, or spaces, in a Cargo.toml and a go.work', () => {
    within(2000, () => expect(cargoWorkspace(`[workspace]\n${'\n'.repeat(200_000)}members = ["a"]\n`).members).toEqual(['a']));
    within(2000, () => expect(cargoWorkspace(`[workspace]\n${' \n'.repeat(200_000)}`).members).toEqual([]));
    within(2000, () => expect(goWorkUses(`use (\n${'\n'.repeat(200_000)}./a\n)\n`)).toEqual(['a']));
  });
});

describe('goRetractions', () => {
  it('reads a range under its comment, a version with one on its line, and a block whose entries fall back on the block\'s', () => {
    const goMod = [
      'module google.golang.org/grpc',
      '',
      'require (',
      '\tgolang.org/x/text v0.41.0 // indirect',
      ')',
      '',
      '// v1.74.0 was published prematurely with known issues.',
      'retract [v1.74.0, v1.74.1]',
      '',
      'retract v1.2.0 // a data race',
      '',
      '// broken builds',
      'retract (',
      '\tv1.0.0',
      '\t// the wrong module path',
      '\t[v0.9.0, v0.9.5]',
      ')',
    ].join('\n');
    expect(goRetractions(goMod)).toEqual([
      { low: 'v1.74.0', high: 'v1.74.1', rationale: 'v1.74.0 was published prematurely with known issues.' },
      { low: 'v1.2.0', high: 'v1.2.0', rationale: 'a data race' },
      { low: 'v1.0.0', high: 'v1.0.0', rationale: 'broken builds' },
      { low: 'v0.9.0', high: 'v0.9.5', rationale: 'the wrong module path' },
    ]);
  });

  it('reads none from a go.mod without them, nor a comment apart from a directive as its rationale', () => {
    expect(goRetractions(null)).toEqual([]);
    expect(goRetractions('module a\n\n// retract v1.0.0\n')).toEqual([]);
    expect(goRetractions('module a\n// old note\n\nretract v1.0.0\n')).toEqual([{ low: 'v1.0.0', high: 'v1.0.0', rationale: null }]);
  });
});
