import { buildRepo, type FixtureRepo, type Step } from './helpers/git-fixture.js';

/*
 * The queue scenario: a team that finishes more pull requests each week than it merges. Window
 * [2026-03-02, 2026-03-30) = four Monday weeks W1..W4, now 2026-04-20. Twelve pull requests, three a week:
 *   A1 A2 A3 (#1–#3)    first commit Mon 03-02 10:00, last commit Tue 03-03 10:00
 *   B1 B2 B3 (#4–#6)    03-09 10:00 → 03-10 10:00
 *   C1 C2 C3 (#7–#9)    03-16 10:00 → 03-17 10:00
 *   D1 D2    (#10–#11)  03-23 10:00 → 03-24 10:00
 *   D3       (#12)      Fri 03-20 10:00 → Tue 03-24 10:00: its coding crosses from W3 into W4
 * The first of each week (A1, B1, C1, D1) carries `Co-authored-by: Claude`. One merges a week, each at 12:00:
 *   A1 03-05, A2 03-12, A3 03-19, B1 03-26; the rest after the window: B2 04-02, B3 04-06, C1 04-08,
 *   C2 04-09, C3 04-10, D1 04-13, D2 04-14, D3 04-15.
 * Tags (annotated, 12:00): v0.1.0 03-01 on the initial commit (so it is shipped before the window), v1.0.0
 * 03-06 ships A1, v1.1.0 03-20 ships A2 and A3, v1.2.0 04-16 ships B1 and every April merge.
 */
const PULLS: ReadonlyArray<{ id: string; first: string; last: string; merged: string; ai?: boolean }> = [
  { id: 'A1', first: '03-02', last: '03-03', merged: '03-05', ai: true },
  { id: 'A2', first: '03-02', last: '03-03', merged: '03-12' },
  { id: 'A3', first: '03-02', last: '03-03', merged: '03-19' },
  { id: 'B1', first: '03-09', last: '03-10', merged: '03-26', ai: true },
  { id: 'B2', first: '03-09', last: '03-10', merged: '04-02' },
  { id: 'B3', first: '03-09', last: '03-10', merged: '04-06' },
  { id: 'C1', first: '03-16', last: '03-17', merged: '04-08', ai: true },
  { id: 'C2', first: '03-16', last: '03-17', merged: '04-09' },
  { id: 'C3', first: '03-16', last: '03-17', merged: '04-10' },
  { id: 'D1', first: '03-23', last: '03-24', merged: '04-13', ai: true },
  { id: 'D2', first: '03-23', last: '03-24', merged: '04-14' },
  { id: 'D3', first: '03-20', last: '03-24', merged: '04-15' },
];
const TAGS: ReadonlyArray<{ tag: string; after: string; at: string }> = [
  { tag: 'v1.0.0', after: 'A1', at: '03-06' },
  { tag: 'v1.1.0', after: 'A3', at: '03-20' },
  { tag: 'v1.2.0', after: 'D3', at: '04-16' },
];

export const QUEUE_WINDOW = { since: '2026-03-02', until: '2026-03-30', now: '2026-04-20T00:00:00Z' } as const;

export function queueScenario(): FixtureRepo {
  const day = (md: string, hour: string): string => `2026-${md}T${hour}:00:00Z`;
  const plan: Step[] = [
    { commit: 'initial commit', at: day('03-01', '00') },
    { tag: 'v0.1.0', annotated: true, at: day('03-01', '12') },
  ];
  for (const p of PULLS) plan.push({ branch: p.id, from: 'main' });
  for (const p of PULLS) {
    const ai = p.ai ? '\n\nCo-authored-by: Claude <noreply@anthropic.com>' : '';
    plan.push({ commit: `${p.id}: start${ai}`, on: p.id, at: day(p.first, '10') });
    plan.push({ commit: `${p.id}: finish`, on: p.id, at: day(p.last, '10') });
  }
  PULLS.forEach((p, i) => {
    plan.push({ merge: p.id, at: day(p.merged, '12'), message: `Merge pull request #${i + 1} from ada/${p.id}\n\nPull ${p.id}` });
    for (const t of TAGS.filter((t) => t.after === p.id)) plan.push({ tag: t.tag, annotated: true, at: day(t.at, '12') });
  });
  return buildRepo(plan);
}
