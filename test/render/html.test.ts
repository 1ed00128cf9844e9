import { describe, expect, it } from 'vitest';
import { HTML_CSP, renderHtml } from '../../src/render/html.js';
import { httpUrl } from '../../src/render/format.js';
import { durationTicks } from '../../src/render/svg/scale.js';
import { buildReport, change, CHARTS, D, H, sampleChanges } from './report-builder.js';


describe('renderHtml: one self-contained file', () => {
  const html = renderHtml(buildReport(sampleChanges()));

  it('is a complete document with a viewport, a CSP that allows no request, and print styles', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    expect(html).toContain('@media print{');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('draws every chart as inline SVG with its title', () => {
    for (const [id, title] of Object.entries(CHARTS)) {
      const svg = new RegExp(`<svg [^>]*data-chart="${id}"[^>]*><title id="${id}-title">([^<]+)</title><desc id="${id}-desc">[^<]+</desc>`).exec(html);
      expect(svg, id).not.toBeNull();
      expect(svg?.[1]).toBe(title);
    }
    expect(html.match(/<svg /g)).toHaveLength(Object.keys(CHARTS).length);
  });

  it('refers to nothing outside the file: http(s) only in the href of a link', () => {
    const withoutLinks = html.replace(/<a href="https?:\/\/[^"]*" rel="noopener noreferrer">/g, '<a>');
    expect(withoutLinks).not.toMatch(/https?:\/\//i);
    // as tags and CSS, not as (escaped) text
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|data|action|poster)=|@import|url\(|<(iframe|object|embed|img|video|audio|form)\b/i);
    expect(html.match(/<link [^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('escapes every piece of untrusted text: an <img onerror> title appears only as text', () => {
    expect(html).not.toMatch(/<img|<script>alert|<b>evil/i);
    expect(html).toContain('<td class="title">&lt;img src=x onerror=alert(1)&gt; | `rm -rf` &lt;script&gt;alert(2)&lt;/script&gt; second line *bold* [x](javascript:alert(3)) @octocat fixes #7</td>');
    expect(html).toContain('<td>Mallory | &lt;b&gt;evil&lt;/b&gt;</td>');
  });

  it('links changes to their pull requests, and only http(s) URLs', () => {
    expect(html).toContain('<td class="id"><a href="https://github.com/acme/shop/pull/101" rel="noopener noreferrer">#101</a></td>');
    expect(html).toContain('<td class="id">#105</td>');
    expect(html).not.toContain('javascript:alert(4)');
  });

  it('has a sortable table of every change, with sort keys in the DOM', () => {
    const table = /<table class="sortable" id="changes-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(table.match(/<tr[ >]/g)).toHaveLength(1 + 11);
    expect(table).toContain('<th scope="col" data-type="number" class="num"><button type="button">Lead time</button></th>');
    expect(table).toContain('<td class="num" data-v="280800">3d 6h</td>');
    expect(table).toContain('<tr class="not-counted" title="left out of the stage figures">');
    // the script moves rows; it never writes markup
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('draws the weekly series the report carries', () => {
    const given = renderHtml(buildReport(sampleChanges(), {}, {
      trend: { weeks: [
        { weekStart: '2026-03-02', changes: 3, leadTimeP50: 2 * D, cycleTimeP50: D, stages: { coding: H, pickup: null, review: null, merge: null, deploy: D } },
        { weekStart: '2026-03-09', changes: 1, leadTimeP50: 4 * D, cycleTimeP50: D, stages: { coding: H, pickup: null, review: null, merge: null, deploy: D } },
      ] },
    }));
    expect(given).toContain('<title>week of 2026-03-09, lead time p50: 4d</title>');
  });

  it('lays out review health from its figures, names in words, text escaped; survives reports without changes', () => {
    const withReview = renderHtml(buildReport(sampleChanges(), {}, { review: {
      reviews: 12, reviewers: 2, topTwoShare: 0.75, unreviewed: 1, unreviewedShare: 0.1, selfMerged: 2, selfMergedShare: 0.2, reviewsPerChange: 1.2,
      largeChanges: 1, largeChangesWithoutComments: 0, largeChangeCommentsPer100LinesP50: 2,
      byReviewer: [{ reviewer: '<i>x</i>', reviews: 9, firstReviews: 4, pickupP50: 3 * H }],
    } }));
    expect(withReview).toContain('<section id="health-review">\n<h2>Review health</h2>');
    expect(withReview).toContain('<tr><th scope="row">Share of reviews by the two busiest reviewers</th><td class="num">75%</td></tr>');
    expect(withReview).toContain('<td>&lt;i&gt;x&lt;/i&gt;</td><td class="num">9</td><td class="num">4</td><td class="num">3h</td>');
    const empty = renderHtml(buildReport([]));
    expect(empty).toContain('No changes merged between');
    expect(empty).not.toContain('<svg');
    const bare = buildReport([change('#1', '2026-03-03T10:00:00Z', { coding: H })], { businessHours: { timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    const html1 = renderHtml(bare);
    expect(html1).toContain('no AI-assisted change found in the window');
    expect(html1).toContain('durations count only 09:00–17:00, Mon Tue Wed Thu Fri (Europe/Berlin)');
    expect(html1).toContain('Nothing deployed yet: cycle time');
  });
});

describe('render helpers', () => {
  it('only absolute http(s) URLs are links', () => {
    expect(httpUrl('https://github.com/a/b/pull/1')).toBe('https://github.com/a/b/pull/1');
    expect(httpUrl('https://x.test/a(b)|c')).toBe('https://x.test/a%28b%29%7Cc');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'ftp://x', '', null]) expect(httpUrl(bad)).toBeNull();
  });

  it('duration axes step in round units', () => {
    expect(durationTicks(10 * D)).toEqual({ max: 10 * D, ticks: [0, 2 * D, 4 * D, 6 * D, 8 * D, 10 * D] });
    expect(durationTicks(10.6 * D).ticks).toEqual([0, 3 * D, 6 * D, 9 * D, 12 * D]);
    expect(durationTicks(50 * 60).ticks.at(-1)).toBe(60 * 60);
  });
});
