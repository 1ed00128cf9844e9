import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/domain.js';
import type { DeployCandidate } from '../../src/model/deploys.js';
import { assignProductDeploys, carriesTagVersion, findProducts, namedApart, ownTagsFolder, sharedKeys, tagKey, tagNamedPackages, tagNamesPackage, withShortName, type PackageFolder, type Ship } from '../../src/model/products.js';
import { change, h, sha } from './data.js';

const PACKAGES = [
  { folder: 'packages/cli', name: '@changesets/cli' },
  { folder: 'packages/cli/templates', name: 'cli-templates' },
  { folder: 'tokio-util', name: 'tokio-util' },
  { folder: 'tokio', name: 'tokio' },
  { folder: 'svc/api', name: 'svc/api' },
];

describe('tagKey', () => {
  it('is the name a tag versions, in each package-tag form', () => {
    expect(['@changesets/cli@2.29.6', 'tokio-util-0.7.1', 'name-v1.2.3', 'svc/api/v1.2.3', 'v1.2.3', '1.2'].map(tagKey)).toEqual(['@changesets/cli', 'tokio-util', 'name', 'svc/api', '', '']);
    // Python's pin, as LangChain's release workflow names its packages' tags
    expect(['langchain-core==0.3.1', 'Langchain-AWS==1.7.3'].map(tagKey)).toEqual(['langchain-core', 'langchain-aws']);
    // Rush's `_v`, the Azure SDKs' `_`
    expect(['@rushstack/heft_v0.50.0', '@azure/storage-blob_12.17.0'].map(tagKey)).toEqual(['@rushstack/heft', '@azure/storage-blob']);
  });
});

describe('tagNamedPackages', () => {
  const folders = [
    { folder: 'libs/aws', name: 'langchain-aws' },
    { folder: 'libs/cli', name: 'langgraph-cli' },
    { folder: 'libs/cli/tests/unit_tests/cli', name: 'cli-fixture' },
    { folder: 'tools/a/fmt', name: 'fmt-a' },
    { folder: 'tools/b/fmt', name: 'fmt-b' },
    { folder: 'examples/app', name: 'app' },
  ];
  const named = (tags: string[]) => tagNamedPackages(folders, tags).map((p) => p.folder);

  it('takes the one folder a tag names, by its declared name, its path or its folder\'s name', () => {
    expect(named(['langchain-aws==1.7.3', 'langchain-aws==1.7.2'])).toEqual(['libs/aws']);
    expect(named(['libs/aws/v1.0.0'])).toEqual(['libs/aws']);
    expect(named(['examples/app/v2.0.0', 'v1.0.0'])).toEqual(['examples/app']);
  });

  it('takes the folder holding the others a name names, and none of two apart', () => {
    expect(named(['cli==0.4.31'])).toEqual(['libs/cli']);
    expect(named(['fmt@1.0.0'])).toEqual([]);
    expect(named(['sdk==0.4.3', 'v1.2.3'])).toEqual([]);
  });

  it('tells two folders a name names apart by the version each manifest carries, one of the tags\' own', () => {
    // felangel/bloc: `bloc-v9.2.1` names packages/bloc's pubspec.yaml (bloc, 9.2.1) and the editor extension's
    // package.json (bloc, 6.8.13, tagged `vscode_bloc-v6.8.13`)
    const bloc = [{ folder: 'packages/bloc', name: 'bloc' }, { folder: 'extensions/vscode', name: 'bloc' }];
    const pick = (tags: string[], versions: Array<[string, string]>) => tagNamedPackages(bloc, tags, new Map(versions)).map((p) => p.folder);
    expect(pick(['bloc-v9.2.0', 'bloc-v9.2.1'], [['packages/bloc', '9.2.1'], ['extensions/vscode', '6.8.13']])).toEqual(['packages/bloc']);
    expect(pick(['bloc-v6.8.13'], [['packages/bloc', '9.2.1'], ['extensions/vscode', 'v6.8.13']])).toEqual(['extensions/vscode']);
    // neither carries a tag's version, or both do: still none
    expect(pick(['bloc-v9.3.0'], [['packages/bloc', '9.2.1'], ['extensions/vscode', '6.8.13']])).toEqual([]);
    expect(pick(['bloc-v1.0.0'], [['packages/bloc', '1.0.0'], ['extensions/vscode', '1.0.0']])).toEqual([]);
    expect(pick(['bloc-v9.2.1'], [])).toEqual([]);
    // only the folders named apart need their versions read
    expect(namedApart([...bloc, { folder: 'packages/flutter_bloc', name: 'flutter_bloc' }], ['bloc-v9.2.1', 'flutter_bloc-v9.1.1']).map((p) => p.folder)).toEqual(['packages/bloc', 'extensions/vscode']);
    expect(namedApart(bloc, ['flutter_bloc-v9.1.1'])).toEqual([]);
  });
});

