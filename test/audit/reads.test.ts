import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReads } from '../../src/audit/reads.js';
import { openRepository, resolveBranch } from '../../src/sources/git/repo.js';
import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T12:00:00Z`;
const epoch = (day: number): number => Date.parse(at(day)) / 1000;

/**
 * main: c1 (day 1) … c6 (day 6), each adding lines; `side` branches at c3 with s1 (day 4) and is checked out at
 * the end, so HEAD's line is not main's.
 */
let repo: FixtureRepo;
beforeAll(() => {
  repo = buildRepo([
    ...[1, 2, 3].map((d) => ({ commit: `c${d}`, at: at(d), files: { [`f${d}.txt`]: lines(d * 10) }, id: `c${d}` })),
    { branch: 'side' },
    { commit: 's1', on: 'side', at: at(4), files: { 's.txt': lines(5) }, id: 's1' },
    ...[4, 5, 6].map((d) => ({ commit: `c${d}`, on: 'main', at: at(d), files: { [`f${d}.txt`]: lines(d * 10) }, id: `c${d}` })),
  ]);
  repo.git('checkout', '-q', 'side');
});
afterAll(() => repo.cleanup());

describe('the audit\'s early reads', { timeout: 10_000 }, () => {
  it('reads the branch audited down to the first commit before the start, though HEAD is another branch', async () => {
    const reads = startReads(repo.dir, { branch: undefined, headFrom: 0 });
    const info = await openRepository(repo.dir);
    const branch = await resolveBranch(info, 'main');
    const sizes = reads.branchKnown(info, branch, []);
    const span = await reads.span(info, branch.tip, epoch(4), epoch(4));
    expect(span.boundary?.sha).toBe(repo.sha('c3'));
    expect(span.above).toEqual(['c6', 'c5', 'c4'].map((id) => repo.sha(id)));
    // the sizes stop at that boundary: main's three commits above it, not side's
    const { sizes: read } = await sizes.read;
    expect([...read.keys()].sort()).toEqual(['c4', 'c5', 'c6'].map((id) => repo.sha(id)).sort());
    expect(read.get(repo.sha('c5'))).toEqual({ additions: 50, deletions: 0, files: 1 });
    reads.stop();
  });

  it('reads the history back over the previous period while the sizes stop at the window\'s own start', async () => {
    const reads = startReads(repo.dir, { branch: 'main', headFrom: 0 });
    const info = await openRepository(repo.dir);
    const branch = await resolveBranch(info, 'main');
    const sizes = reads.branchKnown(info, branch, []);
    // history from day 2 (c1 the boundary), sizes from day 5 (c4 their boundary)
    const span = await reads.span(info, branch.tip, epoch(2), epoch(5));
    expect(span.boundary?.sha).toBe(repo.sha('c1'));
    expect(span.above).toEqual(['c6', 'c5', 'c4', 'c3', 'c2'].map((id) => repo.sha(id)));
    const { sizes: read } = await sizes.read;
    expect([...read.keys()].sort()).toEqual(['c5', 'c6'].map((id) => repo.sha(id)).sort());
    reads.stop();
  });

  it('stops every read when the audit ends early: the pull refs and the sizes reject, aborted, and later sizes never start', async () => {
    const first = startReads(repo.dir, { branch: undefined, headFrom: 0 });
    first.stop();
    await expect(first.pullRefs).rejects.toThrow(/abort/i);
    const reads = startReads(repo.dir, { branch: undefined, headFrom: 0 });
    const info = await openRepository(repo.dir);
    const sizes = reads.branchKnown(info, await resolveBranch(info, 'main'), []);
    reads.stop();
    await expect(sizes.read).rejects.toThrow(/abort/i);
    // sizes asked for after the stop are stopped as they start
    await expect(reads.branchKnown(info, await resolveBranch(info, 'main'), []).read).rejects.toThrow(/abort/i);
  });

  it('cancels the sizes when a step fails before they are needed, and passes the step\'s own error on', async () => {
    const reads = startReads(repo.dir, { branch: 'main', headFrom: 0 });
    const info = await openRepository(repo.dir);
    const sizes = reads.branchKnown(info, await resolveBranch(info, 'main'), []);
    await expect(reads.orCancel(Promise.reject(new Error('the config is wrong')))).rejects.toThrow('the config is wrong');
    await expect(sizes.read).rejects.toThrow(/abort/i);
    // a step that succeeds leaves them running
    const other = startReads(repo.dir, { branch: 'main', headFrom: 0 });
    const kept = other.branchKnown(info, await resolveBranch(info, 'main'), []);
    await expect(other.orCancel(Promise.resolve(7))).resolves.toBe(7);
    void other.span(info, (await resolveBranch(info, 'main')).tip, 0, 0);
    await expect(kept.read).resolves.toMatchObject({ unknown: [] });
    other.stop();
  });
});
