import type { Change } from '../domain.js';
import { findProducts, ownTagsFolder, tagKey, type DeclaredProduct, type PackageFolder, type ProductEvidence, type Products } from '../model/products.js';
import { compilePattern } from '../patterns.js';
import { commitBefore } from '../sources/git/changed-files.js';
import type { RepoInfo } from '../sources/git/repo.js';
import { readTouchedPaths } from '../sources/git/touched-paths.js';
import { readVersions, readWorkspace } from '../sources/git/workspaces.js';
import { plural } from '../units.js';

/** A monorepo's products as the deploys read them: the product each tag versions, and what each change touched. */
export interface ProductsRead {
  products: Products;
  ofTag: (tag: string) => string | null;
  evidence: ProductEvidence;
}

// the repository's own tags tried, newest first, for the package whose manifest carries their version
const OWN_TAGS_TRIED = 3;

/**
 * The repository's products (SPEC section 3): its workspace packages at the window's end (the tracked branch's
 * last commit before `until`) that its release tags version, and the config's; with two or more, the paths each
 * change touched, read once for them all. What could not be read (a manifest too large, a glob past what one may
 * cost) is told to `warning`. Null for a repository of one product (or none).
 */
export async function readProducts(
  repo: RepoInfo,
  branch: string,
  until: number,
  tags: readonly { name: string; sha: string; at: number }[],
  changes: readonly Change[],
  declared: Readonly<Record<string, { paths: string[]; tags: string | null }>>,
  o: { repositoryName: string; warning: (message: string) => void },
): Promise<ProductsRead | null> {
  const { warning } = o;
  const named = new Map<string, DeclaredProduct>(Object.entries(declared).map(([name, p]) => [name, { paths: p.paths, tags: p.tags === null ? null : compilePattern(p.tags) }]));
  // two products or none: the names the tags version (`name@1.2.3`; the repository's own, `v1.2.3`, are one) and
  // the config's must make two before the workspace manifests are worth reading (`v1.2.3` alone reads nothing)
  const keys = new Set(tags.map((t) => tagKey(t.name)));
  if (keys.size + named.size < 2) return null;
  const end = await commitBefore(repo.cwd, branch, until);
  const workspace = end === null ? { packages: [], warnings: [] } : await readWorkspace(repo.cwd, end, o.repositoryName);
  for (const w of workspace.warnings) warning(w);
  const packages: PackageFolder[] = workspace.packages;
  const own = keys.has('') ? await ownFolder(repo, tags, workspace.packages) : null;
  // the repository's own tags version the root package when no other carries their version: the repository
  // itself, named for it, when its root has no manifest
  if (own === '' && !packages.some((p) => p.folder === '')) packages.unshift({ folder: '', name: o.repositoryName });
  const products = findProducts(packages, tags.map((t) => t.name), named, own, (product, _glob, why) => {
    warning(`a path glob of product ${product} in the config is left out (${why})`);
  });
  if (products.list.length < 2) return null;
  const paths = await readTouchedPaths(repo.cwd, changes.filter((c) => c.kind !== 'sync').map((c) => c.sha));
  const touched = new Map<string, string[]>();
  for (const [sha, list] of paths) {
    const of = products.ofPaths(list);
    if (of.length > 0) touched.set(sha, of);
  }
  return { products, ofTag: (tag) => products.ofTag(tag), evidence: { names: new Set(products.list.map((p) => p.name)), own: products.own, touched } };
}

/**
 * The folder of the package the repository's own tags (`v1.2.3`) version: the manifests are read at the newest
 * of them, then older ones, until one carries that tag's version (ownTagsFolder); else the root package ('').
 */
async function ownFolder(repo: RepoInfo, tags: readonly { name: string; sha: string; at: number }[], packages: readonly { folder: string; name: string; manifest: 'package.json' | 'Cargo.toml' | 'go.mod' }[]): Promise<string> {
  const own = tags.filter((t) => tagKey(t.name) === '').sort((a, b) => b.at - a.at || b.name.localeCompare(a.name)).slice(0, OWN_TAGS_TRIED);
  if (packages.every((p) => p.manifest === 'go.mod')) return '';
  for (const tag of own) {
    const folder = ownTagsFolder(tag.name, await readVersions(repo.cwd, tag.sha, packages));
    if (folder !== null) return folder;
  }
  return '';
}

/**
 * What the report says of the changes of the window that touched no product's code (SPEC section 3): how many
 * shipped, and with whose deploys; null when none did.
 */
export function untouchedNote(inWindow: readonly Change[], read: ProductsRead): string | null {
  const untouched = inWindow.filter((c) => c.kind !== 'sync' && !read.evidence.touched.has(c.sha));
  const shipped = untouched.filter((c) => c.deployedAt !== null).length;
  if (shipped === 0) return null;
  const own = read.evidence.own;
  const withWhat = own === null ? 'each with the first deploy of any product after it' : `with the repository's own tags, the deploys of ${own}`;
  return `${plural(shipped, 'change')} of the window touched no product's files and shipped ${withWhat} (the products column names that product).`;
}

/**
 * The warning for the release tags, among the deploy candidates of the history read, that name no product (SPEC
 * section 3): they are no deploy, of anything. Null when there are none.
 */
export function unknownTagsWarning(tags: readonly string[]): string | null {
  if (tags.length === 0) return null;
  const few = [...tags].sort().slice(0, 5);
  return `${plural(tags.length, 'tag')} name${tags.length === 1 ? 's' : ''} no package of the workspace and ${tags.length === 1 ? 'is' : 'are'} no deploy (${few.join(', ')}${tags.length > few.length ? ', …' : ''}): name ${tags.length === 1 ? 'its' : 'their'} product in the config's products to count ${tags.length === 1 ? 'it' : 'them'}`;
}
