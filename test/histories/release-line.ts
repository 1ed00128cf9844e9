import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from './pull-refs.js';

/**
 * Pull requests cut from release lines, and a release line merged back (times UTC, 2026-03):
 *  release/1.x leaves main at the initial commit: fixes 02 08:00 and 03 08:00, tagged v1.0.1;
 *  #50 is cut from release/1.x by mistake: its own commit 10 09:00, merged into main 11 10:00 (it brings the
 *      two release fixes along);
 *  release/1.x gets 12 08:00; `Merge 'release/1.x' into 'main' (#51)` 13 10:00 brings it in;
 *  release/2.x leaves main 04 00:00 and is never merged: a fix 05 08:00; #53 cut from it: own commit 14 09:00,
 *      squash-merged into main 15 10:00 with its pull ref.
 * Truth: #50 1 own commit, first 10 09:00 (not 02 08:00); #51 is a sync; #53 1 own commit, first 14 09:00.
 */
export function releaseLine(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { branch: 'release/1.x' },
    { commit: 'release fix one', on: 'release/1.x', at: '2026-03-02T08:00:00Z' },
    { commit: 'release fix two', on: 'release/1.x', at: '2026-03-03T08:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-03-03T08:30:00Z' },
    { commit: 'main work', on: 'main', at: '2026-03-04T00:00:00Z' },
    { branch: 'release/2.x' },
    { commit: 'release two fix', on: 'release/2.x', at: '2026-03-05T08:00:00Z' },
    { branch: 'p50', from: 'release/1.x' },
    { commit: 'fifty', on: 'p50', at: '2026-03-10T09:00:00Z' },
    { merge: 'p50', at: '2026-03-11T10:00:00Z', message: 'Merge pull request #50 from ada/p50\n\nFix fifty' },
    { commit: 'release fix three', on: 'release/1.x', at: '2026-03-12T08:00:00Z' },
    { merge: 'release/1.x', at: '2026-03-13T10:00:00Z', message: "Merge 'release/1.x' into 'main' (#51)" },
    { branch: 'p53', from: 'release/2.x' },
    { commit: 'fifty-three', on: 'p53', at: '2026-03-14T09:00:00Z' },
    { commit: 'Fix fifty-three (#53)', on: 'main', at: '2026-03-15T10:00:00Z' },
  ]);
  toPullRefs(repo, { 53: 'p53' });
  repo.git('branch', '-D', 'p50');
  return repo;
}
