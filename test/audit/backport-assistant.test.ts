import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * Backports as hashicorp's backport-assistant lands them on terraform's release lines (v1.14, v1.15): a squash by
 * `github-actions[bot]` titled `Backport of <the pull request's title> into v1.14 (#M)`, its body a list of
 * `* backport of commit <sha>` lines naming the commits of the pull request it copies — or nothing (terraform's
 * `Backport of Colorize diag details into v1.14 (#38148)`), or the squashed commits' messages — and its subject
 * sometimes the line alone (`backport of commit bef9a97… (#38333)`). Terraform's #37982 was merged to main on
 * 2025-12-12 and backported as `Backport of stacks: Make path.module and path.root relative, to match documentation
 * into v1.14 (#38008)`, `* backport of commit 116646ac…`, shipped in v1.14.3 on 2025-12-17; without these forms
 * read, 69 of the year's changes waited for the next minor release (v1.14.0, v1.15.0) instead. 2026, UTC:
 *  v1.0.0  tags the initial commit 01-01; the line v1.0 leaves from there
 *  #1      `Fix the parser`, one commit on its branch (authored 01-09), merged 01-10
 *  #2      `Colorize the output`, one commit (authored 01-11), merged 01-12
 *  #3      `Speed up the loader`, merged 01-13
 *  on v1.0, by the bot (another author, another date): `backport of commit <#1's commit> (#4)` 01-14,
 *          `Backport of Colorize the output into v1.0 (#5)` with no body 01-15, and
 *          `Backport of Speed up the loader into v1.0 (#6)` with its body's `* backport of commit <#3's commit>` 01-16
 *  v1.0.1  tags the line 01-20; v1.1.0 tags main 02-01
 * #1, #2 and #3 ship first with v1.0.1.
 */
const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

function assisted(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
    { branch: 'v1.0' },
    { branch: 'parser' },
    { commit: 'Fix the parser', on: 'parser', at: '2026-01-09T10:00:00Z', id: 'parser' },
    { merge: 'parser', at: '2026-01-10T10:00:00Z', message: 'Merge pull request #1 from acme/parser\n\nFix the parser' },
    { branch: 'colors' },
    { commit: 'Colorize the output', on: 'colors', at: '2026-01-11T10:00:00Z' },
    { merge: 'colors', at: '2026-01-12T10:00:00Z', message: 'Merge pull request #2 from acme/colors\n\nColorize the output' },
    { branch: 'loader' },
    { commit: 'Speed up the loader', on: 'loader', at: '2026-01-12T11:00:00Z', id: 'loader' },
    { merge: 'loader', at: '2026-01-13T10:00:00Z', message: 'Merge pull request #3 from acme/loader\n\nSpeed up the loader' },
    { commit: (sha) => `backport of commit ${sha('parser')} (#4)`, on: 'v1.0', at: '2026-01-14T10:00:00Z', author: BOT },
    { commit: 'Backport of Colorize the output into v1.0 (#5)', on: 'v1.0', at: '2026-01-15T10:00:00Z', author: BOT },
    { commit: (sha) => `Backport of Speed up the loader into v1.0 (#6)\n\n* backport of commit ${sha('loader')}\n`, on: 'v1.0', at: '2026-01-16T10:00:00Z', author: BOT },
    { tag: 'v1.0.1', annotated: true, at: '2026-01-20T10:00:00Z' },
    { commit: 'Add the formatter', on: 'main', at: '2026-01-25T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-02-01T10:00:00Z' },
  ]);
}

describe("backports by hashicorp's backport-assistant", () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = assisted();
    report = await audit({ path: repo.dir, since: '2026-01-05', until: '2026-02-15', now: '2026-02-15T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('ships a change whose commit a `backport of commit <sha>` line names with the line\'s release', () => {
    expect(report.changes.find((c) => c.number === 1)?.deployedAt).toBe('2026-01-20T10:00:00Z');
    expect(report.changes.find((c) => c.number === 3)?.deployedAt).toBe('2026-01-20T10:00:00Z');
  });

  it('ships a change that `Backport of <its title> into <line>` names with the line\'s release', () => {
    expect(report.changes.find((c) => c.number === 2)?.deployedAt).toBe('2026-01-20T10:00:00Z');
  });

  it('counts v1.0.1 a deploy of the three', () => {
    expect(report.deploys.find((d) => d.ref === 'v1.0.1')?.changes).toBe(3);
  });
});

/*
 * A `Backport of <title> into <line>` whose title several changes bear links the latest of them merged before the
 * backport was made, and none merged after it: `Update the changelog` landed on main as #1 (01-10) and #3 (01-20);
 * the line's `Backport of Update the changelog into v1.0 (#2)` of 01-12 copies #1, and #3 waits for v1.1.0.
 */
function sameTitle(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-01-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-01-01T01:00:00Z' },
    { branch: 'v1.0' },
    { branch: 'one' },
    { commit: 'Update the changelog', on: 'one', at: '2026-01-09T10:00:00Z' },
    { merge: 'one', at: '2026-01-10T10:00:00Z', message: 'Merge pull request #1 from acme/one\n\nUpdate the changelog' },
    { commit: 'Backport of Update the changelog into v1.0 (#2)', on: 'v1.0', at: '2026-01-12T10:00:00Z', author: BOT },
    { branch: 'two', from: 'main' },
    { commit: 'Update the changelog', on: 'two', at: '2026-01-19T10:00:00Z' },
    { merge: 'two', at: '2026-01-20T10:00:00Z', message: 'Merge pull request #3 from acme/two\n\nUpdate the changelog' },
    { tag: 'v1.0.1', ref: 'v1.0', annotated: true, at: '2026-01-25T10:00:00Z' },
    { tag: 'v1.1.0', annotated: true, at: '2026-02-01T10:00:00Z' },
  ]);
}

describe('a backport titled as several changes', () => {
  let repo: FixtureRepo;
  let report: Report;
  beforeAll(async () => {
    repo = sameTitle();
    report = await audit({ path: repo.dir, since: '2026-01-05', until: '2026-02-15', now: '2026-02-15T00:00:00Z', github: false });
  });
  afterAll(() => repo.cleanup());

  it('links the one merged last before the backport was made, and no later one', () => {
    expect(report.changes.find((c) => c.number === 1)?.deployedAt).toBe('2026-01-25T10:00:00Z');
    expect(report.changes.find((c) => c.number === 3)?.deployedAt).toBe('2026-02-01T10:00:00Z');
  });
});
