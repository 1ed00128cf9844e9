import type { Tester } from '../patterns.js';
import { dottedVersion, isDevelopmentMarker, isPrerelease, namesLine, releaseBelow, VERSION, versionBelow } from '../release-names.js';
import { firstFew, plural } from '../units.js';
/**
 * Which tags are production releases (SPEC section 3): final versions, not test builds. Pure.
 */

// the rule GitHub releases follow too (a deploy source, below the model): shared, and named here as before
export { isPrerelease };

/**
 * The product a release name versions, for telling its releases from another's: the name up to its version,
 * less a `v` (`tokio-1.49.0` → `tokio-`, `cli/v1.2.3` → `cli/`, `v1.2.3` and `1.2.3` → ``). A name without a
 * version is its own. Pure.
 */
export function releaseProduct(name: string): string {
  const m = VERSION.exec(name);
  return m ? name.slice(0, m.index).replace(/v$/i, '') : name;
}

/**
 * The release line a release name is of: its product and the first two numbers of its version (`v1.7.21` and
 * `v1.7.20` are one line, `v2.0.0` another, `api/v1.8.0` another); releases named by their dates are one line
 * (`2026-08-10` and `2026-08-17.1`). A name without a version is its own. Pure.
 */
export function releaseLineOf(name: string): string {
  const m = VERSION.exec(name);
  if (m === null) return name;
  return m[0].includes('-') ? `${releaseProduct(name)}date` : `${releaseProduct(name)}${dottedVersion(m[0]).split('.').slice(0, 2).join('.')}`;
}

export interface ReleaseTagChoice<T extends { name: string }> {
  /** the tags that count as deploys */
  releases: T[];
  /** tags the pattern took that are pre-releases, left out */
  prereleases: T[];
}

/**
 * The tags matching `pattern` that are final releases (or all of them, with `includePrereleases`), less those named
 * as a line (`2.2.x`). A tag one of
 * `productTags` (the config's products' own patterns) matches is a pre-release only by a word that names one.
 */
export function chooseReleaseTags<T extends { name: string; sha?: string }>(tags: readonly T[], pattern: Tester, includePrereleases: boolean, productTags: readonly Tester[] = []): ReleaseTagChoice<T> {
  const releases: T[] = [];
  const prereleases: T[] = [];
  const shortNames = aliases(tags);
  for (const tag of tags) {
    // a line's name (`2.2.x`) is no release, whatever the pattern takes; nor another tag's short name (`tauri-v2.0`),
    // nor a development marker (`v1.85.0-dev`): no build of anything, though a pre-release by its hyphen
    if (!pattern.test(tag.name) || namesLine(tag.name) || shortNames.has(tag) || isDevelopmentMarker(tag.name)) continue;
    if (!includePrereleases && isPrerelease(tag.name, productTags.some((p) => p.test(tag.name)))) prereleases.push(tag);
    else releases.push(tag);
  }
  return { releases, prereleases };
}

// the repository's own versions, as Go names a module's (`v1.69.3`) and bare (`1.69.3`)
const OWN_GO_VERSION = /^v\d+(?:\.\d+)+/;
const OWN_BARE_VERSION = /^\d+(?:\.\d+)+/;

/**
 * The repository's own bare versions (`1.69.3`, no `v`) tagged after its own `v` versions began: in a Go module's
 * repository these are strays, since Go reads a module's versions from `v` tags alone. grpc-go's `1.69.3`, on a
 * master commit where v1.69.x's `1.69.3` was never tagged, read as a release of 31 changes that failed by a revert
 * (a change failure rate of 5.3% where it is 0%); prometheus' bare tags, all before its first `v` tag, stay. Pure.
 */
export function strayBareTags<T extends { name: string; at: number }>(tags: readonly T[]): Set<T> {
  let firstV = Infinity;
  for (const tag of tags) if (OWN_GO_VERSION.test(tag.name) && tag.at < firstV) firstV = tag.at;
  return new Set(tags.filter((tag) => OWN_BARE_VERSION.test(tag.name) && tag.at > firstV));
}

