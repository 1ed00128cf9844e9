import { figureLabel } from '../metrics/catalogue.js';
import type { Report } from '../report/schema.js';
import { formatRatio } from './duration.js';

/*
 * Repair share in words, the same in every format (text, Markdown, HTML): the renderers only lay these out.
 * The reasons are named by the catalogue's labels, so a label changed there changes every report.
 */

type Repair = NonNullable<Report['summary']['repair']>;
type Figures = Pick<Repair, 'changes' | 'repairs' | 'share' | 'cycleTimeShare'>;

const REASONS = ['revert', 'failedDeployFix', 'hotfixBranch', 'fixTitle', 'bugLabel'] as const;

/** `14 of 40 changes (35%) repaired earlier work, 25% of the cycle time`. */
export function repairHeadline(r: Figures): string {
  const cycle = r.cycleTimeShare === null ? '' : `, ${formatRatio(r.cycleTimeShare)} of the cycle time`;
  return `${r.repairs} of ${r.changes} ${r.changes === 1 ? 'change' : 'changes'} (${formatRatio(r.share)}) repaired earlier work${cycle}`;
}

/**
 * `reverts 3 · fixes of a failed deploy 2 · …`: every reason with a count; bug labels only when measured. A repair
 * of several reasons is counted under each, so the counts may add up to more than the repairs: the line says how
 * many of them did (tokio: `reverts 4 · fixes of a failed deploy 6` of 9 repairs, one a revert of a change that
 * had failed a deploy, read as a miscount).
 */
export function repairReasons(r: Repair): string {
  const reasons = REASONS.flatMap((key) => {
    const n = r.reasons[key];
    return n === null || n === 0 ? [] : [`${figureLabel(`repair.reasons.${key}`)} ${n}`];
  }).join(' · ');
  const several = r.reasons.several ?? 0;
  if (reasons === '' || several === 0) return reasons;
  return `${reasons} (${several} of the ${r.repairs} repairs ${several === 1 ? 'has' : 'have'} several of these reasons, counted under each)`;
}

/**
 * `repairs among the AI-assisted changes: 50% of 12 (40% of their cycle time) · among the other changes: 29% of
 * 28 (20% of their cycle time)`; '' when no change has an AI marker. Labelled as what it splits: a bare
 * `AI-assisted 50% of 12` under the repairs read as a share of AI-assisted work.
 */
export function repairSplit(r: Repair): string {
  if (r.ai.changes === 0) return '';
  const side = (label: string, f: Figures): string =>
    `among the ${label} changes: ${formatRatio(f.share)} of ${f.changes}${f.cycleTimeShare === null ? '' : ` (${formatRatio(f.cycleTimeShare)} of their cycle time)`}`;
  return `repairs ${side(figureLabel('repair.ai'), r.ai)} · ${side(figureLabel('repair.other'), r.other)}`;
}

/** The weeks that had changes, as `[week, share, repairs of changes, share of cycle time]` rows. */
export function repairWeeks(r: Repair): string[][] {
  return (r.weeks ?? []).filter((w) => w.changes > 0).map((w) => [w.weekStart, formatRatio(w.share), `${w.repairs} of ${w.changes}`, formatRatio(w.cycleTimeShare)]);
}

/** What counts as a repair, for the sections' lead. */
export const REPAIR_LEAD =
  'Changes that repaired earlier work: reverts, fixes of a failed deploy (shipped in the deploy that restored it: the revert, or all it carried since the failure when it was cut for the fix), ' +
  'changes from a hotfix/ branch or titled fix: or hotfix:, and pull requests labelled as bugs (GitHub mode). "Fixes #N" in a body alone does not make a repair.';

/** The Markdown section (every word is flowaudit's own or a date: nothing to escape). */
export function repairMarkdown(report: Report): string[] {
  const r = report.summary.repair;
  if (!r || r.changes === 0) return [];
  const reasons = repairReasons(r);
  const split = repairSplit(r);
  const weeks = repairWeeks(r);
  return [
    '### Repairs',
    '',
    REPAIR_LEAD,
    '',
    `- **${repairHeadline(r)}**${reasons ? `: ${reasons}` : ''}`,
    ...(split ? [`- ${split}`] : []),
    '',
    // folded, as in HTML: a whole history is hundreds of weeks
    ...(weeks.length > 1
      ? ['<details>', `<summary>Week by week (${weeks.length} weeks with changes)</summary>`, '', '| Week | Repairs | Of changes | Of cycle time |', '| :-- | --: | --: | --: |', ...weeks.map((w) => `| ${w.join(' | ')} |`), '', '</details>', '']
      : []),
  ];
}
