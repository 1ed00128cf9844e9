import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * Moved files (times UTC, 2026-03):
 *  01 00:00 src/big.ts, 2,000 lines; 02 10:00 it moves to lib/big.ts unchanged (id move);
 *  #80 moves lib/big.ts to core/big.ts and adds one line (03 09:00), merged 03 12:00 (id pr80).
 * Truth: the move is 0 lines in 1 file (not 2,000 + 2,000 in 2); #80 is 1 addition in 1 file.
 */
export function movedFile(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z', files: { 'src/big.ts': lines(2000) } },
    { commit: 'move big.ts to lib', at: '2026-03-02T10:00:00Z', files: { 'src/big.ts': null, 'lib/big.ts': lines(2000) }, id: 'move' },
    { branch: 'p80' },
    { commit: 'move big.ts to core and extend it', on: 'p80', at: '2026-03-03T09:00:00Z', files: { 'lib/big.ts': null, 'core/big.ts': lines(2001) } },
    { merge: 'p80', at: '2026-03-03T12:00:00Z', message: 'Merge pull request #80 from ada/p80\n\nMove big.ts to core', id: 'pr80' },
  ]);
}
