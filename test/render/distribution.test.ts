import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { buildReport, sampleChanges } from './report-builder.js';

describe('the lead-time distribution', () => {
  // the sample month: 7 counted changes deployed, 2 merged and not deployed by the window's end (#108, #110)
  const report = buildReport(sampleChanges());

  it('says it counts the deployed changes, and how many wait without a lead time, in Markdown and HTML', () => {
    const { leadTimeDeployed, leadTime } = report.summary;
    expect([leadTimeDeployed.count, leadTime.censored]).toEqual([7, 2]);
    const basis = 'Changes by lead time, from first commit to deploy: the 7 deployed; the 2 still waiting have no lead time yet.';
    expect(renderMarkdown(report)).toContain(basis);
    expect(renderHtml(report)).toContain(basis);
    // the bars add up to the deployed changes the sentence names
    expect(report.summary.leadTimeHistogram.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(7);
  });
});
