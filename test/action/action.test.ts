import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { VERSION } from '../../src/version.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectValidReport } from '../helpers/report-schema.js';
import { mainScenario } from '../scenarios.js';

/*
 * The composite Action run as the runner would run it: each step's script with `bash --noprofile --norc -eo
 * pipefail`, its `env:` with the `${{ … }}` expressions filled in, GITHUB_ACTIONS=true and GITHUB_OUTPUT /
 * GITHUB_STEP_SUMMARY as temp files. `flowaudit` on PATH is this build at the action's version, so the install
 * step finds it and installs nothing.
 */

interface Step { name: string; id?: string; shell: string; env?: Record<string, string>; run: string }
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
  writeFileSync(join(bin, 'flowaudit'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/flowaudit.js')}" "$@"\n`);
  chmodSync(join(bin, 'flowaudit'), 0o755);
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface Run { exit: number; failedStep: string | null; outputs: Record<string, string>; summary: string; stdout: string; stderr: string; workspace: string }

function runAction(given: Record<string, string>): Run {
  const workspace = mkdtempSync(join(dir, 'run-'));
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default]));
  const github: Record<string, string> = { action_path: ROOT, token: '' };
  const steps: Record<string, Record<string, string>> = {};
  const summary = join(workspace, 'summary.md');
  writeFileSync(summary, '');
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
  for (const step of action.runs.steps) {
    const output = join(workspace, `output-${step.id ?? 'x'}`);
    writeFileSync(output, '');
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: process.env.HOME ?? tmpdir(),
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v))])),
    };
    expect(step.shell).toBe('bash');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8' });
    stderr += r.stderr;
    stdout += r.stdout;
    if (step.id) steps[step.id] = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    if (r.status !== 0) return { exit: r.status ?? -1, failedStep: step.name, outputs: outputsOf(fill), summary: readFileSync(summary, 'utf8'), stdout, stderr, workspace };
  }
  return { exit: 0, failedStep: null, outputs: outputsOf(fill), summary: readFileSync(summary, 'utf8'), stdout, stderr, workspace };
}

const outputsOf = (fill: (t: string) => string): Record<string, string> => Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, fill(v.value)]));
const SINCE = '2026-03-01T12:00:00Z';

describe('action.yml', () => {
  it('is a composite action whose install step pins the action\'s own version', () => {
    expect(action.runs.using).toBe('composite');
    const install = action.runs.steps[0];
    expect(install?.run).toContain('flowaudit@$want');
    expect(install?.run).toContain('--omit=dev');
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01' });
    // flowaudit on PATH is already the wanted version: nothing is installed
    expect(r.stdout.split('\n')[0]).toBe(VERSION);
    expect(r.stderr).not.toContain('npm');
  });

  it('a breached threshold: the step fails, breached=true, the report, summary and annotation are written', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'leadTime.p50<=1d\n  changes>=1\n' });
    expect(r).toMatchObject({ exit: 1, failedStep: 'Audit' });
    expect(r.outputs).toEqual({ report: 'flowaudit-report.json', breached: 'true', 'exit-code': '1' });
    expectValidReport(readFileSync(join(r.workspace, 'flowaudit-report.json'), 'utf8'));
    expect(r.summary).toContain('### flowaudit thresholds: 1 of 2 thresholds breached');
    expect(r.summary).toContain('| ❌ breached | `leadTime.p50` | &lt;= 1d | 1.56d |');
    expect(r.summary).toContain('### Where the time goes');
    expect(r.summary).toMatch(/Left out of this summary: the list of \d+ changes/);
    expect(r.stderr).toMatch(/^::error title=flowaudit threshold::threshold breached: leadTime\.p50 = 1\.56d \(wanted <= 1d\)$/m);
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
