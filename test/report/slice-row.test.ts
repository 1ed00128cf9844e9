import { describe, expect, it } from 'vitest';
import { renderSlicesHtml, renderSlicesMarkdown } from '../../src/render/slices.js';
import { sliceRow } from '../../src/report/slices.js';
import { buildReport, change, D, H } from '../render/report-builder.js';

/*
 * A slice's row as the whole report reads its own figures (honojs/middleware's products never released in a year,
 * containerd's one-commit changes from git alone). Six pull requests merged in March 2026, each one commit (first =
 * last commit), 2 hours in review: two deployed a day after merging, four not deployed by April 1 (waiting 10 to
 * 27 days). The deploy wait's Kaplan–Meier estimate stays at 4/6 past a day: no median, a bound of it instead.
 */
function slice(sources: Array<'git' | 'github'>) {
  const merged = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-10', '2026-03-15', '2026-03-22'];
  const changes = merged.map((day, i) => {
    const at = `${day}T10:00:00Z`;
    return change(`#${i + 1}`, at, { coding: 0, review: 2 * H, deploy: i < 2 ? D : null }, { firstCommitAt: `${day}T08:00:00Z`, lastCommitAt: `${day}T08:00:00Z` });
  });
  return buildReport(changes, { sources });
}

describe('a --by row\'s stages', () => {
  it('gives a deploy wait no median reaches its bound, with its share, where the cell read "—" beside shares of 32%', () => {
    const row = sliceRow('product:valibot', slice(['git']));
    expect(row.stages.deploy.p50).toBeNull();
    expect(row.stages.deploy.atLeast).toBeGreaterThanOrEqual(10 * D);
    expect(row.stages.deploy.share).not.toBeNull();
    expect(row.stages.review.atLeast).toBeUndefined();
  });

  it('gives coding no share from git alone when most changes landed as one commit, as the whole report gives none', () => {
    expect(sliceRow('path:src', slice(['git'])).stages.coding.share).toBeNull();
    // with GitHub coding runs to the pull request's opening: its share stands
    expect(sliceRow('path:src', slice(['git', 'github'])).stages.coding.share).not.toBeNull();
  });

  it('writes the bound in the table and draws it, hollow, in the chart', () => {
    const whole = slice(['git']);
    const row = sliceRow('path:src', whole);
    const report = { ...whole, summary: { ...whole.summary, slices: { by: 'path:1', owners: null, unownedShare: null, rows: [row] } } };
    const bound = `≥ ${Math.floor((row.stages.deploy.atLeast ?? 0) / D)}d`;
    expect(renderSlicesMarkdown(report)).toContain(`| ${bound}`);
    const html = renderSlicesHtml(report);
    expect(html).toMatch(/class="bound"/);
    expect(html).toContain(`src, deploy wait: ${bound}`);
  });
});

describe('the slice chart\'s tooltips', () => {
  it('write a median as the table writes it: 1,635.5 s is 27m 16s in both', () => {
    const whole = slice(['git']);
    const row = sliceRow('path:src', whole);
    const odd = { ...row, stages: { ...row.stages, review: { p50: 1635.5, share: 0.2 } } };
    const report = { ...whole, summary: { ...whole.summary, slices: { by: 'path:1', owners: null, unownedShare: null, rows: [odd] } } };
    const html = renderSlicesHtml(report);
    expect(html).toContain('27m 16s (20%)');
    expect(html).toMatch(/src, [^:<]*review[^:<]*: 27m 16s/);
  });
});
