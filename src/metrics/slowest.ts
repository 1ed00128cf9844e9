import { STAGES, type MeasuredChange, type StageName } from '../domain.js';

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

/** The `limit` slowest changes by lead time (cycle time when not deployed), ties by id, then as given. Pure. */
export function slowestChanges(changes: readonly MeasuredChange[], limit: number): SlowChange[] {
  const total = (c: MeasuredChange): number => c.leadTime ?? c.cycleTime ?? -1;
  const before = (a: MeasuredChange, b: MeasuredChange): boolean => total(a) > total(b) || (total(a) === total(b) && a.id.localeCompare(b.id) < 0);
  // one pass keeping the slowest so far, in order: sorting an organisation's changes for ten was most of the time
  const top: MeasuredChange[] = [];
  for (const c of changes) {
    if (total(c) < 0 || limit < 1) continue;
    const last = top[top.length - 1];
    if (top.length === limit && last && !before(c, last)) continue;
    let i = top.length;
    top.push(c);
    for (let prev = top[i - 1]; prev && before(c, prev); prev = top[i - 1]) top[i--] = prev;
    top[i] = c;
    if (top.length > limit) top.pop();
  }
  return top.map((c) => {
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
function dominantStage(c: MeasuredChange): StageName | null {
  let best: StageName | null = null;
  for (const s of STAGES) if ((c.stages[s] ?? -1) > (best === null ? -1 : (c.stages[best] ?? -1))) best = s;
  return best;
}
