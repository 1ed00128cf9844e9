#!/usr/bin/env node
// flowaudit benchmark. `npm run bench` (builds first) or `node bench/run.mjs [options]`.
//
//   --only git|github|aggregate   run one section (default: all)
//   --cases a,b,…         git cases to run: release, synthetic, merges, small (default: all four)
//   --repo PATH           also measure an existing repository (any number of times); its branch is HEAD's
//   --since DATE          window start for every case (default 2000-01-01: the whole history); git log gets it too
//   --runs N              runs per command (default 3: median wall time, max peak RSS; 3 times as many under
//                         3,000 commits), the commands of a case interleaved
//   --text                also measure `--format text`
//   --rebuild             rebuild the generated repositories even if their stamps are current
//   --timeout S           give up on one command after S seconds (default 900)
//   --reports N           aggregate: how many reports (see bench/aggregate.mjs)
//
// A bench reports, it does not gate: exit 0 even when a target fails; exit 1 only when it cannot measure at all
// (git missing, a generated repository not built, a baseline failing), exit 2 on bad options.
//
// Sections are functions `async ({root, opts, print}) => rows`; a row is either {line: '…'} or a table row
// ({command, wallS, rssMB, ratio} or any other keys; {command, error} for a command that could not be measured).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeStats, ensureSyntheticRepo } from './synthetic-repo.mjs';
import { RELEASE_CASES, describeReleaseStats, ensureReleaseRepo } from './release-repo.mjs';
import { describeMergesStats, ensureMergesRepo } from './merges-repo.mjs';
import { RSS_PROBE, hasGnuTime, measureInterleaved, runLine, timeOnce } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLOWAUDIT_BIN = path.join(root, 'bin', 'flowaudit.js');
const STARTUP_PROBE = new URL('./startup-probe.mjs', import.meta.url).href;
const NOW = '2026-11-02T00:00:00Z';
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 250;
// under this many commits, fixed costs dominate: the target is the floor (git log) plus this many seconds
const SMALL_COMMITS = 3000;
const TARGET_SMALL_EXTRA_S = 0.3;
// … and each command runs this many times --runs there
const SMALL_RUNS_FACTOR = 3;

class BenchFatal extends Error {}

const print = (...a) => console.log(...a);

// ---------------------------------------------------------------------------------------------- options

const CASE_IDS = ['release', 'synthetic', 'merges', 'small'];

function parseArgs(argv) {
  const opts = { only: null, cases: CASE_IDS, repos: [], since: '2000-01-01', runs: 3, text: false, rebuild: false, timeoutS: 900 };
  const usage = 'usage: node bench/run.mjs [--only git|github|aggregate] [--cases release,synthetic,merges,small] [--repo PATH]… [--since DATE] [--runs N] [--text] [--rebuild] [--timeout S] [--reports N]';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) bad(`${flag} needs a value`);
      return v;
    };
    const int = (v, min) => { const n = Number(v); if (!Number.isInteger(n) || n < min) bad(`${flag}: expected an integer >= ${min}`); return n; };
    switch (flag) {
      case '--only': opts.only = value(); if (!SECTIONS.some((s) => s.name === opts.only)) bad(`--only: expected ${SECTIONS.map((s) => s.name).join('|')}`); break;
      case '--cases': opts.cases = value().split(',').filter(Boolean); if (opts.cases.some((c) => !CASE_IDS.includes(c))) bad(`--cases: expected some of ${CASE_IDS.join(',')}`); break;
      case '--repo': opts.repos.push(path.resolve(value())); break;
      case '--since': opts.since = value(); if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) bad('--since: expected YYYY-MM-DD'); break;
      case '--runs': opts.runs = int(value(), 1); break;
      case '--text': opts.text = true; break;
      case '--rebuild': opts.rebuild = true; break;
      case '--timeout': opts.timeoutS = int(value(), 1); break;
      case '--reports': opts.reports = int(value(), 1); break;
      case '-h': case '--help': print(usage); process.exit(0); break;
      default: bad(`unknown option ${a}`);
    }
  }
  return opts;
  function bad(msg) { console.error(`bench: ${msg}\n${usage}`); process.exit(2); }
}

// ---------------------------------------------------------------------------------------------- git section

