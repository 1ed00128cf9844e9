import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/*
 * A window is measured as of its end (SPEC section 6). The window [2026-03-01, 2026-03-09) of a clone read on
 * 2026-03-10, and of the same clone fetched and read again on 2026-03-20, after three more things happened:
 *   #1  first commit 03-02 10:00, merged 03-03 12:00, shipped by v1.0.0 03-04 12:00
 *   #2  first commit 03-05 10:00, merged 03-06 12:00: not deployed by the window's end
 * then, after the window:
 *   #3  first commit 03-08 10:00 (in the window), merged 03-12 12:00
 *   a revert of #1 on 03-10 12:00 (within 14 days of v1.0.0: it would fail it)
 *   v1.1.0 03-13 12:00 ships #2, the revert and #3
 * Read on 03-20, the window's report once said #2 shipped (lead time 8d 2h), v1.0.0 failed (a 100% change
 * failure rate) and #3 waited in its coding queue; read on 03-10, none of it. As of the window's end none of it had
 * happened: both reads say the same, byte for byte but the time it was generated.
 */
const LATER_TAGS = ['v1.1.0'];
let repo: FixtureRepo;
let fullTip: string;
let laterTags: Map<string, string>;
let windowTip: string;

beforeAll(() => {
  repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { tag: 'v0.1.0', annotated: true, at: '2026-03-01T01:00:00Z' },
    { branch: 'f1', from: 'main' },
    { commit: 'feat: one', on: 'f1', at: '2026-03-02T10:00:00Z' },
    { merge: 'f1', at: '2026-03-03T12:00:00Z', message: 'Merge pull request #1 from ada/f1\n\nfeat: one', id: 'one' },
    { tag: 'v1.0.0', annotated: true, at: '2026-03-04T12:00:00Z' },
    { branch: 'f2', from: 'main' },
    { commit: 'feat: two', on: 'f2', at: '2026-03-05T10:00:00Z' },
    { merge: 'f2', at: '2026-03-06T12:00:00Z', message: 'Merge pull request #2 from ada/f2\n\nfeat: two', id: 'two' },
    { branch: 'f3', from: 'main' },
    { commit: 'feat: three', on: 'f3', at: '2026-03-08T10:00:00Z' },
    { commit: (sha) => `Revert "feat: one"\n\nThis reverts commit ${sha('one')}.`, on: 'main', at: '2026-03-10T12:00:00Z', files: { 'file-1.txt': null } },
    { merge: 'f3', at: '2026-03-12T12:00:00Z', message: 'Merge pull request #3 from ada/f3\n\nfeat: three' },
    { tag: 'v1.1.0', annotated: true, at: '2026-03-13T12:00:00Z' },
  ]);
  fullTip = repo.git('rev-parse', 'main');
  windowTip = repo.sha('two');
  laterTags = new Map(LATER_TAGS.map((t) => [t, repo.git('rev-parse', `refs/tags/${t}`)]));
});
afterAll(() => repo.cleanup());
afterEach(() => {
  vi.useRealTimers();
  setClone('fetched');
});

/** The clone as it was before the later history was fetched, or after. */
function setClone(state: 'before' | 'fetched'): void {
  if (state === 'before') {
    repo.git('update-ref', 'refs/heads/main', windowTip);
    for (const tag of LATER_TAGS) repo.git('update-ref', '-d', `refs/tags/${tag}`);
    return;
  }
  repo.git('update-ref', 'refs/heads/main', fullTip);
  for (const [tag, object] of laterTags) repo.git('update-ref', `refs/tags/${tag}`, object);
}

/** The CLI run with the clock at `clock`. */
async function at(clock: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(clock));
  try {
    return await runCli(args);
  } finally {
    vi.useRealTimers();
  }
}

const WINDOW = ['--since', '2026-03-01', '--until', '2026-03-09', '--no-github'];
const withoutGeneratedAt = (json: string): string => json.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "…"');

