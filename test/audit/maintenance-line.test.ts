import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import type { Report, ReportChange } from '../../src/report/schema.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

const H = 3600;
const D = 86400;
const ED = 'Ed <ed@example.com>';

const find = (report: Report, id: string): ReportChange => {
  const found = report.changes.find((c) => c.id === id);
  if (!found) throw new Error(`no change ${id}`);
  return found;
};

/*
 * A maintenance line tracked, as nodejs/undici's `v6.x` and fastify's `4.x` are (May 2026, UTC). Main fixes the
 * parser (02 10:00) and releases v2.0.0 (03 12:00); the line `1.x`, cut at v1.0.0, takes a cherry-pick of the fix
 * (same author, author date and subject, committed 04 09:00) and releases v1.0.1 (05 12:00). Tracking `1.x`, the
 * fix ships with v1.0.1: deploy wait 1d 3h. Read with main's v2.0.0 as one of its releases, it shipped before it
 * merged (deploy wait 0) and v2.0.0 counted as a deploy of `1.x`.
 */
function maintenanceLine(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
    { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
    { branch: '1.x' },
    { commit: 'Fix the parser (#10)', author: ED, at: '2026-05-02T10:00:00Z' },
    { tag: 'v2.0.0', ref: 'main', annotated: true, at: '2026-05-03T12:00:00Z' },
    { commit: 'Fix the parser (#10)', on: '1.x', author: ED, authorAt: '2026-05-02T10:00:00Z', at: '2026-05-04T09:00:00Z' },
    { tag: 'v1.0.1', ref: '1.x', annotated: true, at: '2026-05-05T12:00:00Z' },
  ]);
}

describe('a maintenance line tracked ships in its own releases, not a newer line\'s', () => {
  let repo: FixtureRepo;
  const window = { since: '2026-05-01', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false } as const;
  beforeAll(() => {
    repo = maintenanceLine();
  });
  afterAll(() => repo.cleanup());

  it('ships the line\'s backport with its own release, and counts no newer major as its deploy', async () => {
    const report = await audit({ path: repo.dir, branch: '1.x', ...window });
    expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.0.1']);
    const fix = find(report, '#10');
    expect([fix.deployedAt, fix.stages.deploy, fix.flags.includes('deployed-before-merge')]).toEqual(['2026-05-05T12:00:00Z', D + 3 * H, false]);
  });

  it('leaves main, which is no release line, reading its own and the line\'s releases as before', async () => {
    const report = await audit({ path: repo.dir, ...window });
    expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v2.0.0']);
    expect(find(report, '#10').deployedAt).toBe('2026-05-03T12:00:00Z');
  });
});

describe('tags of a newer line, by the tags the tracked line reaches', () => {
  it('keeps the line\'s own and older lines\' tags, and drops those above its newest own, product by product', async () => {
    const { withoutNewerLines } = await import('../../src/model/release-tags.js');
    // the line reaches v6.28.0 and cli-v2.0.0 (a pre-release or a tag the pattern leaves out counts as reached too)
    const tags = ['v6.27.0', 'v6.28.0', 'v5.29.0', 'v7.16.0', 'v8.2.0', 'cli-v1.9.0', 'cli-v3.0.0', 'cli-v2.1.0'].map((name) => ({ name }));
    const kept = withoutNewerLines(tags, new Set(['v6.27.0', 'v6.28.0', 'cli-v2.0.0']));
    expect(kept.map((t) => t.name)).toEqual(['v6.27.0', 'v6.28.0', 'v5.29.0', 'cli-v1.9.0']);
    // a product the line has no tag of keeps every tag of it
    expect(withoutNewerLines([{ name: 'api-v9.0.0' }], new Set(['v6.28.0'])).map((t) => t.name)).toEqual(['api-v9.0.0']);
  });

  it('drops a pre-release above the line\'s own pre-release of its version, and keeps the final of that version', async () => {
    const { withoutNewerLines } = await import('../../src/model/release-tags.js');
    // tracing's `v0.1.x` reaches tracing-mock-0.1.0-beta.1; main tagged beta.2 and beta.3 after it
    const tags = ['mock-0.1.0-beta.1', 'mock-0.1.0-beta.2', 'mock-0.1.0-beta.3', 'mock-0.1.0-alpha.2', 'mock-0.1.0', 'mock-0.2.0-beta.1'].map((name) => ({ name }));
    expect(withoutNewerLines(tags, new Set(['mock-0.1.0-beta.1'])).map((t) => t.name)).toEqual(['mock-0.1.0-beta.1', 'mock-0.1.0-alpha.2', 'mock-0.1.0']);
    // the line's final of the version is above each of its pre-releases, wherever they were tagged
    expect(withoutNewerLines(tags, new Set(['mock-0.1.0', 'mock-0.1.0-beta.1'])).map((t) => t.name)).toEqual(['mock-0.1.0-beta.1', 'mock-0.1.0-beta.2', 'mock-0.1.0-beta.3', 'mock-0.1.0-alpha.2', 'mock-0.1.0']);
  });
});

