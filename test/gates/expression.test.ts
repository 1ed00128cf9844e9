import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { parseThreshold, parseThresholds } from '../../src/gates/expression.js';

describe('parseThreshold', () => {
  it.each([
    ['leadTime.p50<=7d', ['leadTime', 'p50'], '<=', 7 * 86400, 'd'],
    ['stages.pickup.p75<=24h', ['stages', 'pickup', 'p75'], '<=', 24 * 3600, 'h'],
    ['cycleTime.p90 < 90m', ['cycleTime', 'p90'], '<', 5400, 'm'],
    ['stages.deploy.mean>=30s', ['stages', 'deploy', 'mean'], '>=', 30, 's'],
    ['dora.timeToRestore>2w', ['dora', 'timeToRestore', 'value'], '>', 14 * 86400, 'w'],
    ['dora.changeFailureRate<=15%', ['dora', 'changeFailureRate', 'value'], '<=', 0.15, '%'],
    ['dora.deploymentFrequency>=1', ['dora', 'deploymentFrequency', 'value'], '>=', 1, null],
    ['dora.deploymentFrequency.deployDaysPerWeek>=2.5', ['dora', 'deploymentFrequency', 'deployDaysPerWeek'], '>=', 2.5, null],
    ['changes>=10', ['changes'], '>=', 10, null],
    ['summary.flow.size.over400<0.2', ['flow', 'size', 'over400'], '<', 0.2, null],
    ['stages.review.share!=50%', ['stages', 'review', 'share'], '!=', 0.5, '%'],
    ['flow.reverted==0', ['flow', 'reverted'], '==', 0, null],
    ['leadTime.p50<=3600s', ['leadTime', 'p50'], '<=', 3600, 's'],
    ['stages.deploy.p50==0', ['stages', 'deploy', 'p50'], '==', 0, null],
    ['  leadTime.p50 <= 1.5 d ', ['leadTime', 'p50'], '<=', 1.5 * 86400, 'd'],
  ])('%s', (expression, segments, operator, value, unit) => {
    const t = parseThreshold(expression);
    expect(t).toMatchObject({ segments, operator, unit });
    expect(t.value).toBeCloseTo(value as number, 9);
  });

  it('keeps the path as written, without the summary. prefix', () => {
    expect(parseThreshold('summary.flow.size.over400<0.2').path).toBe('flow.size.over400');
    expect(parseThreshold('dora.changeFailureRate<=15%').path).toBe('dora.changeFailureRate');
  });

  it.each([
    ['', "invalid threshold '': empty expression"],
    ['leadTime.p50', "invalid threshold 'leadTime.p50': no operator (use <=, <, >=, >, == or !=)"],
    ['leadTime.p50=<7d', "invalid threshold 'leadTime.p50=<7d': unknown operator '=<' (use <=, <, >=, >, == or !=)"],
    ['leadTime.p50=7d', "invalid threshold 'leadTime.p50=7d': unknown operator '=' (use <=, <, >=, >, == or !=)"],
    ['leadTime.p50<>7d', "invalid threshold 'leadTime.p50<>7d': unknown operator '<>' (use <=, <, >=, >, == or !=)"],
    ['<=7d', "invalid threshold '<=7d': empty path (name a figure such as leadTime.p50)"],
    ['summary.<=7d', "invalid threshold 'summary.<=7d': empty path (name a figure such as leadTime.p50)"],
    ['lead time.p50<=7d', "invalid threshold 'lead time.p50<=7d': bad path 'lead time.p50' (names joined by dots, such as stages.pickup.p75)"],
    ['leadTime.p50<=', "invalid threshold 'leadTime.p50<=': no value after '<='"],
    ['leadTime.p50<=7x', "invalid threshold 'leadTime.p50<=7x': unknown unit 'x' (use s, m, h, d, w, mo, y or %)"],
    ['leadTime.p50<=7days', "invalid threshold 'leadTime.p50<=7days': unknown unit 'days' (use s, m, h, d, w, mo, y or %)"],
    ['leadTime.p50<=seven', "invalid threshold 'leadTime.p50<=seven': 'seven' is not a number"],
    ['leadTime.p50<=-1d', "invalid threshold 'leadTime.p50<=-1d': '-1d' is not a number"],
    ['leadTime.p55<=7d', "invalid threshold 'leadTime.p55<=7d': unknown figure 'leadTime.p55': did you mean 'leadTime.p50'? (leadTime has count, p50, p75, p90, mean, censored, atLeast, bounds)"],
    ['leadtime.p50<=7d', "invalid threshold 'leadtime.p50<=7d': unknown figure 'leadtime.p50': did you mean 'leadTime.p50'? (the summary has changes, excluded, stages, shareBasis, cycleTime, leadTime, leadTimeDeployed, unreleased, flow, ai, dora, repair, acceptance, aiDefects, aiLoad, review, rework, ci, wip, queueTrend, capacity)"],
    ['dora.changeFailRate<=15%', "invalid threshold 'dora.changeFailRate<=15%': unknown figure 'dora.changeFailRate': did you mean 'dora.changeFailureRate'? (dora has deploymentFrequency, leadTime, changeFailureRate, timeToRestore, reworkRate)"],
    ['stages.pikcup.p75<=1d', "invalid threshold 'stages.pikcup.p75<=1d': unknown figure 'stages.pikcup.p75': did you mean 'stages.pickup.p75'? (stages has coding, pickup, review, merge, deploy)"],
    ['leadTime.p50<7', "invalid threshold 'leadTime.p50<7': 7 what? write 7d (or 7h, 7m: a duration takes a unit)"],
    ['stages.pickup.p75<=1.5', "invalid threshold 'stages.pickup.p75<=1.5': 1.5 what? write 1.5d (or 1.5h, 1.5m: a duration takes a unit)"],
    ['dora.timeToRestore<=3600', "invalid threshold 'dora.timeToRestore<=3600': 3600 what? write 3600s (or 3600m, 3600h: a duration takes a unit)"],
    ['stages.qa.p50<=1d', "invalid threshold 'stages.qa.p50<=1d': unknown figure 'stages.qa.p50' (stages has coding, pickup, review, merge, deploy)"],
    ['leadTime<=7d', "invalid threshold 'leadTime<=7d': 'leadTime' is a group: name one of its figures (count, p50, p75, p90, mean, censored, atLeast, bounds)"],
    ['changes.total>1', "invalid threshold 'changes.total>1': 'changes' is a single figure and has no 'total'"],
    ['leadTime.p50<=15%', "invalid threshold 'leadTime.p50<=15%': leadTime.p50 is a duration: use s, m, h, d, w, mo or y, not '%'"],
    ['dora.changeFailureRate<=1d', "invalid threshold 'dora.changeFailureRate<=1d': dora.changeFailureRate is a ratio: use % or a plain number, not 'd'"],
    ['flow.size.over400<20', "invalid threshold 'flow.size.over400<20': flow.size.over400 is a ratio between 0 and 1: write 20% or 0.2"],
    ['changes>=10d', "invalid threshold 'changes>=10d': changes is a count and takes no unit ('d')"],
    ['flow.size.p50<=400%', "invalid threshold 'flow.size.p50<=400%': flow.size.p50 is a plain number and takes no unit ('%')"],
  ])('rejects %j', (expression, message) => {
    expect(() => parseThreshold(expression)).toThrow(ConfigError);
    expect(() => parseThreshold(expression)).toThrow(message);
    try {
      parseThreshold(expression);
    } catch (error) {
      expect((error as ConfigError).message).toBe(message);
      expect((error as ConfigError).exitCode).toBe(2);
    }
  });

  it('reads a duration in parts, or in months, with the duration parser the flags use', () => {
    expect(parseThreshold('leadTime.p50<=1d 12h')).toMatchObject({ value: 36 * 3600, unit: 'd' });
    expect(parseThreshold('leadTime.p50<2mo')).toMatchObject({ value: 60 * 86400, unit: 'mo' });
    expect(parseThreshold('stages.pickup.p75<=90m')).toMatchObject({ value: 5400, unit: 'm' });
  });

  it('names the first bad expression of a list', () => {
    expect(() => parseThresholds(['leadTime.p50<=7d', 'dora.changeFailureRate<=15q'])).toThrow(
      "invalid threshold 'dora.changeFailureRate<=15q': unknown unit 'q' (use s, m, h, d, w, mo, y or %)",
    );
  });

  it('keeps control characters out of the message', () => {
    expect(() => parseThreshold('lead\u001b[31mTime<=1d')).toThrow("invalid threshold 'lead[31mTime<=1d'");
  });
});
