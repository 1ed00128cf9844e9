// Synthetic repository for the flowaudit benchmark.
//
// Streams one `git fast-import` process (no process per commit) and builds a repository whose first-parent
// history on `main` mixes the ways real teams land work: pull-request merge commits (side branches forked from
// a recent main commit, sometimes with a "Merge branch 'main' into …" sync merge), squash merges ending in
// "(#N)", direct pushes, Dependabot changes, Claude co-authored commits, reverts and annotated release tags.
// Everything is derived from a seed, and all dates are pinned, so the same seed gives the same commit ids.
//
// Usage:  node bench/synthetic-repo.mjs [--force] [--commits N] [--seed S]
//   or    import { ensureSyntheticRepo } from './synthetic-repo.mjs'

import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump whenever the generated history changes shape; a stale repository is then rebuilt. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 'flowaudit-bench';
export const DEFAULT_COMMITS = 100_000;

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const WORK_DIR = path.join(BENCH_DIR, '.work');

const START = Date.UTC(2023, 10, 1) / 1000; // 2023-11-01T00:00:00Z
const END = Date.UTC(2026, 10, 1) / 1000; //   2026-11-01T00:00:00Z: every commit is before this
const SPAN = END - START;

// ---------------------------------------------------------------------------------------------- randomness

function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32: small, fast, good enough, and identical on every platform. */
export class Rng {
  constructor(seed) {
    let [a, b, c, d] = cyrb128(seed);
    this.float = () => {
      a |= 0; b |= 0; c |= 0; d |= 0;
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    };
    for (let i = 0; i < 16; i++) this.float();
  }
  int(lo, hi) { return lo + Math.floor(this.float() * (hi - lo + 1)); } // inclusive
  chance(p) { return this.float() < p; }
  pick(arr) { return arr[Math.floor(this.float() * arr.length)]; }
  /** index into weights, proportional to weight */
  weighted(weights) {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
    return weights.length - 1;
  }
  /** skewed index in [0, n): low indices much more likely */
  skewed(n, power = 2) { return Math.floor(Math.pow(this.float(), power) * n); }
  word(len = 6) {
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(97 + Math.floor(this.float() * 26));
    return s;
  }
}

// ---------------------------------------------------------------------------------------------- vocabulary

export const MODULES = ['auth', 'billing', 'cli', 'config', 'core', 'db', 'events', 'http',
  'jobs', 'mail', 'metrics', 'search', 'storage', 'ui', 'users', 'webhooks'];
export const SRC_FILES = ['index', 'types', 'service', 'handler', 'repository', 'validate', 'errors', 'utils', 'cache', 'client'];
export const TEST_FILES = SRC_FILES.slice(0, 6);
export const DOCS = ['architecture', 'api', 'deploy', 'config', 'contributing', 'security', 'testing', 'release',
  'migrations', 'observability', 'oncall', 'style', 'faq', 'glossary', 'roadmap', 'adr-0001'];
export const MISC = ['.github/workflows/ci.yml', '.github/workflows/release.yml', '.github/workflows/lint.yml',
  'scripts/build.mjs', 'scripts/release.mjs', 'scripts/seed.mjs', 'scripts/migrate.mjs', 'scripts/lint.mjs',
  'scripts/bench.mjs', 'README.md', 'CHANGELOG.md', 'tsconfig.json', '.eslintrc.json', 'Dockerfile'];

export const DEP_PKGS = ['lodash', 'express', 'zod', 'commander', 'chalk', 'vitest', 'typescript', 'eslint', 'prettier',
  'date-fns', 'undici', 'ws', 'semver', 'debug', 'yaml', 'pino', 'ioredis', 'pg', 'uuid', 'dotenv'];
const LOCK_EXTRA = 12; // transitive packages in the lock file besides DEP_PKGS

