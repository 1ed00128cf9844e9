import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { buildReport, change, D, H, noDirection, sampleChanges, trendKey } from './report-builder.js';

const LONG = 'Rework the release pipeline so that every package is published from one workflow with provenance';

/** The lines of a section: from its heading to the blank line after it. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('the terminal sections at 80 columns', () => {
  const changes = sampleChanges().map((c) => (c.id === '#110' ? { ...c, title: LONG } : c));
  const report = buildReport(changes);
  const text = renderText(report, { color: false, width: 80 });

  it('lists the changes still waiting in a table that fits, the long title cut, the wait whole', () => {
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const unreleased = section(text, 'Unreleased');
    // #108 merged 03-18 10:00 and #110 merged 03-24 10:00, both undeployed at now (04-01 00:00)
    expect(unreleased.slice(1, 3)).toEqual(['2 changes merged in the window, not deployed at 2026-04-01 · p50 age 10d 14h ·', '  oldest 13d 14h']);
    const rows = unreleased.filter((l) => l.startsWith('│ #'));
    expect(rows.map((r) => r.split('│').map((c) => c.trim()).filter(Boolean))).toEqual([
      ['#108', 'Change #108', '2026-03-18 10:00', '13d 14h'],
      ['#110', expect.stringMatching(/^Rework the release pipeline.*…$/), '2026-03-24 10:00', '7d 14h'],
    ]);
    expect(unreleased.join('\n')).toContain('merged (UTC)');
  });

  it('says how many of the changes still waiting the table lists, when it lists fewer', () => {
    // Radarr: 6 changes waiting, 5 rows and nothing to say the sixth was left out
    const waiting = [1, 2, 3, 4, 5, 6].map((i) => ({ ...change(`#${200 + i}`, `2026-03-2${i}T10:00:00Z`, { coding: H, review: H }), deployedAt: null, leadTime: null, stages: { coding: H, pickup: null, review: H, merge: null, deploy: null } }));
    const lines = section(renderText(buildReport(waiting), { color: false, width: 80 }), 'Unreleased');
    expect(lines[1]).toMatch(/^6 changes merged in the window, not deployed/);
    expect(lines).toContain('the 5 oldest of 6:');
    expect(lines.filter((l) => l.startsWith('│ #'))).toHaveLength(5);
    // all of them listed: no such line
    expect(section(text, 'Unreleased').some((l) => / oldest of /.test(l))).toBe(false);
  });

  it('wraps a change named with its repository before it cuts the title to nothing', () => {
    // over several repositories at 80 columns, "petervanderdoes+gitflow-avh 641076945f" left the title two letters
    const named = structuredClone(report);
    named.summary.unreleased.oldestChanges = named.summary.unreleased.oldestChanges.map((c) => ({ ...c, repository: 'petervanderdoes+gitflow-avh', id: `${c.id}0123456789` }));
    const lines = section(renderText(named, { color: false, width: 80 }), 'Unreleased');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const cells = lines.filter((l) => l.startsWith('│ ')).map((r) => r.split('│').map((c) => c.trim()));
    // the repository on one line, the change's id under it (29 columns with padding); the title gets what the
    // merge time (18), the wait (9) and 5 rules leave of 80: 19, 17 of text
    expect(cells).toContainEqual(['', 'petervanderdoes+gitflow-avh', 'Change #108', '2026-03-18 10:00', '13d 14h', '']);
    expect(cells).toContainEqual(['', '#1080123456789', '', '', '', '']);
    expect(cells.find((c) => c[1] === 'petervanderdoes+gitflow-avh' && c[4] === '7d 14h')?.[2]).toBe('Rework the relea…');
  });

  it('marks the failed deploy in a status column', () => {
    const deploys = section(text, 'Deploys');
    expect(deploys.find((l) => l.includes('v1.3.0'))).toMatch(/│ v1\.3\.0 +│ 2026-03-12 12:00 │ +\d+ │ failed +│/);
    expect(deploys.some((l) => /│ deploy +│ at \(UTC\) +│ changes │ status +│/.test(l))).toBe(true);
  });

  it('says why each failed deploy failed, under the table', () => {
    const reasons = buildReport(sampleChanges());
    reasons.deploys = reasons.deploys.map((d) => (d.failed ? { ...d, failureReasons: ['shipped #104, reverted by #109 within 14 days', 'incident #7'], restoredAfter: 26 * H } : d));
    const lines = section(renderText(reasons, { color: false, width: 80 }), 'Deploys');
    const failed = reasons.deploys.filter((d) => d.failed);
    expect(failed.length).toBeGreaterThan(0);
    expect(lines).toContain(failed.length === 1 ? 'the failed deploy, and why:' : `the ${failed.length} failed deploys, and why:`);
    expect(lines.join('\n')).toContain('  failed v1.3.0 2026-03-12 12:00: shipped #104, reverted by #109 within 14 days;\n    incident #7; restored after 1d 2h');
  });

  it('has no status column when no deploy shown failed or rolled back', () => {
    const healthy = buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: 2 * H, review: H, deploy: D })]);
    const deploys = section(renderText({ ...healthy, deploys: healthy.deploys.map((d) => ({ ...d, failed: false, failureReasons: [] })) }, { color: false, width: 80 }), 'Deploys');
    const head = deploys.find((l) => l.includes('│ deploy'));
    // three cells, not a fourth left empty
    expect(head?.split('│').slice(1, -1).map((c) => c.trim())).toEqual(['deploy', 'at (UTC)', 'changes']);
  });
});

describe('what the shares are over', () => {
  it('names the deployed changes left out of the shares for a lead time of 0', () => {
    const report = buildReport([
      change('#1', '2026-03-03T10:00:00Z', { coding: 2 * H, review: H, deploy: D }),
      change('#2', '2026-03-04T10:00:00Z', { coding: 3 * H, review: 2 * H, deploy: 2 * D }),
      // a release pull request tagged before it merged, committed and merged in the same second
      change('#3', '2026-03-05T10:00:00Z', { coding: 0, review: 0, deploy: 0 }),
      change('#4', '2026-03-06T10:00:00Z', { coding: H, review: H }),
    ]);
    const text = renderText(report, { color: false, width: 100 });
    expect(text).toContain('4 changes counted; shares over 2 deployed changes (1 with a lead time of 0 left out).');
    const all = buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: 2 * H, review: H, deploy: D })]);
    expect(renderText(all, { color: false, width: 100 })).toContain('1 change counted; shares over 1 deployed change.');
  });
});

describe('the trends in the terminal', () => {
  it('draws a week with changes still waiting apart and compares the complete weeks only', () => {
    const stages = { coding: H, pickup: null, review: null, merge: null, deploy: D };
    const week = (start: string, end: string, lead: number | null, waiting: number, bound: number | null) => ({
      start, end, partial: false, complete: waiting === 0, changes: 3, waiting, deploys: 1, failedDeploys: 0, deploymentFrequency: 1, changeFailureRate: 0,
      timeToRestoreP50: null, leadTimeP50: lead, leadTimeAtLeast: bound, cycleTimeP50: D, stages: waiting > 0 ? { ...stages, deploy: null } : stages, deployAtLeast: waiting > 0 ? 30 * 60 : null,
    });
    const report = buildReport(sampleChanges(), {}, {
      trend: {
        weeks: [], period: 'week', periods: [week('2026-03-02', '2026-03-09', 9 * D, 0, null), week('2026-03-09', '2026-03-16', 5 * D, 0, null), week('2026-03-16', '2026-03-23', null, 2, H)],
        keys: [
          trendKey('dora.deploymentFrequency', 'perWeek', [1, 1, 1], { direction: noDirection(3) }),
          // the last week's 1h is only a bound: drawn apart, never compared
          trendKey('dora.leadTime', 'seconds', [9 * D, 5 * D, null], { bounds: [null, null, H], apart: [false, false, true], direction: noDirection(2) }),
        ],
      },
    });
    const text = renderText(report, { color: false, width: 80 });
    // two complete weeks are not a trend: no "9d → 5d" read off two single weeks
    expect(text).toMatch(/^lead time p50 +█▁· {2}no direction \(2 complete weeks\)$/m);
    // deploys are facts whether or not changes wait: the last week is complete there
    expect(text).toMatch(/^deployment frequency +▄▄▄ {2}no direction \(3 complete weeks\)$/m);
    expect(text).toContain('\n· incomplete week: cut by the window, or changes still waiting (a bound)\n');
  });

  it('words a direction with both halves\' values, and says its interval under the lines', () => {
    const report = buildReport(sampleChanges(), {}, {
      trend: {
        weeks: [], period: 'week', periods: sixWeeks(),
        keys: [
          trendKey('dora.deploymentFrequency', 'perWeek', [0, 1, 0, 2, 1, 2], {
            direction: {
              direction: 'rising', completePeriods: 6, note: null,
              first: { from: '2026-02-02', to: '2026-02-23', periods: 3, value: 1 / 3, count: 1 },
              second: { from: '2026-02-23', to: '2026-03-16', periods: 3, value: 5 / 3, count: 5 },
              interval: { difference: 4 / 3, low: 1 / 3, high: 7 / 3, real: true },
            },
          }),
          trendKey('dora.leadTime', 'seconds', [D, 2 * D, D, D, 2 * D, D], {
            direction: {
              direction: 'no clear trend', completePeriods: 6, note: null,
              first: { from: '2026-02-02', to: '2026-02-23', periods: 3, value: D, count: 6 },
              second: { from: '2026-02-23', to: '2026-03-16', periods: 3, value: D, count: 6 },
              interval: { difference: 0, low: -D, high: D, real: false },
            },
          }),
          // a ratio's difference is in percentage points: 10% → 30% is +20 pp, never "+20%" (which reads as relative)
          trendKey('dora.changeFailureRate', 'ratio', [0.1, 0.1, 0.1, 0.3, 0.3, 0.3], {
            direction: {
              direction: 'rising', completePeriods: 6, note: null,
              first: { from: '2026-02-02', to: '2026-02-23', periods: 3, value: 0.1, count: 30 },
              second: { from: '2026-02-23', to: '2026-03-16', periods: 3, value: 0.3, count: 30 },
              interval: { difference: 0.2, low: 0.05, high: 0.35, real: true },
            },
          }),
        ],
      },
    });
    const text = renderText(report, { color: false, width: 120 });
    expect(text).toMatch(/^deployment frequency +▁▅▁█▅█ {2}rising: 0\.33\/wk → 1\.67\/wk$/m);
    expect(text).toMatch(/^lead time p50 +▁█▁▁█▁ {2}no clear trend: 1d → 1d$/m);
    expect(text.replace(/\n +/g, ' ')).toContain('Rising or falling only where the 95% interval of the difference excludes 0: deployment frequency +1.33/wk (95% interval +0.33/wk to +2.33/wk), 3 weeks against 3; lead time p50 0s (95% interval −1d to +1d), 3 weeks against 3; change failure rate +20 pp (95% interval +5 pp to +35 pp), 3 weeks against 3.');
  });

  it('says too few values to tell where an interval leaves out 0 over one value a half, in text, Markdown and HTML', () => {
    // biome, 2025-09 to 2026-09: one failed deploy a half, restored after 8d 23h and 7d 21h: the resamples of one
    // value each give the one difference, −1d 1h … −1d 1h, which leaves out 0 and tells nothing
    const report = buildReport(sampleChanges(), {}, {
      trend: {
        weeks: [], period: 'week', periods: sixWeeks(),
        keys: [
          trendKey('dora.timeToRestore', 'seconds', [8 * D + 23 * H, null, null, 7 * D + 21 * H, null, null], {
            direction: {
              direction: 'no clear trend', completePeriods: 6, note: null,
              first: { from: '2026-02-02', to: '2026-02-23', periods: 3, value: 8 * D + 23 * H, count: 1 },
              second: { from: '2026-02-23', to: '2026-03-16', periods: 3, value: 7 * D + 21 * H, count: 1 },
              interval: { difference: -(D + 2 * H), low: -(D + 2 * H), high: -(D + 2 * H), real: false },
            },
          }),
        ],
      },
    });
    const said = 'too few values to tell: 8d 23h → 7d 21h';
    expect(renderText(report, { color: false, width: 120 })).toMatch(new RegExp(`^failed deployment recovery time p50 .* {2}${said}$`, 'm'));
    expect(renderMarkdown(report)).toContain(said);
    expect(renderHtml(report)).toContain(said);
    for (const page of [renderText(report, { color: false, width: 120 }), renderMarkdown(report), renderHtml(report)]) expect(page).not.toContain('no clear trend: 8d 23h');
    // and the interval under "Rising or falling only where the 95% interval excludes 0" says the few values it is over
    // (pnpm's recovery time read "−5d 1h (95% interval −5d 1h to −5d 1h), 5 months against 5" there)
    const told = '−1d 2h (95% interval −1d 2h to −1d 2h), 3 weeks against 3, only 1 value against 1';
    expect(renderText(report, { color: false, width: 200 }).replace(/\n +/g, ' ')).toContain(told);
    expect(renderMarkdown(report)).toContain(told);
    expect(renderHtml(report)).toContain(told);
  });
});

describe('the trends drawn in part', () => {
  // flask over two years at 80 columns: 15 of its 25 months drawn, and nothing said which
  const months = Array.from({ length: 25 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
  const periods = sixWeeks().slice(0, 1).flatMap((one) => months.map((start, i) => ({ ...one, start, end: months[i + 1] ?? '2026-02-01' })));
  const report = buildReport(sampleChanges(), {}, {
    trend: { weeks: [], period: 'month', periods, keys: [trendKey('dora.deploymentFrequency', 'perWeek', months.map((_, i) => i % 5), { direction: noDirection(25) })] },
  });
  const trendLines = (width: number): string[] => section(renderText(report, { color: false, width }), 'Trends by month (the first half of the complete months against the second)');

  it('says which periods the lines draw when the width holds fewer than the window has', () => {
    // 80 columns less the label (22), two spaces and "no direction (25 complete months)" (33) leave 23 marks
    const lines = trendLines(80);
    expect(lines[1]).toMatch(/^deployment frequency {2}[▁-█]{23} {2}no direction \(25 complete months\)$/);
    // the last 23 of 2024-01 … 2026-01 begin at 2024-03
    expect(lines.join('\n').replace(/\n +/g, ' ').split('\n')).toContain('The last 23 of 25 months drawn (2024-03 → 2026-01); the directions read the whole window.');
  });

  it('says nothing of it when every period is drawn', () => {
    const lines = trendLines(160);
    expect(lines[1]).toMatch(/^deployment frequency {2}[▁-█]{25} {2}/);
    expect(lines.join('\n')).not.toContain('drawn (');
  });
});

/** Six complete weeks from 2026-02-02, two changes and a deploy each: the periods a trend's keys are drawn over. */
function sixWeeks() {
  const weeks = ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'];
  return weeks.map((start, i) => ({
    start, end: weeks[i + 1] ?? '2026-03-16', partial: false, complete: true, changes: 2, waiting: 0, deploys: 1, failedDeploys: 0, deploymentFrequency: 1, changeFailureRate: 0,
    timeToRestoreP50: null, leadTimeP50: D, leadTimeAtLeast: null, cycleTimeP50: D, stages: { coding: H, pickup: null, review: null, merge: null, deploy: D }, deployAtLeast: null,
  }));
}

