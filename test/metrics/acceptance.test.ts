import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeReview, ClosedPull, MeasuredChange } from '../../src/domain.js';
import { computeAcceptance, decidedPulls } from '../../src/metrics/acceptance.js';
import { wilson } from '../../src/metrics/proportion.js';

const H = 3600;
const SINCE = 1_700_000_000;
const UNTIL = SINCE + 30 * 24 * H;
const window = { since: SINCE, until: UNTIL };
const wall = (a: number, b: number): number => b - a;

const REVIEWED: ChangeReview = { reviewers: [], reviewedAt: [], firstReviewer: null, comments: 0, commitsAfterFirstReview: 0, forcePushesAfterFirstReview: 0, changesRequested: false, checks: null };

/** AI evidence as the catalogue gives it: the lines, and the tools they name */
interface Ai { aiEvidence: string[]; aiTools?: string[] }
const NONE: Ai = { aiEvidence: [] };
const COPILOT: Ai = { aiEvidence: ['PR author: copilot-swe-agent'], aiTools: ['copilot'] };
const CLAUDE: Ai = { aiEvidence: ['🤖 Generated with [Claude Code](https://claude.ai/code)'], aiTools: ['claude-code'] };
const CODEX: Ai = { aiEvidence: ['label: codex'], aiTools: ['codex'] };
const both = (a: Ai, b: Ai): Ai => ({ aiEvidence: [...a.aiEvidence, ...b.aiEvidence], aiTools: [...(a.aiTools ?? []), ...(b.aiTools ?? [])] });

/** A counted change merged in the window; `pull` false: a direct push (no pull request behind it). */
function merged(id: string, ai: Ai = NONE, pull = true): MeasuredChange {
  return {
    id, title: id, url: null, author: 'ada', kind: 'squash', bot: false, firstCommitAt: SINCE, lastCommitAt: SINCE, readyAt: null, firstReviewAt: null,
    approvedAt: null, mergedAt: SINCE + H, deployedAt: null, stages: { coding: null, pickup: null, review: null, merge: null, deploy: null }, cycleTime: null,
    leadTime: null, size: null, flags: [], ...ai, revertedBy: null, review: pull ? REVIEWED : null,
  };
}

let n = 100;
function closed(o: Partial<ClosedPull> = {}): ClosedPull {
  return {
    number: n++, title: 'x', url: null, author: 'ada', bot: false, createdAt: SINCE + 24 * H, closedAt: SINCE + 48 * H, isDraft: false, failedRun: false, landed: false,
    aiEvidence: [], reviews: 0, comments: 0, firstReviewAt: null, closedBy: 'bob', ...o,
  };
}