export const PEOPLE = [
  ['Alice Martin', 'alice', '+0100'], ['Bilal Haddad', 'bilal', '+0200'], ['Chen Wei', 'chenwei', '+0800'],
  ['Dana Kowalski', 'dana-k', '+0100'], ['Emeka Obi', 'emekao', '+0100'], ['Fatima Zahra', 'fzahra', '+0000'],
  ['Gustavo Lima', 'glima', '-0300'], ['Hana Sato', 'hsato', '+0900'], ['Ivan Petrov', 'ipetrov', '+0300'],
  ['Julia Becker', 'jbecker', '+0100'], ['Kofi Mensah', 'kmensah', '+0000'], ['Laura Rossi', 'lrossi', '+0100'],
  ['Mateo Garcia', 'mgarcia', '-0600'], ['Nina Larsen', 'nlarsen', '+0100'], ['Omar Aziz', 'oaziz', '+0400'],
  ['Priya Nair', 'pnair', '+0530'], ['Quinn Taylor', 'qtaylor', '-0500'], ['Rosa Diaz', 'rdiaz', '-0800'],
  ['Sam Okafor', 'sokafor', '-0500'], ['Tomas Novak', 'tnovak', '+0100'], ['Uma Iyer', 'uiyer', '+0530'],
  ['Victor Hugo', 'vhugo', '+0100'], ['Wen Li', 'wenli', '+0800'], ['Xavier Dubois', 'xdubois', '+0100'],
  ['Yara Haddad', 'yhaddad', '+0200'], ['Zoe Clark', 'zclark', '-0700'], ['Arjun Rao', 'arao', '+0530'],
  ['Beatriz Souza', 'bsouza', '-0300'], ['Carlos Mendes', 'cmendes', '+0000'], ['Dmitri Volkov', 'dvolkov', '+0300'],
].map(([name, login, tz]) => ({ name, login, email: `${login}@example.com`, tz }));
export const GITHUB = { name: 'GitHub', email: 'noreply@github.com', tz: '+0000' };
export const DEPENDABOT = { name: 'dependabot[bot]', login: 'dependabot[bot]',
  email: '49699333+dependabot[bot]@users.noreply.github.com', tz: '+0000' };
export const CLAUDE_TRAILER = 'Co-authored-by: Claude <noreply@anthropic.com>';
export const ORG = 'acme';

export const TYPES = ['feat', 'fix', 'fix', 'refactor', 'chore', 'docs', 'test', 'perf', 'ci', 'build'];
export const VERBS = ['add', 'handle', 'fix', 'remove', 'rename', 'simplify', 'support', 'cache', 'validate', 'split',
  'retry', 'log', 'document', 'speed up', 'clean up', 'guard against', 'migrate', 'expose', 'deprecate', 'test'];
export const NOUNS = ['empty input', 'timeouts', 'pagination', 'error codes', 'config loading', 'null ids', 'rate limits',
  'session expiry', 'batch size', 'unicode names', 'stale cache', 'retries', 'webhook signatures', 'time zones',
  'large payloads', 'feature flag', 'metrics labels', 'connection pool', 'CSV export', 'dark mode'];
export const SIDE_SUBJECTS = ['address review comments', 'fix tests', 'wip', 'typo', 'fix lint', 'more tests',
  'rename per review', 'handle edge case', 'update snapshot', 'simplify'];

// ---------------------------------------------------------------------------------------------- file contents

export function allPaths() {
  const paths = [];
  for (const m of MODULES) for (const f of SRC_FILES) paths.push(`src/${m}/${f}.ts`);
  for (const m of MODULES) for (const f of TEST_FILES) paths.push(`src/${m}/${f}.test.ts`);
  for (const d of DOCS) paths.push(`docs/${d}.md`);
  paths.push(...MISC, 'package.json', 'package-lock.json');
  return paths;
}

// identifiers and prose come from a small vocabulary, so blobs compress and delta about as well as real code
const VOCAB = ('account active address amount array batch buffer cache client config connection context count ' +
  'current data date default delay entry error event field filter flag format handler header id index input item ' +
  'key limit list load local logger message meta mode name next node offset options order output page params ' +
  'parse path payload pending query queue record request response result retry route schema scope session size ' +
  'source state status store stream target task timeout token total type update user value version window worker').split(' ');
const camel = (rng, n) => {
  let s = rng.pick(VOCAB);
  for (let i = 1; i < n; i++) { const w = rng.pick(VOCAB); s += w[0].toUpperCase() + w.slice(1); }
  return s;
};