function gitVersion() {
  const r = spawnSync('git', ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? null : r.stdout.trim().replace(/^git version /, '');
}

function gitLine(repo, args) {
  const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: cleanEnv() });
  return r.status === 0 ? r.stdout.trim() : null;
}

function cleanEnv() {
  const env = { ...process.env };
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[k];
  return env;
}

/**
 * The repositories to measure: the generated ones asked for (built when missing or stale), then `--repo` ones.
 * Each is {label, repo, rel, branch, now, commits, describe}.
 */
async function casesToRun(opts) {
  const cases = [];
  const generated = {
    release: () => ensureReleaseRepo(RELEASE_CASES.large, { force: opts.rebuild, log: print }).then((b) => ({ b, describe: describeReleaseStats(b.stats), commits: b.stats.mainCommits })),
    synthetic: () => ensureSyntheticRepo({ force: opts.rebuild, log: print }).then((b) => ({ b, describe: describeStats(b.stats), commits: b.stats.commits })),
    merges: () => ensureMergesRepo({ force: opts.rebuild, log: print }).then((b) => ({ b, describe: describeMergesStats(b.stats), commits: b.stats.commits })),
    small: () => ensureReleaseRepo(RELEASE_CASES.small, { force: opts.rebuild, log: print }).then((b) => ({ b, describe: describeReleaseStats(b.stats), commits: b.stats.mainCommits })),
  };
  for (const id of CASE_IDS.filter((c) => opts.cases.includes(c))) {
    let built;
    try {
      built = await generated[id]();
    } catch (err) {
      throw new BenchFatal(`${id} repo build failed: ${err.message}`);
    }
    const { b } = built;
    const rel = path.relative(process.cwd(), b.repo) || b.repo;
    cases.push({ label: `${id}: ${rel} (${b.rebuilt ? `built in ${b.seconds.toFixed(1)} s` : `up to date, built in ${b.seconds} s`})`,
      repo: b.repo, rel, branch: 'main', now: NOW, commits: built.commits, describe: built.describe });
  }
  for (const repo of opts.repos) {
    const branch = gitLine(repo, ['symbolic-ref', '--short', 'HEAD']);
    const tipAt = gitLine(repo, ['log', '-1', '--format=%ct', 'HEAD']);
    if (!branch || !tipAt) throw new BenchFatal(`${repo}: not a git repository with a checked-out branch`);
    const commits = Number(gitLine(repo, ['rev-list', '--count', branch]));
    const firstParent = Number(gitLine(repo, ['rev-list', '--count', '--first-parent', branch]));
    const tags = (gitLine(repo, ['tag']) ?? '').split('\n').filter(Boolean).length;
    // now: a day after the tip, so reruns give the same report
    const now = new Date((Number(tipAt) + 86400) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    cases.push({ label: `repo: ${repo}`, repo, rel: repo, branch, now, commits,
      describe: `${commits.toLocaleString('en-US')} commits on ${branch} (${firstParent.toLocaleString('en-US')} first-parent), ${tags} tags; --now ${now}` });
  }
  return cases;
}

/**
 * `git log` over the branch as flowaudit reads it for sizes. A clone that lacks some file contents (a partial
 * clone) makes git die on them: the baseline then leaves those paths out (`:(exclude)`), which costs git the
 * same walk and nearly the same diffs; the row says so.
 */
function baselineArgs(c, since) {
  const args = ['-C', c.repo, 'log', '--first-parent', '--diff-merges=first-parent', '--numstat', '-M'];
  if (since !== '2000-01-01') args.push(`--since=${since}T00:00:00Z`);
  args.push(c.branch);
  const missing = missingPaths(c);
  if (missing.length > 0) args.push('--', '.', ...missing.map((p) => `:(exclude,literal)${p}`));
  return { args, missing };
}

function missingPaths(c) {
  const list = spawnSync('git', ['-C', c.repo, 'rev-list', '--objects', '--missing=print', c.branch], { encoding: 'utf8', env: cleanEnv(), maxBuffer: 1 << 30 });
  if (list.status !== 0) return [];
  const missing = new Set(list.stdout.split('\n').filter((l) => l.startsWith('?')).map((l) => l.slice(1)));
  if (missing.size === 0) return [];
  // the paths those objects had: rev-list names only the objects it has, so read them from the raw diffs
  // of the same walk (tree diffs only, no file contents needed)
  const raw = spawnSync('git', ['-C', c.repo, 'log', '--first-parent', '--diff-merges=first-parent', '--raw', '--no-abbrev', '--no-renames', '-z', '--format=', c.branch], { encoding: 'utf8', env: cleanEnv(), maxBuffer: 1 << 30 });
  const paths = new Set();
  // -z: ':<modes> <old> <new> <status>' NUL '<path>' NUL
  const fields = raw.stdout.split('\0');
  for (let i = 0; i + 1 < fields.length; i++) {
    const head = fields[i].replace(/^\n+/, '');
    if (!head.startsWith(':')) continue;
    const [, , oldSha, newSha] = head.split(' ');
    if (missing.has(oldSha) || missing.has(newSha)) paths.add(fields[i + 1]);
    i++;
  }
  return [...paths];
}

/** One instrumented run: when the first git process started, how many came before the history read, in all. */
async function startup(c, args, env, timeoutMs) {
  const file = path.join(os.tmpdir(), `flowaudit-bench-startup-${process.pid}.json`);
  const runEnv = { ...env, FLOWAUDIT_BENCH_STARTUP_FILE: file, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${STARTUP_PROBE}`.trim() };
  const node = await timeOnce(process.execPath, ['-e', '0'], { env: cleanEnv() });
  const r = await timeOnce(FLOWAUDIT_BIN, args, { cwd: root, env: runEnv, timeoutMs });
  let probe = null;
  try { probe = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* the run failed */ }
  fs.rmSync(file, { force: true });
  if (!r.ok || !probe) return `startup: not measured (${r.ok ? 'no probe output' : 'flowaudit failed'})`;
  const git = probe.events.filter((e) => e.file === 'git');
  // the history read: the first `git log` that streams commits with their messages
  const history = git.findIndex((e) => e.args.includes('log') && e.args.some((a) => a.startsWith('--format=%H%x00')));
  const s = (ms) => `${(ms / 1000).toFixed(3)} s`;
  // the sizes' read (the floor's own walk) runs beside the others, from as early as it can
  const sizes = git.find((e) => e.args.includes('--numstat'));
  const before = (history === -1 ? git : git.slice(0, history)).filter((e) => e !== sizes);
  const chain = before.length === 0 ? 0 : Math.max(...before.map((e) => e.closed ?? e.at)) - before[0].at;
  return `startup (one instrumented run): node alone ${s(node.wallS * 1000)}; first git process at ${git[0] ? s(git[0].at) : '-'} ` +
    `(module loading and setup); sizes read started at ${sizes ? s(sizes.at) : '-'}; ${before.length} other git process${before.length === 1 ? '' : 'es'} before the history read ` +
    `(${s(chain)} from the first's start to the last's end), history read started at ${history === -1 ? '-' : s(git[history].at)}, ` +
    `first byte at ${history === -1 || git[history].firstByte == null ? '-' : s(git[history].firstByte)}; ${git.length} git processes in all; exit at ${s(probe.exitAt)}`;
}

async function gitSection({ root, opts, print }) {
  const rows = [];
  const env = cleanEnv();
  const timeoutMs = opts.timeoutS * 1000;
  const window = opts.since === '2000-01-01' ? 'whole history' : `since ${opts.since}`;
  for (const c of await casesToRun(opts)) {
    print(`\n-- ${c.label}`);
    print(`  ${c.describe}; ${window}`);
    const { args: gitArgs, missing } = baselineArgs(c, opts.since);
    if (missing.length > 0) print(`  this clone lacks the contents of ${missing.length} path(s): git log leaves them out (${missing.join(', ')})`);
    const report = (...extra) => ['report', c.repo, '--format', 'json', '--since', opts.since, '--now', c.now, '--no-github', ...extra];
    // issue 38 words its merges target as 'within 1.5x of git log --numstat': that plain walk (every commit's
    // diff, merges none) is measured beside the floor in the same runs and its ratio printed, never in its place.
    // A whole-history read of a complete clone only: where the floor leaves paths out, so would this
    const plain = opts.since === '2000-01-01' && missing.length === 0;
    const commands = [
      { label: 'git log --first-parent --numstat -M', cmd: 'git', args: gitArgs, baseline: true },
      ...(plain ? [{ label: 'git log --numstat', cmd: 'git', args: ['-C', c.repo, 'log', '--numstat', c.branch], reference: true }] : []),
      // run as a user's shell runs it (npx flowaudit): the bin, through its shebang, which sets node's memory flags
      { label: 'flowaudit json', cmd: FLOWAUDIT_BIN, args: report(), target: true },
      { label: 'flowaudit json --deploy-from merge', cmd: FLOWAUDIT_BIN, args: report('--deploy-from', 'merge'), target: true },
    ];
    if (opts.text) commands.push({ label: 'flowaudit text', cmd: FLOWAUDIT_BIN, args: ['report', c.repo, '--since', opts.since, '--now', c.now, '--no-github'] });
    // a run under a second is at the mercy of one spike of the machine's load: the small cases' medians are over more
    const runs = c.commits < SMALL_COMMITS ? opts.runs * SMALL_RUNS_FACTOR : opts.runs;
    print(`  measuring, ${runs} run${runs > 1 ? 's' : ''} each, interleaved (stdout to /dev/null):`);
    for (const x of commands) print(`    ${x.label}: ${x.cmd === 'git' ? 'git' : 'bin/flowaudit.js'} ${x.args.join(' ').replaceAll(c.repo, c.rel)}`);

    const table = [];
    let baseline = null;
    let reference = null;
    const targets = [];
    const built = fs.existsSync(path.join(root, 'dist', 'cli.js'));
    const measured = commands.filter((x) => x.cmd === 'git' || built);
    // the memory probe rides in NODE_OPTIONS, since the bin is executed, not passed to node
    const results = await measureInterleaved(
      measured.map((x) => ({ ...x, env: x.cmd === 'git' ? env : { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${RSS_PROBE}`.trim() } })),
      { runs, cwd: root, timeoutMs, onRun: (x, i, r) => print(runLine(x.label, i, runs, r)) },
    );
    for (const x of commands) {
      const at = measured.indexOf(x);
      const m = at === -1 ? { ok: false, error: 'dist/cli.js not found: npm run build' } : results[at];
      if (!m.ok) {
        if (x.baseline) throw new BenchFatal(`git log failed on ${c.rel}: ${m.error}`);
        if (x.reference) { table.push({ command: x.label, error: m.error }); continue; }
        table.push({ command: x.label, error: `flowaudit not built/failed: ${m.error}` });
        targets.push({ label: x.label, failed: true });
        continue;
      }
      if (x.baseline) baseline = m.wallS;
      if (x.reference) reference = m.wallS;
      const row = { command: x.label, wallS: m.wallS, cpuS: m.cpuS, rssMB: m.rssMB, selfRssMB: m.selfRssMB, ratio: m.wallS / baseline };
      if (x.target) targets.push({ label: x.label, row });
      table.push(row);
    }
    rows.push(...table.map((r) => ({ ...r, case: c.rel })));
    renderRows(table);
    for (const t of targets) {
      if (t.failed) { print(`  target (${t.label}): FAIL (not measured)`); continue; }
      const { row } = t;
      if (c.commits < SMALL_COMMITS) {
        const budget = baseline + TARGET_SMALL_EXTRA_S;
        print(`  target: ${t.label} <= floor + ${TARGET_SMALL_EXTRA_S} s (${budget.toFixed(2)} s) -> ${row.wallS <= budget ? 'PASS' : 'FAIL'} (${row.wallS.toFixed(2)} s, floor ${baseline.toFixed(2)} s)`);
      } else {
        print(`  target: ${t.label} ratio <= ${TARGET_RATIO} -> ${row.ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'} (${row.ratio.toFixed(2)}x)`);
        if (reference !== null) {
          const r = row.wallS / reference;
          print(`  against plain git log: ${t.label} <= ${TARGET_RATIO}x git log --numstat (${reference.toFixed(2)} s) -> ${r <= TARGET_RATIO ? 'PASS' : 'FAIL'} (${r.toFixed(2)}x)`);
        }
        print(row.rssMB == null
          ? `  target: ${t.label} peak RSS <= ${TARGET_RSS_MB} MB -> FAIL (not measured: ${hasGnuTime() ? 'no GNU time report' : '/usr/bin/time missing'})`
          : `  target: ${t.label} peak RSS <= ${TARGET_RSS_MB} MB -> ${row.rssMB <= TARGET_RSS_MB ? 'PASS' : 'FAIL'} (${row.rssMB.toFixed(0)} MB)`);
      }
    }
    if (c.commits < SMALL_COMMITS) print(`  ${await startup(c, commands.find((x) => x.target).args, env, timeoutMs)}`);
  }
  return [];
}

