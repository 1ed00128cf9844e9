import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * flask's shape: main was last released by 3.1.0 (2024-11-13); its patch releases come from `stable`, cut there,
 * and hold none of what main merged since. The window is 2026-01-09 → 04-09, the one before it from 2025-10-11.
 *  #1  lands on main 2025-01-10, #2 on 2025-06-02: both still waiting for a release of main
 *  3.1.1 (2025-05-13) and 3.1.2 (2025-08-19) tag fixes on stable; 3.1.3 (2026-02-19) too, in the window
 *  #3  lands on main 2026-02-02, in the window, waiting too
 * Read back only to the last release before the previous window (3.1.2, less a week), #1 and #2 are not in the
 * history: the deploy wait began the window with no change waiting, where two were.
 */
function flaskShaped(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2024-10-01T00:00:00Z' },
    { tag: '3.1.0', annotated: true, at: '2024-11-13T10:00:00Z' },
    { branch: 'stable' },
    { branch: 'a' },
    { commit: 'Add the blueprint loader', on: 'a', at: '2025-01-09T10:00:00Z' },
    { merge: 'a', at: '2025-01-10T10:00:00Z', message: 'Merge pull request #1 from acme/a\n\nAdd the blueprint loader' },
    { commit: 'Fix the session cookie', on: 'stable', at: '2025-05-12T10:00:00Z' },
    { tag: '3.1.1', annotated: true, at: '2025-05-13T10:00:00Z' },
    { branch: 'b', from: 'main' },
    { commit: 'Add async views', on: 'b', at: '2025-06-01T10:00:00Z' },
    { merge: 'b', at: '2025-06-02T10:00:00Z', message: 'Merge pull request #2 from acme/b\n\nAdd async views' },
    { commit: 'Fix the debugger pin', on: 'stable', at: '2025-08-18T10:00:00Z' },
    { tag: '3.1.2', annotated: true, at: '2025-08-19T10:00:00Z' },
    { branch: 'c', from: 'main' },
    { commit: 'Drop Python 3.9', on: 'c', at: '2026-02-01T10:00:00Z' },
    { merge: 'c', at: '2026-02-02T10:00:00Z', message: 'Merge pull request #3 from acme/c\n\nDrop Python 3.9' },
    { commit: 'Fix the static route', on: 'stable', at: '2026-02-18T10:00:00Z' },
    { tag: '3.1.3', annotated: true, at: '2026-02-19T10:00:00Z' },
  ]);
}

describe('changes still waiting, merged before the last release of another line', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = flaskShaped();
    report = await audit({ path: repo.dir, since: '2026-01-09', until: '2026-04-09', now: '2026-04-09T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('starts the deploy wait with the changes of main that no release holds, and ends it with them', () => {
    const wait = report.summary.queueTrend.deploy!;
    expect([wait.queueStart, wait.arrivals, wait.departures, wait.queueEnd]).toEqual([2, 1, 0, 3]);
    // the week of #3's merge (2026-02-02) is the first with three waiting
    expect(report.summary.queues.deploy?.map((w) => w.queue)).toEqual([2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('still reads no further back than a year before the previous window', async () => {
    // the window 2027-01-09 → 04-09: the one before it starts 2026-10-11, and nothing committed a year before that
    // (2025-10-11) is read, so #1 and #2 are left out; #3 is still waiting
    const later = await audit({ path: repo.dir, since: '2027-01-09', until: '2027-04-09', now: '2027-04-09T00:00:00Z', github: false });
    expect(later.summary.queueTrend.deploy?.queueStart).toBe(1);
  });
});
