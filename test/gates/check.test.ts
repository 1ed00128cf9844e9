import { describe, expect, it } from 'vitest';
import { parseThreshold } from '../../src/gates/expression.js';
import { evaluateGates, formatIn, renderGateJson, renderGateMarkdown, renderGateText } from '../../src/gates/check.js';
import { D, H, report } from '../aggregate/report-builder.js';

// leadTime p50 9.5 days, pickup p75 3h, pickup p50 not measured (git only), CFR 3/20, 2.5 deploys/week
const subject = report({
  summary: {
    changes: 12,
    leadTime: { count: 12, p50: 9.5 * D, p75: 12 * D, p90: 20 * D, mean: 10 * D },
    stages: { pickup: { count: 12, p50: null, p75: 3 * H }, review: { count: 12, p50: 2 * H, share: 0.25 } },
    flow: { anomalies: { clockSkew: 0 }, size: { count: 12, p50: 120, p90: 500, over200: 0.25, over400: 0.125, buckets: [] }, reverted: 1 },
    dora: { changeFailureRate: { value: 3 / 20, count: 20 }, deploymentFrequency: { value: 2.5, count: 10 } },
  },
});

describe('evaluateGates', () => {
  it('decides a percentile the censored estimate never reached from its bound, and says so', () => {
    // more than half the changes still waiting: the p50 is unknown, but over 40 days
    const waiting = report({ summary: { leadTime: { count: 9, p50: null, p75: null, p90: null, censored: 6, atLeast: 40 * D } } });
    const { results, breached } = evaluateGates(waiting, ['leadTime.p50<=7d', 'leadTime.p50>30d', 'leadTime.p50<=60d', 'leadTimeDeployed.p50<=7d']);
    expect(results.map((r) => [r.passed, r.display])).toEqual([
      [false, 'leadTime.p50 ≥ 40d, changes still waiting (wanted <= 7d)'],
      [true, 'leadTime.p50 ≥ 40d, changes still waiting (wanted > 30d)'],
      // over 40 days may or may not be under 60
      [null, 'leadTime.p50 ≥ 40d, changes still waiting (wanted <= 60d)'],
      [null, 'leadTimeDeployed.p50 not measured: no change in the window has it (wanted <= 7d)'],
    ]);
    expect(breached).toBe(1);
  });

  // a percentile the estimate never reached is at least its bound, possibly equal to it: with the bound exactly at
  // the threshold, only what "at least" makes certain is decided
  it.each([
    ['leadTime.p50>=7d', true, 'leadTime.p50 ≥ 7d, changes still waiting (wanted >= 7d)'],
    ['leadTime.p50<7d', false, 'leadTime.p50 ≥ 7d, changes still waiting (wanted < 7d)'],
    ['leadTime.p50>7d', null, 'leadTime.p50 ≥ 7d, changes still waiting (wanted > 7d)'],
    ['leadTime.p50<=7d', null, 'leadTime.p50 ≥ 7d, changes still waiting (wanted <= 7d)'],
    ['leadTime.p50==7d', null, 'leadTime.p50 ≥ 7d, changes still waiting (wanted == 7d)'],
    ['leadTime.p50!=7d', null, 'leadTime.p50 ≥ 7d, changes still waiting (wanted != 7d)'],
    ['leadTime.p50>=168h', true, 'leadTime.p50 ≥ 7d, changes still waiting (wanted >= 7d)'],
    // the DORA key is the summary's median: the same bound decides it
    ['dora.leadTime>=7d', true, 'dora.leadTime ≥ 7d, changes still waiting (wanted >= 7d)'],
    ['dora.leadTime<7d', false, 'dora.leadTime ≥ 7d, changes still waiting (wanted < 7d)'],
    // each percentile by its own bound: p75 is at least 12 days, more than the lowest bound says
    ['leadTime.p75>=12d', true, 'leadTime.p75 ≥ 12d, changes still waiting (wanted >= 12d)'],
    ['leadTime.p75<12d', false, 'leadTime.p75 ≥ 12d, changes still waiting (wanted < 12d)'],
    ['stages.deploy.p50>=7d', true, 'stages.deploy.p50 ≥ 7d, changes still waiting (wanted >= 7d)'],
    ['stages.deploy.p50<7d', false, 'stages.deploy.p50 ≥ 7d, changes still waiting (wanted < 7d)'],
  ])('a bound exactly at the threshold: %s → passed %s', (expression, passed, display) => {
    const bounded = { p50: null, p75: null, p90: null, censored: 4, atLeast: 7 * D, bounds: { p50: 7 * D, p75: 12 * D, p90: 20 * D } };
    const waiting = report({
      summary: {
        leadTime: { count: 8, ...bounded },
        dora: { leadTime: { value: null, count: 8 } },
      },
    });
    waiting.summary.stages.deploy = { ...waiting.summary.stages.deploy, count: 8, ...bounded };
    const { results, breached } = evaluateGates(waiting, [expression]);
    expect(results[0]).toMatchObject({ passed, display });
    expect(breached).toBe(passed === false ? 1 : 0);
  });

  it.each([
    ['leadTime.p50<=7d', false],
    ['leadTime.p50<=9.5d', true],
    ['leadTime.p50<9.5d', false],
    ['leadTime.p50<10d', true],
    ['leadTime.p50>=9.5d', true],
    ['leadTime.p50>=10d', false],
    ['leadTime.p50>9.5d', false],
    ['leadTime.p50>1w', true],
    ['leadTime.p50==228h', true],
    ['leadTime.p50==9d', false],
    ['leadTime.p50!=9d', true],
    ['leadTime.p50!=13680m', false],
    ['leadTime.p50<=820800s', true],
    ['dora.changeFailureRate==15%', true],
    ['dora.changeFailureRate<=15%', true],
    ['dora.changeFailureRate<15%', false],
    ['dora.changeFailureRate<=0.1', false],
    ['dora.deploymentFrequency>=1', true],
    ['dora.deploymentFrequency>2.5', false],
    ['changes>=10', true],
    ['changes>12', false],
    ['summary.flow.size.over400<0.2', true],
    ['flow.size.over200<20%', false],
    ['stages.review.share<=25%', true],
    ['stages.pickup.p75<=24h', true],
  ])('%s → passed %s', (expression, passed) => {
    const { results, breached } = evaluateGates(subject, [expression]);
    expect(results[0]?.passed).toBe(passed);
    expect(breached).toBe(passed ? 0 : 1);
  });

  it('counts breaches for the exit code, lists what could not be measured without counting it', () => {
    const outcome = evaluateGates(subject, ['leadTime.p50<=7d', 'stages.pickup.p50<=1d', 'dora.timeToRestore<=1h', 'changes>=10', 'dora.changeFailureRate<10%']);
    expect(outcome.breached).toBe(2);
    expect(outcome.results.map((r) => [r.path, r.measured, r.passed])).toEqual([
      ['leadTime.p50', 9.5 * D, false],
      ['stages.pickup.p50', null, null],
      ['dora.timeToRestore', null, null],
      ['changes', 12, true],
      ['dora.changeFailureRate', 0.15, false],
    ]);
  });

  it('is 0 breaches when every threshold passes or is not measured', () => {
    expect(evaluateGates(subject, ['leadTime.p50<=10d', 'stages.pickup.p50<=1d']).breached).toBe(0);
    expect(evaluateGates(subject, []).breached).toBe(0);
  });

  it('treats a figure absent from an older report as not measured', () => {
    const old = report();
    delete (old.summary.flow as Partial<typeof old.summary.flow>).size;
    expect(evaluateGates(old, ['flow.size.over400<20%']).results[0]).toMatchObject({ measured: null, passed: null });
  });

  it('writes durations as the report does (8d 8h, never 200h or 9.5d), ratios in the unit the threshold was written in', () => {
    const shown = evaluateGates(subject, ['leadTime.p50<=7d', 'leadTime.p50<=200h', 'dora.changeFailureRate<=10%', 'dora.changeFailureRate<=0.1', 'dora.deploymentFrequency>=1', 'stages.pickup.p50<=1d']);
    expect(shown.results.map((r) => r.display)).toEqual([
      'leadTime.p50 = 9d 12h (wanted <= 7d)',
      'leadTime.p50 = 9d 12h (wanted <= 8d 8h)',
      'dora.changeFailureRate = 15% (wanted <= 10%)',
      'dora.changeFailureRate = 0.15 (wanted <= 0.1)',
      'dora.deploymentFrequency = 2.5 a week (wanted >= 1 a week)',
      'stages.pickup.p50 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)',
    ]);
    expect(formatIn(1 / 3, '%')).toBe('33.33%');
    expect(formatIn(90, 'm')).toBe('1m 30s');
  });

  it('tells a project reviewed elsewhere than GitHub where its reviews are, not to set a token', () => {
    const onGitLab = { ...subject, reviewHost: 'gitlab' as const };
    expect(evaluateGates(onGitLab, ['stages.pickup.p50<=1d']).results[0]?.display).toBe(
      'stages.pickup.p50 not measured: git alone cannot see it, it needs review data: this project\'s merge requests are on GitLab, which flowaudit does not read (wanted <= 1d)');
    expect(evaluateGates({ ...subject, reviewHost: 'github' }, ['stages.pickup.p50<=1d']).results[0]?.display).toMatch(/set GH_TOKEN/);
  });

  it('accepts thresholds parsed ahead of the audit', () => {
    expect(evaluateGates(subject, [parseThreshold('changes>=10')]).results[0]?.passed).toBe(true);
  });

  it('throws ConfigError on a bad expression', () => {
    expect(() => evaluateGates(subject, ['leadTime.p50<=7x'])).toThrow("invalid threshold 'leadTime.p50<=7x': unknown unit 'x' (use s, m, h, d, w, mo, y or %)");
  });
});