// ---------------------------------------------------------------------------------------------- github section

async function githubSection({ root, print }) {
  const file = path.join(root, 'bench', 'github.mjs');
  if (!fs.existsSync(file)) return [{ line: 'github: not yet measured' }];
  const mod = await import(pathToFileURL(file).href);
  if (typeof mod.default !== 'function') return [{ line: 'github: bench/github.mjs has no default export function' }];
  const rows = await mod.default({ root, print });
  return Array.isArray(rows) ? rows : [];
}

// ---------------------------------------------------------------------------------------------- aggregate section

async function aggregateSection(ctx) {
  const mod = await import(pathToFileURL(path.join(ctx.root, 'bench', 'aggregate.mjs')).href);
  return mod.default(ctx);
}

const SECTIONS = [
  { name: 'git', title: 'git: flowaudit vs git log --first-parent --diff-merges=first-parent --numstat -M over the same branch', run: gitSection },
  { name: 'github', title: 'github: fixture-server requests, query cost, cold vs warm', run: githubSection },
  { name: 'aggregate', title: 'aggregate: flowaudit aggregate over 1,000 two-year reports vs JSON.parse of them', run: aggregateSection },
];

// ---------------------------------------------------------------------------------------------- output

const LABELS = { command: 'command', wallS: 'wall s', cpuS: 'cpu s', rssMB: 'peak RSS MB', selfRssMB: 'node own MB', ratio: 'ratio vs baseline', outputMB: 'output MB' };

