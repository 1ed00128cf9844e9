import { describe, expect, it } from 'vitest';
import { computeAiDefects } from '../../src/metrics/ai-defects.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import type { Change } from '../../src/domain.js';
import { change as modelChange } from '../model/data.js';
import { buildReport, sampleChanges } from './report-builder.js';

const AI = { aiEvidence: ['Co-Authored-By: Claude <noreply@anthropic.com>'], aiTools: ['claude-code'] };

/** 40 AI-assisted changes, 20 of them reverted, against 40 others, 1 reverted: a difference every page must tell. */
function defects() {
  const many: Change[] = [
    ...Array.from({ length: 40 }, (_, i) => modelChange(`a${i}`, { ...AI, revertedBy: i < 20 ? `r${i}` : null })),
    ...Array.from({ length: 40 }, (_, i) => modelChange(`o${i}`, { revertedBy: i < 1 ? 'r' : null })),
  ];
  return computeAiDefects({ changes: many, later: many, deploys: [] });
}

describe('AI defects on every page', () => {
  const report = buildReport(sampleChanges(), {}, { aiDefects: defects() });

  it('writes each rate with its count and interval, and the difference it can tell, in text', () => {
    const text = renderText(report, { color: false, width: 80 });
    const flat = text.replace(/\n\s*/g, ' ');
    // 20 of 40 = 50% (Wilson 35%–65%), 1 of 40 = 2.5% (0.4%–13%): 47.5 pp, written to two figures, its Newcombe
    // interval above 0
    expect(flat).toContain('reverted 20 of 40 · 50% (35%–65%) vs 1 of 40 · 2.5% (0.4%–13%) · +48 pp (+29 pp to +62 pp): higher for AI-assisted changes');
    expect(flat).toContain('fixed up 0 of 40 · 0% (0%–8.8%) vs 0 of 40 · 0% (0%–8.8%) · 0 pp');
    // no deploy shipped them: no rate, and the note says why the failures cannot be compared
    expect(flat).toContain('deploy failure rate — vs — · —');
    expect(flat).toMatch(/fewer than 10 deploys/);
    expect(text.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  it('gives Markdown and HTML the same rows, the told difference marked worse in HTML', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('### Defects: AI-assisted against other');
    expect(markdown).toContain('| reverted | 20 of 40 · 50% (35%–65%) | 1 of 40 · 2.5% (0.4%–13%) | +48 pp (+29 pp to +62 pp): higher for AI-assisted changes |');
    const html = renderHtml(report);
    expect(html).toContain('<section id="ai-defects"');
    expect(html).toContain('<td class="told worse">+48 pp (+29 pp to +62 pp): higher for AI-assisted changes</td>');
  });

  it('says "too few to tell" where an interval leaves out 0 but a group is under ten', () => {
    const few = defects();
    const report = buildReport(sampleChanges(), {}, { aiDefects: { ...few, revertDifference: { ...few.revertDifference, real: false } } });
    expect(renderText(report, { color: false, width: 200 })).toContain('+48 pp (+29 pp to +62 pp): too few to tell');
  });

  it('over several repositories, says the deploys\' difference is within them, where it is read', () => {
    // aider and pip's year: 1 of 10 deploys with an AI-assisted change failed against 0 of 6, but within pip 1 of 2
    // against 0 of 5 and within aider 0 of 8 against 0 of 1: +31 pp weighed together, not the rates' 10-point gap
    const base = defects();
    const failureDifference = { value: 0.308, low: -0.058, high: 0.67, real: false, repositories: 2 };
    const report = buildReport(sampleChanges(), {}, { aiDefects: { ...base, failureDifference, ai: { ...base.ai, deploys: 10, failed: 1, failureRate: 0.1, failureRateLow: 0.018, failureRateHigh: 0.4 }, other: { ...base.other, deploys: 6, failed: 0, failureRate: 0, failureRateLow: 0, failureRateHigh: 0.39 } } });
    const text = renderText(report, { color: false, width: 200 });
    expect(text).toContain('deploy failure rate 1 of 10 · 10% (1.8%–40%) vs 0 of 6 · 0% (0%–39%) · +31 pp within 2 repositories (−5.8 pp to +67 pp): the data cannot tell');
    expect(renderMarkdown(report)).toContain('| +31 pp within 2 repositories (−5.8 pp to +67 pp): the data cannot tell |');
    // one repository: its own deploys, no word of repositories
    expect(renderText(buildReport(sampleChanges(), {}, { aiDefects: base }), { color: false, width: 200 })).not.toContain('within 1 repository');
  });

  it('says nothing when there is no AI-assisted change to compare, or the report predates the figure', () => {
    const none = buildReport(sampleChanges(), {}, { aiDefects: { ...defects(), ai: { ...defects().ai, changes: 0 } } });
    expect(renderText(none, { color: false, width: 80 })).not.toContain('defects, AI-assisted');
    const { aiDefects: _left, ...older } = buildReport(sampleChanges()).summary;
    expect(renderHtml({ ...buildReport(sampleChanges()), summary: older })).not.toContain('id="ai-defects"');
  });
});

describe('the failed deploys\' AI share beside the base rate', () => {
  it('names what the base rate is over: the deploys that shipped a counted change, not every deploy of the window', () => {
    // honojs/middleware: 6 of the 104 deploys that shipped a counted change had an AI-assisted one, of 129 in all
    const base = defects();
    const aiDefects = { ...base, failedDeploys: 1, failedWithAi: 0, failedAiShare: 0, failedAiShareLow: 0, failedAiShareHigh: 0.79, deploysAiShare: 6 / 104, ai: { ...base.ai, deploys: 6 }, other: { ...base.other, deploys: 98 } };
    const text = renderText(buildReport(sampleChanges(), {}, { aiDefects }), { color: false, width: 200 });
    expect(text).toContain('0 of 1 failed deploy shipped an AI-assisted change (0%, 0%–79%), as 5.8% of the 104 deploys that shipped a counted change did');
  });
});
