import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { MAIN_WINDOW as WINDOW, withMainScenario } from '../scenarios.js';

const scene = withMainScenario('flowaudit-cmd-');

describe('flowaudit check', () => {
  it('exits 1 and names each breach with its measured value', async () => {
    const r = await runCli(['check', scene.repo.dir, '--fail-on', 'leadTime.p50<=1d', '--fail-on', 'dora.changeFailureRate<=15%', '--fail-on', 'changes>=3', ...WINDOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('leadTime.p50 = 1d 13h (wanted <= 1d)');
    expect(r.stdout).toContain('dora.changeFailureRate = 50% (wanted <= 15%)');
    expect(r.stdout).toMatch(/changes = 5/);
  });

  it('exits 0 when every threshold holds', async () => {
    const r = await runCli(['check', scene.repo.dir, '--fail-on', 'leadTime.p50<=2d', ...WINDOW]);
    expect(r.code).toBe(0);
  });

  it('exits 2 on a bad expression, before reading the repository', async () => {
    const r = await runCli(['check', scene.repo.dir, '--fail-on', 'leadTime.p50<=7x', ...WINDOW]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("flowaudit: invalid threshold 'leadTime.p50<=7x': unknown unit 'x' (use s, m, h, d, w, mo, y or %)\n");
  });

  it('under GitHub Actions, annotates breaches and appends to the step summary', async () => {
    const summary = join(scene.dir, 'summary.md');
    writeFileSync(summary, '');
    const r = await runCli(['check', scene.repo.dir, '--fail-on', 'leadTime.p50<=1d', ...WINDOW], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    // annotations go to stderr (the runner reads both): stdout is the results only
    expect(r.stderr).toMatch(/^::error title=flowaudit threshold::threshold breached: leadTime\.p50 = 1d 13h \(wanted <= 1d\)/m);
    expect(r.stdout).not.toContain('::error');
    const written = readFileSync(summary, 'utf8');
    expect(written).toContain('leadTime.p50');
    expect(written).toContain('| first → last commit |');
  });

  it('report --fail-on prints the report and the breaches on stderr', async () => {
    const r = await runCli([scene.repo.dir, '--format', 'json', '--fail-on', 'leadTime.p50<=1d', ...WINDOW]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Report).schemaVersion).toBe(1);
    expect(r.stderr).toBe('flowaudit: threshold breached: leadTime.p50 = 1d 13h (wanted <= 1d)\n');
  });
});

describe('flowaudit compare', () => {
  it('compares two windows of one repository', async () => {
    const r = await runCli(['compare', '2026-03-01T12:00:00Z..2026-03-05', '2026-03-05..2026-04-01', '--path', scene.repo.dir, '--format', 'json', '--now', '2026-04-01T00:00:00Z']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { schemaVersion: number; rows: Array<{ key: string; before: number | null; after: number | null }> };
    expect(c.schemaVersion).toBe(1);
    // before: #1 alone (lead 48h); after: typo 27h, #3 52h, revert 24h → p50 27h
    const lead = c.rows.find((row) => row.key === 'dora.leadTime');
    expect([lead?.before, lead?.after]).toEqual([48 * 3600, 27 * 3600]);
  });

  it('reads JSON report files and refuses anything else', async () => {
    const file = join(scene.dir, 'r.json');
    const made = await runCli([scene.repo.dir, '--format', 'json', '-o', file, ...WINDOW]);
    expect(made.code).toBe(0);
    const r = await runCli(['compare', file, file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lead time');
    const bad = await runCli(['compare', join(scene.dir, 'missing.json'), file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('many repositories', () => {
  it('report PATH PATH audits a path given twice once, and a failing path does not stop the rest', async () => {
    const missing = join(scene.dir, 'not-a-repo');
    const r = await runCli([scene.repo.dir, scene.repo.dir, missing, '--format', 'json', ...WINDOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`flowaudit: warning: ${scene.repo.dir} is given twice (as ${scene.repo.dir}): audited once\n`);
    expect(r.stderr).toContain('not-a-repo');
    const agg = JSON.parse(r.stdout) as Report;
    expect(agg.repositories).toHaveLength(1);
    expect(agg.summary.changes).toBe(5);
    expect(agg.summary.leadTime.p50).toBe(135000);
    expect(agg.failedRepositories?.map((f) => f.name)).toEqual([missing]);
  });

  it('aggregate FILE… counts a file given twice once, and CSV lists every change with a repository column', async () => {
    const file = join(scene.dir, 'a.json');
    await runCli([scene.repo.dir, '--format', 'json', '-o', file, ...WINDOW]);
    const r = await runCli(['aggregate', file, file, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`flowaudit: warning: ${file} is given twice (as ${file}): counted once\n`);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]?.startsWith('repository,id,')).toBe(true);
    expect(rows).toHaveLength(7);
  });
});

describe('other formats and init', () => {
  it('writes Markdown and a self-contained HTML report', async () => {
    const md = await runCli([scene.repo.dir, '--format', 'markdown', ...WINDOW]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| first → last commit |');
    const html = join(scene.dir, 'report.html');
    const r = await runCli([scene.repo.dir, '--format', 'html', '--output', html, ...WINDOW]);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>') || page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/i);
  });

  it('init writes a config that the report then reads, and will not overwrite it', async () => {
    const target = mkdtempSync(join(tmpdir(), 'flowaudit-init-'));
    try {
      expect((await runCli(['init', target])).code).toBe(0);
      expect(existsSync(join(target, '.flowaudit.json'))).toBe(true);
      const again = await runCli(['init', target]);
      expect(again).toMatchObject({ code: 2, stderr: `flowaudit: ${target}/.flowaudit.json exists already: edit it, or pass --force to overwrite it\n` });
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  it('a config file with a bad field is a one-line error naming it', async () => {
    const file = join(scene.dir, 'bad.json');
    writeFileSync(file, '{ "thresholds": { "pickupP50": "soon" } }');
    const r = await runCli([scene.repo.dir, '--config', file, ...WINDOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^flowaudit: config .*bad\.json: thresholds\.pickupP50 must be a duration/);
  });

  it('recommendations come ranked, each naming its figure and threshold', async () => {
    const r = await runCli([scene.repo.dir, '--format', 'json', ...WINDOW]);
    const recs = (JSON.parse(r.stdout) as Report).recommendations;
    expect(recs.length).toBeGreaterThan(0);
    for (const rec of recs) expect(rec).toMatchObject({ measure: expect.any(String), value: expect.any(String), tellsYou: expect.any(String), doNext: expect.any(String) });
    const impacts = recs.map((x) => x.impact);
    expect([...impacts].sort((a, b) => b - a)).toEqual(impacts);
    // CFR 50% is far over the 15% default
    expect(recs.map((x) => x.id)).toContain('change-failure-rate');
  });
});
