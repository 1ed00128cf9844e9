import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchWorkflowRuns } from '../../../src/sources/github/index.js';
import { at, invalidRequests, optionsFor, serve, tempDir } from './helpers.js';

const NOW = at('2024-04-01T00:00:00Z');
const OLD = 'a'.repeat(40);
const RECENT = 'b'.repeat(40);
const RUNNING = 'c'.repeat(40);
const UNKNOWN = 'd'.repeat(40);

const suite = (status: string, conclusion: string | null, time: string): unknown => ({
  status, conclusion, updatedAt: time,
  workflowRun: { updatedAt: time, event: 'push', file: { path: '.github/workflows/deploy.yml' }, workflow: { name: 'Deploy', resourcePath: '/acme/shop/actions/workflows/deploy.yml' } },
});

/** An old commit whose deploy finished, one of the last hours, and an old one whose deploy still runs. */
const scenario = {
  repositories: {
    'acme/shop': {
      defaultBranchRef: { name: 'main' },
      commits: [
        { oid: OLD, checkSuites: [suite('COMPLETED', 'SUCCESS', '2024-03-10T10:20:00Z')] },
        { oid: RECENT, checkSuites: [suite('COMPLETED', 'SUCCESS', '2024-03-31T20:20:00Z')] },
        { oid: RUNNING, checkSuites: [suite('IN_PROGRESS', null, '2024-03-20T10:00:00Z')] },
      ],
    },
  },
};
const commits = [
  { sha: OLD, at: at('2024-03-10T10:00:00Z') },
  { sha: RECENT, at: at('2024-03-31T20:00:00Z') },
  { sha: RUNNING, at: at('2024-03-20T09:00:00Z') },
  { sha: UNKNOWN, at: at('2024-03-21T09:00:00Z') },
];

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(): Promise<{ srv: Awaited<ReturnType<typeof serve>>; dir: string }> {
  const srv = await serve(scenario as never);
  const cache = tempDir();
  cleanups.push(() => srv.close(), cache.remove);
  return { srv, dir: cache.dir };
}

/** The commits a WorkflowRuns request asked for, by their aliases' variables. */
const askedIn = (variables: Record<string, unknown> | null | undefined): unknown[] => Object.entries(variables ?? {}).filter(([k]) => /^o\d+$/.test(k)).map(([, v]) => v);

describe('workflow runs from GitHub', () => {
  it('reads every commit cold, then asks again only for what may still change', async () => {
    const { srv, dir } = await setUp();
    const cold = await fetchWorkflowRuns(optionsFor(srv, dir, { now: NOW }), commits);
    expect(cold.runs.map((r) => [r.sha, r.status, r.conclusion, r.updatedAt])).toEqual([
      [OLD, 'COMPLETED', 'SUCCESS', at('2024-03-10T10:20:00Z')],
      [RECENT, 'COMPLETED', 'SUCCESS', at('2024-03-31T20:20:00Z')],
      [RUNNING, 'IN_PROGRESS', null, at('2024-03-20T10:00:00Z')],
    ]);
    expect(cold.requests).toBe(1);
    // settled: the old commit whose run finished; not: one under a day old, one still running, one GitHub does not know
    const warm = await fetchWorkflowRuns(optionsFor(srv, dir, { now: NOW }), commits);
    expect(warm.cached).toBe(1);
    expect(warm.runs).toEqual(cold.runs);
    expect(askedIn(srv.requests.at(-1)?.variables)).toEqual([RECENT, RUNNING, UNKNOWN]);
    // --refresh asks for everything again
    await fetchWorkflowRuns(optionsFor(srv, dir, { now: NOW, cache: { dir, noCache: false, refresh: true } }), commits);
    expect(askedIn(srv.requests.at(-1)?.variables)).toHaveLength(4);
    expect(invalidRequests(srv)).toEqual([]);
  });

  it('with --no-cache reads all and writes nothing', async () => {
    const { srv, dir } = await setUp();
    await fetchWorkflowRuns(optionsFor(srv, dir, { now: NOW, cache: { dir, noCache: true, refresh: false } }), commits);
    await fetchWorkflowRuns(optionsFor(srv, dir, { now: NOW, cache: { dir, noCache: true, refresh: false } }), commits);
    expect(srv.requests.map((r) => askedIn(r.variables).length)).toEqual([4, 4]);
    expect(existsSync(`${dir}/github-workflow-runs`)).toBe(false);
  });

  it('asks a hundred commits a request', async () => {
    const { srv, dir } = await setUp();
    const many = Array.from({ length: 250 }, (_, i) => ({ sha: `${i.toString(16).padStart(8, '0')}${'f'.repeat(32)}`, at: at('2024-03-02T00:00:00Z') + i * 600 }));
    const read = await fetchWorkflowRuns(optionsFor(srv, dir, { now: NOW }), many);
    expect(read.requests).toBe(3);
    expect(srv.requests.map((r) => askedIn(r.variables).length)).toEqual([100, 100, 50]);
  });

  it('an empty answer stands while the tip does: nothing is asked again until something is pushed', async () => {
    const { srv, dir } = await setUp();
    const none = 'e'.repeat(40);
    // RECENT has runs (under a day old: asked again); UNKNOWN, GitHub does not know; NONE, a commit with no suite
    const scenarioNone = { repositories: { 'acme/shop': { defaultBranchRef: { name: 'main' }, commits: [...scenario.repositories['acme/shop'].commits, { oid: none, checkSuites: [] }] } } };
    const srvNone = await serve(scenarioNone as never);
    cleanups.push(() => srvNone.close());
    const asked = [commits[1], commits[3], { sha: none, at: at('2024-03-31T22:00:00Z') }] as Array<{ sha: string; at: number }>;
    await fetchWorkflowRuns(optionsFor(srvNone, dir, { now: NOW }), asked, 'tip1');
    const warm = await fetchWorkflowRuns(optionsFor(srvNone, dir, { now: NOW }), asked, 'tip1');
    expect(warm.cached).toBe(2);
    expect(askedIn(srvNone.requests.at(-1)?.variables)).toEqual([RECENT]);
    // the tip moved: the empty answers are asked again
    const moved = await fetchWorkflowRuns(optionsFor(srvNone, dir, { now: NOW }), asked, 'tip2');
    expect(moved.cached).toBe(0);
    expect(askedIn(srvNone.requests.at(-1)?.variables)).toEqual([RECENT, UNKNOWN, none]);
    // without a tip nothing stands but what settled (the former behaviour)
    await fetchWorkflowRuns(optionsFor(srvNone, dir, { now: NOW }), asked);
    expect(askedIn(srvNone.requests.at(-1)?.variables)).toHaveLength(3);
    expect(srv.requests).toEqual([]);
    expect(invalidRequests(srvNone)).toEqual([]);
  });
});
