import type { Change, Deploy } from '../domain.js';
import { globList } from '../glob.js';
import type { Tester } from '../patterns.js';
import { dottedVersion, VERSION } from '../release-names.js';
import { assignDeploys, type AssignOptions, type DeployCandidate, type DeployContents } from './deploys.js';
import { releaseProduct } from './release-tags.js';

/*
 * The products of a monorepo (SPEC section 3): what a repository ships separately, each with its own deploys.
 * Every package of the workspace that a tag versions is one: a tag that names it (`@scope/name@1.2.3`,
 * `name-v1.2.3`, `path/v1.2.3`), or the repository's own tags (`v1.2.3`, no package named) when its manifest
 * carries their version, else the root package; and every product the config names. A repository with fewer
 * than two has none, and every deploy ships whatever it reaches, as in a repository of one product.
 */

/** A package of the workspace at the window's end (sources/git/workspaces.ts); folder '' is the root package. */
export interface PackageFolder {
  folder: string;
  name: string;
  /** the name its tags carry, when something declares one: release-please's `component`, MinVer's tag prefix */
  component?: string;
  /** its name less the repository's, without separators, when its name holds the repository's (see withShortName) */
  short?: string;
  /** the one word its name adds to the repository's after a separator (`pydantic_core` of pydantic: `core`; see withShortName) */
  word?: string;
}

/**
 * `p` with the names its tags may carry when they leave out the repository's name: langgraph's release workflow
 * tags `langgraph-checkpoint-postgres` `checkpointpostgres==3.1.2` and `langgraph-sdk` (in libs/sdk-py) `sdk==0.4.3`,
 * the name with every `langgraph` and separator taken out; its year to August 2026 read 143 such tags as naming
 * no package. Only a Python pin (`name==1.2.3`) is read by it (see pinned). When the name is the repository's, a
 * separator and one word, that word too (`word`): pydantic tags pydantic-core, the uv workspace member
 * `pydantic_core`, `core-v2.48.0`, and read as one product its 90 days to August 2026 had that tag ship 107
 * changes, 80 of them touching no file of pydantic-core; readProducts keeps the word only where the package's
 * manifest carries that tag's version. `p` itself when its name does not hold the repository's or is nothing else.
 * Pure.
 */
