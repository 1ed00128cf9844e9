// Timing helpers for the flowaudit benchmark: wall time (measured here, from spawn to exit) and peak RSS
// (GNU time's %M, in KB) of one command, repeated; stdout goes to /dev/null, stderr is kept for messages.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

/** Is GNU time there (it understands -f and -o)? Falls back to wall time only when not. */
export function hasGnuTime() {
  try { fs.accessSync(GNU_TIME, fs.constants.X_OK); return true; } catch { return false; }
}

/** First informative stderr line: the first one that mentions an error, else the first non-empty one. */
export function firstErrorLine(stderr) {
  const lines = String(stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error|not built|cannot|failed|fatal|unknown option/i.test(l)) ?? lines[0] ?? '(no stderr)';
}

export const RSS_PROBE = new URL('./rss-probe.mjs', import.meta.url).href;

/**
 * Runs `cmd args` once under GNU time. Returns {ok, code, signal, wallS, cpuS, rssKB, selfRssKB, stderr, timedOut}:
 * cpuS is user + system time of the process and the children it waited for (GNU time's %U + %S);
 * rssKB is GNU time's %M, the largest peak RSS of the process and of any child it waited for (a max, not a sum);
 * selfRssKB, for a node command started with `--import RSS_PROBE` (the flowaudit rows), is node's own peak.
 * The command runs in its own process group so a timeout can stop it and everything it started.
 */
export function timeOnce(cmd, args, { cwd, env = process.env, timeoutMs = 15 * 60_000 } = {}) {
  return new Promise((resolve) => {
    const useTime = hasGnuTime();
    const tmp = path.join(os.tmpdir(), `flowaudit-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const selfTmp = `${tmp}.self`;
    env = { ...env, FLOWAUDIT_BENCH_RSS_FILE: selfTmp };
    const [file, argv] = useTime ? [GNU_TIME, ['-f', '%e %M %U %S', '-o', tmp, cmd, ...args]] : [cmd, args];
    const devnull = fs.openSync('/dev/null', 'w');
    const t0 = process.hrtime.bigint();
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(file, argv, { cwd, env, stdio: ['ignore', devnull, 'pipe'], detached: true });
    } catch (err) {
      fs.closeSync(devnull);
      resolve({ ok: false, code: null, signal: null, wallS: 0, cpuS: null, rssKB: null, selfRssKB: null, stderr: err.message, timedOut });
      return;
    }
    fs.closeSync(devnull);
    child.stderr.on('data', (d) => { if (stderr.length < 65536) stderr += d; });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs);
    child.on('error', (err) => { stderr += `\n${err.message}`; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      let rssKB = null;
      let cpuS = null;
      if (useTime) {
        try {
          // GNU time writes "Command exited with non-zero status N" first when the command fails
          const last = fs.readFileSync(tmp, 'utf8').trim().split('\n').pop();
          const m = /^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/.exec(last ?? '');
          if (m) {
            rssKB = Number(m[2]);
            cpuS = Number(m[3]) + Number(m[4]);
          }
        } catch { /* no report: command did not start */ }
        fs.rmSync(tmp, { force: true });
      }
      let selfRssKB = null;
      try { selfRssKB = Number(fs.readFileSync(selfTmp, 'utf8')) || null; } catch { /* not a probed node process */ }
      fs.rmSync(selfTmp, { force: true });
      resolve({ ok: code === 0 && !timedOut, code, signal, wallS, cpuS, rssKB, selfRssKB, stderr, timedOut });
    });
  });
}

/** One run as the bench prints it while it measures: `  label: run 2/3 4.56 s, 229 MB`. */
export function runLine(label, i, runs, r) {
  return `  ${label}: run ${i}/${runs} ${r.wallS.toFixed(2)} s${r.rssKB != null ? `, ${(r.rssKB / 1024).toFixed(0)} MB` : ''}`;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs each command `runs` times, in rounds (every command once, in the order given, then again), so that all
 * see the same load: on a shared machine the load drifts over seconds, and a command measured in a quiet minute
 * beside one measured in a busy one gives a ratio that says more about the machine than the code. Each command
 * gets the median wall time, the median CPU time and the largest peak RSS ({ok, wallS, cpuS, rssMB, selfRssMB,
 * runs}), or {ok: false, error} with the first useful stderr line; a command that fails is not run again, the
 * others go on. `commands`: [{cmd, args, env?}]; `onRun(command, i, result)`.
 */
export async function measureInterleaved(commands, { runs = 3, cwd, env, timeoutMs, onRun } = {}) {
  const results = commands.map(() => []);
  const failed = commands.map(() => null);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of commands.entries()) {
      if (failed[k] !== null) continue;
      const r = await timeOnce(c.cmd, c.args, { cwd, env: c.env ?? env, timeoutMs });
      if (!r.ok) {
        const why = r.timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s`
          : `${firstErrorLine(r.stderr)}${r.code != null ? ` (exit ${r.code})` : r.signal ? ` (${r.signal})` : ''}`;
        failed[k] = why;
        continue;
      }
      results[k].push(r);
      onRun?.(c, i + 1, r);
    }
  }
  return commands.map((_c, k) => {
    if (failed[k] !== null) return { ok: false, error: failed[k], runs: results[k] };
    const rs = results[k];
    const maxMB = (key) => {
      const xs = rs.map((r) => r[key]).filter((x) => x != null);
      return xs.length ? Math.max(...xs) / 1024 : null;
    };
    const cpu = rs.map((r) => r.cpuS).filter((x) => x != null);
    return { ok: true, wallS: median(rs.map((r) => r.wallS)), cpuS: cpu.length ? median(cpu) : null, rssMB: maxMB('rssKB'), selfRssMB: maxMB('selfRssKB'), runs: rs };
  });
}
