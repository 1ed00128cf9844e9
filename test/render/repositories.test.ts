import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { renderRepositoryHtml, renderRepositoryMarkdown, renderRepositoryText } from '../../src/render/repositories.js';
import type { Report } from '../../src/report/schema.js';
import { change, deploy, H, report } from '../aggregate/report-builder.js';

/*
 * Two repositories by hand: one (Jan 1–29) lead times 1h and 3h, 4 deploys, 1 failed after 2h restored;
 * two (Jan 1–Feb 26) lead time 15h, 4 deploys, none failed. Whole: lead times 1, 3, 15 → p50 3h; deploys per week and
 * failure rate the median repository's own: 1.00 and 0.50 a week → 0.75, 25% and 0% → 12.5%.
 */
const lead = (hours: number, mergedAt: string) => change({ leadTime: hours * H, cycleTime: hours * H, mergedAt, stages: { coding: hours * H, deploy: 0 } });
const one = report({
  repository: { path: '/r/one', remote: 'acme/one' },
  changes: [lead(1, '2026-01-05T00:00:00Z'), lead(3, '2026-01-12T00:00:00Z')],
  deploys: [deploy({ at: '2026-01-05T10:00:00Z' }), deploy({ at: '2026-01-12T10:00:00Z', failed: true, restoredAfter: 2 * H }), deploy({ at: '2026-01-19T10:00:00Z' }), deploy({ at: '2026-01-26T10:00:00Z' })],
});
const hostile: Report = report({
  repository: { path: '/r/two', remote: 'evil|\u001b[31mrepo<b>' },
  window: { since: '2026-01-01T00:00:00Z', until: '2026-02-26T00:00:00Z' },
  now: '2026-03-01T00:00:00Z',
  changes: [lead(15, '2026-01-20T00:00:00Z')],
  deploys: [deploy({ at: '2026-01-20T10:00:00Z' }), deploy({ at: '2026-02-02T10:00:00Z' }), deploy({ at: '2026-02-09T10:00:00Z' }), deploy({ at: '2026-02-16T10:00:00Z' })],
});
const combined = aggregateReports([one, hostile], { failed: [{ name: '/r/gone', error: 'not a git repository' }] });
// the unreleased figures as the summary gives them (SPEC section 6): set here, the renderers only read them
const D = 86400;
const all: Report = {
  ...combined,
  summary: { ...combined.summary, unreleased: { count: 4, p50Age: 2 * D, oldestAge: 9 * D, oldest: [], oldestChanges: [] } } as Report['summary'],
  repositories: combined.repositories?.map((r, i) => ({ ...r, unreleased: i === 0 ? { count: 4, p50Age: 2 * D, oldestAge: 9 * D } : { count: 0, p50Age: null, oldestAge: null } })),
};

