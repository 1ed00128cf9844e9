// GitHub section of the benchmark: serves a generated repository of 5,000 merged pull requests from the fixture
// GraphQL server and measures a cold fetch and a warm re-run (nothing new) of the built GitHub source.
//
// Usage: imported by bench/run.mjs (`npm run bench`), or `node bench/github.mjs` after `npm run build`.
// Returns rows for run.mjs's table ({command, requests, cost, wallS, target, result}) and {line} notes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PULLS = 5000;
const TOKEN = 'ghp_benchToken000000000000000000000000';
const COLD_TARGET = (2 * PULLS) / 100; // ≤ 2 requests per 100 PRs, follow-ups included
const WARM_TARGET = 2;

/**
 * @param {{ root: string, print: (...a: unknown[]) => void }} ctx
 * @returns {Promise<Array<Record<string, unknown>>>}
 */
export default async function runGitHubBench({ root, print }) {
  const entry = path.join(root, 'dist', 'sources', 'github', 'index.js');
  if (!fs.existsSync(entry)) {
    return [{ line: `github: ${path.relative(root, entry)} not found: run \`npm run build\` first (npm run bench does)` }];
  }
  const { fetchGitHub } = await import(pathToFileURL(entry).href);
  const { startGitHubServer } = await import(pathToFileURL(path.join(root, 'fixtures', 'github-server', 'server.mjs')).href);
  const { generateScenario } = await import(pathToFileURL(path.join(root, 'fixtures', 'github-server', 'generate.mjs')).href);

  print(`github: serving ${PULLS} generated merged pull requests from the fixture server…`);
  const srv = await startGitHubServer({ scenario: generateScenario({ pullRequests: PULLS }), token: TOKEN });
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
  try {
    const cold = await timed(() => fetchGitHub(options), srv);
    const warm = await timed(() => fetchGitHub(options), srv);
    const invalid = srv.requests.filter((r) => r.invalid).length;
    const coldPass = cold.requests <= COLD_TARGET && cold.data.pulls.length === PULLS;
    const warmPass = warm.requests <= WARM_TARGET && warm.data.pulls.length === PULLS;
    return [
      { command: `cold fetch, ${cold.data.pulls.length} PRs`, requests: cold.requests, cost: cold.cost, wallS: cold.wallS, target: `<= ${COLD_TARGET} requests`, result: coldPass ? 'PASS' : 'FAIL' },
      { command: 'warm re-run, nothing new', requests: warm.requests, cost: warm.cost, wallS: warm.wallS, target: `<= ${WARM_TARGET} requests`, result: warmPass ? 'PASS' : 'FAIL' },
      { line: `target: cold <= 2 requests per 100 PRs -> ${coldPass ? 'PASS' : 'FAIL'} (${((100 * cold.requests) / PULLS).toFixed(2)} per 100; ${cold.data.deployments.length} deployments, ${cold.data.releases.length} releases, ${cold.data.incidents.length} incidents)` },
      { line: `target: warm re-run <= ${WARM_TARGET} requests -> ${warmPass ? 'PASS' : 'FAIL'} (${warm.requests}; ${warm.data.cachedPulls} PRs from the cache)` },
      { line: `github: ${invalid === 0 ? 'every query valid against GitHub\'s schema' : `${invalid} query(ies) INVALID against GitHub's schema`}` },
    ];
  } finally {
    await srv.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Runs one fetch, counting what the server received (requests, rate-limit points) and the wall time. */
async function timed(run, srv) {
  const before = srv.requests.length;
  const started = performance.now();
  const data = await run();
  const wallS = (performance.now() - started) / 1000;
  const sent = srv.requests.slice(before);
  return { data, wallS, requests: sent.length, cost: sent.reduce((sum, r) => sum + r.cost, 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const rows = await runGitHubBench({ root, print: (...a) => console.log(...a) });
  for (const row of rows) {
    if ('line' in row) console.log(row.line);
    else console.log(`${row.command}: ${row.requests} requests, cost ${row.cost} points, ${row.wallS.toFixed(2)} s (target ${row.target}) ${row.result}`);
  }
}
