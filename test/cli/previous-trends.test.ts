import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { buildRepo, type FixtureRepo, type Step } from '../helpers/git-fixture.js';

/*
 * Two four-week windows of one history: 2026-02-02 → 03-02 (the previous period) and 03-02 → 03-30 (the
 * window). Each change is a branch of two commits, `coding` hours apart, merged `review` hours after its last
 * commit and tagged (deployed) an hour later. Previous: coding 1h … 6h (p50 3h 30m), review 10h … 15h (p50
 * 12h 30m). Now: coding 2h … 7h, review 1h … 6h, and one more change (coding 1h, review 2h) merged 03-25 and not
 * deployed: coding p50 over 1 … 7h = 4h, review p50 over 1, 2, 2, 3, 4, 5, 6h = 3h. Review fell by 9h 30m with
 * samples that do not overlap: a real change. Coding rose 30m within samples that do: the data cannot tell.
 */
const H = 3600_000;
const iso = (t: number): string => new Date(t).toISOString();
function change(name: string, day: string, coding: number, review: number, tag: string | null): Step[] {
  const first = Date.parse(`${day}T09:00:00Z`);
  const last = first + coding * H;
  const merged = last + review * H;
  return [
    { branch: name },
    { commit: `${name} start`, on: name, at: iso(first) },
    { commit: `${name} end`, on: name, at: iso(last) },
    { merge: name, at: iso(merged), message: `Merge ${name}` },
    ...(tag === null ? [] : [{ tag, annotated: true, at: iso(merged + H) }]),
  ];
}
const BEFORE = ['2026-02-03', '2026-02-05', '2026-02-09', '2026-02-11', '2026-02-16', '2026-02-18'];
const NOW_DAYS = ['2026-03-03', '2026-03-05', '2026-03-09', '2026-03-11', '2026-03-16', '2026-03-18'];

let repo: FixtureRepo;
beforeAll(() => {
  repo = buildRepo([
    { commit: 'start', at: '2026-01-20T09:00:00Z' },
    ...BEFORE.flatMap((day, i) => change(`b${i}`, day, i + 1, 10 + i, `v0.1.${i}`)),
    ...NOW_DAYS.flatMap((day, i) => change(`n${i}`, day, i + 2, 1 + i, `v0.2.${i}`)),
    ...change('waiting', '2026-03-25', 1, 2, null),
  ]);
});
afterAll(() => repo.cleanup());

const WINDOW = ['--since', '2026-03-02', '--until', '2026-03-30', '--now', '2026-03-30T00:00:00Z', '--no-github'];

