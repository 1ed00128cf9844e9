import { readBlobs } from './blobs.js';
import { changesetPackages } from './manifests.js';

// a changeset is a few lines of front matter and a summary: one past this is no changeset the tool wrote
const CHANGESET_LIMIT = 64 * 1024;

/** Whether a path is in a `.changeset` folder: a changeset, its README or the tool's config, or below it. */
export function inChangesets(path: string): boolean {
  return path.startsWith('.changeset/') || path.includes('/.changeset/');
}

/**
 * Whether a path is one readChangesets reads: a Markdown file in a `.changeset` folder or below it (changesets'
 * own repository kept some in `.changeset/pre/`, and moving one out is a rename).
 */
export function changesetLike(path: string): boolean {
  return inChangesets(path) && path.endsWith('.md');
}

/** Whether a path is a changeset: a Markdown file right in a `.changeset` folder, its README aside. */
export function isChangeset(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash);
  const file = path.slice(slash + 1);
  return (folder === '.changeset' || folder.endsWith('/.changeset')) && file.endsWith('.md') && file.toLowerCase() !== 'readme.md';
}

/**
 * The packages each changeset a commit added names for release, by `<sha>:<path>` (a commit and a path it touched
 * that is `changesetLike`: all of a commit's at once), read in two git processes however many there are (readBlobs). A changeset
 * the commit did not add names none and is absent: one its first parent already had (a later change fixing its
 * front matter, tidying or deleting it, as a release does) is another change's. So is one added by a commit that
 * deletes a changeset: a rename (changesets' #1437 renamed `1738.md` beside a CI file it removed, and would have
 * waited 3.5 months for a CLI release it had no part in; #2092 moved another's out of `.changeset/pre/`). So is one whose blob a partial clone lacks.
 */
export async function readChangesets(cwd: string, files: readonly string[]): Promise<Map<string, string[]>> {
  const before = (file: string): string => file.replace(':', '^:');
  const commitOf = (file: string): string => file.slice(0, file.indexOf(':'));
  const blobs = await readBlobs(cwd, [...files, ...files.map(before)], CHANGESET_LIMIT);
  const deleting = new Set(files.filter((file) => !blobs.has(file) && blobs.has(before(file))).map(commitOf));
  const named = new Map<string, string[]>();
  for (const file of files) {
    const blob = blobs.get(file);
    if (!isChangeset(file.slice(file.indexOf(':') + 1)) || blob === undefined || !('text' in blob) || blobs.has(before(file)) || deleting.has(commitOf(file))) continue;
    const packages = changesetPackages(blob.text);
    if (packages.length > 0) named.set(file, packages);
  }
  return named;
}