describe('the slowest changes, one of them rebased', () => {
  // #107, among the slowest (10d 15h, mostly waiting for review), had its branch rebased: its first commit is older
  // than its fork point, which the reader is told before its title (a narrow table cuts a title at its end)
  const changes = sampleChanges().map((c) => (c.id === '#107' ? { ...c, flags: ['rebased', 'was-draft'] } : c));
  const report = buildReport(changes);

  it('names the flag that bears on its time, and no other', () => {
    expect(report.summary.slowest.filter((s) => s.flags !== undefined).map((s) => [s.id, s.flags])).toEqual([['#107', ['rebased']]]);
    const rows = section(renderText(report, { color: false, width: 120 }), 'Slowest changes').filter((l) => l.startsWith('│ #'));
    expect(rows.find((r) => r.startsWith('│ #107'))?.split('│').map((c) => c.trim()).filter(Boolean)).toEqual(['#107', '(rebased) Change #107', '10d 15h', '9d pickup (waiting for review)']);
    expect(rows.filter((r) => r.includes('rebased'))).toHaveLength(1);
    // at 80 columns the title is cut, the flag before it kept
    const narrow = section(renderText(report, { color: false, width: 80 }), 'Slowest changes').find((l) => l.startsWith('│ #107'));
    expect(narrow).toMatch(/│ \(rebased\) Change/);
    expect(renderMarkdown(report)).toMatch(/^\| \[#&#8203;107\]\(https:\/\/github\.com\/acme\/shop\/pull\/107\) \| \(rebased\) Change #&#8203;107 \| 10d 15h \| pickup \(waiting for review\) 9d \|$/m);
  });
});

describe('the weekly queues at 80 columns', () => {
  it('keeps a year of weeks and the AI share line within the width, the share written whole', () => {
    // terraform's year: 53 Mondays, a deploy queue from 67 to 248, 1.6% of the arrivals AI-assisted (wrote 83 columns)
    const base = buildReport(sampleChanges());
    const weeks = Array.from({ length: 53 }, (_, i) => ({
      weekStart: new Date(Date.parse('2025-08-18T00:00:00Z') + i * 7 * D * 1000).toISOString().replace('.000Z', 'Z'),
      arrivals: 11, departures: 8, queue: 67 + 3 * i, aiShare: i % 9 === 0 ? 0.1 : 0,
    }));
    const trend = { ...(base.summary.queueTrend.deploy as NonNullable<typeof base.summary.queueTrend.deploy>), queueStart: 67, queueEnd: 248, aiShare: 0.016 };
    const report = buildReport(sampleChanges(), {}, { queues: { ...base.summary.queues, deploy: weeks }, queueTrend: { ...base.summary.queueTrend, deploy: trend } });
    const text = renderText(report, { color: false, width: 80 });
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    // the deploy wait's two lines end with their figures, whole
    expect(text).toMatch(/^ {2}deploy wait +[▁▂▃▄▅▆▇█]+ 67 → 248\n {4}AI share +[▁▂▃▄▅▆▇█ ]+ 1\.6% of arrivals$/m);
  });
});
