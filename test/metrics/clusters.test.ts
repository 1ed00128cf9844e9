import { describe, expect, it } from 'vitest';
import { catalogueEntries, type BandTable } from '../../src/metrics/catalogue.js';
import { clusterAtLeast, clusterPosition, clusterUnder, positionParts } from '../../src/metrics/clusters.js';
import { clusterText } from '../../src/render/band.js';

const H = 3600;
const D = 86400;
const table = (path: string): BandTable => {
  const bands = catalogueEntries().find((e) => e.path === path)?.bands;
  if (!bands) throw new Error(`no published clusters for ${path}`);
  return bands;
};
const at = (path: string, value: number) => clusterPosition(table(path), value);

/*
 * The 2024 State of DevOps report's clusters, as it published them: deployment frequency elite on demand (multiple
 * deploys per day), high between once per day and once per week, medium between once per week and once per month,
 * low between once per month and once every six months; lead time elite less than one day, high one day to one
 * week, medium one week to one month, low one month to six months; change failure rate elite 5%, high 20%, medium
 * 10%, low 40%; recovery elite less than one hour, high and medium less than one day, low one week to one month.
 */
describe('a DORA key against the 2024 clusters as published', () => {
  it('names a range key with the cluster whose published range holds it, quoting the range', () => {
    expect(at('dora.leadTime', 3 * D)).toEqual({ cluster: 'high', words: 'DORA 2024: high cluster, between one day and one week' });
    expect(at('dora.leadTime', 12 * H)).toEqual({ cluster: 'elite', words: 'DORA 2024: elite cluster, less than one day' });
    expect(at('dora.leadTime', 40 * D)).toEqual({ cluster: 'low', words: 'DORA 2024: low cluster, between one month and six months' });
    // 1.45 deploys a week: between once per day and once per week
    expect(at('dora.deploymentFrequency', 1.45)).toEqual({ cluster: 'high', words: 'DORA 2024: high cluster, between once per day and once per week' });
    expect(at('dora.deploymentFrequency', 10)).toMatchObject({ cluster: 'elite' });
    expect(at('dora.deploymentFrequency', 0.5)).toMatchObject({ cluster: 'medium', words: 'DORA 2024: medium cluster, between once per week and once per month' });
  });

  it('gives an edge two ranges share to the better cluster', () => {
    // exactly one a day is both "on demand" and "between once per day and once per week"; one a week both high and medium
    expect(at('dora.deploymentFrequency', 7)).toMatchObject({ cluster: 'elite' });
    expect(at('dora.deploymentFrequency', 1)).toMatchObject({ cluster: 'high' });
    expect(at('dora.leadTime', D)).toMatchObject({ cluster: 'high' });
    expect(at('dora.leadTime', 7 * D)).toMatchObject({ cluster: 'high' });
  });

  it('says a value past every published range is past it, in no cluster', () => {
    // a deploy every eight months: less often than the low cluster’s "once every six months"
    expect(at('dora.deploymentFrequency', 1 / 35)).toEqual({ cluster: null, words: 'DORA 2024: under the low cluster’s “between once per month and once every six months”' });
    expect(at('dora.leadTime', 200 * D)).toEqual({ cluster: null, words: 'DORA 2024: over the low cluster’s “between one month and six months”' });
  });

  it('writes the change failure rate with the published values it lies between, never a band the report did not publish', () => {
    expect(at('dora.changeFailureRate', 0.07)).toEqual({ cluster: null, words: 'DORA 2024: between the elite cluster’s 5% and the medium cluster’s 10%' });
    expect(at('dora.changeFailureRate', 0.03)).toEqual({ cluster: null, words: 'DORA 2024: at or under the elite cluster’s 5%' });
    expect(at('dora.changeFailureRate', 0.05)).toEqual({ cluster: null, words: 'DORA 2024: at or under the elite cluster’s 5%' });
    expect(at('dora.changeFailureRate', 0.1)).toEqual({ cluster: null, words: 'DORA 2024: at the medium cluster’s 10%' });
    // 3 in 20 deploys: 15%, between medium's 10% and high's 20% — in the published order of values, not of clusters
    expect(at('dora.changeFailureRate', 3 / 20)).toEqual({ cluster: null, words: 'DORA 2024: between the medium cluster’s 10% and the high cluster’s 20%' });
    expect(at('dora.changeFailureRate', 0.3)).toEqual({ cluster: null, words: 'DORA 2024: between the high cluster’s 20% and the low cluster’s 40%' });
    expect(at('dora.changeFailureRate', 0.5)).toEqual({ cluster: null, words: 'DORA 2024: over the low cluster’s 40%' });
  });

  it('writes recovery time against its published values: high and medium share "less than one day", nothing holds a day to a week', () => {
    expect(at('dora.timeToRestore', 30 * 60)).toEqual({ cluster: 'elite', words: 'DORA 2024: elite cluster, less than one hour' });
    expect(at('dora.timeToRestore', 6 * H)).toEqual({ cluster: 'high', words: 'DORA 2024: high and medium clusters, less than one day' });
    expect(at('dora.timeToRestore', 3 * D)).toEqual({ cluster: null, words: 'DORA 2024: between the high and medium clusters’ “less than one day” and the low cluster’s “between one week and one month”' });
    expect(at('dora.timeToRestore', 10 * D)).toEqual({ cluster: 'low', words: 'DORA 2024: low cluster, between one week and one month' });
    expect(at('dora.timeToRestore', 45 * D)).toEqual({ cluster: null, words: 'DORA 2024: over the low cluster’s “between one week and one month”' });
  });

  it('places a median known only as a bound where the bound decides it', () => {
    expect(clusterAtLeast(table('dora.leadTime'), 40 * D)).toEqual({ cluster: null, words: 'DORA 2024: the low cluster’s “between one month and six months”, or over it' });
    expect(clusterAtLeast(table('dora.leadTime'), 10 * D)).toBeNull();
  });

  it('places no deploy in a window by what a rate under one deploy in it may be', () => {
    // none in 90 days (under 0.078 a week) may still be one every six months: the low cluster, or under it
    expect(clusterUnder(table('dora.deploymentFrequency'), 7 / 90)).toEqual({ cluster: null, words: 'DORA 2024: the low cluster’s “between once per month and once every six months”, or under it' });
    // none in a year is under every cluster: the value's own place says so
    expect(clusterUnder(table('dora.deploymentFrequency'), 7 / 365)).toBeNull();
    expect(clusterUnder(table('dora.leadTime'), 1)).toBeNull();
  });

  it('is written by every format from the report\'s words; a report from before them names its band', () => {
    expect(clusterText({ band: 'high', position: 'DORA 2024: high cluster, between one day and one week' })).toBe('DORA 2024: high cluster, between one day and one week');
    expect(clusterText({ band: null, position: null })).toBe('');
    expect(clusterText({ band: 'medium' })).toBe('DORA 2024: medium cluster');
  });

  it('reads a position back as the year and the place it was written with, never words it did not write', () => {
    expect(positionParts('DORA 2024: between the elite cluster’s 5% and the medium cluster’s 10%')).toEqual({ year: 2024, place: 'between the elite cluster’s 5% and the medium cluster’s 10%' });
    expect(positionParts(clusterAtLeast(table('dora.leadTime'), 40 * D)?.words ?? '')).toEqual({ year: 2024, place: 'the low cluster’s “between one month and six months”, or over it' });
    // every key's positions: durations from a minute to a year, deploys a week from one in two years to twenty,
    // failure rates from 0 to 0.9
    for (const path of ['dora.deploymentFrequency', 'dora.leadTime', 'dora.timeToRestore', 'dora.changeFailureRate']) {
      const values = path === 'dora.changeFailureRate' ? [0, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.9] : path === 'dora.deploymentFrequency' ? [0.01, 0.1, 0.5, 3, 20] : [60, H, 6 * H, D, 3 * D, 10 * D, 45 * D, 365 * D];
      for (const value of values) {
        const { words } = at(path, value);
        const parts = positionParts(words);
        expect(parts?.year, `${path} ${value}`).toBe(table(path).year);
        expect(`DORA ${parts?.year}: ${parts?.place}`).toBe(words);
        expect(parts?.place).not.toMatch(/^DORA/);
      }
    }
    expect(positionParts('high cluster')).toBeNull();
    expect(positionParts('')).toBeNull();
  });
});