describe('the per-repository table', () => {
  it('text: a row per repository and the whole, control characters stripped, failures listed', () => {
    // wide enough for every column: the unreleased one made the table 15 columns wider than 130
    const text = renderRepositoryText(all, { color: false, width: 150 });
    const rows = text.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').map((c) => c.trim()).filter(Boolean));
    expect(rows).toEqual([
      ['repository', 'window', 'changes', 'lead p50', 'cycle p50', 'deploys', '/week', 'CFR', 'unreleased', 'fix first'],
      ['acme/one', '2026-01-01 → 2026-01-29', '2', '2h', '2h', '4', '1.00', '25%', '4 (oldest 9d)', 'Change failure rate'],
      ['evil|repo<b>', '2026-01-01 → 2026-02-26', '1', '15h', '15h', '4', '0.50', '0%', '0', '—'],
      ['all 2', '2026-01-01 → 2026-02-26', '3', '3h', '3h', '8', '0.75', '13%', '4 (oldest 9d)', '—'],
    ]);
    expect(text).toContain('could not be read: /r/gone: not a git repository');
    expect(text).not.toContain('\u001b');
  });

  it('text at 80 columns: names and recommendations whole, the figures that do not fit listed below', () => {
    const text = renderRepositoryText(all, { color: false, width: 80 });
    const lines = text.split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const rows = lines.filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    // whole, every column is 95 wide: the cycle time (84) and then the deploys (75) give way, in that order
    expect(rows).toEqual([
      ['repository', 'changes', 'lead p50', '/week', 'CFR', 'fix first'],
      ['acme/one', '2', '2h', '1.00', '25%', 'Change failure rate'],
      ['evil|repo<b>', '1', '15h', '0.50', '0%', '—'],
      ['all 2', '3', '3h', '0.75', '13%', '—'],
    ]);
    expect(text).toContain('cycle time p50: acme/one 2h · evil|repo<b> 15h · all 2 3h');
    expect(text).toContain('deploys: acme/one 4 · evil|repo<b> 4 · all 2 8');
    // no room for the unreleased and window columns: a line below the table each (the unreleased only where some are)
    expect(text).toContain('unreleased in acme/one: 4 (oldest 9d)');
    expect(text).not.toContain('unreleased in evil');
    expect(text).toContain('window of acme/one: 2026-01-01 → 2026-01-29');
  });

  it('text at 80 columns with wide figures: no line wider, no path, every name whole', () => {
    // three clones known by their paths, with lead times of a year and more: at their minimum widths the name
    // and recommendation columns left the table 81 columns wide
    const year = 334 * D + 6 * H;
    const paths = ['/srv/mirror/tokio-rs+tokio/repo', '/srv/mirror/mpv-player+mpv/repo', '/srv/mirror/sindresorhus+ky/repo'];
    const base = all.repositories?.[0] as NonNullable<Report['repositories']>[number];
    const wide = {
      ...all,
      summary: { ...all.summary, leadTime: { ...all.summary.leadTime, p50: 114 * D + 19 * H }, cycleTime: { ...all.summary.cycleTime, p50: 22 * H + 44 * 60 } },
      repositories: paths.map((name) => ({ ...base, name, path: name, remote: null, leadTimeP50: null, cycleTimeP50: 23 * H + 41 * 60, summary: { ...base.summary, leadTime: { ...base.summary.leadTime, p50: null, atLeast: year } } })),
    } as Report;
    const text = renderRepositoryText(wide, { color: false, width: 80 });
    const lines = text.split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const rows = lines.filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    // three folders called `repo`: each by as much of its path as tells it apart, and nothing of the machine's
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['tokio-rs+tokio/repo', '2', '≥ 334d 6h'],
      ['mpv-player+mpv/repo', '2', '≥ 334d 6h'],
      ['sindresorhus+ky/repo', '2', '≥ 334d 6h'],
      ['all 3', '3', '114d 19h'],
    ]);
    expect(text).not.toContain('/work');
    expect(text).toContain('cycle time p50: tokio-rs+tokio/repo 23h 41m · mpv-player+mpv/repo 23h 41m ·');
    expect(text).toContain('unreleased in tokio-rs+tokio/repo: 4 (oldest 9d)');
  });

  it('text: no window column when every repository shares the report\'s window', () => {
    const same = aggregateReports([one, { ...one, repository: { ...one.repository, remote: 'acme/two' } }]);
    const text = renderRepositoryText(same, { color: false, width: 120 });
    expect(text.split('\n')[2]).toMatch(/^│ repository +│ changes +│/);
    expect(text).not.toContain('window');
  });

  it('a lead time p50 the data does not reach yet reads as a bound, in the row and the whole', () => {
    // most changes still waiting: the median is only known to be at least the time waited (SPEC section 6)
    const waiting = {
      ...all,
      summary: { ...all.summary, leadTime: { ...all.summary.leadTime, p50: null, atLeast: 40 * D } },
      repositories: all.repositories?.map((r, i) => (i === 1 ? { ...r, leadTimeP50: null, summary: { ...r.summary, leadTime: { ...r.summary.leadTime, p50: null, atLeast: 30 * D } } } : r)),
    } as Report;
    const md = renderRepositoryMarkdown(waiting);
    expect(md).toContain('| evil\\|repo&lt;b&gt; | 2026-01-01 → 2026-02-26 | 1 | ≥ 30d | 15h |');
    expect(md).toContain('| **all 2** | **2026-01-01 → 2026-02-26** | **3** | **≥ 40d** |');
    expect(renderRepositoryText(waiting, { color: false, width: 150 })).toMatch(/│ +1 │ +≥ 30d │ +15h │/);
  });

  it('markdown: names escaped, the whole in bold', () => {
    const md = renderRepositoryMarkdown(all);
    expect(md).toContain('| evil\\|repo&lt;b&gt; | 2026-01-01 → 2026-02-26 | 1 | 15h | 15h | 4 | 0.50 | 0% | 0 | — |');
    expect(md).toContain('| **all 2** | **2026-01-01 → 2026-02-26** | **3** | **3h** | **3h** | **8** | **0.75** | **13%** | **4 (oldest 9d)** | **—** |');
    expect(md).toContain('- could not be read: /r/gone: not a git repository');
  });

  it('html: a section with the rows, names escaped; nothing for a report over one repository', () => {
    const html = renderRepositoryHtml(all);
    expect(html).toContain('<section id="repositories" aria-labelledby="repositories-h">');
    expect(html).toContain('<th scope="row" class="ext">evil|repo&lt;b&gt;</th>');
    // the chart names each repository, escaped and the control characters stripped, with its median lead time
    expect(html).toContain('<title>evil|repo&lt;b&gt;, lead time p50: 15h</title>');
    expect(html).toContain('<li class="ext">/r/gone: not a git repository</li>');
    // a repository known only by its path is named by its folder, in the chart and the table
    const byPath = aggregateReports([{ ...one, repository: { ...one.repository, path: '/home/me/clones/acme/one', remote: null } }, hostile]);
    expect(renderRepositoryHtml(byPath)).toContain('<title>one, lead time p50: 2h</title>');
    expect(renderRepositoryHtml(byPath)).toContain('<th scope="row" class="ext">one</th>');
    expect(renderRepositoryHtml(byPath)).not.toContain('/home/me');
    expect(renderRepositoryHtml(one)).toBe('');
    expect(renderRepositoryText(one, { color: false })).toBe('');
  });
});
