import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEarlierLandings } from '../../../src/sources/git/history.js';
import { buildRepo, type FixtureRepo } from '../../helpers/git-fixture.js';

// what landed below a history read: each first-parent commit, and a merge's merged side, which says whether the
// merge carried a release (flask's `release version 3.1.0 (#5640)`, its side tagged 3.1.0)
describe('the first-parent commits below a history read', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
      { branch: 'stable' },
      { commit: 'release version 1.0.0', on: 'stable', at: '2026-01-02T09:00:00Z', id: 'release' },
      { merge: 'stable', into: 'main', at: '2026-01-02T10:00:00Z', message: 'release version 1.0.0 (#3)', id: 'merge' },
      { commit: 'start version 1.1.0', on: 'main', at: '2026-01-03T10:00:00Z', id: 'bump' },
    ]);
  });
  afterAll(() => repo.cleanup());

  it('lists them newest first, a merge with its merged side', async () => {
    const below = await readEarlierLandings(repo.dir, repo.sha('bump'), Date.parse('2025-12-01T00:00:00Z') / 1000);
    expect(below.map((l) => [l.subject, l.merge, l.side])).toEqual([
      ['start version 1.1.0', false, null],
      ['release version 1.0.0 (#3)', true, repo.sha('release')],
      ['initial commit', false, null],
    ]);
  });
});
