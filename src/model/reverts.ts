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
    const targets = new Set<Change>();
    const refs = revertRefs.get(change.sha);
    for (const reverted of refs?.shas ?? []) {
      const target = findSha(reverted);
      if (target) targets.add(target);
    }
    for (const number of refs?.prs ?? []) {
      const target = byNumber.get(number);
      if (target) targets.add(target);
    }
    const branch = /^revert-(\d+)-/.exec(change.branch ?? '');
    if (branch) {
      const target = byNumber.get(Number(branch[1]));
      if (target) targets.add(target);
    }
    const bare = bareTitle(change.title);
    const title = /^Revert "(.+)"$/.exec(bare);
    if (title && targets.size === 0) {
      // a squash's `(#N)` left aside on both sides
      const target = lastWithTitle.get(bareTitle(title[1] ?? ''));
      if (target) targets.add(target);
    }
    lastWithTitle.set(bare, change);
    for (const target of targets) {
      if (target === change || target.mergedAt > change.mergedAt) continue;
      // a revert of a revert is a reland: the work is back, and neither of them failed
      if (target.isRevert) continue;
      change.isRevert = true;
      if (target.revertedBy === null) {
        target.revertedBy = change.sha;
        marked++;
      }
    }
  }
  return marked;
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
  return title.replace(/\s*\(#\d+\)\s*$/, '');
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
