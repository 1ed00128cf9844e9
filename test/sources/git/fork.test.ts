import { describe, expect, it } from 'vitest';
import { lineSince } from '../../../src/sources/git/fork.js';

describe('lineSince', () => {
  it('cuts a first-parent line where `git log --max-age` stops: at its first commit older than the date', () => {
    // newest first; c2 is dated before c1 (clock skew), so git stops there and never reaches c1
    const line = [{ sha: 'c4', at: 400 }, { sha: 'c3', at: 300 }, { sha: 'c2', at: 50 }, { sha: 'c1', at: 100 }];
    expect(lineSince(line, 80).map((c) => c.sha)).toEqual(['c4', 'c3']);
    // the date itself is kept, as git keeps a commit of that very second
    expect(lineSince(line, 300).map((c) => c.sha)).toEqual(['c4', 'c3']);
    expect(lineSince(line, 300.9).map((c) => c.sha)).toEqual(['c4', 'c3']);
    expect(lineSince(line, 0).map((c) => c.sha)).toEqual(['c4', 'c3', 'c2', 'c1']);
  });
});