export function withShortName<P extends PackageFolder>(p: P, repository: string): P {
  // an npm scope is left out: the name less it is a key of its own (`@changesets/cli` is tagged `cli@…`)
  const name = p.name.replace(/^@[^/]*\//, '').toLowerCase();
  const of = repository.toLowerCase();
  if (of === '' || !name.includes(of)) return p;
  const short = squash(name.split(of).join(''));
  if (short === '') return p;
  const word = name.startsWith(of) && /^[-_.][a-z0-9]+$/.test(name.slice(of.length)) ? name.slice(of.length + 1) : undefined;
  return word === undefined ? { ...p, short } : { ...p, short, word };
}

/** A name without its separators (`checkpoint-postgres` → `checkpointpostgres`). */
function squash(name: string): string {
  return name.replace(/[-_.]/g, '');
}

/**
 * Whether a tag is a Python pin (`sdk==0.4.3`), the one form a package's short name is read in: biome's
 * `cli/v1.9.4` of 2024 released its CLI, since tagged `@biomejs/biome@2.2.0`, and read by the crate biome_cli's
 * short name it made a product of that crate that holds 294 changes of its year to August 2026 and ships none.
 */
function pinned(tag: string): boolean {
  return /==/.test(tag);
}

/** A product the config names: its paths (gitignore-style) and, optionally, the pattern of its tags. */
export interface DeclaredProduct {
  paths: readonly string[];
  /** a tag matching it versions this product; none: tags named for the product (`api@1.2.3`, `api-v1.2.3`) */
  tags: Tester | null;
}

/** One product: its name and where its code is. */
export interface Product {
  name: string;
  /** its folders (a workspace package's; `.` for the root package) or the config's patterns, as written */
  paths: string[];
}

/** The repository's products and the questions the model asks of them. */
export interface Products {
  /** in name order; fewer than two: the repository is one product */
  list: Product[];
  /** the product the repository's own tags (`v1.2.3`) version; null when it has none */
  own: string | null;
  /** the product a tag (or a release's tag) versions; null when none: a tag that names no known package */
  ofTag(tag: string): string | null;
  /**
   * the products whose code a change's paths touch, in name order; none when it touches no product's. A product in
   * `unborn` (its package not yet made when the change merged) holds none of them: its folder was then the enclosing
   * package's
   */
  ofPaths(paths: readonly string[], unborn?: ReadonlySet<string>): string[];
}

// a Go module's folder that ends in its major version (`client/v3`): its path and that version
const MAJOR_FOLDER = /^(.+)\/v(\d+)$/;

// the names a tag may version a package by (see findProducts), in the order they are tried
const PACKAGE_KEYS: ReadonlyArray<(p: PackageFolder) => string | null> = [
  (p) => p.name,
  (p) => (p.folder === '' ? null : p.folder),
  // a Go module of a new major version lives in `path/v2`, and is tagged `path/v2.0.0`
  (p) => MAJOR_FOLDER.exec(p.folder)?.[1] ?? null,
  (p) => (p.folder === '' ? null : (p.folder.split('/').at(-1) ?? p.folder)),
  // an npm package's declared name without its scope, as release-please names its tags: opentelemetry-js-contrib's
  // `@opentelemetry/instrumentation-pg` in plugins/node/opentelemetry-instrumentation-pg, tagged
  // `instrumentation-pg-v0.46.0` until July 2025, when it moved to packages/instrumentation-pg: its 2024 read 1,118
  // tags as naming no package, and 181 deploys where its 695 tags of the year are each one
  (p) => (p.name.startsWith('@') && p.name.includes('/') ? p.name.slice(p.name.indexOf('/') + 1) : null),
  // the component release-please's config names for its tags, or MinVer's tag prefix, whatever the package's name
  componentKey,
];

function componentKey(p: PackageFolder): string | null {
  return p.component ?? null;
}

/**
 * Whether every package a name names declares it as its tags' name: .NET projects released together declare one
 * MinVer tag prefix (opentelemetry-dotnet-contrib's OpenTelemetry.Instrumentation.AspNet and its
 * TelemetryHttpModule, both `Instrumentation.AspNet-`), and are one product of every such folder.
 */
function sharedComponent(key: string, named: readonly PackageFolder[]): boolean {
  return named.length > 1 && named.every((p) => p.component?.toLowerCase() === key);
}

/** Whether a tag (`@scope/name@1.2.3`, `name-v1.2.3`, `path/v1.2.3`) names `p` by one of the names findProducts reads tags by. */
export function tagNamesPackage(tag: string, p: PackageFolder): boolean {
  return keyNames(tagKey(tag), p, pinned(tag));
}

/** Whether a tag's name key (tagKey) is one of the names of `p` that tags version it by. */
function keyNames(key: string, p: PackageFolder, pin: boolean): boolean {
  return key !== '' && (PACKAGE_KEYS.some((name) => name(p)?.toLowerCase() === key) || p.word === key || (pin && p.short !== undefined && p.short === squash(key)));
}

/**
 * The packages among `candidates` (folders holding a manifest that no workspace lists) that `tags` name: for each
 * name the tags version, the one candidate it names (by the keys findProducts reads tags by), or the one holding
 * all the others it names in its folder; where it names several apart, the one whose manifest's version (`versions`,
 * by folder) one of those tags carries; else none. langchain-ai/langchain-aws lists its three packages in no
 * workspace: its tags `langchain-aws==1.7.3` name libs/aws's pyproject.toml, and langchain-google's
 * `libs/genai/v2.1.0` its folder. felangel/bloc's `bloc-v9.2.1` names both packages/bloc (its pubspec.yaml, at
 * 9.2.1) and extensions/vscode (its package.json, the editor extension, at 6.8.13, tagged `vscode_bloc-v6.8.13`).
 * Pure.
 */
export function tagNamedPackages<P extends PackageFolder>(candidates: readonly P[], tags: readonly string[], versions: ReadonlyMap<string, string> = new Map()): P[] {
  const found = new Map<string, P>();
  for (const { key, tags: keyTags, outermost } of namedByKey(candidates, tags)) {
    if (sharedComponent(key, outermost)) {
      for (const p of outermost) found.set(p.folder, p);
      continue;
    }
    const tagged = new Set(keyTags.map(tagVersion));
    const carrying = outermost.length > 1 ? outermost.filter((p) => tagged.has(bareVersion(versions.get(p.folder)))) : outermost;
    const only = carrying.length === 1 ? carrying[0] : undefined;
    if (only !== undefined) found.set(only.folder, only);
  }
  return [...found.values()];
}

/**
 * The candidates a name the tags version names apart from another (tagNamedPackages tells them apart by their
 * versions): the only ones whose manifests' versions need reading. Pure.
 */
export function namedApart<P extends PackageFolder>(candidates: readonly P[], tags: readonly string[]): P[] {
  return namedByKey(candidates, tags).flatMap(({ key, outermost }) => (outermost.length > 1 && !sharedComponent(key, outermost) ? outermost : []));
}

/** For each name the tags version, its tags and the outermost candidates it names. */
function namedByKey<P extends PackageFolder>(candidates: readonly P[], tags: readonly string[]): Array<{ key: string; tags: string[]; outermost: P[] }> {
  const byKey = new Map<string, string[]>();
  for (const tag of tags) {
    const key = tagKey(tag);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [tag]);
    else list.push(tag);
  }
  return [...byKey].map(([key, keyTags]) => {
    const pin = keyTags.some(pinned);
    const named = candidates.filter((p) => keyNames(key, p, pin));
    // a package's own tests and examples lie in its folder: langgraph's libs/cli holds libs/cli/tests/unit_tests/cli
    return { key, tags: keyTags, outermost: named.filter((p) => !named.some((q) => p.folder.startsWith(`${q.folder}/`))) };
  });
}

