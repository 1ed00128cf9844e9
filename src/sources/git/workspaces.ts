import { compileGlob, GlobError, type Glob } from '../../glob.js';
import { plural } from '../../units.js';
import { readBlobs, type BlobRead } from './blobs.js';
import { carriesVersion, cargoWorkspace, declaredName, isPrivatePackage, declaredTagPrefix, declaredVersion, fileStem, goWorkUses, isCsproj, isGemspec, melosPackages, normalFolder, npmWorkspaces, pnpmWorkspaces, pubWorkspace, releasePleasePackages, rushProjects, uvWorkspace, type Csproj, type Gemspec, type ManifestKind, type ReleaseFile } from './manifests.js';
import { streamGit } from './run.js';

/** One package of a workspace: where it lives and the name its manifest declares. */
export interface WorkspacePackage {
  /** its folder, from the repository's root, without a trailing slash (`packages/cli`); '' for the root package */
  folder: string;
  /** the name its manifest declares (`@changesets/cli`, a crate's name, a Go module's path); else the folder's own name */
  name: string;
  /** the manifest that makes its folder a package */
  manifest: ManifestKind;
  /** the name its tags carry, when something declares one: release-please's config (`component`), a .NET project's MinVer tag prefix */
  component?: string;
}

/** A workspace as read at one commit, and what could not be read of it. */
export interface Workspace {
  /** by folder; the root package (folder '') first when the root has a manifest */
  packages: WorkspacePackage[];
  /**
   * when no workspace source lists a package, the folders holding a manifest of a kind flowaudit reads (the root's
   * and a dependency's own excepted), by folder: a release tag may name one (`namePackages` reads their names)
   */
  unlisted: Array<{ folder: string; manifest: ManifestKind }>;
  /** one sentence each: a manifest past the size flowaudit reads, a glob past what one may cost */
  warnings: string[];
}

/** The most of one manifest flowaudit reads (bytes): a larger one is left out, with a warning. */
export const MANIFEST_LIMIT = 1024 * 1024;
// a workspace with more packages than this is read by folder alone: the names' read stays bounded
const MAX_NAMES_READ = 2000;
// in the order a folder holding several is read as one kind (a release-please package names its folder, not its kind)
const KINDS: readonly ManifestKind[] = ['package.json', 'Cargo.toml', 'go.mod', 'pyproject.toml', 'pubspec.yaml', 'Chart.yaml'];
// a folder release-please releases that holds none of KINDS is read as the first of these it holds (a `simple`
// package's version.txt, a Maven module's pom.xml); nowhere else do they make a package
const RELEASE_FILES: readonly ReleaseFile[] = ['version.txt', 'pom.xml'];
const MANIFESTS: ReadonlySet<string> = new Set<string>([...KINDS, ...RELEASE_FILES]);
const ROOT_FILES = ['package.json', 'pnpm-workspace.yaml', 'rush.json', 'Cargo.toml', 'go.work', 'pyproject.toml', 'melos.yaml', 'pubspec.yaml', 'release-please-config.json'] as const;
// one text (or null) per root file, in ROOT_FILES' order
type TextsOf<Files extends readonly string[]> = { -readonly [K in keyof Files]: string | null };
type RootTexts = TextsOf<typeof ROOT_FILES>;