describe('carriesTagVersion', () => {
  it('is whether a manifest\'s version is the one a tag carries, as pydantic-core\'s 2.48.0 is `core-v2.48.0`\'s', () => {
    expect([carriesTagVersion('core-v2.48.0', '2.48.0'), carriesTagVersion('cli/v1.9.4', 'v1.9.4'), carriesTagVersion('cli/v1.9.4', '0.0.0'), carriesTagVersion('cli/v1.9.4', undefined)]).toEqual([true, true, false, false]);
  });
});

describe('ownTagsFolder', () => {
  it('gives a bare tag to the package carrying its version, and among several to the root, else to the one named for the repository', () => {
    const lockstep = new Map([['packages/react-router', '7.6.2'], ['packages/react-router-dev', '7.6.2'], ['packages/react-router-node', '7.6.2']]);
    // react-router's `7.6.2`: every package at 7.6.2, the root private and unversioned
    expect(ownTagsFolder('7.6.2', lockstep, 'packages/react-router')).toBe('packages/react-router');
    // no package named for the repository: the workspace versioned together is one product, the root
    expect(ownTagsFolder('7.6.2', lockstep)).toBe('');
    // the root carrying it too is the root's
    expect(ownTagsFolder('v7.6.2', new Map([...lockstep, ['', '7.6.2']]), 'packages/react-router')).toBe('');
    expect(ownTagsFolder('v1.0.0', new Map([['packages/cli', '1.0.0'], ['packages/core', '0.9.0']]), 'packages/core')).toBe('packages/cli');
    expect(ownTagsFolder('v2.0.0', lockstep, 'packages/react-router')).toBeNull();
  });
});

