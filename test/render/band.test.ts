import { describe, expect, it } from 'vitest';
import { bandText } from '../../src/render/band.js';
import { bandOf, catalogueEntries } from '../../src/metrics/catalogue.js';

const D = 86400;
const table = (path: string) => {
  const bands = catalogueEntries().find((e) => e.path === path)?.bands;
  if (!bands) throw new Error(`no bands for ${path}`);
  return bands;
};

describe('bandText: a DORA band as the report words it, its range from the catalogue', () => {
  it('writes each lead-time band with the range the catalogue puts it in (1d, 7d, 30d)', () => {
    expect(bandText('leadTime', 'elite')).toBe('elite performer band (DORA 2024): under 1d');
    expect(bandText('leadTime', 'high')).toBe('high performer band (DORA 2024): 1d to 7d');
    expect(bandText('leadTime', 'medium')).toBe('medium performer band (DORA 2024): 7d to 30d');
    expect(bandText('leadTime', 'low')).toBe('low performer band (DORA 2024): at least 30d');
  });

  it('agrees with bandOf: a value in each band lies in the range written for it', () => {
    // 3 days is high (1d to 7d), 40 days low (at least 30d)
    expect(bandOf(table('dora.leadTime'), 3 * D)).toBe('high');
    expect(bandOf(table('dora.leadTime'), 40 * D)).toBe('low');
    // 12% and 20% of deploys failed: medium, "10% to 20%" (the 2024 clusters' medium 10% and high 20%, in order, edges inclusive)
    expect(bandOf(table('dora.changeFailureRate'), 0.12)).toBe('medium');
    expect(bandOf(table('dora.changeFailureRate'), 0.2)).toBe('medium');
    expect(bandOf(table('dora.changeFailureRate'), 0.21)).toBe('low');
    expect(bandText('changeFailureRate', 'medium')).toBe('medium performer band (DORA 2024): 10% to 20%');
    expect(bandText('changeFailureRate', 'elite')).toBe('elite performer band (DORA 2024): at most 5%');
  });

  it('writes a rate under one a week per month, the better side first for a higher-is-better key', () => {
    expect(bandText('deploymentFrequency', 'elite')).toBe('elite performer band (DORA 2024): at least 7 a week');
    expect(bandText('deploymentFrequency', 'medium')).toBe('medium performer band (DORA 2024): 1 a month to 1 a week');
    expect(bandText('deploymentFrequency', 'low')).toBe('low performer band (DORA 2024): under 1 a month');
  });

  it('names the report year the bands come from', () => {
    expect(bandText('timeToRestore', 'medium')).toBe('medium performer band (DORA 2024): 1d to 7d');
    expect(table('dora.timeToRestore').source).toBe('2024 Accelerate State of DevOps Report');
  });

  it('has no words for a key without a band table, or no band', () => {
    expect(bandText('reworkRate', 'low')).toBe('');
    expect(bandText('leadTime', null)).toBe('');
  });
});
