import { describe, expect, it } from 'vitest';
import { STAGES, type StageName } from '../../src/domain.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderProductsText } from '../../src/render/products.js';
import { renderText } from '../../src/render/text.js';
import type { ProductRow } from '../../src/report/products-schema.js';
import type { Report } from '../../src/report/schema.js';
import type { SliceRow } from '../../src/report/slices-schema.js';
import { durationFormat } from '../../src/units.js';
import { shortStageLabel, stageLabel } from '../../src/stage-labels.js';
import { Chalk } from 'chalk';
import { buildReport, change, D, H, sampleChanges } from './report-builder.js';

/*
 * Each finding of issue 37 (items 2 and 3) that a page showed, as a reader saw it, with its truth written by hand.
 * Every one of these failed on the code before the fix.
 */

const text = (report: Report, width = 80): string => renderText(report, { color: false, width });
const withDora = (report: Report, key: 'changeFailureRate', value: number, count: number): Report => ({
  ...report,
  summary: { ...report.summary, dora: { ...report.summary.dora, [key]: { ...report.summary.dora[key], value, count } } },
});

describe('one value, every format', () => {
  it('writes 1 failed deploy in 200 as 0.5%, never 0% beside the failed deploy', () => {
    const report = withDora(buildReport(sampleChanges()), 'changeFailureRate', 1 / 200, 200);
    // before: "change failure rate 0% (elite …)" in the terminal, 0.5% in the DORA table
    expect(text(report).replace(/\s+/g, ' ')).toContain('change failure rate 0.5%');
    expect(renderMarkdown(report)).toContain('change failure rate **0.5%**');
    expect(renderMarkdown(report)).toMatch(/^\| Change failure rate \| 0\.5% \|/m);
    expect(renderHtml(report)).toMatch(/<span class="label">Change failure rate[^]*?<b>0\.5%<\/b>/);
  });

  it('writes vite\'s 4 failed deploys in 75 (5.3%) as 5.3% on the card and in the table alike', () => {
    const html = renderHtml(withDora(buildReport(sampleChanges()), 'changeFailureRate', 4 / 75, 75));
    // before: 5% on the card, 5.3% in the table
    expect(/<span class="label">Change failure rate[^]*?<b>([^<]*)<\/b>/.exec(html)?.[1]).toBe('5.3%');
    expect(/<th scope="row">Change failure rate<\/th><td>([^<]*)<\/td>/.exec(html)?.[1]).toBe('5.3%');
  });

  it('draws the HTML stage bar at the labelled shares, the stage git cannot see left empty, and says the shares add up to 100% only when they do', () => {
    /*
     * Git alone, five changes of one commit and one of two, each an hour of first → last commit span, a day of
     * review & merge wait and two days of deploy wait: the typical change's shares are review & merge 1/3 (33%),
     * deploy 2/3 (67%) and coding 0 for five, (1h of 73h) for one. Most changes are one commit: coding has no share.
     */
    const day = (i: number): string => `2026-03-0${3 + i}T10:00:00Z`;
    const one = (i: number) => ({ ...change(`#${101 + i}`, day(i), { coding: 0, review: D, deploy: 2 * D }), lastCommitAt: null });
    const changes = [0, 1, 2, 3, 4].map((i) => {
      const c = one(i);
      return { ...c, lastCommitAt: c.firstCommitAt };
    });
    changes.push(change('#106', day(5), { coding: H, review: D, deploy: 2 * D }));
    const report = buildReport(changes, { sources: ['git'] });
    const html = renderHtml(report);
    const bar = /<svg[^>]*data-chart="stage-shares"[^]*?<\/svg>/.exec(html)?.[0] ?? '';
    const widths = [...bar.matchAll(/<rect x="[^"]*" y="[^"]*" width="([^"]*)" height="40" fill="[^"]*" data-share="([^"]*)">/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // review & merge and deploy wait, each as wide as its share of the 400 px (before: scaled to fill the bar)
    expect(widths.map(([, share]) => share)).toEqual([report.summary.stages.review.share, report.summary.stages.deploy.share]);
    for (const [width, share] of widths) expect(Math.abs((width ?? 0) - (share ?? 0) * 400)).toBeLessThan(0.05);
    expect(bar).toContain('class="gap"');
    // the caption no longer says the shares add up to 100%: the labels do not
    expect(html).not.toContain('so the shares add up to 100%');
    expect(html).toContain('the shares shown add up to less than 100%');
  });

  it('says how many weeks the terminal\'s repairs table leaves out', () => {
    // thirteen weeks from Monday 2026-01-05, each 3 repairs of 10 changes
    const weeks = Array.from({ length: 13 }, (_, i) => ({ weekStart: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10), changes: 10, repairs: 3, share: 0.3, cycleTimeShare: 0.2 }));
    const base = buildReport(sampleChanges());
    const repair = { ...(base.summary.repair as NonNullable<Report['summary']['repair']>), weeks };
    const repairs = text(buildReport(sampleChanges(), {}, { repair })).split('\n\n').find((b) => b.startsWith('Repairs')) ?? '';
    // before: the last 8 rows and nothing about the 5 left out
    expect(repairs.replace(/\s+/g, ' ')).toContain('the last 8 of 13 weeks with changes (every week: --format markdown, html or json):');
    expect(repairs.split('\n').filter((l) => /^│ 2026-/.test(l)).map((l) => l.slice(2, 12))).toEqual(weeks.slice(5).map((w) => w.weekStart));
  });

  it('labels the AI line of the repairs as what it splits', () => {
    const repairs = text(buildReport(sampleChanges()), 120).split('\n\n').find((b) => b.startsWith('Repairs')) ?? '';
    expect(repairs).toMatch(/^repairs among the AI-assisted changes: \S+ of \d+ .*· among the other changes: /m);
  });
});

