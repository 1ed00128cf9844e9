import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FORMATS, formatExtension } from '../../src/render/formats.js';
import { VERSION } from '../../src/version.js';
import type { Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { expectValidReport } from '../helpers/report-schema.js';
import { mainScenario } from '../scenarios.js';

/*
 * The Action run as a runner runs a JavaScript action: `node <action folder>/<runs.main>` in the workspace,
 * each input in `INPUT_<NAME>` (its default when the workflow gives none), GITHUB_ACTIONS=true and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY as files. The action folder holds what a checkout of the Action's commit
 * holds and nothing built or installed: action.yml, package.json and the committed bundle, no node_modules,
 * no dist/, no src/.
 */

interface Action {
  inputs: Record<string, { description: string; default: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; pre?: string; post?: string; steps?: unknown };
}

const ROOT = new URL('../../', import.meta.url).pathname;
const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(text) as Action;
const SINCE = '2026-03-01T12:00:00Z';
let repo: FixtureRepo;
let dir: string;
let actionDir: string;

beforeAll(() => {
  repo = mainScenario();
  dir = mkdtempSync(join(tmpdir(), 'flowaudit-action-'));
  actionDir = join(dir, 'action');
  for (const file of ['action.yml', 'package.json', action.runs.main]) {
    mkdirSync(dirname(join(actionDir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(actionDir, file));
  }
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface Run { exit: number; outputs: Record<string, string>; summary: string; stdout: string; stderr: string; workspace: string }

/** `name<<DELIM` … `DELIM` (and `name=value`) lines of a GITHUB_OUTPUT file, as the runner reads them. */
function readOutputs(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] ?? '', i + 1);
      expect(end, `${heredoc[1]}'s delimiter is closed`).toBeGreaterThan(i);
      outputs[heredoc[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

function runAction(given: Record<string, string>, overrides: Record<string, string> = {}): Run {
  const workspace = mkdtempSync(join(dir, 'run-'));
  const summary = join(workspace, 'summary.md');
  const output = join(workspace, 'output');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  // the runner sets every input, its default when the workflow gives none; the token's default is the job's
  // token, empty here: git only
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, given[name] ?? (name === 'token' ? '' : spec.default)]));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: workspace,
    RUNNER_OS: 'Linux',
    ...inputs,
    ...overrides,
  };
  const r = spawnSync(process.execPath, [join(actionDir, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
  return { exit: r.status ?? -1, outputs: env.GITHUB_OUTPUT === output ? readOutputs(output) : {}, summary: readFileSync(summary, 'utf8'), stdout: r.stdout, stderr: r.stderr, workspace };
}

describe('action.yml', () => {
  it('runs one committed file with the runner\'s node: nothing installed, built or run through a shell', () => {
    expect(action.runs).toEqual({ using: 'node20', main: 'dist-action/index.js' });
    expect(text.replace(/#.*$/gm, '')).not.toMatch(/\bnpm\b|\bnpx\b|shell|bash|steps:/);
    // no shebang: a runner starts it with node, which Windows needs
    expect(readFileSync(join(ROOT, action.runs.main), 'utf8')).not.toMatch(/^#!/);
  });

  it('keeps the inputs and outputs workflows use, and offers every --format', () => {
    expect(Object.keys(action.inputs)).toEqual(['path', 'fail-on', 'since', 'until', 'format', 'report', 'token', 'fail', 'strict']);
    expect(Object.keys(action.outputs)).toEqual(['report', 'breached', 'exit-code']);
    expect(action.inputs.format?.default).toBe('json');
    for (const format of FORMATS) {
      expect(action.inputs.format?.description, format).toContain(format);
      expect(action.inputs.report?.description, format).toContain(formatExtension(format));
    }
  });
});

describe('the Action, run as a runner runs it', () => {
  it('a breached threshold: the step fails, breached=true, the report, summary and annotation are written', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'leadTime.p50<=1d\n  changes>=1\n' });
    expect(r.exit).toBe(1);
    expect(r.outputs).toEqual({ report: 'flowaudit-report.json', breached: 'true', 'exit-code': '1' });
    const json = readFileSync(join(r.workspace, 'flowaudit-report.json'), 'utf8');
    expectValidReport(json);
    expect((JSON.parse(json) as Report).tool.version).toBe(VERSION);
    expect(r.summary).toContain('### flowaudit thresholds: 1 of 2 thresholds breached');
    expect(r.summary).toContain('| ❌ breached | `leadTime.p50` | &lt;= 1d | 1d 13h |');
    expect(r.summary).toContain('### Where the time goes');
    expect(r.stderr).toMatch(/^::error title=flowaudit threshold::threshold breached: leadTime\.p50 = 1d 13h \(wanted <= 1d\)$/m);
    // stdout is the runner's to read for workflow commands: the report went to its file
    expect(r.stdout).toBe('');
  });

  it('strict by default: a threshold on a figure git alone cannot measure fails the step; strict: false only warns', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'stages.pickup.p75<=24h' });
    expect(r).toMatchObject({ exit: 1, outputs: { breached: 'true', 'exit-code': '1' } });
    const lenient = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'stages.pickup.p75<=24h', strict: 'false' });
    expect(lenient).toMatchObject({ exit: 0, outputs: { breached: 'false', 'exit-code': '0' } });
    expect(lenient.stderr).toMatch(/^::warning title=flowaudit threshold::threshold not checked: stages\.pickup\.p75/m);
  });

  it('fail: false records the breach in the outputs and lets the job go on', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', 'fail-on': 'leadTime.p50<=1d', fail: 'false', format: 'html' });
    expect(r.exit).toBe(0);
    expect(r.outputs).toEqual({ report: 'flowaudit-report.html', breached: 'true', 'exit-code': '1' });
    expect(readFileSync(join(r.workspace, 'flowaudit-report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('no thresholds: the report where `report` says and the step summary, exit 0, breached=false', () => {
    const ok = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', report: 'r.json' });
    expect(ok).toMatchObject({ exit: 0, outputs: { report: 'r.json', breached: 'false', 'exit-code': '0' } });
    expect(existsSync(join(ok.workspace, 'r.json'))).toBe(true);
    expect(ok.summary).toContain('### Where the time goes');
    expect(ok.summary).not.toContain('thresholds');
  });

  it.each(FORMATS.map((format) => [format]))('format %s writes its file, named by its extension', (format) => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', format });
    const file = `flowaudit-report.${formatExtension(format)}`;
    expect(r).toMatchObject({ exit: 0, outputs: { report: file, breached: 'false', 'exit-code': '0' } });
    expect(readFileSync(join(r.workspace, file), 'utf8').length).toBeGreaterThan(100);
  });

  it('reads the audited repository\'s config with its comments, and runs its patterns on the linear-time engine', () => {
    // jsonc-parser and re2js are in the bundle: the action's folder has no node_modules
    const config = '{\n  // only the 1.0 and 1.1 releases deploy\n  "deploy": { "tagPattern": "^v1\\\\.[01]\\\\." },\n}\n';
    const configured = buildConfigured(config);
    try {
      const r = runAction({ path: configured.dir, since: SINCE, until: '2026-04-01' });
      expect(r.stderr).toBe('');
      expect(r.exit).toBe(0);
      const report = JSON.parse(readFileSync(join(r.workspace, 'flowaudit-report.json'), 'utf8')) as Report;
      expect(report.deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.1.0']);
      // a backreference: RE2 has none, so the config is refused in one line (a native RegExp would take it)
      writeFileSync(join(configured.dir, '.flowaudit.json'), '{ "deploy": { "tagPattern": "^(v)\\\\1" } }\n');
      const refused = runAction({ path: configured.dir, since: SINCE, until: '2026-04-01' });
      expect(refused).toMatchObject({ exit: 2, outputs: { breached: 'false', 'exit-code': '2' } });
      expect(refused.stderr).toMatch(/^flowaudit: .*tagPattern is not a valid regular expression: invalid escape sequence \(configured patterns run on a linear-time engine, RE2/m);
      expect(refused.stderr).not.toMatch(/unexpected error|Cannot find/);
    } finally {
      configured.cleanup();
    }
  });

  it('bad input fails the step with flowaudit\'s exit code, never as a breach', () => {
    const r = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01', report: 'missing/r.json' });
    expect(r).toMatchObject({ exit: 2, outputs: { report: 'missing/r.json', breached: 'false', 'exit-code': '2' } });
    expect(r.stderr).toContain('flowaudit: cannot write');
    const pdf = runAction({ path: repo.dir, format: 'pdf' });
    expect(pdf.exit).toBe(2);
    expect(pdf.stderr).toBe(`::error title=flowaudit::format must be one of ${FORMATS.join(', ')}, not 'pdf'\n`);
    expect(runAction({ path: repo.dir, fail: 'yes' }).stderr).toContain("fail must be true or false, not 'yes'");
    // outputs that cannot be written: one line, exit 2, no stack trace
    const unwritable = runAction({ path: repo.dir, since: SINCE, until: '2026-04-01' }, { GITHUB_OUTPUT: join(dir, 'no-such-folder', 'output') });
    expect(unwritable.exit).toBe(2);
    expect(unwritable.stderr).toMatch(/^::error title=flowaudit::cannot write the outputs to \$GITHUB_OUTPUT: ENOENT/m);
    expect(unwritable.stderr).not.toMatch(/\n\s+at /);
  });
});

/** The main scenario with `.flowaudit.json` in its work tree. */
function buildConfigured(config: string): FixtureRepo {
  const configured = mainScenario();
  writeFileSync(join(configured.dir, '.flowaudit.json'), config);
  return configured;
}
