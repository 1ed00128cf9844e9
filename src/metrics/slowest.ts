import { STAGES, type Change, type StageName } from '../domain.js';

export interface SlowChange {
  id: string;
  title: string;
  url: string | null;
  repository?: string;
  /** lead time, or cycle time when not deployed, seconds */
  total: number;
  totalIs: 'leadTime' | 'cycleTime';
  /** the stage that held most of its time */
  stage: StageName | null;
  stageSeconds: number | null;
}

/** The `limit` slowest changes by lead time (cycle time when not deployed), ties by id. Pure. */
export function slowestChanges(changes: readonly Change[], limit: number): SlowChange[] {
  const total = (c: Change): number => c.leadTime ?? c.cycleTime ?? -1;
  return changes
    .filter((c) => total(c) >= 0)
    .sort((a, b) => total(b) - total(a) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((c) => {
      const stage = dominantStage(c);
      return {
        id: c.id,
        title: c.title,
        url: c.url,
        ...(c.repository !== undefined && { repository: c.repository }),
        total: total(c),
        totalIs: c.leadTime !== null ? 'leadTime' : 'cycleTime',
        stage,
        stageSeconds: stage === null ? null : c.stages[stage],
      };
    });
}

/** The stage holding most of a change's time, or null when none is known. */
function dominantStage(c: Change): StageName | null {
  let best: StageName | null = null;
  for (const s of STAGES) if ((c.stages[s] ?? -1) > (best === null ? -1 : (c.stages[best] ?? -1))) best = s;
  return best;
}
