import { describe, expect, it } from 'vitest';
import type { Acceptance } from '../../src/metrics/schema.js';
import { acceptanceView } from '../../src/render/acceptance.js';
import { CALENDAR_DAYS } from '../../src/units.js';
import { buildReport, sampleChanges } from './report-builder.js';

const group = (merged: number, rejected: number): Acceptance['ai'] => ({
  merged, rejected, rate: merged / (merged + rejected), rateLow: 0.4, rateHigh: 0.8, closedDrafts: 0, failedRuns: 0, timeToCloseP50: null, reviewed: 0, reviews: 0, comments: 0, reviewTime: 0,
});

describe('acceptance over several repositories, as every page writes it', () => {
  it('says the difference is within the repositories, where it is read', () => {
    const acceptance: Acceptance = {
      ...group(452, 68), ai: group(12, 8), other: group(440, 60), tools: [], note: null,
      aiMinusOther: { value: 0, low: -0.21, high: 0.21, real: false, repositories: 1 },
    };
    const view = acceptanceView(buildReport(sampleChanges(), { sources: ['git', 'github'] }, { acceptance }), CALENDAR_DAYS);
    expect(view?.difference).toBe('AI-assisted − other within 1 repository: 0 pp (95% interval −21 pp to +21 pp): the data cannot tell');
    const one = acceptanceView(buildReport(sampleChanges(), { sources: ['git', 'github'] }, { acceptance: { ...acceptance, aiMinusOther: { value: 0, low: -0.21, high: 0.21, real: false } } }), CALENDAR_DAYS);
    expect(one?.difference).toBe('AI-assisted − other: 0 pp (95% interval −21 pp to +21 pp): the data cannot tell');
  });
});