export function codeLine(rng, p) {
  if (p.endsWith('.md')) return `The ${rng.pick(VOCAB)} ${rng.pick(VOCAB)} is ${rng.pick(VOCAB)} when the ${rng.pick(VOCAB)} ${rng.pick(VOCAB)} ${rng.pick(VOCAB)}s.`;
  if (p.endsWith('.yml')) return `      - run: npm run ${rng.pick(VOCAB)} -- --${rng.pick(VOCAB)}=${rng.int(1, 99)}`;
  if (p.endsWith('.json')) return `  "${camel(rng, 2)}": ${rng.int(0, 999)},`;
  switch (rng.int(0, 4)) {
    case 0: return `  const ${camel(rng, 2)} = ${camel(rng, 2)}(${rng.pick(VOCAB)}, ${rng.int(0, 999)});`;
    case 1: return `  if (${rng.pick(VOCAB)}.${rng.pick(VOCAB)} > ${rng.int(0, 500)}) return ${camel(rng, 2)};`;
    case 2: return `export function ${camel(rng, 3)}(${rng.pick(VOCAB)}: ${rng.pick(['string', 'number', 'boolean'])}) {`;
    case 3: return `  ${rng.pick(VOCAB)}.${camel(rng, 2)}(${rng.pick(VOCAB)});`;
    default: return `  // ${rng.pick(VOCAB)} ${rng.pick(VOCAB)} ${rng.pick(VOCAB)}`;
  }
}

export const semver = (v) => `${v[0]}.${v[1]}.${v[2]}`;

export class Deps {
  constructor(rng) {
    this.names = [...DEP_PKGS];
    for (let i = 0; i < LOCK_EXTRA; i++) this.names.push(`${rng.pick(VOCAB)}-${rng.pick(VOCAB)}-${i}`);
    this.versions = this.names.map(() => [rng.int(0, 8), rng.int(0, 20), rng.int(0, 30)]);
  }
  bump(rng, i) {
    const old = this.versions[i];
    const r = rng.float();
    const v = r < 0.75 ? [old[0], old[1], old[2] + 1] : r < 0.97 ? [old[0], old[1] + 1, 0] : [old[0] + 1, 0, 0];
    this.versions[i] = v;
    return { name: this.names[i], from: semver(old), to: semver(v) };
  }
  packageJson() {
    const lines = ['{', '  "name": "acme-service",', '  "version": "1.0.0",', '  "private": true,', '  "dependencies": {'];
    DEP_PKGS.forEach((n, i) => lines.push(`    "${n}": "^${semver(this.versions[i])}",`));
    lines.push('    "left-pad": "^1.3.0"', '  }', '}');
    return lines;
  }
  lockBlock(rng, i) {
    const n = this.names[i], v = semver(this.versions[i]);
    let integrity = '';
    for (let k = 0; k < 6; k++) integrity += rng.word(11);
    return [`    "node_modules/${n}": {`, `      "version": "${v}",`,
      `      "resolved": "https://registry.npmjs.org/${n}/-/${n}-${v}.tgz",`,
      `      "integrity": "sha512-${integrity}==",`, '    },'];
  }
  packageLock(rng) {
    const lines = ['{', '  "name": "acme-service",', '  "lockfileVersion": 3,', '  "packages": {'];
    for (let i = 0; i < this.names.length; i++) lines.push(...this.lockBlock(rng, i));
    lines.push('  }', '}');
    return lines;
  }
  /** new lock lines after bumping package i (4 header lines, 5 lines per package) */
  relock(rng, lines, i) {
    const out = lines.slice();
    out.splice(4 + i * 5, 5, ...this.lockBlock(rng, i));
    return out;
  }
  rejson(lines, i) {
    const out = lines.slice();
    if (i < DEP_PKGS.length) out[5 + i] = `    "${DEP_PKGS[i]}": "^${semver(this.versions[i])}",`;
    return out;
  }
}

/**
 * What a change touches and how, for every generator (the same draws in the same order, so a repository is the
 * same from the same seed): `pickFiles` chooses 1–4 files, mostly in one module, sometimes docs, misc files or
 * the lock file; `edit` gives new contents for them from the current ones (`get(path)`).
 */
export function fileEdits(rng, deps) {
  const modulePaths = new Map(MODULES.map((m) => [m, [
    ...SRC_FILES.map((f) => `src/${m}/${f}.ts`), ...TEST_FILES.map((f) => `src/${m}/${f}.test.ts`)]]));
  const pickFiles = (module, pool) => {
    const n = 1 + rng.weighted([35, 30, 20, 15]);
    const set = new Set();
    while (set.size < n) {
      const r = rng.float();
      if (r < 0.06) set.add(`docs/${rng.pick(DOCS)}.md`);
      else if (r < 0.1) set.add(rng.pick(MISC));
      else if (r < 0.115) { set.add('package.json'); set.add('package-lock.json'); }
      else set.add(rng.pick(pool ?? modulePaths.get(module)));
    }
    return [...set].slice(0, 4);
  };
  const edit = (files, get) => files.map((p) => {
    const before = get(p);
    let after;
    if (p === 'package-lock.json') {
      after = before;
      for (let k = rng.int(1, 3); k > 0; k--) after = deps.relock(rng, after, rng.int(0, deps.names.length - 1));
    } else after = editLines(rng, p, before);
    return [p, before, after];
  });
  return { pickFiles, edit };
}

