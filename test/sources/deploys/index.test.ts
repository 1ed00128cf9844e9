import { describe, expect, it } from 'vitest';
import { chooseSignal, signalDetail } from '../../../src/audit/deploys.js';
import { DEPLOY_SOURCE_NAMES, DEPLOY_SOURCES } from '../../../src/sources/deploys/index.js';
import type { SourceInput } from '../../../src/sources/deploys/source.js';
import { FIELDS } from '../../../src/config/schema.js';
import { compilePattern } from '../../../src/patterns.js';
import { reportSchema } from '../../../src/report/schema.js';
import type { TagRef } from '../../../src/sources/git/repo.js';
import type { GitHubData, GitHubWorkflowRun } from '../../../src/sources/github/index.js';

const DAY = 86400;
const environment = compilePattern('^prod');
const tag = (name: string, at: number): TagRef => ({ name, sha: name.padEnd(40, '0'), at });

/** GitHub data with one production deployment that succeeded, and one release, as the chosen kinds need. */
function gitHub(o: { deployments?: boolean; releases?: boolean }): GitHubData {
  return {
    pulls: [], openPulls: [], incidents: [], requests: 0, cost: 0, partial: false,
    deployments: o.deployments ? [{ sha: 'd'.repeat(40), ref: null, environment: 'production', createdAt: DAY, statuses: [{ state: 'SUCCESS', at: 2 * DAY }] }] : [],
    releases: o.releases ? [{ tagName: 'v2.0.0', sha: 'e'.repeat(40), createdAt: 3 * DAY, publishedAt: 3 * DAY, isPrerelease: false, isDraft: false }] : [],
  } as unknown as GitHubData;
}

const workflow = compilePattern('deploy', { ignoreCase: true });
const input = (over: Partial<SourceInput>): SourceInput => ({ github: null, tags: [], environment, includePrereleases: false, events: [], branch: [], workflowRuns: null, workflow, ...over });

/** A completed run of `name` for a commit, at `at`. */
const run = (name: string, sha: string, at: number, conclusion = 'SUCCESS'): GitHubWorkflowRun =>
  ({ sha, workflow: name, path: `.github/workflows/${name.toLowerCase()}.yml`, event: 'push', status: 'COMPLETED', conclusion, updatedAt: at });

/** Workflow runs as the audit hands them in, counting how often they were read. */
function runsRead(runs: GitHubWorkflowRun[]): { read: () => Promise<GitHubWorkflowRun[]>; reads: () => number } {
  let reads = 0;
  return { read: () => { reads += 1; return Promise.resolve(runs); }, reads: () => reads };
}

describe('the deploy-source registry', () => {
  it('registers each source under its own name, and the flag, the config and the report take exactly those', () => {
    for (const name of DEPLOY_SOURCE_NAMES) expect(DEPLOY_SOURCES[name].meta.name).toBe(name);
    expect(FIELDS.deployFrom.options).toEqual(['auto', ...DEPLOY_SOURCE_NAMES]);
    expect(reportSchema.shape.deploySignal.shape.kind.options).toEqual(DEPLOY_SOURCE_NAMES);
  });

  it('chooses automatically in the registry order: deployments, then workflow runs, then releases, then tags, then every merge', async () => {
    const tags = [tag('v1.0.0', DAY)];
    const deploys = runsRead([run('Deploy', 'a'.repeat(40), 4 * DAY)]);
    expect((await chooseSignal(undefined, input({ github: gitHub({ deployments: true, releases: true }), tags, workflowRuns: deploys.read }))).kind).toBe('deployments');
    // a source before the workflow runs that has deploys spares their read: no request is made for them
    expect(deploys.reads()).toBe(0);
    expect((await chooseSignal(undefined, input({ github: gitHub({ releases: true }), tags, workflowRuns: deploys.read }))).kind).toBe('workflow');
    expect(deploys.reads()).toBe(1);
    const ci = runsRead([run('CI', 'a'.repeat(40), 4 * DAY)]);
    expect((await chooseSignal(undefined, input({ github: gitHub({ releases: true }), tags, workflowRuns: ci.read }))).kind).toBe('releases');
    expect(await chooseSignal(undefined, input({ github: gitHub({}), tags }))).toMatchObject({ kind: 'tags', refs: tags });
    expect(await chooseSignal(undefined, input({}))).toMatchObject({ kind: 'merge', refs: [] });
  });

  it('says why it chose automatically: what the repository lacks of the sources before it, in this mode', async () => {
    const why = async (over: Partial<SourceInput>): Promise<string> => signalDetail(await chooseSignal(undefined, input(over)), compilePattern('^v'), environment, false, undefined, workflow);
    expect(await why({ tags: [tag('v1.0.0', DAY)] })).toBe('1 final release tag matching ^v; chosen automatically: the repository has no deploys in events files');
    expect(await why({ github: gitHub({ releases: true }) })).toBe('1 published GitHub release; chosen automatically: the repository has no deploys in events files, GitHub deployments or deploy workflow runs');
    expect(await why({ events: [{ name: 'e', sha: 'e'.repeat(40), at: DAY }] })).toBe('1 deploy from the events files; chosen automatically: the most specific signal there is');
    expect(await why({ github: gitHub({}) })).toBe('no deploy signal found: every merge counts as a deploy; chosen automatically: the repository has no deploys in events files, GitHub deployments, deploy workflow runs, GitHub releases or release tags');
    // asked for, the asking is the reason: nothing is added
    expect(signalDetail(await chooseSignal('tags', input({ tags: [tag('v1.0.0', DAY)] })), compilePattern('^v'), environment, false, undefined, workflow)).toBe('1 final release tag matching ^v');
  });

  it('takes the source asked for even when it has nothing, and one more specific is then not looked at', async () => {
    expect(await chooseSignal('tags', input({ github: gitHub({ deployments: true }) }))).toEqual({ kind: 'tags', refs: [] });
    expect(await chooseSignal('merge', input({ tags: [tag('v1.0.0', DAY)] }))).toEqual({ kind: 'merge', refs: [] });
  });

  it('says which GitHub sources git-only mode cannot read, and writes each source\'s detail', () => {
    expect(DEPLOY_SOURCE_NAMES.filter((n) => DEPLOY_SOURCES[n].meta.needs === 'github')).toEqual(['deployments', 'workflow', 'releases']);
    const detail = (kind: 'tags' | 'deployments' | 'workflow', count: number, includePrereleases = false): string =>
      signalDetail({ kind, refs: Array.from({ length: count }, (_, i) => ({ name: `r${i}`, sha: 'f'.repeat(40), at: i })) }, compilePattern('^v\\d'), environment, includePrereleases, undefined, workflow);
    expect(detail('tags', 2)).toBe('2 final release tags matching ^v\\d');
    expect(detail('tags', 1, true)).toBe('1 release tag matching ^v\\d, pre-releases included');
    expect(detail('deployments', 3)).toBe('3 successful GitHub deployments to environments matching ^prod');
    expect(detail('workflow', 1)).toBe('1 successful workflow run matching deploy by workflow name or file');
  });
});
