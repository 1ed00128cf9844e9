import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { layoutWidth, progressLine, useColor, warner, type CliIo } from '../../src/commands/io.js';
import { wrap } from '../../src/render/text/layout.js';
import { noun, plural } from '../../src/units.js';
import { BIN, capture, runCli } from '../helpers/cli-run.js';
import { MAIN_WINDOW as WINDOW, withMainScenario } from '../scenarios.js';

const ESC = '\u001b[';
const scene = withMainScenario('flowaudit-term-');

const io = (over: Partial<CliIo> = {}): CliIo => ({ stdout: capture(), stderr: capture(), env: {}, cwd: scene.dir, ...over });

describe('plurals', () => {
  it('follow English: 1 change, 0 changes, 2 changes, 1.5 changes', () => {
    expect([plural(1, 'change'), plural(0, 'change'), plural(2, 'change'), plural(1.5, 'change')]).toEqual(['1 change', '0 changes', '2 changes', '1.5 changes']);
    expect(noun(3, 'reply', 'replies')).toBe('replies');
  });

  it('no "(s)" in the text, Markdown or check output of a real run', async () => {
    for (const args of [[scene.repo.dir, ...WINDOW], [scene.repo.dir, '--format', 'markdown', ...WINDOW], ['check', scene.repo.dir, '--fail-on', 'changes>=1', ...WINDOW]]) {
      const r = await runCli(args);
      expect(r.stdout + r.stderr).not.toMatch(/\w\(s\)/);
    }
  });
});

describe('width', () => {
  it('--width, else the terminal, else $COLUMNS, else 80; 60 to 120 unless asked', () => {
    expect(layoutWidth(io(), undefined)).toBe(80);
    expect(layoutWidth(io({ env: { COLUMNS: '100' } }), undefined)).toBe(100);
    expect(layoutWidth(io({ stdout: { ...capture(), isTTY: true, columns: 200 } }), undefined)).toBe(120);
    expect(layoutWidth(io({ stdout: { ...capture(), isTTY: true, columns: 20 } }), undefined)).toBe(60);
    expect(layoutWidth(io(), '300')).toBe(300);
    expect(() => layoutWidth(io(), '30')).toThrow("--width '30' must be a whole number of columns from 60 to 400");
  });

  it('narrower: no line wider than asked; the stage table drops its bar, then its p75 (said under it), never a figure nor a stage\'s name', async () => {
    const { stdout } = await runCli([scene.repo.dir, '--width', '60', ...WINDOW]);
    for (const line of stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    const table = stdout.slice(stdout.indexOf('Where the time goes')).split('\n');
    const cells = (line = ''): string[] => line.split('│').slice(1, -1).map((c) => c.trim());
    expect(cells(table[2])).toEqual(['stage', 'count', 'p50', 'p90', 'share']);
    expect(cells(table[3])).toEqual(['first → last', '4', '2h 15m', '20h 48m', '16%']);
    // before: p75 kept and the name cut to 'review & m…'
    expect(cells(table[5])[0]).toBe('review & merge wait');
    expect(table.slice(0, 14).join(' ').replace(/\s+/g, ' ')).toContain('left out to fit 60 columns: p75');
  });

  it('a wrapped line keeps its indent, and the wrap is ANSI-aware', () => {
    expect(wrap('   → ' + 'word '.repeat(12).trim(), 30)).toBe('   → word word word word word\n     word word word word word\n     word word');
    const red = `\u001b[31m${'word '.repeat(8).trim()}\u001b[39m`;
    for (const line of wrap(red, 20).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(20);
  });
});

describe('colour', () => {
  it('on a terminal as supports-color says; --no-color, NO_COLOR and a file turn it off; --color turns it on', () => {
    const tty = io({ stdoutColorLevel: 1 });
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(tty, { color: false })).toBe(false);
    expect(useColor(tty, { output: 'r.txt' })).toBe(false);
    expect(useColor({ ...tty, env: { NO_COLOR: '1' } }, {})).toBe(false);
    expect(useColor({ ...tty, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, {})).toBe(true);
    expect(useColor(io(), { color: true })).toBe(true);
    expect(useColor(io(), {})).toBe(false);
  });

  it('FORCE_COLOR=1 colours a pipe, FORCE_COLOR=0 never (the real process, supports-color deciding)', () => {
    const runWith = (env: Record<string, string>): string =>
      spawnSync(process.execPath, [BIN, scene.repo.dir, ...WINDOW], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } }).stdout;
    expect(runWith({ FORCE_COLOR: '1' })).toContain(ESC);
    expect(runWith({ FORCE_COLOR: '0' })).not.toContain(ESC);
    expect(runWith({})).not.toContain(ESC);
    expect(runWith({ FORCE_COLOR: '1', NO_COLOR: '1' })).toContain(ESC);
  });
});

