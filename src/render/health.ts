import { STAGES } from '../domain.js';
import { shortStageLabel } from '../stage-labels.js';
import { comparedChange, durationFormat, durationOrBound, formatDuration, formatLines as lines, formatNumber as decimal, formatRatio, type DurationFormat } from './duration.js';
import { plural, withSign } from '../units.js';
import { MIN_AI_GROUP } from '../metrics/limits.js';
import type { Interval as DifferenceInterval } from '../metrics/bootstrap.js';
import type { Report } from '../report/schema.js';

/*
 * The review, rework, CI, work-in-progress and AI sections as labelled rows of plain text, each figure named
 * in words with its unit, for the Markdown report (the HTML report draws them). Text here is unescaped; the
 * renderer escapes it.
 */

export interface HealthTable {
  head: string[];
  rows: string[][];
  /** per row, the address its first cell links to (a pull request's page), null where none is known */
  links?: Array<string | null>;
}

export interface HealthSection {
  id: 'review' | 'rework' | 'ci' | 'wip' | 'ai';
  title: string;
  figures: Array<[string, string]>;
  tables: HealthTable[];
}

const count = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(n));

/** The sections the report measured, in reading order; a section whose figures are null (git only) is left out. */
export function healthSections(report: Report): HealthSection[] {
  const days = durationFormat(report.businessHours);
  const s = report.summary;
  const out: HealthSection[] = [];
  if (s.review) {
    const r = s.review;
    out.push({
      id: 'review',
      title: 'Review health',
      figures: [
        ['Reviews', `${r.reviews} by ${plural(r.reviewers, 'reviewer')}, ${decimal(r.reviewsPerChange)} per change`],
        ['Share of reviews by the two busiest reviewers', formatRatio(r.topTwoShare)],
        ['Merged without review', `${r.unreviewed} (${formatRatio(r.unreviewedShare)})`],
        ['Merged without an approval by someone else', `${r.selfMerged} (${formatRatio(r.selfMergedShare)})`],
        ['Large changes (over 400 lines)', `${r.largeChanges}, ${r.largeChangesWithoutComments} approved without a comment`],
        ['Review depth on large changes (comments per 100 lines, p50)', decimal(r.largeChangeCommentsPer100LinesP50)],
      ],
      tables: r.byReviewer.length === 0 ? [] : [{
        head: ['Reviewer', 'Reviews', 'First reviews', 'Pickup p50 when first'],
        rows: r.byReviewer.slice(0, 10).map((x) => [x.reviewer, count(x.reviews), count(x.firstReviews), formatDuration(x.pickupP50, days)]),
      }],
    });
  }
  if (s.rework) {
    const w = s.rework;
    out.push({
      id: 'rework',
      title: 'Rework',
      figures: [
        ['Reviewed changes', count(w.reviewed)],
        ['Commits or force-pushes after the first review', `${w.reworked} (${formatRatio(w.share)})`],
        ['Changes requested', `${w.changesRequested} (${formatRatio(w.changesRequestedShare)})`],
      ],
      tables: [],
    });
  }
  if (s.ci) {
    const c = s.ci;
    out.push({
      id: 'ci',
      title: 'CI checks',
      figures: [
        ['Check wall time on the final head commit', `p50 ${formatDuration(c.p50, days)}, p90 ${formatDuration(c.p90, days)} over ${plural(c.changes, 'change')}`],
        ['Flaky checks (failed, then passed on the same commit)', `${c.flakyChecks} of ${c.checks} (${formatRatio(c.flakyRate)})`],
        ['Share of the merge wait spent waiting on checks', formatRatio(c.mergeWaitOnChecksShare)],
        ['Changes by check wall time', c.durationHistogram.filter((b) => b.count > 0).map((b) => `${b.label}: ${b.count}`).join(', ') || '—'],
      ],
      tables: c.worstFlaky.length === 0 ? [] : [{
        head: ['Flaky check', 'Flaky runs', 'Changes that ran it', 'Rate'],
        rows: c.worstFlaky.map((f) => [f.name, count(f.flaky), count(f.runs), formatRatio(f.rate)]),
      }],
    });
  }
  if (s.wip) {
    const w = s.wip;
    out.push({
      id: 'wip',
      title: 'Work in progress',
      figures: [
        ['Open pull requests (not drafts)', `${w.open}, and ${plural(w.drafts, 'draft')}`],
        ['Age of the open pull requests', `p50 ${formatDuration(w.p50Age, days)}, p90 ${formatDuration(w.p90Age, days)}`],
        ['Open pull requests per active author', decimal(w.perAuthor)],
        ['Open pull requests by age', w.ageHistogram.filter((b) => b.ready + b.drafts > 0).map((b) => `${b.label}: ${b.ready}${b.drafts > 0 ? ` + ${b.drafts} draft` : ''}`).join(', ') || '—'],
      ],
      tables: w.oldest.length === 0 ? [] : [{
        head: ['Longest open', 'Title', 'Author', 'State', 'Open for'],
        rows: w.oldest.map((p) => [`#${p.number}`, p.title, p.author, p.isDraft ? 'draft' : 'ready', formatDuration(p.age, days)]),
        links: w.oldest.map((p) => p.url ?? null),
      }],
    });
  }
  const ai = s.aiComparison;
  if (ai.assisted.count > 0) {
    const intervals = ai.intervals;
    const row = (name: string, a: string, o: string, i?: WithinInterval, words = durationWords(days)): string[] =>
      [name, a, o, ...(intervals ? (i ? differenceCells(i, words, tooFewToCompare(ai), ai.repositories) : ['', '', '']) : [])];
    const rows = [
      row('Changes', count(ai.assisted.count), count(ai.other.count)),
      row('Lead time p50', durationOrBound(ai.assisted.leadTimeP50, ai.assisted.atLeast?.leadTime, days), durationOrBound(ai.other.leadTimeP50, ai.other.atLeast?.leadTime, days), intervals?.leadTime),
      row('Cycle time p50', formatDuration(ai.assisted.cycleTimeP50, days), formatDuration(ai.other.cycleTimeP50, days), intervals?.cycleTime),
      ...STAGES.map((k) => row(`${shortStageLabel(k, !report.sources.includes('github'))} p50`, durationOrBound(ai.assisted.stages[k], k === 'deploy' ? ai.assisted.atLeast?.deploy : null, days), durationOrBound(ai.other.stages[k], k === 'deploy' ? ai.other.atLeast?.deploy : null, days), intervals?.[k])),
      row('Size p50', lines(ai.assisted.p50Size), lines(ai.other.p50Size), ai.sizeInterval, SIZE_WORDS),
      row('Reverted', formatRatio(ai.assisted.failureRate), formatRatio(ai.other.failureRate)),
      row('Reworked after review', formatRatio(ai.assisted.reworkShare), formatRatio(ai.other.reworkShare)),
    ];
    out.push({
      id: 'ai',
      title: 'AI-assisted vs other',
      figures: ai.note ? [['Note', ai.note]] : [],
      tables: [{ head: ['', 'AI-assisted (a lower bound)', 'Other', ...(intervals ? [`Difference of medians${withinRepositories(ai.repositories)}`, '95% interval', 'Verdict'] : [])], rows }],
    });
  }
  return out;
}

