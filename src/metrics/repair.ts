import type { MeasuredChange, Window } from '../domain.js';
import { REPAIR_FLAGS } from '../model/repairs.js';
import type { Repair } from './schema.js';
import { countOf } from './count.js';
import { isoDay, weekBuckets } from './trend.js';

export type { Repair } from './schema.js';

const DAY = 86400;

/** Whether a change repaired earlier work: the model flagged it with at least one reason. */
export function isRepair(change: Pick<MeasuredChange, 'flags'>): boolean {
  return change.flags.some((f) => f.startsWith('repair:'));
}

type RepairFigures = Pick<Repair, 'changes' | 'repairs' | 'share' | 'cycleTimeShare'>;

/** Repairs among `changes`, and the part of their summed cycle time the repairs took. */
function figuresOf(changes: readonly MeasuredChange[]): RepairFigures {
  let repairs = 0;
  let cycle = 0;
  let repairCycle = 0;
  for (const change of changes) {
    const repair = isRepair(change);
    if (repair) repairs += 1;
    if (change.cycleTime === null) continue;
    cycle += change.cycleTime;
    if (repair) repairCycle += change.cycleTime;
  }
  return { changes: changes.length, repairs, share: changes.length > 0 ? repairs / changes.length : null, cycleTimeShare: cycle > 0 ? repairCycle / cycle : null };
}

/**
 * Repair share (SPEC section 4, the articles' "rework share of capacity"): of the counted changes, how many
 * repaired earlier work, and what share of their summed cycle time those took — overall, by reason, for the
 * AI-assisted changes against the rest, and week by week by merge time (the trend's Monday-based UTC weeks, every
 * week of the window present). Bug labels exist only with GitHub's pull requests: from git alone that count is
 * null. `weekly` false: without the weeks (a repository's row in a report over several). Pure.
 */
export function computeRepair(changes: readonly MeasuredChange[], window: Window, github: boolean, weekly = true): Repair {
  const count = (flag: string): number => countOf(changes, (c) => c.flags.includes(flag));
  const { first, buckets } = weekBuckets(changes, window);
  return {
    ...figuresOf(changes),
    reasons: {
      revert: count(REPAIR_FLAGS.revert),
      failedDeployFix: count(REPAIR_FLAGS.failedDeployFix),
      hotfixBranch: count(REPAIR_FLAGS.hotfixBranch),
      fixTitle: count(REPAIR_FLAGS.fixTitle),
      bugLabel: github ? count(REPAIR_FLAGS.bugLabel) : null,
    },
    ai: figuresOf(changes.filter((c) => c.aiEvidence.length > 0)),
    other: figuresOf(changes.filter((c) => c.aiEvidence.length === 0)),
    ...(weekly && { weeks: buckets.map((inWeek, i) => ({ weekStart: isoDay(first + i * 7 * DAY), ...figuresOf(inWeek) })) }),
  };
}
