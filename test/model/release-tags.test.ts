import { describe, expect, it } from 'vitest';
import { chooseReleaseTags, isPrerelease, noReleaseTagWarning, releaseLineOf, releaseProduct, strayBareTags } from '../../src/model/release-tags.js';
import { releaseBelow, taggedVersion, versionBelow } from '../../src/release-names.js';
import { DEFAULT_TAG_PATTERN } from '../../src/options.js';

const pattern = new RegExp(DEFAULT_TAG_PATTERN);
const tag = (name: string, at = 0): { name: string; at: number } => ({ name, at });

describe('release tags', () => {
  it.each([
    ['1.2', true, false],
    ['v1.2.3', true, false],
    ['v7.0.8.7', true, false],
    ['tokio-1.49.0', true, false],
    ['tokio-macros-2.5.0', true, false],
    ['pkg@1.2.3', true, false],
    ['@vitejs/plugin-react@4.0.0', true, false],
    ['cli/v1.2.3', true, false],
    ['v1.2.3+build.7', true, false],
    ['v1.0.0-alpha', true, true],
    ['v2.0.0-beta.2', true, true],
    ['1.0.0-rc1', true, true],
    ['v3.0.0-dev.1001', true, true],
    ['plugin-legacy@8.1.0-beta.0', true, true],
    ['v8.1.0.beta1', true, true],
    ['v7.0.0.rc1', true, true],
    ['2.0.0rc1', true, true],
    // a release named by its date (rust-analyzer's weekly ones, and a re-release of one), not a name holding a date
    ['2026-08-17', true, false],
    ['2026-08-17.1', true, false],
    ['patch/fix-cspe-panic-2026-05-12', false, false],
    // numbers joined by underscores after a name: sqlalchemy's finals and betas, curl's, OpenSSL's patch letter,
    // PostgreSQL's; not a name's number alone, nor underscores that a dotted version follows
    ['rel_2_0_52', true, false],
    ['rel_2_1_0b3', true, true],
    ['curl-8_10_1', true, false],
    ['OpenSSL_1_1_1w', true, false],
    ['REL_16_4', true, false],
    ['REL_16_STABLE', false, false],
    ['build_7', false, false],
    ['nightly', false, false],
    ['release-candidate', false, false],
    ['v1', false, false],
  ])('%s: a version %s, a pre-release %s', (name, matches, pre) => {
    expect(pattern.test(name)).toBe(matches);
    expect(isPrerelease(name)).toBe(pre);
  });

  it('keeps final releases, and puts pre-releases back when asked', () => {
    const tags = [tag('v1.0.0'), tag('v1.1.0-rc.1'), tag('docs-snapshot'), tag('v1.1.0')];
    expect(chooseReleaseTags(tags, pattern, false)).toEqual({ releases: [tag('v1.0.0'), tag('v1.1.0')], prereleases: [tag('v1.1.0-rc.1')] });
    expect(chooseReleaseTags(tags, pattern, true)).toEqual({ releases: [tag('v1.0.0'), tag('v1.1.0-rc.1'), tag('v1.1.0')], prereleases: [] });
  });

  it('takes a development marker (grpc-go\'s `v1.85.0-dev`) for neither a release nor a pre-release, asked or not', () => {
    const tags = [tag('v1.84.0'), tag('v1.85.0-dev'), tag('v1.85.0-dev.1'), tag('v1.85.0-rc.1')];
    expect(chooseReleaseTags(tags, pattern, false)).toEqual({ releases: [tag('v1.84.0')], prereleases: [tag('v1.85.0-dev.1'), tag('v1.85.0-rc.1')] });
    expect(chooseReleaseTags(tags, pattern, true).releases).toEqual([tag('v1.84.0'), tag('v1.85.0-dev.1'), tag('v1.85.0-rc.1')]);
  });

  it('finds the bare versions tagged after the v versions began: prometheus\' early bare tags stay, grpc-go\'s 1.69.3 does not', () => {
    const at = (name: string, day: number) => ({ name, at: day * 86400 });
    const tags = [at('0.19.3', 1), at('0.20.0', 2), at('v1.0.0', 3), at('v1.69.2', 9), at('1.69.3', 10), at('v1.69.4', 11), at('cli/1.0.0', 12), at('docs-1.2.0', 13)];
    expect([...strayBareTags(tags)].map((t) => t.name)).toEqual(['1.69.3']);
    // no v version at all: none is a stray
    expect(strayBareTags([at('1.0.0', 1), at('1.0.1', 2)]).size).toBe(0);
  });

  it('takes no tag for a release that is a short name of another on its commit (a floating X.Y tag)', () => {
    // tauri: `tauri-v2.0` beside `tauri-v2.0.0-rc.3` is no final; beside `tauri-driver-v0.1.4`, `tauri-driver-v0.1` no second deploy
    const at = (name: string, sha: string) => ({ name, sha });
    const tags = [at('tauri-v2.0.0-rc.3', 'a'), at('tauri-v2.0', 'a'), at('tauri-driver-v0.1.4', 'b'), at('tauri-driver-v0.1', 'b'), at('tauri-cli-v2.0', 'c'), at('tauri-utils-v2.0', 'a')];
    expect(chooseReleaseTags(tags, pattern, false)).toEqual({
      // tauri-cli-v2.0 alone on its commit, and tauri-utils-v2.0 beside another product's tag, stand
      releases: [at('tauri-driver-v0.1.4', 'b'), at('tauri-cli-v2.0', 'c'), at('tauri-utils-v2.0', 'a')],
      prereleases: [at('tauri-v2.0.0-rc.3', 'a')],
    });
    // without their commits, nothing is known to be a short name
    expect(chooseReleaseTags([tag('v2.0.0-rc.3'), tag('v2.0')], pattern, false).releases).toEqual([tag('v2.0')]);
  });

  it('takes no line\'s name for a release, whatever the pattern, pre-releases included', () => {
    // flask archived its old maintenance branches as tags at their tips: 0.12.x … 2.3.x, read as 9 final releases
    const tags = [tag('0.12.x'), tag('2.2.x'), tag('v1.4.x-maint'), tag('2.3.X'), tag('3.0.0'), tag('v1.2.3.x86'), tag('v4.0.0-rc.1')];
    const everything = { test: (): boolean => true };
    expect(chooseReleaseTags(tags, pattern, false)).toEqual({ releases: [tag('3.0.0'), tag('v1.2.3.x86')], prereleases: [tag('v4.0.0-rc.1')] });
    expect(chooseReleaseTags(tags, everything, true).releases).toEqual([tag('3.0.0'), tag('v1.2.3.x86'), tag('v4.0.0-rc.1')]);
  });

  it('reads a hyphen\'s word as the product\'s where a configured product\'s pattern names the tag, a test build\'s only by its word', () => {
    // continuedev/continue tags its VS Code extension v1.3.40-vscode and its betas v1.3.0-beta.2
    const vscode = new RegExp('-vscode$');
    const tags = [tag('v1.3.40-vscode'), tag('v1.3.41-beta.2-vscode'), tag('v1.3.0-beta.2'), tag('v1.0.67-jetbrains'), tag('v1.5.45')];
    expect(chooseReleaseTags(tags, pattern, false, [vscode])).toEqual({
      releases: [tag('v1.3.40-vscode'), tag('v1.5.45')],
      prereleases: [tag('v1.3.41-beta.2-vscode'), tag('v1.3.0-beta.2'), tag('v1.0.67-jetbrains')],
    });
    // named by a product, a test build's word or number still is one: -rc1, -temp.0 (changesets' snapshots), -0.3.7
    expect(['v1.0.0-rc1', 'a@5.1.0-temp.0', 'a@2.0.0-0.3.7', 'a@0.0.0-20220816201344', 'v2.0.0-vscode', 'v2.0.0-linux'].map((n) => isPrerelease(n, true))).toEqual([true, true, true, true, false, false]);
    // without a product naming it, any hyphen is semver's pre-release, as before
    expect(isPrerelease('v2.0.0-vscode')).toBe(true);
  });

  it('names a few tags when the repository has tags and none counts', () => {
    const tags = [tag('a', 1), tag('b', 2), tag('c', 3), tag('d', 4), tag('e', 5), tag('f', 6)];
    expect(noReleaseTagWarning(tags, chooseReleaseTags(tags, pattern, false), '^v')).toBe(
      "none of the repository's 6 tags (f, e, d, c, b, …) matches --tag-pattern ^v: give a pattern that matches its release tags",
    );
    const pre = [tag('v2.0.0-rc.1', 1), tag('v2.0.0-beta.1', 0)];
    expect(noReleaseTagWarning(pre, chooseReleaseTags(pre, pattern, false), 'P')).toBe(
      "the repository's 2 tags (v2.0.0-rc.1, v2.0.0-beta.1) include no final release matching --tag-pattern P, only 2 pre-releases: pass --include-prereleases to count them as deploys",
    );
    expect(noReleaseTagWarning([], { releases: [], prereleases: [] }, 'P')).toBeNull();
    expect(noReleaseTagWarning([tag('v1.0.0')], chooseReleaseTags([tag('v1.0.0')], pattern, false), 'P')).toBeNull();
  });
});

