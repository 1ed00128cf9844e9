import type { MeasuredChange, Window } from '../domain.js';
import { REPAIR_FLAGS, type RepairReason } from '../model/repairs.js';
import type { Repair } from './schema.js';
import { isoDay, weekBuckets } from './trend.js';

export type { Repair } from './schema.js';

const DAY = 86400;

/** every reason a change is a repair for, each counted apart */
const REASONS = Object.keys(REPAIR_FLAGS) as RepairReason[];

/** Whether a change repaired earlier work: the model flagged it with at least one reason. */
export function isRepair(change: Pick<MeasuredChange, 'flags'>): boolean {
  return change.flags.some((f) => f.startsWith('repair:'));
}

type RepairFigures = Pick<Repair, 'changes' | 'repairs' | 'share' | 'cycleTimeShare'>;

/** Repairs and cycle time added up change by change, in their order. */
class Tally {
  changes = 0;
  repairs = 0;
  cycle = 0;
  repairCycle = 0;
  /** changes with a cycle time, and those of them that took any */
  withCycle = 0;
  timed = 0;

  add(repair: boolean, cycleTime: number | null): void {
    this.changes += 1;
    if (repair) this.repairs += 1;
    if (cycleTime === null) return;
    this.cycle += cycleTime;
    this.withCycle += 1;
    if (cycleTime > 0) this.timed += 1;
    if (repair) this.repairCycle += cycleTime;
  }

  /** the repairs among them, and the part of their summed cycle time the repairs took */
  figures(): RepairFigures {
    // a share of time most changes did not take says nothing: aider's AI-assisted direct pushes, 0s each but one of
    // 33 seconds, read "100% of their cycle time" (as coding has no share where most changes are one commit)
    const timed = this.cycle > 0 && 2 * this.timed >= this.withCycle;
    return { changes: this.changes, repairs: this.repairs, share: this.changes > 0 ? this.repairs / this.changes : null, cycleTimeShare: timed ? this.repairCycle / this.cycle : null };
  }
}

/** Repairs among `changes`, and the part of their summed cycle time the repairs took. */
function figuresOf(changes: readonly MeasuredChange[]): RepairFigures {
  const tally = new Tally();
  for (const change of changes) tally.add(isRepair(change), change.cycleTime);
  return tally.figures();
}

/**
 * Repair share (SPEC section 4, the articles' "rework share of capacity"): of the counted changes, how many
 * repaired earlier work, and what share of their summed cycle time those took — overall, by reason, for the
 * AI-assisted changes against the rest, and week by week by merge time (the trend's Monday-based UTC weeks, every
 * week of the window present). Bug labels exist only with GitHub's pull requests: from git alone that count is
 * null. `weekly` false: without the weeks (a repository's row in a report over several). Pure.
 */
export function computeRepair(changes: readonly MeasuredChange[], window: Window, github: boolean, weekly = true): Repair {
  // one pass reads each change's flags once: over an organisation's changes, read through views, each read is a list made
  const all = new Tally();
  const ai = new Tally();
  const other = new Tally();
  const reasons: Record<RepairReason, number> = { revert: 0, failedDeployFix: 0, hotfixBranch: 0, fixTitle: 0, bugLabel: 0 };
  // the repairs of two reasons or more, counted under each: the reasons add up to more than the repairs by them
  let several = 0;
  for (const change of changes) {
    const flags = change.flags;
    const repair = isRepair({ flags });
    if (repair) {
      let marked = 0;
      for (const reason of REASONS) {
        if (!flags.includes(REPAIR_FLAGS[reason])) continue;
        reasons[reason] += 1;
        marked += 1;
      }
      if (marked > 1) several += 1;
    }
    const cycleTime = change.cycleTime;
    all.add(repair, cycleTime);
    (change.aiEvidence.length > 0 ? ai : other).add(repair, cycleTime);
  }
  const weeks = weekly ? weekBuckets(changes, window) : null;
  return {
    ...all.figures(),
    reasons: { ...reasons, bugLabel: github ? reasons.bugLabel : null, several },
    ai: ai.figures(),
    other: other.figures(),
    ...(weeks !== null && { weeks: weeks.buckets.map((inWeek, i) => ({ weekStart: isoDay(weeks.first + i * 7 * DAY), ...figuresOf(inWeek) })) }),
  };
}
