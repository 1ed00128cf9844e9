import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueEntries } from '../../src/metrics/catalogue.js';
import { runCli } from '../helpers/cli-run.js';
import { MAIN_WINDOW as WINDOW, withMainScenario } from '../scenarios.js';

const scene = withMainScenario('flowaudit-check-');
const nowhere = mkdtempSync(join(tmpdir(), 'flowaudit-no-repo-'));
afterAll(() => rmSync(nowhere, { recursive: true, force: true }));

/** The row `check --list` prints for a figure, its cells split on the column gaps. */
function row(stdout: string, path: string): string[] | undefined {
  return stdout.split('\n').find((line) => line.startsWith(`${path} `))?.split(/\s{2,}/);
}

describe('flowaudit check --list', () => {
  it('outside a repository, lists every figure with its unit and the mode that measures it', async () => {
    const r = await runCli(['check', '--list', '--width', '200'], {}, nowhere);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`flowaudit check --list: ${catalogueEntries().length} figures a threshold may name; no repository here, so the mode that measures each is listed`);
    expect(row(r.stdout, 'leadTime.p50')).toEqual(['leadTime.p50', 'duration (7d)', 'git, GitHub', 'lead time p50']);
    expect(row(r.stdout, 'stages.pickup.p75')).toEqual(['stages.pickup.p75', 'duration (7d)', 'GitHub', 'pickup stage p75']);
    expect(row(r.stdout, 'dora.changeFailureRate')?.slice(0, 3)).toEqual(['dora.changeFailureRate', 'ratio (15%)', 'git, GitHub']);
    expect(row(r.stdout, 'changes')?.slice(0, 3)).toEqual(['changes', 'count', 'git, GitHub']);
  });

  it('in a repository in git-only mode, says which figures this run cannot measure', async () => {
    const r = await runCli(['check', scene.repo.dir, '--list', '--no-github', '--width', '200']);
    expect(r.code).toBe(0);
    const measured = catalogueEntries().filter((e) => e.modes.includes('git')).length;
    expect(r.stdout.split('\n')[0]).toContain(`this run (git only) measures ${measured} of them`);
    expect(row(r.stdout, 'stages.pickup.p75')?.[2]).toBe('no: needs GitHub');
    expect(row(r.stdout, 'review.topTwoShare')?.[2]).toBe('no: needs GitHub');
    expect(row(r.stdout, 'stages.review.p75')?.[2]).toBe('yes');
  });

  it('fits the terminal: at 80 columns each figure is on its line and what it is under it, no line wider', async () => {
    const r = await runCli(['check', scene.repo.dir, '--list', '--no-github', '--width', '80']);
    const lines = r.stdout.split('\n');
    // 148 columns whatever the terminal, before
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const at = lines.indexOf('stages.pickup.p75');
    expect(lines[at + 1]).toBe('    duration (7d) · no: needs GitHub · pickup stage p75');
    // a number says what it counts, as a gate on it does
    expect(lines[lines.indexOf('dora.deploymentFrequency') + 1]).toMatch(/^ {4}number \(a week\) · yes · /);
  });

  it('as JSON, one entry per figure with its modes and this run\'s verdict', async () => {
    const r = await runCli(['check', scene.repo.dir, '--list', '--no-github', '--format', 'json']);
    const json = JSON.parse(r.stdout) as { mode: string; figures: Array<{ figure: string; unit: string; modes: string[]; measured: boolean }> };
    expect(json.mode).toBe('git');
    expect(json.figures).toHaveLength(catalogueEntries().length);
    expect(json.figures.find((f) => f.figure === 'stages.merge.p50')).toMatchObject({ unit: 'duration', modes: ['github'], measured: false });
  });
});

describe('flowaudit check: gates that cannot pass by accident', () => {
  it('refuses a duration without its unit, before reading the repository', async () => {
    const r = await runCli(['check', scene.repo.dir, '--fail-on', 'leadTime.p50<7', ...WINDOW]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("flowaudit: invalid threshold 'leadTime.p50<7': 7 what? write 7d (or 7h, 7m: a duration takes a unit)\n");
  });

  it('names the figure a misspelt path meant', async () => {
    const r = await runCli(['check', scene.repo.dir, '--fail-on', 'cycletime.p90<=7d', ...WINDOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown figure 'cycletime.p90': did you mean 'cycleTime.p90'?");
  });

  it('passes a figure git cannot see with a warning, and fails it with --strict', async () => {
    const args = ['check', scene.repo.dir, '--no-github', '--width', '200', '--fail-on', 'leadTime.p50<=2d', '--fail-on', 'stages.pickup.p75<=24h', ...WINDOW];
    const lenient = await runCli(args);
    expect(lenient.code).toBe(0);
    // it passes, but not unseen: stderr says why it was not measured and what --strict does
    expect(lenient.stderr).toContain('flowaudit: threshold not measured, so it passed (add --strict to fail it): stages.pickup.p75 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)\n');
    expect(lenient.stdout).toContain('1 not measured (passed: add --strict to fail a threshold the run cannot measure)');
    expect(lenient.stdout).toContain('  not measured  stages.pickup.p75 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)');
    const strict = await runCli([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('0 of 2 thresholds breached, 1 not measured (a failure with --strict)');
    expect(strict.stdout).toContain('not measured: failed (--strict)  stages.pickup.p75 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)');
    const markdown = await runCli([...args, '--strict', '--format', 'markdown']);
    expect(markdown.stdout).toContain('| ❌ not measured (--strict) | `stages.pickup.p75` |');
  });

  it('report --fail-on on a figure git cannot see (the example in --help) passes, and says on stderr why and what --strict does', async () => {
    const r = await runCli([scene.repo.dir, '--no-github', '--format', 'json', '--fail-on', 'stages.pickup.p75<=24h', ...WINDOW]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('flowaudit: threshold not measured, so it passed (add --strict to fail it): stages.pickup.p75 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)\n');
  });

  it('report --fail-on --strict exits 1 on a figure it cannot measure and says so on stderr', async () => {
    const r = await runCli([scene.repo.dir, '--no-github', '--format', 'json', '--fail-on', 'stages.merge.p50<=1d', '--strict', ...WINDOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('flowaudit: threshold not measured (--strict): stages.merge.p50 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)\n');
    expect((await runCli([scene.repo.dir, '--no-github', '--format', 'json', '--fail-on', 'stages.merge.p50<=1d', ...WINDOW])).code).toBe(0);
  });
});