/**
 * The packages of the workspace at commit `sha` (SPEC section 3, products): those `package.json` `workspaces`
 * and `pnpm-workspace.yaml` `packages` name (a glob with `!` leaves folders out), Rush's `rush.json` projects, Cargo's `[workspace] members`
 * less its `exclude`, `go.work`'s `use`, or, without a go.work, every Go module (a folder with a go.mod, but
 * for those Go itself skips: `vendor`, `testdata`, `_` and `.` folders), uv's `[tool.uv.workspace] members`
 * less its `exclude`, the Dart packages (pubspec.yaml) Melos's `melos.yaml` `packages` or the root pubspec.yaml's
 * `workspace` name, and the folders `release-please-config.json` releases that hold a manifest of one of these
 * kinds, a gemspec or a .csproj, else a file its `simple` or Maven type versions (version.txt, pom.xml: named by its
 * `package-name`), with the component their tags carry; and the root package, when the root holds a manifest (its
 * declared name, else `rootName`; a pyproject.toml only when it declares a name, a pubspec.yaml only when it
 * carries a version; a release file only when release-please releases the root). Read with `ls-tree` and
 * `cat-file` (never a checkout): a blob a partial clone lacks says nothing (a manifest unread, a name taken from the
 * folder). A manifest over MANIFEST_LIMIT bytes, or a glob past what one may cost, is left out with a warning.
 * Empty: no manifest read. `unlisted` holds every other folder with a manifest of these kinds, a gem's `name.gemspec`
 * or a .NET project's `Name.csproj`, but for those a workspace leaves out by name and those inside a listed
 * package's folder.
 */
