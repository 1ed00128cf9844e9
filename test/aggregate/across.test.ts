import { describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { poolSlices, type DigestSlices } from '../../src/aggregate/slices.js';
import type { MeasuredChange, MeasuredDeploy, OpenPull } from '../../src/domain.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import type { Report } from '../../src/report/schema.js';
import { change, deploy, H, report } from './report-builder.js';

/*
 * Three repositories over the same four weeks (Feb 2–Mar 2): `fast` deploys every weekday but one of its
 * four weeks' Fridays (19 deploys, 4.75 a week: high, between once per day and once per week), `steady` twice
 * in the four weeks (0.5 a week: medium), `slow` never (no rate). Summed, 21 deploys in four weeks read "5.25 a
 * week · high" for the three together — better than two of them and a place none of them but one holds.
 */
const WINDOW = { since: '2026-02-02T00:00:00Z', until: '2026-03-02T00:00:00Z' };
const weekdays = Array.from({ length: 28 }, (_, i) => i).filter((d) => d % 7 < 5 && d !== 25);
const at = (day: number): string => new Date(Date.parse(WINDOW.since) + (day * 24 + 10) * 3600 * 1000).toISOString().replace('.000Z', 'Z');
const repository = (name: string, days: readonly number[], failed: readonly number[] = []): Report =>
  report({
    repository: { path: `/r/${name}`, remote: `acme/${name}` },
    window: WINDOW,
    now: WINDOW.until,
    changes: [change({ leadTime: 3 * H, cycleTime: 2 * H, mergedAt: at(1), stages: { coding: 2 * H, deploy: H } })],
    deploys: days.map((d) => deploy({ at: at(d), failed: failed.includes(d), restoredAfter: failed.includes(d) ? 2 * H : null })),
  });

describe('several repositories: each placed on its own, the whole their distribution', () => {
  const fast = repository('fast', weekdays);
  const steady = repository('steady', [3, 17], [17]);
  const slow = repository('slow', []);
  const all = aggregateReports([fast, steady, slow]);
  const d = all.summary.dora;

  it('gives deploy frequency as the median repository\'s and how many lie in each cluster, never the deploys summed', () => {
    expect(all.repositories?.map((r) => [r.name, r.deploymentFrequency, r.summary.dora.deploymentFrequency.band])).toEqual([
      ['acme/fast', 19 / 4, 'high'],
      ['acme/steady', 0.5, 'medium'],
      ['acme/slow', 0, null],
    ]);
    // the three: 0, 0.5 and 4.75 a week — the median 0.5, where 21 ÷ 4 weeks would have said 5.25 and "high"
    expect(d.deploymentFrequency).toMatchObject({ value: 0.5, band: null, count: 21 });
    expect(d.deploymentFrequency.repositories).toBe(3);
    expect(d.deploymentFrequency.position).toBe('3 of 3 repositories, each on its own (DORA 2024): 1 high · 1 medium · 1 in the low cluster’s “between once per month and once every six months”, or under it');
    // failure rate: fast 0 of 19, steady 1 of 2, slow none deployed — the median of the two that have one, 25%,
    // not 1 of 21 (4.8%, "at or under the elite cluster's 5%")
    expect(d.changeFailureRate).toMatchObject({ value: 0.25, band: null });
    expect(d.changeFailureRate.position).toBe('2 of 3 repositories, each on its own (DORA 2024): 1 at or under the elite cluster’s 5% · 1 over the low cluster’s 40%');
  });

  it('keeps lead time over every change, but places it by its repositories: never in a cluster none of them holds', () => {
    // `quick` ships each change 12h after its first commit (elite, under a day), `weekly` 10 days after (medium,
    // a week to a month), 3 changes each: pooled, the median is the midpoint of 12h and 10d, 5d 6h — the high cluster
    const leads = (name: string, lead: number): Report => report({
      repository: { path: `/r/${name}`, remote: `acme/${name}` },
      window: WINDOW,
      now: WINDOW.until,
      changes: [1, 2, 3].map((day) => change({ leadTime: lead, cycleTime: H, mergedAt: at(day), stages: { coding: H, deploy: lead - H } })),
      deploys: [deploy({ at: at(20) })],
    });
    const lead = aggregateReports([leads('quick', 12 * H), leads('weekly', 240 * H)]).summary.dora.leadTime;
    expect(lead.value).toBe(126 * H);
    expect(lead).toMatchObject({ band: null, position: '2 of 2 repositories, each on its own (DORA 2024): 1 elite · 1 medium' });
  });

  it('places a lead time whose median is not reached by its bound, and one with no band last', () => {
    // two of its three changes, first committed on Jan 1, still wait at Mar 2: its median is not reached, and
    // at least 60 days (the type 7 median of 3h, 60d and 60d), the low cluster or over it
    const waiting = report({
      repository: { path: '/r/waiting', remote: 'acme/waiting' },
      window: WINDOW,
      now: WINDOW.until,
      changes: [
        change({ leadTime: 3 * H, cycleTime: 2 * H, mergedAt: at(1), stages: { coding: 2 * H, deploy: H } }),
        ...[2, 3].map((day) => change({ leadTime: null, cycleTime: H, mergedAt: at(day), stages: { coding: H } })),
      ],
      deploys: [deploy({ at: at(1) })],
    });
    const merges: Report = { ...repository('merges', [1, 8, 15, 22]), deploySignal: { kind: 'merge', detail: 'every merge (no deploy signal found)' } };
    const position = aggregateReports([merges, fast, waiting]).summary.dora.leadTime.position;
    expect(position).toBe('3 of 3 repositories, each on its own (DORA 2024): 1 elite · 1 in the low cluster’s “between one month and six months”, or over it · 1 with no band');
  });

  it('counts a repository whose figure has no band as such, not as a blank place', () => {
    // every merge counted as a deploy: a rate with no band (there is no deploy to measure)
    const unbanded: Report = { ...repository('merges', [1, 8, 15, 22]), deploySignal: { kind: 'merge', detail: 'every merge (no deploy signal found)' } };
    const position = aggregateReports([fast, steady, unbanded]).summary.dora.deploymentFrequency.position;
    expect(position).toBe('3 of 3 repositories, each on its own (DORA 2024): 1 high · 1 medium · 1 with no band');
  });

  it('puts no cluster badge on the whole in any format, and says how the repositories lie', () => {
    const html = renderHtml(all);
    // the first screen's tiles: no key has a cluster of its own, lead time's pooled median included
    const tile = (label: string): string => {
      const from = html.indexOf(`<span class="label">${label}`);
      return html.slice(from, html.indexOf('</div>', from));
    };
    expect(tile('Deploys per week')).not.toMatch(/band-(elite|high|medium|low)/);
    expect(tile('Deploys per week')).toContain('3 of 3 repositories, each on its own (DORA 2024): 1 high · 1 medium · 1 in the low cluster’s “between once per month and once every six months”, or under it');
    expect(tile('Deploys per week')).toContain('<b>0.50</b>');
    // under the value, in small type: nine lines of it in a badge by the label pushed the values off a phone's screen
    expect(tile('Deploys per week')).toMatch(/<b>0\.50<\/b>.*<span class="sub placed">3 of 3 repositories, each on its own/);
    expect(tile('Deploys per week')).not.toContain('class="band');
    expect(tile('Change failure rate')).not.toMatch(/band-(elite|high|medium|low)/);
    expect(tile('Lead time, median')).not.toMatch(/band-(elite|high|medium|low)/);
    expect(tile('Lead time, median')).toContain('3 of 3 repositories, each on its own (DORA 2024): 3 elite');
    const text = renderText(all, { color: false, width: 200 });
    expect(text).not.toMatch(/5\.25/);
    expect(text).toContain('per week and failure rate the median repository’s own');
  });

  it('writes the median repository\'s failure rate as its own in every format and in the advice, never as the deploys summed', () => {
    // steady failed 1 of its 2 deploys, fast none of 19: the median of the two, 25%, beside the 21 deploys of all
    // three read as "25% over 21 deploys", and the advice made of it "5 of 21" failed, where 1 did
    const html = renderHtml(all);
    expect(html).toContain('<th scope="row">Change failure rate</th><td>the median repository: 25%</td>');
    expect(html).toMatch(/<th scope="row">Change failure rate<\/th>.*?<td class="num wide-only">2 repositories \(21 deploys\)<\/td>/);
    expect(html).toMatch(/<th scope="row">Failed deployment recovery time<\/th><td>the median repository: 2h \(median\)<\/td>.*?1 repository \(1 restore\)/);
    const markdown = renderMarkdown(all);
    expect(markdown).toContain('| Change failure rate | the median repository: 25% |');
    expect(markdown).toContain('change failure rate, the median repository: **25%**');
    expect(markdown).toMatch(/\| Change failure rate \|.*\| 2 repositories \(21 deploys\) \|/);
    expect(renderText(all, { color: false, width: 300 })).toContain('change failure rate, the median repository: 25%');
    const row = all.recommendations.find((r) => r.id === 'change-failure-rate');
    // its hours: the one failure, restored after 2h — not the median 25% × 21 deploys, 5 failures
    expect(row?.value).toBe('the median repository: 25% of its deploys failed (threshold 15%); 1 of all 21 deploys failed; the median repository’s p50 failed deployment recovery time 2h');
    // one repository's is its own: its deploys counted
    const own = aggregateReports([steady]).recommendations.find((r) => r.id === 'change-failure-rate');
    expect(own?.value).toMatch(/^50% of deploys failed \(threshold 15%; 1 of 2\)/);
  });

  it('says nothing of a median repository where no repository has a value', () => {
    // neither fast nor slow has a failed deploy to restore: no median, and no repository to take it of
    const markdown = renderMarkdown(aggregateReports([fast, slow]));
    expect(markdown).toContain('| Failed deployment recovery time | — | — | 0 restores |');
    expect(markdown).not.toContain('the median repository: —');
  });

  it('says with its trends that their deploy keys pool every repository\'s deploys, in every format', () => {
    // the weekly deploy frequency is 21 deploys over four weeks summed, not the median repository's 0.5 a week
    const said = /Here deployment frequency, change failure rate and failed deployment recovery time p50 are of the deploys of all 3 repositories together; the DORA figures above are the median repository(?:'|&#39;)s own\./;
    expect(renderText(all, { color: false, width: 200 })).toMatch(said);
    expect(renderMarkdown(all)).toMatch(said);
    expect(renderHtml(all)).toMatch(said);
    // one repository's trends are its own deploys: nothing to say
    expect(renderText(fast, { color: false, width: 200 })).not.toContain('repositories together');
  });
});

describe('a team\'s row of an aggregate over repositories with different deploys', () => {
  const change = (repository: string, id: string): MeasuredChange => ({ id, repository, mergedAt: 1, kind: 'merge', bot: false } as unknown as MeasuredChange);
  const deployOf = (repository: string, at: number): MeasuredDeploy => ({ at, failed: repository === 'b', rollback: false, rework: false, restoredAfter: null, repository });
  const pull = (repository: string, number: number): OpenPull => ({ number, title: '', url: null, author: 'ada', bot: false, createdAt: 0, isDraft: false, repository });
  const sliced = (members: Record<string, string[]>): DigestSlices => ({ by: 'team', owners: '.github/CODEOWNERS', members: new Map(Object.entries(members)), rows: [], ungrouped: null });

  it('sees only its own repositories\' deploys and open pull requests', () => {
    // team:x owns code in a alone, team:y in b alone, team:z in both; a and b deploy and have open pull requests apart
    const seen = new Map<string, { deploys: string[]; pulls: string[] }>();
    const changes = [change('a', 'a1'), change('a', 'a2'), change('b', 'b1'), change('b', 'b2')];
    const deploys = [deployOf('a', 10), deployOf('a', 20), deployOf('b', 30)];
    const openPulls = [pull('a', 1), pull('b', 2), pull('b', 3)];
    let row = '';
    poolSlices({
      repositories: [{ name: 'a', slices: sliced({ 'team:x': ['a1'], 'team:z': ['a2'] }) }, { name: 'b', slices: sliced({ 'team:y': ['b1'], 'team:z': ['b2'] }) }],
      changes, deploys, openPulls,
      counts: () => true,
      build: (part, partDeploys, partPulls) => {
        row = part.map((c) => c.repository).join();
        seen.set(part.map((c) => c.id).join(), { deploys: partDeploys.map((x) => `${x.repository}@${x.at}`), pulls: partPulls.map((p) => `${p.repository}#${p.number}`) });
        return aggregateReports([report()]);
      },
    });
    expect(row).not.toBe('');
    expect(seen.get('a1')).toEqual({ deploys: ['a@10', 'a@20'], pulls: ['a#1'] });
    expect(seen.get('b1')).toEqual({ deploys: ['b@30'], pulls: ['b#2', 'b#3'] });
    expect(seen.get('a2,b2')).toEqual({ deploys: ['a@10', 'a@20', 'b@30'], pulls: ['a#1', 'b#2', 'b#3'] });
  });
});
