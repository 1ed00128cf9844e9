import type { Change } from '../domain.js';
import { carriesTagVersion, findProducts, namedApart, ownTagsFolder, sharedKeys, tagKey, tagNamedPackages, tagNamesPackage, withShortName, type DeclaredProduct, type PackageFolder, type ProductEvidence, type Products } from '../model/products.js';
import { compilePattern } from '../patterns.js';
import { commitBefore } from '../sources/git/changed-files.js';
import type { RepoInfo } from '../sources/git/repo.js';
import { readTouchedPaths } from '../sources/git/touched-paths.js';
import { changesetLike, inChangesets, isChangeset, readChangesets } from '../sources/git/changesets.js';
import { literalPaths, readPathCommits } from '../sources/git/path-commits.js';
import { append, largest, smallest } from '../lists.js';
import { manifestPath, namePackages, readVersions, readWorkspace, type Workspace, type WorkspacePackage } from '../sources/git/workspaces.js';
import type { ManifestKind } from '../sources/git/manifests.js';
import { firstFew, plural } from '../units.js';
import { LOOKBACK } from './release-graph.js';

/** A monorepo's products as the deploys read them: the product each tag versions, and what each change touched. */
export interface ProductsRead {
  products: Products;
  ofTag: (tag: string) => string | null;
  evidence: ProductEvidence;
  /**
   * a workspace package born in the window, by product name: when its manifest was added (epoch seconds), where
   * its history, and its deploys per week, begin
   */
  born: ReadonlyMap<string, number>;
  /**
   * a workspace package removed in the window, by product name: when its manifest was deleted (epoch seconds),
   * where its history, and its deploys per week, end
   */
  gone: ReadonlyMap<string, number>;
  /** some change's changeset named a product: a change is of no product when it touched none and named none */
  changesets: boolean;
}

// the repository's own tags tried, newest first, for the package whose manifest carries their version
const OWN_TAGS_TRIED = 3;

