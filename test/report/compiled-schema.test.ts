import { describe, expect, it } from 'vitest';
import { reportProblems } from '../../src/report/invariants.js';
import { reportSchema, type Report } from '../../src/report/schema.js';
import { change, deploy, H, report } from '../aggregate/report-builder.js';

/*
 * The compiled report schemas (dist/aggregate/validate-report.js's `report` and `digest`, written by `npm run
 * build` from the zod schema) must accept exactly what zod accepts: aggregate takes what they accept without
 * asking zod. Every leaf of a report is replaced in turn by values of every other kind, and each must give
 * zod's verdict.
 */
const load = (name: 'report' | 'digest'): Promise<((data: unknown) => boolean) | null> =>
  import(new URL('../../dist/aggregate/validate-report.js', import.meta.url).href).then(
    (m: Record<string, ((data: unknown) => boolean) | undefined>) => m[name] ?? null,
    () => null,
  );
const compiled = await load('report');
const digest = await load('digest');

const review = { reviewers: [{ login: 'bo', reviews: 2 }], reviewedAt: [1767500000, 1767550000], firstReviewer: 'bo', comments: 3, commitsAfterFirstReview: 1, forcePushesAfterFirstReview: 0, changesRequested: true, checks: { wallTime: 600, lastCompletedAt: 1767600000, names: ['build'], flaky: [] } };
const sample = report({
  sources: ['git', 'github'],
  window: { since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z', historyFrom: '2026-01-03T00:00:00Z' },
  changes: [
    change({
      leadTime: 5 * H, cycleTime: 4 * H, stages: { coding: H, review: 3 * H, deploy: H }, additions: 10, deletions: 2, files: 1, review, firstReviewAt: '2026-01-04T12:00:00Z', lastCommitAt: '2026-01-04T10:00:00Z', flags: ['unreviewed'], aiEvidence: ['Made-with: Cursor'],
      // a monorepo's change of two products: the second's own deploy of it a week later, the third's not yet
      products: ['api', 'web', 'cli'],
      productDeploys: [
        { product: 'api', ref: 'api@1.0.0', deployedAt: '2026-01-10T01:00:00Z', deployWait: H, leadTime: 5 * H },
        { product: 'web', ref: 'web@2.0.0', deployedAt: '2026-01-17T01:00:00Z', deployWait: 7 * 24 * H + H, leadTime: 7 * 24 * H + 5 * H },
        { product: 'cli', ref: null, deployedAt: null, deployWait: null, leadTime: null },
      ],
    }),
  ],
  queueOnlyChanges: [change({ mergedAt: '2026-01-30T00:00:00Z', firstCommitAt: '2026-01-20T00:00:00Z', cycleTime: 10 * 24 * H, stages: { coding: 10 * 24 * H } })],
  deploys: [deploy({ failed: true, restoredAfter: 2 * H, failureReasons: ['reverted'] })],
  // its counts agree with its lists, as a report's must (src/report/invariants.ts)
  summary: { changes: 1, ai: { assisted: 1, other: 0, lowerBound: true }, dora: { deploymentFrequency: { count: 1 } } },
  openPulls: [
    { number: 9, title: 'wip', url: null, author: 'ada', bot: false, createdAt: '2026-01-20T00:00:00Z', isDraft: false, events: { readyAt: '2026-01-20T00:00:00Z', firstReviewAt: null, approvedAt: null, reviewedAt: ['2026-01-21T00:00:00Z'] } },
  ],
});

function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => leaves(v, [...path, k]))];
}

function replaced(at: Array<string | number>, by: unknown): unknown {
  const copy = structuredClone(sample) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1] as string | number;
  if (by === undefined) delete node[last];
  else node[last] = by;
  return copy;
}

/**
 * What reading a report takes that a compiled validator accepted (`parseReport`): its verdict, then the rules
 * between fields (zod's refinement, which JSON Schema cannot state) on what it accepted.
 */
const verdict = (validate: (data: unknown) => boolean) => (data: unknown): boolean => validate(data) && reportProblems(data as Report).length === 0;

