import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/config/index.js';
import { compareReports } from '../../src/compare/compare.js';
import { renderComparisonMarkdown, renderComparisonText } from '../../src/compare/render.js';
import { comparedFigures } from '../../src/metrics/compared.js';
import { renderPreviousCsv } from '../../src/render/csv-trends.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { previousView } from '../../src/render/previous.js';
import { escapeHtml, escapeMarkdown } from '../../src/render/sanitize.js';
import { renderText } from '../../src/render/text.js';
import { buildReport } from '../../src/report/build.js';
import type { Change, Deploy } from '../../src/domain.js';
import { CALENDAR_DAYS } from '../../src/units.js';
import type { Report } from '../../src/report/schema.js';

/*
 * Every figure the catalogue declares compared is in every comparison: `compare`'s rows (text and Markdown), the
 * previous period's rows (JSON), its table in text, Markdown and HTML, and `previous-csv`. The report is a GitHub
 * one whose every stage and DORA key is measured in both windows, so no row may be left out as not measured.
 */

const H = 3600;
const D = 86400;
const SINCE = Date.parse('2026-04-01T00:00:00Z') / 1000;
const UNTIL = Date.parse('2026-06-01T00:00:00Z') / 1000;
const START = SINCE - (UNTIL - SINCE);

/** a change every two days from the previous window's start; each stage a few hours, the deploy wait the longest */
function changes(): Change[] {
  const out: Change[] = [];
  for (let i = 0, merged = START + D; merged < UNTIL - 3 * D; i++, merged += 2 * D) {
    const stages = { coding: (2 + (i % 5)) * H, pickup: (1 + (i % 3)) * H, review: (3 + (i % 4)) * H, merge: (i % 2) * H + 600, deploy: (5 + (i % 6)) * H };
    const cycle = stages.coding + stages.pickup + stages.review + stages.merge;
    const first = merged - cycle;
    out.push({
      id: `#${i + 1}`, number: i + 1, title: `change ${i + 1}`, author: 'ada', authorEmail: 'ada@example.com', url: null, branch: null, kind: 'squash',
      sha: (i + 1).toString(16).padStart(7, '0'), commitShas: [], commits: 1, size: { additions: 10, deletions: 2, files: 1 }, bot: false,
      firstCommitAt: first, lastCommitAt: first + stages.coding, readyAt: first + stages.coding, firstReviewAt: first + stages.coding + stages.pickup,
      approvedAt: merged - stages.merge, mergedAt: merged, deployedAt: merged + stages.deploy, forkPoints: [], forkPointAt: null, flags: [], aiEvidence: [],
      revertedBy: null, isRevert: false, stages, cycleTime: cycle, leadTime: cycle + stages.deploy, review: null,
    });
  }
  return out;
}

/** a deploy every three days; every fifth failed and restored two hours later, every fourth rework */
function deploys(): Deploy[] {
  const out: Deploy[] = [];
  for (let i = 0, at = START + 2 * D; at < UNTIL; i++, at += 3 * D) {
    const failed = i % 5 === 2;
    out.push({ ref: `v1.${i}`, sha: i.toString(16).padStart(7, '0'), at, changeShas: [], failed, rollback: false, rework: i % 4 === 1, failureReasons: failed ? ['revert'] : [], restoredAfter: failed ? 2 * H : null });
  }
  return out;
}

const model = { changes: changes(), deploys: deploys(), openPulls: [] };
const report: Report = buildReport(
  model,
  { since: SINCE, until: UNTIL },
  UNTIL,
  { includeBots: false, requiredApprovals: 1, revertWindow: 14 * D, includePrereleases: false, thresholds: { ...DEFAULT_THRESHOLDS } },
  {
    generatedAt: '2026-06-01T00:00:00Z', repository: { path: '/repos/shop', remote: 'acme/shop', branch: 'main' }, sources: ['git', 'github'],
    deploySignal: { kind: 'tags', detail: 'tags' }, businessHours: null, notes: [], warnings: [], previous: { covered: true, changes: model.changes, deploys: model.deploys },
  },
);