describe('a closed window', () => {
  it('reads the same on 03-10 and, after more history was fetched, on 03-20', async () => {
    setClone('before');
    const early = await at('2026-03-10T00:00:00Z', ['report', repo.dir, '--format', 'json', ...WINDOW]);
    setClone('fetched');
    const late = await at('2026-03-20T00:00:00Z', ['report', repo.dir, '--format', 'json', ...WINDOW]);
    expect(early.code).toBe(0);
    expect(late.code).toBe(0);
    expect(withoutGeneratedAt(late.stdout)).toBe(withoutGeneratedAt(early.stdout));
  });

  it('is measured at its end: the deploy after it ships nothing in it, waiting runs to it', async () => {
    const { stdout } = await at('2026-03-20T00:00:00Z', ['report', repo.dir, '--format', 'json', ...WINDOW]);
    const report = JSON.parse(stdout) as Report;
    expect(report.now).toBe('2026-03-09T00:00:00Z');
    const two = report.changes.find((c) => c.number === 2);
    expect(two?.deployedAt).toBeNull();
    // #2 merged 03-06 12:00 and waited to 03-09 00:00: 2d 12h
    expect(report.summary.unreleased).toMatchObject({ count: 1, p50Age: 2.5 * 86400 });
    // its lead time so far, 03-05 10:00 → 03-09 00:00, is a bound of the censored median's
    expect(report.summary.leadTime.censored).toBe(1);
    // the revert of 03-10 had not landed: v1.0.0 had not failed
    expect(report.deploys.map((d) => [d.ref, d.failed])).toEqual([['v0.1.0', false], ['v1.0.0', false]]);
    expect(report.summary.dora.changeFailureRate.value).toBe(0);
    // #3's first commit was in the window, but it merged after it: no queue holds it
    expect(report.changes.map((c) => c.number)).toEqual([null, 1, 2]);
    expect(report.queueOnlyChanges).toEqual([]);
  });

  it('says "as of" its end in every format', async () => {
    for (const [format, expected] of [
      ['text', '2026-03-01 → 2026-03-09 UTC, as of 2026-03-09'],
      ['markdown', '**window** 2026-03-01 → 2026-03-09, as of 2026-03-09'],
      ['html', '2026-03-01 → 2026-03-09, as of 2026-03-09 ·'],
    ] as const) {
      const { stdout } = await at('2026-03-20T00:00:00Z', ['report', repo.dir, '--format', format, '--width', '200', ...WINDOW]);
      expect(stdout).toContain(expected);
    }
    const text = await at('2026-03-20T00:00:00Z', ['report', repo.dir, '--width', '200', '--no-color', ...WINDOW]);
    expect(text.stdout).toContain('1 change merged in the window, not deployed at 2026-03-09');
  });

  it('is measured at --now when given: it overrides the window\'s end', async () => {
    const { stdout } = await at('2026-03-20T00:00:00Z', ['report', repo.dir, '--format', 'json', ...WINDOW, '--now', '2026-03-20T00:00:00Z']);
    const report = JSON.parse(stdout) as Report;
    expect(report.now).toBe('2026-03-20T00:00:00Z');
    // v1.1.0 (03-13 12:00) shipped #2: first commit 03-05 10:00 → 8d 2h
    expect(report.changes.find((c) => c.number === 2)?.leadTime).toBe(8 * 86400 + 2 * 3600);
    expect(report.deploys.find((d) => d.ref === 'v1.0.0')?.failed).toBe(true);
  });
});

describe('a clone not fetched for weeks', () => {
  it('names the age of its newest commit on stderr and in the report, when the window runs to now', async () => {
    setClone('before');
    // the newest commit, #2's merge, 2026-03-06 12:00; now 2026-04-10 00:00: 34 days and 12 hours
    const { code, stdout, stderr } = await at('2026-04-10T00:00:00Z', ['report', repo.dir, '--no-github', '--no-color', '--width', '200']);
    expect(code).toBe(0);
    const said = "the newest commit is 34 days old at the window's end (2026-04-10): fetch, or set --until";
    expect(stderr).toContain(`warning: ${said}`);
    expect(stdout).toContain("The newest commit is 34 days old at the window's end (2026-04-10): fetch, or set --until.");
    // a window that ends by the newest commit says nothing of it
    const closed = await at('2026-04-10T00:00:00Z', ['report', repo.dir, '--no-github', ...WINDOW.slice(0, 4)]);
    expect(closed.stderr).not.toContain('newest commit');
  });
});
