import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';
import { toPullRefs } from './pull-refs.js';

/**
 * A pull request rebased onto main before its squash (times UTC, 2026-03):
 *  #10 commits authored 02 09:00 and 03 09:00; main moves on (05 10:00, 10 10:00); the branch is rebased onto
 *      main 12 12:00 (author dates kept, new commit dates) and squash-merged 12 15:00.
 * Truth: #10 first commit 02 09:00, not the fork point (10 10:00): coding 1d, review 9d 6h, flagged rebased.
 */
export function rebasedSquash(): FixtureRepo {
  const repo = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { commit: 'main work', at: '2026-03-05T10:00:00Z' },
    { commit: 'more main work', at: '2026-03-10T10:00:00Z' },
    { branch: 'p10' },
    { commit: 'ten, part one', on: 'p10', authorAt: '2026-03-02T09:00:00Z', at: '2026-03-12T12:00:00Z' },
    { commit: 'ten, part two', on: 'p10', authorAt: '2026-03-03T09:00:00Z', at: '2026-03-12T12:00:00Z' },
    { commit: 'Add ten (#10)', on: 'main', at: '2026-03-12T15:00:00Z' },
  ]);
  toPullRefs(repo, { 10: 'p10' });
  return repo;
}
