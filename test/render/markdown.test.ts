import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Report } from '../../src/report/schema.js';
import { buildReport, change, D, EVIL_TITLE, H, noDirection, sampleChanges, trendKey, withLockstepProducts } from './report-builder.js';
import { githubReport, largeGitReport } from './rich-report.js';

const RECOMMENDATION = {
  id: 'pickup-dominates', measure: 'Pickup time (p75)', value: '1d 6h (threshold 24h)', tellsYou: 'Reviews wait for people | not for code',
  doNext: 'Agree a review rota', impact: 120, figure: 'summary.stages.pickup.p75', threshold: '24h',
};

/** Cells of a Markdown table row, split on the `|` that are not escaped. */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

function tableAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| ') && l.includes(heading));
  expect(start, `a table with ${heading}`).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start, end);
}

describe('renderMarkdown: content', () => {
  const report = buildReport(sampleChanges(), { recommendations: [RECOMMENDATION] });
  const markdown = renderMarkdown(report);

  it('opens with the repository, window, sources and deploy signal, then the headline', () => {
    expect(markdown.startsWith('## flowaudit · acme/shop\n')).toBe(true);
    expect(markdown).toContain('**Branch** main · **window** 2026-03-02 → 2026-03-30, as of 2026-04-01 · **sources** git + github · **deploys** GitHub Releases');
    /*
     * The typical change, over the 7 deployed (fractions of each one's own lead time, hours):
     *   deploy (48/78 + 22/84.5 + 3/57 + 48/226 + 20/21.67 + 4/4.42 + 24/255) / 7 = 3.0636 / 7 = 44%
     *   pickup (20/78 + 4/84.5 + 48/57 + 6/226 + 0.5/21.67 + 0 + 216/255) / 7 = 2.0425 / 7 = 29%
     *   coding (6/78 + 48/84.5 + 3/57 + 120/226 + 0.67/21.67 + 0.33/4.42 + 8/255) / 7 = 1.3662 / 7 = 20%
     * Review is work, not waiting: only pickup, merge wait and deploy wait are.
     */
    expect(markdown).toMatch(
      /^> \*\*The typical change spends 74% of its lead time waiting \(deploy wait 44%, pickup \(waiting for review\) 29%, merge wait \(approved\) 1\.2%\), 20% coding and 6\.4% in review &amp; rework\.\*\*$/m,
    );
  });

  it('has one row per stage with count, type-7 percentiles and share, then cycle and lead time', () => {
    const table = tableAfter(markdown, 'Stage');
    expect(cells(table[0] ?? '')).toEqual(['Stage', 'Changes', 'p50', 'p75', 'p90', 'Share']);
    // coding over the 9 counted changes (bot and sync left out): 20m 40m 3h 6h 8h 1d 2d 3d 5d → p75 = 2d, p90 = 3d + 0.2 × 2d;
    // its share of the typical deployed change 20% (of all their time together, 26%, is the JSON's alone: one share on the page)
    expect(cells(table[2] ?? '')).toEqual(['coding', '9', '8h', '2d', '3d 9h', '20%']);
    expect(table.map((l) => cells(l)[0])).toEqual([
      'Stage', ':--', 'coding', 'pickup (waiting for review)', 'review &amp; rework', 'merge wait (approved)', 'deploy wait',
      '**cycle time** (first commit → merge)', '**lead time** (first commit → deploy)',
    ]);
    expect(markdown).toContain('9 changes counted (left out: 1 by bots, 1 sync); shares over 7 deployed changes.');
  });

  it('writes, on the key line, the releases per week that placed a repository of several products beside the cluster', () => {
    // 9 tags of 3 products in 3 releases over 4 weeks: 2.25 deploys a week would be high, the 0.75 releases medium
    const several = renderMarkdown(withLockstepProducts(report));
    expect(several).toContain('**2.25** deploys per week, **0.75** releases per week (DORA 2024: medium cluster, between once per week and once per month)');
    // and the DORA table's value, beside the cluster the releases placed
    expect(cells(several.split('\n').find((l) => l.startsWith('| Deployment frequency |')) ?? '')[1]).toBe('2.25 per week · 0.75 deploy-days per week · 0.75 releases per week');
    // one product: its deploys are its releases, and nothing more is said
    expect(markdown).toMatch(/\*\*0\.50\*\* deploys per week \(DORA 2024: medium cluster/);
    expect(markdown).not.toContain('releases per week');
  });

  it('lists the DORA keys against the 2024 clusters as published', () => {
    const table = tableAfter(markdown, 'Key');
    /*
     * 2 releases over the 4-week window, one failed and restored after 5h. Lead time: the 7 deployed changes'
     * 4h 25m, 21h 40m, 2d 9h, 3d 6h, 3d 12h 30m, 9d 10h, 10d 15h, and two still waiting at now (Apr 1):
     * #108 since its first commit Mar 16 05:00 (15d 19h) and #110 since Mar 20 04:40 (11d 19h 20m).
     * Kaplan–Meier over the 9: Ŝ = 8/9, 7/9, 6/9, 5/9, then 4/9 ≤ 1/2 at 3d 12h 30m: the median.
     */
    expect(table.slice(2).map(cells)).toEqual([
      ['Deployment frequency', '0.50 per week · 0.50 deploy-days per week', 'DORA 2024: medium cluster, between once per week and once per month', '2 deploys'],
      ['Lead time for changes', '3d 12h (median)', 'DORA 2024: high cluster, between one day and one week', '9 changes'],
      // one of two deploys failed: past every published rate, never a band of flowaudit's making
      ['Change failure rate', '50%', 'DORA 2024: over the low cluster’s 40%', '2 deploys'],
      ['Failed deployment recovery time', '5h (median)', 'DORA 2024: high and medium clusters, less than one day', '1 restore'],
      ['Deployment rework rate', '0%', '—', '2 deploys'],
    ]);
  });

  it('lists the unreleased changes, oldest first, and the lead time with and without them', () => {
    // #108 merged Mar 18 10:00 and #110 Mar 24 10:00, neither deployed by now (Apr 1): waiting 13d 14h and 7d 14h
    expect(markdown).toContain('### Merged, not yet deployed\n\n2 changes merged in the window waiting: median wait so far 10d 14h, longest 13d 14h.\n');
    // deployed only: the type-7 median of the 7 above is 3d 6h; with the two waiting counted, 3d 12h (the DORA row)
    expect(markdown).toContain('- Over the deployed changes alone the median lead time is 3d 6h (p90 9d 21h).\n');
    const table = tableAfter(markdown, 'Waiting');
    expect(table.slice(2).map(cells)).toEqual([
      ['[#&#8203;108](https://github.com/acme/shop/pull/108)', 'Change #&#8203;108', '2026-03-18 10:00', '13d 14h'],
      ['[#&#8203;110](https://github.com/acme/shop/pull/110)', 'Change #&#8203;110', '2026-03-24 10:00', '7d 14h'],
    ]);
  });

  it('writes out what to fix first, and the rest in the articles’ four columns', () => {
    // one recommendation: written out, no table of the rest
    expect(markdown).toContain('### What to fix first\n\n**Pickup time (p75)**: 1d 6h (threshold 24h)\n\n- **What it tells you**: Reviews wait for people \\| not for code\n- **What you do next**: Agree a review rota\n');
    expect(markdown).not.toContain('What you measure');
    const two = renderMarkdown(buildReport(sampleChanges(), { recommendations: [RECOMMENDATION, { ...RECOMMENDATION, id: 'second', measure: 'Deploy wait (p50)' }] }));
    const table = tableAfter(two, 'What you measure');
    expect(cells(table[0] ?? '')).toEqual(['What you measure', 'Measured', 'What it tells you', 'What you do next']);
    expect(table.slice(2).map((r) => cells(r)[0])).toEqual(['Deploy wait (p50)']);
    expect(two).toContain('Then, one more, ranked by the hours of waiting each accounts for:');
    expect(renderMarkdown(buildReport(sampleChanges()))).not.toContain('What you measure');
  });

  it('puts deploys, slowest changes and every change in collapsible sections, then the notes', () => {
    expect(markdown).toContain('<details>\n<summary>Deploys (2)</summary>\n\n| Deploy |');
    expect(markdown).toContain('<summary>Slowest changes (5)</summary>');
    expect(markdown).toContain('<summary>All changes (11)</summary>');
    expect(markdown).toMatch(/^\| \[#&#8203;107\]\(https:\/\/github\.com\/acme\/shop\/pull\/107\) \| Change #&#8203;107 \| 10d 15h \| pickup \(waiting for review\) 9d \|$/m);
    expect(markdown).toContain('### Notes\n\n- review times need GitHub data: set GH\\_TOKEN\n');
    const all = tableAfter(markdown, 'Author | Kind');
    expect(all).toHaveLength(2 + 11);
    expect(all.find((l) => l.includes('Merge tag'))).toContain('sync (not counted)');
  });

  it('writes what a note marks with backticks as a code span, its text as written; a backtick without its pair escaped', () => {
    const report: Report = { ...buildReport(sampleChanges()), notes: ['`main` holds #12 by @someone: run with `--branch <dev>`', 'a lone ` stays', 'two `` with nothing between'] };
    const out = renderMarkdown(report);
    // a note starting with a code span needs no block escape; outside the spans, mentions and references stay inert
    expect(out).toContain('- `main` holds #&#8203;12 by @&#8203;someone: run with `--branch <dev>`\n');
    expect(out).toContain('- a lone \\` stays\n- two \\`\\` with nothing between\n');
  });

  it('shows every key period by period, as the report carries them', () => {
    // four weeks, the last two with changes still waiting: two complete weeks, no direction, never "first → last"
    expect(markdown).toMatch(/<summary>Trends by week: lead time p50 \S+ \(no direction \(\d complete weeks?\)\)<\/summary>/);
    // week of 2026-03-02: lead times 3d 6h, 3d 12h, 2d 9h → p50 3d 6h; v1.2.0 deployed on the 5th, not failed
    expect(markdown).toMatch(/^\| 2026-03-02 \| 3 \| 1 \| 1\.00\/wk \| 3d 6h \| 0% \| — \|/m);
    // the week of v1.3.0, failed and restored after 5h
    expect(markdown).toMatch(/^\| 2026-03-09 \| \d+ \| 1 \| 1\.00\/wk \| \S+( \S+)? \| 100% \| 5h \|/m);
  });

  it('heads the rate column with what the trend counts: releases a week in a repository of several products', () => {
    const header = (r: Report): string | undefined => renderMarkdown(r).split('\n').find((l) => l.startsWith('| Week of |'));
    expect(header(buildReport(sampleChanges()))).toContain('| Deploys | Deploys a week |');
    expect(header(withLockstepProducts(buildReport(sampleChanges())))).toContain('| Deploys | Releases a week |');
  });

  it('writes a week with changes still waiting as a bound, draws it apart and compares complete weeks only', () => {
    const stages = { coding: H, pickup: null, review: null, merge: null, deploy: D };
    const week = (start: string, end: string, lead: number | null, waiting: number, bound: number | null) => ({
      start, end, partial: false, complete: waiting === 0, changes: 3, waiting, deploys: 0, failedDeploys: 0, deploymentFrequency: 0, changeFailureRate: null,
      timeToRestoreP50: null, leadTimeP50: lead, leadTimeAtLeast: bound, cycleTimeP50: D, stages: waiting > 0 ? { ...stages, deploy: null } : stages, deployAtLeast: waiting > 0 ? 30 * 60 : null,
    });
    const given = buildReport(sampleChanges(), {}, {
      trend: {
        weeks: [], period: 'week', periods: [week('2026-03-02', '2026-03-09', 9 * D, 0, null), week('2026-03-09', '2026-03-16', 5 * D, 0, null), week('2026-03-16', '2026-03-23', null, 2, H)],
        keys: [trendKey('dora.leadTime', 'seconds', [9 * D, 5 * D, null], { bounds: [null, null, H], apart: [false, false, true], direction: noDirection(2) })],
      },
    });
    const text = renderMarkdown(given);
    // the last week's 1h bound would read as a fall from 5d to 1h, and two weeks are no trend: no direction
    expect(text).toMatch(/<summary>Trends by week: lead time p50 █▁· \(no direction \(2 complete weeks\)\)<\/summary>/);
    expect(text).toMatch(/^\| 2026-03-16 \| 3 \(2 waiting\) \| 0 \| 0\.00\/wk \| ≥ 1h \| — \| — \| 1h \| — \| — \| — \| ≥ 30m \|$/m);
    expect(text).toContain(': lead time p50 no direction (2 complete weeks). ');
    expect(text).not.toMatch(/9d → 5d/);
  });

  it('lays out review health and the AI comparison from their figures, in words and units', () => {
    const base = buildReport(sampleChanges());
    const text = renderMarkdown(buildReport(sampleChanges(), {}, {
      review: {
        reviews: 10, reviewers: 2, topTwoShare: 0.8, unreviewed: 2, unreviewedShare: 0.2, selfMerged: 2, selfMergedShare: 0.2, reviewsPerChange: 1,
        largeChanges: 0, largeChangesWithoutComments: 0, largeChangeCommentsPer100LinesP50: null,
        byReviewer: [{ reviewer: 'alice', reviews: 9, firstReviews: 3, pickupP50: 3 * H }, { reviewer: 'bob|x', reviews: 1, firstReviews: 0, pickupP50: null }],
      },
      aiComparison: { ...base.summary.aiComparison, assisted: { ...base.summary.aiComparison.assisted, reworkShare: 0.5 } },
    }));
    expect(text).toContain('### Review health');
    expect(text).toContain('| Share of reviews by the two busiest reviewers | 80% |');
    expect(text).toContain('| Merged without review | 2 (20%) |');
    expect(text).toContain('| alice | 9 | 3 | 3h |');
    expect(text).toContain('| bob\\|x | 1 | 0 | — |');
    expect(text).toContain('### AI-assisted vs other');
    // #101, #104 and #108 carry markers: coding 6h, 5d, 1d → p50 1d
    expect(text).toContain('| coding p50 | 1d | ');
    expect(text).toContain('| Reworked after review | 50% | — |');
  });

  it('renders a report with no changes, and one with none of the optional summary keys, without failing', () => {
    const empty = renderMarkdown(buildReport([]));
    expect(empty).toContain('No changes merged between 2026-03-02T00:00:00Z and 2026-03-30T00:00:00Z.');
    expect(empty).not.toContain('<details>');
    const bare = buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: H })]);
    expect(() => renderMarkdown(bare)).not.toThrow();
  });

  it('caps the change list when asked (a PR comment holds 65,536 characters)', () => {
    const text = renderMarkdown(report, { maxChanges: 3 });
    expect(tableAfter(text, 'Author | Kind')).toHaveLength(2 + 3);
    expect(text).toContain('8 more in the JSON report');
  });
});

