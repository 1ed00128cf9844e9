import { afterAll, describe, expect, it } from 'vitest';
import { cargoMembers, folderMatcher, goWorkUses, npmWorkspaces, pnpmWorkspaces, readWorkspacePackages } from '../../../src/sources/git/workspaces.js';
import { buildRepo } from '../../helpers/git-fixture.js';

describe('workspace manifests', () => {
  it('reads package.json workspaces as a list or under packages', () => {
    expect(npmWorkspaces('{"workspaces": ["packages/*", "apps/web"]}')).toEqual(['packages/*', 'apps/web']);
    expect(npmWorkspaces('{"workspaces": {"packages": ["libs/**"]}}')).toEqual(['libs/**']);
    expect(npmWorkspaces('{"name": "x"}')).toEqual([]);
    expect(npmWorkspaces('not json')).toEqual([]);
  });

  it('reads pnpm-workspace.yaml packages, quoted or not, with exclusions, and stops at the next key', () => {
    const yaml = "packages:\n  - 'packages/*'\n  - \"apps/*\" # the apps\n  - '!packages/internal'\ncatalog:\n  - not-a-package\n";
    expect(pnpmWorkspaces(yaml)).toEqual(['packages/*', 'apps/*', '!packages/internal']);
    expect(pnpmWorkspaces("packages: ['a/*', 'b']\n")).toEqual(['a/*', 'b']);
  });

  it('reads Cargo workspace members from the [workspace] table only', () => {
    const toml = '[package]\nname = "root"\n\n[workspace]\nmembers = [\n  "tokio",\n  "tokio-util", # utilities\n  "crates/*",\n]\n\n[dependencies]\nmembers = ["no"]\n';
    expect(cargoMembers(toml)).toEqual(['tokio', 'tokio-util', 'crates/*']);
    expect(cargoMembers('[package]\nname = "one"\n')).toEqual([]);
  });

  it('reads go.work use directives, one line or a block', () => {
    expect(goWorkUses('go 1.22\n\nuse (\n\t./cmd/api\n\t./lib // shared\n)\nuse ./tools\n')).toEqual(['cmd/api', 'lib', 'tools']);
  });

  it('matches folders as the tools do: * one name, ** any depth, ! leaves out', () => {
    const match = folderMatcher(['packages/*', 'libs/**', '!packages/internal']);
    expect(['packages/a', 'packages/a/b', 'packages/internal', 'libs/x/y', 'apps/a'].map(match)).toEqual([true, false, false, true, false]);
  });
});

describe('readWorkspacePackages', () => {
  const repo = buildRepo([
    {
      commit: 'workspace', at: '2026-02-01T12:00:00Z', id: 'base',
      files: {
        'package.json': '{"workspaces": ["packages/*"]}\n',
        'packages/a/package.json': '{"name": "@acme/a"}\n',
        'packages/b/package.json': '{"version": "1.0.0"}\n',
        'packages/b/nested/package.json': '{"name": "fixture-only"}\n',
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/fast/Cargo.toml': '[package]\nname = "fast-io"\nversion = "0.1.0"\n',
        'go.work': 'use ./svc\n',
        'svc/go.mod': 'module example.com/svc\n',
      },
    },
  ]);
  afterAll(() => repo.cleanup());

  it('finds each package\'s folder and declared name, the folder\'s own name when it declares none', async () => {
    expect(await readWorkspacePackages(repo.dir, repo.sha('base'))).toEqual([
      { folder: 'crates/fast', name: 'fast-io' },
      { folder: 'packages/a', name: '@acme/a' },
      { folder: 'packages/b', name: 'b' },
      { folder: 'svc', name: 'svc' },
    ]);
  });

  it('says nothing for a commit it cannot read rather than failing', async () => {
    expect(await readWorkspacePackages(repo.dir, '0'.repeat(40))).toEqual([]);
  });
});
