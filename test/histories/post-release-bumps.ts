import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * Post-release bumps beside pushes that only look like them (times UTC, 2026-04; every push Ada's):
 *  #1 Ada's commit 02 09:00, merged 02 10:00;
 *  03 10:00 a direct push `release 1.0.0`, tagged `1.0.0` (ipython's release commits);
 *  03 10:05 `back to dev`, right after it (ipython's post-release bump);
 *  06 10:00 `fix: parser`;
 *  07 10:00 `set version to 1.1.0.dev`, after a change, not a release;
 *  08 10:00 `Release 1.1.0`, tagged `v1.1.0`;
 *  08 10:05 a squash `Post-release version bump (#2)`: a pull request, right after the release;
 *  09 10:00 `[maven-release-plugin] prepare release 1.2.0`, a copy (same author date 09 09:00 and subject) of a
 *  commit on branch `release-copy` committed 09 09:30 and tagged `v1.2.0` there;
 *  09 10:05 `[maven-release-plugin] prepare for next development iteration`, right after the copy;
 *  10 09:00 `release version 1.3.0` on branch `stable` (from main's tip), tagged `1.3.0` there; 10 10:00 `stable`
 *  merged into main as `release version 1.3.0 (#3)` (flask's), a sync; 10 10:05 `start version 1.4.0`, right after
 *  it (the Pallets projects' post-release bump);
 *  11 10:00 `fix: lexer`; 12 10:00 `start version 1.5.0`, after a change, not a release;
 *  13 10:00 `- 1.6.0`, tagged `rel_1_6_0` (sqlalchemy's release commit and tag); 13 10:05 `Version 1.6.1 placeholder`
 *  right after it (sqlalchemy's release script's next version);
 *  14 10:00 `fix: cache`; 14 11:00 `Release v1.7.0` on branch `tmp-release` from it, tagged `v1.7.0` there; 14 11:05
 *  `Next development version (v1.7.1-SNAPSHOT)` on main, whose parent is `fix: cache` (spring-boot's release beside
 *  the branch); 15 10:00 `fix: socket`; 16 10:00 `Next development version (v1.8.1-SNAPSHOT)`, no release beside it;
 *  17 10:00 `🔖 Release version 1.9.0`, its tag `1.9.0` on `📝 Update release notes` pushed at 10:01 (fastapi's);
 *  18 10:00 `Release version 2.0.0`, its tag `2.0.0` on `📝 Update release notes` pushed half an hour later.
 * Truth: `release 1.0.0`, `back to dev`, `Release 1.1.0`, the copied `prepare release 1.2.0`, `prepare for next
 *  development iteration`, `start version 1.4.0`, `- 1.6.0`, `Version 1.6.1 placeholder` and `Next development
 *  version (v1.7.1-SNAPSHOT)` and `🔖 Release version 1.9.0` are release commits (10: left out), #3 a sync; the other 12
 *  are changes: #1, `fix: parser`, `set version to 1.1.0.dev`, #2, `fix: lexer`, `start version 1.5.0`, `fix: cache`,
 *  `fix: socket`, `Next development version (v1.8.1-SNAPSHOT)`, both `📝 Update release notes`, `Release version
 *  2.0.0`. Deploys (final tags), and the counted changes each shipped first: 1.0.0
 *  the initial commit and #1 (2), v1.1.0 `fix: parser` and `set version` (2), v1.2.0 #2 (1: the copy's branch forks
 *  after it), 1.3.0 only `prepare for next development iteration`, a release commit (0), rel_1_6_0 `fix: lexer` and
 *  `start version 1.5.0` (2), v1.7.0 `fix: cache` (1), 1.9.0 `fix: socket`, the 1.8.1 bump and its notes (3), 2.0.0
 *  its release and notes (2).
 */
export function postReleaseBumps(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-04-01T00:00:00Z' },
    { branch: 'p1' },
    { commit: 'feature one', on: 'p1', at: '2026-04-02T09:00:00Z' },
    { merge: 'p1', at: '2026-04-02T10:00:00Z', message: 'Merge pull request #1 from ada/p1\n\nAdd feature one' },
    { commit: 'release 1.0.0', on: 'main', at: '2026-04-03T10:00:00Z', files: { 'release.py': 'version = "1.0.0"\n' } },
    { tag: '1.0.0' },
    { commit: 'back to dev', at: '2026-04-03T10:05:00Z', files: { 'release.py': 'version = "1.1.0.dev"\n' } },
    { commit: 'fix: parser', at: '2026-04-06T10:00:00Z' },
    { commit: 'set version to 1.1.0.dev', at: '2026-04-07T10:00:00Z', files: { 'release.py': 'version = "1.1.0.dev" # again\n' } },
    { commit: 'Release 1.1.0', at: '2026-04-08T10:00:00Z', files: { 'release.py': 'version = "1.1.0"\n' } },
    { tag: 'v1.1.0' },
    { commit: 'Post-release version bump (#2)', at: '2026-04-08T10:05:00Z', files: { 'release.py': 'version = "1.2.0.dev"\n' } },
    { branch: 'release-copy' },
    { commit: '[maven-release-plugin] prepare release 1.2.0', on: 'release-copy', authorAt: '2026-04-09T09:00:00Z', at: '2026-04-09T09:30:00Z', files: { 'release.py': 'version = "1.2.0"\n' } },
    { tag: 'v1.2.0' },
    { commit: '[maven-release-plugin] prepare release 1.2.0', on: 'main', authorAt: '2026-04-09T09:00:00Z', at: '2026-04-09T10:00:00Z', files: { 'release.py': 'version = "1.2.0"\n' } },
    { commit: '[maven-release-plugin] prepare for next development iteration', at: '2026-04-09T10:05:00Z', files: { 'release.py': 'version = "1.3.0-SNAPSHOT"\n' } },
    { branch: 'stable' },
    { commit: 'release version 1.3.0', on: 'stable', at: '2026-04-10T09:00:00Z', files: { 'release.py': 'version = "1.3.0"\n' } },
    { tag: '1.3.0' },
    { merge: 'stable', at: '2026-04-10T10:00:00Z', message: 'release version 1.3.0 (#3)' },
    { commit: 'start version 1.4.0', on: 'main', at: '2026-04-10T10:05:00Z', files: { 'release.py': 'version = "1.4.0.dev"\n' } },
    { commit: 'fix: lexer', at: '2026-04-11T10:00:00Z' },
    { commit: 'start version 1.5.0', at: '2026-04-12T10:00:00Z', files: { 'release.py': 'version = "1.5.0.dev"\n' } },
    { commit: '- 1.6.0', at: '2026-04-13T10:00:00Z', files: { 'release.py': 'version = "1.6.0"\n' } },
    { tag: 'rel_1_6_0' },
    { commit: 'Version 1.6.1 placeholder', at: '2026-04-13T10:05:00Z', files: { 'release.py': 'version = "1.6.1"\n' } },
    { commit: 'fix: cache', at: '2026-04-14T10:00:00Z' },
    { branch: 'tmp-release' },
    { commit: 'Release v1.7.0', on: 'tmp-release', at: '2026-04-14T11:00:00Z', files: { 'release.py': 'version = "1.7.0"\n' } },
    { tag: 'v1.7.0' },
    { commit: 'Next development version (v1.7.1-SNAPSHOT)', on: 'main', at: '2026-04-14T11:05:00Z', files: { 'release.py': 'version = "1.7.1-SNAPSHOT"\n' } },
    { commit: 'fix: socket', at: '2026-04-15T10:00:00Z' },
    { commit: 'Next development version (v1.8.1-SNAPSHOT)', at: '2026-04-16T10:00:00Z', files: { 'release.py': 'version = "1.8.1-SNAPSHOT"\n' } },
    { commit: '🔖 Release version 1.9.0', at: '2026-04-17T10:00:00Z', files: { 'release.py': 'version = "1.9.0"\n' } },
    { commit: '📝 Update release notes', at: '2026-04-17T10:01:00Z', files: { 'notes.md': '1.9.0\n' } },
    { tag: '1.9.0' },
    { commit: 'Release version 2.0.0', at: '2026-04-18T10:00:00Z', files: { 'release.py': 'version = "2.0.0"\n' } },
    { commit: '📝 Update release notes', at: '2026-04-18T10:30:00Z', files: { 'notes.md': '2.0.0\n' } },
    { tag: '2.0.0' },
  ]);
}
