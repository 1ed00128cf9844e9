import type { Change, Commit } from '../domain.js';

/**
 * Marks reverted changes (SPEC section 4): a later change whose commits say `This reverts commit <sha>`
 * for one of a change's commits (its pull ref's included) or its landing commit, whose title is `Revert "<title>"`, whose body says
 * `Reverts #N`, or whose branch is `revert-N-…`. `revertRefs` holds, by landing sha, what the change's
 * commits said they revert. Pure; mutates `revertedBy` / `isRevert` on the changes (ordered by merge time).
 */
export function markReverts(changes: Change[], revertRefs: Map<string, RevertRefs>): number {
  const bySha = new Map<string, Change>();
  const byNumber = new Map<number, Change>();
  for (const change of changes) {
    for (const sha of change.commitShas) bySha.set(sha, change);
    bySha.set(change.sha, change);
    if (change.number !== null) byNumber.set(change.number, change);
  }
  const findSha = abbreviatedLookup(bySha);
  // the newest change so far with each bare title: a `Revert "<title>"` names the newest earlier one
  const lastWithTitle = new Map<string, Change>();

  let marked = 0;
  for (const change of changes) {
    // most changes name nothing they revert: no set is made for them
    let targets: Set<Change> | null = null;
    const refs = revertRefs.get(change.sha);
    if (refs !== undefined) {
      for (const reverted of refs.shas) targets = withTarget(targets, findSha(reverted));
      for (const number of refs.prs) targets = withTarget(targets, byNumber.get(number));
    }
    const branch = change.branch !== null && change.branch.startsWith('revert-') ? /^revert-(\d+)-/.exec(change.branch) : null;
    if (branch) targets = withTarget(targets, byNumber.get(Number(branch[1])));
    const bare = bareTitle(change.title);
    const title = bare.startsWith('Revert "') ? /^Revert "(.+)"$/.exec(bare) : null;
    // a squash's `(#N)` left aside on both sides
    if (title && targets === null) targets = withTarget(targets, lastWithTitle.get(bareTitle(title[1] ?? '')));
    lastWithTitle.set(bare, change);
    for (const reverted of targets ?? []) {
      if (reverted === change || reverted.mergedAt > change.mergedAt) continue;
      // a revert of a revert is a reland: the work is back, and neither of them failed
      if (reverted.isRevert) continue;
      change.isRevert = true;
      if (reverted.revertedBy === null) {
        reverted.revertedBy = change.sha;
        marked++;
      }
    }
  }
  return marked;
}

/** `targets` with `found` added, made when there is a first one to add. */
function withTarget(targets: Set<Change> | null, found: Change | undefined): Set<Change> | null {
  if (found === undefined) return targets;
  const set = targets ?? new Set<Change>();
  set.add(found);
  return set;
}

/**
 * Finds a change by a full sha or by an abbreviation of at least 7 characters (`This reverts commit abc1234`):
 * among several commits sharing the prefix, the first in `bySha`'s order. The shas are bucketed by their
 * first 7 hex digits, once, at the first abbreviation: not a scan of them all per revert.
 */
function abbreviatedLookup(bySha: ReadonlyMap<string, Change>): (prefix: string) => Change | undefined {
  let buckets: Map<number, string | string[]> | null = null;
  const bucketOf = (sha: string): number => Number.parseInt(sha.slice(0, 7), 16);
  return (prefix) => {
    const exact = bySha.get(prefix);
    if (exact !== undefined || prefix.length < 7 || prefix.length >= 40) return exact;
    if (buckets === null) {
      buckets = new Map();
      for (const sha of bySha.keys()) {
        const key = bucketOf(sha);
        const known = buckets.get(key);
        if (known === undefined) buckets.set(key, sha);
        else if (typeof known === 'string') buckets.set(key, [known, sha]);
        else known.push(sha);
      }
    }
    const bucket = buckets.get(bucketOf(prefix));
    const first = typeof bucket === 'string' ? (bucket.startsWith(prefix) ? bucket : undefined) : bucket?.find((sha) => sha.startsWith(prefix));
    return first === undefined ? undefined : bySha.get(first);
  };
}

/** A title without the `(#N)` GitHub appends to a squash's subject. */
function bareTitle(title: string): string {
  // most titles end in neither: no regular expression is run over them
  return title.includes('(#') ? title.replace(/\s*\(#\d+\)\s*$/, '') : title;
}

/** What a change's commits (and landing commit) say they revert. */
export interface RevertRefs {
  shas: string[];
  prs: number[];
}

/** Collects each change's revert references, so the commits themselves need not be kept. Pure. */
export function collectRevertRefs(changes: readonly Change[], commitOf: (sha: string) => Commit | undefined): Map<string, RevertRefs> {
  const refs = new Map<string, RevertRefs>();
  for (const change of changes) {
    const shas: string[] = [];
    const prs: number[] = [];
    for (const sha of new Set([change.sha, ...change.commitShas])) {
      const commit = commitOf(sha);
      if (!commit) continue;
      shas.push(...commit.revertsShas);
      prs.push(...commit.revertsPrs);
    }
    if (shas.length > 0 || prs.length > 0) refs.set(change.sha, { shas, prs });
  }
  return refs;
}