describe('findProducts', () => {
  it('makes a product of each package a tag versions, by declared name, folder or the folder\'s last part', () => {
    const products = findProducts(PACKAGES, ['@changesets/cli@2.0.0', 'tokio-1.49.0', 'tokio-util-0.7.0', 'svc/api/v1.0.0', 'v3.0.0'], new Map());
    expect(products.list.map((p) => [p.name, p.paths])).toEqual([
      ['@changesets/cli', ['packages/cli']],
      ['svc/api', ['svc/api']],
      ['tokio', ['tokio']],
      ['tokio-util', ['tokio-util']],
    ]);
    expect(products.ofTag('tokio-util-0.7.9')).toBe('tokio-util');
    expect(products.ofTag('tokio-1.50.0')).toBe('tokio');
    expect(products.ofTag('v3.0.0')).toBeNull();
    expect(products.ofTag('cli-templates@1.0.0')).toBeNull();
  });

  it("gives a Go module of a major version's folder (client/v3) only its own major's tags: etcd's client/v2.305.33 is release-3.5's client/v2", () => {
    const modules: PackageFolder[] = [
      { folder: '', name: 'go.etcd.io/etcd/v3' },
      { folder: 'client/v3', name: 'go.etcd.io/etcd/client/v3' },
      { folder: 'api', name: 'go.etcd.io/etcd/api/v3' },
    ];
    const products = findProducts(modules, ['v3.5.33', 'client/v3.5.33', 'client/v2.305.33', 'api/v3.5.33'], new Map(), '');
    expect(['client/v3.5.33', 'client/v2.305.33', 'api/v3.5.33', 'api/v2.305.33', 'v3.5.33'].map((t) => products.ofTag(t))).toEqual([
      'go.etcd.io/etcd/client/v3', null, 'go.etcd.io/etcd/api/v3', 'go.etcd.io/etcd/api/v3', 'go.etcd.io/etcd/v3',
    ]);
    // client/v2 read too (at its tags' commits, a package gone from main): its tags are its own
    const both = findProducts([...modules, { folder: 'client/v2', name: 'go.etcd.io/etcd/client/v2' }], ['client/v3.5.33', 'client/v2.305.33'], new Map(), '');
    expect(['client/v3.5.33', 'client/v2.305.33'].map((t) => both.ofTag(t))).toEqual(['go.etcd.io/etcd/client/v3', 'go.etcd.io/etcd/client/v2']);
  });

  it('gives a path to the deepest product folder holding it, none to a file outside them', () => {
    const products = findProducts(PACKAGES, ['@changesets/cli@2.0.0', 'cli-templates@1.0.0', 'tokio-1.0.0'], new Map());
    expect(products.ofPaths(['packages/cli/templates/x.md'])).toEqual(['cli-templates']);
    expect(products.ofPaths(['packages/cli/src/index.ts', 'tokio/src/lib.rs'])).toEqual(['@changesets/cli', 'tokio']);
    // a folder whose name only starts like a product's is not it
    expect(products.ofPaths(['tokio-util/src/lib.rs', 'README.md'])).toEqual([]);
  });

  it('takes the config\'s products first: by their tag pattern, else by their name', () => {
    const declared = new Map([
      ['api', { paths: ['services/api/**'], tags: { test: (t: string) => t.startsWith('api-v') } }],
      ['tokio', { paths: ['tokio/**', 'tokio-macros/**'], tags: null }],
    ]);
    const products = findProducts(PACKAGES, ['api-v1.0.0', 'tokio-1.0.0', 'tokio-util-0.7.0'], declared);
    expect(products.list.map((p) => p.name)).toEqual(['api', 'tokio', 'tokio-util']);
    expect(products.ofTag('api-v2.0.0')).toBe('api');
    expect(products.ofTag('tokio-1.1.0')).toBe('tokio');
    expect(products.ofPaths(['tokio-macros/src/lib.rs'])).toEqual(['tokio']);
    expect(products.ofPaths(['services/api/main.go', 'tokio-util/x.rs'])).toEqual(['api', 'tokio-util']);
  });
});

