import { readLine, type LineCommit } from './deploy-branch.js';

/**
 * Where `tip`'s first-parent line joins `base`'s first-parent line, when the commit they meet at was committed after
 * `since`; null when they meet no later (or `tip` is itself on `base`'s line: nothing of its own). Two `git log
 * --first-parent` walks, each stopped at `since`. First parents, not a merge base: a GitFlow `develop` shares a
 * recent merge base with `main` (each release merged into both), yet its own line left main's at its first commit;
 * electron's `43-x-y` left main's line on 2026-05-06.
 */
export async function forkAfter(cwd: string, tip: string, base: string, since: number): Promise<LineCommit | null> {
  const [line, baseLine] = await Promise.all([readLine(cwd, tip, since), readLine(cwd, base, since)]);
  const onBase = new Set(baseLine.map((c) => c.sha));
  const at = line.findIndex((c) => onBase.has(c.sha));
  // the tip on base's line is a point of it (a branch behind main, a tag), not a branch of its own
  if (at <= 0) return null;
  return line[at] ?? null;
}
