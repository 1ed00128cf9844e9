import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { BIN, runCli } from '../helpers/cli-run.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

const ARGV_PROBE = fileURLToPath(new URL('../helpers/record-argv.mjs', import.meta.url));
const H = 3600;
const D = 86400;
const NOW = ['--now', '2026-04-01T00:00:00Z'];

/*
 * The main scenario's two windows (test/scenarios.ts), as two JSON reports of one repository:
 *  early (03-01 → 03-06): the initial commit, #1, #2 — 3 counted; lead p50 2d 17h
 *  late  (03-06 → 04-01): typo, #3, revert — 3 counted — and dependabot's #5, listed but not counted; lead p50 1d 3h
 * Combined: the 6 counted changes of the whole month, 7 listed.
 */
let repo: FixtureRepo;
let dir: string;
let early: string;
let late: string;
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const json = (path: string): Report => JSON.parse(readFileSync(path, 'utf8')) as Report;

beforeAll(async () => {
  repo = mainScenario();
  dir = mkdtempSync(join(tmpdir(), 'flowaudit-aggregate-'));
  early = join(dir, 'early.json');
  late = join(dir, 'late.json');
  for (const [out, since, until] of [[early, '2026-03-01', '2026-03-06'], [late, '2026-03-06', '2026-04-01']] as const) {
    const r = await runCli([repo.dir, '--format', 'json', '-o', out, '--since', since, '--until', until, ...NOW]);
    expect(r.code).toBe(0);
  }
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('flowaudit aggregate: the figures, and each repository its row and summary', () => {
  it('JSON: the combined summary and one summary per row; changes only on request', async () => {
    const r = await runCli(['aggregate', early, late, '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const agg = JSON.parse(r.stdout) as Report;
    expect(agg.summary.changes).toBe(6);
    expect([agg.changes, agg.deploys, agg.withChanges]).toEqual([[], [], false]);
    expect(agg.repositories?.map((row) => [row.changes, row.leadTimeP50, row.summary.changes, row.summary.leadTime.p50])).toEqual([
      [3, 2 * D + 17 * H, 3, 2 * D + 17 * H],
      [3, D + 3 * H, 3, D + 3 * H],
    ]);
    // a row's summary leaves out the weekly series and slowest changes: an organisation's report stays small
    expect(Object.keys(agg.repositories?.[0]?.summary ?? {})).not.toContain('trend');

    const listed = await runCli(['aggregate', early, late, '--format', 'json', '--with-changes']);
    const full = JSON.parse(listed.stdout) as Report;
    expect(full.withChanges).toBeUndefined();
    expect(full.summary).toEqual(agg.summary);
    // report by report, each in its own order; the bot's #5 listed and not counted
    expect(full.changes.map((c) => [c.kind, c.counted])).toEqual([
      ['direct', true], ['merge', true], ['squash', true],
      ['direct', true], ['merge', true], ['direct', true], ['squash', false],
    ]);
    // named by the folder, never the machine's path to it (which stays in the row's `path` alone)
    expect(full.changes.every((c) => c.repository === basename(repo.dir))).toBe(true);
    expect(full.deploys.every((d) => d.repository === basename(repo.dir))).toBe(true);
    expect(listed.stdout.split(repo.dir).length - 1).toBe(full.repositories?.length);
  });

  it('CSV lists every change with its repository, without being asked', async () => {
    const r = await runCli(['aggregate', early, late, '--format', 'csv']);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]?.startsWith('repository,id,number,')).toBe(true);
    expect(rows).toHaveLength(1 + 7);
    // named by its folder, as on every page: the path only in the JSON
    expect(rows.slice(1).every((row) => row.startsWith(`${basename(repo.dir)},`))).toBe(true);
    expect(r.stdout).not.toContain(repo.dir);
  });

  it('Markdown: the repository table, and the changes table with a repository column on request', async () => {
    const bare = await runCli(['aggregate', early, late, '--format', 'markdown']);
    expect(bare.stdout).toContain('| repository | window | changes | lead time p50 | cycle time p50 | deploys | per week | failure rate | unreleased | top recommendation |');
    expect(bare.stdout).toContain('left out of this report: run with `--with-changes` to list them.');
    expect(bare.stdout).not.toContain('No changes merged');
    const md = await runCli(['aggregate', early, late, '--format', 'markdown', '--with-changes']);
    expect(md.stdout).toContain('| Repository | Change | Title | Author | Kind |');
    expect(md.stdout).toContain('<summary>All changes (7)</summary>');
  });
});

describe('flowaudit aggregate --format html without --with-changes', () => {
  it('keeps the deploys and changes summaries, a row a repository; only the lists need the flag', async () => {
    const agg = JSON.parse((await runCli(['aggregate', early, late, '--format', 'json'])).stdout) as Report;
    const { stdout } = await runCli(['aggregate', early, late, '--format', 'html']);
    const sectionOf = (id: string): string => stdout.slice(stdout.indexOf(`<section id="${id}"`), stdout.indexOf('</section>', stdout.indexOf(`<section id="${id}"`)));
    const deploys = sectionOf('deploys');
    expect(deploys).toContain('<caption>Deploys of each repository</caption>');
    for (const row of agg.repositories ?? []) expect(deploys).toContain(`<td class="num">${row.deploys}</td><td class="num">${row.failedDeploys}</td>`);
    const changes = sectionOf('changes');
    expect(changes).toContain(`${agg.summary.changes} changes counted in the window.`);
    expect(changes).toContain('<caption>Changes of each repository</caption>');
    for (const row of agg.repositories ?? []) expect(changes).toContain(`<td class="num">${row.changes}</td>`);
    expect(changes).toContain('--with-changes');
  });
});

describe('flowaudit aggregate: the same report or repository twice', () => {
  it('reads a file given twice once, and counts a repository over overlapping windows once', async () => {
    const again = await runCli(['aggregate', early, late, early, '--format', 'json']);
    expect(again.stderr).toBe(`flowaudit: warning: ${early} is given twice (as ${early}): counted once\n`);
    const copy = file('copy-of-early.json', readFileSync(early, 'utf8'));
    const twice = await runCli(['aggregate', early, copy, late, '--format', 'json']);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toBe(`flowaudit: warning: ${repo.dir} is given twice over overlapping windows (${copy}): counted once, from ${early}\n`);
    expect((JSON.parse(twice.stdout) as Report).summary.changes).toBe(6);
  });
});

describe('flowaudit aggregate --expect: the repositories a matrix listed', () => {
  it('names each listed repository without a report as failed, in every format, and exits 1', async () => {
    const named = (remote: string): string => {
      const r = json(late);
      return file(`${remote.replace('/', '+')}.json`, JSON.stringify({ ...r, repository: { ...r.repository, remote } }));
    };
    const listed = file('repositories.json', JSON.stringify({
      organization: 'acme',
      activeSince: '2026-01-01T00:00:00Z',
      repositories: ['acme/api', 'acme/ops', 'acme/web'].map((repository) => ({ repository, defaultBranch: 'main', lastCommitAt: '2026-03-01T00:00:00Z' })),
    }));
    const reports = [named('acme/api'), named('Acme/Web')];
    const r = await runCli(['aggregate', ...reports, '--expect', listed, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report).failedRepositories).toEqual([{ name: 'acme/ops', error: 'no report: its job failed or was skipped' }]);
    for (const format of ['text', 'markdown', 'html']) {
      const out = await runCli(['aggregate', ...reports, '--expect', listed, '--format', format]);
      expect(out.stdout).toContain('acme/ops: no report: its job failed or was skipped');
    }
    const all = await runCli(['aggregate', ...reports, named('acme/ops'), '--expect', listed]);
    expect(all.code).toBe(0);
    const bad = await runCli(['aggregate', ...reports, '--expect', early]);
    expect(bad).toMatchObject({ code: 2, stderr: `flowaudit: --expect '${early}' is not a list of repositories\n  write it with \`flowaudit repos ORG --format json\`\n` });
  });
});

describe('flowaudit aggregate: reports are validated', () => {
  const bad = (name: string, edit: (r: Record<string, any>) => unknown): string => {
    const r = json(early) as unknown as Record<string, any>;
    return file(name, JSON.stringify(edit(r) ?? r));
  };

  it('a field of the wrong type: one line naming its path, exit 2, nothing written', async () => {
    const wrong = bad('wrong-type.json', (r) => {
      r.changes[1].stages.review = '20h';
    });
    const out = join(dir, 'never.json');
    const r = await runCli(['aggregate', early, wrong, '--format', 'json', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`flowaudit: report '${wrong}' is not a valid flowaudit report: changes[1].stages.review: Invalid input: expected number, received string`);
    expect(existsSync(out)).toBe(false);
  });

  it('a file of another shape, and another schemaVersion, are named', async () => {
    const shape = file('shape.json', JSON.stringify({ reports: [json(early)] }));
    expect((await runCli(['aggregate', shape])).stderr.split('\n')[0]).toBe(`flowaudit: '${shape}' is not a flowaudit JSON report (it has no schemaVersion)`);
    const v2 = bad('v2.json', (r) => ({ ...r, schemaVersion: 2 }));
    const r = await runCli(['aggregate', early, v2]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`flowaudit: report '${v2}' has schemaVersion 2; this flowaudit reads schemaVersion 1`);
  });

  it('an aggregate is not aggregated again: its changes would count twice', async () => {
    const combined = join(dir, 'combined.json');
    expect((await runCli(['aggregate', early, late, '--format', 'json', '-o', combined])).code).toBe(0);
    const r = await runCli(['aggregate', combined, late]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`flowaudit: '${combined}' is a report over several repositories: aggregate the per-repository reports it was made of`);
  });
});

describe('flowaudit aggregate on worker threads (the built CLI, many files)', () => {
  // ten repositories: the late report under ten paths (remote unknown, so the path names each)
  const many = (): string[] =>
    Array.from({ length: 10 }, (_, i) => {
      const r = json(late);
      return file(`repo-${i}.json`, JSON.stringify({ ...r, repository: { ...r.repository, path: `/src/repo-${i}` } }));
    });
  // node's own flags before the bin, as `node --flag bin/flowaudit.js` runs it; `env` on top of this process's
  const bin = (args: string[], flags: string[] = [], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [...flags, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

  it('gives the figures the in-thread path gives', async () => {
    const files = many();
    const threaded = bin(['aggregate', ...files, '--format', 'json', '--with-changes']);
    expect(threaded.status).toBe(0);
    const inThread = await runCli(['aggregate', ...files, '--format', 'json', '--with-changes']);
    const strip = (text: string): unknown => ({ ...(JSON.parse(text) as Report), generatedAt: null });
    expect(strip(threaded.stdout)).toEqual(strip(inThread.stdout));
    expect((JSON.parse(threaded.stdout) as Report).summary.changes).toBe(30);
  });

  // 4 MB semi-spaces hold an organisation's peak under 512 MB; node only takes the size as it starts, and a shebang
  // cannot give it everywhere (BusyBox's env has no -S), so the bin runs the aggregate in a node started with it
  it('runs in a node started with 4 MB semi-spaces, its output, exit codes and errors passed through', () => {
    const files = many();
    const probed = (args: string[], flags: string[] = []): { status: number | null; stdout: string; stderr: string; started: string[] } => {
      const argv = file(`argv-${Math.random().toString(36).slice(2)}.txt`, '');
      const r = bin(args, flags, { NODE_OPTIONS: `--import=${ARGV_PROBE}`, FLOWAUDIT_TEST_ARGV_FILE: argv });
      return { ...r, started: readFileSync(argv, 'utf8').split('\n').filter(Boolean) };
    };
    const done = probed(['aggregate', ...files, '--format', 'json']);
    expect(done).toMatchObject({ status: 0, stderr: '', started: ['[]', '["--max-semi-space-size=4"]'] });
    expect((JSON.parse(done.stdout) as Report).summary.changes).toBe(30);

    const listed = file('matrix.json', JSON.stringify({
      organization: 'acme',
      activeSince: '2026-01-01T00:00:00Z',
      repositories: [{ repository: 'acme/gone', defaultBranch: 'main', lastCommitAt: '2026-03-01T00:00:00Z' }],
    }));
    const failed = probed(['aggregate', ...files, '--expect', listed, '--format', 'json']);
    expect(failed.status).toBe(1);
    expect((JSON.parse(failed.stdout) as Report).failedRepositories).toEqual([{ name: 'acme/gone', error: 'no report: its job failed or was skipped' }]);

    const missing = join(dir, 'no-such-report.json');
    expect(probed(['aggregate', missing])).toMatchObject({ status: 2, stdout: '', stderr: `flowaudit: cannot read report '${missing}': no such file\n` });

    // a user's own semi-space flag is kept, in the one process; every other command runs in the one process
    expect(probed(['aggregate', ...files, '--format', 'json'], ['--max-semi-space-size=8'])).toMatchObject({ status: 0, started: ['["--max-semi-space-size=8"]'] });
    expect(probed(['--version'])).toMatchObject({ status: 0, started: ['[]'] });
  });

  it('reports the first bad file in the order given, as the in-thread path does', () => {
    const files = many();
    const broken = (i: number, text: string): void => writeFileSync(files[i] as string, text);
    broken(6, '{"schemaVersion": 1, "changes": [}');
    broken(8, JSON.stringify({ schemaVersion: 3 }));
    const r = bin(['aggregate', ...files, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^flowaudit: report '${files[6]}' is not JSON`));
  });
});