describe('the product a release versions', () => {
  it('is the name before its version, less a v: one product for v1.2.3 and 1.2.3, one per package', () => {
    expect(['v1.2.3', '1.2.3', 'tokio-1.49.0', 'tokio-macros-2.5.0', 'home-0.5.12', 'cli/v1.2.3', 'pkg@1.2.3', 'gopls/v0.20.0', 'nightly'].map(releaseProduct)).toEqual(['', '', 'tokio-', 'tokio-macros-', 'home-', 'cli/', 'pkg@', 'gopls/', 'nightly']);
  });

  it('reads a release named by its date as the repository\'s own, one line, ordered by its date', () => {
    // rust-analyzer's `2026-08-10.1` was read as a package `2026-08-` at version 10.1, and each date as a package apart
    expect(['2026-08-10', '2026-08-10.1', 'v2026-08-17'].map(releaseProduct)).toEqual(['', '', '']);
    expect(['2026-08-10', '2026-08-17.1', 'v1.7.21', 'v1.7.20'].map(releaseLineOf)).toEqual(['date', 'date', '1.7', '1.7']);
    expect([versionBelow('2026-08-10.1', '2026-08-17'), versionBelow('2026-08-17', '2026-08-10.1'), versionBelow('2026-08-17', '2026-08-17.1')]).toEqual([true, false, true]);
    expect([taggedVersion('2026-08-17.2'), isPrerelease('2026-08-17.2'), isPrerelease('2026-08-17-rc1')]).toEqual(['2026-08-17.2', false, true]);
  });

  it('reads numbers joined by underscores as the version they name, its line and its order', () => {
    // sqlalchemy's release commits say `- 2.0.52` and `- 2.1.0b3`: its tags name those versions
    expect(['rel_2_0_52', 'rel_2_1_0b3', 'OpenSSL_1_1_1w', 'py3_10-1.2.3'].map(taggedVersion)).toEqual(['2.0.52', '2.1.0b3', '1.1.1w', '1.2.3']);
    expect(['rel_2_0_52', 'rel_1_4_54', 'curl-8_10_1', 'py3_10-1.2.3'].map(releaseProduct)).toEqual(['rel_', 'rel_', 'curl-', 'py3_10-']);
    // 2.0 and 1.4 are two lines, each patched: rel_2_0_52 and rel_2_0_51 one of them
    expect(['rel_2_0_52', 'rel_2_0_51', 'rel_1_4_54', 'rel_2_1_0b3'].map(releaseLineOf)).toEqual(['rel_2.0', 'rel_2.0', 'rel_1.4', 'rel_2.1']);
    expect([versionBelow('rel_2_0_9', 'rel_2_0_10'), versionBelow('rel_2_0_10', 'rel_2_0_9'), releaseBelow('rel_2_1_0b3', 'rel_2_1_0'), releaseBelow('rel_2_1_0b2', 'rel_2_1_0b3')]).toEqual([true, false, true, true]);
  });
});

