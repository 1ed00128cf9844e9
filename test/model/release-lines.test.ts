import { describe, expect, it } from 'vitest';
import { isReleaseCut, isReleaseLine, isReleaseTag, releaseCommits } from '../../src/model/release-lines.js';

describe('release lines', () => {
  it('knows release and maintenance lines by name: with a version in them, or a release word alone', () => {
    const lines = ['4.x', '5.0', 'v1.x', 'v1.45.x', 'v0.10', 'tokio-1.38.x', 'rust-1.80.0', 'origin/v1.x-staging', '7-1-stable', '8-1-sec',
      'release/0.38', 'release/10', 'release-1.2', 'gopls-release-branch.0.10', 'release-branch.go1.10', 'beta-1.96', 'refs/heads/7-1-stable', 'refs/remotes/origin/4.x',
      'stable', 'origin/stable', 'refs/heads/release', 'maintenance', 'lts',
      // a product's name beside the word, a build after the version, a product's line in a folder
      'release-go_router-17.2.1', 'release-2.43+stringlabels', 'release-3.0.0-rc.0', 'release/langgraph-0.2.1', 'maintenance/v2', 'support/4.x',
      // sqlalchemy's lines, named as its tags are (rel_2_0_52)
      'rel_2_0', 'rel_1_4', 'refs/heads/rel_0_9'];
    expect(lines.filter((n) => !isReleaseLine(n))).toEqual([]);
    const topics = ['main', 'master', 'dependabot/github_actions/actions/checkout-7.0.1', 'renovate/open-11.x', 'release-branch-diagram', 'ulises/release-dependencies',
      'release-please--branches--main--components--node-addon-api', 'feature/support-foo', 'ulises/5x-sec-policy', 'copilot/fix-release-2', 'temp-conn-stable-branch', 'concurrent-ruby-1-3-6', 'fix-3508', 'v2', 'beta', 'hotfix', 'support', 'sec', 'stable-sort', 'ada/stable', 'release-notes', 'rel', 'rel_notes', 'ada/rel_2_0',
      // a name that goes on past its line's: GitHub's revert branch (cert-manager's #8917, read as a sync), a topic
      // for a line, a backport's branch, release-plz's release pull request, words that happen to name one
      'revert-8916-release-branch-pr-title', 'release-1.21-disable-klone', 'release/10-auth-fix', 'alexc-backport-20126-4-1-stable',
      'release-plz-2026-05-05T11-18-47Z', 'remote-browser-support-in-k6-browser-integration-tests', 'multi-account-beta-20231202', 'release-notes-v1.7.2-v1.x',
      // a release pull request's branch, named for what it does to a version (containerd's)
      'prepare-v2.2.0', 'origin/prepare-v2.3.0', 'prepare-release-1.2', 'bump-1.2.3', 'update-v1.x'];
    expect(topics.filter((n) => isReleaseLine(n))).toEqual([]);
  });

  it('knows a branch cut for one release by the whole version in its name, and not a line of a series', () => {
    const cuts = ['prepare-release/10.62.0', 'release/2.4.1', 'v1.2.3', 'ab-manual-develop-sync-10.12.0', 'release-1.2.3-fix'];
    expect(cuts.filter((n) => !isReleaseCut(n))).toEqual([]);
    const lines = ['3.0.x', 'stable', 'release', 'release/10', 'v6.2', 'tokio-1.47.x', 'develop', 'beta', 'v1.x-staging', '1.2.3.4'];
    expect(lines.filter((n) => isReleaseCut(n))).toEqual([]);
  });

  it('knows release tags by the version in their name', () => {
    expect(['v1.2.3', '0.16.0', 'tokio-1.38.0', 'gopls/v0.16.0', 'create-vite@5.0.0', 'v8', 'v2.0.0-rc1'].filter((t) => !isReleaseTag(t))).toEqual([]);
    // numbers joined by underscores, as older projects name their releases
    expect(['rel_2_0_52', 'rel_2_1_0b3', 'curl-8_10_1', 'OpenSSL_1_1_1w', 'REL_16_4'].filter((t) => !isReleaseTag(t))).toEqual([]);
    expect(['homu-tmp', 'git-release', 'latest', 'nightly', 'dev20v', 'REL_16_STABLE', 'build_7', 'py3_10-tests'].filter((t) => isReleaseTag(t))).toEqual([]);
  });

  it('takes what a release line carries, down to where it left the tracked line', () => {
    // main: m1 - m2 - m3 (first-parent); release: m1 - r1 - r2 - r3; a PR cut from r2 (p1) merged as m3's side;
    // a fix branch (f1) merged into the release line (rm) and into main
    const parents: Record<string, string[]> = { m1: [], m2: ['m1'], m3: ['m2', 'p1'], r1: ['m1'], r2: ['r1'], p1: ['r2'], r3: ['r2'], f1: ['m1'], rm: ['r3', 'f1'] };
    const onLine = (sha: string): boolean => ['m1', 'm2', 'm3'].includes(sha);
    const found = releaseCommits(['rm'], (s) => parents[s], onLine);
    expect([...found.all].sort()).toEqual(['f1', 'r1', 'r2', 'r3', 'rm']);
    expect([...found.lines].sort()).toEqual(['r1', 'r2', 'r3', 'rm']);
    // a tag on the tracked line itself carries nothing; unknown commits (before the history read) stop the walk
    const none = releaseCommits(['m2', 'x9'], (s) => parents[s], onLine);
    expect([none.all.size, none.lines.size]).toEqual([0, 0]);
  });
});