/** How a row of the AI comparison writes its difference: the signed value, and the verdict's words either way. */
export interface DifferenceWords {
  signed: (value: number | null) => string;
  lower: string;
  higher: string;
}

/** Durations: `+3h`, AI-assisted faster or slower. */
export const durationWords = (days: DurationFormat): DifferenceWords => ({ signed: (v) => comparedChange(v, 'seconds', days), lower: 'AI-assisted faster', higher: 'AI-assisted slower' });

/** Sizes: `+120 lines`, AI-assisted smaller or larger. */
export const SIZE_WORDS: DifferenceWords = { signed: (v) => withSign(v, lines), lower: 'AI-assisted smaller', higher: 'AI-assisted larger' };

/** A row's three cells: the difference, its 95% interval (`−1d 6h to +10h`) and the verdict, in the row's words. */
export function differenceCells(i: WithinInterval, words: DifferenceWords, tooFew: boolean, within?: number): [string, string, string] {
  // one end open (a group's median unreached in too many resamples: changes still waiting): what the other says
  const range = i.low === null && i.high === null ? '—' : i.low === null ? `≤ ${words.signed(i.high)}` : i.high === null ? `≥ ${words.signed(i.low)}` : `${words.signed(i.low)} to ${words.signed(i.high)}`;
  // over several repositories no difference is one no repository holds five of each group for
  const said = i.difference === null && within !== undefined ? 'too few in any one repository' : verdict(i, tooFew, words);
  return [`${words.signed(i.difference)}${fewerRepositories(i, within)}`, range, said];
}

