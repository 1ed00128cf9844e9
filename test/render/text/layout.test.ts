import { describe, expect, it } from 'vitest';
import { shrink, type Column } from '../../../src/render/text/layout.js';

// a name, a figure and a recommendation: the figure never shrinks, the other two down to 10 columns
const COLUMNS: Column[] = [{ head: 'name', min: 10 }, { head: 'figure' }, { head: 'top', min: 10 }];

describe('shrink', () => {
  it('takes what is too much from the shrinkable columns, widest first, down to their minimum', () => {
    // 20 + 50 + 30 = 100 in 80: the wider one gives 10 to reach the other's width, then they give 5 each
    expect(shrink([20, 50, 30], COLUMNS, 80)).toEqual([15, 50, 15]);
    expect(shrink([20, 50, 30], COLUMNS, 100)).toEqual([20, 50, 30]);
  });

  it('goes below the minimum when the table fits no other way, down to one character and the ellipsis', () => {
    // at their minimum 10 + 50 + 10 = 70 is still 10 too wide for 60: 5 more each
    expect(shrink([20, 50, 20], COLUMNS, 60)).toEqual([5, 50, 5]);
    // at 4 each the figure alone is too wide: the table overflows rather than cut a figure
    expect(shrink([20, 50, 20], COLUMNS, 50)).toEqual([4, 50, 4]);
  });
});
