// GitHub section of the benchmark: serves a generated repository of 5,000 merged pull requests, 1,000 closed
// without merging, and 150 backport pull requests merged into three release lines, from the fixture GraphQL server
// and measures a cold fetch and a warm re-run (nothing new; then a release line moved; then one more pull request
// closed) of the built GitHub source, both reads counted; then the
// workflow runs of 2,000 commits of a tracked branch (--deploy-from workflow): a cold read, a warm re-run, and a
// warm run after 150 new commits.
//
// Usage: imported by bench/run.mjs (`npm run bench`), or `node bench/github.mjs` after `npm run build`.
// Returns rows for run.mjs's table ({command, requests, cost, wallS, target, result}) and {line} notes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PULLS = 5000;
// pull requests closed without merging in the window (acceptance): a fifth as many as merged, agents' among them
const CLOSED = 1000;
// backport pull requests per release line: one line's list is longer than a page
const LINE_PULLS = { '1.x': 60, '2.x': 30, '3.x': 60 + 60 };
const TOKEN = 'ghp_benchToken000000000000000000000000';
const WARM_TARGET = 2;
// a warm run that finds one more closed pull request reads it with its first request: nothing more (issue 39)
const CLOSED_WARM_TARGET = 1;
const COMMITS = 2000;
const NEW_COMMITS = 150;
const DAY = 86400;
// workflow runs: ≤ 2 requests per 100 commits of the window cold, ≤ 1 warm (issue 29)
const WORKFLOW_COLD_PER_100 = 2;
const WORKFLOW_WARM_PER_100 = 1;

/**
 * @param {{ root: string, print: (...a: unknown[]) => void }} ctx
 * @returns {Promise<Array<Record<string, unknown>>>}
 */