/** A difference of the AI comparison, over several repositories with how many its own is taken within. */
export type WithinInterval = DifferenceInterval & { repositories?: number };

/**
 * ` (within 3)`: a difference taken within fewer repositories than the comparison's heading names (lead time
 * and the deploy wait count deployed changes only, so a repository of few releases can hold too few of them); ''
 * where it is taken within them all, over one repository, or where there is no difference to qualify.
 */
export function fewerRepositories(i: WithinInterval, within: number | undefined): string {
  return within === undefined || i.repositories === undefined || i.difference === null || i.repositories >= within ? '' : ` (within ${i.repositories})`;
}

/**
 * Whether a group of the AI comparison is too small to compare: then no difference is called real, whatever
 * its interval, so the report never says "a real difference" and "too few to compare" of the same numbers.
 */
export function tooFewToCompare(ai: { assisted: { count: number }; other: { count: number } }): boolean {
  return Math.min(ai.assisted.count, ai.other.count) < MIN_AI_GROUP;
}

/**
 * Whether the interval of a difference leaves out 0: real only with enough values behind it. One end null is
 * unbounded on that side (a compared figure with changes still waiting); both null, no interval.
 */
export function excludesZero(i: Pick<DifferenceInterval, 'low' | 'high'>): boolean {
  return (i.low !== null && i.low > 0) || (i.high !== null && i.high < 0);
}

/**
 * An interval that leaves out 0 over fewer values than a bootstrap can vary (`MIN_BOOTSTRAP_SAMPLE`): not real
 * all the same, and worded `too few values to tell`, never "the data cannot tell" beside it.
 */
export function tooFewValues(i: Pick<DifferenceInterval, 'low' | 'high' | 'real'>): boolean {
  return !i.real && excludesZero(i);
}

/**
 * What an interval that calls no difference allows one to say: too few values to tell where it leaves out 0 all
 * the same (`tooFewValues`), else that the data cannot tell. The AI comparison, the previous period and `compare`
 * word it so.
 */
export function notTold(i: Pick<DifferenceInterval, 'low' | 'high' | 'real'>): string {
  return tooFewValues(i) ? 'too few values to tell' : 'the data cannot tell';
}

/**
 * What a difference that is not real allows one to say: too few to tell when its interval leaves out 0 all the same
 * (a group under the minimum), else that the data cannot tell; null for a real one, which its figure words itself.
 */
export function unsettled(d: Pick<DifferenceInterval, 'low' | 'high' | 'real'>): string | null {
  if (d.real) return null;
  return excludesZero(d) ? 'too few to tell' : 'the data cannot tell';
}

/**
 * Whether the groups do not differ at all: equal medians, and every resample equal too (aider's cycle times, 0s in
 * both: "0s (0s … 0s)"), which the previous period words "no change", never "the data cannot tell".
 */
export function noDifference(i: Pick<DifferenceInterval, 'difference' | 'low' | 'high'>): boolean {
  return i.difference === 0 && i.low === 0 && i.high === 0;
}

/** What an interval allows one to say: a difference only when it leaves out 0 and both groups are big enough. */
export function verdict(i: DifferenceInterval, tooFew: boolean, words: Pick<DifferenceWords, 'lower' | 'higher'>): string {
  if (i.difference === null) return 'not measurable';
  if (tooFew) return 'too few changes to tell';
  if (noDifference(i)) return 'no difference';
  if (!i.real) return notTold(i);
  return i.difference < 0 ? words.lower : words.higher;
}

/** ` within 3 repositories`: where the AI comparison's differences are taken over several (metrics/flow-health.ts); '' over one. */
export function withinRepositories(repositories: number | undefined): string {
  // none holds enough of both groups: every difference is missing, and says why where it stands
  return repositories === undefined || repositories === 0 ? '' : ` within ${repositories === 1 ? '1 repository' : `${repositories} repositories`}`;
}
