/*
 * What a release's name says of it, read by the release tags (the model) and by GitHub releases (a deploy
 * source, below the model): one rule for both, so it sits with the shared types.
 */

// the numeric version inside a tag name, wherever a package prefix puts it (`tokio-1.49.0`, `pkg@1.2.3`); or a
// calendar date that is the whole name but its numbers after it, read whole: rust-analyzer's weekly `2026-08-17`
// and its re-releases `2026-08-17.1`, where the dotted version alone read a package `2026-08-` at version `17.1`;
// or numbers joined by underscores that end the name but for a test build's or a patch's letters, as projects
// older than semver's tags are named: sqlalchemy's `rel_2_0_52` and `rel_2_1_0b3`, curl's `curl-8_10_1`, OpenSSL's
// `OpenSSL_1_1_1w`, PostgreSQL's `REL_16_4` (not `py3_10-1.2.3`'s `3_10`, which its dotted version follows)
// (the last, apart: release-lines' isReleaseTag takes it too)
export const UNDERSCORED_VERSION = String.raw`\d+(?:_\d+)+(?=[a-zA-Z]*\d*$)`;
export const VERSION = new RegExp(String.raw`(?<=^v?)\d{4}-\d{2}-\d{2}(?:\.\d+)*(?=$|[^\w.])|\d+(?:\.\d+)+|${UNDERSCORED_VERSION}`);

/** A version's numbers as dots join them: `2.0.52` of `rel_2_0_52`'s `2_0_52`, which its release commit names so. */
export function dottedVersion(version: string): string {
  return version.includes('_') ? version.replaceAll('_', '.') : version;
}

// after the version: `.beta1`, `.rc1` (Ruby), `rc1`, `a2`, `.dev3` (Python): letters that name a test build
const SUFFIX_PRERELEASE = /^\.?(?:alpha|beta|pre|preview|rc|dev|canary|next|nightly|snapshot|a|b|c)\d*(?:$|[.\d])/i;

// after the version's hyphen, what names a test build by its word or number (`-beta.2`, `-rc1`, `-temp.0`, `-0.3.7`,
// `-20220816201344`); `-vscode` and `-jetbrains` name no such thing
const HYPHEN_PRERELEASE = /^-(?:\d|(?:alpha|beta|pre|preview|rc|dev|canary|next|nightly|snapshot|temp|experimental|insiders?|unstable|test|a|b|c|m)(?:$|[-.\d]))/i;

// after the version, `.x` names a line, not a release: flask archived each old maintenance branch as a tag at its tip
// (`0.12.x` … `2.3.x`, in October 2024), which the default pattern took as 7 final release tags
const LINE_SUFFIX = /^\.x(?:$|[^\w])/i;

/** Whether a name is a release line's (`2.2.x`, `v1.4.x-maint`), not a release's: a version followed by `.x`. */
export function namesLine(name: string): boolean {
  const m = VERSION.exec(name);
  return m !== null && LINE_SUFFIX.test(name.slice(m.index + m[0].length));
}

/**
 * A pre-release: a semver pre-release (`-alpha`, `-beta.2`, `-rc1`, `-dev.1001`: anything after a hyphen
 * that follows the version, as semver defines it) or a Ruby / Python suffix (`.beta1`, `.rc1`, `rc1`).
 * Build metadata (`+build.5`) is not one. A name without a version is not a pre-release. `namedByProduct`: a
 * configured product's own pattern names the tag, so a hyphen's word that names no test build (Continue's
 * `v1.3.40-vscode`, its VS Code extension's release) is that pattern's, not a pre-release.
 */
export function isPrerelease(name: string, namedByProduct = false): boolean {
  const m = VERSION.exec(name);
  if (!m) return false;
  const rest = name.slice(m.index + m[0].length);
  if (rest.startsWith('-')) return namedByProduct ? HYPHEN_PRERELEASE.test(rest) : rest.length > 1;
  return SUFFIX_PRERELEASE.test(rest);
}

// a version's development marked where it starts, no build of it: grpc-go tags `v1.85.0-dev` on master's `Change
// version to 1.85.0-dev (#9326)`; a numbered one (`-dev.1`, `-dev3`) is a build
const DEVELOPMENT_MARKER = /\d-dev$/i;

/** Whether a tag marks where a version's development starts (`v1.85.0-dev`): neither a release nor a pre-release. */
export function isDevelopmentMarker(name: string): boolean {
  return DEVELOPMENT_MARKER.test(name);
}

/**
 * The version a tag names, lower-cased, from its first number to its end, pre-release included: `11.0.0-alpha.1`
 * of `v11.0.0-alpha.1`, `8.0.0` of `create-vite@8.0.0`, `1.48.0` of `tokio-1.48.0`, `2.1.0b3` of `rel_2_1_0b3`;
 * null when it names none.
 */
export function taggedVersion(name: string): string | null {
  const m = VERSION.exec(name);
  return m ? (dottedVersion(m[0]) + name.slice(m.index + m[0].length)).toLowerCase() : null;
}

/** Whether any of a commit's tag names names a version (`taggedVersion`): a release was tagged there. */
export function namesVersion(tags: readonly string[]): boolean {
  return tags.some((name) => taggedVersion(name) !== null);
}

/**
 * Whether `name` carries a lower version than `than` (`v0.311.0` against `v3.11.1`), each read as the numbers of
 * its version, compared part by part; false when either names no version (`prod-44`) or they are equal.
 */
export function versionBelow(name: string, than: string): boolean {
  // a date's numbers are its year, month and day
  const a = VERSION.exec(name)?.[0].split(/[._-]/).map(Number);
  const b = VERSION.exec(than)?.[0].split(/[._-]/).map(Number);
  if (a === undefined || b === undefined) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/**
 * Whether `name` is an earlier release than `than`: a lower version (versionBelow), else of the same version a
 * pre-release of it against its final, or the earlier of two of its pre-releases (`0.1.0-beta.1` before
 * `0.1.0-beta.3`, `rc2` before `rc10`: numbers by their value, words by their letters, as semver orders them).
 * versionBelow reads no pre-release: tracing-mock's `0.1.0-beta.1` and `0.1.0-beta.3` are one version to it.
 */
export function releaseBelow(name: string, than: string): boolean {
  if (versionBelow(name, than)) return true;
  if (versionBelow(than, name)) return false;
  const ours = isPrerelease(name);
  const theirs = isPrerelease(than);
  if (ours !== theirs) return ours;
  return ours && testBuildBelow(afterVersion(name), afterVersion(than));
}

// what follows a name's version: its pre-release (`-beta.3`, `rc1`)
function afterVersion(name: string): string {
  const m = VERSION.exec(name);
  return m ? name.slice(m.index + m[0].length).toLowerCase() : '';
}

// two pre-releases of one version, part by part: a number below a word, and fewer parts below more
function testBuildBelow(a: string, b: string): boolean {
  const x = a.match(/\d+|[a-z]+/g) ?? [];
  const y = b.match(/\d+|[a-z]+/g) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) continue;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && qn) return Number(p) < Number(q);
    return pn === qn ? p < q : pn;
  }
  return x.length < y.length;
}

// the release line a backport's title names before it: `[3.13] …` (miss-islington), `[beta 1.98] …` (cargo),
// `[gopls-release-branch.0.18] …` (golang/tools' cherry-picks)
const LINE_TAG = /^\[[^\]\n]{1,100}\][ \t]*/;

/** A backport's title less the release line it names first (`[3.13] `): the title its change on main had. */
export function withoutLineTag(title: string): string {
  return title.startsWith('[') ? title.replace(LINE_TAG, '') : title;
}
