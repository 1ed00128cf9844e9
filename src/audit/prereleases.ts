import type { Change } from '../domain.js';
import { smallest } from '../lists.js';
import { releaseProduct } from '../model/release-tags.js';
import { readHistorySet } from '../sources/git/deploy-branch.js';
import type { RepoInfo, TagRef } from '../sources/git/repo.js';
import { prereleaseNote } from './notes.js';

/**
 * The pre-release the note on waiting changes names, if any: the newest tagged by now, and between tags of one
 * moment (a monorepo's packages) the first by name, so the note is stable. The history read keeps its line's own
 * commits (their copies of waiting changes) for it.
 */
export function newestPrerelease(prereleases: readonly TagRef[], now: number): TagRef | undefined {
  return prereleases.filter((t) => t.at <= now).sort((a, b) => b.at - a.at || a.name.localeCompare(b.name))[0];
}

/**
 * The note on the changes still waiting for a deploy that a pre-release already holds (`prereleaseNote`): the newest
 * pre-release tagged by now, when it came after the oldest of them merged, and what it holds beyond the deploys
 * (one `git rev-list`, only when such a tag exists), or holds a release line's copy of (`copied`, as a deploy ships
 * them). Null when no pre-release came after a waiting change.
 */
export async function prereleaseHeldNote(repo: RepoInfo, waiting: readonly Change[], prereleases: readonly TagRef[], deploys: ReadonlyArray<{ ref: string; sha: string }>, now: number, copied: (tag: TagRef) => ReadonlySet<string> = () => new Set()): Promise<string | null> {
  if (waiting.length === 0) return null;
  const newest = newestPrerelease(prereleases, now);
  if (newest === undefined || newest.at < smallest(waiting.map((c) => c.mergedAt))) return null;
  // what it holds beyond its own product's deploys: another package's tag holds this one's changes and deploys none
  // of them (pydantic's core-v2.48.0, newer than v2.14.0b1, had hidden the 80 of 106 waiting changes it holds)
  const product = releaseProduct(newest.name);
  const own = deploys.filter((d) => releaseProduct(d.ref) === product).map((d) => d.sha);
  const held = await readHistorySet(repo.cwd, newest.sha, own);
  // and what a release line's copies of them carry into it (terraform's v1.16.0-rc2 held 9 of main's waiting changes
  // by their backports to v1.16 alone: `backport of commit …`)
  for (const sha of copied(newest)) held.add(sha);
  return prereleaseNote(waiting, newest, held);
}
