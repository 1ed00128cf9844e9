import type { Change } from '../domain.js';
import { findProducts, tagKey, type DeclaredProduct, type ProductEvidence, type Products } from '../model/products.js';
import { compilePattern } from '../patterns.js';
import { commitBefore } from '../sources/git/changed-files.js';
import type { RepoInfo } from '../sources/git/repo.js';
import { readTouchedPaths } from '../sources/git/touched-paths.js';
import { readWorkspacePackages } from '../sources/git/workspaces.js';

/** A monorepo's products as the deploys read them: the product each tag versions, and what each change touched. */
export interface ProductsRead {
  products: Products;
  ofTag: (tag: string) => string | null;
  evidence: ProductEvidence;
}

/**
 * The repository's products (SPEC section 3): its workspace packages at the window's end (the tracked branch's
 * last commit before `until`) that its release tags version, and the config's; with two or more, the paths each
 * change touched, read once for them all. Null for a repository of one product (or none).
 */
export async function readProducts(
  repo: RepoInfo,
  branch: string,
  until: number,
  tags: readonly string[],
  changes: readonly Change[],
  declared: Readonly<Record<string, { paths: string[]; tags: string | null }>>,
): Promise<ProductsRead | null> {
  const named = new Map<string, DeclaredProduct>(Object.entries(declared).map(([name, p]) => [name, { paths: p.paths, tags: p.tags === null ? null : compilePattern(p.tags) }]));
  // two products or none: the names the tags version (`name@1.2.3`) and the config's must make two before
  // the workspace manifests are worth reading (a repository tagged `v1.2.3` alone reads nothing)
  const keys = new Set(tags.map(tagKey).filter((k) => k !== ''));
  if (keys.size + named.size < 2) return null;
  const end = await commitBefore(repo.cwd, branch, until);
  const packages = end === null ? [] : await readWorkspacePackages(repo.cwd, end);
  const products = findProducts(packages, tags, named);
  if (products.list.length < 2) return null;
  const paths = await readTouchedPaths(repo.cwd, changes.filter((c) => c.kind !== 'sync').map((c) => c.sha));
  const touched = new Map<string, string[]>();
  for (const [sha, list] of paths) {
    const of = products.ofPaths(list);
    if (of.length > 0) touched.set(sha, of);
  }
  return { products, ofTag: (tag) => products.ofTag(tag), evidence: { names: new Set(products.list.map((p) => p.name)), touched } };
}
