import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { VERSION } from '../../src/version.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectValidReport } from '../helpers/report-schema.js';
import { mainScenario } from '../scenarios.js';

/*
 * The composite Action run as the runner would run it: each `run:` step's script with `bash --noprofile --norc
 * -eo pipefail`, its `env:` with the `${{ … }}` expressions filled in, GITHUB_ACTIONS=true and GITHUB_OUTPUT /
 * GITHUB_STEP_SUMMARY as temp files; the action's folder is this checkout (built) unless a test gives another.
 * A `uses:` step (actions/cache) is not run: its outputs are what the test says the cache did. `npm` on PATH
 * is a stand-in that writes down how it was called, and whose `run build` writes a one-line build.
 */

interface Step { name: string; id?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string; with?: Record<string, string> }
interface Action { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const ROOT = new URL('../../', import.meta.url).pathname;
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
let repo: FixtureRepo;
let dir: string;
let bin: string;
beforeAll(() => {
  repo = mainScenario();
  dir = mkdtempSync(join(tmpdir(), 'flowaudit-action-'));
  bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'npm'),
    [
      '#!/bin/sh',
      'echo "$*" >> "$NPM_LOG"',
      'if [ "$1" = run ] && [ "$2" = build ]; then',
      '  mkdir -p dist/bin',
      `  printf "%s\\n" 'export async function run() { console.log("0.0.0-stand-in"); return 0; }' > dist/bin/flowaudit.js`,
      'fi',
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'npm'), 0o755);
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface Run { exit: number; failedStep: string | null; outputs: Record<string, string>; steps: Record<string, Record<string, string>>; npm: string[]; summary: string; stdout: string; stderr: string; workspace: string }
interface Setting { cacheHit?: 'true' | ''; actionPath?: string }

function runAction(given: Record<string, string>, setting: Setting = {}): Run {
  const workspace = mkdtempSync(join(dir, 'run-'));
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default]));
  const github: Record<string, string> = { action_path: setting.actionPath ?? ROOT, token: '' };
  const steps: Record<string, Record<string, string>> = {};
  const summary = join(workspace, 'summary.md');
  const npmLog = join(workspace, 'npm.log');
  writeFileSync(summary, '');
  writeFileSync(npmLog, '');
  const fill = (text: string): string =>
    text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, expr: string) => {
      const [scope, ...rest] = expr.split('.');
      if (scope === 'inputs') return inputs[rest.join('.')] ?? '';
      if (scope === 'github') return github[rest.join('.')] ?? '';
      if (scope === 'steps') return steps[rest[0] ?? '']?.[rest[2] ?? ''] ?? '';
      throw new Error(`expression not understood by the test: ${expr}`);
    });
  let stderr = '';
  let stdout = '';
  const result = (exit: number, failedStep: string | null): Run => ({
    exit,
    failedStep,
    outputs: outputsOf(fill),
    steps,
    npm: readFileSync(npmLog, 'utf8').split('\n').filter(Boolean),
    summary: readFileSync(summary, 'utf8'),
    stdout,
    stderr,
    workspace,
  });
  for (const step of action.runs.steps) {
    if (step.uses !== undefined) {
      expect(step.uses).toMatch(/^actions\/cache@v\d+$/);
      if (step.id) steps[step.id] = { 'cache-hit': setting.cacheHit ?? 'true' };
      continue;
    }
    const output = join(workspace, `output-${step.id ?? 'x'}`);
    writeFileSync(output, '');
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: process.env.HOME ?? tmpdir(),
      NPM_LOG: npmLog,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: workspace,
      RUNNER_OS: 'Linux',
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v))])),
    };
    expect(step.shell).toBe('bash');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], { cwd: workspace, env, encoding: 'utf8' });
    stderr += r.stderr;
    stdout += r.stdout;
    if (step.id) steps[step.id] = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    if (r.status !== 0) return result(r.status ?? -1, step.name);
  }
  return result(0, null);
}

const outputsOf = (fill: (t: string) => string): Record<string, string> => Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, fill(v.value)]));
const SINCE = '2026-03-01T12:00:00Z';

/** A copy of what the action builds from (no node_modules, no build), to see what each step does to it. */
function sourceCopy(): string {
  const copy = mkdtempSync(join(dir, 'action-'));
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'scripts', 'bin']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  return copy;
}