function fmt(key, v) {
  if (v == null) return key === 'selfRssMB' ? '-' : 'n/a';
  if (typeof v !== 'number') return String(v);
  if (key === 'ratio') return `${v.toFixed(2)}x`;
  if (key === 'rssMB' || key === 'selfRssMB' || key === 'outputMB') return v.toFixed(1);
  if (key === 'wallS' || key === 'cpuS') return v.toFixed(2);
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function renderRows(rows) {
  const table = rows.filter((r) => !('line' in r));
  if (table.length) {
    const keys = [];
    for (const r of table) for (const k of Object.keys(r)) if (k !== 'error' && !keys.includes(k)) keys.push(k);
    const cells = table.map((r) => (r.error ? [fmt('command', r.command), r.error] : keys.map((k) => fmt(k, r[k]))));
    const head = keys.map((k) => LABELS[k] ?? k);
    const width = head.map((h, i) => Math.max(h.length, ...cells.filter((c) => c.length === keys.length).map((c) => c[i].length)));
    const line = (c) => c.map((x, i) => (i === 0 ? x.padEnd(width[i]) : x.padStart(width[i]))).join('  ');
    print(line(head));
    print(width.map((w) => '-'.repeat(w)).join('  '));
    for (const c of cells) print(c.length === keys.length ? line(c) : `${c[0].padEnd(width[0])}  ${c[1]}`);
  }
  for (const r of rows) if ('line' in r) print(r.line);
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const gv = gitVersion();
  if (!gv) throw new BenchFatal('git not found on PATH');
  print(`flowaudit bench: node ${process.version}, git ${gv}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)${hasGnuTime() ? '' : ', /usr/bin/time missing: no peak RSS'}`);
  for (const s of SECTIONS) {
    if (opts.only && s.name !== opts.only) continue;
    print(`\n== ${s.title} ==`);
    renderRows(await s.run({ root, opts, print }));
  }
  print(`\nload at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min)`);
}

try {
  await main();
} catch (err) {
  if (err instanceof BenchFatal) {
    console.error(`bench: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
