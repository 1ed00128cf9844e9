import { streamGit, streamGitRanges } from './run.js';

/** What reading one blob found: its text, or only its size when that is past the limit. */
export type BlobRead = { text: string } | { tooLarge: number };

/**
 * Reads several files at commits (`<rev>:<path>` each) with two git processes in all, however many they are:
 * `cat-file --batch-check` for their sizes, then `cat-file --batch` for those of at most `maxBytes`; a larger one
 * is not read (its size says why). A file that is not there, or whose blob a partial clone lacks, is absent
 * from the answer (no lazy fetch runs: see run.ts). A name holding a line break cannot be asked and is absent.
 */
export async function readBlobs(cwd: string, names: readonly string[], maxBytes: number): Promise<Map<string, BlobRead>> {
  const found = new Map<string, BlobRead>();
  const asked = [...new Set(names)].filter((n) => !/[\n\r]/.test(n));
  if (asked.length === 0) return found;
  const sizes: Array<number | null> = [];
  await streamGit(cwd, ['cat-file', '--batch-check=%(objecttype) %(objectsize)'], (record) => {
    const m = /^blob (\d+)$/.exec(record.toString('utf8'));
    sizes.push(m ? Number(m[1]) : null);
  }, { separator: 10, input: `${asked.join('\n')}\n`, onFailure: () => true });
  const small: string[] = [];
  asked.forEach((name, i) => {
    const size = sizes[i];
    if (size === null || size === undefined) return;
    if (size > maxBytes) found.set(name, { tooLarge: size });
    else small.push(name);
  });
  if (small.length === 0) return found;
  // `--batch`: a header line per blob (`<oid> blob <size>`), its bytes, and a line feed; read as lines, each copied
  // into the blob's buffer (its size is known), which is whole once its bytes and that line feed are in
  let at = 0;
  let blob: Buffer | null = null;
  let filled = 0;
  await streamGitRanges(cwd, ['cat-file', '--batch'], (buffer, start, end) => {
    if (blob === null) {
      const m = /^[0-9a-f]+ blob (\d+)$/.exec(buffer.toString('latin1', start, end));
      if (m === null) {
        // not there after all (the check and the read raced a change to the repository): skipped
        at++;
        return;
      }
      // its bytes and git's line feed come next, as one line at least (an empty blob: the line feed alone)
      blob = Buffer.allocUnsafe(Number(m[1]) + 1);
      filled = 0;
      return;
    }
    filled += buffer.copy(blob, filled, start, end);
    if (filled < blob.length) blob[filled++] = 10;
    if (filled < blob.length) return;
    found.set(small[at++] as string, { text: blob.toString('utf8', 0, blob.length - 1) });
    blob = null;
  }, { separator: 10, input: `${small.join('\n')}\n`, onFailure: () => true });
  return found;
}
