import { describe, expect, it } from 'vitest';
import { endsWithNumber, trailingNumber, withoutNumber } from '../src/title-number.js';

describe('a title\'s trailing pull request number', () => {
  it('is the last (#N), blanks around it allowed, and only at the end', () => {
    expect(trailingNumber('Fix the parser (#12)')).toBe(12);
    expect(trailingNumber('Fix the parser (#12)  ')).toBe(12);
    expect(trailingNumber('Fix (#12) in the parser')).toBeNull();
    expect(trailingNumber('Fix #12')).toBeNull();
    expect(endsWithNumber('Revert "Fix x (#3)" (#4)')).toBe(true);
    expect(endsWithNumber('Revert "Fix x (#3)"')).toBe(false);
  });

  it('is left aside once, so a revert\'s quote keeps the number of what it reverts', () => {
    expect(withoutNumber('Revert "Fix x (#3)" (#4)')).toBe('Revert "Fix x (#3)"');
    expect(withoutNumber('revert(lint): Remove x (#16321) (#17249)')).toBe('revert(lint): Remove x (#16321)');
    expect(trailingNumber(withoutNumber('revert(lint): Remove x (#16321) (#17249)'))).toBe(16321);
    expect(withoutNumber('  Plain title ')).toBe('Plain title');
  });
});