/**
 * The tags that are another's short name: a version of two numbers, on the commit of the same product's tag whose
 * version they begin. tauri moves `tauri-v2.0` along with each 2.0 build: on 2.0.0-rc.3's commit it is no final
 * release (12 of its 90 days' 67 deploys were such, and they halved its lead time), and on 0.1.4's it named the deploy
 * `tauri-driver-v0.1` (tags of one commit sort by name). Tags without their commit are never one.
 */
function aliases<T extends { name: string; sha?: string }>(tags: readonly T[]): Set<T> {
  const byCommit = new Map<string, T[]>();
  for (const tag of tags) {
    if (tag.sha === undefined) continue;
    const same = byCommit.get(tag.sha);
    if (same === undefined) byCommit.set(tag.sha, [tag]);
    else same.push(tag);
  }
  const short = new Set<T>();
  for (const same of byCommit.values()) {
    if (same.length < 2) continue;
    for (const tag of same) {
      const version = VERSION.exec(tag.name)?.[0];
      if (version === undefined || !/^\d+\.\d+$/.test(version)) continue;
      const product = releaseProduct(tag.name);
      if (same.some((other) => other !== tag && releaseProduct(other.name) === product && (VERSION.exec(other.name)?.[0] ?? '').startsWith(`${version}.`))) short.add(tag);
    }
  }
  return short;
}

/**
 * The release tags less a newer line's, when the tracked branch is a release line (`v6.x`, `4.x`): a tag it does
 * not reach whose version is above every one of its own product's that it reaches. A maintenance branch ships in
 * its own releases (and in older lines' that took its backports), not in the newer majors' on main, whose copies of
 * its backports shipped first: undici's `v6.x` read 16 deploys, v7.16.0 and v8.2.0 among them, where it released 8,
 * and fastify's `4.x` a lead time of 55 minutes where its own tags give 10 days. A pre-release is above the line's
 * earlier pre-releases of its version too: tracing's `v0.1.x` reaches tracing-mock-0.1.0-beta.1, not main's beta.3,
 * which held 28 of its 29 changes waiting. A final of a version the line's own pre-release tests is still the
 * line's, wherever it was tagged. `reached`: the names of the tags the tracked branch reaches. Pure.
 */
export function withoutNewerLines<T extends { name: string }>(tags: readonly T[], reached: ReadonlySet<string>): T[] {
  const newest = new Map<string, string>();
  for (const name of reached) {
    const product = releaseProduct(name);
    const known = newest.get(product);
    if (known === undefined || releaseBelow(known, name)) newest.set(product, name);
  }
  return tags.filter((tag) => {
    const own = newest.get(releaseProduct(tag.name));
    if (reached.has(tag.name) || own === undefined) return true;
    return isPrerelease(tag.name) ? !releaseBelow(own, tag.name) : !versionBelow(own, tag.name);
  });
}

/**
 * What the report says when the repository has tags and none counts as a deploy, naming a few of them:
 * null when some tag counts, or there is no tag at all.
 */
export function noReleaseTagWarning(all: readonly { name: string; at: number }[], choice: ReleaseTagChoice<{ name: string }>, patternSource: string): string | null {
  if (all.length === 0 || choice.releases.length > 0) return null;
  const few = firstFew([...all].sort((a, b) => b.at - a.at || a.name.localeCompare(b.name)).map((t) => t.name), 5);
  if (choice.prereleases.length > 0) {
    return `the repository's ${plural(all.length, 'tag')} (${few}) include no final release matching --tag-pattern ${patternSource}, only ${plural(choice.prereleases.length, 'pre-release')}: pass --include-prereleases to count them as deploys`;
  }
  return `none of the repository's ${plural(all.length, 'tag')} (${few}) matches --tag-pattern ${patternSource}: give a pattern that matches its release tags`;
}