describe('withShortName', () => {
  it('is the name less every mention of the repository\'s, without separators, as langgraph\'s release workflow tags it', () => {
    const short = (name: string, repository = 'langgraph') => withShortName<PackageFolder>({ folder: 'libs/x', name }, repository).short;
    expect(['langgraph-checkpoint-postgres', 'langgraph-sdk', 'LangGraph_CLI', 'langgraph.prebuilt'].map((n) => short(n))).toEqual(['checkpointpostgres', 'sdk', 'cli', 'prebuilt']);
    // the package named for the repository is its bare versions', a package not holding its name has none
    expect([short('langgraph'), short('deepagents'), short('langgraph-sdk', '')]).toEqual([undefined, undefined, undefined]);
    // an npm scope is not part of it: `@langgraph/sdk` is tagged `sdk@…` by its name less the scope already
    expect([short('@langgraph/sdk'), short('@acme/langgraph-sdk')]).toEqual([undefined, 'sdk']);
  });

  it('is also the one word a name adds to the repository\'s after a separator, as pydantic tags pydantic_core `core-v2.48.0`', () => {
    const word = (name: string, repository = 'pydantic') => withShortName<PackageFolder>({ folder: 'x', name }, repository).word;
    expect(['pydantic_core', 'pydantic-core', 'Pydantic.Core', '@acme/pydantic-core'].map((n) => word(n))).toEqual(['core', 'core', 'core', 'core']);
    // more than one word, no separator, or the repository's name not first: no word (langgraph-checkpoint-postgres's is a pin's)
    expect(['pydantic-core-extra', 'pydanticcore', 'core-pydantic', 'pydantic-', 'pydantic'].map((n) => word(n))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('names a package by its word in any tag, and never in place of another package\'s name or folder', () => {
    const packages = [
      { folder: 'pydantic-core', name: 'pydantic_core' },
      { folder: '', name: 'pydantic' },
      { folder: 'tools/cli', name: 'cli' },
      { folder: 'crates/pydantic_cli', name: 'pydantic_cli' },
    ].map((p) => withShortName(p, 'pydantic'));
    const products = findProducts(packages, ['core-v2.48.0', 'v2.13.0', 'cli@1.0.0'], new Map(), '');
    expect(['core-v2.48.1', 'core@2.48.1', 'core/v2.48.1', 'v2.13.1', 'cli@1.0.1'].map((t) => products.ofTag(t))).toEqual(['pydantic_core', 'pydantic_core', 'pydantic_core', 'pydantic', 'cli']);
    expect(products.ofPaths(['pydantic-core/src/lib.rs', 'pydantic/main.py'])).toEqual(['pydantic', 'pydantic_core']);
    expect(tagNamesPackage('core-v2.48.0', packages[0] as PackageFolder)).toBe(true);
  });


  it('names a package only when no package is named so by its name or folder', () => {
    const packages = [
      { folder: 'tools/cli', name: 'cli' },
      { folder: 'libs/acme-cli', name: 'acme-cli' },
      { folder: 'libs/sdk-py', name: 'acme-sdk' },
    ].map((p) => withShortName(p, 'acme'));
    const products = findProducts(packages, ['cli@1.0.0', 'sdk==0.4.3', 'acme-cli@2.0.0'], new Map());
    expect(products.ofTag('cli@1.0.1')).toBe('cli');
    expect(products.ofTag('sdk==0.4.4')).toBe('acme-sdk');
    expect(products.ofTag('acme-cli@2.0.1')).toBe('acme-cli');
    // the short name of one word names it in any tag (readProducts keeps it only where the manifest carries the tag's version)
    expect(products.ofTag('sdk/v0.5.0')).toBe('acme-sdk');
    expect(tagNamedPackages(packages.slice(2), ['sdk==0.4.3']).map((p) => p.folder)).toEqual(['libs/sdk-py']);
  });
});

describe('projects declaring one tag name', () => {
  // opentelemetry-dotnet-contrib: OpenTelemetry.Instrumentation.AWS, .AWSLambda and OpenTelemetry.Extensions.AWS all
  // declare the MinVer prefix `Instrumentation.AWS-`, and are released by its tags together
  const projects = [
    { folder: 'src/Acme.Extensions.AWS', name: 'Acme.Extensions.AWS', component: 'Instrumentation.AWS' },
    { folder: 'src/Acme.Instrumentation.AWS', name: 'Acme.Instrumentation.AWS', component: 'Instrumentation.AWS' },
    { folder: 'src/Acme.Instrumentation.AWSLambda', name: 'Acme.Instrumentation.AWSLambda', component: 'Instrumentation.AWS' },
    { folder: 'src/Acme.Exporter.Geneva', name: 'Acme.Exporter.Geneva', component: 'Exporter.Geneva' },
  ];

  it('are all taken, where folders a name names apart otherwise are none', () => {
    expect(tagNamedPackages(projects, ['Instrumentation.AWS-1.1.0']).map((p) => p.folder)).toEqual(['src/Acme.Extensions.AWS', 'src/Acme.Instrumentation.AWS', 'src/Acme.Instrumentation.AWSLambda']);
    expect(namedApart(projects, ['Instrumentation.AWS-1.1.0'])).toEqual([]);
    // a project that declares no prefix is not among them: it is found by its own name
    const one = [{ folder: 'src/Acme.Extensions.AWS', name: 'Acme.Extensions.AWS' }, { folder: 'src/Acme.Instrumentation.AWS', name: 'Acme.Instrumentation.AWS', component: 'Instrumentation.AWS' }];
    expect(tagNamedPackages(one, ['acme.extensions.aws-1.0.0', 'Instrumentation.AWS-1.1.0']).map((p) => p.folder)).toEqual(['src/Acme.Extensions.AWS', 'src/Acme.Instrumentation.AWS']);
  });

  it('are one product of all their folders, named for the project named for the tags', () => {
    const products = findProducts(projects, ['Instrumentation.AWS-1.1.0', 'Exporter.Geneva-1.0.0'], new Map());
    expect(products.list.map((p) => [p.name, p.paths])).toEqual([
      ['Acme.Exporter.Geneva', ['src/Acme.Exporter.Geneva']],
      ['Acme.Instrumentation.AWS', ['src/Acme.Instrumentation.AWS', 'src/Acme.Extensions.AWS', 'src/Acme.Instrumentation.AWSLambda']],
    ]);
    expect(products.ofTag('Instrumentation.AWS-1.2.0')).toBe('Acme.Instrumentation.AWS');
    expect(products.ofPaths(['src/Acme.Extensions.AWS/Tracer.cs', 'src/Acme.Instrumentation.AWSLambda/Handler.cs'])).toEqual(['Acme.Instrumentation.AWS']);
  });
});

/*
 * Deploys by product, each tag shipping what it holds that no tag before it did (what `shipments` does over the
 * graph), given by hand: tokio's `tokio` crate tagged on a line of its own, then merged back by a sync that carries
 * the line's revert of a change of tokio (the merge of tokio-1.52.2 into master, #8117); a CI change tagged by
 * tokio-macros alone; and a revert, of no product, of a change a changeset made tokio's (biome's #7810).
 */
describe('assignProductDeploys', () => {
  const holds: Record<string, string[]> = {
    'tokio-1.0.1': ['x', 'ci'],
    'tokio-macros-2.0.1': ['ci'],
    'tokio-1.1.0': ['y'],
  };
  const ship: Ship = (changes, candidates) => {
    const done = new Set<string>();
    return candidates.map((c) => {
      const shipped = changes.filter((ch) => ch.kind !== 'sync' && !done.has(ch.sha) && (holds[c.ref] ?? []).some((n) => sha(n) === ch.sha)).map((ch) => ch.sha);
      for (const s of shipped) done.add(s);
      return { ...c, shipped, rollback: false };
    });
  };
  const tag = (ref: string, hour: number, target: string): DeployCandidate => ({ ref, sha: sha(ref), at: h(hour), target });
  const candidates = [tag('tokio-macros-2.0.1', 9, 'tokio-macros'), tag('tokio-1.0.1', 10, 'tokio'), tag('tokio-1.1.0', 30, 'tokio')];
  const run = (changes: Change[]) => {
    const touched = new Map([[sha('x'), ['tokio']], [sha('y'), ['tokio']]]);
    const deploys = assignProductDeploys(changes, candidates, { names: new Set(['tokio', 'tokio-macros']), own: null, namedFor: null, touched }, ship, { revertWindow: 14 * 86400, dropEmpty: true });
    return deploys.map((d) => [d.ref, d.product, d.changeShas.length, d.failed]);
  };

  it('makes no deploy of a tag that ships only a change of no product, and dates that change by a deploy that holds it', () => {
    const changes = [change('x', { mergedAt: h(1) }), change('ci', { mergedAt: h(2) })];
    expect(run(changes)).toEqual([['tokio-1.0.1', 'tokio', 1, false]]);
    expect([changes[1]?.deployRef, changes[1]?.deployedAt, changes[1]?.products]).toEqual(['tokio-1.0.1', h(10), []]);
  });

  it('fails a product\'s deploy by a revert of its change that touches no product\'s code', () => {
    const changes = [change('y', { mergedAt: h(20), revertedBy: sha('undo') }), change('undo', { mergedAt: h(40), isRevert: true })];
    expect(run(changes)).toEqual([['tokio-1.1.0', 'tokio', 1, true]]);
  });

  it('fails no deploy by a sync that brings back a release line\'s revert, which the tag itself held', () => {
    const changes = [change('y', { mergedAt: h(20), revertedBy: sha('merge') }), change('merge', { kind: 'sync', mergedAt: h(40), isRevert: true })];
    expect(run(changes)).toEqual([['tokio-1.1.0', 'tokio', 1, false]]);
  });
  it("names a change of two products tagged in one second by the repository's own product's tag, else the one named for the repository, not the name sorting first", () => {
    // apollo-client's #12866: the client and the codemod, @apollo/client-codemod-migrate-3-to-4@1.0.1 and
    // @apollo/client@4.0.1 tagged together
    // (`ci`, a change of no product's code, is held by both tags alike: a ship takes each change once)
    const both = { 'codemod@1.0.1': ['both', 'ci'], 'client@4.0.1': ['both', 'mine', 'ci'] };
    const together: Ship = (changes, cands) => {
      const done = new Set<string>();
      return cands.map((c) => {
        const shipped = changes.filter((ch) => !done.has(ch.sha) && (both[c.ref as keyof typeof both] ?? []).some((n) => sha(n) === ch.sha)).map((ch) => ch.sha);
        for (const s of shipped) done.add(s);
        return { ...c, shipped, rollback: false };
      });
    };
    const cands = [tag('codemod@1.0.1', 10, 'codemod'), tag('client@4.0.1', 10, 'client')];
    const touched = new Map([[sha('both'), ['client', 'codemod']], [sha('mine'), ['client']]]);
    const shipOf = (own: string | null, namedFor: string | null = null): Array<[string | null | undefined, readonly string[] | undefined]> => {
      const changes = [change('both', { mergedAt: h(1) }), change('mine', { mergedAt: h(2) }), change('ci', { mergedAt: h(3) })];
      assignProductDeploys(changes, cands, { names: new Set(['client', 'codemod']), own, namedFor, touched }, together, { revertWindow: 14 * 86400, dropEmpty: true });
      return changes.map((c) => [c.deployRef, c.products]);
    };
    expect(shipOf('client')).toEqual([['client@4.0.1', ['client', 'codemod']], ['client@4.0.1', ['client']], ['client@4.0.1', ['client']]]);
    // no product of the repository's own, none named for it: the order of the tags
    expect(shipOf(null)).toEqual([['codemod@1.0.1', ['client', 'codemod']], ['client@4.0.1', ['client']], ['codemod@1.0.1', []]]);
    // statelyai/xstate: no tags of its own, but a package named for it: its tag names what the release shipped,
    // the change of no product's code too (which stays of no product)
    expect(shipOf(null, 'client')).toEqual([['client@4.0.1', ['client', 'codemod']], ['client@4.0.1', ['client']], ['client@4.0.1', []]]);
  });
});

describe('sharedKeys', () => {
  it('lists a tag name that packages of two names answer to, with both, and no name of one package only', () => {
    const packages = [
      { folder: 'packages/api', name: '@acme/api' },
      { folder: 'examples/api', name: 'api' },
      { folder: 'examples/api/src', name: 'api' },
      { folder: 'packages/cli', name: 'acme-cli' },
    ];
    // `api`: @acme/api less its scope and its folder's last part, and the example's declared name
    expect(sharedKeys(packages, new Set(['api', 'acme-cli', 'src']))).toEqual(new Map([['api', [packages[0], packages[1], packages[2]]]]));
    // two folders of one name (a crate and its app) share nothing
    expect(sharedKeys(packages.slice(1, 3), new Set(['api']))).toEqual(new Map());
  });
});