/** Where and what readProducts reads. */
export interface ProductsScope {
  branch: string;
  /** the window (epoch seconds): its workspace packages are those at its start and at its end */
  since: number;
  until: number;
  /** the span of the history read: the repository's own tags in it are deploys the model matches */
  from: number;
  now: number;
  /** the release tags, final (and pre-releases when they count) */
  tags: readonly { name: string; sha: string; at: number }[];
  declared: ReadonlyMap<string, DeclaredProduct>;
  /** the root package's name when its manifest declares none */
  repositoryName: string;
  warning: (message: string) => void;
  /**
   * where the warning for tags of a package no manifest names goes (`UnreadTags`), to be said only when one of them
   * is a deploy; absent: said to `warning` at once
   */
  unread?: (found: UnreadTags) => void;
  /** the paths each commit touched (readTouchedPaths), when a caller reading several windows' products keeps them */
  touched?: (shas: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>;
  /** the packages each changeset names, by `<sha>:<path>` (readChangesets), when such a caller keeps them too */
  changesets?: (files: readonly string[]) => Promise<ReadonlyMap<string, readonly string[]>>;
}

/**
 * The repository's products (SPEC section 3): its workspace packages (those at the window's end, those gone
 * since its start: the tracked branch's last commits before each, and those born and gone within it, read at
 * their tags' commits) that its release tags version, and the
 * config's; with two or more, the paths each change touched, read once for them all. What could not be read (a
 * manifest too large, a glob past what one may cost) is told to `warning`. Null for a repository of one product.
 */
export async function readProducts(repo: RepoInfo, changes: readonly Change[], o: ProductsScope): Promise<ProductsRead | null> {
  const { warning } = o;
  // a package's tags make it a product only while it is still tagged: tags all older than a year before the
  // window (pnpm's `@pnpm/headless@0.6.2` of 2018, biome's crates' `biome_js_analyze/v0.5.7` of 2024, whose code
  // ships in the CLI's releases since) name a package no longer released by its own tags, which would hold its
  // changes back as never deployed
  // and none made after `now`: the previous period's products are those a report of it saw (bloc's bloc_lint, first
  // tagged after the previous period of the year to 2026-06-23, had made its 27 changes of it never deployed)
  const stillTagged = (t: { at: number }): boolean => t.at >= o.since - LOOKBACK && t.at <= o.now;
  // the repository's own tags (`v1.2.3`) alike: tags of its first years (tokio's v0.1) make no product of the root,
  // which would hold every file no package does. Not while the history read holds some, as it was: a year's read
  // reaches back further than a quarter's, and tauri's `v1.0.5` of 2022 made the root's files tauri's over the
  // year to 2024-10 and no product's over its last 90 days, shipping 27 changes of both windows by other tags
  const ownTagged = o.tags.some((t) => tagKey(t.name) === '' && stillTagged(t));
  const tags = o.tags.filter((t) => t.at <= o.now && (tagKey(t.name) === '' ? ownTagged : stillTagged(t)));
  const named = o.declared;
  // two products or none: the names the tags version (`name@1.2.3`; the repository's own, `v1.2.3`, are one) and
  // the config's must make two before the workspace manifests are worth reading (`v1.2.3` alone reads nothing)
  const keys = new Set(tags.map((t) => tagKey(t.name)));
  if (keys.size + named.size < 2) return null;
  const { packages, start, end, before, atEnd, first } = await windowPackages(repo, o, tags.map((t) => t.name));
  append(packages, await bornAndGone(repo, packages, tags.filter((t) => t.at >= o.since && t.at <= o.until), named, o.repositoryName));
  const own = keys.has('') ? await ownFolder(repo, tags, packages, o.repositoryName) : null;
  // the repository's own tags version the root package when no other carries their version: the repository
  // itself, named for it, when its root has no manifest
  if (own === '' && !packages.some((p) => p.folder === '')) packages.unshift({ folder: '', name: o.repositoryName, manifest: 'package.json' });
  const refused = (product: string, _glob: string, why: string): void => warning(`a path glob of product ${product} in the config is left out (${why})`);
  const products = findProducts(await versionedWords(repo, packages, tags), tags.map((t) => t.name), named, own, refused, await carriedKeys(repo, packages, tags));
  if (products.list.length < 2) {
    const unread = unreadPackagesWarning(tags.filter((t) => t.at >= o.since && t.at <= o.until).map((t) => t.name), products, packages);
    if (unread !== null) (o.unread ?? ((found: UnreadTags) => warning(found.message)))(unread);
    return null;
  }
  // a change landed over several first-parent commits (a rebase merge) touched what each of them did: axum's #3469,
  // one commit in axum/ and its landing in axum-extra/, had read as axum-extra's alone
  const counted = changes.filter((c) => c.kind !== 'sync');
  const landed = (c: Change): readonly string[] => c.landedShas ?? [c.sha];
  const shas = counted.flatMap(landed);
  const paths = await (o.touched ?? ((some) => readTouchedPaths(repo.cwd, some)))(shas);
  // a changeset names the packages a change releases, wherever its code is: biome's CLI, the package
  // @biomejs/biome, is built from crates/ that no package folder holds: 474 of its 936 counted changes from March to
  // August 2026 are of it, where their files alone gave 105
  const files = shas.flatMap((sha) => (paths.get(sha) ?? []).filter(changesetLike).map((path) => `${sha}:${path}`));
  // none to read runs no git (readBlobs): a repository without changesets pays nothing
  const released = await (o.changesets ?? ((some) => readChangesets(repo.cwd, some)))(files);
  const names = new Set(products.list.map((p) => p.name));
  const { byCommit: removedBy, deletedAt } = await removals(repo, packages, atEnd, end, first);
  const born = await bornIn(repo, products, packages, { start, end, before });
  // a package born in the history read holds no change merged before it: its folder was then the enclosing package's
  // (cluster-api's api/ module, made on 2026-06-18: #12823 of October 2025, in api/ alone, had waited 280 days for
  // api/v1.14.0 where v1.12.0 shipped it, and api/v1.14.0 counted 210 changes over a year)
  const mergedAt = new Map(born.size === 0 ? [] : changes.map((c) => [c.sha, c.mergedAt]));
  const unbornAt = (sha: string): Set<string> | undefined => {
    const at = mergedAt.get(sha);
    if (at === undefined) return undefined;
    const unborn = [...born].filter(([, when]) => at < when).map(([name]) => name);
    return unborn.length === 0 ? undefined : new Set(unborn);
  };
  const touched = new Map<string, string[]>();
  let namedAny = false;
  for (const change of counted) {
    const { sha } = change;
    const read = landed(change).filter((commit) => paths.has(commit));
    if (read.length === 0) continue;
    const list = read.flatMap((commit) => paths.get(commit) ?? []);
    // a change of changesets alone (one adding the changeset an earlier change forgot) releases no code of its own
    const named = list.every(inChangesets) ? [] : read.flatMap((commit) => (paths.get(commit) ?? []).filter(isChangeset).flatMap((path) => released.get(`${commit}:${path}`) ?? [])).filter((name) => names.has(name));
    if (named.length > 0) namedAny = true;
    // a package's removal is no release of it: opentelemetry-js-contrib's #3611 removed propagation-utils, and
    // waited for its next tag, which never came, at the head of the changes not yet deployed
    const gone = new Set(read.flatMap((commit) => [...(removedBy.get(commit) ?? [])]));
    const of = [...new Set([...products.ofPaths(list, unbornAt(sha)), ...named])].sort().filter((name) => !gone.has(name));
    if (of.length > 0) touched.set(sha, of);
  }
  // the product named for the repository (statelyai/xstate's `xstate`, `@scope/xstate` alike): what names a release
  // of several products when the repository has no tags of its own
  const repository = o.repositoryName.toLowerCase();
  const namedFor = [...names].find((name) => declaredFor({ name }, repository)) ?? null;
  return {
    products,
    ofTag: (tag) => products.ofTag(tag),
    evidence: { names, own: products.own, namedFor, touched },
    born,
    gone: goneIn(products, packages, atEnd, deletedAt, o),
    changesets: namedAny,
  };
}

/**
 * By commit, the names of the packages whose manifest it deleted, of those gone by the window's end (none read when
 * every package is still there), and by manifest when it was last deleted from the tracked branch: two `git log`s
 * of their manifests over the history read, every commit's and the first-parent line's. A package moved, its name
 * in a folder at the window's end, is not gone: the commit that moved it is its change (tauri's restructuring #10796,
 * which moved tooling/macos-sign to crates/tauri-macos-sign among others, was of none of the packages it moved).
 */
async function removals(
  repo: RepoInfo,
  packages: readonly WorkspacePackage[],
  atEnd: ReadonlySet<string>,
  end: string | null,
  first: string | null,
): Promise<{ byCommit: Map<string, Set<string>>; deletedAt: Map<string, number> }> {
  const namesAtEnd = new Set(packages.filter((p) => atEnd.has(p.folder)).map((p) => p.name));
  const byManifest = new Map(packages.filter((p) => p.folder !== '' && !atEnd.has(p.folder) && !namesAtEnd.has(p.name)).map((p) => [manifestPath(p), p.name]));
  const byCommit = new Map<string, Set<string>>();
  const deletedAt = new Map<string, number>();
  if (end === null || byManifest.size === 0) return { byCommit, deletedAt };
  const manifests = literalPaths([...byManifest.keys()]);
  // the commit that deleted a manifest may be a branch's (a change a sync carried, or a merged pull request's own
  // commit): every commit is read for the changes; the branch lost the package only when the line's merge came
  // (react-router's react-router-dom, deleted by #15076 on `v8` on 2026-05-19, left `main` with its merge on 06-17)
  const [all, line] = await Promise.all([readPathCommits(repo.cwd, end, first, manifests, 'D'), readPathCommits(repo.cwd, end, first, manifests, 'D', true)]);
  for (const commit of [...all, ...line]) byCommit.set(commit.sha, new Set(commit.deleted.flatMap((path) => byManifest.get(path) ?? [])));
  // newest first: the first delete read of a manifest is its last
  for (const commit of line) for (const path of commit.deleted) if (!deletedAt.has(path) && Number.isFinite(commit.at)) deletedAt.set(path, commit.at);
  return { byCommit, deletedAt };
}

/**
 * The products that are workspace packages, each with its folders and their manifests: the config's products name
 * path patterns, not folders, and no manifest says when they began or ended.
 */
function packageProducts(products: Products, packages: readonly WorkspacePackage[]): Array<{ name: string; folders: string[]; manifests: string[] }> {
  const manifestOf = new Map(packages.map((p) => [p.folder, manifestPath(p)]));
  return products.list.flatMap((product) => {
    const folders = product.paths.map((path) => (path === '.' ? '' : path));
    return folders.every((f) => manifestOf.has(f)) ? [{ name: product.name, folders, manifests: folders.map((f) => manifestOf.get(f) as string) }] : [];
  });
}

/**
 * The products whose package was removed in the window (no folder of theirs at its end) and when: the last delete
 * of its manifests, when inside the window. vercel/ai's `@ai-sdk/swarm`, removed in February 2025, read 2.13
 * deploys a week over the 42 weeks from its birth to the window's end, where it shipped 90 releases in its 15.
 */
function goneIn(products: Products, packages: readonly WorkspacePackage[], atEnd: ReadonlySet<string>, deletedAt: ReadonlyMap<string, number>, window: { since: number; until: number }): Map<string, number> {
  const gone = new Map<string, number>();
  for (const product of packageProducts(products, packages)) {
    if (product.folders.some((f) => atEnd.has(f))) continue;
    const dates = product.manifests.map((m) => deletedAt.get(m));
    if (dates.some((d) => d === undefined)) continue;
    const at = largest(dates as number[]);
    if (at > window.since && at < window.until) gone.set(product.name, at);
  }
  return gone;
}

/**
 * The products whose package was born in the window (no folder of theirs at its start) and when: the oldest add of
 * its manifest on the tracked branch's first-parent line since the window's start, when it reached the branch.
 * opentelemetry-go's `metric/x` module was added on 2026-04-10 and shipped in both releases since, but its year read
 * 0.04 deploys a week, a quarter of its siblings' rate over its 19 weeks. A package merged in from a branch, or from
 * another repository's history, is born at that merge: astro's language tools came with `Merge language tools into
 * monorepo (#14584)` on 2025-10-29, their manifests added years before in their own repository, and its year to
 * August 2026 had read them as born before the window, their rates over all of its 52 weeks, where they had 42.
 */
async function bornIn(repo: RepoInfo, products: Products, packages: readonly WorkspacePackage[], at: { start: string | null; end: string | null; before: ReadonlySet<string> }): Promise<Map<string, number>> {
  const born = new Map<string, number>();
  if (at.end === null) return born;
  const young = packageProducts(products, packages).filter((product) => !product.folders.some((f) => at.before.has(f)));
  if (young.length === 0) return born;
  // newest first: the last add read of a manifest is its oldest
  const added = new Map<string, number>();
  for (const commit of await readPathCommits(repo.cwd, at.end, at.start, literalPaths(young.flatMap((p) => p.manifests)), 'A', true)) {
    for (const path of commit.added) if (Number.isFinite(commit.at)) added.set(path, commit.at);
  }
  for (const product of young) {
    const dates = product.manifests.flatMap((m) => added.get(m) ?? []);
    if (dates.length > 0) born.set(product.name, smallest(dates));
  }
  return born;
}

/**
 * The workspace packages at the window's end, those at its start that are gone by then (a package removed), and,
 * at the start of the history read (the previous period's), the earlier folders of packages the window has (a
 * package moved keeps its name): a package gone before the window makes no product of its own.
 */
async function windowPackages(repo: RepoInfo, o: ProductsScope, tags: readonly string[]): Promise<{ packages: WorkspacePackage[]; start: string | null; end: string | null; before: Set<string>; atEnd: Set<string>; first: string | null }> {
  const [end, start, first] = await Promise.all([o.until, o.since, o.from].map((at) => commitBefore(repo.cwd, o.branch, at)));
  const read = async (sha: string | null | undefined): Promise<WorkspacePackage[]> => {
    if (sha === null || sha === undefined) return [];
    const workspace = await packagesAt(repo, sha, o.repositoryName, tags, o.declared);
    // what could not be read is said of the window's end, where the products are named
    if (sha === end) for (const w of workspace.warnings) o.warning(w);
    return workspace.packages;
  };
  const packages = await read(end);
  const atEnd = new Set(packages.map((p) => p.folder));
  const folders = new Set(atEnd);
  const add = (more: readonly WorkspacePackage[], keep: (p: WorkspacePackage) => boolean): void => {
    for (const p of more) {
      if (folders.has(p.folder) || !keep(p)) continue;
      folders.add(p.folder);
      packages.push(p);
    }
  };
  // the folders of packages at the window's start: a package in none of them was born in the window
  const atStart = start === end ? packages : await read(start);
  add(atStart, () => true);
  if (end !== null && end !== undefined && start !== end) {
    const startNames = new Set(atStart.map((p) => p.name));
    add(await movedFrom(repo, end, start ?? null, packages.filter((p) => p.folder !== '' && !startNames.has(p.name)), o.repositoryName), () => true);
  }
  if (first !== start && first !== end) {
    const names = new Set(packages.map((p) => p.name));
    add(await read(first), (p) => names.has(p.name));
  }
  return { packages, start: start ?? null, end: end ?? null, before: new Set(atStart.map((p) => p.folder)), atEnd, first: first ?? null };
}

/**
 * The workspace at commit `sha` (readWorkspace), and where no workspace source lists a package, the folders that
 * `tags` name (tagNamedPackages): a folder holding a manifest of its own that one name the tags version names, and
 * no other folder's does. langchain-ai/langchain-aws lists its packages nowhere; its year to August 2026 read the
 * year's 53 tags `langchain-aws==1.7.3` as no deploy and every change as waiting. With the repository's own tags (`1.2.11`), the
 * package named for the repository too, which ownFolder may find they version (langgraph's libs/langgraph). The
 * unlisted manifests' names are read only when some tag names no package the workspace lists.
 */
async function packagesAt(repo: RepoInfo, sha: string, repositoryName: string, tags: readonly string[], declared: ReadonlyMap<string, DeclaredProduct>): Promise<Workspace> {
  const read = await readWorkspace(repo.cwd, sha, repositoryName);
  const workspace = { ...read, packages: read.packages.map((p) => withShortName(p, repositoryName)) };
  const listed = findProducts(workspace.packages, tags, declared);
  const unnamed = tags.filter((t) => tagKey(t) !== '' && listed.ofTag(t) === null);
  if (unnamed.length === 0 || workspace.unlisted.length === 0) return workspace;
  const candidates = (await namePackages(repo.cwd, sha, workspace.unlisted, repositoryName)).map((p) => withShortName(p, repositoryName));
  const repository = repositoryName.toLowerCase();
  // two folders a name the tags version names are told apart by the version each manifest carries (see
  // tagNamedPackages): only theirs are read, a handful where the candidates may be thousands of examples' manifests
  const apart = namedApart(candidates, unnamed);
  const found = tagNamedPackages(candidates, unnamed, apart.length === 0 ? new Map() : await readVersions(repo.cwd, sha, apart));
  // the one package named for the repository (by its declared name or its folder's), when the repository's own tags
  // may version it and no listed one is named so
  const forRepository = (p: WorkspacePackage): boolean => declaredFor(p, repository) || p.folder.split('/').at(-1)?.toLowerCase() === repository;
  const mine = candidates.filter(forRepository);
  const own = tags.some((t) => tagKey(t) === '') && !workspace.packages.some(forRepository) && mine.length === 1 ? mine : [];
  const folders = new Set(found.map((p) => p.folder));
  return { ...workspace, packages: [...workspace.packages, ...found, ...own.filter((p) => !folders.has(p.folder))] };
}

/** Whether a package's declared name, less an npm scope and without case, is `name` (lower-cased). */
function declaredFor(p: Pick<WorkspacePackage, 'name'>, name: string): boolean {
  const declared = p.name.toLowerCase();
  return declared === name || declared.endsWith(`/${name}`);
}

// how many names of the window's tags that no package read names are looked for at their own tags' commits
const UNNAMED_READ = 10;

/**
 * The packages born and gone within the window, which neither workspace read holds (its start's, its end's):
 * those a tag of the window names that no package in `packages` does, read at that name's newest tag's commit.
 * vercel/ai's `@ai-sdk/swarm` lived from October 2024 to February 2025: its year read its 90 tags as naming no
 * package, no deploys, and its changes as no product's. One workspace read per commit, for at most UNNAMED_READ
 * names (the newest); a package whose folder another holds (a renamed one) is left to that one, as at the window's
 * start.
 */
async function bornAndGone(
  repo: RepoInfo,
  packages: readonly WorkspacePackage[],
  tags: readonly { name: string; sha: string; at: number }[],
  declared: ReadonlyMap<string, DeclaredProduct>,
  repositoryName: string,
): Promise<WorkspacePackage[]> {
  const known = findProducts(packages, tags.map((t) => t.name), declared);
  const newest = newestByName(tags.filter((t) => known.ofTag(t.name) === null));
  const folders = new Set(packages.map((p) => p.folder));
  const read = new Map<string, Promise<WorkspacePackage[]>>();
  const found: WorkspacePackage[] = [];
  for (const tag of [...newest.values()].sort((a, b) => b.at - a.at).slice(0, UNNAMED_READ)) {
    let there = read.get(tag.sha);
    if (there === undefined) {
      there = packagesAt(repo, tag.sha, repositoryName, [tag.name], declared).then((w) => w.packages, () => []);
      read.set(tag.sha, there);
    }
    const named = (await there).find((p) => p.folder !== '' && !folders.has(p.folder) && tagNamesPackage(tag.name, p));
    if (named === undefined) continue;
    folders.add(named.folder);
    found.push(named);
  }
  return found;
}

// how many moves back a package born in the window is followed
const MOVES = 3;

/**
 * The earlier folders of `young` packages (born in the window, between `start` and `end`) that were moved before
 * its end, their name kept: a commit that added one's manifest and deleted a manifest of the same kind is read as it
 * stood before (the workspace at its parent, and the manifests it deleted, named as they were: a package no
 * workspace listed moved too), and a package there of the same name in another folder is the one moved.
 * opentelemetry-js-contrib added propagators/propagator-aws-xray in October 2024 and moved it to
 * packages/propagator-aws-xray in July 2025: its year read the move as the package's birth, the changes of its first
 * folder as no product's and its 4 tags as no deploy. tauri's tooling/macos-sign, a workspace of its own, moved to
 * crates/tauri-macos-sign in August 2024: its year to October lost its first six changes. One `git log` of the
 * manifests' adds and deletes, and a workspace read per move.
 */
async function movedFrom(repo: RepoInfo, end: string, start: string | null, young: readonly WorkspacePackage[], repositoryName: string): Promise<WorkspacePackage[]> {
  if (young.length === 0) return [];
  const kinds = [...new Set(young.map((p) => p.manifest))];
  // by manifest path, the oldest commit that added it
  const addedBy = new Map<string, string>();
  // by commit, the folders and kinds of the manifests it deleted (a root manifest is no package's move)
  const deleted = new Map<string, Array<{ folder: string; manifest: ManifestKind }>>();
  for (const commit of await readPathCommits(repo.cwd, end, start, kinds.map((k) => `:(glob)**/${k}`), 'AD')) {
    // newest first: the last add read is the oldest
    for (const path of commit.added) addedBy.set(path, commit.sha);
    const gone = commit.deleted.flatMap((path) => {
      const slash = path.lastIndexOf('/');
      const manifest = kinds.find((k) => k === path.slice(slash + 1));
      return slash === -1 || manifest === undefined ? [] : [{ folder: path.slice(0, slash), manifest }];
    });
    if (gone.length > 0) deleted.set(commit.sha, gone);
  }
  const read = new Map<string, Promise<WorkspacePackage[]>>();
  const before = (sha: string): Promise<WorkspacePackage[]> => {
    let known = read.get(sha);
    if (known === undefined) {
      const parent = `${sha}^`;
      known = Promise.all([readWorkspace(repo.cwd, parent, repositoryName).then((w) => w.packages), namePackages(repo.cwd, parent, deleted.get(sha) ?? [], repositoryName)])
        .then(([listed, gone]) => {
          const folders = new Set(listed.map((p) => p.folder));
          return [...listed, ...gone.filter((p) => !folders.has(p.folder))].map((p) => withShortName(p, repositoryName));
        })
        .catch(() => []);
      read.set(sha, known);
    }
    return known;
  };
  const moved: WorkspacePackage[] = [];
  const seen = new Set(young.map((p) => p.folder));
  let next = young;
  for (let hop = 0; hop < MOVES && next.length > 0; hop++) {
    const found: WorkspacePackage[] = [];
    for (const p of next) {
      const sha = addedBy.get(`${p.folder}/${p.manifest}`);
      if (sha === undefined || deleted.get(sha)?.some((d) => d.manifest === p.manifest) !== true) continue;
      for (const q of await before(sha)) {
        if (q.name !== p.name || q.folder === '' || seen.has(q.folder)) continue;
        seen.add(q.folder);
        found.push(q);
      }
    }
    append(moved, found);
    next = found;
  }
  return moved;
}

/**
 * `packages`, each keeping the word its name adds to the repository's (withShortName) only where its manifest
 * carries the version of the newest of `tags` named by that word, at that tag's commit: a word is a weaker sign
 * than a name. pydantic-core's Cargo.toml says 2.48.0 at `core-v2.48.0`; biome's crate biome_cli says 0.0.0 at
 * the CLI's `cli/v1.9.4` of October 2024 (the CLI since tagged `@biomejs/biome@2.0.0`), where read by the word
 * the year to August 2025 made a product of that crate holding 227 changes it never shipped. One read of a
 * manifest or two per such package.
 */
async function versionedWords(repo: RepoInfo, packages: readonly WorkspacePackage[], tags: readonly { name: string; sha: string; at: number }[]): Promise<WorkspacePackage[]> {
  const newestOf = newestByName(tags);
  return Promise.all(
    packages.map(async (p: WorkspacePackage & PackageFolder) => {
      const { word, ...rest } = p;
      if (word === undefined) return p;
      const newest = newestOf.get(word);
      return newest !== undefined && carriesTagVersion(newest.name, await manifestVersion(repo, newest.sha, p)) ? p : rest;
    }),
  );
}

/**
 * The version a package's manifest declares at `sha`; a Python project's `dynamic` one is its Cargo.toml's when
 * one is beside it, as maturin builds it (pydantic-core's pyproject.toml and Cargo.toml).
 */
async function manifestVersion(repo: RepoInfo, sha: string, p: WorkspacePackage): Promise<string | undefined> {
  const declared = (await readVersions(repo.cwd, sha, [p])).get(p.folder);
  if (declared !== undefined || p.manifest !== 'pyproject.toml') return declared;
  return (await readVersions(repo.cwd, sha, [{ ...p, manifest: 'Cargo.toml' }])).get(p.folder);
}

/**
 * The folder of the package the repository's own tags (`v1.2.3`) version: the manifests are read at the newest
 * of them, then older ones, until one carries that tag's version (ownTagsFolder); else the root package ('').
 */
async function ownFolder(repo: RepoInfo, tags: readonly { name: string; sha: string; at: number }[], packages: readonly WorkspacePackage[], repositoryName: string): Promise<string> {
  const own = tags.filter((t) => tagKey(t.name) === '').sort((a, b) => b.at - a.at || b.name.localeCompare(a.name)).slice(0, OWN_TAGS_TRIED);
  if (packages.every((p) => p.manifest === 'go.mod')) return '';
  // the package named for the repository or for its root package (`react-router` of remix-run/react-router, whose
  // private root is `@remix-run/react-router`; `@scope/name` of name)
  const root = packages.find((p) => p.folder === '')?.name.toLowerCase();
  const names = [repositoryName.toLowerCase(), ...(root === undefined ? [] : [root, root.replace(/^.*\//, '')])];
  const namedFor = packages.find((p) => p.folder !== '' && names.some((n) => declaredFor(p, n)))?.folder ?? null;
  for (const tag of own) {
    const folder = ownTagsFolder(tag.name, byFirstFolder(await readVersions(repo.cwd, tag.sha, packages), packages, tag.name), namedFor);
    if (folder !== null) return folder;
  }
  return '';
}

/** The newest of `tags` for each name they carry (tagKey); the repository's own (`v1.2.3`, no name) are none's. */
function newestByName<T extends { name: string; at: number }>(tags: readonly T[]): Map<string, T> {
  const newest = new Map<string, T>();
  for (const t of tags) {
    const key = tagKey(t.name);
    const seen = newest.get(key);
    if (key !== '' && (seen === undefined || t.at > seen.at)) newest.set(key, t);
  }
  return newest;
}

/**
 * For each name the tags carry that packages of several names share (sharedKeys), the folder of the one package
 * whose manifest, in any of its folders, carried the version of the newest tag of that name at its commit; a name
 * none or several carried is left to findProducts' order. tauri's `api-v*` tags of 2021 to 2023 released
 * @tauri-apps/api (then in tooling/api, at 2.0.0-alpha.4 at `api-v2.0.0-alpha.4`), not the example app declared
 * `api` in examples/api (its package.json) and examples/api/src-tauri (its crate, at 0.1.0), which its year to
 * October 2024 read as a product holding 128 changes never shipped. One read of manifests per such name: most
 * repositories have none.
 */
async function carriedKeys(repo: RepoInfo, packages: readonly WorkspacePackage[], tags: readonly { name: string; sha: string; at: number }[]): Promise<Map<string, string>> {
  const newest = newestByName(tags);
  const carried = new Map<string, string>();
  for (const [key, claimants] of sharedKeys(packages, new Set(newest.keys()))) {
    const tag = newest.get(key) as { name: string; sha: string; at: number };
    const names = new Set(claimants.map((p) => p.name));
    const versions = await readVersions(repo.cwd, tag.sha, packages.filter((p) => p.folder !== '' && names.has(p.name)));
    const carrying = new Set(packages.filter((p) => carriesTagVersion(tag.name, versions.get(p.folder))).map((p) => p.name));
    const chosen = carrying.size === 1 ? claimants.find((p) => carrying.has(p.name)) : undefined;
    if (chosen !== undefined) carried.set(key, chosen.folder);
  }
  return carried;
}

/**
 * Versions read by folder (readVersions), each under the first folder of its package's name in `packages` (the
 * window's end's): a package moved keeps its name, and its older folders' versions at an older tag are its. tauri's
 * crate `tauri` was core/tauri at `v1.0.5` (2022) and is crates/tauri at the end of its year to October 2024: read
 * by the folders alone, four packages carried 1.0.5 and none was the one named for the repository, and the tags made
 * a product of the private root `tauri-workspace`, which held 730 of the year's 866 changes as never shipped. Where
 * two folders of one name are read, the one carrying `tag`'s version stands.
 */
function byFirstFolder(versions: ReadonlyMap<string, string>, packages: readonly WorkspacePackage[], tag: string): Map<string, string> {
  const first = new Map<string, string>();
  for (const p of packages) if (p.folder !== '' && !first.has(p.name)) first.set(p.name, p.folder);
  const folderName = new Map(packages.map((p) => [p.folder, p.name]));
  const out = new Map<string, string>();
  for (const [folder, version] of versions) {
    const name = folder === '' ? undefined : folderName.get(folder);
    const at = (name === undefined ? undefined : first.get(name)) ?? folder;
    if (!out.has(at) || carriesTagVersion(tag, version)) out.set(at, version);
  }
  return out;
}

/**
 * What the report says of the changes of the window that touched no product's code (SPEC section 3): how many,
 * how many of them shipped by the window's end, and with whose deploys; null when there are none. Over the changes
 * the figures count (`counts`: bots only with --include-bots), as the figures beside it are. All of them are
 * counted, the unreleased too: `--by product`'s row of no product counts them so (changesets: 69 there, where
 * the note said 67, the ones shipped).
 */
export function untouchedNote(inWindow: readonly Change[], read: ProductsRead, counts: (change: Change) => boolean): string | null {
  const untouched = inWindow.filter((c) => counts(c) && !read.evidence.touched.has(c.sha));
  if (untouched.length === 0) return null;
  const shipped = untouched.filter((c) => c.deployedAt !== null).length;
  const all = plural(untouched.length, 'change');
  const yet = shipped === untouched.length ? '' : ` (${shipped} of them shipped by the window's end)`;
  const own = read.evidence.own;
  const none = read.changesets ? "touched no product's files and named none in a changeset" : "touched no product's files";
  if (own !== null) return `${all} of the window ${none}${yet}: each ships with the repository's own tags, the deploys of ${own} (the products column names that product).`;
  return `${all} of the window ${none}${yet}: each ships with the first deploy of any product after it, and is of no product (in no product's row).`;
}

/**
 * The warning for the release tags, among the deploy candidates of the window and the previous period shown, that
 * name no product (SPEC section 3): they are no deploy, of anything. `before` of them are the previous period's,
 * said so: loki's 90 days named 6 helm-loki tags, 3 of which the window holds. Null when there are none.
 */
export function unknownTagsWarning(tags: readonly string[], before = 0): string | null {
  if (tags.length === 0) return null;
  const previous = before === 0 ? '' : ` (${before === tags.length ? 'in' : `${before} of them in`} the previous period)`;
  return `${plural(tags.length, 'tag')}${previous} name${tags.length === 1 ? 's' : ''} no package of the workspace and ${tags.length === 1 ? 'is' : 'are'} no deploy (${firstFew([...tags].sort(), 5)}): name ${tags.length === 1 ? 'its' : 'their'} product in the config's products to count ${tags.length === 1 ? 'it' : 'them'}`;
}

/**
 * The warning for a repository read as one product though its tags of the window name two packages or more that
 * no workspace manifest lists and no folder's own manifest is named by (an Nx monorepo whose projects hold only
 * Nx's project.json), or name one beside the one product read while the workspace holds a package no tag names
 * (pydantic's `core-v2.48.0`, when its pydantic_core was not read as `core`, beside pydantic's own `v2.13.4`):
 * each change then ships with the next tag of any of them. Null otherwise: one name alone is a repository's one
 * line of tags, and beside a product with no other package it is a tag of that product's code (a `parser-2.0.0`).
 */
function unreadPackagesWarning(tags: readonly string[], products: Products, packages: readonly WorkspacePackage[]): UnreadTags | null {
  const unread = tags.filter((t) => tagKey(t) !== '' && products.ofTag(t) === null);
  const names = [...new Set(unread.map(tagKey))].sort();
  const [read, other] = products.list;
  const unnamed = [...new Set(packages.map((p) => p.name).filter((name) => name !== read?.name))].sort();
  if (names.length === 1 && read !== undefined && other === undefined && unnamed.length > 0) {
    const are = unnamed.length === 1 ? 'is' : 'are';
    return { tags: unread, message: `the window's tags name a package, ${names[0]} (${firstFew(unread, 5)}), that no package of the workspace is named by (${firstFew(unnamed, 3)} ${are} not), beside ${read.name}'s: the repository is read as one product, each change shipped by the next tag of either; name that package's paths in the config's products to read them apart` };
  }
  if (names.length < 2) return null;
  return { tags: unread, message: `the window's tags name ${names.length} packages (${firstFew(names, 5)}) that no workspace manifest lists and no folder's own manifest flowaudit reads is named by: the repository is read as one product, each change shipped by the next tag of any of them; name each package's paths in the config's products to read them apart` };
}

/**
 * Tags of packages no manifest names, read as the one product's (unreadPackagesWarning), and the warning that says
 * so. Where none of them is a deploy (each shipped nothing of the branch's), no figure rests on them and it is not
 * said: nomad's `ent-changelog-1.11.8` marks an Enterprise changelog on release/1.11.x, no package, and the report
 * says already that those tags shipped nothing.
 */
export interface UnreadTags {
  tags: readonly string[];
  message: string;
}

/** The config's products, their tags' patterns compiled: read by the tags' choice and by the products. */
export function declaredProducts(config: Readonly<Record<string, { paths: string[]; tags: string | null }>>): Map<string, DeclaredProduct> {
  return new Map(Object.entries(config).map(([name, p]) => [name, { paths: p.paths, tags: p.tags === null ? null : compilePattern(p.tags) }]));
}
