import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advice/index.js';
import { DEFAULT_THRESHOLDS } from '../../src/config/defaults.js';
import type { Stages } from '../../src/domain.js';
import { whatIf } from '../../src/metrics/what-if.js';
import { healthy, patch } from '../advice/build.js';

const H = 3600;
const D = 86400;
const t = DEFAULT_THRESHOLDS;
const none: Stages = { coding: null, pickup: null, review: null, merge: null, deploy: null };
const change = (stages: Partial<Stages>, leadTime: number | null, counted?: boolean) => ({ stages: { ...none, ...stages }, leadTime, ...(counted !== undefined && { counted }) });

// four deployed changes over a two-week window; one not yet deployed and one not counted, both left out
const CHANGES = [
  change({ pickup: 50 * H, deploy: 30 * H }, 100 * H),
  change({ pickup: 60 * H, deploy: 25 * H }, 120 * H),
  change({ pickup: 10 * H, deploy: 40 * H }, 80 * H),
  change({ pickup: null, deploy: 26 * H }, 30 * H),
  change({ pickup: 100 * H }, null),
  change({ pickup: 500 * H, deploy: 100 * H }, 600 * H, false),
];
const WINDOW = { since: '2026-03-02T00:00:00Z', until: '2026-03-16T00:00:00Z' };

describe('whatIf', () => {
  it('caps one stage of every deployed change, leaving the others and the null stages as they are', () => {
    // pickup capped at 24h: trims 26 + 36 + 0 + 0 (null: nothing to trim) = 62h → 31h a week over 2 weeks;
    // lead times 100, 120, 80, 30 (p50 90h) become 74, 84, 80, 30 (p50 (74 + 80) / 2 = 77h)
    expect(whatIf(CHANGES.slice(0, 5), 'pickup', 24 * H, { days: 14, weeks: 2 })).toEqual({ stage: 'pickup', cap: 24 * H, leadTimeP50: { now: 90 * H, then: 77 * H }, hoursSavedPerWeek: 31, hoursSaved: 62, coveredDays: 14 });
  });

  it('gives no hours a week from under one whole week of history: the hours and the days instead', () => {
    expect(whatIf(CHANGES.slice(0, 5), 'pickup', 24 * H, { days: 2.7, weeks: null })).toMatchObject({ hoursSavedPerWeek: null, hoursSaved: 62, coveredDays: 2.7 });
  });

  it('is null when nothing deployed or the window has no length', () => {
    expect(whatIf([change({ pickup: 100 * H }, null)], 'pickup', 24 * H, { days: 14, weeks: 2 })).toBeNull();
    expect(whatIf(CHANGES, 'pickup', 24 * H, { days: 0, weeks: null })).toBeNull();
  });
});

describe('advise with the window\'s changes', () => {
  // impact (p50 × count) ranks deploy wait first: 3d × 40 = 2880h against pickup's 2d × 50 = 2400h
  const input = patch(healthy(), {
    summary: {
      stages: { pickup: { count: 50, p50: 2 * D }, deploy: { count: 40, p50: 3 * D } },
      flow: { size: { over400: 0.3 } },
      review: { topTwoShare: 0.8 },
    },
  });

  it('ranks the rows about a stage by hours saved a week, the rest after them by impact', () => {
    // deploy capped at 24h trims 6 + 1 + 16 + 2 = 25h → 12.5h a week; lead times 94, 119, 64, 28 → p50 79h
    const rows = advise({ ...input, changes: CHANGES, window: WINDOW }, t);
    expect(rows.map((r) => [r.id, r.whatIf?.hoursSavedPerWeek ?? null])).toEqual([
      ['pickup-wait', 31],
      ['deploy-wait', 12.5],
      ['review-concentration', null],
      ['large-changes', null],
    ]);
    expect(rows[1]?.whatIf).toEqual({ stage: 'deploy', cap: 24 * H, leadTimeP50: { now: 90 * H, then: 79 * H }, hoursSavedPerWeek: 12.5, hoursSaved: 25, coveredDays: 14 });
    // review concentration accounts for more hours than either (0.8 × 2400h) but says nothing of a stage
    expect(rows[2]?.impact).toBe(1920);
  });

  it('saves hours a week over the part of the window the history covers, up to now, and none from under a week', () => {
    // the history starts a week into the two weeks: 25h over one week
    const late = advise({ ...input, changes: CHANGES, window: { ...WINDOW, historyFrom: '2026-03-09T00:00:00Z' } }, t);
    expect(late.find((r) => r.id === 'deploy-wait')?.whatIf).toMatchObject({ hoursSavedPerWeek: 25, hoursSaved: 25, coveredDays: 7 });
    // a product's package removed a week into them: its history, and the hours saved a week, end there
    const gone = advise({ ...input, changes: CHANGES, window: { ...WINDOW, historyUntil: '2026-03-09T00:00:00Z' } }, t);
    expect(gone.find((r) => r.id === 'deploy-wait')?.whatIf).toMatchObject({ hoursSavedPerWeek: 25, hoursSaved: 25, coveredDays: 7 });
    // born three days into the window and removed a week into it: four days, no rate
    const brief = advise({ ...input, changes: CHANGES, window: { ...WINDOW, historyFrom: '2026-03-05T00:00:00Z', historyUntil: '2026-03-09T00:00:00Z' } }, t);
    expect(brief.find((r) => r.id === 'deploy-wait')?.whatIf).toMatchObject({ hoursSavedPerWeek: null, hoursSaved: 25, coveredDays: 4 });
    // measured three days in: 3 days of history, no rate, and the rows still ranked by the hours saved
    const early = advise({ ...input, changes: CHANGES, window: WINDOW, now: '2026-03-05T00:00:00Z' }, t);
    expect(early.map((r) => [r.id, r.whatIf?.hoursSavedPerWeek ?? null, r.whatIf?.hoursSaved ?? null])).toEqual([
      ['pickup-wait', null, 62],
      ['deploy-wait', null, 25],
      ['review-concentration', null, null],
      ['large-changes', null, null],
    ]);
  });

  it('keeps the impact order without the changes', () => {
    expect(advise(input, t).map((r) => r.id)).toEqual(['deploy-wait', 'pickup-wait', 'review-concentration', 'large-changes']);
    expect(advise(input, t).some((r) => r.whatIf !== undefined)).toBe(false);
  });
});