describe('acceptance', () => {
  it('weighs the merged against the rejected; drafts, failed runs, bots and other windows apart', () => {
    const changes = [merged('a'), merged('b'), merged('c'), merged('d', COPILOT), merged('direct', NONE, false)];
    const closedPulls = [
      // rejected: a person's, reviewed twice and commented once by others from hour 30, closed at hour 48
      closed({ reviews: 2, comments: 1, firstReviewAt: SINCE + 30 * H }),
      // rejected: Copilot's, closed by a person after 3 days, reviewed from hour 40
      closed({ ...COPILOT, closedAt: SINCE + 96 * H, reviews: 1, firstReviewAt: SINCE + 40 * H }),
      // Copilot's failed run; Copilot's draft closed unmerged; a person's draft closed unmerged
      closed({ ...COPILOT, failedRun: true, isDraft: true, closedAt: SINCE + 24 * H + 60 }),
      closed({ ...COPILOT, isDraft: true }),
      closed({ isDraft: true }),
      // a bot's, and two closed outside the window
      closed({ bot: true, author: 'dependabot' }),
      closed({ closedAt: SINCE - 1 }),
      closed({ closedAt: UNTIL }),
    ];
    const a = computeAcceptance({ changes, closedPulls, window, includeBots: false, measure: wall });
    // all: 4 merged (the direct push is no pull request), 2 rejected
    expect(a).toMatchObject({ merged: 4, rejected: 2, rate: 4 / 6, closedDrafts: 2, failedRuns: 1, reviewed: 2, reviews: 3, comments: 1 });
    expect([a.rateLow, a.rateHigh]).toEqual([wilson(4, 6).low, wilson(4, 6).high]);
    // opened at hour 24, closed at 48 and 96: p50 of 24h and 72h
    expect(a.timeToCloseP50).toBe(48 * H);
    // first review → close: 18h and 56h
    expect(a.reviewTime).toBe(74 * H);
    expect(a.ai).toMatchObject({ merged: 1, rejected: 1, rate: 0.5, closedDrafts: 1, failedRuns: 1, reviewed: 1, reviews: 1, comments: 0, reviewTime: 56 * H, timeToCloseP50: 72 * H });
    expect(a.other).toMatchObject({ merged: 3, rejected: 1, rate: 0.75, closedDrafts: 1, failedRuns: 0, reviewTime: 18 * H });
    expect(a.tools).toEqual([{ tool: 'copilot', ...a.ai }]);
    // too few to tell: a difference, never called real
    expect(a.aiMinusOther).toMatchObject({ value: -0.25, real: false });
    expect(a.note).toBe('Fewer than 10 pull requests decided (merged or rejected) in a group (AI-assisted 2, other 4): too few to compare with confidence.');
    // counting bots puts the bot's rejection back
    expect(computeAcceptance({ changes, closedPulls, window, includeBots: true, measure: wall }).rejected).toBe(3);
  });

  it('counts one closed unmerged whose change landed all the same as merged, whatever else it was', () => {
    const closedPulls = [closed({ landed: true }), closed({ landed: true, isDraft: true }), closed({ landed: true, ...COPILOT, failedRun: true }), closed()];
    const a = computeAcceptance({ changes: [merged('a')], closedPulls, window, includeBots: false, measure: wall });
    expect(a).toMatchObject({ merged: 4, rejected: 1, closedDrafts: 0, failedRuns: 0, rate: 0.8 });
    expect(a.ai).toMatchObject({ merged: 1, rejected: 0 });
  });

  it('gives each tool its own group, a pull request naming two in both, most decided first', () => {
    const changes = [merged('a', CLAUDE), merged('b', both(CLAUDE, COPILOT)), merged('c', CODEX)];
    const closedPulls = [closed({ ...CODEX }), closed({ ...CODEX }), closed({ ...CLAUDE })];
    const a = computeAcceptance({ changes, closedPulls, window, includeBots: false, measure: wall });
    expect(a.tools.map((t) => [t.tool, t.merged, t.rejected, t.rate])).toEqual([['claude-code', 2, 1, 2 / 3], ['codex', 1, 2, 1 / 3], ['copilot', 1, 0, 1]]);
    expect(a.ai).toMatchObject({ merged: 3, rejected: 3, rate: 0.5 });
    expect(a.other).toMatchObject({ merged: 0, rejected: 0, rate: null, rateLow: null, rateHigh: null, timeToCloseP50: null, reviewTime: 0 });
    expect(a.aiMinusOther).toEqual({ value: null, low: null, high: null, real: false });
  });

  it('calls a difference real when the interval leaves out 0 and each group decided enough', () => {
    const changes = [...Array.from({ length: 12 }, (_, i) => merged(`ai${i}`, COPILOT)), ...Array.from({ length: 40 }, (_, i) => merged(`o${i}`))];
    const closedPulls = [...Array.from({ length: 12 }, () => closed({ ...COPILOT })), ...Array.from({ length: 2 }, () => closed())];
    const a = computeAcceptance({ changes, closedPulls, window, includeBots: false, measure: wall });
    expect([a.ai.rate, a.other.rate]).toEqual([0.5, 40 / 42]);
    expect(a.aiMinusOther.real).toBe(true);
    expect((a.aiMinusOther.high ?? 0) < 0).toBe(true);
    expect(a.note).toBeNull();
  });

  it('counts working time when asked: the time to close and in review are measured as the stages are', () => {
    const half = (a: number, b: number): number => (b - a) / 2;
    const a = computeAcceptance({ changes: [], closedPulls: [closed({ firstReviewAt: SINCE + 40 * H })], window, includeBots: false, measure: half });
    expect([a.timeToCloseP50, a.reviewTime]).toEqual([12 * H, 4 * H]);
  });

  it('holds on any pull requests: the groups add up to the whole, and every rate is within its interval', () => {
    const pullArb = fc.record({
      ai: fc.boolean(), draft: fc.boolean(), failed: fc.boolean(), landed: fc.boolean(), bot: fc.boolean(), inWindow: fc.boolean(), reviews: fc.nat(5), reviewAfter: fc.option(fc.nat(20 * H)),
    });
    fc.assert(fc.property(fc.array(pullArb, { maxLength: 40 }), fc.nat(30), fc.nat(30), (pulls, aiMerged, otherMerged) => {
      const changes = [...Array.from({ length: aiMerged }, (_, i) => merged(`a${i}`, CLAUDE)), ...Array.from({ length: otherMerged }, (_, i) => merged(`o${i}`))];
      const closedPulls = pulls.map((p) => closed({
        ...(p.ai ? COPILOT : NONE), isDraft: p.draft, failedRun: p.failed && p.ai, landed: p.landed, bot: p.bot && !p.ai, closedAt: p.inWindow ? SINCE + 48 * H : UNTIL + H,
        reviews: p.reviews, firstReviewAt: p.reviewAfter === null ? null : SINCE + 24 * H + p.reviewAfter,
      }));
      const a = computeAcceptance({ changes, closedPulls, window, includeBots: false, measure: wall });
      for (const key of ['merged', 'rejected', 'closedDrafts', 'failedRuns', 'reviews', 'reviewTime'] as const) expect(a.ai[key] + a.other[key]).toBe(a[key]);
      const kept = pulls.filter((p) => p.inWindow && !(p.bot && !p.ai));
      // every closed one in the window is decided or apart, once: landed ones among the merged
      expect(a.merged - changes.length + a.rejected + a.closedDrafts + a.failedRuns).toBe(kept.length);
      // what compare resamples is the same set: one per decided pull request, merged 1, its mean the rate
      const decided = decidedPulls({ changes, closedPulls, window, includeBots: false });
      for (const [g, of] of [[a, decided], [a.ai, decided.filter((d) => d.ai)], [a.other, decided.filter((d) => d.other)]] as const) {
        expect(of.length).toBe(g.merged + g.rejected);
        expect(of.filter((d) => d.merged).length).toBe(g.merged);
      }
      for (const g of [a, a.ai, a.other, ...a.tools]) {
        if (g.rate === null) expect(g.merged + g.rejected).toBe(0);
        else expect((g.rateLow as number) <= g.rate && g.rate <= (g.rateHigh as number)).toBe(true);
      }
    }));
  });
});

