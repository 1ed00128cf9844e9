#!/usr/bin/env node
// flowaudit benchmark. `npm run bench` (builds first) or `node bench/run.mjs [options]`.
//
//   --only git|github|aggregate   run one section (default: all)
//   --runs N            runs per command (default 3: median wall time, max peak RSS)
//   --no-text           skip the `--format text` run
//   --rebuild           rebuild the synthetic repository even if its stamp is current
//   --commits N         size of the synthetic repository (default 100000)
//   --seed S            seed of the synthetic repository
//   --timeout S         give up on one command after S seconds (default 900)
//
// A bench reports, it does not gate: exit 0 even when a target fails; exit 1 only when it cannot measure at all
// (git missing, synthetic repository not built, baseline failing), exit 2 on bad options.
//
// Sections are functions `async ({root, opts, print}) => rows`; a row is either {line: '…'} or a table row
// ({command, wallS, rssMB, ratio} or any other keys; {command, error} for a command that could not be measured).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_COMMITS, DEFAULT_SEED, describeStats, ensureSyntheticRepo } from './synthetic-repo.mjs';
import { RSS_PROBE, hasGnuTime, measure } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLOWAUDIT_BIN = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bin', 'flowaudit.js');
const NOW = '2026-11-02T00:00:00Z';
const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 250;

class BenchFatal extends Error {}

const print = (...a) => console.log(...a);

// ---------------------------------------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { only: null, runs: 3, text: true, rebuild: false, commits: DEFAULT_COMMITS, seed: DEFAULT_SEED, timeoutS: 900 };
  const usage = 'usage: node bench/run.mjs [--only git|github|aggregate] [--runs N] [--no-text] [--rebuild] [--commits N] [--seed S] [--timeout S] [--reports N]';
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
      case '--runs': opts.runs = int(value(), 1); break;
      case '--no-text': opts.text = false; break;
      case '--rebuild': opts.rebuild = true; break;
      case '--commits': opts.commits = int(value(), 10); break;
      case '--seed': opts.seed = value(); break;
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

