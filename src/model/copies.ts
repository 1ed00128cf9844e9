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