export default async function runGitHubBench({ root, print }) {
  const entry = path.join(root, 'dist', 'sources', 'github', 'index.js');
  if (!fs.existsSync(entry)) {
    return [{ line: `github: ${path.relative(root, entry)} not found: run \`npm run build\` first (npm run bench does)` }];
  }
  const { fetchGitHub, fetchLinePulls, fetchWorkflowRuns } = await import(pathToFileURL(entry).href);
  const { startGitHubServer } = await import(pathToFileURL(path.join(root, 'fixtures', 'github-server', 'server.mjs')).href);
  const { generateScenario } = await import(pathToFileURL(path.join(root, 'fixtures', 'github-server', 'generate.mjs')).href);

  const linePulls = Object.values(LINE_PULLS).reduce((a, b) => a + b, 0);
  print(`github: serving ${PULLS} generated merged pull requests, ${CLOSED} closed without merging and ${linePulls} on release lines from the fixture server…`);
  const scenario = generateScenario({ pullRequests: PULLS });
  const served = scenario.repositories['acme/app'].pullRequests;
  served.push(...backports(), ...closedPulls(CLOSED));
  const srv = await startGitHubServer({ scenario, token: TOKEN });
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowaudit-bench-gh-'));
  const options = {
    owner: 'acme',
    name: 'app',
    apiUrl: srv.url,
    token: TOKEN,
    baseBranch: 'main',
    since: Date.parse('2023-12-01T00:00:00Z') / 1000,
    until: Date.parse('2025-01-01T00:00:00Z') / 1000,
    now: Date.parse('2025-01-01T00:00:00Z') / 1000,
    cache: { dir: cacheDir, noCache: false, refresh: false },
    partial: false,
    maxWaitSeconds: 600,
    incidentLabel: 'incident',
  };
  // the release lines as the clone has them: a moved tip is a line something was merged into since
  const lines = (tip) => Object.keys(LINE_PULLS).map((name) => ({ name, tip: `${tip}-${name}` }));
  // a run reads the tracked branch's pull requests, then the release lines'
  const both = (tip) => async () => {
    const data = await fetchGitHub(options);
    const onLines = await fetchLinePulls(options, lines(tip));
    return { ...data, linePulls: onLines.pulls.length, cachedLines: onLines.cachedLines };
  };
  try {
    const cold = await timed(both('a'), srv);
    const warm = await timed(both('a'), srv);
    const moved = await timed(async () => {
      const data = await fetchGitHub(options);
      const onLines = await fetchLinePulls(options, [{ name: '1.x', tip: 'b-1.x' }, ...lines('a').slice(1)]);
      return { ...data, linePulls: onLines.pulls.length, cachedLines: onLines.cachedLines };
    }, srv);
    // one more pull request closed without merging since (updated after all the rest): the first request reads it
    served.push(...closedPulls(1, CLOSED + 10));
    const closedOne = await timed(async () => {
      const data = await fetchGitHub(options);
      const onLines = await fetchLinePulls(options, [{ name: '1.x', tip: 'b-1.x' }, ...lines('a').slice(1)]);
      return { ...data, linePulls: onLines.pulls.length, cachedLines: onLines.cachedLines };
    }, srv);
    const invalid = srv.requests.filter((r) => r.invalid).length;
    const coldTarget = (2 * (PULLS + CLOSED + linePulls)) / 100; // ≤ 2 requests per 100 PRs, follow-ups included
    const complete = (run, closed = CLOSED) => run.data.pulls.length === PULLS && run.data.linePulls === linePulls && run.data.closedPulls.length === closed && run.data.closedComplete;
    const coldPass = cold.requests <= coldTarget && complete(cold);
    const warmPass = warm.requests <= WARM_TARGET && complete(warm);
    const movedPass = moved.requests <= WARM_TARGET && complete(moved);
    const closedPass = closedOne.requests <= CLOSED_WARM_TARGET && complete(closedOne, CLOSED + 1);
    const closedCold = cold.closedRequests;
    return [
      { command: `cold fetch, ${cold.data.pulls.length} + ${cold.data.closedPulls.length} closed + ${cold.data.linePulls} PRs`, requests: cold.requests, cost: cold.cost, wallS: cold.wallS, target: `<= ${coldTarget} requests`, result: coldPass ? 'PASS' : 'FAIL' },
      { command: 'warm re-run, nothing new', requests: warm.requests, cost: warm.cost, wallS: warm.wallS, target: `<= ${WARM_TARGET} requests`, result: warmPass ? 'PASS' : 'FAIL' },
      { command: 'warm, a release line moved', requests: moved.requests, cost: moved.cost, wallS: moved.wallS, target: `<= ${WARM_TARGET} requests`, result: movedPass ? 'PASS' : 'FAIL' },
      { command: 'warm, one more PR closed unmerged', requests: closedOne.requests, cost: closedOne.cost, wallS: closedOne.wallS, target: `<= ${CLOSED_WARM_TARGET} request`, result: closedPass ? 'PASS' : 'FAIL' },
      { line: `target: cold <= 2 requests per 100 PRs -> ${coldPass ? 'PASS' : 'FAIL'} (${((100 * cold.requests) / (PULLS + CLOSED + linePulls)).toFixed(2)} per 100; ${cold.data.deployments.length} deployments, ${cold.data.releases.length} releases, ${cold.data.incidents.length} incidents; ${cold.lineRequests} of its requests the release lines', ${closedCold} the closed pull requests' beyond the first)` },
      { line: `target: warm re-run <= ${WARM_TARGET} requests -> ${warmPass && movedPass ? 'PASS' : 'FAIL'} (${warm.requests}; ${warm.data.cachedPulls} PRs and ${warm.data.cachedLines} of ${lines('a').length} release lines from the cache; ${moved.requests} when one line moved, ${moved.lineRequests} of them the release lines)` },
      { line: `target: warm with one more PR closed unmerged <= ${CLOSED_WARM_TARGET} request -> ${closedPass ? 'PASS' : 'FAIL'} (${closedOne.requests}; ${closedOne.data.closedPulls.length} closed pull requests, the new one read with the first request)` },
      { line: `github: ${invalid === 0 ? 'every query valid against GitHub\'s schema' : `${invalid} query(ies) INVALID against GitHub's schema`}` },
      ...(await runWorkflowBench({ fetchWorkflowRuns, startGitHubServer, print })),
      ...(await runLackingBench({ fetchGitHub, fetchLinePulls, fetchWorkflowRuns, startGitHubServer, print })),
    ];
  } finally {
    await srv.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The workflow-run read's request budget: a tracked branch's commits, a commit a few hours apart, each with its
 * check suites (CI, lint, another app's checks, the deploy workflow: skipped, cancelled or failed now and then;
 * one commit in twenty with more suites than a first page holds), read cold, warm, and warm after new commits.
 */
async function runWorkflowBench({ fetchWorkflowRuns, startGitHubServer, print }) {
  print(`github: serving ${COMMITS + NEW_COMMITS} commits' check suites and workflow runs from the fixture server…`);
  const start = Date.parse('2024-01-01T00:00:00Z') / 1000;
  const commits = Array.from({ length: COMMITS + NEW_COMMITS }, (_, i) => ({ sha: oidOf(i), at: start + i * 4 * 3600 }));
  const scenario = { repositories: { 'acme/app': { defaultBranchRef: { name: 'main' }, commits: commits.map(withSuites) } } };
  const srv = await startGitHubServer({ scenario, token: TOKEN });
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowaudit-bench-wf-'));
  const old = commits.slice(0, COMMITS);
  const options = (now) => ({
    owner: 'acme', name: 'app', apiUrl: srv.url, token: TOKEN, baseBranch: 'main', since: start, until: now, now,
    cache: { dir: cacheDir, noCache: false, refresh: false }, partial: false, maxWaitSeconds: 600, incidentLabel: 'incident',
  });
  try {
    const firstNow = (old.at(-1)?.at ?? start) + 2 * DAY;
    const cold = await timed(() => fetchWorkflowRuns(options(firstNow), old), srv);
    const warm = await timed(() => fetchWorkflowRuns(options(firstNow), old), srv);
    const later = (commits.at(-1)?.at ?? start) + 2 * DAY;
    const grown = await timed(() => fetchWorkflowRuns(options(later), commits), srv);
    const invalid = srv.requests.filter((r) => r.invalid).length;
    const coldTarget = (WORKFLOW_COLD_PER_100 * COMMITS) / 100;
    const warmTarget = (WORKFLOW_WARM_PER_100 * COMMITS) / 100;
    const grownTarget = Math.floor((WORKFLOW_WARM_PER_100 * commits.length) / 100);
    const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
    const runs = cold.data.runs.length;
    return [
      { command: `workflow runs, cold, ${COMMITS} commits`, requests: cold.requests, cost: cold.cost, wallS: cold.wallS, target: `<= ${coldTarget} requests`, result: verdict(cold.requests <= coldTarget && runs > 0) },
      { command: 'workflow runs, warm re-run', requests: warm.requests, cost: warm.cost, wallS: warm.wallS, target: `<= ${warmTarget} requests`, result: verdict(warm.requests <= warmTarget && warm.data.runs.length === runs) },
      { command: `workflow runs, warm, ${NEW_COMMITS} new commits`, requests: grown.requests, cost: grown.cost, wallS: grown.wallS, target: `<= ${grownTarget} requests`, result: verdict(grown.requests <= grownTarget) },
      { line: `target: workflow runs cold <= ${WORKFLOW_COLD_PER_100} requests per 100 commits -> ${verdict(cold.requests <= coldTarget)} (${((100 * cold.requests) / COMMITS).toFixed(2)} per 100; ${runs} runs)` },
      { line: `target: workflow runs warm <= ${WORKFLOW_WARM_PER_100} request per 100 commits -> ${verdict(warm.requests <= warmTarget && grown.requests <= grownTarget)} (${((100 * warm.requests) / COMMITS).toFixed(2)} per 100 re-run; ${((100 * grown.requests) / commits.length).toFixed(2)} per 100 with ${NEW_COMMITS} new, ${grown.data.cached} from the cache)` },
      { line: `github: workflow queries ${invalid === 0 ? 'every one valid against GitHub\'s schema' : `${invalid} INVALID against GitHub's schema`}` },
    ];
  } finally {
    await srv.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * A whole warm GitHub run of a repository that has none of what is asked — no pull requests, deployments,
 * releases or incidents, a release line nothing was merged into, commits without a workflow run — read as an
 * audit reads it (the tracked branch, the release lines, the workflow runs up to the tip): 1 request warm, the
 * one that asks what is new, whatever the repository lacks (issue 38).
 */
async function runLackingBench({ fetchGitHub, fetchLinePulls, fetchWorkflowRuns, startGitHubServer, print }) {
  print(`github: serving a repository with nothing to find, ${COMMITS} commits without a workflow run…`);
  const start = Date.parse('2024-01-01T00:00:00Z') / 1000;
  const commits = Array.from({ length: COMMITS }, (_, i) => ({ sha: oidOf(i), at: start + i * 4 * 3600 }));
  const scenario = { repositories: { 'acme/bare': { defaultBranchRef: { name: 'main' }, pullRequests: [], deployments: [], releases: [], issues: [], commits: commits.map(({ sha }) => ({ oid: sha, checkSuites: [] })) } } };
  const srv = await startGitHubServer({ scenario, token: TOKEN });
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowaudit-bench-bare-'));
  const now = (commits.at(-1)?.at ?? start) + 3600;
  const options = {
    owner: 'acme', name: 'bare', apiUrl: srv.url, token: TOKEN, baseBranch: 'main', since: start, until: now, now,
    cache: { dir: cacheDir, noCache: false, refresh: false }, partial: false, maxWaitSeconds: 600, incidentLabel: 'incident',
  };
  const tip = commits.at(-1)?.sha;
  const audit = async () => {
    const data = await fetchGitHub(options);
    await fetchLinePulls(options, [{ name: '1.x', tip: 'line-tip' }]);
    return { ...data, workflow: await fetchWorkflowRuns(options, commits, tip) };
  };
  try {
    const cold = await timed(audit, srv);
    const warm = await timed(audit, srv);
    const invalid = srv.requests.filter((r) => r.invalid).length;
    const pass = warm.requests <= 1;
    return [
      { command: 'nothing to find, cold', requests: cold.requests, cost: cold.cost, wallS: cold.wallS, target: '-', result: '-' },
      { command: 'nothing to find, warm re-run', requests: warm.requests, cost: warm.cost, wallS: warm.wallS, target: '<= 1 request', result: pass ? 'PASS' : 'FAIL' },
      { line: `target: a warm run of a repository with nothing to find <= 1 request -> ${pass ? 'PASS' : 'FAIL'} (${warm.requests}; ${warm.data.workflow.cached} of ${COMMITS} commits' empty answers from the cache)` },
      ...(invalid === 0 ? [] : [{ line: `github: ${invalid} query(ies) INVALID against GitHub's schema` }]),
    ];
  } finally {
    await srv.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * Backport pull requests into the release lines, one every few hours of the window, each landed as its own commit
 * and naming the change it copies in its description, as trop writes it.
 */
function backports() {
  const start = Date.parse('2024-02-01T00:00:00Z') / 1000;
  let n = 0;
  return Object.entries(LINE_PULLS).flatMap(([base, count]) => Array.from({ length: count }, () => {
    const i = n++;
    const at = new Date((start + i * 5 * 3600) * 1000).toISOString();
    return {
      number: 100000 + i, title: `[${base}] Backported change ${i}`, baseRefName: base, headRefName: `trop/${base}-${i}`,
      body: `Backport of #${i + 1}\n\nSee that PR for details.\n\nNotes: ${'words '.repeat(40)}`,
      author: { __typename: 'Bot', login: 'trop' }, createdAt: at, updatedAt: at, mergedAt: at, mergeCommit: { oid: (i.toString(16).padStart(8, '0') + 'c'.repeat(32)).slice(0, 40) },
    };
  }));
}

/**
 * `count` pull requests into main closed without merging, numbered from `from`, one every eight hours from
 * 2024-01-05: a tenth opened by Copilot's agent (every other one a [WIP] draft it closed itself), a tenth by Devin, a
 * tenth a person's from Codex (codex/ branch, codex label); 0–3 reviews and 0–2 comments by others, 1–3 commits,
 * the closing event's actor.
 */
function closedPulls(count, from = 0) {
  const start = Date.parse('2024-01-05T00:00:00Z') / 1000;
  const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const people = ['ada', 'bob', 'carol', 'dave', 'erin'];
  const user = (login) => ({ __typename: 'User', login });
  const app = (login) => ({ __typename: 'Bot', login });
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const opened = start + i * 8 * 3600;
    const kind = i % 10;
    const failed = kind === 0 && i % 20 === 0;
    const closed = opened + (failed ? 120 : (2 + (i % 48)) * 3600);
    const person = people[i % people.length];
    const reviewer = people[(i + 1) % people.length];
    const author = kind === 0 ? app('copilot-swe-agent') : kind === 1 ? app('devin-ai-integration') : user(person);
    const branch = kind === 0 ? `copilot/change-${i}` : kind === 1 ? `devin/${opened}-change-${i}` : kind === 2 ? `codex/change-${i}` : `${person}/change-${i}`;
    return {
      number: 300000 + i, title: `${failed ? '[WIP] ' : ''}Closed change ${i}`, body: kind === 2 ? `https://chatgpt.com/codex/tasks/task_e_${i}` : `Tries ${'something '.repeat(20)}`,
      baseRefName: 'main', headRefName: branch, author, isDraft: failed, createdAt: iso(opened), updatedAt: iso(closed), closedAt: iso(closed), mergedAt: null,
      labels: kind === 2 ? [{ name: 'codex' }] : [],
      commits: Array.from({ length: 1 + (i % 3) }, (_, c) => ({ commit: { oid: (i.toString(16).padStart(8, '0') + c + 'd'.repeat(31)).slice(0, 40), authoredDate: iso(opened), committedDate: iso(opened), message: `Step ${c} of change ${i}` } })),
      reviews: failed ? [] : Array.from({ length: i % 4 }, (_, r) => ({ state: r === 0 ? 'CHANGES_REQUESTED' : 'COMMENTED', submittedAt: iso(opened + 3600 * (r + 1)), author: user(reviewer) })),
      comments: failed ? [] : Array.from({ length: i % 3 }, (_, c) => ({ body: 'why?', createdAt: iso(opened + 1800 * (c + 1)), author: user(reviewer) })),
      timelineItems: [{ __typename: 'ClosedEvent', createdAt: iso(closed), actor: failed ? app('copilot-swe-agent') : user(reviewer) }],
    };
  });
}

/** A deterministic 40-hex oid for commit `i`. */
function oidOf(i) {
  return (i.toString(16).padStart(8, '0') + 'b'.repeat(32)).slice(0, 40);
}

/** Commit `i`'s check suites: CI and lint runs, another app's checks, the deploy workflow's run (mostly a success). */
function withSuites({ sha, at }, i) {
  const iso = (s) => new Date(s * 1000).toISOString();
  const run = (name, file, conclusion, after) => ({
    status: 'COMPLETED', conclusion, updatedAt: iso(at + after),
    workflowRun: { updatedAt: iso(at + after), event: 'push', file: { path: `.github/workflows/${file}` }, workflow: { name, resourcePath: `/acme/app/actions/workflows/${file}` } },
  });
  const deploy = ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SKIPPED', 'SUCCESS', 'CANCELLED', 'SUCCESS', 'FAILURE', 'SUCCESS'][i % 10];
  const others = Array.from({ length: i % 20 === 7 ? 30 : 2 }, () => ({ status: 'COMPLETED', conclusion: 'NEUTRAL', updatedAt: iso(at + 60), workflowRun: null }));
  return { oid: sha, checkSuites: [run('CI', 'ci.yml', 'SUCCESS', 600), run('Lint', 'lint.yml', 'SUCCESS', 300), ...others, run('Deploy', 'deploy.yml', deploy, 1200)] };
}

/** Runs one fetch, counting what the server received (requests, rate-limit points) and the wall time. */
async function timed(run, srv) {
  const before = srv.requests.length;
  const started = performance.now();
  const data = await run();
  const wallS = (performance.now() - started) / 1000;
  const sent = srv.requests.slice(before);
  const lineRequests = sent.filter((r) => r.operationName === 'ReleaseLinePullRequests').length;
  const closedRequests = sent.filter((r) => r.operationName === 'ClosedPullRequests').length;
  return { data, wallS, requests: sent.length, cost: sent.reduce((sum, r) => sum + r.cost, 0), lineRequests, closedRequests };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const rows = await runGitHubBench({ root, print: (...a) => console.log(...a) });
  for (const row of rows) {
    if ('line' in row) console.log(row.line);
    else console.log(`${row.command}: ${row.requests} requests, cost ${row.cost} points, ${row.wallS.toFixed(2)} s (target ${row.target}) ${row.result}`);
  }
}