/** A few lines changed: replacements, insertions and deletions. */
export function editLines(rng, p, lines) {
  const out = lines.slice();
  for (let e = rng.int(1, 3); e > 0; e--) {
    const pos = rng.int(0, Math.max(0, out.length - 1));
    const r = rng.float();
    // files drift around 20 lines: inserts are likelier when short, deletions when long
    const op = out.length <= 8 ? 'insert' : r < 0.55 ? 'replace' : r < (out.length < 20 ? 0.85 : 0.7) ? 'insert' : 'delete';
    if (op === 'replace') {
      for (let k = rng.int(1, 3) - 1; k >= 0; k--) if (pos + k < out.length) out[pos + k] = codeLine(rng, p);
    } else if (op === 'insert') {
      const add = [];
      for (let k = rng.int(1, 3); k > 0; k--) add.push(codeLine(rng, p));
      out.splice(pos, 0, ...add);
    } else out.splice(pos, rng.int(1, 3));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- planning

/**
 * Pass 1: the shape of every change (how it lands, how many commits), so the total is known before any dates
 * are given out. Pass 2 spreads the changes evenly over the 3 years and writes them.
 */
function planChanges(seed, targetCommits) {
  const rng = new Rng(`${seed}:plan`);
  const plans = [{ kind: 'initial', commits: 1 }];
  let commits = 1;
  while (commits < targetCommits) {
    const i = plans.length;
    const bot = rng.chance(0.05);
    let kind;
    if (!bot && rng.chance(0.003)) kind = 'revert';
    else {
      const u = rng.float();
      kind = u < 0.4 ? 'merge' : u < 0.8 || bot ? 'squash' : 'direct';
    }
    const p = { kind, bot, commits: 1 };
    if (kind === 'merge') {
      p.side = bot ? 1 : 1 + rng.weighted([30, 25, 18, 12, 8, 7]);
      p.forkBack = Math.min(i, 1 + Math.floor(Math.pow(rng.float(), 3) * 300)); // fork from change i - forkBack
      p.sync = p.side >= 2 && p.forkBack >= 2 && rng.chance(0.15);
      p.commits = 1 + p.side + (p.sync ? 1 : 0);
    }
    p.tag = rng.chance(0.0068); // ≈ 300 annotated tags over ≈ 44k changes
    plans.push(p);
    commits += p.commits;
  }
  return { plans, commits };
}

// ---------------------------------------------------------------------------------------------- fast-import

export class FastImport {
  constructor(repoDir) {
    this.proc = spawn('git', ['-C', repoDir, '-c', 'pack.compression=1', 'fast-import', '--quiet', '--done', '--date-format=raw'],
      // glibc otherwise gives fast-import's per-object zlib buffers back to the kernel and faults them in again:
      // keeping the heap roughly halves the import time
      { stdio: ['pipe', 'pipe', 'pipe'], env: { ...cleanGitEnv(), GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=536870912:glibc.malloc.top_pad=67108864:glibc.malloc.mmap_threshold=536870912' } });
    this.parts = [];
    this.size = 0;
    this.mark = 0;
    this.blobMarks = new WeakMap(); // lines array -> blob mark
    this.stderr = '';
    this.stdoutBuf = '';
    this.lines = [];
    this.waiter = null;
    this.proc.stderr.on('data', (d) => { if (this.stderr.length < 8192) this.stderr += d; });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (d) => {
      this.stdoutBuf += d;
      let nl;
      while ((nl = this.stdoutBuf.indexOf('\n')) >= 0) {
        this.lines.push(this.stdoutBuf.slice(0, nl));
        this.stdoutBuf = this.stdoutBuf.slice(nl + 1);
      }
      if (this.waiter && this.lines.length) { const w = this.waiter; this.waiter = null; w(); }
    });
    this.proc.stdin.on('error', () => {}); // reported through the exit status below
    this.exited = new Promise((resolve) => this.proc.on('close', (code, signal) => resolve({ code, signal })));
    this.died = this.exited.then(({ code, signal }) => {
      throw new Error(`git fast-import exited early (${signal ?? code}): ${firstLine(this.stderr)}`);
    });
    this.died.catch(() => {});
  }
  write(s) { this.parts.push(s); this.size += s.length; }
  data(s) { this.write(`data ${Buffer.byteLength(s)}\n${s}\n`); }
  /** A file version as a marked blob, written once: the same lines array is the same blob. Returns its mark. */
  blob(lines) {
    let m = this.blobMarks.get(lines);
    if (!m) {
      m = ++this.mark;
      this.blobMarks.set(lines, m);
      this.write(`blob\nmark :${m}\n`);
      this.data(lines.join('\n') + '\n');
    }
    return m;
  }
  /** A commit whose changes are `[path, before, after]` (after: lines); returns its mark. */
  commit({ ref, author, at, committer, ct, msg, from, merge, changes }) {
    const files = changes.map(([p, , after]) => `M 100644 :${this.blob(after)} ${p}\n`).join('');
    const mark = ++this.mark;
    this.write(`commit ${ref}\nmark :${mark}\nauthor ${ident(author, at)}\ncommitter ${ident(committer, ct)}\n`);
    this.data(msg);
    if (from) this.write(`from :${from}\n`);
    if (merge) this.write(`merge :${merge}\n`);
    this.write(files);
    this.write('\n');
    return mark;
  }
  async maybeFlush() { if (this.size > 4 << 20) await this.flush(); }
  async flush() {
    if (!this.size) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.proc.stdin.write(chunk)) await Promise.race([once(this.proc.stdin, 'drain'), this.died]);
  }
  async getMark(mark) {
    this.write(`get-mark :${mark}\n`);
    await this.flush();
    while (!this.lines.length) await Promise.race([new Promise((r) => { this.waiter = r; }), this.died]);
    const sha = this.lines.shift().trim();
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`unexpected get-mark answer: ${sha}`);
    return sha;
  }
  async finish() {
    this.write('done\n');
    await this.flush();
    this.proc.stdin.end();
    const { code, signal } = await this.exited;
    if (code !== 0) throw new Error(`git fast-import failed (${signal ?? code}): ${firstLine(this.stderr)}`);
  }
}

export const ident = (p, t) => `${p.name} <${p.email}> ${t} ${p.tz}`;

// ---------------------------------------------------------------------------------------------- generation

async function generate(repoDir, seed, targetCommits) {
  const { plans } = planChanges(seed, targetCommits);
  const N = plans.length;
  const rng = new Rng(`${seed}:write`);
  const slot = SPAN / N;
  // landing time of change i: evenly spread with jitter, strictly increasing, gaps of at least 0.4 slot
  const times = plans.map((_, i) => START + Math.floor((i + 0.5 + (rng.float() - 0.5) * 0.6) * slot));
  const aiChance = (t) => 0.35 * Math.max(0, Math.min(1, (t - START - SPAN * 0.25) / (SPAN * 0.7)));

  const fi = new FastImport(repoDir);
  const deps = new Deps(rng);
  const paths = allPaths();
  const { pickFiles, edit } = fileEdits(rng, deps);

  const RING = 320; // > max forkBack (301)
  const snapshots = new Array(RING); // main tree (path -> lines) after change i, at i % RING
  const mainMarks = new Array(N);
  const recent = new Map(); // change index -> {mark, subject, files: [[path, before, after]]}, for reverts
  const stats = { changes: N, merge: 0, squash: 0, direct: 0, revert: 0, bot: 0, syncMerges: 0,
    sideCommits: 0, aiCommits: 0, tags: 0, commits: 0 };
  let prNumber = 0;
  let version = [0, 1, 0];
  let main = new Map();

  const human = () => PEOPLE[rng.skewed(PEOPLE.length, 1.6)];
  const prNo = () => (prNumber += rng.int(1, 3)); // issues and closed PRs use numbers too
  const title = () => {
    const m = rng.pick(MODULES);
    return { module: m, text: `${rng.pick(TYPES)}(${m}): ${rng.pick(VERBS)} ${rng.pick(NOUNS)}` };
  };
  const withAi = (msg, t, trailers = []) => {
    if (rng.chance(aiChance(t))) { trailers.push(CLAUDE_TRAILER); stats.aiCommits++; }
    return trailers.length ? `${msg}\n\n${trailers.join('\n')}\n` : `${msg}\n`;
  };
  // every file version is written once as a marked blob; merges and sync merges just point at it
  const commit = (c) => {
    stats.commits++;
    return fi.commit(c);
  };
  const applyMain = (changes) => { for (const [p, , after] of changes) main.set(p, after); };
  const dependabotBump = (get) => {
    const i = rng.int(0, DEP_PKGS.length - 1);
    const b = deps.bump(rng, i);
    const changes = [
      ['package.json', get('package.json'), deps.rejson(get('package.json'), i)],
      ['package-lock.json', get('package-lock.json'), deps.relock(rng, get('package-lock.json'), i)]];
    const subject = `chore(deps): bump ${b.name} from ${b.from} to ${b.to}`;
    const body = `Bumps [${b.name}](https://github.com/${b.name}/${b.name}) from ${b.from} to ${b.to}.\n\n` +
      `---\nupdated-dependencies:\n- dependency-name: ${b.name}\n  dependency-type: direct:production\n  ` +
      `update-type: version-update:semver-patch\n...\n\nSigned-off-by: dependabot[bot] <${DEPENDABOT.email}>`;
    return { subject, body, changes, branch: `dependabot/npm_and_yarn/${b.name}-${b.to}` };
  };

  for (let i = 0; i < N; i++) {
    const plan = plans[i];
    const t = times[i];
    let mainMark;
    let record = null; // squash/direct changes can be reverted later

    if (plan.kind === 'initial') {
      for (const p of paths) {
        if (p === 'package.json') main.set(p, deps.packageJson());
        else if (p === 'package-lock.json') main.set(p, deps.packageLock(rng));
        else {
          const lines = [];
          for (let k = rng.int(10, 30); k > 0; k--) lines.push(codeLine(rng, p));
          main.set(p, lines);
        }
      }
      const who = PEOPLE[0];
      mainMark = commit({ ref: 'refs/heads/main', author: who, at: t, committer: who, ct: t,
        msg: 'Initial commit\n', changes: paths.map((p) => [p, null, main.get(p)]) });
      stats.direct++;
    } else if (plan.kind === 'merge') {
      stats.merge++;
      const n = prNo();
      const forkIdx = i - plan.forkBack;
      const tFork = times[forkIdx];
      let base = snapshots[forkIdx % RING];
      const overlay = new Map(); // side branch's own versions
      const author = plan.bot ? DEPENDABOT : human();
      let merger = human();
      while (merger === author) merger = human();
      const { module, text } = title();
      let prTitle = text;
      let branch = `${author.login}/branch-${n}`;
      // side commit times: `before` of them before the sync merge (if any), the rest after it
      const segments = [];
      let syncIdx = -1, tSync = 0;
      if (plan.sync) {
        syncIdx = rng.int(forkIdx + 1, i - 1);
        tSync = times[syncIdx] + 1 + Math.floor(rng.float() * (times[syncIdx + 1] - times[syncIdx] - 2) / 2);
        const before = rng.int(1, plan.side - 1);
        segments.push([tFork, tSync, before], [tSync, t, plan.side - before]);
      } else segments.push([tFork, t, plan.side]);
      let tip = 0;
      let first = true;
      const pool = pickFiles(module).concat(pickFiles(module));
      for (let s = 0; s < segments.length; s++) {
        const [lo, hi, count] = segments[s];
        const cts = [];
        for (let k = 0; k < count; k++) cts.push(lo + 1 + Math.floor(rng.float() * (hi - lo - 2 - count)));
        cts.sort((a, b) => a - b);
        for (let k = 1; k < count; k++) if (cts[k] <= cts[k - 1]) cts[k] = cts[k - 1] + 1;
        for (let k = 0; k < count; k++) {
          const ct = cts[k];
          const at = ct - rng.int(0, Math.min(7200, ct - tFork - 1)); // author date a little before
          let changes, msg;
          if (plan.bot) {
            const d = dependabotBump((p) => overlay.get(p) ?? base.get(p));
            changes = d.changes; prTitle = d.subject; branch = d.branch;
            msg = `${d.subject}\n\n${d.body}\n`;
          } else {
            const files = rng.chance(0.8) ? pickFiles(module, pool) : pickFiles(module);
            changes = edit(files, (p) => overlay.get(p) ?? base.get(p));
            msg = withAi(first ? prTitle : rng.chance(0.5) ? rng.pick(SIDE_SUBJECTS) : title().text, ct);
          }
          for (const [p, , after] of changes) overlay.set(p, after);
          tip = commit({ ref: 'refs/heads/bench-side', author, at, committer: author, ct, msg,
            from: first ? mainMarks[forkIdx] : 0, changes });
          first = false;
          stats.sideCommits++;
        }
        if (s === 0 && plan.sync) {
          // "Merge branch 'main' into branch-N": bring main (as of change syncIdx) into the side branch
          const target = snapshots[syncIdx % RING];
          const changes = [];
          for (const [p, lines] of target) if (lines !== base.get(p) && !overlay.has(p)) changes.push([p, null, lines]);
          base = target;
          tip = commit({ ref: 'refs/heads/bench-side', author, at: tSync, committer: author, ct: tSync,
            msg: `Merge branch 'main' into branch-${n}\n`, merge: mainMarks[syncIdx], changes });
          stats.syncMerges++;
        }
      }
      const changes = [...overlay].map(([p, after]) => [p, null, after]);
      mainMark = commit({ ref: 'refs/heads/main', author: merger, at: t, committer: GITHUB, ct: t,
        msg: `Merge pull request #${n} from ${plan.bot ? ORG : author.login.replace(/\/.*/, '')}/${plan.bot ? branch : `branch-${n}`}\n\n${prTitle}\n`,
        merge: tip, changes });
      applyMain(changes);
    } else {
      // single-commit changes: squash, direct, revert (a revert needs a recent squash/direct change to undo)
      let kind = plan.kind;
      let target = null;
      if (kind === 'revert') {
        const candidates = [...recent.entries()].filter(([, r]) => !r.reverted);
        if (candidates.length) target = rng.pick(candidates)[1];
        else kind = 'squash';
      }
      const author = plan.bot ? DEPENDABOT : human();
      let subject, body = '', changes;
      if (target) {
        target.reverted = true;
        const sha = await fi.getMark(target.mark);
        changes = target.files.map(([p, before, after]) =>
          [p, main.get(p), main.get(p) === after ? before : editLines(rng, p, main.get(p))]);
        subject = `Revert "${target.subject}"`;
        body = `This reverts commit ${sha}.`;
        kind = rng.chance(0.7) ? 'squash' : 'direct';
        stats.revert++;
      } else if (plan.bot) {
        const d = dependabotBump((p) => main.get(p));
        subject = d.subject; body = d.body; changes = d.changes;
      } else {
        const tt = title();
        subject = tt.text;
        changes = edit(pickFiles(tt.module), (p) => main.get(p));
        if (kind === 'squash' && rng.chance(0.6)) {
          const lines = [];
          for (let k = rng.int(1, 4); k > 0; k--) lines.push(`* ${rng.chance(0.5) ? rng.pick(SIDE_SUBJECTS) : title().text}`);
          body = lines.join('\n\n');
        }
      }
      let msg, at, committer;
      if (kind === 'squash') {
        subject += ` (#${prNo()})`;
        at = t; committer = GITHUB;
      } else {
        at = t - rng.int(0, 3600); committer = author;
      }
      msg = body ? `${subject}\n\n${body}` : subject;
      msg = plan.bot ? `${msg}\n` : withAi(msg, t);
      mainMark = commit({ ref: 'refs/heads/main', author, at, committer, ct: t, msg, changes });
      applyMain(changes);
      stats[kind]++;
      if (!plan.bot) record = { mark: mainMark, subject, files: changes };
    }
    if (plan.bot) stats.bot++;

    mainMarks[i] = mainMark;
    snapshots[i % RING] = new Map(main);
    if (record) recent.set(i, record);
    recent.delete(i - 60);

    if (plan.tag && i > 0) {
      const r = rng.float();
      version = r < 0.8 ? [version[0], version[1], version[2] + 1] : r < 0.98 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0];
      const v = `v${semver(version)}`;
      const tagger = PEOPLE[rng.int(0, 3)];
      fi.write(`tag ${v}\nfrom :${mainMark}\ntagger ${ident(tagger, t + rng.int(300, 7200))}\n`);
      fi.data(`Release ${v}\n`);
      stats.tags++;
    }
    await fi.maybeFlush();
  }
  await fi.finish();
  return stats;
}

// ---------------------------------------------------------------------------------------------- entry points

export function cleanGitEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|NAMESPACE|CEILING_DIRECTORIES)/.test(k)) delete env[k];
  return env;
}