/** A manifest's version as a tag's version is compared with it: without a leading `v` or `=` (`v6.8.13`); null for none. */
function bareVersion(version: string | undefined): string | null {
  return version === undefined ? null : version.replace(/^[v=]/, '');
}

/** Whether a manifest's version (`v6.8.13`, `=1.0.0`; none: undefined) is the one a tag carries. */
export function carriesTagVersion(tag: string, version: string | undefined): boolean {
  const carried = bareVersion(version);
  return carried !== null && carried === tagVersion(tag);
}

/** The version a tag carries (`bloc-v9.2.1` → `9.2.1`, `v1.0.0-rc.1` → `1.0.0-rc.1`); null when it carries none. */
function tagVersion(tag: string): string | null {
  const m = VERSION.exec(tag);
  return m === null ? null : dottedVersion(m[0]) + tag.slice(m.index + m[0].length);
}

/**
 * Whether `tag` names, by its folder less a major version (`client/` of client/v3), a Go module of another major
 * version than `p`'s folder says: etcd's client/v3 is tagged `client/v3.5.33`, and `client/v2.305.33`, tagged on the
 * same commit, is release-3.5's client/v2, a module gone from main. Read as client/v3's, its tags took the deploys
 * client/v3's own shipped.
 */
function otherMajor(tag: string, key: string, p: PackageFolder): boolean {
  const folder = MAJOR_FOLDER.exec(p.folder);
  if (folder === null || (folder[1] ?? '').toLowerCase() !== key) return false;
  const tagMajor = /^v?(\d+)\./.exec(tagVersion(tag) ?? '')?.[1];
  return tagMajor !== undefined && tagMajor !== folder[2];
}

