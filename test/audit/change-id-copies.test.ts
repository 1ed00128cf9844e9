import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const SIDE_EFFECTS = 'Ide64d7202102930b68a2ab903054d538cd2f99dd';
const LEXER = 'I452a8bb1392a4417194594bd2e1e37b9e56fee26';
const OTHER = 'I0123456789abcdef0123456789abcdef01234567';

/*
 * Gerrit's cherry-pick to a release line keeps the change's `Change-Id:` where the author date moves (sqlalchemy's
 * rel_2_0 `dont produce side effects for do_orm_execute`, authored 42 hours after main's, shipped in rel_2_0_50 and
 * read as never released). 2026, UTC:
 *  v1.0.0  tags the initial commit 01-01; release-1.0 leaves from there
 *  a       `dont produce side effects` on main, authored 01-09 10:00, Change-Id SIDE_EFFECTS
 *  b       `Fix the lexer` on main, authored 01-09 11:00, Change-Id LEXER
 *  copy    on release-1.0, a's subject and Change-Id, authored 01-11 (Gerrit's pick made it anew)
 *  fix     on release-1.0, b's subject authored 01-11, another Change-Id: a fix of its own, no copy of b
 *  v1.0.1  tags the line 01-13; v1.1.0 tags main 02-01
 */
function picked(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
    { branch: 'release-1.0' },
    { commit: `dont produce side effects\n\nFixes: #13290\nChange-Id: ${SIDE_EFFECTS}`, on: 'main', at: '2026-01-09T10:00:00Z' },
    { commit: `Fix the lexer\n\nChange-Id: ${LEXER}`, on: 'main', at: '2026-01-09T11:00:00Z' },
    { commit: `dont produce side effects\n\nFixes: #13290\nChange-Id: ${SIDE_EFFECTS}`, on: 'release-1.0', at: '2026-01-11T10:00:00Z' },
    { commit: `Fix the lexer\n\nChange-Id: ${OTHER}`, on: 'release-1.0', at: '2026-01-11T11:00:00Z' },
    { tag: 'v1.0.1', annotated: true, at: '2026-01-13T10:00:00Z' },
    { commit: 'Add the formatter', on: 'main', at: '2026-01-20T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-02-01T10:00:00Z' },
  ]);
}

describe("a release line's cherry-pick that keeps only the change's Gerrit Change-Id", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = picked();
    report = await audit({ path: repo.dir, since: '2026-01-05', until: '2026-02-15', now: '2026-02-15T00:00:00Z', github: false });
  }, 30_000);
  afterAll(() => repo.cleanup());

  const deployOf = (title: string): string | null | undefined => report.changes.find((c) => c.title === title)?.deployRef;

  it("ships its change with the line's release, not the branch's later one", () => {
    expect(deployOf('dont produce side effects')).toBe('v1.0.1');
    expect(report.changes.find((c) => c.title === 'dont produce side effects')?.deployedAt).toBe('2026-01-13T10:00:00Z');
  });

  it('takes a line commit of the same subject and another Change-Id for no copy', () => {
    expect(deployOf('Fix the lexer')).toBe('v1.1.0');
  });
});