export async function readWorkspace(cwd: string, sha: string, rootName: string): Promise<Workspace> {
  const warnings: string[] = [];
  const root = await readBlobs(cwd, ROOT_FILES.map((f) => `${sha}:${f}`), MANIFEST_LIMIT);
  const text = (file: string): string | null => textOf(root.get(`${sha}:${file}`), file, warnings);
  const [pkg, pnpm, rush, cargo, work, pyproject, melos, pubspec, releasePlease] = ROOT_FILES.map(text) as RootTexts;
  const manifests = await listManifests(cwd, sha);
  const found = new Map<string, ManifestKind>();
  const take = (folders: Iterable<string>, kind: ManifestKind): void => {
    for (const folder of folders) if (folder !== '' && !found.has(folder)) found.set(folder, kind);
  };
  const refused = (file: string) => (why: string) => warnings.push(`a workspace glob in ${file} is left out (${why}): the packages only it names are not products`);
  const npmFolders = manifests.get('package.json') ?? [];
  take(npmFolders.filter(folderMatcher(npmWorkspaces(pkg), refused('package.json'))), 'package.json');
  take(npmFolders.filter(folderMatcher(pnpmWorkspaces(pnpm), refused('pnpm-workspace.yaml'))), 'package.json');
  const rushFolders = new Set(rushProjects(rush).map(normalFolder));
  take(npmFolders.filter((f) => rushFolders.has(f)), 'package.json');
  const crates = cargoWorkspace(cargo);
  const excluded = crates.exclude.map(normalFolder);
  const members = folderMatcher(crates.members, refused('Cargo.toml'));
  take((manifests.get('Cargo.toml') ?? []).filter((f) => members(f) && !excluded.some((x) => f === x || f.startsWith(`${x}/`))), 'Cargo.toml');
  const goModules = manifests.get('go.mod') ?? [];
  take(work !== null ? goWorkUses(work).filter((f) => goModules.includes(f)) : goModules.filter(goFinds), 'go.mod');
  const uv = uvWorkspace(pyproject);
  take((manifests.get('pyproject.toml') ?? []).filter(folderMatcher([...uv.members, ...uv.exclude.map((x) => `!${x}`)], refused('pyproject.toml'))), 'pyproject.toml');
  const pubFolders = manifests.get('pubspec.yaml') ?? [];
  take(pubFolders.filter(folderMatcher(melosPackages(melos), refused('melos.yaml'))), 'pubspec.yaml');
  take(pubFolders.filter(folderMatcher(pubWorkspace(pubspec), refused('pubspec.yaml'))), 'pubspec.yaml');
  // release-please names its packages' folders: each is read as the kind of manifest it holds, else as the file its
  // release type versions, named by the config (open-feature's java-sdk-contrib releases its parent and 19 Maven modules as
  // `simple` packages, tagged `dev.openfeature.contrib.providers.flagd-v0.14.0`: read as one product, each change
  // shipped with the next tag of any of them); a folder holding neither is not read
  const components = new Map<string, string>();
  const configNames = new Map<string, string>();
  let releasedRoot: ManifestKind | undefined;
  const holds = (folder: string) => (k: ManifestKind) => (manifests.get(k) ?? []).includes(folder);
  const gems = namedFilesOf(manifests, isGemspec);
  const projects = namedFilesOf(manifests, isCsproj);
  for (const p of releasePleasePackages(releasePlease)) {
    const manifest = KINDS.find(holds(p.folder)) ?? gems.get(p.folder) ?? projects.get(p.folder);
    const file = manifest === undefined ? RELEASE_FILES.find(holds(p.folder)) : undefined;
    const kind = manifest ?? file;
    if (kind === undefined) continue;
    // the root's own manifest makes it a package as it always does (below); a release file, when the config releases it
    if (p.folder === '') releasedRoot = file;
    else take([p.folder], kind);
    if (p.component !== null) components.set(p.folder, p.component);
    if (file !== undefined && p.packageName !== null) configNames.set(p.folder, p.packageName);
  }
  // a root Cargo.toml or pyproject.toml may hold only a workspace's or tools' settings: a package when it declares one;
  // a root pubspec.yaml names even a workspace's root (cfug/dio's `dio_workspace`, never published): a package when
  // it declares a version
  // a private root package.json (a workspace's root, never published) yields to a root pyproject.toml that names the
  // package the repository releases: jupyterlab's `@jupyterlab/repo-top` at 0.0.1 named the product of its `v4.6.3`
  // tags, which release the Python package `jupyterlab`
  const declaring: Partial<Record<ManifestKind, string | null>> = { 'Cargo.toml': cargo, 'pyproject.toml': pyproject };
  const pythonFirst = isPrivatePackage(pkg) && holds('')('pyproject.toml') && declaredName('pyproject.toml', pyproject) !== null;
  const rootKind =
    (pythonFirst ? (['go.mod', 'Cargo.toml', 'pyproject.toml', 'package.json', 'pubspec.yaml'] as const) : (['go.mod', 'Cargo.toml', 'package.json', 'pyproject.toml', 'pubspec.yaml'] as const)).find(
      (kind) =>
        holds('')(kind) &&
        (kind === 'pubspec.yaml' ? declaredVersion(kind, pubspec) !== null : !(kind in declaring) || declaredName(kind, declaring[kind] ?? null) !== null),
    ) ?? releasedRoot;
  const packages = [...found].map(([folder, manifest]) => ({ folder, manifest })).sort((a, b) => a.folder.localeCompare(b.folder));
  if (rootKind !== undefined) packages.unshift({ folder: '', manifest: rootKind });
  // a folder a workspace leaves out by name (`!…/internal`, Cargo's and uv's `exclude`) is none, nor one inside a listed
  // package's folder (its tests, its examples); any other folder holding a manifest may be a package a release tag
  // names: opentelemetry-python-contrib's uv workspace lists instrumentation/* but not resource/*, whose detectors
  // are tagged `opentelemetry-resource-detector-azure==0.2.0`
  const leftOut = [negated(npmWorkspaces(pkg)), negated(pnpmWorkspaces(pnpm)), folderMatcher(uv.exclude), (f: string) => excluded.some((x) => f === x || f.startsWith(`${x}/`))];
  const insideListed = (folder: string): boolean => {
    for (let at = folder.lastIndexOf('/'); at > 0; at = folder.lastIndexOf('/', at - 1)) if (found.has(folder.slice(0, at))) return true;
    return false;
  };
  const unlisted = new Map<string, ManifestKind>();
  const candidates: Array<[string, ManifestKind]> = [...KINDS.flatMap((kind) => (manifests.get(kind) ?? []).map((folder): [string, ManifestKind] => [folder, kind])), ...gems, ...projects];
  for (const [folder, kind] of candidates) {
    if (folder === '' || found.has(folder) || unlisted.has(folder) || insideListed(folder) || leftOut.some((out) => out(folder))) continue;
    unlisted.set(folder, kind);
  }
  const named = await namePackages(cwd, sha, packages, rootName, warnings);
  return {
    packages: named.map((p) => {
      const component = components.get(p.folder);
      const name = configNames.get(p.folder) ?? p.name;
      return component === undefined ? { ...p, name } : { ...p, name, component };
    }),
    unlisted: [...unlisted].map(([folder, manifest]) => ({ folder, manifest })).sort((a, b) => a.folder.localeCompare(b.folder)),
    warnings,
  };
}

