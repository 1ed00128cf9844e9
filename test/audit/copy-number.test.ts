import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const ED = 'Ed <ed@example.com>';

/*
 * tokio's shape (May 2026, UTC): main squashes `Fix the parser (#10)` (02 10:00); the line `1.x` takes it picked
 * with its author and author date but under its backport's own number, `Fix the parser (#20)` (committed 04
 * 09:00, no cherry-pick line), and releases v1.0.1 (05 12:00); main releases v2.0.0 on 08 12:00. #10 first ships
 * with v1.0.1. `Add the lexer (#11)` (02 11:00) has a line commit of the same title under #21 but another author
 * date (written again, not picked): it waits for v2.0.0.
 */
function pickedUnderItsOwnNumber(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: '1.x' },
    { commit: 'Fix the parser (#10)', author: ED, at: '2026-05-02T10:00:00Z' },
    { commit: 'Add the lexer (#11)', author: ED, at: '2026-05-02T11:00:00Z' },
    { commit: 'Fix the parser (#20)', on: '1.x', author: ED, authorAt: '2026-05-02T10:00:00Z', at: '2026-05-04T09:00:00Z' },
    { commit: 'Add the lexer (#21)', on: '1.x', author: ED, authorAt: '2026-05-03T11:00:00Z', at: '2026-05-04T10:00:00Z' },
    { tag: 'v1.0.1', ref: '1.x', annotated: true, at: '2026-05-05T12:00:00Z' },
    { tag: 'v2.0.0', ref: 'main', annotated: true, at: '2026-05-08T12:00:00Z' },
  ]);
}

describe('a pick onto a release line under its backport\'s own number', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = pickedUnderItsOwnNumber();
    report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-10', now: '2026-05-10T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('is the change\'s copy: same author, author date and title, whatever number ends it', () => {
    const deployOf = (id: string): [string | null | undefined, string | null | undefined] => {
      const c = report.changes.find((x) => x.id === id);
      return [c?.deployRef, c?.deployedAt];
    };
    expect(deployOf('#10')).toEqual(['v1.0.1', '2026-05-05T12:00:00Z']);
    // the same title written again on another day is no copy
    expect(deployOf('#11')).toEqual(['v2.0.0', '2026-05-08T12:00:00Z']);
    expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.0.1', 'v2.0.0']);
  });
});
