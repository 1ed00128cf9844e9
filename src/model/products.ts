import ignore from 'ignore';
import type { Change, Deploy } from '../domain.js';
import type { Tester } from '../patterns.js';
import { shipments, type DeployCandidate, type DeployContents, type ShippingEvidence } from './deploys.js';
import { releaseProduct } from './release-tags.js';

/*
 * The products of a monorepo (SPEC section 3): what a repository ships separately, each with its own deploys.
 * Found from package tags matched to the workspace's packages, or named in the config; a repository with fewer
 * than two has none, and every deploy ships whatever it reaches, as in a repository of one product.
 */

/** A package of the workspace at the window's end (sources/git/workspaces.ts). */
export interface PackageFolder {
  folder: string;
  name: string;
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
  /** its folders (a workspace package's) or the config's patterns, as written */
  paths: string[];
}

/** The repository's products and the two questions the model asks of them. */
export interface Products {
  /** in name order; fewer than two: the repository is one product */
  list: Product[];
  /** the product a tag (or a release's tag) versions; null when none */
  ofTag(tag: string): string | null;
  /** the products whose code a change's paths touch, in name order; none when it touches no product's */
  ofPaths(paths: readonly string[]): string[];
}

/**
 * The products of a repository from its workspace packages, its release tags' names and the config's products:
 * a package is a product when a tag versions it (`name@1.2.3`, `@scope/name@1.2.3`, `name-v1.2.3`, `name/v1.2.3`,
 * the name being the package's declared name, its folder or the folder's last part); a product the config names
 * is one whatever its tags, and takes the tags its pattern matches before any package does. Pure.
 */
export function findProducts(packages: readonly PackageFolder[], tags: readonly string[], declared: ReadonlyMap<string, DeclaredProduct>): Products {
  const byKey = new Map<string, PackageFolder>();
  // the declared name first, then the folder, then its last part: a later key never displaces an earlier one
  for (const key of ['name', 'folder', 'base'] as const) {
    for (const p of packages) {
      const k = (key === 'base' ? (p.folder.split('/').at(-1) ?? p.folder) : p[key]).toLowerCase();
      if (!byKey.has(k)) byKey.set(k, p);
    }
  }
  const packageOf = (tag: string): PackageFolder | undefined => {
    const key = tagKey(tag);
    return key === '' ? undefined : byKey.get(key);
  };
  const tagged = new Map<string, PackageFolder>();
  for (const tag of tags) {
    if (declaredOf(tag, declared) !== null) continue;
    const p = packageOf(tag);
    if (p !== undefined && !declared.has(p.name)) tagged.set(p.name, p);
  }
  const list: Product[] = [
    ...[...tagged.values()].map((p) => ({ name: p.name, paths: [p.folder] })),
    ...[...declared].map(([name, d]) => ({ name, paths: [...d.paths] })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  // a package's folder holds it, the deepest first: a package nested in another's folder is its own
  const folders = [...tagged.values()].sort((a, b) => b.folder.length - a.folder.length);
  const matchers = [...declared].map(([name, d]) => ({ name, matcher: ignore().add([...d.paths]) }));
  return {
    list,
    ofTag(tag) {
      const named = declaredOf(tag, declared);
      if (named !== null) return named;
      const p = packageOf(tag);
      return p !== undefined && tagged.get(p.name) === p ? p.name : null;
    },
    ofPaths(paths) {
      const found = new Set<string>();
      for (const path of paths) {
        for (const m of matchers) if (m.matcher.ignores(path)) found.add(m.name);
        const folder = folders.find((p) => path.startsWith(`${p.folder}/`));
        if (folder !== undefined) found.add(folder.name);
      }
      return [...found].sort();
    },
  };
}

/**
 * The name a tag versions, without case, as a package is named: its text before the version less the
 * separator (`@scope/name@1.2.3` → `@scope/name`, `name-v1.2.3` → `name`, `cli/v1.2.3` → `cli`); '' for a
 * bare version (`v1.2.3`).
 */
export function tagKey(tag: string): string {
  return releaseProduct(tag).replace(/[@/_-]$/, '').toLowerCase();
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
  /** by landing sha: the products whose code the change touched (none: it ships with any product's deploy) */
  touched: ReadonlyMap<string, readonly string[]>;
}

/**
 * What each deploy shipped first when the repository has products (SPEC section 3): `shipments` over each
 * product's deploys and the changes that may ship with them — those touching its code and those touching no
 * product's — and over the deploys of no product with every change; then a change ships with the earliest of
 * the deploys these name for it. Without two products: `shipments` itself. `candidates` in time order. Pure.
 */
export function productShipments(changes: readonly Change[], candidates: readonly DeployCandidate[], evidence: ShippingEvidence, products: ProductEvidence | null): DeployContents[] {
  if (products === null || products.names.size < 2) return shipments(changes, candidates, evidence);
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const key = products.names.has(c.target) ? c.target : '';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const merged: DeployContents[] = candidates.map((c) => ({ ref: c.ref, sha: c.sha, at: c.at, target: c.target, shipped: [], rollback: false }));
  const firstAt = new Map<string, number>();
  for (const [product, indexes] of groups) {
    const mayShip = product === '' ? changes : changes.filter((c) => {
      const touched = products.touched.get(c.sha) ?? [];
      return touched.length === 0 || touched.includes(product);
    });
    const contents = shipments(mayShip, indexes.map((i) => candidates[i] as DeployCandidate), evidence);
    contents.forEach((deploy, j) => {
      const at = indexes[j] as number;
      (merged[at] as DeployContents).rollback = deploy.rollback;
      for (const sha of deploy.shipped) if ((firstAt.get(sha) ?? Infinity) > at) firstAt.set(sha, at);
    });
  }
  for (const change of changes) {
    const at = firstAt.get(change.sha);
    if (at !== undefined) merged[at]?.shipped.push(change.sha);
  }
  return merged;
}

/**
 * Names each deploy's product and each change's products (SPEC section 3): a change is of the products whose
 * code it touched, or, touching none, of the product whose deploy shipped it. Sets `product` on the deploys of a
 * product and `products` on the changes; nothing without two products. Pure but for the objects it marks.
 */
export function markProducts(changes: Change[], deploys: Deploy[], candidates: readonly DeployCandidate[], products: ProductEvidence | null): void {
  if (products === null || products.names.size < 2) return;
  const targetOf = new Map(candidates.map((c) => [`${c.ref}\u0000${c.sha}`, c.target]));
  const productOfSha = new Map<string, string>();
  for (const deploy of deploys) {
    const target = targetOf.get(`${deploy.ref}\u0000${deploy.sha}`);
    if (target === undefined || !products.names.has(target)) continue;
    deploy.product = target;
    for (const sha of deploy.changeShas) productOfSha.set(sha, target);
  }
  for (const change of changes) {
    const touched = products.touched.get(change.sha) ?? [];
    const shippedBy = productOfSha.get(change.sha);
    change.products = touched.length > 0 ? [...touched] : shippedBy !== undefined ? [shippedBy] : [];
  }
}
