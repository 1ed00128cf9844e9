import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { catalogueEntries, NOT_FIGURES, type CatalogueEntry } from '../../src/metrics/catalogue.js';
import { clusterPosition } from '../../src/metrics/clusters.js';
import type { Report } from '../../src/report/schema.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { reportWithGitHub, type GitHubRun } from '../helpers/github-run.js';
import { mainScenario } from '../scenarios.js';

const TOKEN = 'ghp_catalogueTestToken0123456789abcdefAB';
const user = (login: string): { __typename: string; login: string } => ({ __typename: 'User', login });

/** Every number the summary holds outside lists, series and the parts that are no figures: its dot paths. */
function numbersOf(summary: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (typeof node === 'number') found.push(path.join('.'));
    else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (path.length === 0 && Object.hasOwn(NOT_FIGURES, key)) continue;
        walk(value, [...path, key]);
      }
    }
  };
  walk(summary, []);
  return found;
}

/**
 * Whether the summary has a number or null at the entry's place (null: not measured, but there). A figure's
 * `bounds` are there only while one of its percentiles is not reached: absent with all of them reached holds.
 */
function holds(summary: Record<string, unknown>, entry: CatalogueEntry): boolean {
  const at = (segments: readonly string[]): unknown => segments.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), summary);
  const parent = at(entry.segments.slice(0, -1));
  if (parent === undefined && entry.segments.at(-2) === 'bounds') {
    const figure = at(entry.segments.slice(0, -2)) as Record<string, unknown> | undefined;
    return figure !== undefined && ['p50', 'p75', 'p90'].every((p) => typeof figure[p] === 'number');
  }
  if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, entry.segments.at(-1) as string)) return false;
  const value = (parent as Record<string, unknown>)[entry.segments.at(-1) as string];
  return value === null || typeof value === 'number';
}

const entries = catalogueEntries();
const cataloguePaths = entries.map((e) => e.segments.join('.'));

let repo: FixtureRepo;
let git: Report;
let github: GitHubRun;

beforeAll(async () => {
  repo = mainScenario();
  git = await audit({ path: repo.dir, since: '2026-03-01', until: '2026-04-01', now: '2026-04-01T00:00:00Z', github: false });
  const pull = {
    number: 1, title: 'Add feature one', headRefName: 'f1', baseRefName: 'main', state: 'MERGED', isDraft: false, author: user('ada'),
    additions: 15, deletions: 0, changedFiles: 2, labels: [], commits: [], comments: [], timelineItems: [],
    createdAt: '2026-03-02T15:00:00Z', updatedAt: '2026-03-03T10:00:00Z', mergedAt: '2026-03-03T10:00:00Z', mergeCommit: { oid: repo.sha('pr1') },
    reviews: [{ state: 'APPROVED', submittedAt: '2026-03-03T08:00:00Z', author: user('bob') }],
  };
  const scenario = { repositories: { 'acme/app': { defaultBranchRef: { name: 'main' }, pullRequests: [pull], deployments: [], releases: [], issues: [] } } };
  github = await reportWithGitHub(repo.dir, scenario, TOKEN, ['--repo', 'acme/app', '--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z']);
});
afterAll(async () => {
  await github?.close();
  repo?.cleanup();
});

describe('the figure catalogue', () => {
  it('declares every figure of a GitHub-mode report, and the report has every figure it declares', () => {
    const numbers = numbersOf(github.report.summary);
    // the scenario measures most figures: a new one the catalogue lacks shows as a number
    expect(numbers.length).toBeGreaterThan(entries.length / 2);
    expect(numbers.filter((p) => !cataloguePaths.includes(p)), 'figures of the report missing from the catalogue').toEqual([]);
    expect(entries.filter((e) => !holds(github.report.summary, e)).map((e) => e.path), 'figures of the catalogue missing from the report').toEqual([]);
  });

  it('misses, from a git-only report, exactly the figures it says only GitHub measures', () => {
    expect(numbersOf(git.summary).filter((p) => !cataloguePaths.includes(p))).toEqual([]);
    const missing = entries.filter((e) => !holds(git.summary, e));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.filter((e) => e.modes.includes('git')).map((e) => e.path)).toEqual([]);
    // and each figure git can measure is there: none is declared GitHub-only by mistake
    const gitOnly = entries.filter((e) => !e.modes.includes('git')).map((e) => e.path);
    expect(gitOnly).toContain('stages.pickup.p50');
    expect(gitOnly).toContain('review.topTwoShare');
    expect(gitOnly).not.toContain('stages.review.p50');
  });

  it('names each figure once, the DORA keys by their own path', () => {
    const paths = entries.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('dora.leadTime');
    expect(paths).not.toContain('dora.leadTime.value');
    expect(entries.find((e) => e.path === 'stages.deploy.atLeast')?.figure.kind).toBe('duration');
    expect(paths).not.toContain('stages.coding.atLeast');
  });

  it('gives each group a metric that its module exports', async () => {
    const metrics = new Set(entries.map((e) => e.computedBy));
    for (const reference of metrics) {
      const [module, name] = reference.split(' ');
      const loaded = (await import(`../../src/${(module ?? '').replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
      expect(`${reference}: ${typeof loaded[name ?? '']}`).toBe(`${reference}: function`);
    }
  });

  it('places the DORA keys by the 2024 clusters as published: a range key in the cluster holding it, a better value never in a worse cluster', () => {
    const banded = (path: string): CatalogueEntry => entries.find((e) => e.path === path) as CatalogueEntry;
    // each value by hand against the published ranges; null where no cluster's range holds it
    const cases: Array<[string, Array<[number, string | null]>]> = [
      ['dora.deploymentFrequency', [[0, null], [2 / 52 - 1e-6, null], [2 / 52, 'low'], [12 / 52 - 1e-6, 'low'], [12 / 52, 'medium'], [0.5, 'medium'], [1, 'high'], [6.99, 'high'], [7, 'elite'], [30, 'elite']]],
      ['dora.leadTime', [[0, 'elite'], [86399, 'elite'], [86400, 'high'], [604800, 'high'], [604801, 'medium'], [30 * 86400, 'medium'], [30 * 86400 + 1, 'low'], [182 * 86400, 'low'], [183 * 86400, null]]],
      ['dora.changeFailureRate', [[0, null], [0.05, null], [0.15, null], [1, null]]],
      ['dora.timeToRestore', [[0, 'elite'], [3599, 'elite'], [3600, 'high'], [86399, 'high'], [86400, null], [604799, null], [604800, 'low'], [30 * 86400, 'low'], [30 * 86400 + 1, null]]],
    ];
    for (const [path, values] of cases) {
      const table = banded(path).bands;
      expect(table?.year, path).toBe(2024);
      for (const [value, cluster] of values) expect(`${path} ${value} ${clusterPosition(table!, value).cluster}`).toBe(`${path} ${value} ${cluster}`);
    }
    // the published words, as the 2024 report wrote them
    expect(banded('dora.changeFailureRate').bands?.published.map((p) => p.words)).toEqual(['5%', '20%', '10%', '40%']);
    expect(banded('dora.timeToRestore').bands?.published.map((p) => p.words)).toEqual(['less than one hour', 'less than one day', 'less than one day', 'between one week and one month']);
    expect(banded('dora.reworkRate').bands).toBeNull();
    expect(banded('leadTime.p50').bands).toBeNull();
  });
});
