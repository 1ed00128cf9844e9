import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run.js';

/* --help lists each command's options under the same headings, in the same order, then examples. */

const headings = (help: string): string[] => help.split('\n').filter((line) => /^[A-Z][\w ]*:$/.test(line));

describe('--help', () => {
  it('report: the options grouped as window, deploys, GitHub, gates, output, each flag in its group', async () => {
    const { stdout, code } = await runCli(['help', 'report']);
    expect(code).toBe(0);
    expect(headings(stdout)).toEqual(['Arguments:', 'Window and changes:', 'Deploys:', 'GitHub:', 'Gates:', 'Output:', 'Options:', 'Examples:', 'Exit codes:']);
    const groupOf = (flag: string): string | undefined => {
      const lines = stdout.split('\n');
      const at = lines.findIndex((line) => line.trimStart().startsWith(flag));
      return lines.slice(0, at).reverse().find((line) => /^[A-Z][\w ]*:$/.test(line));
    };
    expect(groupOf('--since')).toBe('Window and changes:');
    expect(groupOf('--tag-pattern')).toBe('Deploys:');
    expect(groupOf('--no-github')).toBe('GitHub:');
    expect(groupOf('--fail-on')).toBe('Gates:');
    expect(groupOf('--strict')).toBe('Gates:');
    expect(groupOf('-f, --format')).toBe('Output:');
    expect(groupOf('-o, --output')).toBe('Output:');
  });

  it('check: its --strict, --report and --list among the gates, and examples', async () => {
    const { stdout } = await runCli(['check', '--help']);
    expect(headings(stdout)).toEqual(['Arguments:', 'Window and changes:', 'Deploys:', 'GitHub:', 'Gates:', 'Output:', 'Options:', 'Examples:', 'Exit codes:']);
    expect(stdout).toMatch(/Gates:\n {2}--fail-on[^]*\n {2}--strict[^]*\n {2}--report <file>[^]*\n {2}--list[^]*Output:/);
  });

  it('prints no default of commander\'s own for a repeatable flag (no "(default: [])" after --fail-on)', async () => {
    for (const command of ['report', 'check']) {
      const { stdout } = await runCli([command, '--help']);
      const failOn = stdout.split('\n').findIndex((line) => line.trimStart().startsWith('--fail-on'));
      // the description may wrap: the flag's lines run until the next flag
      const next = stdout.split('\n').findIndex((line, i) => i > failOn && line.trimStart().startsWith('--'));
      expect(stdout.split('\n').slice(failOn, next).join(' ')).toContain('exit 1 when breached');
      expect(stdout).not.toContain('(default: [])');
    }
  });
});