const figures = comparedFigures();
const keys = figures.map((f) => f.key);
// the acceptance rates are compared by `compare` alone: the previous window's closed pull requests are not read
const previousFigures = figures.filter((f) => f.basis.over !== 'pulls');
const previousKeys = previousFigures.map((f) => f.key);
const labels = previousFigures.map((f) => f.label({ gitOnly: false, short: false }));
// this report lists no closed pull requests: its acceptance is measured in test/cli/acceptance-github.test.ts
const measuredHere = new Set(previousKeys);

describe('every figure the catalogue compares is in every comparison', () => {
  it('the catalogue compares each stage\'s and cycle time\'s p50 and p90, each DORA key and each acceptance rate', () => {
    // what README and docs/definitions.md promise: a declaration dropped from the catalogue fails here
    expect(keys).toEqual([
      ...['coding', 'pickup', 'review', 'merge', 'deploy'].flatMap((s) => [`stages.${s}.p50`, `stages.${s}.p90`]), 'cycleTime.p50', 'cycleTime.p90',
      'dora.deploymentFrequency', 'dora.leadTime', 'dora.changeFailureRate', 'dora.timeToRestore', 'dora.reworkRate',
      'acceptance.rate', 'acceptance.ai.rate', 'acceptance.other.rate',
    ]);
  });

  it('compare: a row per figure, each measured on both sides, in text and Markdown', () => {
    const comparison = compareReports(report, report);
    expect(comparison.rows.map((r) => r.key)).toEqual(keys);
    const measured = comparison.rows.filter((r) => measuredHere.has(r.key));
    expect(measured.map((r) => r.key)).toEqual(previousKeys);
    expect(measured.filter((r) => r.before === null || r.after === null)).toEqual([]);
    // each basis reads values from the samples (a path that reads none would leave every interval empty)
    expect(measured.filter((r) => r.interval.difference !== 0).map((r) => r.key)).toEqual([]);
    const text = renderComparisonText(comparison, { color: false, width: 200 });
    const markdown = renderComparisonMarkdown(comparison);
    for (const f of figures) {
      const short = f.label({ gitOnly: false, short: true });
      expect(text, short).toContain(short);
      expect(markdown, short).toContain(`| ${escapeMarkdown(short)} |`);
    }
  });

  it('the previous period: a row per figure in the JSON, each measured in both windows', () => {
    const rows = report.summary.previous?.rows ?? [];
    expect(rows.map((r) => r.key)).toEqual(previousKeys);
    expect(rows.map((r) => r.label)).toEqual(labels);
    expect(rows.filter((r) => r.direction === null)).toEqual([]);
    expect(rows.filter((r) => r.interval.difference === null).map((r) => r.key)).toEqual([]);
  });

  it('the previous period\'s table in text, Markdown and HTML, and previous-csv', () => {
    expect(previousView(report, CALENDAR_DAYS)?.rows.map((r) => r.label)).toEqual(labels);
    const section = (page: string, from: string, to: string): string => page.slice(page.indexOf(from), page.indexOf(to, page.indexOf(from)));
    const text = section(renderText(report, { color: false, width: 200 }), 'Against the previous period', 'A change is written only');
    const markdown = section(renderMarkdown(report), '### Against the previous period', 'A change is written only');
    const html = section(renderHtml(report), '<section id="previous"', '</section>');
    const csv = renderPreviousCsv(report).trim().split('\r\n').slice(1).map((line) => line.split(','));
    expect(csv.map((cells) => cells[1])).toEqual(previousKeys);
    for (const label of labels) {
      expect(text, label).toMatch(new RegExp(`│ ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +│`));
      expect(markdown, label).toContain(`| ${escapeMarkdown(label)} |`);
      expect(html, label).toContain(`<th scope="row">${escapeHtml(label)}</th>`);
    }
  });
});