describe('acceptance over several repositories', () => {
  // 'strict' merges 60% of its pull requests, AI-assisted or not (12 of 20, 60 of 100); 'loose' merges 95% (380 of
  // 400), none AI-assisted. Pooled, 60% against 88%: "merged less often"; within each, no difference
  const of = (repository: string, ai: Ai, mergedCount: number, rejected: number): { changes: MeasuredChange[]; closedPulls: ClosedPull[] } => ({
    changes: Array.from({ length: mergedCount }, (_, i) => ({ ...merged(`${repository}-${ai === NONE ? 'o' : 'a'}${i}`, ai), repository })),
    closedPulls: Array.from({ length: rejected }, () => closed({ ...ai, repository })),
  });
  const parts = [of('strict', COPILOT, 12, 8), of('strict', NONE, 60, 40), of('loose', NONE, 380, 20)];
  const input = { changes: parts.flatMap((p) => p.changes), closedPulls: parts.flatMap((p) => p.closedPulls), window, includeBots: false, measure: wall };

  it('compares within each repository that decided pull requests of both groups, weighed together', () => {
    const a = computeAcceptance(input);
    expect([a.ai.merged, a.ai.rejected, a.other.merged, a.other.rejected]).toEqual([12, 8, 440, 60]);
    // within 'strict' alone: 12/20 − 60/100 = 0
    expect(a.aiMinusOther).toMatchObject({ value: 0, real: false, repositories: 1 });
    // pooled, the same pull requests read as a difference
    const pooled = computeAcceptance({ ...input, changes: input.changes.map(({ repository: _, ...c }) => c), closedPulls: input.closedPulls.map(({ repository: _, ...p }) => p) });
    expect(pooled.aiMinusOther.real).toBe(true);
    expect(pooled.aiMinusOther.repositories).toBeUndefined();
  });
});