describe('renderMarkdown: text from git and GitHub is escaped', () => {
  const markdown = renderMarkdown(buildReport(sampleChanges()));
  const row = markdown.split('\n').find((l) => l.startsWith('| [#&#8203;102]') && l.includes('Mallory')) ?? '';

  it('a `|` in a title or author cannot add a column', () => {
    const header = tableAfter(markdown, 'Author | Kind')[0] ?? '';
    expect(cells(row)).toHaveLength(cells(header).length);
    expect(cells(row)[2]).toBe('Mallory \\| &lt;b&gt;evil&lt;/b&gt;');
  });

  it('HTML stays text: no <script>, <img> or <b> reaches the Markdown', () => {
    expect(markdown).not.toMatch(/<(script|img|b)\b/i);
    expect(cells(row)[1]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(cells(row)[1]).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('backticks, emphasis and link syntax are escaped; the newline is folded so the row stays one line', () => {
    const title = cells(row)[1] ?? '';
    expect(title).toContain('\\`rm -rf\\`');
    expect(title).toContain('\\*bold\\*');
    expect(title).toContain('\\[x\\](javascript:alert(3))');
    expect(title).toContain('&lt;/script&gt; second line');
    expect(EVIL_TITLE).toContain('\n');
  });

  it('an @mention or #number in a title neither notifies nor cross-references', () => {
    const title = cells(row)[1] ?? '';
    expect(title).toContain('@&#8203;octocat fixes #&#8203;7');
    expect(title).not.toMatch(/@octocat|#7/);
  });

  it('links each open pull request to its page when its address is known, as the change tables do', () => {
    const wip = {
      open: 2, drafts: 0, p50Age: 4 * D, p90Age: 30 * D, activeAuthors: 2, perAuthor: 1,
      ageHistogram: [{ label: '≥ 1d', from: D, to: null, ready: 2, drafts: 0 }],
      oldest: [
        { number: 7, title: 'Old work', url: 'https://github.com/acme/shop/pull/7', author: 'ada', isDraft: false, age: 30 * D },
        { number: 9, title: 'Newer', url: 'javascript:alert(9)', author: 'bob', isDraft: false, age: 4 * D },
      ],
    };
    const text = renderMarkdown(buildReport(sampleChanges(), {}, { wip }));
    expect(text).toContain('| [#&#8203;7](https://github.com/acme/shop/pull/7) | Old work | ada | ready | 30d |');
    // an address that is not http(s) stays text, and the link goes on the number only
    expect(text).toContain('| #&#8203;9 | Newer | bob | ready | 4d |');
    expect(text).not.toContain('javascript:alert(9)');
  });

  it('only http(s) URLs become links', () => {
    expect(markdown).toContain('| #&#8203;105 | Change #&#8203;105 |');
    expect(markdown).not.toContain('javascript:alert(4)');
  });
});

describe('renderMarkdown: the HTML report’s sections, in its order', () => {
  const markdown = renderMarkdown(githubReport(), { maxChanges: 5 });
  const headings = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4));

  it('follows the HTML report from the key figures to the queues', () => {
    expect(headings(markdown)).toEqual([
      'Where the time goes', 'What to fix first', 'DORA keys', 'Lead time: spread and trend', 'Change size', 'Deploys', 'Repairs', 'Merged, not yet deployed',
      'Review health', 'Rework', 'CI checks', 'Work in progress', 'AI-assisted vs other', 'Defects: AI-assisted against other', 'Review load: AI-assisted against other', 'Acceptance: merged or closed unmerged', 'Where the queue builds', 'Notes',
    ]);
    expect(markdown).toMatch(/^lead time p50 \*\*2d 1h\*\* \(DORA 2024: high cluster, between one day and one week\) · cycle time p50 \*\*1d 4h\*\* · \*\*1\.75\*\* deploys per week \(DORA 2024: high cluster, between once per day and once per week\) · change failure rate \*\*14%\*\* \(DORA 2024: between the medium cluster’s 10% and the high cluster’s 20%\) · \*\*5\*\* merged, not deployed \(waiting up to 9d 2h\) · \*\*64\*\* changes counted \(left out: 1 by bots\)$/m);
  });

  it('says once, from git alone, that review, CI and work in progress are not measured', () => {
    const git = renderMarkdown(largeGitReport(40), { maxChanges: 0 });
    expect(headings(git)).toContain('Review, CI and work in progress');
    expect(git).toContain('Git alone cannot see reviews, checks or open pull requests');
    expect(headings(git)).not.toContain('Review health');
  });

  it('adds the what-if to its recommendation', () => {
    expect(markdown).toContain('- **What if**: pickup (waiting for review) capped at 1d: lead time p50 of deployed changes 6d 4h → 4d 20h, 37.5 change-hours of waiting saved a week (summed over the changes)\n');
  });

  it('lists the unreleased changes, the lead-time ranges, the queues and the AI intervals', () => {
    expect(markdown).toContain('5 changes merged in the window waiting: median wait so far 6d, longest 9d 2h.');
    expect(tableAfter(markdown, 'Waiting')[2]).toMatch(/^\| \[#&#8203;\d+\]\(https:\/\/github\.com\/acme\/shop\/pull\/\d+\) \| &lt;img src=x.* \| 2026-03-\d\d \d\d:\d\d \| 9d \|$/);
    expect(cells(tableAfter(markdown, '12h–1d')[0] ?? '')).toEqual(['< 1h', '1–4h', '4–12h', '12h–1d', '1–2d', '2–4d', '4–7d', '1–2w', '2–4w', '≥ 4w']);
    expect(cells(tableAfter(markdown, 'Queue growth a week')[3] ?? '')).toEqual(['pickup (waiting for review)', '6.50', '4.50', '+2.00', '10.0', '9.1', '18h']);
    const ai = tableAfter(markdown, 'Difference of medians').map(cells);
    expect(ai[3]).toEqual(['Lead time p50', '1d 21h', '2d 1h', '−8h', '−1d 6h to +10h', 'the data cannot tell']);
    expect(ai[4]?.slice(3)).toEqual(['−5h', '−9h to −1h', 'AI-assisted faster']);
  });

  it('writes a percentile beyond the data as ≥ its bound', () => {
    const report: Report = buildReport(sampleChanges());
    // the deploy wait's p90 is beyond the data: at least 8d 18h, type 7 with the two waiting at their waits so far
    // (see the HTML report's test)
    const text = renderMarkdown(report);
    expect(cells(tableAfter(text, 'Stage')[6] ?? '').slice(0, 5)).toEqual(['deploy wait', '9', '1d', '2d', '≥ 8d 18h']);
    expect(text).toContain('- 2 changes merged but not yet deployed count as still waiting');
  });
});
