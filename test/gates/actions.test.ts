import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowauditError } from '../../src/errors.js';
import { appendStepSummary, escapeData, escapeProperty, githubAnnotations, isGitHubActions } from '../../src/gates/actions.js';
import type { GateResult } from '../../src/gates/check.js';
import { evaluateGates } from '../../src/gates/check.js';
import { D, report } from '../aggregate/report-builder.js';

describe('githubAnnotations', () => {
  const subject = report({ summary: { leadTime: { count: 5, p50: 9.5 * D }, dora: { changeFailureRate: { value: 0.25, count: 8 } } } });

  it('an error per breach, a warning per figure not measured, nothing for a pass; % escaped', () => {
    const { results } = evaluateGates(subject, ['leadTime.p50<=7d', 'dora.changeFailureRate<=15%', 'stages.pickup.p75<=24h', 'leadTime.p50<=10d']);
    expect(githubAnnotations(results)).toEqual([
      '::error title=flowaudit threshold::threshold breached: leadTime.p50 = 9d 12h (wanted <= 7d)',
      '::error title=flowaudit threshold::threshold breached: dora.changeFailureRate = 25%25 (wanted <= 15%25)',
      '::warning title=flowaudit threshold::threshold not checked: stages.pickup.p75 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)',
    ]);
  });

  it('makes a figure not measured an error under --strict', () => {
    const { results } = evaluateGates(subject, ['stages.pickup.p75<=24h', 'leadTime.p50<=10d'], { strict: true });
    expect(githubAnnotations(results)).toEqual(['::error title=flowaudit threshold::threshold not measured (--strict): stages.pickup.p75 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)']);
  });

  it('escapes CR and LF so a message cannot start a new workflow command', () => {
    const forged: GateResult = { expression: 'x', path: 'x', operator: '<=', threshold: 1, unit: null, measured: 2, passed: false, failed: true, display: 'a\r\n::set-output name=x::100%' };
    expect(githubAnnotations([forged])).toEqual(['::error title=flowaudit threshold::threshold breached: a%0D%0A::set-output name=x::100%25']);
  });

  it('escapes data and property values per the workflow-commands spec', () => {
    expect(escapeData('50%\r\n%0A')).toBe('50%25%0D%0A%250A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('appendStepSummary', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('appends to $GITHUB_STEP_SUMMARY, adding a final newline', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-summary-'));
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# earlier step\n');
    expect(await appendStepSummary('| a |', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(await appendStepSummary('second\n', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('# earlier step\n| a |\nsecond\n');
  });

  it('does nothing without the variable', async () => {
    expect(await appendStepSummary('x', {})).toBe(false);
    expect(await appendStepSummary('x', { GITHUB_STEP_SUMMARY: '' })).toBe(false);
  });

  it('names the file when it cannot be written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-summary-'));
    const bad = join(dir, 'missing', 'summary.md');
    await expect(appendStepSummary('x', { GITHUB_STEP_SUMMARY: bad })).rejects.toThrow(FlowauditError);
    await expect(appendStepSummary('x', { GITHUB_STEP_SUMMARY: bad })).rejects.toThrow(`cannot append to $GITHUB_STEP_SUMMARY (${bad})`);
  });

  it('knows when it runs under Actions', () => {
    expect(isGitHubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(isGitHubActions({})).toBe(false);
  });
});
