import { afterEach, describe, expect, it } from 'vitest';
import { fetchLinePulls } from '../../../src/sources/github/index.js';
import { namingLines } from '../../../src/sources/github/line-pulls.js';
import { at, invalidRequests, optionsFor, serve, tempDir } from './helpers.js';

const LINE_READ = 'ReleaseLinePullRequests';
const oid = (n: number): string => n.toString(16).padStart(40, 'e');

/** A merged pull request into `base`, updated when it merged. */
const pull = (number: number, base: string, time: string, body = ''): Record<string, unknown> => ({
  number, title: `PR ${number}`, body, baseRefName: base, headRefName: `bp-${number}`, author: { login: 'trop' },
  createdAt: time, updatedAt: time, mergedAt: time, mergeCommit: { oid: oid(number) },
});

/**
 * 1.x: #20 in the window (its description long, one line naming the original), #19 updated before it (2024-02);
 * 2.x: #30; 3.x: 130 pull requests in the window, more than a page; main: #1, not a release line's.
 */
function scenario(): { repositories: Record<string, { defaultBranchRef: unknown; pullRequests: Array<Record<string, unknown>> }> } {
  const body = ['Backport of #10', '', 'See that PR for details.', 'Notes: fixed a crash (#10 again)', 'Closes nothing'].join('\n');
  const many = Array.from({ length: 130 }, (_, i) => pull(100 + i, '3.x', new Date(Date.UTC(2024, 2, 2, 0, i)).toISOString()));
  return {
    repositories: {
      'acme/shop': {
        defaultBranchRef: { name: 'main' },
        pullRequests: [
          pull(1, 'main', '2024-03-05T10:00:00Z', 'Backport of #2'),
          pull(19, '1.x', '2024-02-10T10:00:00Z', 'Backport of #9'),
          pull(20, '1.x', '2024-03-10T10:00:00Z', body),
          pull(30, '2.x', '2024-03-11T10:00:00Z', 'Cherry pick of #12 on 2.x.'),
          ...many,
        ],
      },
    },
  };
}

const LINES = [{ name: '1.x', tip: 't1' }, { name: '2.x', tip: 't2' }, { name: '3.x', tip: 't3' }];

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(faults: Parameters<typeof serve>[1] = []): Promise<{ srv: Awaited<ReturnType<typeof serve>>; dir: string; data: ReturnType<typeof scenario> }> {
  const data = scenario();
  const srv = await serve(data as never, faults);
  const cache = tempDir();
  cleanups.push(() => srv.close(), () => cache.remove());
  return { srv, dir: cache.dir, data };
}

