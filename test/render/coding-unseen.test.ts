import { describe, expect, it } from 'vitest';
import type { ReportChange } from '../../src/report/schema.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { formatRatio } from '../../src/units.js';
import { buildReport, change, D, H } from './report-builder.js';

/** A change landed through a pull request as one commit: first commit = last commit, so git's coding span is 0. */
function oneCommit(id: string, mergedAt: string): ReportChange {
  const c = change(id, mergedAt, { coding: 0, review: 5 * H, deploy: 2 * D }, { kind: 'squash', commits: 1 });
  return { ...c, lastCommitAt: c.firstCommitAt };
}

/** Two commits an hour apart: coding 1h. */
function twoCommits(id: string, mergedAt: string): ReportChange {
  const c = change(id, mergedAt, { coding: H, review: 5 * H, deploy: 2 * D }, { kind: 'merge', commits: 2 });
  return { ...c, lastCommitAt: new Date(Date.parse(c.firstCommitAt ?? '') + H * 1000).toISOString().replace('.000Z', 'Z') };
}

const days = ['03', '04', '05', '09', '10', '11'].map((d) => `2026-03-${d}T10:00:00Z`);
/** git only, `ones` of the six changes landed as one commit (the headline's words are tested with it, in test/metrics) */
const report = (ones: number) => buildReport(days.map((at, i) => (i < ones ? oneCommit(`#${101 + i}`, at) : twoCommits(`#${101 + i}`, at))), { sources: ['git'] });

describe('what git cannot see of coding', () => {
  it('names the git-only stage for what it is and gives it no share when most changes are one commit', () => {
    const r = report(4);
    expect(r.summary.stages.coding.oneCommit).toBe(4);
    const text = renderText(r, { color: false, width: 80 });
    const row = text.split('\n').find((l) => l.startsWith('│ first → last'));
    // the share cell is the row's last figure: — , not the coding share the figures would give
    expect(row?.split('│').map((c) => c.trim()).filter(Boolean).at(-1)).toBe('—');
    expect(text.replace(/\s+/g, ' ')).toContain('first → last commit: git cannot see coding time. 4 of 6 changes (67%) landed from a branch as one commit (or commits of one moment)');
    const md = renderMarkdown(r);
    expect(md).toMatch(/\| first → last commit \| 6 \| [^|]+\| [^|]+\| [^|]+\| — \|/);
    expect(md).toContain('- first → last commit: git cannot see coding time.');
    // the shares left then add up to less than 100%, and every format says so (electron's text read 8.1% + 87%)
    for (const page of [text.replace(/\s+/g, ' '), md]) expect(page).toContain('so the stage has no share and the shares shown add up to less than 100%.');
    // the HTML says it under its share bar, whose empty part is the stage's: 4 of 6 changes, 67%, one commit
    const html = renderHtml(r);
    expect(html).toContain('the empty part is the first → last commit span, which has no share (4 of 6 changes, 67%, landed from a branch as one commit or commits of one moment)');
  });

  it('keeps the share when half or fewer are one commit', () => {
    const r = report(3);
    expect(r.summary.stages.coding.oneCommit).toBe(3);
    const text = renderText(r, { color: false, width: 80 });
    expect(text).not.toContain('git cannot see coding time');
    const row = text.split('\n').find((l) => l.startsWith('│ first → last'));
    expect(r.summary.stages.coding.share).toBeGreaterThan(0);
    expect(row?.split('│').map((c) => c.trim()).filter(Boolean)[5]).toBe(formatRatio(r.summary.stages.coding.share));
  });

  it('counts commits made at one moment with one commit: their span is 0 too (cargo\'s #17208)', () => {
    // three of one commit and one of two commits authored in the same second: 4 of 6, the stage's share withheld
    const rows = days.map((at, i) => (i < 3 ? oneCommit(`#${101 + i}`, at) : twoCommits(`#${101 + i}`, at)));
    rows[3] = { ...(rows[3] as ReportChange), lastCommitAt: (rows[3] as ReportChange).firstCommitAt, stages: { ...(rows[3] as ReportChange).stages, coding: 0 } };
    const r = buildReport(rows, { sources: ['git'] });
    expect(r.summary.stages.coding.oneCommit).toBe(4);
    expect(renderText(r, { color: false, width: 80 }).replace(/\s+/g, ' ')).toContain('4 of 6 changes (67%) landed from a branch as one commit (or commits of one moment)');
  });

  it('in GitHub mode calls the stage coding and keeps its share', () => {
    const r = buildReport(days.map((at, i) => oneCommit(`#${101 + i}`, at)));
    const text = renderText(r, { color: false, width: 80 });
    expect(text).not.toContain('git cannot see coding time');
    expect(text.split('\n').some((l) => l.startsWith('│ coding '))).toBe(true);
  });
});
