import { DEFAULT_BUG_LABEL, DEFAULT_ENVIRONMENT, DEFAULT_TAG_PATTERN, DEFAULT_WORKFLOW } from '../options.js';
import type { Config, ThresholdKind, Thresholds } from './types.js';

const MINUTE = 60;
const HOUR = 3600;

/** Every threshold's default, how it is written, and why that value: the one place thresholds are chosen. */
export const THRESHOLD_DEFAULTS: { readonly [K in keyof Thresholds]: { value: number; kind: ThresholdKind; reason: string } } = {
  pickupP50: { value: 24 * HOUR, kind: 'duration', reason: 'a review request should get a first look within a working day' },
  reviewWaitP50: { value: 48 * HOUR, kind: 'duration', reason: 'git-only wait from last commit to merge covers pickup, review and approval together: two days' },
  mergeWaitP50: { value: 8 * HOUR, kind: 'duration', reason: 'approved work should merge the same working day' },
  deployWaitP50: { value: 24 * HOUR, kind: 'duration', reason: 'the 2024 DORA elite cluster\'s lead time is less than one day; merged work waiting longer is being batched' },
  reviewTopTwoShare: { value: 0.6, kind: 'ratio', reason: 'past this two people gate most changes (checked only with 3 or more reviewers)' },
  largeChangeShare: { value: 0.2, kind: 'ratio', reason: 'review finds less past about 400 lines; one change in five that large is a habit' },
  checksP50: { value: 10 * MINUTE, kind: 'duration', reason: 'the ten-minute build: longer and people switch to other work while checks run' },
  flakyRate: { value: 0.05, kind: 'ratio', reason: 'one flaky result in twenty is enough for people to stop trusting a red check' },
  changeFailureRate: { value: 0.15, kind: 'ratio', reason: 'one deploy in seven: between the 2024 DORA clusters\' medium (10%) and high (20%) rates' },
  reworkShare: { value: 0.4, kind: 'ratio', reason: 'commits after review are normal, but in two changes of five they mean the approach was settled late' },
  repairShare: { value: 0.3, kind: 'ratio', reason: 'fixes are normal, but three changes in ten repairing earlier work is capacity spent going back' },
  wipPerAuthor: { value: 2, kind: 'count', reason: 'more than two open pull requests each means starting faster than finishing' },
  unreviewedShare: { value: 0.1, kind: 'ratio', reason: 'more than one change in ten merged unseen is a practice, not an exception' },
  aiRatio: { value: 1.5, kind: 'factor', reason: 'a gap of half again is more than chance between two groups of ten or more' },
};

export const DEFAULT_THRESHOLDS: Thresholds = Object.fromEntries(
  Object.entries(THRESHOLD_DEFAULTS).map(([key, spec]) => [key, spec.value]),
) as unknown as Thresholds;

/** a revert later than two weeks after the deploy is a redesign, not an incident (SPEC section 4) */
export const DEFAULT_REVERT_WINDOW = 14 * 86400;

/** The configuration when there is no file and no flag. A fresh copy each call: callers may change it. */
export function defaultConfig(): Config {
  return {
    bots: [],
    deploy: { from: 'auto', tagPattern: DEFAULT_TAG_PATTERN, environment: DEFAULT_ENVIRONMENT, workflow: DEFAULT_WORKFLOW, includePrereleases: false },
    revertWindow: DEFAULT_REVERT_WINDOW,
    incidentLabel: 'incident',
    bugLabel: DEFAULT_BUG_LABEL,
    ai: { markers: [], labels: [], agents: [] },
    requiredApprovals: 1,
    businessHours: { enabled: false, timezone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
    thresholds: { ...DEFAULT_THRESHOLDS },
    sizeExcluded: [],
    check: [],
    products: {},
    source: null,
  };
}
