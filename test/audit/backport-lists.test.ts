import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const H = 3600;
const D = 86400;

const find = (report: Report, id: string): ReportChange => {
  const found = report.changes.find((c) => c.id === id);
  if (!found) throw new Error(`no change ${id}`);
  return found;
};

const BORS = 'bors <bors@rust-lang.org>';
const WEIHANG = 'Weihang Lo <weihang@example.com>';

/*
 * rust-lang/cargo's backports, truth by construction (May 2026, UTC). bors merges each pull request; a backport
 * pull request to the release branch `rust-1.77.0` re-authors the commits it copies (a new author and date: no
 * copy key matches) and lists what it backports in its description, which bors writes into its merge:
 * `Stable backports:` then `- https://github.com/rust-lang/cargo/pull/13630` (cargo's #13654, Rust 1.77.1).
 *  #30 Do not strip debuginfo   merged 02 10:00   listed by URL: 0.77.1 (03 12:00) ships it, deploy 1d 2h
 *  #31 chore: update jobserver  merged 02 12:00   listed as `- #31`: 0.77.1, deploy 1d
 *  #32 Tidy the docs            merged 02 14:00   listed under `In order to make CI pass`, not backports, and not
 *                                                 on the line: 0.78.0 (05 12:00) ships it, deploy 2d 22h
 * Read without the list, #30 and #31 waited for 0.78.0 and 0.77.1 shipped nothing.
 */
function cargoBackports(): FixtureRepo {
  const description = [
    'Auto merge of #40 - weihanglo:rust-1.77.0-backport, r=epage',
    '',
    '[stable-1.77] Do not strip debuginfo by default for MSVC',
    '',
    'Stable backports:',
    '',
    '- https://github.com/rust-lang/cargo/pull/30',
    '- #31',
    '',
    'In order to make CI pass, the following PRs are also cherry-picked:',
    '',
    '- #32',
  ].join('\n');
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: '0.77.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: 'rust-1.77.0' },
    { branch: 'msvc' },
    { commit: 'Do not strip debuginfo by default for MSVC', on: 'msvc', author: 'Jakub <jakub@example.com>', at: '2026-05-02T09:00:00Z' },
    { merge: 'msvc', at: '2026-05-02T10:00:00Z', author: BORS, message: 'Auto merge of #30 - kobzol:msvc, r=weihanglo\n\nDo not strip debuginfo by default for MSVC' },
    { branch: 'jobserver' },
    { commit: 'chore: update jobserver', on: 'jobserver', author: 'Ed <ed@example.com>', at: '2026-05-02T11:00:00Z' },
    { merge: 'jobserver', at: '2026-05-02T12:00:00Z', author: BORS, message: 'Auto merge of #31 - ed:jobserver, r=epage\n\nchore: update jobserver' },
    { branch: 'docs' },
    { commit: 'Tidy the docs', on: 'docs', author: 'Ed <ed@example.com>', at: '2026-05-02T13:00:00Z' },
    { merge: 'docs', at: '2026-05-02T14:00:00Z', author: BORS, message: 'Auto merge of #32 - ed:docs, r=epage\n\nTidy the docs' },
    { branch: 'backport', from: 'rust-1.77.0' },
    { commit: 'Do not strip debuginfo by default for MSVC\n\nCo-authored-by: Jakub <jakub@example.com>', on: 'backport', author: WEIHANG, at: '2026-05-03T08:00:00Z' },
    { commit: 'chore: update jobserver', on: 'backport', author: WEIHANG, at: '2026-05-03T08:10:00Z' },
    { merge: 'backport', into: 'rust-1.77.0', at: '2026-05-03T09:00:00Z', author: BORS, message: description },
    { tag: '0.77.1', ref: 'rust-1.77.0', annotated: true, at: '2026-05-03T12:00:00Z' },
    { tag: '0.78.0', ref: 'main', annotated: true, at: '2026-05-05T12:00:00Z' },
  ]);
}

describe("backports a backport pull request lists (rust-lang/cargo's template)", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = cargoBackports();
    report = await audit({ path: repo.dir, since: '2026-05-01', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('ships each change the list names with the release line release, and not one listed under another heading', () => {
    const shipped = (id: string): [string | null, number | null] => [find(report, id).deployedAt, find(report, id).stages.deploy];
    expect(shipped('#30')).toEqual(['2026-05-03T12:00:00Z', D + 2 * H]);
    expect(shipped('#31')).toEqual(['2026-05-03T12:00:00Z', D]);
    expect(shipped('#32')).toEqual(['2026-05-05T12:00:00Z', 2 * D + 22 * H]);
    expect(report.deploys.map((d) => [d.ref, d.changes])).toEqual([
      ['0.77.0', 1],
      ['0.77.1', 2],
      ['0.78.0', 1],
    ]);
  });
});
