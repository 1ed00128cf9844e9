import { mkdtempSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/schema.js';
import { runCli } from '../helpers/cli-run.js';
import { MAIN_WINDOW as WINDOW, mainScenario } from '../scenarios.js';

/*
 * Four repositories of the main scenario, each without a remote, in folders a person named: alpha-service and
 * beta-service, and two folders both called `service` (under x/ and y/). A report over several names each by its
 * folder, as far up its path as tells it apart, never by the machine's path to it.
 */
const parent = mkdtempSync(join(tmpdir(), 'flowaudit-names-'));
const place = (to: string): string => {
  const repo = mainScenario();
  const dir = join(parent, to);
  mkdirSync(join(dir, '..'), { recursive: true });
  renameSync(repo.dir, dir);
  return dir;
};
const alpha = place('alpha-service');
const beta = place('beta-service');
const x = place('x/service');
const y = place('y/service');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('a report over several repositories names them, never by a path', () => {
  it('JSON: repositories[].name and every change\'s and deploy\'s repository are the folders\' names', async () => {
    const r = await runCli([alpha, beta, x, y, '--format', 'json', '--with-changes', '--no-github', ...WINDOW]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // before: /tmp/flowaudit-names-…/alpha-service, the absolute path
    expect(report.repositories?.map((row) => row.name)).toEqual(['alpha-service', 'beta-service', 'x/service', 'y/service']);
    expect(new Set(report.changes.map((c) => c.repository))).toEqual(new Set(['alpha-service', 'beta-service', 'x/service', 'y/service']));
    expect(new Set(report.deploys.map((d) => d.repository))).toEqual(new Set(['alpha-service', 'beta-service', 'x/service', 'y/service']));
    // the path stays where the schema has a field for it, and nowhere else: once per row
    expect(report.repositories?.map((row) => row.path)).toEqual([alpha, beta, x, y]);
    expect(r.stdout.split(parent).length - 1).toBe(4);
  });

  it('text, Markdown, HTML and CSV hold no path of the machine', async () => {
    for (const format of ['text', 'markdown', 'html', 'csv']) {
      const r = await runCli([alpha, beta, x, y, '--format', format, '--with-changes', '--no-github', ...WINDOW]);
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).not.toContain(parent);
      expect(r.stdout, format).toContain('alpha-service');
      expect(r.stdout, format).toContain('x/service');
    }
  });

  it('compare names each side by its folder', async () => {
    const before = join(parent, 'before.json');
    const after = join(parent, 'after.json');
    await runCli([alpha, '--format', 'json', '-o', before, '--no-github', ...WINDOW]);
    await runCli([beta, '--format', 'json', '-o', after, '--no-github', ...WINDOW]);
    const text = await runCli(['compare', before, after]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('before: alpha-service ·');
    expect(text.stdout).toMatch(/^after *: beta-service ·/m);
    expect(text.stdout).not.toContain(parent);
    const json = await runCli(['compare', before, after, '--format', 'json']);
    expect((JSON.parse(json.stdout) as { before: { repository: string } }).before.repository).toBe('alpha-service');
    // two folders, the same scenario and window: not one repository, so no warning of overlapping windows
    expect(json.stdout).not.toContain('overlap');
  });
});
