import type { Change, Commit } from '../../src/domain.js';
import { emptyStages } from '../../src/model/stages.js';

/** Hours after 2026-03-01T00:00Z in epoch seconds: every time in the model tests reads as "hour h". */
export const h = (hours: number): number => Date.UTC(2026, 2, 1) / 1000 + hours * 3600;

/** A 40-hex sha from a short name, so tests can say `sha('a1')`. */
export const sha = (name: string): string => Buffer.from(name).toString('hex').padEnd(40, '0').slice(0, 40);

/** A commit as git's reader hands it to the model; `at` is the commit date, `authorAt` defaults to it. */
export function commit(name: string, o: Partial<Omit<Commit, 'sha' | 'parents'>> & { parents?: string[]; at: number; authorAt?: number }): Commit {
  return {
    sha: sha(name),
    parents: (o.parents ?? []).map(sha),
    authorName: o.authorName ?? 'Ada Lovelace',
    authorEmail: o.authorEmail ?? 'ada@example.com',
    authoredAt: o.authorAt ?? o.at,
    committedAt: o.at,
    subject: o.subject ?? name,
    bodyFirstLine: o.bodyFirstLine ?? '',
    landingUrl: o.landingUrl ?? null,
    mergeRequest: o.mergeRequest ?? null,
    aiEvidence: o.aiEvidence ?? [],
    revertsShas: o.revertsShas ?? [],
    revertsPrs: o.revertsPrs ?? [],
    revertsCls: o.revertsCls ?? [],
    cherryPickOf: o.cherryPickOf ?? [],
    backportOf: o.backportOf ?? [],
    closesPulls: o.closesPulls ?? [],
    changeId: o.changeId ?? null,
    revertMessage: o.revertMessage ?? false,
  };
}

/** A change as the model hands it on, merged at `mergedAt`; override what the test is about. */
export function change(name: string, o: Partial<Change> = {}): Change {
  return {
    id: name, number: null, title: name, author: 'Ada Lovelace', authorEmail: 'ada@example.com', url: null, branch: null, kind: 'direct',
    sha: sha(name), commitShas: [sha(name)], commits: 1, size: null, bot: false, firstCommitAt: null, lastCommitAt: null,
    readyAt: null, firstReviewAt: null, approvedAt: null, mergedAt: h(0), deployedAt: null, forkPoints: [], forkPointAt: null, flags: [],
    aiEvidence: [], revertedBy: null, isRevert: false, stages: emptyStages(), cycleTime: null, leadTime: null, review: null, ...o,
  };
}
