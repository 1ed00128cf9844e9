/**
 * When each change was in each stage (SPEC section 9), as wall-clock spans `[start, end)` from its events:
 * T0 first commit, L last own commit, T2 ready, T4 first review, T5 approved, T7 merged, T8 deployed.
 *
 *   coding  [T0, T2)         git only: [T0, L) when the change has a "review & merge wait", else [T0, T7)
 *   pickup  [T2, T4 or T7)   T7 when nobody reviewed it before the merge
 *   review  [T4, T5 or T7)   git only: [L, T7), the "review & merge wait"
 *   merge   [T5, T7)
 *   deploy  [T7, T8)         still open (end null) while not deployed: in the queue until it is
 *
 * A stage the change's figures leave null (not seen, or not there: a direct push has no pickup) is in no
 * queue. Spans are wall-clock even with business hours on: a queue is a count at an instant. A span whose
 * end is before its start (clock skew) ends where it starts; an event after `now` has not happened yet.
 * Open pull requests (GitHub mode) are in pickup, review or merge wait from their own events, until now.
 */
import type { MeasuredChange, OpenPull, StageName } from '../domain.js';

export interface StageSpan {
  start: number;
  /** null: still in the stage at `now` */
  end: number | null;
  /** the change carries an AI marker; null for an open pull request (not known) */
  ai: boolean | null;
}

export type StageSpans = Record<StageName, StageSpan[]>;

/**
 * One stage's spans as columns, in the order `stageSpans` lists them: an organisation's 600,000 changes would
 * otherwise be three million small objects. `end` is NaN for a span still open; `ai` is 1, 0, or -1 (unknown).
 */
export interface SpanColumns {
  length: number;
  start: Float64Array;
  end: Float64Array;
  ai: Int8Array;
}

/**
 * The spans of every stage over the changes (counted, merged by `now`) and the open pull requests. Pure.
 */
export function stageSpans(changes: readonly MeasuredChange[], openPulls: readonly OpenPull[], now: number): StageSpans {
  const columns = stageSpanColumns(changes, openPulls, now);
  const list = (c: SpanColumns): StageSpan[] =>
    Array.from({ length: c.length }, (_, i) => ({ start: c.start[i] as number, end: Number.isNaN(c.end[i]) ? null : (c.end[i] as number), ai: c.ai[i] === -1 ? null : c.ai[i] === 1 }));
  return { coding: list(columns.coding), pickup: list(columns.pickup), review: list(columns.review), merge: list(columns.merge), deploy: list(columns.deploy) };
}

/** As `stageSpans`, each stage's spans as columns. Pure. */
export function stageSpanColumns(changes: readonly MeasuredChange[], openPulls: readonly OpenPull[], now: number): Record<StageName, SpanColumns> {
  const room = changes.length + openPulls.length;
  const empty = (): SpanColumns => ({ length: 0, start: new Float64Array(room), end: new Float64Array(room), ai: new Int8Array(room) });
  const spans: Record<StageName, SpanColumns> = { coding: empty(), pickup: empty(), review: empty(), merge: empty(), deploy: empty() };
  eachSpan(changes, openPulls, now, (stage, start, end, ai) => {
    const column = spans[stage];
    const i = column.length++;
    column.start[i] = start;
    column.end[i] = end === null ? NaN : end;
    column.ai[i] = ai === null ? -1 : ai ? 1 : 0;
    return false;
  });
  return spans;
}

/**
 * Calls `visit` with each span, stage by stage of each change, then of each open pull request, until it returns
 * true; `end` null while still open at `now`.
 */
function eachSpan(
  changes: readonly MeasuredChange[],
  openPulls: readonly OpenPull[],
  now: number,
  visit: (stage: StageName, start: number, end: number | null, ai: boolean | null) => boolean,
): void {
  let stop = false;
  const add = (stage: StageName, start: number | null, end: number | null, ai: boolean | null, open = false): void => {
    if (stop || start === null || start > now || (end === null && !open)) return;
    stop = visit(stage, start, end === null || end > now ? null : Math.max(start, end), ai);
  };
  for (const c of changes) {
    if (stop) return;
    if (c.mergedAt > now) continue;
    const ai = c.aiEvidence.length > 0;
    const { firstCommitAt: t0, lastCommitAt: last, readyAt: t2, firstReviewAt: t4, approvedAt: t5, mergedAt: t7 } = c;
    const gitOnly = t2 === null;
    // read once: an aggregate's change makes its stages object on every read
    const stages = c.stages;
    if (stages.coding !== null) add('coding', t0, gitOnly ? (stages.review !== null ? last : t7) : t2, ai);
    if (stages.pickup !== null) add('pickup', t2, t4 ?? t7, ai);
    if (stages.review !== null) add('review', gitOnly ? last : t4, gitOnly ? t7 : (t5 ?? t7), ai);
    if (stages.merge !== null) add('merge', t5, t7, ai);
    add('deploy', t7, c.deployedAt, ai, c.deployedAt === null);
  }
  for (const p of openPulls) {
    if (stop) return;
    const e = p.events ?? { readyAt: p.isDraft ? null : p.createdAt, firstReviewAt: null, approvedAt: null, reviewedAt: [] };
    if (p.isDraft || e.readyAt === null) continue;
    if (e.firstReviewAt === null) add('pickup', e.readyAt, null, null, true);
    else {
      add('pickup', e.readyAt, e.firstReviewAt, null);
      if (e.approvedAt === null) add('review', e.firstReviewAt, null, null, true);
      else {
        add('review', e.firstReviewAt, e.approvedAt, null);
        add('merge', e.approvedAt, null, null, true);
      }
    }
  }
}

/**
 * Whether any of the change's stages was under way in `[since, min(until, now))` or at its start: such a
 * change is in the window's queues even when it merged outside the window. Pure.
 */
export function inWindowQueues(change: MeasuredChange, since: number, until: number, now: number): boolean {
  const end = Math.min(until, now);
  let found = false;
  eachSpan([change], [], now, (_stage, start, ended) => (found = start < end && (ended === null || ended >= since)));
  return found;
}
