import { STAGES } from '../domain.js';

/*
 * The cut-offs and lists the figures are defined by (SPEC sections 5 and 9), held apart from the metrics that
 * apply them so that the schema describing the figures (`schema.ts`) can name them without the metrics
 * loading it.
 */

/** changes over this many lines are "large" (review depth, SPEC section 5) */
export const LARGE_CHANGE_LINES = 400;
/** below this many changes in either group the AI comparison says more about chance than about the work */
export const MIN_AI_GROUP = 10;
/** worst flaky checks listed by name */
export const WORST_FLAKY = 5;
/** oldest open pull requests listed */
export const OLDEST_OPEN = 10;
/**
 * Below this many values in a group the resamples barely vary (one value resamples to itself), so an interval
 * would look certain when nothing is known: it is still given, but never called real.
 */
export const MIN_BOOTSTRAP_SAMPLE = 5;
/** a side of a comparison with fewer changes than this is flagged as too few to trust (compare, the previous period) */
export const MIN_COMPARED_SAMPLE = 10;

/** The figures the AI comparison puts an interval on: lead and cycle time, and each stage. */
export const AI_INTERVAL_KEYS = ['leadTime', 'cycleTime', ...STAGES] as const;
/** What the AI comparison gives a difference and its interval for: lead time, cycle time and each stage. */
export type Compared = (typeof AI_INTERVAL_KEYS)[number];