describe('merged pull requests into the active release lines', () => {
  it("reads every line's first page in one request, pages a long line on its own, and stops at the window's start", async () => {
    const { srv, dir } = await setUp();
    const read = await fetchLinePulls(optionsFor(srv, dir), LINES);
    expect(srv.requests.map((r) => r.operationName)).toEqual([LINE_READ, LINE_READ]);
    expect(invalidRequests(srv)).toEqual([]);
    expect(read.requests).toBe(2);
    const numbers = (base: string): number[] => read.pulls.filter((p) => p.base === base).map((p) => p.number);
    expect(numbers('1.x')).toEqual([20]);
    expect(numbers('2.x')).toEqual([30]);
    expect(numbers('3.x')).toHaveLength(130);
    expect(read.pulls.some((p) => p.number === 1)).toBe(false);
    // the follow-up asks only for the line that had more
    expect(srv.requests[1]?.variables).toMatchObject({ b0: '3.x' });
    expect(srv.requests[1]?.variables).not.toHaveProperty('b1');
  });

  it('keeps of a description only its first line and the lines naming a number, and the commit each landed as', async () => {
    const { srv, dir } = await setUp();
    const read = await fetchLinePulls(optionsFor(srv, dir), LINES.slice(0, 1));
    expect(read.pulls).toEqual([{
      number: 20, base: '1.x', title: 'PR 20', body: 'Backport of #10\nNotes: fixed a crash (#10 again)',
      mergedAt: at('2024-03-10T10:00:00Z'), updatedAt: at('2024-03-10T10:00:00Z'), mergeCommitSha: oid(20),
    }]);
  });

  it('a warm run asks nothing of a line whose tip has not moved; a moved line is read down to what the cache holds', async () => {
    const { srv, dir, data } = await setUp();
    const cold = await fetchLinePulls(optionsFor(srv, dir), LINES);
    const warm = await fetchLinePulls(optionsFor(srv, dir), LINES);
    expect(warm.requests).toBe(0);
    expect(warm.cachedLines).toBe(3);
    expect(warm.pulls).toEqual(cold.pulls);

    data.repositories['acme/shop']?.pullRequests.push(pull(21, '1.x', '2024-03-20T10:00:00Z', 'Backport #11'));
    const before = srv.requests.length;
    const moved = await fetchLinePulls(optionsFor(srv, dir), [{ name: '1.x', tip: 't1-later' }, ...LINES.slice(1)]);
    expect(moved.requests).toBe(1);
    expect(srv.requests[before]?.variables).toMatchObject({ b0: '1.x', first: 25 });
    expect(srv.requests[before]?.variables).not.toHaveProperty('b1');
    expect(moved.pulls.filter((p) => p.base === '1.x').map((p) => p.number)).toEqual([21, 20]);
    expect(moved.pulls).toHaveLength(cold.pulls.length + 1);
  });

  it('asks ten lines a request', async () => {
    const { srv, dir } = await setUp();
    const lines = Array.from({ length: 12 }, (_, i) => ({ name: `9.${i}.x`, tip: `t${i}` }));
    const read = await fetchLinePulls(optionsFor(srv, dir), lines);
    expect(read.requests).toBe(2);
    expect(Object.keys(srv.requests[1]?.variables ?? {}).filter((k) => /^b\d+$/.test(k))).toEqual(['b0', 'b1']);
  });

  it('names a line GitHub sent no list for, and reads it again on the next run', async () => {
    const { srv, dir } = await setUp([{ kind: 'rewrite', match: LINE_READ, set: { 'data.repository.l1': null } }]);
    const read = await fetchLinePulls(optionsFor(srv, dir), LINES.slice(0, 2));
    expect(read.missing).toEqual(['2.x']);
    expect(read.pulls.map((p) => p.number)).toEqual([20]);
    const again = await fetchLinePulls(optionsFor(srv, dir), LINES.slice(0, 2));
    expect(again.requests).toBe(1);
    expect(again.pulls.map((p) => p.number)).toEqual([20, 30]);
  });

  it('stops paging a line whose cursor comes back, says so, and reads it whole again on the next run', async () => {
    const { srv, dir } = await setUp([{ kind: 'cursorLoop', match: LINE_READ, at: 'data.repository.l0', times: -1 }]);
    const warnings: string[] = [];
    const read = await fetchLinePulls(optionsFor(srv, dir, { warn: (m) => warnings.push(m) }), [{ name: '3.x', tip: 't3' }]);
    expect(read.requests).toBeLessThanOrEqual(3);
    expect(warnings).toEqual([expect.stringMatching(/^GitHub's paging of the pull requests merged into 3\.x came back to a cursor/)]);
    srv.setFaults([]);
    const again = await fetchLinePulls(optionsFor(srv, dir), [{ name: '3.x', tip: 't3' }]);
    expect(again.requests).toBe(2);
    expect(again.pulls).toHaveLength(130);
  });

  it('with no cache asks every time', async () => {
    const { srv, dir } = await setUp();
    const options = optionsFor(srv, dir, { cache: { dir, noCache: true, refresh: false } });
    await fetchLinePulls(options, LINES.slice(0, 1));
    const again = await fetchLinePulls(options, LINES.slice(0, 1));
    expect(again.requests).toBe(1);
  });
});

describe('what of a description can name a change', () => {
  it('is its first line with more than white space, and each line naming #N or GH-N', () => {
    expect(namingLines('\n  \nAutomated cherry pick of #7: fix it\r\n\r\nSome words.\nRefs GH-9\n- item (#8)\nno number here')).toBe('Automated cherry pick of #7: fix it\nRefs GH-9\n- item (#8)');
    expect(namingLines('')).toBe('');
  });

  it('stops at 4,000 characters', () => {
    const long = namingLines(Array.from({ length: 300 }, (_, i) => `line ${i} names #${i}`).join('\n'));
    expect(long.length).toBeLessThanOrEqual(4000);
    expect(long.startsWith('line 0 names #0\nline 1 names #1')).toBe(true);
  });
});
