import { readBlobs } from './blobs.js';
import { commitBefore } from './changed-files.js';
import { goRetractions, type GoRetraction } from './manifests.js';
import { MANIFEST_LIMIT } from './workspaces.js';

/**
 * A reader of the versions the repository's root go.mod retracts, as it stood on the branch at a time (epoch
 * seconds): what was known of them then (SPEC section 6). The tip's go.mod is read first, once (one `cat-file`); a
 * repository whose tip retracts nothing (most: no go.mod at all) reads nothing more, else the go.mod of the branch's
 * last commit before each time asked (a `rev-list` and a `cat-file`). None past MANIFEST_LIMIT.
 */
export function goRetractionsReader(cwd: string, tip: string): (at: number) => Promise<GoRetraction[]> {
  const atTip = readAt(cwd, tip);
  return async (at) => {
    if ((await atTip).length === 0) return [];
    const sha = await commitBefore(cwd, tip, at);
    return sha === null ? [] : sha === tip ? atTip : readAt(cwd, sha);
  };
}

async function readAt(cwd: string, sha: string): Promise<GoRetraction[]> {
  const blob = (await readBlobs(cwd, [`${sha}:go.mod`], MANIFEST_LIMIT)).get(`${sha}:go.mod`);
  return goRetractions(blob !== undefined && 'text' in blob ? blob.text : null);
}