export function firstLine(s) { return String(s ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '(no output)'; }

export function git(args, opts = {}) {
  const r = spawnSync('git', args, { encoding: 'utf8', env: cleanGitEnv(), maxBuffer: 64 << 20, ...opts });
  if (r.error) throw new Error(`git ${args[0] === '-C' ? args[2] : args[0]}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`git ${args.slice(args[0] === '-C' ? 2 : 0).join(' ')} failed: ${firstLine(r.stderr)}`);
  return r.stdout.trim();
}

function readStamp(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
}

/**
 * A generated repository under bench/.work/<name>, rebuilt only when missing, when `version`, `seed` or
 * `commits` changed, or when `main` no longer points where the stamp (<name>.stamp.json) says; otherwise
 * reused at once. `build(dir)` fills a fresh repository (main checked out afterwards) and returns its stats;
 * `check(dir, stats)` may throw when the result is not what was planned. Returns {repo, rebuilt, seconds, stats}.
 */
export async function ensureRepo({ name, label, version, seed, commits, force = false, log = console.log, build, check }) {
  const dir = path.join(WORK_DIR, name);
  const stampFile = path.join(WORK_DIR, `${name}.stamp.json`);
  const stamp = readStamp(stampFile);
  if (!force && stamp && stamp.generatorVersion === version && stamp.seed === seed &&
      stamp.targetCommits === commits && fs.existsSync(path.join(dir, '.git'))) {
    let tip = null;
    try { tip = git(['-C', dir, 'rev-parse', '--verify', '-q', 'refs/heads/main']); } catch { /* rebuild */ }
    if (tip === stamp.tip) return { repo: dir, rebuilt: false, seconds: stamp.seconds, stats: stamp.stats };
  }

  log(`building ${label} (generator v${version}, seed "${seed}", >= ${commits} commits) in ${path.relative(process.cwd(), dir) || dir} ...`);
  const t0 = process.hrtime.bigint();
  fs.mkdirSync(WORK_DIR, { recursive: true });
  fs.rmSync(stampFile, { force: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    git(['init', '-q', '-b', 'main', tmp]);
    git(['-C', tmp, 'config', 'gc.auto', '0']);
    const stats = await build(tmp);
    git(['-C', tmp, 'update-ref', '-d', 'refs/heads/bench-side']);
    git(['-C', tmp, 'reset', '-q', '--hard', 'main']);
    const tip = git(['-C', tmp, 'rev-parse', 'refs/heads/main']);
    check?.(tmp, stats);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    fs.writeFileSync(stampFile, JSON.stringify({ generatorVersion: version, seed, targetCommits: commits,
      tip, seconds: Math.round(seconds * 10) / 10, builtAt: new Date().toISOString(), stats }, null, 2) + '\n');
    return { repo: dir, rebuilt: true, seconds, stats };
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Returns {repo, rebuilt, seconds, stats}; builds the repository when it is missing, when the generator version,
 * seed or size changed, or when `main` no longer points where the stamp says. Throws on failure.
 */
export function ensureSyntheticRepo({ seed = DEFAULT_SEED, commits = DEFAULT_COMMITS, force = false, log = console.log } = {}) {
  return ensureRepo({ name: 'synthetic', label: 'synthetic repo', version: GENERATOR_VERSION, seed, commits, force, log,
    build: (dir) => generate(dir, seed, commits),
    check: (dir, stats) => {
      const count = Number(git(['-C', dir, 'rev-list', '--count', 'main']));
      if (count !== stats.commits) throw new Error(`expected ${stats.commits} commits on main, found ${count}`);
    } });
}

export function describeStats(s) {
  return `${s.commits.toLocaleString('en-US')} commits on main: ${s.changes.toLocaleString('en-US')} changes ` +
    `(${s.merge} PR merges, ${s.squash} squash, ${s.direct} direct; ${s.revert} reverts, ${s.bot} dependabot), ` +
    `${s.sideCommits} side-branch commits, ${s.syncMerges} sync merges, ${s.aiCommits} Claude co-authored, ${s.tags} tags`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
  try {
    const r = await ensureSyntheticRepo({ force: argv.includes('--force'), seed: opt('--seed', DEFAULT_SEED),
      commits: Number(opt('--commits', DEFAULT_COMMITS)) });
    console.log(`synthetic repo ${r.rebuilt ? `built in ${r.seconds.toFixed(1)} s` : '(up to date)'}: ${describeStats(r.stats)}`);
  } catch (err) {
    console.error(`bench: synthetic repo build failed: ${err.message}`);
    process.exit(1);
  }
}