describe('which of two releases came first', () => {
  it('orders two pre-releases of one version by their test build, where the version alone reads them as one', () => {
    // tracing-mock's betas: one version, 0.1.0, to versionBelow
    expect([versionBelow('tracing-mock-0.1.0-beta.1', 'tracing-mock-0.1.0-beta.3'), releaseBelow('tracing-mock-0.1.0-beta.1', 'tracing-mock-0.1.0-beta.3'), releaseBelow('tracing-mock-0.1.0-beta.3', 'tracing-mock-0.1.0-beta.1')]).toEqual([false, true, false]);
    // numbers by their value, words by their letters, a number below a word and fewer parts below more
    expect([releaseBelow('v2.0.0-rc.2', 'v2.0.0-rc.10'), releaseBelow('v2.0.0-alpha.3', 'v2.0.0-beta.1'), releaseBelow('v2.0.0-rc.1', 'v2.0.0-rc.1.1'), releaseBelow('v2.0.0-1', 'v2.0.0-alpha'), releaseBelow('3.15.0b2', '3.15.0rc1')]).toEqual([true, true, true, true, true]);
  });

  it('puts a pre-release below its final and a lower version below either, as the version says', () => {
    expect([releaseBelow('v2.0.0-rc.1', 'v2.0.0'), releaseBelow('v2.0.0', 'v2.0.0-rc.1'), releaseBelow('v1.9.9', 'v2.0.0-rc.1'), releaseBelow('v2.0.1-rc.1', 'v2.0.0'), releaseBelow('v2.0.0', '2.0.0')]).toEqual([true, false, true, false, false]);
  });
});