describe('progress', () => {
  it('on a terminal: counts and elapsed time on one redrawn line, cleared before the report', () => {
    const err = { ...capture(), isTTY: true };
    let now = 1000;
    const line = progressLine(io({ stderr: err }), false, () => now);
    line.update({ step: 'reading history of main', count: 0, unit: 'commits' });
    now = 1050;
    line.update({ step: 'reading history of main', count: 1000, unit: 'commits' });
    now = 4200;
    line.update({ step: 'reading history of main', count: 48676, unit: 'commits' });
    line.done();
    expect(err.text()).toBe('\r\u001b[2K⠋ reading history of main · 0 commits · 0s\r\u001b[2K⠙ reading history of main · 48,676 commits · 3s\r\u001b[2K');
  });

  it('a warning on a terminal starts on a cleared line, never after an unfinished progress line', () => {
    const err = { ...capture(), isTTY: true };
    const line = progressLine(io({ stderr: err }), false, () => 1000);
    line.update({ step: 'matched changes to deploys', count: 120, unit: 'deploys' });
    warner(io({ stderr: err }))('6 negative intervals (clock skew) were counted as 0');
    expect(err.text()).toBe('\r\u001b[2K⠋ matched changes to deploys · 120 deploys · 0s\r\u001b[2Kflowaudit: warning: 6 negative intervals (clock skew) were counted as 0\n');
    const plain = capture();
    warner(io({ stderr: plain }))('x');
    expect(plain.text()).toBe('flowaudit: warning: x\n');
  });

  it('nothing off a terminal, nor with --quiet', () => {
    const err = { ...capture(), isTTY: true };
    progressLine(io({ stderr: err }), true).update({ step: 'x' });
    const plain = capture();
    progressLine(io({ stderr: plain })).update({ step: 'x' });
    expect(err.text() + plain.text()).toBe('');
  });

  it('--quiet: no warnings on stderr either', async () => {
    const shallow = join(scene.dir, 'shallow');
    spawnSync('git', ['clone', '-q', '--depth', '3', `file://${scene.repo.dir}`, shallow]);
    expect((await runCli([shallow, ...WINDOW])).stderr).toContain('warning: this is a shallow clone');
    expect((await runCli([shallow, '--quiet', ...WINDOW])).stderr).toBe('');
  });
});

describe('help and typos', () => {
  it("every command's --help ends with examples and its exit codes", async () => {
    for (const command of ['report', 'check', 'compare', 'aggregate', 'init']) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:\n  flowaudit ');
      expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}/);
      expect(r.stdout).toContain('  4  an unexpected error');
    }
    expect((await runCli(['check', '--help'])).stdout).toContain('  1  a threshold was breached');
  });

  it('a mistyped command that is no path: did you mean, exit 2', async () => {
    const r = await runCli(['reprot'], {}, scene.dir);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("flowaudit: unknown command 'reprot' (and no such path): did you mean 'report'?\n  see flowaudit --help\n");
    expect((await runCli(['chekc', '--fail-on', 'changes>=1'], {}, scene.dir)).stderr).toContain("did you mean 'check'?");
  });

  it('a path that happens to look like a command is still a path', async () => {
    writeFileSync(join(scene.dir, 'not-a-repo'), '');
    const r = await runCli(['reprot'], {}, join(scene.dir));
    expect(r.code).toBe(2);
    const made = join(scene.dir, 'chek');
    spawnSync('git', ['clone', '-q', `file://${scene.repo.dir}`, made]);
    expect((await runCli(['chek', ...WINDOW], {}, scene.dir)).code).toBe(0);
  });
});

describe('check', () => {
  it('--report FILE gates an existing JSON report without auditing again (the repository may be gone)', async () => {
    const file = join(scene.dir, 'r.json');
    await runCli([scene.repo.dir, '--format', 'json', '-o', file, ...WINDOW]);
    const r = await runCli(['check', '/nonexistent', '--report', file, '--fail-on', 'leadTime.p50<=1d', '--format', 'json']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results).toMatchObject({ breached: 1, results: [{ figure: 'leadTime.p50', operator: '<=', threshold: 86400, status: 'breached', unit: 'd' }] });
    // 1d 13h: the p50 lead time of the scenario, in seconds
    expect(results.results[0].measured).toBe(135000);
  });

  it('--report with a file that is not a report: exit 2, the schema says where', async () => {
    const bad = join(scene.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, changes: 'many' }));
    const r = await runCli(['check', '--report', bad, '--fail-on', 'changes>=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^flowaudit: report '.*bad\.json' is not a valid flowaudit report: /);
  });

  it('--format markdown gives the threshold table', async () => {
    const r = await runCli(['check', scene.repo.dir, '--fail-on', 'changes>=1', '--format', 'markdown', ...WINDOW]);
    expect(r.stdout).toContain('| ✅ ok | `changes` | &gt;= 1 | 5 |');
  });

  it('report --fail-on under GitHub Actions writes the step summary and annotations, like check', async () => {
    const summaryFile = join(scene.dir, 'summary.md');
    writeFileSync(summaryFile, '');
    const r = await runCli([scene.repo.dir, '--format', 'json', '--fail-on', 'leadTime.p50<=1d', ...WINDOW], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('::error title=flowaudit threshold::threshold breached: leadTime.p50 = 1d 13h (wanted <= 1d)');
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(summaryFile, 'utf8')).toContain('### flowaudit thresholds: 1 of 1 threshold breached');
  });
});

it('run() writes nothing to a stdout whose write never completes before the report is ready', async () => {
  // guard: the in-process runner's stdout must take callbacks, or emit would wait forever
  const out = capture();
  expect(await run(['--version'], { stdout: out, stderr: capture(), env: {}, cwd: scene.dir })).toBe(0);
  expect(out.text().trim()).toMatch(/^\d+\.\d+\.\d+$/);
});
