import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/config/index.js';
import type { Change, Window } from '../../src/domain.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/report/schema.js';

const H = 3600;
const D = 86400;
const WEEK = 7 * D;
// twelve Monday-based weeks: 2026-01-05 … 2026-03-30
const SINCE = Date.parse('2026-01-05T00:00:00Z') / 1000;
const UNTIL = SINCE + 12 * WEEK;
const AI = ['Co-Authored-By: Claude <noreply@anthropic.com>'];

/**
 * Four changes merged a week (Tuesday to Friday noon), from git alone (coding, then review to the merge). `ai(week,
 * i)` says which are AI-assisted; before `shiftAt` each change codes 9–11h and waits 1–3h in review, from it on it
 * codes 3–5h and waits 9–11h: coding p50 10h → 4h (fell 60%), review p50 2h → 10h (rose 5×).
 */
function history(ai: (week: number, i: number) => boolean, shiftAt = 6): Change[] {
  const out: Change[] = [];
  for (let week = 0; week < 12; week++) {
    for (let i = 0; i < 4; i++) {
      const after = week >= shiftAt;
      const coding = ((after ? 4 : 10) + (i - 1.5) * (2 / 3)) * H;
      const review = ((after ? 10 : 2) + (i - 1.5) * (2 / 3)) * H;
      const merged = SINCE + week * WEEK + (1 + i) * D + 12 * H;
      const first = merged - coding - review;
      const n = week * 4 + i + 1;
      out.push({
        id: `c${n}`, number: null, title: `change ${n}`, author: 'ada', authorEmail: 'ada@example.com', url: null, branch: null, kind: 'direct',
        sha: n.toString(16).padStart(7, '0'), commitShas: [], commits: 1, size: { additions: 10, deletions: 2, files: 1 }, bot: false,
        firstCommitAt: first, lastCommitAt: first + coding, readyAt: null, firstReviewAt: null, approvedAt: null, mergedAt: merged, deployedAt: null,
        forkPoints: [], forkPointAt: null, flags: [], aiEvidence: ai(week, i) ? AI : [], revertedBy: null, isRevert: false,
        stages: { coding, pickup: null, review, merge: null, deploy: null }, cycleTime: coding + review, leadTime: null, review: null,
      });
    }
  }
  return out;
}

function reportOf(changes: Change[], window: Window = { since: SINCE, until: UNTIL }, sources: Array<'git' | 'github'> = ['git']): Report {
  return buildReport(
    { changes, deploys: [], openPulls: [] },
    window,
    UNTIL,
    { includeBots: false, requiredApprovals: 1, revertWindow: 14 * D, includePrereleases: false, thresholds: { ...DEFAULT_THRESHOLDS } },
    {
      generatedAt: '2026-03-30T00:00:00Z', repository: { path: '/repos/shop', remote: 'acme/shop', branch: 'main' }, sources,
      deploySignal: { kind: 'merge', detail: 'merge' }, businessHours: null, notes: [], warnings: [], previous: { covered: true, changes, deploys: [] },
    },
  );
}

