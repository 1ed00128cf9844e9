import { STAGES, type MeasuredChange, type StageName } from '../domain.js';
import { deployObservation, leadObservation, type Waiting } from './stage-summary.js';

export interface SlowChange {
  id: string;
  title: string;
  url: string | null;
  repository?: string;
  /** lead time; a change still waiting, its lead time so far (at least this); cycle time when nothing deploys */
  total: number;
  totalIs: 'leadTime' | 'waiting' | 'cycleTime';
  /** the stage that held most of its time */
  stage: StageName | null;
  stageSeconds: number | null;
  /** the change's flags that say its total reads long or short for a reason of its own (TIME_FLAGS); absent: none */
  flags?: TimeFlag[];
}

/**
 * The change flags that bear on how long a change reads, so a reader of the slowest changes is told: `rebased`
 * (its first commit is older than its fork point: its coding time holds work from before its branch;
 * release-please's two slowest of its year to July 2026, #2516 and #2422, were), `imported` (work done in another repository: it
 * starts at its merge), `commits-unseen` (a squash whose commits the clone lacks: it starts at the squash's own
 * author date), `clock-skew` (an interval out of order, counted as 0).
 */
export const TIME_FLAGS = ['rebased', 'imported', 'commits-unseen', 'clock-skew'] as const;
export type TimeFlag = (typeof TIME_FLAGS)[number];
const isTimeFlag = (flag: string): flag is TimeFlag => (TIME_FLAGS as readonly string[]).includes(flag);

/**
 * The `limit` slowest changes by lead time, ties by id, then as given. A change merged and not deployed at
 * `waiting.now` counts at its lead time so far, a lower bound (aider's list topped at 82d 20h above the
 * unreleased list's 96d 23h, the waiting ones ranked by their cycle time of 0s); without `waiting` (every merge a
 * deploy, or nothing deployed), by cycle time where a change has no lead time. Pure.
 */
export function slowestChanges(changes: readonly MeasuredChange[], limit: number, waiting: Waiting | null = null): SlowChange[] {
  const lead = (c: MeasuredChange): number | null => (c.leadTime !== null ? c.leadTime : waiting === null ? null : (leadObservation(c, waiting)?.seconds ?? null));
  // each change's total worked out once, not at every comparison (a waiting one's is an observation made anew)
  type Ranked = { c: MeasuredChange; total: number };
  const before = (a: Ranked, b: Ranked): boolean => a.total > b.total || (a.total === b.total && a.c.id.localeCompare(b.c.id) < 0);
  // one pass keeping the slowest so far, in order: sorting an organisation's changes for ten was most of the time
  const top: Ranked[] = [];
  for (const c of changes) {
    const ranked = { c, total: lead(c) ?? c.cycleTime ?? -1 };
    if (ranked.total < 0 || limit < 1) continue;
    const last = top[top.length - 1];
    if (top.length === limit && last && !before(ranked, last)) continue;
    let i = top.length;
    top.push(ranked);
    for (let prev = top[i - 1]; prev && before(ranked, prev); prev = top[i - 1]) top[i--] = prev;
    top[i] = ranked;
    if (top.length > limit) top.pop();
  }
  return top.map(({ c, total }) => {
    const still = c.leadTime === null && lead(c) !== null;
    // a change still waiting has waited in the deploy stage since its merge
    const stages = still && waiting !== null ? { ...c.stages, deploy: deployObservation(c, waiting)?.seconds ?? null } : c.stages;
    const stage = dominantStage(stages);
    const flags = c.flags.filter(isTimeFlag);
    return {
      id: c.id,
      title: c.title,
      url: c.url,
      ...(c.repository !== undefined && { repository: c.repository }),
      total,
      totalIs: c.leadTime !== null ? 'leadTime' : still ? 'waiting' : 'cycleTime',
      stage,
      stageSeconds: stage === null ? null : stages[stage],
      ...(flags.length > 0 && { flags }),
    };
  });
}

/** The stage holding most of a change's time, or null when none is known. */
function dominantStage(stages: MeasuredChange['stages']): StageName | null {
  let best: StageName | null = null;
  for (const s of STAGES) if ((stages[s] ?? -1) > (best === null ? -1 : (stages[best] ?? -1))) best = s;
  return best;
}
