import type { StageName } from '../domain.js';
import { stageLabel } from '../stage-labels.js';
import { codingUnseen, type StageSummary } from './stage-summary.js';
import { andList, formatRatio as percent, plural } from '../units.js';

/** Only these stages are someone waiting on someone (SPEC section 6); review and coding are work. */
const WAITING: readonly StageName[] = ['pickup', 'merge', 'deploy'];
/** fewer changes than this and a share says more about one change than about the team: no sentence names one */
export const MIN_SHARE_CHANGES = 5;

/**
 * One sentence: where the typical change's time goes, stages named by their share, and how much of it is
 * waiting (pickup, merge wait, deploy wait only). Says nothing about shares with fewer than 5 changes or no
 * positive duration behind them. Pure.
 */
export function headline(summary: Pick<StageSummary, 'stages' | 'shareBasis' | 'changes'>, o: { gitOnly: boolean; businessHours: boolean; deployIsMerge?: boolean }): string {
  const { stages, shareBasis } = summary;
  // shares fall back to the cycle time when no change has a lead time: nothing deployed yet, or (a clone without
  // the pull requests' commits) deployed changes none of whose first commit is known
  const deployed = stages.deploy.count - (stages.deploy.censored ?? 0);
  const total = shareBasis.kind === 'deployed' ? 'lead time' : deployed > 0 ? 'cycle time' : 'cycle time (nothing deployed yet)';
  if (shareBasis.changes === 0) {
    return summary.changes === 0 ? 'No change to measure.' : `No change has a known, positive ${total}: there is no time to split.`;
  }
  if (shareBasis.changes < MIN_SHARE_CHANGES) {
    return `Only ${plural(shareBasis.changes, 'change')} ${shareBasis.changes === 1 ? 'has' : 'have'} a known, positive ${total}: too few to say where the typical change's time goes (${MIN_SHARE_CHANGES} needed).`;
  }
  const share = (k: StageName): number => stages[k].share ?? 0;
  // a stage under half a percent of the typical change is not worth naming in one sentence
  const ranked = (Object.keys(stages) as StageName[]).filter((k) => share(k) >= 0.005).sort((a, b) => share(b) - share(a));
  const waits = ranked.filter((k) => WAITING.includes(k));
  const unseen = codingUnseen(stages.coding, o.gitOnly);
  // what git cannot see is said as such, not given a share as if it were a fact about the work
  const unseenText = unseen ? ` Git cannot see coding time: ${percent(stages.coding.oneCommitShare)} of the changes landed from a branch as one commit (or commits of one moment).` : '';
  const work = ranked.filter((k) => !WAITING.includes(k) && !(k === 'coding' && unseen)).map((k) => ({ pct: percent(share(k)), what: k === 'coding' ? (o.gitOnly ? 'coding (first → last commit)' : 'coding') : `in ${stageLabel(k, o.gitOnly)}` }));
  const start = o.businessHours ? 'Counting working time only, the' : 'The';
  // every merge taken as its deploy (chosen, or no deploy signal found) has no deploy wait by construction: "none
  // of its lead time waiting for a deploy" would state as measured what was assumed
  if (o.gitOnly && (shareBasis.kind !== 'deployed' || o.deployIsMerge === true)) {
    // git sees no waiting stage inside the cycle time ("review & merge wait" mixes work and wait): name shares only
    const [first, ...rest] = work;
    if (!first) return `${start} typical change's ${total} has no share to name.${unseenText}`;
    return `${start} typical change spends ${andList([`${first.pct} of its ${total} ${first.what}`, ...rest.map((w) => `${w.pct} ${w.what}`)])}.${unseenText}`;
  }
  const waiting = waits.reduce((sum, k) => sum + share(k), 0);
  // from git alone the deploy wait is the only stage that is waiting and nothing else: said so, lest "none
  // waiting" read as a denial of the "review & merge wait" beside it
  const waitText = o.gitOnly
    ? `${waits.length > 0 ? percent(waiting) : 'none'} of its ${total} waiting for a deploy`
    : waits.length > 0
      ? `${percent(waiting)} of its ${total} waiting (${waits.map((k) => `${stageLabel(k, o.gitOnly)} ${percent(share(k))}`).join(', ')})`
      : `none of its ${total} waiting`;
  const workText = work.map((w) => `${w.pct} ${w.what}`);
  return `${start} typical change spends ${waitText}${workText.length > 0 ? `, ${andList(workText)}` : ''}.${unseenText}`;
}
