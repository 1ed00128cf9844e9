import { readLine, type LineCommit } from './deploy-branch.js';

/**
 * Where `tip`'s first-parent line joins `baseLine` (another branch's first-parent line, newest first), when the commit
 * they meet at was committed after `since`; null when they meet no later (or `tip` is itself on that line: nothing of
 * its own). One `git log --first-parent` walk, stopped at `since`, and the base line as such a walk gives it (lineSince).
 * First parents, not a merge base: a GitFlow `develop` shares a recent merge base with `main` (each release merged into
 * both), yet its own line left main's at its first commit; electron's `43-x-y` left main's line on 2026-05-06.
 */
export async function forkAfter(cwd: string, tip: string, baseLine: readonly LineCommit[], since: number): Promise<LineCommit | null> {
  const line = await readLine(cwd, tip, since);
  const onBase = new Set(lineSince(baseLine, since).map((c) => c.sha));
  const at = line.findIndex((c) => onBase.has(c.sha));
  // the tip on base's line is a point of it (a branch behind main, a tag), not a branch of its own
  if (at <= 0) return null;
  return line[at] ?? null;
}

/**
 * A first-parent line (newest first) as `git log --first-parent --max-age=since` gives it: up to its first commit
 * committed before `since`, where git stops the walk (a later-dated commit past a skewed one is not reached). Pure.
 */
export function lineSince<C extends { at: number }>(line: readonly C[], since: number): C[] {
  const bound = Math.floor(since);
  const end = line.findIndex((c) => c.at < bound);
  return end === -1 ? [...line] : line.slice(0, end);
}
