import { describe, expect, it } from 'vitest';
import { CATALOGUE, DISTRIBUTION, type FigureGroup } from '../../src/metrics/catalogue.js';
import { catalogueOnly, catalogueSchema } from '../../src/metrics/schema.js';
import { summarySchema } from '../../src/report/schema.js';
import { report } from '../aggregate/report-builder.js';

describe('the summary\'s schema and the catalogue', () => {
  it('has a schema for every part of the summary the catalogue declares', () => {
    const shape = Object.keys(summarySchema.shape);
    for (const key of Object.keys(CATALOGUE.members)) expect(shape, key).toContain(key);
    // every part is written out today: none comes from the catalogue alone
    expect(catalogueOnly(CATALOGUE, summarySchema.shape)).toEqual({});
  });

  it('takes a part only the catalogue declares from it: a report written before it was measured reads, one since too', () => {
    const made: FigureGroup = { ...CATALOGUE, members: { ...CATALOGUE.members, madeUp: { label: 'made up:', members: { count: DISTRIBUTION.count } } } };
    const extra = catalogueOnly(made, summarySchema.shape);
    expect(Object.keys(extra)).toEqual(['madeUp']);
    const schema = summarySchema.extend(extra);
    const older = JSON.parse(JSON.stringify(report().summary));
    expect(schema.safeParse(older).success).toBe(true);
    expect(schema.parse({ ...older, madeUp: { count: 2 } }).madeUp).toEqual({ count: 2 });
    expect(schema.safeParse({ ...older, madeUp: { count: null } }).success).toBe(false);
  });

  it('makes the schema of a group the summary does not spell out from its figures, as declared', () => {
    const group: FigureGroup = { label: 'made up:', members: { ...DISTRIBUTION, within: { label: 'within', members: { count: DISTRIBUTION.count } } } };
    const schema = catalogueSchema(group);
    expect(schema.safeParse({ count: 3, p50: 60, p75: null, p90: null, mean: 30, within: { count: 1 } }).success).toBe(true);
    // a count is a non-negative whole number, never null; a figure the group declares is never left out
    expect(schema.safeParse({ count: -1, p50: 60, p75: null, p90: null, mean: 30, within: { count: 1 } }).success).toBe(false);
    expect(schema.safeParse({ count: 3, p50: null, p75: null, p90: null, mean: null, within: { count: null } }).success).toBe(false);
    expect(schema.safeParse({ count: 3, p75: null, p90: null, mean: null, within: { count: 1 } }).success).toBe(false);
  });
});