describe('a row\'s name is never cut while a column can give way', () => {
  const row = (name: string, i: number): SliceRow => ({
    name,
    changes: 40 - i,
    stages: Object.fromEntries(STAGES.map((s) => [s, { p50: s === 'review' ? 2 * D : H, share: s === 'review' ? 0.6 : 0.1 }])) as Record<StageName, { p50: number; share: number }>,
    cycleTimeP50: 3 * D + i * H,
    leadTimeP50: 9 * D + i * H,
    leadTimeAtLeast: null,
    unreleased: i,
    deploys: 12,
    changeFailureRate: 0.08,
    aiShare: 0.05,
    reviewsPerChange: null,
    topRecommendation: { id: 'review-wait', measure: 'Review & merge wait: time from the last commit to the merge', value: '…' },
  });
  const sliced = (by: string, names: string[]): Report => buildReport(sampleChanges(), { sources: ['git'] }, { slices: { by, owners: null, unownedShare: null, rows: names.map(row) } });

  it('--by path:1 at 80 columns: every slice whole, the figures left out named under the table', () => {
    const names = ['path:documentation', 'path:packages', 'path:(top level)', 'path:scripts'];
    const out = text(sliced('path:1', names));
    const table = out.slice(out.indexOf('By folder (path:1)'));
    // before: every slice read "p…"
    for (const name of names) expect(table).toContain(`│ ${name} `);
    expect(table.replace(/\s+/g, ' ')).toContain('left out to fit 80 columns: cycle p50, unreleased, AI (a wider --width, or --format markdown or html, shows them)');
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('keeps each row\'s count longest: a 43-column team name at 80 columns gives up its lead p50 before its changes', () => {
    // bitwarden/server's team-data-insights-and-reporting-dev: the table read slice · lead p50 · fix first, no count
    const names = ['team:team-data-insights-and-reporting-dev', 'team:team-admin-console-dev', 'team:unowned'];
    const out = text(sliced('team', names));
    const table = out.slice(out.indexOf('By team'));
    expect(table).toMatch(/│ slice +│ changes │ fix first/);
    expect(table.replace(/\s+/g, ' ')).toMatch(/left out to fit 80 columns: [^(]*lead p50/);
  });

  it('--by product at 120 columns: every product whole', () => {
    const names = ['product:@acme/payments-gateway', 'product:@acme/notifications-service', 'product:@acme/web'];
    const out = text(sliced('product', names), 120);
    // before: "product:…"; their common scope is said once under the table, not on every row
    for (const name of names) expect(out).toContain(`│ ${name.replace('@acme/', '')} `);
    expect(out).toContain('Names are without their common @acme/.');
    const mixed = ['product:@acme/payments-gateway', 'product:notifications-service'];
    for (const name of mixed) expect(text(sliced('product', mixed), 120)).toContain(`│ ${name} `);
  });

  it('the products table keeps each product\'s name whole at 80 columns', () => {
    const product = (name: string): ProductRow => ({ name, paths: [`packages/${name}`], changes: 20, deploys: 8, failedDeploys: 1, deploysPerWeek: 2, coveredDays: 28, leadTimeP50: 4 * D, leadTimeAtLeast: null, changeFailureRate: 0.125, unreleased: 3 });
    const names = ['payments-gateway-service-v2', 'notifications-and-emails-worker', 'web'];
    const report = buildReport(sampleChanges(), {}, { products: names.map(product) });
    const ctx = { c: new Chalk({ level: 0 }), color: false, width: 80, timeZone: 'UTC', durations: durationFormat(null) };
    const out = renderProductsText(report, ctx).join('\n');
    for (const name of names) expect(out).toContain(`│ ${name} `);
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});

describe('a narrow terminal: figures give way, names and heads stay whole', () => {
  const tableAfter = (out: string, title: string): string[] => {
    const lines = out.split('\n');
    const from = lines.indexOf(title);
    const end = lines.findIndex((l, i) => i > from && l.startsWith('└'));
    return lines.slice(from + 1, end + 1);
  };
  // a row's first cell, its continuation lines joined: `review &` over `merge wait` is `review & merge wait`
  const names = (table: string[]): string[] => {
    const out: string[] = [];
    for (const line of table.filter((l) => l.startsWith('│'))) {
      const cells = line.split('│').slice(1, -1).map((c) => c.trim());
      // the head, on one line or wrapped onto two
      if (cells[0] === 'stage' || (cells[0] === '' && out.length === 0)) continue;
      if (cells.slice(1).every((c) => c === '') && out.length > 0) out[out.length - 1] += ` ${cells[0]}`;
      else out.push(cells[0] ?? '');
    }
    return out;
  };

  it('at 60 columns keeps every stage\'s name whole in the stages and queue tables, and names the figures left out', () => {
    for (const sources of [['git'], ['git', 'github']] as Report['sources'][]) {
      const report = buildReport(sampleChanges(), { sources });
      const gitOnly = sources.length === 1;
      const out = text(report, 60);
      // before: 'first →…', 'review …', 'merge w…' in the stages table; 'fir…', 'rev…' in the queue table
      const stagesTable = tableAfter(out, 'Where the time goes');
      expect(names(stagesTable)).toEqual([...STAGES.map((s) => (s === 'review' ? stageLabel(s, gitOnly) : shortStageLabel(s, gitOnly))), 'cycle time', 'lead time']);
      expect(out.replace(/\s+/g, ' ')).toContain('left out to fit 60 columns: p75 (a wider --width');
      const queueTable = tableAfter(out, 'Where the queue builds');
      expect(names(queueTable)).toEqual(STAGES.map((s) => shortStageLabel(s, gitOnly)));
      for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
    }
  });

  it('wraps the queue table\'s heads at 80 columns rather than cut them (growth/…, mean qu…, if stea…)', () => {
    const out = text(buildReport(sampleChanges()), 80);
    const table = tableAfter(out, 'Where the queue builds');
    const heads = table.slice(1, 3).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    const joined = (heads[0] ?? []).map((h, i) => `${h} ${heads[1]?.[i] ?? ''}`.trim());
    expect(joined).toEqual(['stage', 'in/wk', 'out/wk', 'growth/wk', 'mean queue', 'if steady', 'mean time']);
    expect(table.join('\n')).not.toContain('…');
  });
});

describe('labels a person reads without the manual', () => {
  const report = buildReport(sampleChanges());

  it('writes Little\'s law in words, never λ × W', () => {
    for (const page of [text(report, 120), renderMarkdown(report), renderHtml(report)]) expect(page).not.toContain('λ');
    expect(text(report, 120)).toMatch(/│ stage +│ in\/wk │ out\/wk │ growth\/wk │ mean queue │ if steady │ mean time │/);
  });

  it('gives the stages table one share', () => {
    expect(renderMarkdown(report)).not.toContain('Share of all time');
    expect(renderHtml(report)).not.toContain('Share of all time');
  });

  it('says in one sentence that nothing is over its threshold, not a row of every rule\'s figure', () => {
    const healthy = {
      id: 'healthy', measure: 'Nothing is over its threshold', value: 'the slowest stage is deploy wait: 44% of the typical change\'s time, p50 3h',
      checked: ['pickup p50 2h (threshold 1d)', 'deploy wait p50 3h (threshold 1d)'], tellsYou: 'No queue dominates.', doNext: 'Keep guarding.', impact: 0, figure: 'summary', threshold: 'each rule\'s threshold',
    };
    const calm = buildReport(sampleChanges(), { recommendations: [healthy] });
    const block = text(calm).split('\n\n').find((b) => b.startsWith('What to fix first')) ?? '';
    expect(block).toBe("What to fix first\nNothing is over its threshold; the slowest stage is deploy wait: 44% of the\n  typical change's time, p50 3h.");
    expect(renderMarkdown(calm)).toContain('**Nothing is over its threshold**; the slowest stage is deploy wait');
    expect(renderMarkdown(calm)).toContain('<summary>What was checked (2)</summary>');
  });
});
