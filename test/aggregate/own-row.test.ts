import { describe, expect, it } from 'vitest';
import { Combiner } from '../../src/aggregate/combine.js';
import { digestReport } from '../../src/aggregate/digest.js';
import { ownRow, reportRow } from '../../src/aggregate/own-row.js';
import type { Report } from '../../src/report/schema.js';
import { VERSION } from '../../src/version.js';
import { change, D, deploy, H, report } from './report-builder.js';

/*
 * acme/one over January (now Jan 29): lead times 2h, 4h, 6h, the first AI-assisted; one change merged Jan 20 and
 * never deployed (unreleased 9 days at now); one its queues count, merged Feb 2 after its window.
 * acme/two: one change, lead time 10h.
 */
const january = { since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z' };
const deployed = (lead: number, mergedAt: string, more: Parameters<typeof change>[0] = {}): Parameters<typeof change>[0] => ({
  leadTime: lead * H, cycleTime: lead * H / 2, stages: { coding: (lead * H) / 2, deploy: (lead * H) / 2 }, mergedAt, ...more,
});
const one = report({
  repository: { path: '/r/one', remote: 'acme/one' },
  window: january,
  now: '2026-01-29T00:00:00Z',
  changes: [
    change(deployed(2, '2026-01-05T00:00:00Z', { aiAssisted: true, aiEvidence: ['Co-authored-by: Claude'] })),
    change(deployed(4, '2026-01-08T00:00:00Z')),
    change(deployed(6, '2026-01-12T00:00:00Z')),
    change({ mergedAt: '2026-01-20T00:00:00Z', cycleTime: 5 * H, stages: { coding: 5 * H } }),
  ],
  queueOnlyChanges: [change({ firstCommitAt: '2026-01-25T00:00:00Z', mergedAt: '2026-02-02T00:00:00Z', cycleTime: 8 * D, stages: { coding: 8 * D } })],
});
const two = report({ repository: { path: '/r/two', remote: 'acme/two' }, window: january, now: '2026-01-29T00:00:00Z', changes: [change(deployed(10, '2026-01-06T00:00:00Z'))] });

/** The aggregate of `reports`, each repository's row made from its report alone (as the worker threads do) or not. */
function rows(reports: Report[], own: boolean): NonNullable<Report['repositories']> {
  const combiner = new Combiner();
  for (const r of reports) {
    const digest = digestReport(r);
    combiner.add(digest, r.repository.path, own ? ownRow(digest) : undefined);
  }
  return combiner.finish({ generatedAt: '2026-01-29T00:00:00Z' }).repositories ?? [];
}

describe("a repository's row made from its report alone", () => {
  it('is the row the whole makes from the changes it holds', () => {
    const made = rows([one, two], true);
    expect(made).toEqual(rows([one, two], false));
    const [first] = made;
    expect(first?.changes).toBe(4);
    expect(first?.leadTimeP50).toBe(4 * H);
    expect(first?.unreleased).toEqual({ count: 1, p50Age: 9 * D, oldestAge: 9 * D });
    expect(first?.summary.ai).toEqual({ assisted: 1, other: 3, agent: 0, weak: 0, tools: [{ tool: 'unknown', name: 'an AI tool it does not name', changes: 1, weak: 0 }], lowerBound: true });
  });

  it('is made again where the whole reads it otherwise: another report seen later makes the whole\'s now later', () => {
    const later = { ...two, now: '2026-02-02T00:00:00Z' };
    const [first] = rows([one, later], true);
    // made again, its change still waiting has waited Jan 20 → Jan 29, as its own report saw it: not until Feb 2,
    // the whole's now, as whether it shipped after Jan 29 is unknown
    expect(first?.unreleased).toEqual({ count: 1, p50Age: 9 * D, oldestAge: 9 * D });
    expect(rows([one, later], true)).toEqual(rows([one, later], false));
  });

  it('is made again where bot changes count in its report but not in the whole', () => {
    const bots = { ...one, policy: { ...one.policy, includeBots: true }, changes: [...one.changes, change({ ...deployed(30, '2026-01-15T00:00:00Z'), bot: true })] };
    const [first] = rows([bots, two], true);
    // the bot's change is left out: as without it, 4 changes
    expect(first?.changes).toBe(4);
    expect(first?.summary.excluded.bots).toBe(1);
  });
});

describe("a repository's row read from its report", () => {
  // figures a builder would never make from these changes: the row must be the report's, not made again
  const recommendation = { id: 'pickup-slow', measure: 'Pickup time p50', value: '3d (threshold 1d)', tellsYou: 'waits', doNext: 'review sooner', impact: 40, figure: 'summary.stages.pickup.p50', threshold: '1d' };
  const written = report({
    tool: { name: 'flowaudit', version: VERSION },
    repository: { path: '/r/three', remote: 'acme/three' },
    window: { ...january, historyFrom: '2026-01-03T00:00:00Z' },
    deploys: [deploy(), deploy({ failed: true })],
    changes: [change(deployed(2, '2026-01-05T00:00:00Z'))],
    summary: {
      changes: 7,
      leadTime: { count: 7, p50: 5 * H },
      cycleTime: { count: 7, p50: 2 * H },
      dora: { deploymentFrequency: { value: 1.5 }, changeFailureRate: { value: 0.5 } },
      unreleased: { count: 1, p50Age: 2 * D, oldestAge: 2 * D, oldest: ['#9'], oldestChanges: [{ id: '#9', title: 'Nine', url: null, mergedAt: '2026-01-27T00:00:00Z', age: 2 * D }] },
      wip: { open: 1, drafts: 0, p50Age: D, p90Age: D, activeAuthors: 2, perAuthor: 0.5, ageHistogram: [], oldest: [{ number: 4, title: 'Four', url: null, author: 'ada', isDraft: false, age: D }] },
    },
    recommendations: [recommendation],
  });

  it('holds the figures the report holds, its items naming the repository, its series left in the report', () => {
    const row = reportRow(written);
    expect(row).toMatchObject({
      name: 'acme/three',
      path: '/r/three',
      window: { since: '2026-01-01T00:00:00Z', until: '2026-01-29T00:00:00Z', historyFrom: '2026-01-03T00:00:00Z' },
      deploySignal: 'tags',
      changes: 7,
      leadTimeP50: 5 * H,
      cycleTimeP50: 2 * H,
      deploys: 2,
      failedDeploys: 1,
      deploymentFrequency: 1.5,
      changeFailureRate: 0.5,
      unreleased: { count: 1, p50Age: 2 * D, oldestAge: 2 * D },
      topRecommendation: { id: 'pickup-slow', measure: 'Pickup time p50', value: '3d (threshold 1d)' },
    });
    expect(row?.summary.unreleased.oldestChanges).toEqual([{ id: '#9', title: 'Nine', url: null, mergedAt: '2026-01-27T00:00:00Z', age: 2 * D, repository: 'acme/three' }]);
    expect(row?.summary.wip?.oldest[0]).toEqual({ number: 4, title: 'Four', url: null, author: 'ada', isDraft: false, age: D, repository: 'acme/three' });
    expect(['trend', 'slowest', 'queues', 'reviewCapacity'].filter((k) => row !== undefined && k in row.summary)).toEqual([]);
  });

  it('has no top recommendation when the report found its flow healthy', () => {
    expect(reportRow({ ...written, recommendations: [{ ...recommendation, id: 'healthy' }] })?.topRecommendation).toBeNull();
    expect(reportRow({ ...written, recommendations: [] })?.topRecommendation).toBeNull();
  });

  it('is not read from a report another version wrote, nor from one over several repositories: those rows are made again', () => {
    expect(reportRow({ ...written, tool: { name: 'flowaudit', version: '0.0.9' } })).toBeUndefined();
    expect(reportRow({ ...written, repositories: [] })).toBeUndefined();
  });
});