describe('action.yml', () => {
  it('runs the flowaudit of its own folder, built, and never asks a registry for it', () => {
    expect(action.runs.using).toBe('composite');
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect(text).not.toMatch(/npm (install|i) .*flowaudit@|npx .*flowaudit@/);
    // a cache hit: the build in the action's folder is run as it is, nothing installed or built
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01' });
    expect(r.npm).toEqual([]);
    expect(r.stdout.split('\n')[0]).toBe(VERSION);
    expect(r).toMatchObject({ exit: 0, outputs: { breached: 'false', 'exit-code': '0' } });
  });

  it('a cache miss installs the lockfile\'s dependencies and builds, in the action\'s folder', () => {
    const copy = sourceCopy();
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01' }, { cacheHit: '', actionPath: copy });
    expect(r.npm).toEqual(['ci --no-audit --no-fund --ignore-scripts', 'run build --silent']);
    // the audit ran the stand-in build written in the copy, not a flowaudit from anywhere else
    expect(r.stdout).toContain('0.0.0-stand-in');
    mkdirSync(join(copy, 'node_modules'));
    // the dependencies restored (same lockfile, other sources): built again, not installed again
    expect(runAction({ path: repo.dir }, { cacheHit: '', actionPath: copy }).npm).toEqual(['run build --silent']);
  });

  it('keys its cache by the lockfile and by the sources, each apart', () => {
    const copy = sourceCopy();
    const keys = (): Record<string, string> => runAction({ path: repo.dir }, { actionPath: copy }).steps.key ?? {};
    const first = keys();
    expect(first.lock).toMatch(/^[0-9a-f]{20}$/);
    expect(first.source).toMatch(/^[0-9a-f]{20}$/);
    expect(first.node).toBe(process.versions.node.split('.')[0]);
    writeFileSync(join(copy, 'src', 'cli.ts'), '// changed\n', { flag: 'a' });
    const edited = keys();
    expect(edited.lock).toBe(first.lock);
    expect(edited.source).not.toBe(first.source);
    writeFileSync(join(copy, 'package-lock.json'), '\n', { flag: 'a' });
    const locked = keys();
    expect(locked.lock).not.toBe(first.lock);
    expect(locked.source).toBe(edited.source);
  });

  it('strict by default: a threshold on a figure git alone cannot measure fails the step', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'stages.pickup.p75<=24h' });
    expect(r).toMatchObject({ exit: 1, failedStep: 'Audit', outputs: { breached: 'true', 'exit-code': '1' } });
    const lenient = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'stages.pickup.p75<=24h', strict: 'false' });
    expect(lenient).toMatchObject({ exit: 0, outputs: { breached: 'false', 'exit-code': '0' } });
  });

  it('a breached threshold: the step fails, breached=true, the report, summary and annotation are written', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'leadTime.p50<=1d\n  changes>=1\n' });
    expect(r).toMatchObject({ exit: 1, failedStep: 'Audit' });
    expect(r.outputs).toEqual({ report: 'flowaudit-report.json', breached: 'true', 'exit-code': '1' });
    expectValidReport(readFileSync(join(r.workspace, 'flowaudit-report.json'), 'utf8'));
    expect(r.summary).toContain('### flowaudit thresholds: 1 of 2 thresholds breached');
    expect(r.summary).toContain('| ❌ breached | `leadTime.p50` | &lt;= 1d | 1d 13h |');
    expect(r.summary).toContain('### Where the time goes');
    expect(r.summary).toMatch(/Left out of this summary: the list of \d+ changes/);
    expect(r.stderr).toMatch(/^::error title=flowaudit threshold::threshold breached: leadTime\.p50 = 1d 13h \(wanted <= 1d\)$/m);
  });

  it('fail: false records the breach in the outputs and lets the job go on', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'leadTime.p50<=1d', fail: 'false', format: 'html' });
    expect(r).toMatchObject({ exit: 0, failedStep: null });
    expect(r.outputs).toEqual({ report: 'flowaudit-report.html', breached: 'true', 'exit-code': '1' });
    expect(readFileSync(join(r.workspace, 'flowaudit-report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('no thresholds: the report and the step summary, exit 0, breached=false', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', report: 'r.json' });
    expect(r).toMatchObject({ exit: 0, outputs: { report: 'r.json', breached: 'false', 'exit-code': '0' } });
    expect(r.summary).toContain('### Where the time goes');
    expect(r.summary).not.toContain('thresholds');
  });

  it('bad input fails the step with flowaudit\'s exit code, never as a breach', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', report: 'missing/r.json' });
    expect(r).toMatchObject({ exit: 2, outputs: { breached: 'false', 'exit-code': '2' } });
    expect(r.stderr).toContain('flowaudit: cannot write');
    expect(runAction({ path: repo.dir, format: 'pdf' })).toMatchObject({ exit: 2, failedStep: 'Audit' });
  });
});