describe('the compiled report schema (npm run build writes it; npm test builds first)', () => {
  const accepts = (data: unknown): boolean => verdict(compiled as (data: unknown) => boolean)(data);

  it('accepts a valid report, as zod does', () => {
    expect(compiled).not.toBeNull();
    expect(reportSchema.safeParse(sample).success).toBe(true);
    expect(accepts(structuredClone(sample))).toBe(true);
  });

  it('fills in what zod fills in and drops what zod drops: a report read back is what zod would return', () => {
    const older = structuredClone(sample) as unknown as Record<string, unknown> & { policy: Record<string, unknown>; changes: Array<Record<string, unknown> & { review: Record<string, unknown> }> };
    delete older.queueOnlyChanges;
    delete older.policy.revertWindow;
    delete older.policy.includePrereleases;
    delete older.changes[0]?.lastCommitAt;
    delete older.changes[0]?.review.reviewedAt;
    // a key the schema does not name is dropped, as zod drops it: it never reaches an aggregate's lists
    older.injected = '<script>';
    (older.changes[0] as Record<string, unknown>).injected = 1;
    const zod = reportSchema.parse(structuredClone(older));
    expect(accepts(older)).toBe(true);
    expect(older).toEqual(zod);
    expect(older).toMatchObject({ queueOnlyChanges: [], policy: { revertWindow: 14 * 86400, includePrereleases: false }, changes: [{ lastCommitAt: null, review: { reviewedAt: [] } }] });
  });

  it.each([
    ['report', () => compiled],
    ['digest', () => digest],
  ])('%s: gives zod\'s verdict for every leaf replaced by another kind of value, or left out', (_name, validator) => {
    const validate = validator();
    expect(validate).not.toBeNull();
    const kinds: unknown[] = [undefined, null, 'x', '2026-02-30T00:00:00Z', -1, 1.5, 0, true, {}, []];
    const differ: string[] = [];
    let checked = 0;
    for (const at of leaves(sample).filter((p) => p.length > 0)) {
      for (const by of kinds) {
        const data = replaced(at, by);
        const zod = reportSchema.safeParse(data).success;
        checked++;
        if (verdict(validate as (data: unknown) => boolean)(data) !== zod) differ.push(`${at.join('.')} = ${JSON.stringify(by) ?? 'left out'}: zod ${zod ? 'accepts' : 'rejects'}`);
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('digest: drops what zod drops but within a listed change, where an unknown field stays (the digest never reads it)', () => {
    const data = structuredClone(sample) as unknown as Record<string, unknown> & { summary: Record<string, unknown>; policy: Record<string, unknown>; changes: Array<Record<string, unknown> & { review: Record<string, unknown> }>; queueOnlyChanges: Array<Record<string, unknown>>; deploys: Array<Record<string, unknown>> };
    delete data.policy.revertWindow;
    data.injected = '<script>';
    data.summary.injected = 1;
    data.policy.injected = 1;
    (data.deploys[0] as Record<string, unknown>).injected = 1;
    (data.changes[0] as Record<string, unknown>).injected = 1;
    (data.changes[0]?.review as Record<string, unknown>).injected = 1;
    (data.queueOnlyChanges[0] as Record<string, unknown>).injected = 1;
    const zod = reportSchema.parse(structuredClone(data));
    expect((digest as (data: unknown) => boolean)(data)).toBe(true);
    expect(data).not.toHaveProperty('injected');
    expect(data.summary).not.toHaveProperty('injected');
    expect(data.policy).toEqual({ ...zod.policy });
    expect(data.policy.revertWindow).toBe(14 * 86400);
    expect(data.deploys[0]).not.toHaveProperty('injected');
    expect(data.changes[0]).toMatchObject({ injected: 1, review: { injected: 1 } });
    expect(data.queueOnlyChanges[0]).toMatchObject({ injected: 1 });
    const { injected: _a, review: { injected: _b, ...review }, ...change } = data.changes[0] as Record<string, unknown> & { review: Record<string, unknown> };
    expect({ ...change, review }).toEqual(zod.changes[0]);
  });
});
