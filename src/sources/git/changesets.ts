import { readBlobs } from './blobs.js';
import { changesetPackages } from './manifests.js';

// a changeset is a few lines of front matter and a summary: one past this is no changeset the tool wrote
const CHANGESET_LIMIT = 64 * 1024;

/** Whether a path is in a `.changeset` folder: a changeset, its README or the tool's config. */
export function inChangesets(path: string): boolean {
  return path.startsWith('.changeset/') || path.includes('/.changeset/');
}

/** Whether a path is a changeset: a Markdown file right in a `.changeset` folder, its README aside. */
export function isChangeset(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash);
  const file = path.slice(slash + 1);
  return (folder === '.changeset' || folder.endsWith('/.changeset')) && file.endsWith('.md') && file.toLowerCase() !== 'readme.md';
}

/**
 * The packages each changeset a commit added names for release, by `<sha>:<path>` (a commit and a changeset path
 * it touched), read in two git processes however many there are (readBlobs). A changeset the commit did not add
 * names none and is absent: one its first parent already had (a later change fixing its front matter, tidying or
 * deleting it, as a release does) is another change's. So is one whose blob a partial clone lacks.
 */
export async function readChangesets(cwd: string, files: readonly string[]): Promise<Map<string, string[]>> {
  const before = (file: string): string => file.replace(':', '^:');
  const blobs = await readBlobs(cwd, [...files, ...files.map(before)], CHANGESET_LIMIT);
  const named = new Map<string, string[]>();
  for (const file of files) {
    const blob = blobs.get(file);
    if (blob === undefined || !('text' in blob) || blobs.has(before(file))) continue;
    const packages = changesetPackages(blob.text);
    if (packages.length > 0) named.set(file, packages);
  }
  return named;
}