async function gitSection({ root, opts, print }) {
  let built;
  try {
    built = await ensureSyntheticRepo({ seed: opts.seed, commits: opts.commits, force: opts.rebuild, log: print });
  } catch (err) {
    throw new BenchFatal(`synthetic repo build failed: ${err.message}`);
  }
  const repo = built.repo;
  const rel = path.relative(process.cwd(), repo) || repo;
  print(`synthetic repo ${rel} (${built.rebuilt ? `built in ${built.seconds.toFixed(1)} s` : `up to date, built in ${built.seconds} s`}):`);
  print(`  ${describeStats(built.stats)}`);

  const env = { ...process.env };
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[k];
  const timeoutMs = opts.timeoutS * 1000;
  const progress = (label) => (i, r) => print(`  ${label}: run ${i}/${opts.runs} ${r.wallS.toFixed(2)} s${r.rssKB != null ? `, ${(r.rssKB / 1024).toFixed(0)} MB` : ''}`);

  const commands = [
    { label: 'git log --numstat (baseline)', cmd: 'git', args: ['-C', repo, 'log', '--numstat', '--format=%H', 'main'], baseline: true },
    // run as a user's shell runs it (npx flowaudit): the bin through its shebang, which sets node's flags
    { label: 'flowaudit report --format json', cmd: FLOWAUDIT_BIN, flowaudit: true, target: true,
      args: [`--import=${RSS_PROBE}`, 'report', repo, '--format', 'json', '--since', '2000-01-01', '--now', NOW, '--no-github'] },
  ];
  if (opts.text) {
    commands.push({ label: 'flowaudit report --format text', cmd: FLOWAUDIT_BIN, flowaudit: true,
      args: [`--import=${RSS_PROBE}`, 'report', repo, '--format', 'text', '--since', '2000-01-01', '--now', NOW, '--no-github'] });
  }
  print(`measuring, ${opts.runs} run${opts.runs > 1 ? 's' : ''} each (stdout to /dev/null):`);
  for (const c of commands) {
    const shown = c.args.filter((a) => !a.startsWith('--import=')).join(' ').replace(repo, rel);
    print(`  ${c.label}: ${c.cmd === 'git' ? 'git' : 'bin/flowaudit.js'} ${shown}`);
  }

  const rows = [];
  let baseline = null;
  let target = null;
  for (const c of commands) {
    let m;
    if (c.flowaudit && !fs.existsSync(path.join(root, 'bin', 'flowaudit.js'))) m = { ok: false, error: 'bin/flowaudit.js not found' };
    else {
      // the memory probe rides in NODE_OPTIONS, since the bin is executed, not passed to node
      const probe = c.args.find((a) => a.startsWith('--import='));
      const args = c.args.filter((a) => a !== probe);
      const runEnv = probe ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${probe}`.trim() } : env;
      m = await measure(c.cmd, args, { runs: opts.runs, cwd: root, env: runEnv, timeoutMs, onRun: progress(c.label) });
    }
    if (!m.ok) {
      if (c.baseline) throw new BenchFatal(`git log --numstat failed on the synthetic repo: ${m.error}`);
      rows.push({ command: c.label, error: `flowaudit not built/failed: ${m.error}` });
      continue;
    }
    if (c.baseline) baseline = m.wallS;
    const row = { command: c.label, wallS: m.wallS, rssMB: m.rssMB, selfRssMB: m.selfRssMB, ratio: m.wallS / baseline };
    if (c.target) target = row;
    rows.push(row);
  }

  if (target) {
    rows.push({ line: `target: ratio <= ${TARGET_RATIO} -> ${target.ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'} (${target.ratio.toFixed(2)}x git log --numstat, --format json)` });
    rows.push({ line: target.rssMB == null
      ? `target: peak RSS <= ${TARGET_RSS_MB} MB -> FAIL (not measured: ${hasGnuTime() ? 'no GNU time report' : '/usr/bin/time missing'})`
      : `target: peak RSS <= ${TARGET_RSS_MB} MB -> ${target.rssMB <= TARGET_RSS_MB ? 'PASS' : 'FAIL'} (${target.rssMB.toFixed(0)} MB, --format json)` });
  } else {
    rows.push({ line: `target: ratio <= ${TARGET_RATIO} -> FAIL (flowaudit not measured)` });
    rows.push({ line: `target: peak RSS <= ${TARGET_RSS_MB} MB -> FAIL (flowaudit not measured)` });
  }
  return rows;
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
  { name: 'git', title: 'git: flowaudit vs git log --numstat on a synthetic repository', run: gitSection },
  { name: 'github', title: 'github: fixture-server requests, query cost, cold vs warm', run: githubSection },
  { name: 'aggregate', title: 'aggregate: flowaudit aggregate over 1,000 two-year reports vs JSON.parse of them', run: aggregateSection },
];

// ---------------------------------------------------------------------------------------------- output

const LABELS = { command: 'command', wallS: 'wall s', rssMB: 'peak RSS MB', selfRssMB: 'node own MB', ratio: 'ratio vs baseline', outputMB: 'output MB' };

function fmt(key, v) {
  if (v == null) return key === 'selfRssMB' ? '-' : 'n/a';
  if (typeof v !== 'number') return String(v);
  if (key === 'ratio') return `${v.toFixed(2)}x`;
  if (key === 'rssMB' || key === 'selfRssMB' || key === 'outputMB') return v.toFixed(1);
  if (key === 'wallS') return v.toFixed(2);
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
  print(`flowaudit bench: node ${process.version}, git ${gv}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}${hasGnuTime() ? '' : ', /usr/bin/time missing: no peak RSS'}`);
  for (const s of SECTIONS) {
    if (opts.only && s.name !== opts.only) continue;
    print(`\n== ${s.title} ==`);
    renderRows(await s.run({ root, opts, print }));
  }
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
