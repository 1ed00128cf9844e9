import type { Change, Commit } from '../domain.js';
import { copyKey } from '../sources/git/deploy-contents.js';

/**
 * Which changes have a commit with each of the `wanted` copy keys (author email, author date, subject): the
 * keys of the release lines' commits, so a backport finds the change it copies (SPEC section 3). Only
 * wanted keys are kept, so the index stays as small as the release lines. Pure.
 * @returns copy key → landing shas of the changes, oldest first
 */
export function indexCopies(changes: readonly Change[], commitOf: (sha: string) => Commit | undefined, wanted: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  if (wanted.size === 0) return index;
  // most commits are no copy: their author date rules them out before a key string is made for them
  const dates = new Set([...wanted].map((key) => Number(key.split('\x1f')[1])));
  for (const change of changes) {
    for (const sha of new Set([change.sha, ...change.commitShas])) {
      const commit = commitOf(sha);
      if (!commit || !dates.has(commit.authoredAt)) continue;
      const key = copyKey(commit.authorEmail, commit.authoredAt, commit.subject);
      if (!wanted.has(key)) continue;
      const landings = index.get(key) ?? [];
      if (!landings.includes(change.sha)) landings.push(change.sha);
      index.set(key, landings);
    }
  }
  return index;
}

/** A squash's `(#N)` at the end of a title, and a list item's bullet before it (`* Fix x (#12)`, a squash body). */
const TITLED = /^(?:[*-]\s+)?(.*?)\s*\(#(\d+)\)$/;

/**
 * The changes a release line's commit names by reference (SPEC section 3): its subject or its body's first line
 * as a change's own title with its `(#N)` — also under the backport's own `(#M)` (`Fix x (#12) (#15)`) — and
 * the numbers its backport phrases name. Pure.
 */
export function changeReferences(commit: Pick<Commit, 'subject' | 'bodyFirstLine' | 'backportOf'>): Array<{ number: number; title: string | null }> {
  const found: Array<{ number: number; title: string | null }> = commit.backportOf.map((number) => ({ number, title: null }));
  for (const line of [commit.subject, commit.bodyFirstLine]) {
    let m = TITLED.exec(line);
    for (let depth = 0; m !== null && depth < 2; depth++) {
      const title = m[1] ?? '';
      if (title !== '') found.push({ number: Number(m[2]), title });
      m = TITLED.exec(title);
    }
  }
  return found;
}
