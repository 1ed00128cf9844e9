import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HTML_CSP, renderHtml } from '../../src/render/html.js';
import { PAGE_SIZE } from '../../src/render/html/changes.js';
import { httpUrl } from '../../src/render/format.js';
import type { Report } from '../../src/report/schema.js';
import { buildReport, change, D, H, sampleChanges, withLockstepProducts } from './report-builder.js';
import { githubReport, largeGitReport, multiRepositoryReport } from './rich-report.js';

/** The `<section id=…>` of the page, up to its end. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The text of a page part with its tags removed and entities left as written. */
function text(markup: string): string {
  return markup.replace(/<title>[^<]*<\/title>|<desc[^>]*>[^<]*<\/desc>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** `data-chart` id → <title> of every chart in the page, in order. */
function chartsOf(html: string): Array<[string, string]> {
  return [...html.matchAll(/<svg [^>]*data-chart="([^"]+)"[^>]*><title id="\1-title">([^<]+)<\/title><desc id="\1-desc">[^<]+<\/desc>/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

describe('renderHtml: one self-contained file', () => {
  const html = renderHtml(githubReport());

  it('is a complete document with a viewport, a CSP that allows no request, dark and print styles', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
    // the one script allowed is the page's own, by the hash of exactly what the page holds
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(HTML_CSP).toBe(`default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('@media print{');
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('refers to nothing outside the file: http(s) only in the href of a link', () => {
    const withoutLinks = html.replace(/<a href="https?:\/\/[^"]*" rel="noopener noreferrer">/g, '<a>');
    expect(withoutLinks).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|data|action|poster)=|@import|url\(|<(iframe|object|embed|img|video|audio|form)\b/i);
    expect(html.match(/<link [^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    expect(html.match(/<script>/g)).toHaveLength(1);
    // the script moves, hides and labels what is in the page; it never writes markup
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|createElement/);
  });

  it('has every section in reading order, each listed in the contents', () => {
    const ids = [...html.matchAll(/<section id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['stages', 'recommendations', 'dora', 'lead-time', 'trends', 'size', 'deploys', 'repair', 'unreleased', 'review', 'rework', 'ci', 'wip', 'ai', 'ai-defects', 'ai-load', 'acceptance', 'queues', 'changes', 'notes']);
    const toc = /<nav class="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    expect([...toc.matchAll(/href="#([a-z-]+)"/g)].map((m) => m[1])).toEqual(ids);
  });

  it('draws each chart as inline SVG announced by its title', () => {
    expect(chartsOf(html)).toEqual([
      ['stage-shares', 'Share of the time in each stage'],
      ['stage-percentiles', 'p50 and p90 of each stage'],
      ['lead-time-distribution', 'Distribution of lead time'],
      ['weekly-trend', 'Lead time and stage medians by week'],
      ['trend-deploymentFrequency', 'Deployment frequency by week'],
      ['trend-changeFailureRate', 'Change failure rate by week'],
      ['trend-timeToRestore', 'Failed deployment recovery time p50 by week'],
      ['cycle-time-by-size', 'Cycle time by change size'],
      ['deploy-timeline', 'Deploys over the window'],
      ['reviewer-load', 'Reviews per reviewer'],
      ['check-durations', 'Check wall time'],
      ['open-pull-ages', 'Open pull requests by age'],
      ['ai-vs-other', 'AI-assisted vs other changes: p50 of each stage'],
      ['queue-coding', 'coding: changes waiting, arriving and leaving'],
      ['queue-pickup', 'pickup: changes waiting, arriving and leaving'],
      ['queue-review', 'review: changes waiting, arriving and leaving'],
      ['queue-merge', 'merge wait: changes waiting, arriving and leaving'],
      ['queue-deploy', 'deploy wait: changes waiting, arriving and leaving'],
      ['review-capacity', 'Review capacity: reviews against pull requests ready'],
    ]);
    expect(html.match(/<svg /g)).toHaveLength(19);
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="stage-shares-title stage-shares-desc"/);
  });

  it('escapes every piece of untrusted text, in tables and in charts', () => {
    expect(html).not.toMatch(/<img|<script>alert|<b>evil|<b>x/i);
    expect(html).toContain('<td class="ext title">&lt;img src=x onerror=alert(1)&gt; | `rm -rf` &lt;script&gt;alert(2)&lt;/script&gt; second line *bold* [x](javascript:alert(3)) @octocat fixes #7</td>');
    expect(html).toContain('<td class="ext">Mallory | &lt;b&gt;evil&lt;/b&gt;</td>');
    // a reviewer's login in the load chart, a check's name in the flaky table
    expect(html).toMatch(/<text [^>]*>mallory&lt;b&gt;x&lt;\/b&gt;<\/text>/);
    expect(html).toContain('<td class="ext">e2e &lt;script&gt;alert(1)&lt;/script&gt;</td>');
  });

  it('links changes and pull requests only through http(s) URLs', () => {
    expect(html).toContain('<td class="id"><a href="https://github.com/acme/shop/pull/100" rel="noopener noreferrer">#100</a></td>');
    expect(html).toContain('<td class="id"><a href="https://github.com/acme/shop/pull/408" rel="noopener noreferrer">#408</a></td>');
    const evil = renderHtml(buildReport([change('#5', '2026-03-03T10:00:00Z', { coding: H }, { url: 'javascript:alert(4)' })]));
    expect(evil).toContain('<td class="id">#5</td>');
    expect(evil).not.toContain('javascript:alert(4)');
  });
});

describe('renderHtml: what each section says', () => {
  const sample = buildReport(sampleChanges());

  it('opens with the headline and the key figures as tiles, each placed against the DORA clusters beside it', () => {
    const html = renderHtml(sample);
    expect(html).toMatch(/<p class="headline">The typical change spends 74% of its lead time waiting/);
    // lead times of the 7 deployed changes and the 2 still waiting (Kaplan–Meier): median 3d 12h (high); 2
    // releases in 4 weeks, one failed
    expect(html).toContain('<div class="tile"><span class="label">Lead time, median <span class="band band-high" title="DORA 2024 cluster">DORA 2024: high cluster, between one day and one week</span></span><b>3d 12h</b><span class="sub">first commit → deploy, 9 changes, 2 still waiting</span></div>');
    expect(html).toContain('<span class="label">Deploys per week <span class="band band-medium" title="DORA 2024 cluster">DORA 2024: medium cluster, between once per week and once per month</span></span><b>0.50</b>');
    expect(html).toContain('<span class="label">Change failure rate <span class="band band-none" title="DORA 2024 clusters">DORA 2024: over the low cluster’s 40%</span></span><b>50%</b><span class="sub">over 2 deploys</span>');
    expect(html).toContain('<span class="label">Changes counted</span><b>9</b><span class="sub">left out: 1 by bots, 1 sync</span>');
  });

  it('puts a repository of several products in its cluster by the releases per week its tile shows', () => {
    // 9 tags of 3 products in 3 releases over 4 weeks: 2.25 deploys a week would be high, the 0.75 releases medium
    const html = renderHtml(withLockstepProducts(sample));
    expect(html).toContain('<span class="label">Releases per week <span class="band band-medium" title="DORA 2024 cluster">DORA 2024: medium cluster, between once per week and once per month</span></span><b>0.75</b><span class="sub">3 releases of 9 deploys in the window (2.25 a week): its products&#39; tags on one commit are one release</span>');
    expect(html).not.toContain('<span class="label">Deploys per week');
  });

  it('writes a percentile the data does not reach as "≥" its bound, and says why', () => {
    const report: Report = buildReport(sampleChanges());
    report.summary.leadTime = { ...report.summary.leadTime, p50: null, censored: 2, atLeast: 41 * D };
    const html = renderHtml(report);
    expect(html).toContain('<b>≥ 41d</b><span class="sub">first commit → deploy, 9 changes, 2 still waiting</span>');
    // deploy waits 3h 4h 20h 22h 1d 2d 2d and two still waiting (7d 14h, 13d 14h so far): Kaplan–Meier Ŝ falls to
    // 4/9 at 1d (p50) and 2/9 at 2d (p75); p90 is beyond the data, at least type 7 of the nine with the two at
    // their waits so far: rank 7.2 of 9, 7d 14h + 0.2 × 6d = 8d 18h 48m (not the 13d 14h of the oldest)
    expect(text(sectionOf(html, 'stages'))).toContain('deploy wait 9 1d 2d ≥ 8d 18h 44%');
    // and the percentiles' chart (under lead time) draws that bound as its table writes it, not a dash
    expect(text(sectionOf(html, 'lead-time'))).toContain('deploy wait 1d ≥ 8d 18h');
    expect(text(sectionOf(html, 'stages'))).toContain('2 changes merged but not yet deployed count as still waiting: their deploy wait and lead time are at least the time waited so far');
  });

  it('puts the what-if beside its recommendation', () => {
    const report = buildReport(sampleChanges(), {
      recommendations: [{
        id: 'pickup-dominates', measure: 'Pickup time (p50)', value: '1d 6h (threshold 24h)', tellsYou: 'Reviews wait for people', doNext: 'Agree a review rota', impact: 120, figure: 'summary.stages.pickup.p50', threshold: '24h',
        whatIf: { stage: 'pickup', cap: 24 * H, leadTimeP50: { now: 6 * D + 4 * H, then: 4 * D + 20 * H }, hoursSavedPerWeek: 37.5 },
      } as Report['recommendations'][number]],
    });
    const recs = sectionOf(renderHtml(report), 'recommendations');
    expect(recs).toContain('<h3>Pickup time (p50)</h3><p class="measured">Measured: <b>1d 6h (threshold 24h)</b></p>');
    expect(recs).toContain('<p class="do"><b>What you do next:</b> Agree a review rota</p>');
    expect(recs).toContain('<div class="whatif"><b>What if</b><br>With pickup (waiting for review) capped at 1d and every other stage as it was, the median lead time of the deployed changes would be 4d 20h instead of 6d 4h: about 37.5 change-hours of waiting saved a week, summed over the changes that waited longer.</div>');
    expect(renderHtml(sample)).not.toContain('<section id="recommendations"');
  });

  it('draws the deploys on a timeline, the failed one marked with its reasons and restore time', () => {
    const deploys = sectionOf(renderHtml(sample), 'deploys');
    expect(deploys).toContain('2 deploys in the window, read from GitHub Releases.');
    expect(deploys).toContain('<title>v1.3.0 · 2026-03-12 12:00 UTC · 2 changes shipped · failed: shipped a change later reverted · restored after 5h</title>');
    // the failed deploy is a red cross, the other a circle
    expect(deploys.match(/<path d="M[^"]+" stroke="#cf222e"/g)).toHaveLength(1);
    expect(deploys).toContain('<summary>Every deploy (2)</summary>');
  });

  it('draws the weekly trend over the weeks begun by now, shading a week with no merge', () => {
    const report = buildReport(sampleChanges(), { now: '2026-03-18T00:00:00Z' });
    const trend = sectionOf(renderHtml(report), 'lead-time');
    // the window runs to 2026-03-30, but "now" is the 18th: the weeks of the 23rd onwards are not drawn
    expect(trend).toContain('<title>week of 2026-03-16: 2 changes merged</title>');
    expect(trend).not.toContain('week of 2026-03-23');
    const gap = buildReport(sampleChanges().filter((c) => !c.mergedAt.startsWith('2026-03-1')));
    const gapTrend = sectionOf(renderHtml(gap), 'lead-time');
    expect(gapTrend).toContain('<title>week of 2026-03-16: no changes merged</title>');
    expect(gapTrend).toContain('A shaded week had no merged change, so its lines break.');
  });

  it('lists what is merged and not yet deployed, oldest first, or says nothing waits', () => {
    const unreleased = sectionOf(renderHtml(githubReport()), 'unreleased');
    expect(text(unreleased)).toContain('Changes waiting 5 Median wait so far 6d Longest wait 9d 2h');
    expect(unreleased).toMatch(/<td class="id"><a [^>]+>#\d+<\/a><\/td><td class="ext title">&lt;img src=x[^<]+<\/td><td class="date">2026-03-\d\d \d\d:\d\d<\/td><td class="num">9d<\/td>/);
    const none: Report = buildReport(sampleChanges());
    none.summary.unreleased = { count: 0, p50Age: null, oldestAge: null, oldest: [], oldestChanges: [] };
    expect(text(sectionOf(renderHtml(none), 'unreleased'))).toContain('Every change merged in the window has been deployed.');
    // a change waiting whose first commit is unknown is in no lead time: said, so the tiles' two counts agree
    expect(text(unreleased)).toContain('it counts in the lead time as still waiting. Changes waiting 5');
    const unseen = githubReport();
    unseen.summary.unreleased = { ...unseen.summary.unreleased, noLeadTime: 2 };
    expect(text(sectionOf(renderHtml(unseen), 'unreleased'))).toContain('it counts in the lead time as still waiting. 2 of the 5 changes not deployed have no lead time, not even a bound: their first commits are unknown. Changes waiting 5');
    // and under the headline, where the lead time's tile counts 3 still waiting beside these 5
    expect(renderHtml(unseen)).toMatch(/Merged, not deployed<\/span><b>5<\/b><span class="sub">waiting up to 9d 2h, 2 of them with no lead time<\/span>/);
    expect(renderHtml(githubReport())).toMatch(/Merged, not deployed<\/span><b>5<\/b><span class="sub">waiting up to 9d 2h<\/span>/);
  });

  it('lays out review, rework, CI and work in progress in words and units, the alarming figures flagged', () => {
    const report = buildReport(sampleChanges(), {}, {
      review: {
        reviews: 12, reviewers: 2, topTwoShare: 0.75, unreviewed: 1, unreviewedShare: 0.1, selfMerged: 2, selfMergedShare: 0.2, reviewsPerChange: 1.2,
        largeChanges: 3, largeChangesWithoutComments: 0, largeChangeCommentsPer100LinesP50: 2,
        byReviewer: [{ reviewer: 'ada', reviews: 9, firstReviews: 4, pickupP50: 3 * H }, { reviewer: 'bob', reviews: 3, firstReviews: 1, pickupP50: null }],
      },
      wip: {
        open: 2, drafts: 1, p50Age: 4 * D, p90Age: 30 * D, activeAuthors: 4, perAuthor: 0.5,
        ageHistogram: [{ label: '< 1d', from: 0, to: D, ready: 1, drafts: 1 }, { label: '≥ 1d', from: D, to: null, ready: 1, drafts: 0 }],
        oldest: [{ number: 7, title: 'Old <b>work</b>', url: 'https://github.com/acme/shop/pull/7', author: 'ada', isDraft: false, age: 30 * D }],
      },
    });
    const html = renderHtml(report);
    const review = sectionOf(html, 'review');
    expect(text(review)).toContain('12 reviews by 2 reviewers, 1.2 per change.');
    // the two busiest did 75% of reviews, over the 70% threshold: the tile is flagged
    expect(review).toContain('<div class="tile alert"><span class="label">Reviews by the two busiest</span><b>75%</b>');
    expect(review).toContain('<div class="tile"><span class="label">Review depth on large changes</span><b>2.0</b><span class="sub">comments per 100 lines (median) over 3 changes of 400+ lines; 0 approved without a comment</span>');
    expect(review).toContain('<title>ada, reviews: 9</title>');
    expect(review).toContain('<tr><td class="ext">ada</td><td class="num">9</td><td class="num">4</td><td class="num">3h</td></tr>');
    const wip = sectionOf(html, 'wip');
    expect(text(wip)).toContain('Open, ready for review 2 and 1 draft Age, median 4d p90 30d');
    expect(wip).toContain('<td class="id"><a href="https://github.com/acme/shop/pull/7" rel="noopener noreferrer">#7</a></td><td class="ext title">Old &lt;b&gt;work&lt;/b&gt;</td><td class="ext">ada</td><td>ready</td><td class="num">30d</td>');
    expect(wip).toContain('1 + 1 draft');
  });

  it('says once, from git alone, that review, CI and work in progress cannot be measured', () => {
    const git = renderHtml(largeGitReport(50));
    expect(text(sectionOf(git, 'review'))).toContain('Git alone cannot see reviews, checks or open pull requests');
    for (const id of ['rework', 'ci', 'wip']) expect(git).not.toContain(`<section id="${id}"`);
    // from git alone "review" is the whole wait from the last commit to the merge, and the charts say so
    expect(sectionOf(git, 'lead-time')).toMatch(/<text [^>]*>review &amp; merge<\/text>/);
    expect(git).toContain('<button type="button">review &amp; merge</button>');
    // and the table of changes has no column of dashes for the stages git cannot see
    expect(git).not.toContain('<button type="button">pickup</button>');
    expect(renderHtml(githubReport())).toContain('<button type="button">pickup</button>');
  });

  it('compares AI-assisted changes with the rest, each difference with its interval and what it allows', () => {
    const ai = sectionOf(renderHtml(githubReport()), 'ai');
    expect(text(ai)).toContain('At least 16 changes carried an AI marker (a lower bound: only marked work is found), against 48 others.');
    const rows = [...ai.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [m[1], ...[...(m[2] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].slice(2).map((c) => c[1])]);
    expect(rows.slice(0, 4)).toEqual([
      ['lead time', '−8h', '−1d 6h to +10h', 'the data cannot tell'],
      ['cycle time', '−5h', '−9h to −1h', 'AI-assisted faster'],
      ['coding', '+3h', '+1h to +7h', 'AI-assisted slower'],
      ['pickup (waiting for review)', '—', '—', 'not measurable'],
    ]);
    expect(ai).toContain('AI-assisted (16)');
    const none = sectionOf(renderHtml(buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: H })])), 'ai');
    expect(text(none)).toContain('No AI-assisted change was found in the window, so there is nothing to compare.');
  });

  it('shows where the queue builds: a growing queue flagged, a steady one written as the text writes it', () => {
    const queues = sectionOf(renderHtml(githubReport()), 'queues');
    expect(queues).toMatch(/pickup \(waiting for review\)<\/th><td class="num">6\.50<\/td><td class="num">4\.50<\/td><td class="num growing">\+2\.00<\/td><td class="num">10\.0<\/td><td class="num">9\.1<\/td><td class="num">18h<\/td>/);
    // 0.00, as the text table writes it, not a word of its own (pi-hole's −0.04 read "steady" here and −0.04 there)
    expect(queues).toMatch(/coding<\/th><td class="num">6\.50<\/td><td class="num">6\.50<\/td><td class="num">0\.00<\/td>/);
    // the caption says what the counts make true: the queue's start and end, and the growth between them
    expect(queues).toContain('<p class="note">The queue grew from 3 to 11 changes: +2.00 a week (6.50 arriving, 4.50 leaving).</p>');
    expect(queues).toContain('<p class="note">The queue shrank from 6 to 4 changes: −0.50 a week (6.50 arriving, 7.00 leaving).</p>');
    expect(queues).toContain('<p class="note">The queue ended where it began (4 changes): 6.50 arriving and 6.50 leaving a week.</p>');
  });

  it('shows what a note marks with backticks as code, escaped; a backtick without its pair as written', () => {
    const report: Report = { ...buildReport(sampleChanges()), notes: ['47 pull requests landed first on `development`: run with `--branch development`', 'the branch `<img src=x onerror=alert(1)>` and a lone ` stays'] };
    const notes = sectionOf(renderHtml(report), 'notes');
    expect(notes).toContain('<li>47 pull requests landed first on <code>development</code>: run with <code>--branch development</code></li>');
    expect(notes).toContain('<li>the branch <code>&lt;img src=x onerror=alert(1)&gt;</code> and a lone ` stays</li>');
  });

  it('reports without changes keep the header and notes and draw nothing', () => {
    const empty = renderHtml(buildReport([]));
    expect(empty).toContain('No changes merged between 2026-03-02 and 2026-03-30.');
    expect(empty).not.toContain('<svg');
    expect(empty).toContain('<section id="notes"');
  });
});

describe('renderHtml: the table of changes', () => {
  const many = Array.from({ length: 60 }, (_, i) => change(`#${1000 + i}`, `2026-03-${String(3 + (i % 20)).padStart(2, '0')}T10:00:00Z`, { coding: (i + 1) * H, deploy: 0 }));
  const html = renderHtml(buildReport(many));
  const rows = /<table class="sortable" id="changes-table"[^>]*>[\s\S]*?<tbody>\n([\s\S]*?)\n<\/tbody>/.exec(html)?.[1]?.split('\n') ?? [];

  it('holds every change, the slowest first, all but the first page hidden', () => {
    expect(PAGE_SIZE).toBe(50);
    expect(rows).toHaveLength(60);
    // lead times 1h … 60h: #1059 (60h) opens the table, #1010 (11h) ends the first page
    expect(rows[0]).toContain('>#1059<');
    expect(rows[0]).toContain('<td class="num" data-v="216000">2d 12h</td>');
    expect(rows[49]).toContain('>#1010<');
    expect(rows.filter((r) => r.startsWith('<tr hidden>'))).toHaveLength(10);
    expect(rows.slice(0, 50).some((r) => r.includes(' hidden'))).toBe(false);
    expect(text(sectionOf(html, 'changes'))).toContain('60 changes, the slowest first, a page at a time: search, sort or page to see the rest.');
  });

  it('ranks a change still waiting at its lead time so far, written as a bound, not at its cycle time', () => {
    // #2000 merged 03-29 23:00 after 1h of work, not deployed by now (04-01 00:00): 49h since its merge, 50h since its
    // first commit; it ranks with #1049 (50h), after it (the list's order between equals), not at its 1h with #1000
    const waiting = change('#2000', '2026-03-29T23:00:00Z', { coding: H });
    const list = /<tbody>\n([\s\S]*?)\n<\/tbody>/.exec(sectionOf(renderHtml(buildReport([...many, waiting])), 'changes'))?.[1]?.split('\n') ?? [];
    const at = list.findIndex((r) => r.includes('>#2000<'));
    expect([list[at - 1], list[at + 1]].map((r) => />(#\d+)</.exec(r ?? '')?.[1])).toEqual(['#1049', '#1048']);
    expect(list[at]).toContain('<td class="num" data-v="176400">≥ 2d 1h</td><td class="num" data-v="180000">≥ 2d 2h</td>');
  });

  it('gives sort keys to the script in the DOM and words to the reader', () => {
    expect(html).toContain('<th scope="col" data-type="number" class="num"><button type="button">Lead time</button></th>');
    expect(html).toContain('<td class="num" data-v="1772532000" title="2026-03-03 10:00 UTC">2026-03-03</td>');
    // the lines as the report holds them (40 added, 10 deleted), sorted by their sum
    expect(html).toContain('<td class="num" data-v="50">+40 −10</td>');
    expect(html).toContain('<div class="table-tools" id="changes-tools" hidden><label>Search <input type="search" id="changes-search"');
  });

  it('greys out the changes left out of the figures', () => {
    expect(renderHtml(buildReport(sampleChanges()))).toContain('<tr class="not-counted" title="left out of the stage figures">');
  });

  it('names the repository of each change in a report over several, and only then', () => {
    const multi = renderHtml(multiRepositoryReport());
    // above the title, not a column of its own (one column too many for a 1280 px screen); sorted by the repository
    expect(multi).toMatch(/<th scope="col" data-type="text"><button type="button">Change<\/button><\/th><th scope="col" data-type="text"><button type="button">Repository · title<\/button><\/th><th scope="col" data-type="text"><button type="button">Author<\/button>/);
    expect(multi).toContain('<td class="ext title" data-v="acme/shop"><span class="repo" title="acme/shop">acme/shop</span>Change 159: bump the payment SDK</td>');
    expect(multi).toContain('placeholder="title, repository, author, id or flag"');
    expect(html).not.toContain('>Repository · title<');
    expect(html).toContain('<td class="ext title">');
    expect(html).toContain('placeholder="title, author, id or flag"');
    const repositories = sectionOf(multi, 'repositories');
    expect(repositories).toContain('data-chart="repository-lead-times"');
    expect(repositories).toContain('<li class="ext">/src/gone: not a git repository</li>');
  });
});

describe('render helpers', () => {
  it('only absolute http(s) URLs are links', () => {
    expect(httpUrl('https://github.com/a/b/pull/1')).toBe('https://github.com/a/b/pull/1');
    expect(httpUrl('https://x.test/a(b)|c')).toBe('https://x.test/a%28b%29%7Cc');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'ftp://x', '', null]) expect(httpUrl(bad)).toBeNull();
  });
});
