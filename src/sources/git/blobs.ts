import { streamGit } from './run.js';

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
  // `--batch`: a header line per blob (`<oid> blob <size>`), its bytes, and a line feed; read as lines, a blob
  // ends once its size and that line feed are reached
  let at = 0;
  let left = -1;
  let parts: Buffer[] = [];
  await streamGit(cwd, ['cat-file', '--batch'], (record) => {
    if (left < 0) {
      const m = /^[0-9a-f]+ blob (\d+)$/.exec(record.toString('utf8'));
      if (m === null) {
        // not there after all (the check and the read raced a change to the repository): skipped
        at++;
        return;
      }
      // its bytes and git's line feed come next, as one line at least (an empty blob: the line feed alone)
      left = Number(m[1]) + 1;
      parts = [];
      return;
    }
    parts.push(Buffer.from(record));
    left -= record.length + 1;
    if (left > 0) return;
    const name = small[at++] as string;
    // the lines read, joined by the line feeds they were cut at, less the one git adds after the blob
    found.set(name, { text: Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from('\n'), p]))).toString('utf8') });
    left = -1;
  }, { separator: 10, input: `${small.join('\n')}\n`, onFailure: () => true });
  return found;
}
