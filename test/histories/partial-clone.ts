import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRepo, lines, type FixtureRepo } from '../helpers/git-fixture.js';

export interface PartialClones {
  source: FixtureRepo;
  /** `--filter=blob:limit=4k`: git has its promisor remote and fails while it prefetches a commit's blobs */
  clone: string;
  /** the same objects without the promisor remote's config (a copied snapshot): git prints the failing
   *  commit's header before it dies on its blobs */
  orphan: string;
  cleanup(): void;
}

/**
 * Partial clones that lack the large files' contents (times UTC, 2026-03):
 *  02 10:00 `small one` (3 lines); 03 10:00 `add big` (a 2,000-line file, id big); 04 10:00 `small two`
 *  (5 lines); 05 10:00 `grow big` (one line more in the big file and 2 lines elsewhere, id grow);
 *  06 10:00 `small three` (7 lines).
 * Truth: in both clones exactly `add big` and `grow big` have unknown sizes; the others keep theirs.
 */
export function partialClones(): PartialClones {
  const source = buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z', files: { 'README.md': 'hello\n' } },
    { commit: 'small one', at: '2026-03-02T10:00:00Z', files: { 'a.txt': lines(3) } },
    { commit: 'add big', at: '2026-03-03T10:00:00Z', files: { 'big.txt': lines(2000) }, id: 'big' },
    { commit: 'small two', at: '2026-03-04T10:00:00Z', files: { 'b.txt': lines(5) } },
    { commit: 'grow big', at: '2026-03-05T10:00:00Z', files: { 'big.txt': lines(2001), 'c.txt': lines(2) }, id: 'grow' },
    { commit: 'small three', at: '2026-03-06T10:00:00Z', files: { 'd.txt': lines(7) } },
  ]);
  source.git('config', 'uploadpack.allowFilter', 'true');
  const clone = mkdtempSync(join(tmpdir(), 'flowaudit-partial-'));
  execFileSync('git', ['clone', '-q', '--bare', '--filter=blob:limit=4k', `file://${source.dir}`, clone], { stdio: 'ignore' });
  const orphan = mkdtempSync(join(tmpdir(), 'flowaudit-orphan-'));
  cpSync(clone, orphan, { recursive: true });
  // older git marks the remote as the promisor, newer git also sets extensions.partialclone
  execFileSync('git', ['config', '--remove-section', 'remote.origin'], { cwd: orphan });
  try {
    execFileSync('git', ['config', '--unset-all', 'extensions.partialclone'], { cwd: orphan, stdio: 'ignore' });
  } catch {
    // not set: nothing to remove
  }
  return {
    source,
    clone,
    orphan,
    cleanup: () => {
      source.cleanup();
      rmSync(clone, { recursive: true, force: true });
      rmSync(orphan, { recursive: true, force: true });
    },
  };
}
