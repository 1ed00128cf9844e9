import { describe, expect, it } from 'vitest';
import type { AiLoad } from '../../src/metrics/schema.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { buildReport, sampleChanges } from './report-builder.js';

const H = 3600;
/** written by hand: AI-assisted changes read at 250 lines an hour against 90, a real difference; one hostile login */
const LOAD: AiLoad = {
  ai: { reviewed: 40, largeReviewed: 12, linesPerReviewHourP50: 250, open: 6, drafts: 1, openP50Age: 30 * H },
  other: { reviewed: 60, largeReviewed: 3, linesPerReviewHourP50: 90, open: 4, drafts: 0, openP50Age: 10 * H },
  linesPerReviewHourDifference: { value: 160, low: 40, high: 300, real: true },
  largeAiPerReviewerDay: { reviewerDays: 55, p90: 2, worst: 5, worstDate: '2026-03-04', worstReviewer: '<b>octo</b>\u001b[31mcat' },
};

describe('AI review load on every page', () => {
  const report = buildReport(sampleChanges(), {}, { aiLoad: LOAD });

  it('writes each figure AI-assisted against other, the difference it can tell and the worst day, in text', () => {
    const text = renderText(report, { color: false, width: 80 });
    const flat = text.replace(/\n\s*/g, ' ');
    expect(flat).toContain('lines per review hour, p50 250 vs 90.0 · large changes among those reviewed 12 of 40 vs 3 of 60 · open pull requests (and drafts) 6 (1 draft) vs 4 (0 drafts) · open p50 age 1d 6h vs 10h');
    expect(flat).toContain('lines per review hour, AI-assisted − other: +160 (95% interval +40.0 to +300): AI-assisted changes are read faster per hour');
    expect(flat).toContain('over 55 reviewer-days: p90 2.0, at most 5 (2026-03-04, <b>octo</b>');
    // the login's escape sequence never reaches the terminal
    expect(text).not.toContain('\u001b[31m');
    expect(text.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  it('gives Markdown and HTML the same rows, the login escaped', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('### Review load: AI-assisted against other');
    expect(markdown).toContain('| lines per review hour, p50 | 250 | 90.0 |');
    const html = renderHtml(report);
    expect(html).toContain('<section id="ai-load"');
    expect(html).toContain('<td class="num">12 of 40</td><td class="num">3 of 60</td>');
    expect(html).toContain('&lt;b&gt;octo&lt;/b&gt;');
    expect(html).not.toContain('<b>octo</b>');
  });

  it('says "too few to tell" where the interval leaves out 0 but a group has under ten reviewed changes', () => {
    const few = buildReport(sampleChanges(), {}, { aiLoad: { ...LOAD, linesPerReviewHourDifference: { ...LOAD.linesPerReviewHourDifference, real: false } } });
    expect(renderText(few, { color: false, width: 200 })).toContain('+160 (95% interval +40.0 to +300): too few to tell');
  });

  it('says nothing from git alone (null), nor when no change is AI-assisted', () => {
    expect(renderText(buildReport(sampleChanges(), {}, { aiLoad: null }), { color: false, width: 80 })).not.toContain('review load, AI-assisted');
    const none = buildReport(sampleChanges(), {}, { aiLoad: LOAD });
    const noAi = { ...none, summary: { ...none.summary, ai: { ...none.summary.ai, assisted: 0 } } };
    expect(renderHtml(noAi)).not.toContain('id="ai-load"');
  });
});