/**
 * The packages in `folders` at commit `sha`, each named by the name its manifest declares, else by its folder's
 * last part (the root package, folder '', by `rootName`), in one `cat-file` read; past MAX_NAMES_READ folders, by
 * their folders alone. A manifest over MANIFEST_LIMIT is named for its folder, told to `warnings`.
 */
export async function namePackages(cwd: string, sha: string, folders: readonly { folder: string; manifest: ManifestKind }[], rootName: string, warnings: string[] = []): Promise<WorkspacePackage[]> {
  const names = folders.length > MAX_NAMES_READ ? new Map<string, BlobRead>() : await readBlobs(cwd, folders.map((p) => `${sha}:${manifestPath(p)}`), MANIFEST_LIMIT);
  const large = [...names.values()].filter((b) => 'tooLarge' in b).length;
  if (large > 0) warnings.push(`${plural(large, 'package manifest')} over ${MANIFEST_LIMIT / 1024 / 1024} MB ${large === 1 ? 'was' : 'were'} not read: ${large === 1 ? 'its package is' : 'their packages are'} named for ${large === 1 ? 'its folder' : 'their folders'}`);
  return folders.map((p) => {
    const blob = names.get(`${sha}:${manifestPath(p)}`);
    const text = blob !== undefined && 'text' in blob ? blob.text : null;
    const name = declaredName(p.manifest, text) ?? (p.folder === '' ? rootName : (p.folder.split('/').at(-1) ?? p.folder));
    // the name a .NET project's tags carry, which MinVer's tag prefix declares
    const component = declaredTagPrefix(p.manifest, text);
    return component === null ? { folder: p.folder, manifest: p.manifest, name } : { folder: p.folder, manifest: p.manifest, name, component };
  });
}

/**
 * The version each package's manifest declares at `rev` (a tag), by folder, in one read: package.json's
 * `version`, Cargo.toml's (inherited from the root's `[workspace.package]` too); a kind that carries none
 * (carriesVersion) is not read. A manifest the clone lacks, or past MANIFEST_LIMIT, gives none.
 */
export async function readVersions(cwd: string, rev: string, packages: readonly WorkspacePackage[]): Promise<Map<string, string>> {
  const read = packages.filter((p) => carriesVersion(p.manifest));
  const blobs = await readBlobs(cwd, [`${rev}:Cargo.toml`, ...read.map((p) => `${rev}:${manifestPath(p)}`)], MANIFEST_LIMIT);
  const text = (name: string): string | null => {
    const blob = blobs.get(name);
    return blob !== undefined && 'text' in blob ? blob.text : null;
  };
  const rootCargo = text(`${rev}:Cargo.toml`);
  const versions = new Map<string, string>();
  for (const p of read) {
    const version = declaredVersion(p.manifest, text(`${rev}:${manifestPath(p)}`), rootCargo);
    if (version !== null && version !== '') versions.set(p.folder, version);
  }
  return versions;
}

/** A package's manifest by its path in the tree (`packages/a/package.json`; the root's, `package.json`). */
export function manifestPath(p: { folder: string; manifest: ManifestKind }): string {
  return p.folder === '' ? p.manifest : `${p.folder}/${p.manifest}`;
}