describe('where the queue moved when AI arrived', () => {
  // two of four changes AI-assisted from week 6 (2026-02-16) on, none before
  const report = reportOf(history((week, i) => week >= 6 && i < 2));
  const shift = report.summary.aiShift;

  it('splits at the first week from which the four-week share stays above a quarter, not before it', () => {
    // four-week shares from weeks 3, 4, 5: 2/16, 4/16 (not above), 6/16 — but week 5 has no AI-assisted change
    expect(shift).toMatchObject({ status: 'shifted', week: '2026-02-16', level: 0.25, weeks: 4 });
    expect(shift?.before).toMatchObject({ since: '2026-01-05T00:00:00Z', until: '2026-02-16T00:00:00Z', changes: 24, aiShare: 0, weeks: 6 });
    expect(shift?.after).toMatchObject({ changes: 24, aiShare: 0.5, weeks: 6 });
  });

  it('compares each stage\'s p50, the arrivals a week and the queues, with intervals', () => {
    const row = (key: string) => shift?.rows.find((r) => r.key === key);
    expect(row('stages.coding.p50')).toMatchObject({ before: 10 * H, after: 4 * H, direction: 'better' });
    expect(row('stages.review.p50')).toMatchObject({ before: 2 * H, after: 10 * H, direction: 'worse' });
    expect(row('stages.coding.p50')?.interval.real).toBe(true);
    // every week four: the same arrivals
    expect(row('arrivals')).toMatchObject({ before: 4, after: 4, direction: 'same', unit: 'changes/week', sample: { before: 6, after: 6 } });
    // git alone, merged as the deploy: no pickup, merge or deploy stage, and no queue before the merge (below)
    expect(shift?.rows.map((r) => r.key)).toEqual(['stages.coding.p50', 'stages.review.p50', 'cycleTime.p50', 'arrivals']);
  });

  it('compares no queue before the merge from git alone, whose last weeks lack the changes still open', () => {
    // the same history with the last two weeks' changes still open: git sees none of them, and the after side's
    // coding and review queues would read low, "better", for no change in the work
    const open = history((week, i) => week >= 6 && i < 2).filter((c) => c.mergedAt < UNTIL - 2 * WEEK);
    const shift = reportOf(open).summary.aiShift;
    expect(shift).toMatchObject({ status: 'shifted', week: '2026-02-16' });
    expect(shift?.rows.map((r) => r.key).filter((k) => k.startsWith('queues.'))).toEqual([]);
    // GitHub adds the open pull requests: the queues are whole and compared
    const keys = reportOf(history((week, i) => week >= 6 && i < 2), { since: SINCE, until: UNTIL }, ['git', 'github']).summary.aiShift?.rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['queues.coding', 'queues.review']));
  });

  it('writes one sentence and a row per figure in text, Markdown and HTML', () => {
    const sentence = 'Since AI-assisted changes passed 25% (week of 2026-02-16; 0% before, 50% after): first → last p50 fell 60%, review & merge p50 rose 5.0×, cycle time p50 rose 17%.';
    const text = renderText(report, { color: false, width: 80 });
    expect(text).toContain('Where the queue moved when AI arrived');
    expect(text.replace(/\n\s*/g, ' ')).toContain(sentence);
    expect(text.split('\n').filter((l) => l.length > 80)).toEqual([]);
    expect(renderMarkdown(report)).toMatch(/Since AI-assisted changes passed 25% \(week of 2026-02-16; .*first → last p50 fell 60%/);
    expect(renderMarkdown(report)).toMatch(/\| review &amp; merge p50 \| 2h \| 10h \| rose 5\.0× \(\+7h 20m … \+8h 40m\) \|/);
    expect(renderMarkdown(report)).toContain('flowaudit compare 2026-01-05..2026-02-15 2026-02-16..2026-03-29');
    expect(renderHtml(report)).toContain('<section id="ai-shift"');
  });

  it('weeks of no change at all break no run (a history that stops before the window ends)', () => {
    const quiet = history((week, i) => week >= 6 && i < 2).filter((c) => c.mergedAt < SINCE + 10 * WEEK);
    expect(reportOf(quiet).summary.aiShift).toMatchObject({ status: 'shifted', week: '2026-02-16', after: { changes: 16 } });
  });

  it('counts only the weeks the history covers when the window reaches back before its first commit', () => {
    // the same twelve weeks in a window opened a year earlier: 52 empty weeks would make "before" 24 changes in 58
    // weeks (0.4 a week against 4 after, "better") and its queues near 0
    const early = reportOf(history((week, i) => week >= 6 && i < 2), { since: SINCE - 52 * WEEK, until: UNTIL, historyFrom: SINCE }, ['git', 'github']).summary.aiShift;
    expect(early?.before).toMatchObject({ since: '2026-01-05T00:00:00Z', changes: 24, weeks: 6 });
    const row = (key: string) => early?.rows.find((r) => r.key === key);
    expect(row('arrivals')).toMatchObject({ before: 4, after: 4, direction: 'same', sample: { before: 6, after: 6 } });
    expect(row('queues.review')?.sample).toEqual({ before: 6, after: 6 });
  });

  it('says so when the share never rose past the level, was above it from the start, or a side is too short', () => {
    const never = reportOf(history((week, i) => i === 0 && week % 2 === 0)).summary.aiShift;
    expect(never).toMatchObject({ status: 'never', week: null, rows: [], peak: { share: 2 / 16 } });
    expect(renderText(reportOf(history((week, i) => i === 0 && week % 2 === 0)), { color: false, width: 200 })).toContain('never stayed above 25%');
    expect(reportOf(history((_w, i) => i < 2)).summary.aiShift).toMatchObject({ status: 'always', rows: [] });
    // AI from week 2: a before of two weeks and eight changes
    const short = reportOf(history((week, i) => week >= 2 && i < 2, 2)).summary.aiShift;
    expect(short).toMatchObject({ status: 'too-short', week: '2026-01-19', before: { changes: 8, weeks: 2 }, rows: [] });
    // one AI-assisted change of the last week's four: over what is left of the window it is 25%, over a whole span
    // of four weeks 1 in 16 (honojs/middleware's "20% (the 4 weeks from 2026-08-17)" was its last six days)
    const late = reportOf(history((week, i) => week === 11 && i === 0)).summary.aiShift;
    expect(late).toMatchObject({ status: 'never', peak: { share: 1 / 16, week: '2026-03-02' } });
    // no AI-assisted change at all: the report has nothing to say of it
    const none = reportOf(history(() => false));
    expect(none.summary.aiShift).toMatchObject({ status: 'never', peak: { share: 0 } });
    expect(renderText(none, { color: false, width: 200 })).not.toContain('Where the queue moved');
  });
});
