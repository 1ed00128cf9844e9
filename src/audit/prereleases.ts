import type { Change } from '../domain.js';
import { smallest } from '../lists.js';
import { releaseProduct } from '../model/release-tags.js';
import { readHistorySet } from '../sources/git/deploy-branch.js';
import type { RepoInfo, TagRef } from '../sources/git/repo.js';
import { prereleaseNote } from './notes.js';

/**
 * The note on the changes still waiting for a deploy that a pre-release already holds (`prereleaseNote`): the newest
 * pre-release tagged by now and after the oldest of them merged, and what it holds beyond the deploys (one `git
 * rev-list`, only when such a tag exists). Null when no pre-release came after a waiting change.
 */
export async function prereleaseHeldNote(repo: RepoInfo, waiting: readonly Change[], prereleases: readonly TagRef[], deploys: ReadonlyArray<{ ref: string; sha: string }>, now: number): Promise<string | null> {
  if (waiting.length === 0) return null;
  const oldest = smallest(waiting.map((c) => c.mergedAt));
  // the newest, and between tags of one moment (a monorepo's packages) the first by name, so the note is stable
  const newest = prereleases.filter((t) => t.at <= now && t.at >= oldest).sort((a, b) => b.at - a.at || a.name.localeCompare(b.name))[0];
  if (newest === undefined) return null;
  // what it holds beyond its own product's deploys: another package's tag holds this one's changes and deploys none
  // of them (pydantic's core-v2.48.0, newer than v2.14.0b1, had hidden the 80 of 106 waiting changes it holds)
  const product = releaseProduct(newest.name);
  const own = deploys.filter((d) => releaseProduct(d.ref) === product).map((d) => d.sha);
  return prereleaseNote(waiting, newest, await readHistorySet(repo.cwd, newest.sha, own));
}
