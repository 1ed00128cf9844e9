import { describe, expect, it } from 'vitest';
import { aggregateReports } from '../../src/aggregate/aggregate.js';
import { comparedChange, comparedValue, deployRateText, formatPerWeek } from '../../src/render/duration.js';
import { withSign } from '../../src/units.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { change, deploy, H, report } from '../aggregate/report-builder.js';

describe('a rate per week', () => {
  it('has two decimals wherever it is written, so a slow release train does not read as none', () => {
    expect(formatPerWeek(0.04)).toBe('0.04');
    expect(formatPerWeek(0.25)).toBe('0.25');
    expect(formatPerWeek(2)).toBe('2.00');
    expect(formatPerWeek(null)).toBe('—');
    expect(deployRateText({ value: 0.04, unit: 'deploys/week', band: null, count: 12, deployDaysPerWeek: 0.03 })).toBe('0.04 per week · 0.03 deploy-days per week');
  });

  // two repositories over the same four weeks, one deploy and two: 0.25 and 0.50 a week, each its own; the whole
  // the median repository's, 0.375 (never 3 deploys summed over 4 weeks, 0.75)
  const merged = (mergedAt: string) => change({ mergedAt, leadTime: H, cycleTime: H, stages: { coding: H, deploy: 0 } });
  const one = report({ repository: { path: '/r/one', remote: 'acme/one' }, changes: [merged('2026-01-05T00:00:00Z')], deploys: [deploy({ at: '2026-01-05T10:00:00Z' })] });
  const two = report({
    repository: { path: '/r/two', remote: 'acme/two' },
    changes: [merged('2026-01-12T00:00:00Z')],
    deploys: [deploy({ at: '2026-01-12T10:00:00Z' }), deploy({ at: '2026-01-19T10:00:00Z' })],
  });
  const all = aggregateReports([one, two]);

  it('reads the same in the headline as in the repositories\' table, in every format', () => {
    expect(all.summary.dora.deploymentFrequency.value).toBeCloseTo(0.375, 12);
    const md = renderMarkdown(all);
    expect(md).toContain('**0.38** deploys per week');
    expect(md).toContain('| **3** | **0.38** |');
    expect(md).toMatch(/\| acme\/one \|[^\n]*\| 1 \| 0\.25 \|/);
    const html = renderHtml(all);
    // the key figure's tile and the repositories' table
    expect(html).toMatch(/>Deploys per week<\/span><b>0\.38<\/b>/);
    expect(html).toContain('<td class="num">0.38</td>');
    const text = renderText(all, { color: false, width: 200 });
    expect(text).toContain('the median repository: 0.38 per week');
    expect(text).toMatch(/│ all 2 +│[^\n]*│ +3 │ +0\.38 │/);
  });
});

// one writer for every compared figure (compare, the previous period, the AI shift, the AI comparison): before it,
// compare wrote `-4h` and `13.3%`, the AI shift a ratio's change as `+12.5%`, and a zero was `0` on one page, `0s` on another
describe('a compared figure and its change', () => {
  it('writes a value in its unit as the report writes it', () => {
    expect(comparedValue(5400, 'seconds')).toBe('1h 30m');
    expect(comparedValue(0.133, 'ratio')).toBe('13%');
    expect(comparedValue(0.038, 'ratio')).toBe('3.8%');
    expect(comparedValue(2.333, 'deploys/week')).toBe('2.33/wk');
    expect(comparedValue(3.25, 'changes')).toBe('3.3');
    expect(comparedValue(null, 'seconds')).toBe('—');
  });

  it('signs a change with the minus every page writes, a ratio change in percentage points, and a zero with no sign', () => {
    expect(comparedChange(-16200, 'seconds')).toBe('−4h 30m');
    expect(comparedChange(3600, 'seconds')).toBe('+1h');
    expect(comparedChange(0.125, 'ratio')).toBe('+13 pp');
    expect(comparedChange(-0.095, 'ratio')).toBe('−9.5 pp');
    expect(comparedChange(-0.64, 'changes/week')).toBe('−0.64/wk');
    expect(comparedChange(1.5, 'changes')).toBe('+1.5');
    // zero, and what rounds to it as written, is the unit's zero, unsigned
    expect(comparedChange(0, 'seconds')).toBe('0s');
    expect(comparedChange(0.2, 'seconds')).toBe('0s');
    expect(comparedChange(-0.001, 'deploys/week')).toBe('0.00/wk');
    expect(comparedChange(0, 'ratio')).toBe('0 pp');
    expect(comparedChange(null, 'ratio')).toBe('—');
    // a growth that rounds to none has no direction either
    expect(withSign(0.001, formatPerWeek)).toBe('0.00');
    expect(withSign(-0.2, (s) => `${Math.round(s)}s`)).toBe('0s');
  });
});
