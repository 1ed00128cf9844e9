import { describe, expect, it } from 'vitest';
import { changeReferences } from '../../src/model/copies.js';

describe('changes a release line commit names by reference', () => {
  const refs = (subject: string, bodyFirstLine = '', backportOf: number[] = []): ReturnType<typeof changeReferences> => changeReferences({ subject, bodyFirstLine, backportOf });

  it('reads a title with its (#N) in the subject, under the backport\'s own number, or on the body\'s first line as a list item', () => {
    expect(refs('Fix the parser (#10)')).toEqual([{ number: 10, title: 'Fix the parser' }]);
    // the backport's own (#15) names nothing on main with that title; (#12) under it names the original
    expect(refs('Fix the parser (#12) (#15)')).toEqual([{ number: 15, title: 'Fix the parser (#12)' }, { number: 12, title: 'Fix the parser' }]);
    expect(refs('Fix the parser (#20)', '* Fix the parser (#10)')).toEqual([{ number: 20, title: 'Fix the parser' }, { number: 10, title: 'Fix the parser' }]);
  });

  it('takes backport phrases without a title, and nothing from a subject without (#N)', () => {
    expect(refs('chore: faster lexing', '', [11])).toEqual([{ number: 11, title: null }]);
    expect(refs('Fix the parser', 'See #10')).toEqual([]);
  });
});
