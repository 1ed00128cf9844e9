import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import { ownedRepo, secondOwnedRepo, WINDOW } from './fixture.js';

const DAY = 86400;
type Row = { name: string; changes: number; cycleTimeP50: number | null; repositories?: string[] };

describe('slices across repositories: pooled by name, figures over the pooled changes', () => {
  const a = ownedRepo();
  const b = secondOwnedRepo();
  const out = mkdtempSync(join(tmpdir(), 'flowaudit-across-'));
  afterAll(() => {
    a.cleanup();
    b.cleanup();
    rmSync(out, { recursive: true, force: true });
  });
  const rowsOf = (json: string): Row[] => JSON.parse(json).summary.slices.rows;
  const row = (rows: Row[], name: string): Row => rows.find((r) => r.name === name) as Row;

  it('report A B --by team pools payments from both: p50 of the seven changes, not a mean of medians', async () => {
    const { code, stdout, stderr } = await runCli(['report', a.dir, b.dir, ...WINDOW, '--by', 'team', '-f', 'json']);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const rows = rowsOf(stdout);
    expect(rows.map((r) => [r.name, r.changes])).toEqual([
      ['team:payments', 7],
      ['team:checkout', 2],
      ['team:frontend', 1],
      ['team:unowned', 3],
    ]);
    expect(row(rows, 'team:payments').cycleTimeP50).toBe(4 * DAY);
    expect(row(rows, 'team:payments').repositories).toHaveLength(2);
    // named by its folder, as every part of the report names a repository
    expect(row(rows, 'team:checkout').repositories).toEqual([basename(a.dir)]);
    expect(row(rows, 'team:unowned').cycleTimeP50).toBe(9 * DAY);
    expect(report.summary.slices.unownedShare).toBeCloseTo(3 / 11, 5);
    // each repository's own table stays in its own report
    expect(report.repositories[0].summary.slices).toBeUndefined();
  });

  it('aggregate of the two JSON reports pools the same, and one report alone gives its own rows back', async () => {
    const files = [a, b].map((repo, i) => join(out, `r${i}.json`));
    for (const [i, repo] of [a, b].entries()) {
      const r = await runCli(['report', repo.dir, ...WINDOW, '--by', 'team', '-f', 'json', '-o', files[i] as string]);
      expect(r.code).toBe(0);
    }
    const both = rowsOf((await runCli(['aggregate', ...files, '-f', 'json'])).stdout);
    expect(row(both, 'team:payments')).toMatchObject({ changes: 7, cycleTimeP50: 4 * DAY });
    expect(row(both, 'team:unowned')).toMatchObject({ changes: 3, cycleTimeP50: 9 * DAY });
    const own = rowsOf(readFileSync(files[1] as string, 'utf8'));
    const alone = rowsOf((await runCli(['aggregate', files[1] as string, '-f', 'json'])).stdout);
    expect(alone.map(({ repositories: _r, ...rest }) => rest)).toEqual(own);
  });

  it('a report written without --by, or without naming each change\'s slices, is told, not averaged', async () => {
    const plain = join(out, 'plain.json');
    expect((await runCli(['report', b.dir, ...WINDOW, '-f', 'json', '-o', plain])).code).toBe(0);
    const sliced = join(out, 'sliced.json');
    expect((await runCli(['report', a.dir, ...WINDOW, '--by', 'team', '-f', 'json', '-o', sliced])).code).toBe(0);
    const mixed = JSON.parse((await runCli(['aggregate', sliced, plain, '-f', 'json'])).stdout);
    expect(mixed.summary.slices.rows.find((r: Row) => r.name === 'team:payments').changes).toBe(5);
    expect(mixed.warnings.join('\n')).toMatch(/written without --by team: its changes are in no slice row/);
    // as an older flowaudit wrote it: the table, and no change naming its slices
    const old = JSON.parse(readFileSync(sliced, 'utf8'));
    for (const c of old.changes) delete c.slices;
    const older = join(out, 'older.json');
    writeFileSync(older, JSON.stringify(old));
    const told = JSON.parse((await runCli(['aggregate', older, files(b), '-f', 'json'])).stdout);
    expect(told.summary.slices.rows.find((r: Row) => r.name === 'team:payments').changes).toBe(2);
    expect(told.warnings.join('\n')).toMatch(/does not say which change is in which slice .*team:payments 5, team:checkout 2, team:unowned 1.*medians cannot be combined/);
  });

  it('the HTML draws the pooled slices and each repository\'s DORA keys with the table\'s values', async () => {
    const { code, stdout: html } = await runCli(['report', a.dir, b.dir, ...WINDOW, '--by', 'team', '-f', 'html']);
    expect(code).toBe(0);
    const slices = html.slice(html.indexOf('<section id="slices"'), html.indexOf('</section>', html.indexOf('<section id="slices"')));
    const cells = (section: string, name: string): string[] => {
      const row = new RegExp(`<tr><th scope="row"[^>]*>${name}</th>(.*?)</tr>`).exec(section)?.[1] ?? '';
      return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1] as string);
    };
    const heads = [...slices.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => (m[1] as string).replace('<br>', ' '));
    const payments = cells(slices, 'team:payments');
    const at = (head: string): string => payments[heads.indexOf(head) - 1] as string;
    // repos, changes, the stage medians, cycle and lead time: pooled over seven changes from two repositories
    expect([at('repos'), at('changes'), at('cycle p50')]).toEqual(['2', '7', '4d']);
    expect(slices).toContain('data-chart="slice-lead-times"');
    expect(slices).toContain(`<title>payments, cycle time p50: ${at('cycle p50')}</title>`);
    expect(slices).toContain(`<title>payments, lead time p50: ${at('lead p50')}</title>`);
    expect(slices).toContain(`<title>unowned, cycle time p50: 9d</title>`);
    expect(slices).toContain('data-chart="slice-stages"');
    expect(slices).toMatch(/3 of 11 changes \(27%\) have no team/);
    expect(slices).toMatch(/Finding: 27% of the changes are unowned/);
    const repositories = html.slice(html.indexOf('<section id="repositories"'), html.indexOf('</section>', html.indexOf('<section id="repositories"')));
    for (const id of ['repository-lead-times', 'repository-deploy-frequency', 'repository-failure-rate']) expect(repositories).toContain(`data-chart="${id}"`);
    const rowOf = (dir: string): string[] => {
      const row = new RegExp(`<tr><th scope="row"[^>]*>[^<]*${dir.split('/').pop()}</th>(.*?)</tr>`).exec(repositories)?.[1] ?? '';
      return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1] as string);
    };
    // window, changes, lead, cycle, deploys, per week: the chart's bar says the table's per week
    const perWeek = rowOf(a.dir)[5] as string;
    expect(perWeek).toMatch(/^\d+\.\d\d$/);
    expect(repositories).toMatch(new RegExp(`<title>[^<]*${a.dir.split('/').pop()}, deploys per week: ${perWeek.replace('.', '\\.')}</title>`));
  });

  it('CSV names each change\'s slices, so the table can be pivoted from it', async () => {
    const { stdout } = await runCli(['report', a.dir, b.dir, ...WINDOW, '--by', 'team', '-f', 'csv']);
    const [head, ...rows] = stdout.trim().split('\r\n');
    const columns = (head as string).split(',');
    expect(columns.at(-1)).toBe('slices');
    const byId = new Map(rows.map((r) => [r.split(',')[columns.indexOf('title')], r.split(',').at(-1)]));
    // c2 is half payments, half checkout; b10 is four-fifths payments; b9 touches only the README
    expect(byId.get('c2')?.split(' ').length).toBe(2);
    expect(byId.get('b9')).toBe('team:unowned');
    const payments = rows.filter((r) => r.split(',').at(-1)?.split(' ').includes('team:payments'));
    expect(payments).toHaveLength(7);
  });

  function files(repo: typeof b): string {
    return join(out, `r${repo === a ? 0 : 1}.json`);
  }
});
