import { streamGitRanges } from './run.js';

/**
 * When each of `paths` was first added in `tip`'s history past `exclude` (epoch seconds, the commit date of its
 * oldest add there), in one `git log --diff-filter=A --name-only` limited to those paths: when a package born in a
 * window began. Names only, no rename detection: git compares trees and reads no blob (a partial clone answers).
 * A path with no add there is absent.
 */
export async function readAddedDates(cwd: string, tip: string, exclude: string | null, paths: readonly string[]): Promise<Map<string, number>> {
  const added = new Map<string, number>();
  if (paths.length === 0) return added;
  let at = NaN;
  await streamGitRanges(
    cwd,
    ['log', '-z', '--diff-filter=A', '--name-only', '--no-renames', '--format=%x1e%ct', tip, ...(exclude === null ? [] : [`^${exclude}`]), '--', ...paths.map((p) => `:(literal)${p}`)],
    (buffer, start, end) => {
      const text = buffer.toString('utf8', start, end).replace(/^\n+/, '');
      if (text.startsWith('\x1e')) at = Number(text.slice(1).trim());
      // newest first: the last add read is the oldest
      else if (text !== '' && Number.isFinite(at)) added.set(text, at);
    },
    { separator: 0, onFailure: () => true },
  );
  return added;
}

/**
 * The commits in `tip`'s history past `exclude` that deleted any of `paths`, each with the paths it deleted, in one
 * `git log --diff-filter=D --name-only` limited to them: the change that removed a package. Names only, as above.
 */
export async function readRemovals(cwd: string, tip: string, exclude: string | null, paths: readonly string[]): Promise<Map<string, string[]>> {
  const removed = new Map<string, string[]>();
  if (paths.length === 0) return removed;
  let sha = '';
  await streamGitRanges(
    cwd,
    ['log', '-z', '--diff-filter=D', '--name-only', '--no-renames', '--format=%x1e%H', tip, ...(exclude === null ? [] : [`^${exclude}`]), '--', ...paths.map((p) => `:(literal)${p}`)],
    (buffer, start, end) => {
      const text = buffer.toString('utf8', start, end).replace(/^\n+/, '');
      if (text.startsWith('\x1e')) sha = text.slice(1).trim();
      else if (text !== '' && sha !== '') removed.set(sha, [...(removed.get(sha) ?? []), text]);
    },
    { separator: 0, onFailure: () => true },
  );
  return removed;
}
