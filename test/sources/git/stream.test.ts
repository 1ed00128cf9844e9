import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/model/message.js';
import { readCommits } from '../../../src/sources/git/history.js';
import { readSizes } from '../../../src/sources/git/numstat.js';
import { firstParentBefore, openRepository, spanOf, splitPoint } from '../../../src/sources/git/repo.js';
import { startSizes } from '../../../src/audit/git-history.js';
import { buildRepo, lines, type FixtureRepo } from '../../helpers/git-fixture.js';

// git's output reaches the reader in pieces of at most 64 KiB: messages this long put many records across the
// cut between two pieces, and the accents put some cuts inside a character
const BODY = 'Prüfung der Änderung, ligne après ligne. '.repeat(300);

describe('records that span reads of the pipe', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = buildRepo([
      ...Array.from({ length: 30 }, (_, i) => ({ commit: `change ${i} — é\n\n${BODY}${i}`, at: `2026-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`, id: `c${i}` })),
      { branch: 'side', from: 'c5' },
      { commit: `side work\n\n${BODY}`, on: 'side', at: '2026-01-06T12:00:00Z', id: 'side' },
      { merge: 'side', at: '2026-01-31T10:00:00Z', message: 'Merge pull request #7 from ada/side', id: 'merge' },
    ]);
  });
  afterAll(() => repo.cleanup());

  it('reads every commit whole: subjects, parents and the facts of each message', async () => {
    const commits = await readCommits(repo.dir, [repo.sha('merge')], [], (message) => parseMessage(message));
    expect(commits.size).toBe(32);
    for (let i = 0; i < 30; i++) expect(commits.get(repo.sha(`c${i}`))?.subject).toBe(`change ${i} — é`);
    expect(commits.get(repo.sha('merge'))?.parents).toEqual([repo.sha('c29'), repo.sha('side')]);
    expect(commits.get(repo.sha('merge'))?.bodyFirstLine).toBe('');
    expect(commits.get(repo.sha('c0'))?.parents).toEqual([]);
    expect(commits.get(repo.sha('side'))?.authoredAt).toBe(Date.parse('2026-01-06T12:00:00Z') / 1000);
  });
});

describe('sizes read before the boundary of the history is known', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    // commit i adds i + 1 lines
    repo = buildRepo(Array.from({ length: 6 }, (_, i) => ({ commit: `c${i}`, at: `2026-02-0${i + 1}T10:00:00Z`, files: { [`f${i}.txt`]: lines(i + 1) }, id: `c${i}` })));
  });
  afterAll(() => repo.cleanup());
  const all = (): boolean => true;
  const added = (sizes: Map<string, { additions: number }>): Record<string, number> =>
    Object.fromEntries([0, 1, 2, 3, 4, 5].filter((i) => sizes.has(repo.sha(`c${i}`))).map((i) => [`c${i}`, sizes.get(repo.sha(`c${i}`))?.additions ?? -1]));

  it('stops at the boundary, whether it is known at once or only once git has printed past it', async () => {
    const atOnce = await readSizes(repo.dir, repo.sha('c5'), Promise.resolve(repo.sha('c2')), all);
    expect(added(atOnce.sizes)).toEqual({ c3: 4, c4: 5, c5: 6 });
    let found: (sha: string) => void = () => undefined;
    const late = readSizes(repo.dir, repo.sha('c5'), new Promise((resolve) => (found = resolve)), all);
    // git has read the whole line by now: what it printed from the boundary on is dropped
    await new Promise((resolve) => setTimeout(resolve, 300));
    found(repo.sha('c2'));
    expect(added((await late).sizes)).toEqual({ c3: 4, c4: 5, c5: 6 });
  });

  it('reads the whole line when there is no boundary', async () => {
    const whole = await readSizes(repo.dir, repo.sha('c5'), Promise.resolve(null), all);
    expect(added(whole.sizes)).toEqual({ c0: 1, c1: 2, c2: 3, c3: 4, c4: 5, c5: 6 });
    expect(whole.unknown).toEqual([]);
  });
});

describe('sizes of a long line, read in two halves side by side', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    // commit i adds i + 1 lines, committed on February i + 1 at 10:00
    repo = buildRepo(Array.from({ length: 6 }, (_, i) => ({ commit: `c${i}`, at: `2026-02-0${i + 1}T10:00:00Z`, files: { [`f${i}.txt`]: lines(i + 1) }, id: `c${i}` })));
  });
  afterAll(() => repo.cleanup());

  it('finds the boundary and the line above it', async () => {
    const info = await openRepository(repo.dir);
    const before = Date.parse('2026-02-02T12:00:00Z') / 1000;
    // c5, c4, c3, c2 are the history read; c1 is the newest commit before it
    const span = await firstParentBefore(info, repo.sha('c5'), before);
    expect(span).toEqual({ boundary: { sha: repo.sha('c1'), at: Date.parse('2026-02-02T10:00:00Z') / 1000 }, above: ['c5', 'c4', 'c3', 'c2'].map((c) => repo.sha(c)) });
    expect(await firstParentBefore(info, repo.sha('c5'), 0)).toEqual({ boundary: null, above: ['c5', 'c4', 'c3', 'c2', 'c1', 'c0'].map((c) => repo.sha(c)) });
  });

  it('finds the boundary on a line read further down than it, as the walk stopping there would', () => {
    // a clock-skewed commit (c, committed after b) and one whose date git could not give (NaN) are no boundary
    const line = { shas: ['t', 'a', 'b', 'c', 'd', 'e'], dates: [500, 400, 300, 350, Number.NaN, 100] };
    expect(spanOf(line, 320)).toEqual({ boundary: { sha: 'b', at: 300 }, above: ['t', 'a'] });
    expect(spanOf(line, 200)).toEqual({ boundary: { sha: 'e', at: 100 }, above: ['t', 'a', 'b', 'c', 'd'] });
    expect(spanOf(line, 50)).toEqual({ boundary: null, above: ['t', 'a', 'b', 'c', 'd', 'e'] });
  });

  it('splits a long line halfway down what the first read has left, while that is half the minimum', () => {
    const above = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    // nothing read yet: the middle of ten; four read: halfway down the six left; eight read: the two left split
    expect([splitPoint(above, 0, 4), splitPoint(above, 4, 4), splitPoint(above, 6, 4), splitPoint(above, 8, 4)]).toEqual(['f', 'h', 'i', 'j']);
    // one left (under half of four), fewer than none (the first read ran past the line), a line under the minimum
    expect([splitPoint(above, 9, 4), splitPoint(above, 12, 4), splitPoint(above, 0, 11)]).toEqual([null, null, null]);
    // a line of the minimum's length splits while half of it is left, as one just over it would have at its middle
    expect([splitPoint(above, 5, 10), splitPoint(above, 6, 10)]).toEqual(['h', null]);
  });

  it('gives every commit of the history read its own size once, the commit where the halves meet included', async () => {
    const info = await openRepository(repo.dir);
    const span = { boundary: { sha: repo.sha('c1'), at: 0 }, above: ['c5', 'c4', 'c3', 'c2'].map((c) => repo.sha(c)) };
    // split from two commits: the second half reads from c3, halfway down the four
    const read = await startSizes(info, repo.sha('c5'), Promise.resolve(span), [], 2).read;
    const additions = Object.fromEntries([...read.sizes].map(([sha, size]) => [[0, 1, 2, 3, 4, 5].find((i) => repo.sha(`c${i}`) === sha), size.additions]));
    expect(additions).toEqual({ 2: 3, 3: 4, 4: 5, 5: 6 });
    expect(read.unknown).toEqual([]);
  });
});
