import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A backport made again from main's change, as containerd makes some: a pull request into `release/1.0` titled
 * `[release/1.0] <main's title>`, of new commits (another author date, no cherry-pick line), merged with a merge
 * commit whose body's first line is that title. containerd's #13600 (`vendor: golang.org/x/crypto v0.53.0`) shipped
 * in v2.2.5 by its #13608 and read as never released. 2026, UTC:
 *  v1.0.0   tags the initial commit 05-01; release/1.0 leaves from there
 *  #10      `vendor: golang.org/x/crypto v0.53.0`, merged on main 05-02
 *  #11      `[release/1.0] vendor: golang.org/x/crypto v0.53.0`, its own commit 05-03, merged into release/1.0 05-03
 *  #12      `[in_app] Add x` merged into release/1.0 05-03: a bracket naming no release line is the title's own
 *  v1.0.1   tags release/1.0 05-04; main is never tagged again
 */
let repo: FixtureRepo;
let report: Report;
beforeAll(async () => {
  repo = buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T01:00:00Z' },
    { branch: 'release/1.0' },
    { branch: 'crypto' },
    { commit: 'vendor: golang.org/x/crypto v0.53.0', on: 'crypto', at: '2026-05-02T09:00:00Z', files: { 'go.sum': 'x/crypto v0.53.0\n' } },
    { merge: 'crypto', into: 'main', at: '2026-05-02T12:00:00Z', message: 'Merge pull request #10 from ada/crypto\n\nvendor: golang.org/x/crypto v0.53.0' },
    { commit: 'Add x', on: 'main', at: '2026-05-02T13:00:00Z', files: { 'x.txt': 'x\n' } },
    { branch: 'backport', from: 'release/1.0' },
    { commit: 'vendor: golang.org/x/crypto v0.53.0', on: 'backport', at: '2026-05-03T09:00:00Z', files: { 'go.sum': 'x/crypto v0.53.0\n' } },
    { merge: 'backport', into: 'release/1.0', at: '2026-05-03T12:00:00Z', message: 'Merge pull request #11 from ada/backport\n\n[release/1.0] vendor: golang.org/x/crypto v0.53.0' },
    { branch: 'inapp', from: 'release/1.0' },
    { commit: 'Add x', on: 'inapp', at: '2026-05-03T13:00:00Z', files: { 'x.txt': 'x\n' } },
    { merge: 'inapp', into: 'release/1.0', at: '2026-05-03T14:00:00Z', message: 'Merge pull request #12 from ada/inapp\n\n[in_app] Add x' },
    { tag: 'v1.0.1', annotated: true, at: '2026-05-04T12:00:00Z' },
  ]);
  repo.git('checkout', '-q', 'main');
  report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-15', now: '2026-05-15T00:00:00Z', github: false });
});
afterAll(() => repo.cleanup());

describe('a backport titled with the release line it goes to, made of new commits', () => {
  it('ships main\'s change of that title with the line\'s release', () => {
    expect(report.changes.find((c) => c.number === 10)?.deployRef).toBe('v1.0.1');
  });

  it('ships nothing by a bracket that names no release line', () => {
    expect(report.changes.find((c) => c.title === 'Add x')?.deployRef ?? null).toBeNull();
  });
});
