import { gitAnswer, streamGit } from './run.js';

/** One package of a workspace: where it lives and the name its manifest declares. */
export interface WorkspacePackage {
  /** its folder, from the repository's root, without a trailing slash (`packages/cli`) */
  folder: string;
  /** the name its manifest declares (`@changesets/cli`, a crate's name); the folder's own name when unread */
  name: string;
}

/** The manifest each workspace tool lists its packages' folders in, and the file that makes a folder a package. */
const MANIFESTS = new Set(['package.json', 'Cargo.toml', 'go.mod']);
// a workspace with more packages than this is read by folder alone: one blob read per package stays bounded
const MAX_NAMES_READ = 400;

/**
 * The packages of the workspaces declared at commit `sha` (SPEC section 3, products): `package.json`
 * `workspaces`, `pnpm-workspace.yaml` `packages`, Cargo's `[workspace] members` and `go.work`'s `use`, each
 * pattern matched against the folders holding that tool's manifest. Read with `ls-tree` and `cat-file` (never
 * a checkout): a partial clone may lack a blob, which then says nothing (a manifest unread, a name taken from
 * the folder) rather than failing the run. Empty when the repository declares no workspace.
 */
export async function readWorkspacePackages(cwd: string, sha: string): Promise<WorkspacePackage[]> {
  const blob = (path: string): Promise<string | null> => gitAnswer(cwd, ['cat-file', '-p', `${sha}:${path}`]);
  const [pkg, pnpm, cargo, work] = await Promise.all([blob('package.json'), blob('pnpm-workspace.yaml'), blob('Cargo.toml'), blob('go.work')]);
  const npmPatterns = [...npmWorkspaces(pkg), ...pnpmWorkspaces(pnpm)];
  const cargoPatterns = cargoMembers(cargo);
  const goFolders = goWorkUses(work);
  if (npmPatterns.length + cargoPatterns.length + goFolders.length === 0) return [];
  const manifests = await listManifests(cwd, sha);
  const found = new Map<string, { folder: string; manifest: string }>();
  const take = (patterns: readonly string[], manifest: string): void => {
    const match = folderMatcher(patterns);
    for (const folder of manifests.get(manifest) ?? []) if (folder !== '' && match(folder) && !found.has(folder)) found.set(folder, { folder, manifest });
  };
  take(npmPatterns, 'package.json');
  take(cargoPatterns, 'Cargo.toml');
  for (const folder of goFolders) if (folder !== '' && !found.has(folder)) found.set(folder, { folder, manifest: 'go.mod' });
  const packages = [...found.values()].sort((a, b) => a.folder.localeCompare(b.folder));
  const names = packages.length > MAX_NAMES_READ ? packages.map(() => null) : await Promise.all(packages.map((p) => (p.manifest === 'go.mod' ? Promise.resolve(null) : blob(`${p.folder}/${p.manifest}`))));
  return packages.map((p, i) => ({ folder: p.folder, name: declaredName(p.manifest, names[i] ?? null) ?? p.folder.split('/').at(-1) ?? p.folder }));
}

/** The folders holding each manifest kind at `sha` ('' for the root), from one `ls-tree` of the tree alone (no blob). */
async function listManifests(cwd: string, sha: string): Promise<Map<string, string[]>> {
  const folders = new Map<string, string[]>();
  await streamGit(cwd, ['ls-tree', '-r', '-z', '--name-only', sha], (record) => {
    const path = record.toString('utf8');
    const slash = path.lastIndexOf('/');
    const file = path.slice(slash + 1);
    if (!MANIFESTS.has(file)) return;
    const list = folders.get(file) ?? [];
    list.push(slash === -1 ? '' : path.slice(0, slash));
    folders.set(file, list);
  }, { separator: 0, onFailure: () => true });
  return folders;
}

/** `workspaces: [...]` or `workspaces: {packages: [...]}` of a root package.json. */
export function npmWorkspaces(text: string | null): string[] {
  const json = parseJson(text);
  if (json === null || typeof json !== 'object') return [];
  const workspaces = (json as { workspaces?: unknown }).workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

/** The `packages:` list of a pnpm-workspace.yaml (the one key flowaudit reads, as block or flow sequence). */
export function pnpmWorkspaces(text: string | null): string[] {
  if (text === null) return [];
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^packages\s*:/.test(l));
  if (at === -1) return [];
  const inline = /^packages\s*:\s*\[(.*)\]/.exec(lines[at] ?? '');
  if (inline) return (inline[1] ?? '').split(',').map(unquote).filter((p) => p !== '');
  const patterns: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^\s*-\s*(.+?)\s*(?:#.*)?$/.exec(line);
    if (item) patterns.push(unquote(item[1] ?? ''));
  }
  return patterns.filter((p) => p !== '');
}

/** `members = [...]` of the `[workspace]` table of a root Cargo.toml. */
export function cargoMembers(text: string | null): string[] {
  if (text === null) return [];
  const table = /^\[workspace\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text);
  const members = table ? /^\s*members\s*=\s*\[([\s\S]*?)\]/m.exec(table[1] ?? '') : null;
  if (!members) return [];
  return (members[1] ?? '').split(/[,\n]/).map((p) => unquote(p.replace(/#.*$/, ''))).filter((p) => p !== '');
}

/** The folders of a go.work's `use` directives, one line or a block. */
export function goWorkUses(text: string | null): string[] {
  if (text === null) return [];
  const folders: string[] = [];
  let block = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (block) {
      if (line === ')') block = false;
      else if (line !== '') folders.push(line);
    } else if (/^use\s*\($/.test(line)) block = true;
    else {
      const one = /^use\s+(\S+)$/.exec(line);
      if (one) folders.push(one[1] ?? '');
    }
  }
  return folders.map((f) => unquote(f).replace(/^\.\/?/, '').replace(/\/$/, ''));
}

/** The name a manifest declares: package.json's `name`, Cargo.toml's `[package] name`; null when none or unread. */
export function declaredName(manifest: string, text: string | null): string | null {
  if (text === null) return null;
  if (manifest === 'package.json') {
    const name = (parseJson(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
  }
  if (manifest === 'Cargo.toml') {
    const table = /^\[package\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text);
    const name = table ? /^\s*name\s*=\s*["']([^"']+)["']/m.exec(table[1] ?? '') : null;
    return name?.[1] ?? null;
  }
  return null;
}

/**
 * Whether a folder is one a workspace's patterns name: `*` one folder name, `**` any depth, a leading `!`
 * leaves folders out (pnpm), a trailing `/` or `/*`-less folder names itself.
 */
export function folderMatcher(patterns: readonly string[]): (folder: string) => boolean {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const written of patterns) {
    const negated = written.startsWith('!');
    const pattern = written.slice(negated ? 1 : 0).replace(/^\.\//, '').replace(/\/+$/, '');
    if (pattern === '') continue;
    (negated ? exclude : include).push(globRegex(pattern));
  }
  return (folder) => include.some((r) => r.test(folder)) && !exclude.some((r) => r.test(folder));
}

/** A folder glob as a regular expression over the whole path: `**` any depth, `*` and `?` within one name. */
export function globRegex(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      // `a/**/b` also matches `a/b`; a trailing `**` any depth below (and the folder itself)
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source.replace(/\/\.\*$/, '(?:/.*)?')}$`);
}

function unquote(text: string): string {
  return text.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
