import type { StageName } from './domain.js';

/**
 * What each stage is called where people read it. From git alone "review" is the whole wait from the last
 * commit to the merge (SPEC section 2), so it is named for that.
 */
export function stageLabel(stage: StageName, gitOnly: boolean): string {
  switch (stage) {
    case 'coding': return 'coding';
    case 'pickup': return 'pickup (waiting for review)';
    case 'review': return gitOnly ? 'review & merge wait' : 'review & rework';
    case 'merge': return 'merge wait (approved)';
    case 'deploy': return 'deploy wait';
  }
}

/** Stage names short enough for a chart's row labels; tables spell them out with `stageLabel`. */
export const SHORT_STAGE_LABELS: Readonly<Record<StageName, string>> = { coding: 'coding', pickup: 'pickup', review: 'review', merge: 'merge wait', deploy: 'deploy wait' };