/*
 * tokio-rs/tracing's shape (May 2026, UTC): the line `1.x` releases v1.0.0 and the pre-release v1.1.0-beta.1 (#1,
 * 02 12:00), lands #2 (03 10:00) and, apart from main, #4 (05 10:00); main, which goes on from #2, tags its own
 * v1.1.0-beta.2 (#3, 04 12:00). Tracking `1.x`, #1, #2 and #4 wait, and only its own beta.1 holds one of them (#1);
 * main's beta.2 holds #1 and #2, and the note named it: tracing's `v0.1.x` read "28 of the 29 changes not yet
 * deployed are in the pre-release tracing-mock-0.1.0-beta.3", a beta of main's tagged five months after the line's last commit.
 */
describe('a maintenance line\'s changes waiting are in its own pre-releases, not a newer line\'s', () => {
  let repo: FixtureRepo;
  const window = { since: '2026-05-01', until: '2026-05-06', now: '2026-05-06T00:00:00Z', github: false } as const;
  const note = (report: Report): string | undefined => report.notes.find((n) => n.includes('pre-release'));
  beforeAll(() => {
    repo = buildRepo([
      { commit: 'initial commit', at: '2026-05-01T00:00:00Z' },
      { tag: 'v1.0.0', annotated: true, at: '2026-05-01T12:00:00Z' },
      { commit: 'Prepare v1.1.0-beta.1 (#1)', at: '2026-05-02T10:00:00Z' },
      { tag: 'v1.1.0-beta.1', annotated: true, at: '2026-05-02T12:00:00Z' },
      { commit: 'Fix the parser (#2)', author: ED, at: '2026-05-03T10:00:00Z' },
      { branch: '1.x' },
      { commit: 'Prepare v1.1.0-beta.2 (#3)', at: '2026-05-04T10:00:00Z' },
      { tag: 'v1.1.0-beta.2', annotated: true, at: '2026-05-04T12:00:00Z' },
      { commit: 'Tidy the docs (#4)', on: '1.x', at: '2026-05-05T10:00:00Z' },
    ]);
  });
  afterAll(() => repo.cleanup());

  it('names the line\'s own pre-release and what it holds, and counts only it with --include-prereleases', async () => {
    const report = await audit({ path: repo.dir, branch: '1.x', ...window });
    expect(report.summary.unreleased.count).toBe(3);
    expect(note(report)).toBe('1 of the 3 changes not yet deployed is in the pre-release v1.1.0-beta.1 (2026-05-02): a pre-release is a test build, not a deploy. With --include-prereleases, pre-releases count as deploys.');
    const counted = await audit({ path: repo.dir, branch: '1.x', ...window, includePrereleases: true });
    expect(counted.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.1.0-beta.1']);
    expect(counted.summary.unreleased.count).toBe(2);
  });

  it('leaves main naming its own newest pre-release, which holds all three of its changes', async () => {
    const report = await audit({ path: repo.dir, ...window });
    expect(note(report)).toBe('3 of the 3 changes not yet deployed are in the pre-release v1.1.0-beta.2 (2026-05-04): a pre-release is a test build, not a deploy. With --include-prereleases, pre-releases count as deploys.');
  });
});