describe('the previous period and the trends of a report', { timeout: 60_000 }, () => {
  it('compares the window with the four weeks before it, a change written only where the data can tell', async () => {
    const json = await runCli(['report', repo.dir, '--format', 'json', ...WINDOW]);
    expect(json.code).toBe(0);
    const previous = (JSON.parse(json.stdout) as Report).summary.previous;
    expect(previous).toMatchObject({ since: '2026-02-02T00:00:00Z', until: '2026-03-02T00:00:00Z', covered: true, changes: 6, deploys: 6 });
    const rows = new Map(previous?.rows.map((r) => [r.key, r]));
    expect(rows.get('stages.review.p50')).toMatchObject({ before: 12.5 * 3600, after: 3 * 3600, change: -9.5 * 3600, direction: 'better' });
    expect(rows.get('stages.coding.p50')).toMatchObject({ before: 3.5 * 3600, after: 4 * 3600, direction: 'uncertain' });

    const text = await runCli(['report', repo.dir, '--width', '80', '--no-color', ...WINDOW]);
    const lines = text.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('Against the previous period'))).toBe('Against the previous period: 2026-02-02 → 2026-03-02 (6 changes, 6 deploys)');
    const row = (name: string): string | undefined => lines.find((l) => l.startsWith(`│ ${name} `));
    expect(row('review & merge p50')).toMatch(/│ 12h 30m │ +3h │ −9h 30m \(−.+ … −.+\), better +│$/);
    expect(row('first → last p50')).toMatch(/│ +3h 30m │ +4h │ the data cannot tell +│$/);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);

    const markdown = await runCli(['report', repo.dir, '--format', 'markdown', ...WINDOW]);
    expect(markdown.stdout).toMatch(/\| review &amp; merge p50 \| 12h 30m \| 3h \| −9h 30m \(.+\), better \|/);
    // the trends table names its columns as every table of the report does: DORA's current words, the git-only stage for what it is
    expect(markdown.stdout).toMatch(/\| Lead time p50 \| Failure rate \| Recovery time p50 \| first → last p50 \| pickup p50 \| review & merge p50 \|/);
    const html = await runCli(['report', repo.dir, '--format', 'html', ...WINDOW]);
    expect(html.stdout).toMatch(/<th scope="row">first → last p50<\/th><td class="num">3h 30m<\/td><td class="num">4h<\/td><td>the data cannot tell<\/td>/);
    const csv = await runCli(['report', repo.dir, '--format', 'previous-csv', ...WINDOW]);
    const review = csv.stdout.split('\r\n').find((l) => l.startsWith('review & merge p50,'));
    expect(review?.split(',').slice(3, 6)).toEqual(['45000', '10800', '-34200']);
    // not told apart: no change or interval written
    expect(csv.stdout.split('\r\n').find((l) => l.startsWith('first → last p50,'))?.split(',').slice(5, 9)).toEqual(['', '', '', 'the data cannot tell']);
  });

  it('says in one line, with no figures, that the history does not reach back over a previous period', async () => {
    // 64 days from 2026-01-25: the period before starts 2025-11-22, before the history's first commit
    const args = ['--since', '2026-01-25', '--until', '2026-03-30', '--now', '2026-03-30T00:00:00Z', '--no-github'];
    const json = await runCli(['report', repo.dir, '--format', 'json', ...args]);
    expect((JSON.parse(json.stdout) as Report).summary.previous).toMatchObject({ covered: false, rows: [] });
    const text = await runCli(['report', repo.dir, '--width', '80', '--no-color', ...args]);
    expect(text.stdout).toContain('\nPrevious period (2025-11-22 → 2026-01-25): the history does not reach back to it\n');
    expect(text.stdout).not.toContain('Against the previous period');
  });

  it('draws the last week apart while a change of it waits, and compares complete weeks only', async () => {
    const csv = await runCli(['report', repo.dir, '--format', 'trends-csv', ...WINDOW]);
    const [head = '', ...rows] = csv.stdout.trim().split('\r\n');
    const col = (name: string): number => head.split(',').indexOf(name);
    const weeks = rows.map((r) => r.split(','));
    expect(weeks.map((w) => [w[col('start')], w[col('complete')], w[col('changes')], w[col('deploys')]])).toEqual([
      ['2026-03-02', 'true', '2', '2'], ['2026-03-09', 'true', '2', '2'], ['2026-03-16', 'true', '2', '2'], ['2026-03-23', 'false', '1', '0'],
    ]);
    // the waiting change (first commit 03-25 09:00, now 03-30 00:00): a bound of 4d 15h, no value
    const last = weeks[3] ?? [];
    expect([last[col('leadTimeP50')], last[col('leadTimeAtLeast')]]).toEqual(['', String(4 * 86400 + 15 * 3600)]);
    const text = await runCli(['report', repo.dir, '--width', '80', '--no-color', ...WINDOW]);
    // three complete weeks and the waiting week a '·': no direction, never the first complete week's 5h against the
    // last's 13h, two single weeks
    expect(text.stdout).toMatch(/\nlead time p50 +\S{3}· {2}no direction \(3 complete weeks\)\n/);
    expect(text.stdout).not.toContain('5h → 13h');
    // in HTML a hollow dot off the line, with its bound, and no filled dot for that week
    const html = await runCli(['report', repo.dir, '--format', 'html', ...WINDOW]);
    expect(html.stdout).toContain('fill="none" stroke="currentColor" stroke-width="1.5" class="bound"><title>week of 2026-03-23, lead time p50: ≥ 4d 15h, changes not yet deployed</title>');
    expect(html.stdout).not.toMatch(/fill="currentColor"><title>week of 2026-03-23, lead time p50/);
  });
});
