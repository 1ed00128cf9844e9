import type { StageName } from './domain.js';

/**
 * What each stage is called where people read it. From git alone "review" is the whole wait from the last
 * commit to the merge (SPEC section 2), so it is named for that, and "coding" the span from the first to the
 * last commit, which is all git sees of it.
 */
export function stageLabel(stage: StageName, gitOnly: boolean): string {
  switch (stage) {
    case 'coding': return gitOnly ? 'first → last commit' : 'coding';
    case 'pickup': return 'pickup (waiting for review)';
    case 'review': return gitOnly ? 'review & merge wait' : 'review & rework';
    case 'merge': return 'merge wait (approved)';
    case 'deploy': return 'deploy wait';
  }
}

const SHORT: Readonly<Record<StageName, string>> = { coding: 'coding', pickup: 'pickup', review: 'review', merge: 'merge wait', deploy: 'deploy wait' };

// from git alone: the span between a change's first and last commit, and the whole wait from it to the merge
const SHORT_GIT_ONLY: Readonly<Partial<Record<StageName, string>>> = { coding: 'first → last', review: 'review & merge' };

/**
 * Stage names short enough for a chart's row labels; tables spell them out with `stageLabel`. From git alone
 * "coding" is only the span between a change's first and last commit and "review" the wait from it to the
 * merge, and are named so.
 */
export function shortStageLabel(stage: StageName, gitOnly: boolean): string {
  return (gitOnly ? SHORT_GIT_ONLY[stage] : undefined) ?? SHORT[stage];
}