describe('gate renderers', () => {
  const { results } = evaluateGates(subject, ['leadTime.p50<=7d', 'stages.pickup.p50<=1d', 'dora.changeFailureRate<=15%']);

  it('text: a headline and one line per threshold', () => {
    expect(renderGateText(results, 200)).toBe(
      [
        'flowaudit check: 1 of 3 thresholds breached, 1 not measured (passed: add --strict to fail a threshold the run cannot measure)',
        '  breached      leadTime.p50 = 9d 12h (wanted <= 7d)',
        '  not measured  stages.pickup.p50 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)',
        '  ok            dora.changeFailureRate = 15% (wanted <= 15%)',
        '',
      ].join('\n'),
    );
  });

  it('text: fits the terminal, a long result wrapped under its figure, past its status', () => {
    const lines = renderGateText(results, 80).split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => l.startsWith('  not measured  stages.pickup.p50 not measured:'));
    expect(lines[at + 1]?.startsWith(' '.repeat(16))).toBe(true);
  });

  it('markdown: a table with the operator escaped', () => {
    expect(renderGateMarkdown(results)).toBe(
      [
        '### flowaudit thresholds: 1 of 3 thresholds breached, 1 not measured (passed: add --strict to fail a threshold the run cannot measure)',
        '',
        '| result | figure | threshold | measured |',
        '| --- | --- | --- | --- |',
        '| ❌ breached | `leadTime.p50` | &lt;= 7d | 9d 12h |',
        '| ⚠️ not measured | `stages.pickup.p50` | &lt;= 1d | — |',
        '| ✅ ok | `dora.changeFailureRate` | &lt;= 15% | 15% |',
        '',
      ].join('\n'),
    );
  });

  describe('under --strict', () => {
    const strict = evaluateGates(subject, ['leadTime.p50<=10d', 'stages.pickup.p50<=1d'], { strict: true });

    it('fails a threshold whose figure is not measured, and says so', () => {
      expect(strict.breached).toBe(0);
      expect(strict.failed).toBe(1);
      expect(evaluateGates(subject, ['leadTime.p50<=10d', 'stages.pickup.p50<=1d']).failed).toBe(0);
      expect(renderGateText(strict.results, 200)).toBe(
        [
          'flowaudit check: 0 of 2 thresholds breached, 1 not measured (a failure with --strict)',
          '  ok                               leadTime.p50 = 9d 12h (wanted <= 10d)',
          '  not measured: failed (--strict)  stages.pickup.p50 not measured: git alone cannot see it, it needs GitHub data (set GH_TOKEN or run `gh auth login`) (wanted <= 1d)',
          '',
        ].join('\n'),
      );
      expect(renderGateMarkdown(strict.results)).toContain('| ❌ not measured (--strict) | `stages.pickup.p50` | &lt;= 1d | — |');
    });

    it('json: strict, how many failed, and each threshold\'s verdict', () => {
      const json = JSON.parse(renderGateJson(strict, subject, { strict: true })) as { strict: boolean; failed: number; results: Array<{ status: string; failed: boolean }> };
      expect(json).toMatchObject({ strict: true, failed: 1 });
      expect(json.results.map((r) => [r.status, r.failed])).toEqual([['ok', false], ['not measured', true]]);
      expect(JSON.parse(renderGateJson(strict, subject))).not.toHaveProperty('strict');
    });
  });
});
