import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

/**
 * Release commits beside changes that only look like them (times UTC, 2026-03; every push Ada's unless said):
 *  #1 Ada's commit 02 09:00, merged 03 10:00;
 *  03 12:00 a direct push `v1.1.0`, tagged `v1.1.0` (trpc's release commits);
 *  04 09:00 Renovate's `chore(deps): update dependency vitest to v4`;
 *  04 10:00 `chore: bump deps`;
 *  05 10:00 `bump react to 19.0.0`, tagged `v1.1.1` (a tag, but not of the version it sets);
 *  #2 a squash `v2 API (#2)` 06 10:00;
 *  #3 a squash `chore(release): 1.2.0 (#3)` 07 10:00, tagged `v1.2.0` (a version bump through a pull request);
 *  08 10:00 `v1.2.1` by GitHub Actions' bot, tagged `v1.2.1`;
 *  09 10:00 `release: v1.3.0-beta.0`, tagged `v1.3.0-beta.0` (a pre-release: no deploy);
 *  10 10:00 `Bump version to 1.4.0`, no tag (a cycle opened; released later as `v1.4.0.77`);
 *  11 10:00 `fix: parser` (released as `v1.4.0.77`, tagged 11 11:00);
 *  12 10:00 `chore(release): 1.3.0`, a copy (same author date 12 09:00 and subject) of a commit on branch
 *  `release-copy` committed 12 09:30 and tagged `v1.3.0` there: rebased before it was pushed.
 * Truth: the `v1.1.0`, bot `v1.2.1`, `v1.3.0-beta.0` and copied `1.3.0` pushes are release commits (4: left out,
 *  the bot's too, whatever --include-bots says); Renovate's is a bot's (left out but with --include-bots); the
 *  other 7 are changes: #1, `chore: bump deps`, `bump react to 19.0.0`, #2, #3, `Bump version to 1.4.0`, `fix:
 *  parser`. Deploys (final tags), and the counted changes each shipped first: v1.1.0 the initial commit, #1 and its
 *  release commit (2), v1.1.1 Renovate's, `chore: bump deps` and `bump react` (2; 3 with --include-bots), v1.2.0
 *  #2 and #3 (2), v1.2.1 only the bot's release commit (0), v1.4.0.77 the pre-release's commit, `Bump version` and
 *  `fix: parser` (2), v1.3.0 the copied release commit (0).
 */
export function releaseCommits(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'p1' },
    { commit: 'feature one', on: 'p1', at: '2026-03-02T09:00:00Z' },
    { merge: 'p1', at: '2026-03-03T10:00:00Z', message: 'Merge pull request #1 from ada/p1\n\nAdd feature one' },
    { commit: 'v1.1.0', on: 'main', at: '2026-03-03T12:00:00Z', files: { 'package.json': '{"version":"1.1.0"}\n' } },
    { tag: 'v1.1.0' },
    { commit: 'chore(deps): update dependency vitest to v4', author: 'renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>', at: '2026-03-04T09:00:00Z', files: { 'package-lock.json': 'deps 1\n' } },
    { commit: 'chore: bump deps', at: '2026-03-04T10:00:00Z', files: { 'package-lock.json': 'deps 2\n' } },
    { commit: 'bump react to 19.0.0', at: '2026-03-05T10:00:00Z', files: { 'deps.txt': 'react 19.0.0\n' } },
    { tag: 'v1.1.1' },
    { commit: 'v2 API (#2)', at: '2026-03-06T10:00:00Z' },
    { commit: 'chore(release): 1.2.0 (#3)', at: '2026-03-07T10:00:00Z', files: { 'package.json': '{"version":"1.2.0"}\n' } },
    { tag: 'v1.2.0' },
    { commit: 'v1.2.1', author: BOT, at: '2026-03-08T10:00:00Z', files: { 'package.json': '{"version":"1.2.1"}\n' } },
    { tag: 'v1.2.1' },
    { commit: 'release: v1.3.0-beta.0', at: '2026-03-09T10:00:00Z', files: { 'package.json': '{"version":"1.3.0-beta.0"}\n' } },
    { tag: 'v1.3.0-beta.0' },
    { commit: 'Bump version to 1.4.0', at: '2026-03-10T10:00:00Z', files: { 'version.txt': '1.4.0\n' } },
    { commit: 'fix: parser', at: '2026-03-11T10:00:00Z' },
    { tag: 'v1.4.0.77' },
    { branch: 'release-copy' },
    { commit: 'chore(release): 1.3.0', on: 'release-copy', authorAt: '2026-03-12T09:00:00Z', at: '2026-03-12T09:30:00Z', files: { 'package.json': '{"version":"1.3.0"}\n' } },
    { tag: 'v1.3.0' },
    { commit: 'chore(release): 1.3.0', on: 'main', authorAt: '2026-03-12T09:00:00Z', at: '2026-03-12T10:00:00Z', files: { 'package.json': '{"version":"1.3.0"}\n' } },
  ]);
}