/**
 * The products of a repository from its workspace packages, its release tags' names and the config's products:
 * a package is a product when a tag versions it (`name@1.2.3`, `@scope/name@1.2.3`, `name-v1.2.3`, `name/v1.2.3`,
 * `path/v1.2.3`, the name being the package's declared name, its folder, the folder's last part, the declared
 * name less its npm scope, release-please's component, the one word the name adds to the repository's (`word`),
 * or, for a pin, the name less the repository's without separators (`short`)); the repository's own tags (`v1.2.3`) version the package at `ownFolder` (see ownTagsFolder). A product the config
 * names is one whatever its tags, and takes the tags its pattern matches before any package does; a glob of its
 * paths past what one may cost is left out, told to `refused`. `carried` gives a name packages of several names share
 * (sharedKeys) to the package at its folder, before any of the above. Pure.
 */
export function findProducts(
  packages: readonly PackageFolder[],
  tags: readonly string[],
  declared: ReadonlyMap<string, DeclaredProduct>,
  ownFolder: string | null = null,
  refused: (product: string, glob: string, why: string) => void = () => undefined,
  carried: ReadonlyMap<string, string> = new Map(),
): Products {
  const byKey = new Map<string, PackageFolder>();
  // a name packages of several names share goes to the one whose manifest carried its newest tag's version (see sharedKeys)
  for (const [key, folder] of carried) {
    const p = packages.find((q) => q.folder === folder);
    if (p !== undefined) byKey.set(key, p);
  }
  // of projects sharing one tag name, the one named for it stands for them (`…Instrumentation.AWS` of `Instrumentation.AWS`)
  const namedForComponent = (p: PackageFolder): boolean => p.component !== undefined && p.name.toLowerCase().endsWith(p.component.toLowerCase());
  const componentFirst = [...packages].sort((a, b) => Number(namedForComponent(b)) - Number(namedForComponent(a)));
  // the declared name first, then the folder, then its last part: a later key never displaces an earlier one
  for (const key of PACKAGE_KEYS) {
    for (const p of key === componentKey ? componentFirst : packages) {
      const k = key(p)?.toLowerCase();
      if (k !== undefined && k !== '' && !byKey.has(k)) byKey.set(k, p);
    }
  }
  // the word a name adds to the repository's (`core` of pydantic_core) next: never in place of a name above
  for (const p of packages) if (p.word !== undefined && !byKey.has(p.word)) byKey.set(p.word, p);
  // the names less the repository's come last, for a pin, compared without separators: never in place of a name above
  const byShort = new Map<string, PackageFolder>();
  for (const p of packages) if (p.short !== undefined && !byShort.has(p.short)) byShort.set(p.short, p);
  const own = ownFolder === null ? undefined : packages.find((p) => p.folder === ownFolder);
  const packageOf = (tag: string): PackageFolder | undefined => {
    const key = tagKey(tag);
    const p = key === '' ? own : (byKey.get(key) ?? (pinned(tag) ? byShort.get(squash(key)) : undefined));
    if (p === undefined || !otherMajor(tag, key, p)) return p;
    // another major version's module under the same path, when one was read (release-3.5's client/v2, gone from main)
    return packages.find((q) => q !== p && PACKAGE_KEYS.some((name) => name(q)?.toLowerCase() === key) && !otherMajor(tag, key, q));
  };
  const tagged = new Map<string, PackageFolder>();
  for (const tag of tags) {
    if (declaredOf(tag, declared) !== null) continue;
    const p = packageOf(tag);
    if (p !== undefined && !declared.has(p.name)) tagged.set(p.name, p);
  }
  // a package moved keeps its name: its folders at the window's end and before are all its (opentelemetry-js-contrib
  // moved plugins/node/opentelemetry-instrumentation-pg to packages/instrumentation-pg in July 2025: the changes
  // of the old folder are the product's too); projects declaring one tag name are one product (see sharedComponent)
  const together = (p: PackageFolder, q: PackageFolder): boolean => q.name === p.name || (p.component !== undefined && q.component?.toLowerCase() === p.component.toLowerCase());
  const foldersOf = (p: PackageFolder): string[] =>
    p.folder === '' ? [''] : [...new Set([p.folder, ...packages.filter((q) => together(p, q) && q.folder !== '').map((q) => q.folder)])];
  const list: Product[] = [
    ...[...tagged.values()].map((p) => ({ name: p.name, paths: foldersOf(p).map((f) => (f === '' ? '.' : f)) })),
    ...[...declared].map(([name, d]) => ({ name, paths: [...d.paths] })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  // a package's folder holds it, the deepest first: a package nested in another's folder is its own; the root
  // package holds what no other product does
  const byFolder = new Map([...tagged.values()].filter((p) => p.folder !== '').flatMap((p) => foldersOf(p).map((f) => [f, p.name] as const)));
  const rootProduct = [...tagged.values()].find((p) => p.folder === '')?.name ?? null;
  const folderOf = (path: string, unborn: ReadonlySet<string> | undefined): string | undefined => {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const name = byFolder.get(path.slice(0, at));
      if (name !== undefined && unborn?.has(name) !== true) return name;
    }
    return undefined;
  };
  const matchers = [...declared].map(([name, d]) => ({ name, matches: globList(d.paths, (glob, why) => refused(name, glob, why)) }));
  return {
    list,
    own: own !== undefined && tagged.get(own.name) === own ? own.name : null,
    ofTag(tag) {
      const named = declaredOf(tag, declared);
      if (named !== null) return named;
      const p = packageOf(tag);
      return p !== undefined && tagged.get(p.name) === p ? p.name : null;
    },
    ofPaths(paths, unborn) {
      const found = new Set<string>();
      for (const path of paths) {
        let held = false;
        for (const m of matchers) {
          if (m.matches(path)) {
            found.add(m.name);
            held = true;
          }
        }
        const folder = folderOf(path, unborn);
        if (folder !== undefined) found.add(folder);
        else if (!held && rootProduct !== null) found.add(rootProduct);
      }
      return [...found].sort();
    },
  };
}

/**
 * The names among `keys` (tagKey) that name packages of two names or more by the keys findProducts reads tags by,
 * each with those packages, in `packages`' order: tauri's `api-v2.0.0-alpha.4` names its example app examples/api,
 * declared `api`, and @tauri-apps/api in packages/api (`api` less its scope, and its folder's last part). Pure.
 */
export function sharedKeys<P extends PackageFolder>(packages: readonly P[], keys: ReadonlySet<string>): Map<string, P[]> {
  const named = new Map<string, P[]>();
  for (const p of packages) {
    for (const key of new Set(PACKAGE_KEYS.map((k) => k(p)?.toLowerCase()))) {
      if (key === undefined || !keys.has(key)) continue;
      const list = named.get(key);
      if (list === undefined) named.set(key, [p]);
      else list.push(p);
    }
  }
  return new Map([...named].filter(([, list]) => new Set(list.map((p) => p.name)).size > 1));
}

/**
 * The folder of the package the repository's own tag `tag` versions (SPEC section 3): the root package ('') when
 * its manifest carries the tag's version (`v1.2.3` is 1.2.3), else the one other package whose manifest does;
 * when several do, the package named for the repository (`namedFor`, its folder) if it is one of them, else the
 * root package (a workspace whose packages are all versioned together is one product); null when none does.
 * react-router's one bare tag `7.6.2`, on a commit where every package was at 7.6.2, made a root product that held
 * every file and never deployed, where `react-router` was the package it named. `versions` are the manifests'
 * versions at that tag, by folder. Pure.
 */
export function ownTagsFolder(tag: string, versions: ReadonlyMap<string, string>, namedFor: string | null = null): string | null {
  const version = tagVersion(tag);
  if (version === null) return null;
  const carrying = [...versions].filter(([, v]) => bareVersion(v) === version).map(([folder]) => folder);
  if (carrying.length === 0) return null;
  if (carrying.length === 1) return carrying[0] as string;
  return carrying.includes('') ? '' : namedFor !== null && carrying.includes(namedFor) ? namedFor : '';
}

/**
 * The name a tag versions, without case, as a package is named: its text before the version less the
 * separator (`@scope/name@1.2.3` → `@scope/name`, `name-v1.2.3` → `name`, `cli/v1.2.3` → `cli`, and Python's
 * pin, `name==1.2.3` → `name`); '' for a bare version (`v1.2.3`): one of the repository's own tags.
 */
export function tagKey(tag: string): string {
  return releaseProduct(tag).replace(/(?:[@/_-]|==)$/, '').toLowerCase();
}

/** The config's product a tag versions: the first whose pattern matches it, else the one it is named for. */
function declaredOf(tag: string, declared: ReadonlyMap<string, DeclaredProduct>): string | null {
  for (const [name, d] of declared) if (d.tags !== null && d.tags.test(tag)) return name;
  const key = tagKey(tag);
  for (const [name, d] of declared) if (d.tags === null && key !== '' && name.toLowerCase() === key) return name;
  return null;
}

/** What the model reads of the products: which products each change touched, by landing sha. */
export interface ProductEvidence {
  /** the products' names; a candidate whose target is none of them ships whatever it reaches */
  names: ReadonlySet<string>;
  /**
   * the product the repository's own tags version: a change touching no product's code ships with its deploys;
   * null (no such tags): with the first deploy of any product
   */
  own: string | null;
  /** by landing sha: the products whose code the change touched (none: it ships with any product's deploy) */
  touched: ReadonlyMap<string, readonly string[]>;
  /**
   * the product named for the repository (statelyai/xstate's `xstate`): without tags of the repository's own, its tag
   * names what several products' tags of one time shipped; null when none is so named
   */
  namedFor: string | null;
}

/** What each deploy shipped first of `changes`, from `candidates` in time order (the model's `shipments`). */
export type Ship = (changes: readonly Change[], candidates: readonly DeployCandidate[]) => DeployContents[];

/**
 * The deploys and when each change shipped, in a repository of products (SPEC section 3): each product's deploys
 * ship the changes touching its code — a change of two products is shipped by each one's first deploy reaching it —
 * and a change touching no product's code ships with the repository's own deploys (those of `products.own`), or
 * without them with the first deploy of any product that holds it, in none of its changes (or of a tag of none,
 * which ships whatever it reaches). Each product's deploys are settled by `assignDeploys` as a repository's are
 * (its failures, reverts and rollbacks among its own); a change's `deployedAt` is its earliest, and `products` are those it touched, else the repository's
 * own product when its tags ship such changes, else none; `productDeploys` is, for each of its products, that
 * product's own first deploy of it (null while none has shipped it). Without two products: `assignDeploys` itself.
 * Sets the changes' fields as `assignDeploys` does; returns the deploys in time order.
 */
export function assignProductDeploys(changes: Change[], candidates: readonly DeployCandidate[], products: ProductEvidence | null, ship: Ship, options: AssignOptions): Deploy[] {
  if (products === null || products.names.size < 2) return assignDeploys(changes, ship(changes, candidates), options);
  const groups = new Map<string, DeployCandidate[]>();
  for (const c of candidates) {
    const key = products.names.has(c.target) ? c.target : '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const order = new Map(candidates.map((c, i) => [`${c.ref}\u0000${c.sha}`, i]));
  const indexOf = (d: { ref: string; sha: string }): number => order.get(`${d.ref}\u0000${d.sha}`) ?? Infinity;
  const touched = (c: Change): readonly string[] => products.touched.get(c.sha) ?? [];
  const own = products.own !== null && groups.has(products.own) ? products.own : null;
  // which of two deploys shipped a change of both first: the earlier; at one time (the tags of one release), the
  // repository's own product's, which names it (apollo-client's #12866 touched the client and the codemod, tagged in
  // the same second, and read as shipped by @apollo/client-codemod-migrate-3-to-4@1.0.1, the name sorting first);
  // without one, the product named for the repository's (statelyai/xstate's #5512, of nine packages tagged in one
  // second, had read as shipped by @xstate/store-angular@2.0.0 rather than xstate@5.32.0)
  const namer = own ?? (products.namedFor !== null && groups.has(products.namedFor) ? products.namedFor : null);
  const firstOf = (a: Deploy, b: Deploy): boolean =>
    a.at === b.at && namer !== null && (a.product === namer) !== (b.product === namer) ? a.product === namer : indexOf(a) < indexOf(b);
  // without the repository's own deploys, a change touching no product's code ships once, with the first deploy
  // of any product: which tag reaches it first, a product's or one of none, all of them in time order in one pass,
  const groupOf = new Map<string, string>();
  if (own === null) {
    const untouched = changes.filter((c) => touched(c).length === 0);
    for (const deploy of ship(untouched, candidates)) {
      for (const sha of deploy.shipped) groupOf.set(sha, products.names.has(deploy.target) ? deploy.target : '');
    }
  }
  // but it is none of that product's changes, so a product's tag that ships only such changes is no deploy
  // (react-router's `@react-router/architect@7.18.1` on v7, holding nothing of main but a docs change's copy, was
  // one of architect's deploys, and its 8.2.0 counted 15 docs and CI changes among its 17); they are dated apart
  // (noProductDeployTimes). A tag of no product ships whatever it reaches first. A revert of a product's change is
  // that product's to ship wherever its files are, so that it fails and restores the deploy that shipped the
  // change (biome's #7810 reverted #7709, of @biomejs/biome by its changeset, in crates/ alone: 2.2.6 failed by it)
  const undoes = own === null ? revertedProducts(changes, touched) : new Map<string, string[]>();
  const inGroup = (c: Change, product: string): boolean => {
    const of = touched(c).length > 0 ? touched(c) : undoes.get(c.sha);
    if (of !== undefined) return product === '' || of.includes(product);
    return own !== null ? product === own || product === '' : product === '' && groupOf.get(c.sha) === '';
  };
  const all: Deploy[] = [];
  const earliest = new Map<string, { deploy: Deploy; change: Change }>();
  // by product, then landing sha: the product's own deploy that shipped the change first, and its copy so set
  const byProduct = new Map<string, Map<string, { deploy: Deploy; change: Change }>>();
  for (const [product, mine] of groups) {
    // each product settles its own copies: assignDeploys sets the fields of the changes it is given
    const of = changes.filter((c) => inGroup(c, product)).map((c) => ({ ...c }));
    const bySha = new Map(of.map((c) => [c.sha, c]));
    const shipped = new Map<string, { deploy: Deploy; change: Change }>();
    if (product !== '') byProduct.set(product, shipped);
    for (const deploy of assignDeploys(of, ship(of, mine), options)) {
      if (product !== '') deploy.product = product;
      all.push(deploy);
      for (const sha of deploy.changeShas) {
        const first = { deploy, change: bySha.get(sha) as Change };
        shipped.set(sha, first);
        const known = earliest.get(sha);
        if (known === undefined || firstOf(deploy, known.deploy)) earliest.set(sha, first);
      }
    }
  }
  // the changes of no product that a product's tag reached first: those of a tag of none are its deploy's
  const apart = changes.filter((c) => touched(c).length === 0 && !undoes.has(c.sha) && (groupOf.get(c.sha) ?? '') !== '');
  const dated = noProductDeployTimes(apart, candidates, namer, all, ship, options);
  for (const change of changes) {
    // the copy its earliest deploy settled, or for a change of no product the one dated apart
    const settled = earliest.get(change.sha)?.change ?? dated.get(change.sha);
    if (settled !== undefined) {
      change.deployedAt = settled.deployedAt;
      change.deployRef = settled.deployRef;
      change.flags = settled.flags;
    }
    const of = touched(change);
    // a change touching no product's code is of the repository's own product, when its tags ship it; without one,
    // of no product: the deploy that put it out first is whichever product was tagged first, a tie among the tags
    // of one release (otel-js-contrib tags 50-68 packages in one second: the name sorting first took 66 CI and docs
    // changes; tokio's CI changes went to tokio-macros, tagged minutes before tokio)
    change.products = of.length > 0 ? [...of] : own !== null ? [own] : [];
    // each of its products' own first deploy of it: a change of cargo and home waits for home's tag in home's
    // row, not for cargo's release five weeks before it; none of that product's yet, it is unreleased there.
    // The deploy wait and lead time to it are measured with the change's stages (computeStages)
    change.productDeploys = change.products.map((product) => {
      const first = byProduct.get(product)?.get(change.sha);
      return { product, ref: first?.deploy.ref ?? null, deployedAt: first?.change.deployedAt ?? null, deployWait: null, leadTime: null };
    });
  }
  return all.sort((a, b) => a.at - b.at || indexOf(a) - indexOf(b));
}

/**
 * `candidates` with, among each run of them at one time, those of `product` first (their order otherwise kept): the
 * tag that names what a release of several products shipped. Pure.
 */
function namerFirst(candidates: readonly DeployCandidate[], product: string | null): readonly DeployCandidate[] {
  if (product === null) return candidates;
  const out: DeployCandidate[] = [];
  for (let i = 0; i < candidates.length; ) {
    let end = i + 1;
    while (end < candidates.length && (candidates[end] as DeployCandidate).at === (candidates[i] as DeployCandidate).at) end++;
    for (let j = i; j < end; j++) if ((candidates[j] as DeployCandidate).target === product) out.push(candidates[j] as DeployCandidate);
    for (let j = i; j < end; j++) if ((candidates[j] as DeployCandidate).target !== product) out.push(candidates[j] as DeployCandidate);
    i = end;
  }
  return out;
}

/**
 * The products whose changes each change touching no product's code reverts, by the revert's landing sha: the
 * products the reverted changes touched. A sync is none's, as it ships nothing of its own: tokio's merge of
 * tokio-1.52.2 back into master carried that release line's reverts of #7431 and #8070, and would fail the 1.52.2
 * that holds them. Pure.
 */
function revertedProducts(changes: readonly Change[], touched: (c: Change) => readonly string[]): Map<string, string[]> {
  const undoes = new Map<string, string[]>();
  const bySha = new Map(changes.map((c) => [c.sha, c]));
  for (const c of changes) {
    const revert = c.revertedBy === null ? undefined : bySha.get(c.revertedBy);
    if (revert === undefined || revert.kind === 'sync' || touched(revert).length > 0 || touched(c).length === 0) continue;
    undoes.set(revert.sha, [...new Set([...(undoes.get(revert.sha) ?? []), ...touched(c)])].sort());
  }
  return undoes;
}

/**
 * The deploy times of changes touching no product's code that a product's tag reached first: each ships with
 * the first deploy of any product that holds it, among `deploys` (those the products' own changes made: a tag
 * that shipped none of its product's is none), `namer`'s first of those at one time, and is in none of their
 * changes, nor fails one by its revert. By landing sha, each a copy of the change with its `deployedAt`,
 * `deployRef` and flags set (unset: no deploy holds it yet).
 */
function noProductDeployTimes(changes: readonly Change[], candidates: readonly DeployCandidate[], namer: string | null, deploys: readonly Deploy[], ship: Ship, options: AssignOptions): Map<string, Change> {
  const of = changes.map((c) => ({ ...c }));
  if (of.length === 0) return new Map();
  const made = new Set(deploys.map((d) => `${d.ref}\u0000${d.sha}`));
  const kept = namerFirst(candidates, namer).filter((c) => made.has(`${c.ref}\u0000${c.sha}`));
  // the deploys this settles are none of the report's: only the changes' fields are read
  assignDeploys(of, ship(of, kept), options);
  return new Map(of.map((c) => [c.sha, c]));
}