function textOf(blob: BlobRead | undefined, file: string, warnings: string[]): string | null {
  if (blob === undefined) return null;
  if ('text' in blob) return blob.text;
  warnings.push(`${file} is ${blob.tooLarge} bytes, over the ${MANIFEST_LIMIT / 1024 / 1024} MB flowaudit reads of a manifest: the packages it lists are not products`);
  return null;
}

/** The folders holding each manifest kind at `sha` ('' for the root), from one `ls-tree` of the tree alone (no blob). */
async function listManifests(cwd: string, sha: string): Promise<Map<string, string[]>> {
  const folders = new Map<string, string[]>();
  await streamGit(cwd, ['ls-tree', '-r', '-z', '--name-only', sha], (record) => {
    const path = record.toString('utf8');
    const slash = path.lastIndexOf('/');
    const file = path.slice(slash + 1);
    if (!MANIFESTS.has(file) && !isGemspec(file) && !isCsproj(file)) return;
    const folder = slash === -1 ? '' : path.slice(0, slash);
    // a dependency's own manifests, committed with it, are no package of the workspace
    if (folder.split('/').includes('node_modules')) return;
    const list = folders.get(file) ?? [];
    list.push(folder);
    folders.set(file, list);
  }, { separator: 0, onFailure: () => true });
  return folders;
}

/**
 * Each folder's manifest of a kind named for its package (a gem's specification, a .NET project: the kind is the
 * file's name), by folder: of several in one folder, the one named for the folder (rails'
 * actionpack/actionpack.gemspec), else the first by name. A folder under `vendor` holds a dependency's (Bundler's
 * `vendor/bundle/ruby/3.3.0/specifications/rake-13.2.1.gemspec`), no package of the repository.
 */
function namedFilesOf<K extends Gemspec | Csproj>(manifests: ReadonlyMap<string, string[]>, is: (file: string) => file is K): Map<string, K> {
  const byFolder = new Map<string, K[]>();
  for (const [file, folders] of manifests) {
    if (!is(file)) continue;
    for (const folder of folders) {
      if (folder.split('/').includes('vendor')) continue;
      const files = byFolder.get(folder);
      if (files === undefined) byFolder.set(folder, [file]);
      else files.push(file);
    }
  }
  const chosen = new Map<string, K>();
  for (const [folder, files] of byFolder) {
    const own = folder.split('/').at(-1) ?? '';
    chosen.set(folder, files.find((f) => fileStem(f) === own) ?? (files.sort()[0] as K));
  }
  return chosen;
}

/** The folders a workspace's negated globs (`!packages/internal`) leave out. */
function negated(patterns: readonly string[]): (folder: string) => boolean {
  return folderMatcher(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
}

/** Whether `go` finds the module in this folder: it skips `vendor`, `testdata` and folders named with `_` or `.` first. */
function goFinds(folder: string): boolean {
  return folder.split('/').every((name) => name !== 'vendor' && name !== 'testdata' && !name.startsWith('_') && !name.startsWith('.'));
}

/**
 * Whether a folder is one a workspace's globs name, as npm's and pnpm's matchers read them (src/glob.ts): `*`
 * one folder name, `**` any depth, braces one of several; a glob with `!` leaves folders out, wherever it is in
 * the list. A glob past what one may cost is left out, told to `refused`.
 */
export function folderMatcher(patterns: readonly string[], refused: (why: string) => void = () => undefined): (folder: string) => boolean {
  const include: Glob[] = [];
  const exclude: Glob[] = [];
  for (const written of patterns) {
    const negated = written.startsWith('!');
    try {
      (negated ? exclude : include).push(compileGlob(written.slice(negated ? 1 : 0), 'folder'));
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      // an empty glob names nothing: said only when it is one past the limits
      if (error.message !== 'empty') refused(error.message);
    }
  }
  if (include.length === 0) return () => false;
  return (folder) => include.some((g) => g.test(folder)) && !exclude.some((g) => g.test(folder));
}
