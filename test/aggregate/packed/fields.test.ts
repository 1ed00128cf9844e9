import { describe, expect, it } from 'vitest';
import { packChanges, shaAt } from '../../../src/aggregate/packed/columns.js';
import { FLAG_FIELDS, LIST_FIELDS, NUMBER_FIELDS, TEXT_FIELDS } from '../../../src/aggregate/packed/fields.js';
import { ChangeRows } from '../../../src/aggregate/packed/rows.js';
import type { MeasuredChange } from '../../../src/domain.js';
import type { ReportChange } from '../../../src/report/schema.js';
import { change } from '../report-builder.js';

/*
 * Made from the table of fields: every field of it, packed and read back through a view where the table says
 * the view shows it, is what the report held. Each value differs from every other, so a field read from
 * another's place shows.
 */

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 10, 0, minute)).toISOString().replace('.000Z', 'Z');

/** A change with every field set, each to a value of its own. */
const full: ReportChange = change({
  id: '#7', title: 'the title', url: 'https://github.com/acme/one/pull/7', author: 'ada', revertedBy: '#9', kind: 'trailer', bot: true,
  firstCommitAt: at(1), lastCommitAt: at(2), readyAt: at(3), firstReviewAt: at(4), approvedAt: at(5), mergedAt: at(6),
  stages: { coding: 11, pickup: 12, review: 13, merge: 14, deploy: 15 }, cycleTime: 16, leadTime: 17, additions: 18, deletions: 19, files: 20, carriedPulls: 26,
  flags: ['rebased'], aiEvidence: ['trailer: Co-authored-by copilot'], aiTools: ['copilot', 'claude-code'], aiStrength: 'agent',
  review: {
    reviewers: [{ login: 'bo', reviews: 2 }], reviewedAt: [1767999600, 1768003200], firstReviewer: 'bo', comments: 21, commitsAfterFirstReview: 22,
    forcePushesAfterFirstReview: 23, changesRequested: true, checks: { wallTime: 24, lastCompletedAt: 25, names: ['ci', 'lint'], flaky: ['lint'] },
  },
});
/** A change with every field that may be null null, and no review. */
const bare: ReportChange = change({ id: '#8', mergedAt: at(30), url: 'https://github.com/acme/one/pull/8', firstCommitAt: null, review: null, flags: [], aiEvidence: [] });

/** What a view shows at `on`, by field name. */
function shown(view: MeasuredChange, on: string): Record<string, unknown> | null {
  const places: Record<string, unknown> = { change: view, stages: view.stages, size: view.size, review: view.review, checks: view.review?.checks ?? null };
  return places[on] as Record<string, unknown> | null;
}

function listed(changes: ReportChange[]): { views: MeasuredChange[]; packed: ReturnType<typeof packChanges> } {
  const packed = packChanges(changes, (c) => c.id === '#7');
  const rows = new ChangeRows();
  return { views: rows.merged([{ held: rows.hold(structuredClone(packed)), repository: 'acme/one' }]), packed };
}

describe('the table of packed fields', () => {
  const { views: [view, bareView], packed } = listed([full, bare]);

  it.each(NUMBER_FIELDS.map((f) => [f.name, f] as const))('reads the number %s back where the view shows it', (name, field) => {
    expect(field.of(full)).not.toBeNull();
    expect(shown(view as MeasuredChange, field.on)?.[name]).toBe(field.of(full));
  });

  it('holds every number a value of its own', () => {
    const values = NUMBER_FIELDS.map((f) => f.of(full));
    expect(new Set(values).size).toBe(values.length);
  });

  it.each(TEXT_FIELDS.filter((f) => f.on !== 'none').map((f) => [f.name, f] as const))('reads the text %s back where the view shows it', (name, field) => {
    expect(shown(view as MeasuredChange, field.on)?.[name]).toBe((field.of as (c: ReportChange, urlPrefix: string, keepSha: boolean) => string | null)(full, '', true));
  });

  it('gives back the URL whole and the sha only where it was kept', () => {
    expect([view?.url, bareView?.url]).toEqual([full.url, bare.url]);
    expect([shaAt(packed, 0), shaAt(packed, 1)]).toEqual([full.sha, null]);
  });

  it.each(LIST_FIELDS.map((f) => [f.name, f] as const))('reads the list %s back where the view shows it', (name, field) => {
    expect(shown(view as MeasuredChange, field.on)?.[name]).toEqual(field.of(full));
  });

  it.each(FLAG_FIELDS.map((f) => [f.name, f] as const))('keeps the flag %s apart from the kind and the other flags', (_, field) => {
    expect([field.of(full), field.of(bare)]).toEqual([true, false]);
    expect([view?.kind, bareView?.kind]).toEqual(['trailer', 'merge']);
  });

  it('reads a change without a review, size or first commit as such', () => {
    expect([bareView?.review, bareView?.size, bareView?.firstCommitAt, bareView?.cycleTime, bareView?.bot, bareView?.flags]).toEqual([null, null, null, null, false, []]);
    expect(view?.review?.reviewedAt).toEqual([1767999600, 1768003200]);
    expect([view?.review?.changesRequested, view?.size]).toEqual([true, { additions: 18, deletions: 19, files: 20 }]);
  });
});
