import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../src/gates/check.js';
import { FIGURES, type FigureGroup } from '../../src/gates/figures.js';
import { report } from '../aggregate/report-builder.js';

function leaves(group: FigureGroup, prefix = ''): string[] {
  return Object.entries(group).flatMap(([key, node]) => (typeof node === 'string' ? [`${prefix}${key}`] : leaves(node, `${prefix}${key}.`)));
}

describe('FIGURES', () => {
  it('names only figures a report has (a number or null), so a threshold never silently misses', () => {
    const r = report();
    const paths = leaves(FIGURES);
    expect(paths).toContain('stages.pickup.p75');
    expect(paths).toContain('dora.changeFailureRate.value');
    for (const path of paths) {
      const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], r.summary);
      expect(value === null || typeof value === 'number', path).toBe(true);
    }
    const { results } = evaluateGates(r, paths.map((p) => `${p}>=0`));
    expect(results.every((x) => x.passed !== false)).toBe(true);
  });
});
