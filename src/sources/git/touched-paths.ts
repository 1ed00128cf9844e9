import { streamGitRanges } from './run.js';

/**
 * The paths each of `shas` touched, merges diffed against their first parent (the whole pull request), in one
 * `git log --no-walk --name-only` over them all: which products a change belongs to. Names only, without
 * rename detection, so git compares trees and never reads a blob (a partial clone without blobs answers too:
 * a renamed file names both its folders). A commit git cannot read has no paths.
 */
export async function readTouchedPaths(cwd: string, shas: readonly string[]): Promise<Map<string, string[]>> {
  const paths = new Map<string, string[]>();
  if (shas.length === 0) return paths;
  let current: string[] | null = null;
  await streamGitRanges(
    cwd,
    ['log', '-z', '--no-walk=unsorted', '--diff-merges=first-parent', '--name-only', '--no-renames', '--format=%x1e%H', '--stdin', '--'],
    (buffer, start, end) => {
      const text = buffer.toString('utf8', start, end).replace(/^\n+/, '');
      if (text.startsWith('\x1e')) {
        current = [];
        paths.set(text.slice(1).trim(), current);
      } else if (text !== '') current?.push(text);
    },
    { separator: 0, input: `${shas.join('\n')}\n`, onFailure: () => true },
  );
  return paths;
}
