import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A backport marked so in its title that landed on its line seconds before the change it copies merged, as vitest's
 * `docs: update latitude logo [backport to v4] (#10803)` landed on v4 3 seconds before main's #10802. May 2026, UTC:
 *  #10  `docs: update the logo` merged 03 10:00:00; `docs: update the logo [backport to v1] (#20)` on 1.x 03 09:59:57
 *  #11  `docs: update the sponsors` merged 03 12:00; its marked backport (#21) on 1.x 03 11:00, an hour before: no copy
 *  v1.0.1 tags 1.x 04 12:00
 */
function together(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: '1.x' },
    { commit: 'docs: update the logo [backport to v1] (#20)', on: '1.x', at: '2026-05-03T09:59:57Z' },
    { commit: 'docs: update the logo (#10)', on: 'main', at: '2026-05-03T10:00:00Z' },
    { commit: 'docs: update the sponsors [backport to v1] (#21)', on: '1.x', at: '2026-05-03T11:00:00Z' },
    { commit: 'docs: update the sponsors (#11)', on: 'main', at: '2026-05-03T12:00:00Z' },
    { tag: 'v1.0.1', ref: '1.x', annotated: true, at: '2026-05-04T12:00:00Z' },
  ]);
}

describe('a marked backport that landed as the change merged', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = together();
    report = await audit({ path: repo.dir, since: '2026-05-02', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  const deployRef = (number: number): string | null | undefined => report.changes.find((c) => c.number === number)?.deployRef;

  it('ships the change with the line\'s release when the two merged within minutes, not an hour apart', () => {
    expect(deployRef(10)).toBe('v1.0.1');
    expect(deployRef(11)).toBeNull();
  });
});
