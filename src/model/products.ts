import ignore from 'ignore';
import type { Change, Deploy } from '../domain.js';
import type { Tester } from '../patterns.js';
import { assignDeploys, type AssignOptions, type DeployCandidate, type DeployContents } from './deploys.js';
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

/** What each deploy shipped first of `changes`, from `candidates` in time order (the model's `shipments`). */
export type Ship = (changes: readonly Change[], candidates: readonly DeployCandidate[]) => DeployContents[];

/**
 * The deploys and when each change shipped, in a repository of products (SPEC section 3): each product's deploys
 * ship the changes touching its code — a change of two products is shipped by each one's first deploy reaching it —
 * and a change touching no product's code ships with the first deploy of any product (or of a tag of none, which
 * ships whatever it reaches). Each product's deploys are settled by `assignDeploys` as a repository's are (its
 * failures, reverts and rollbacks among its own); a change's `deployedAt` is its earliest, and `products` are
 * those it touched, else the one whose deploy shipped it. Without two products: `assignDeploys` itself.
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
  const ofGroup = (c: Change, product: string): boolean => product === '' || touched(c).length === 0 || touched(c).includes(product);
  // a change touching no product's code ships once, with the first deploy of any product: found first
  const firstOfUntouched = new Map<string, number>();
  for (const [product, own] of groups) {
    for (const deploy of ship(changes.filter((c) => ofGroup(c, product)), own)) {
      for (const sha of deploy.shipped) if ((firstOfUntouched.get(sha) ?? Infinity) > indexOf(deploy)) firstOfUntouched.set(sha, indexOf(deploy));
    }
  }
  const groupOf = new Map([...firstOfUntouched].map(([sha, i]) => [sha, candidates[i]?.target ?? '']));
  const all: Deploy[] = [];
  const earliest = new Map<string, { deploy: Deploy; change: Change }>();
  for (const [product, own] of groups) {
    const key = (target: string): string => (products.names.has(target) ? target : '');
    // each product settles its own copies: assignDeploys sets the fields of the changes it is given
    const mine = changes.filter((c) => (touched(c).length === 0 ? key(groupOf.get(c.sha) ?? '\u0000') === product : ofGroup(c, product))).map((c) => ({ ...c }));
    const bySha = new Map(mine.map((c) => [c.sha, c]));
    for (const deploy of assignDeploys(mine, ship(mine, own), options)) {
      if (product !== '') deploy.product = product;
      all.push(deploy);
      for (const sha of deploy.changeShas) {
        const known = earliest.get(sha);
        if (known === undefined || indexOf(deploy) < indexOf(known.deploy)) earliest.set(sha, { deploy, change: bySha.get(sha) as Change });
      }
    }
  }
  for (const change of changes) {
    const first = earliest.get(change.sha);
    if (first !== undefined) {
      change.deployedAt = first.change.deployedAt;
      change.flags = first.change.flags;
    }
    const of = touched(change);
    change.products = of.length > 0 ? [...of] : first?.deploy.product !== undefined ? [first.deploy.product] : [];
  }
  return all.sort((a, b) => a.at - b.at || indexOf(a) - indexOf(b));
}
