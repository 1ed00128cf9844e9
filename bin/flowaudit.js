#!/usr/bin/env node
// Node's young generation is bounded here, not in the shebang: `#!/usr/bin/env -S node --max-semi-space-size=…`
// does not start where `env` has no -S (BusyBox's: Alpine, and node's `-alpine` images), nor under some package
// managers' Windows shims. A semi-space flag the user gave node wins over both settings below.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const entry = new URL('../dist/bin/flowaudit.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('flowaudit: not built yet: run `npm install` (it builds) or `npm run build` in the flowaudit folder\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const SEMI_SPACE_FLAG = /^--(?:max|min)[-_]semi[-_]space[-_]size|^--semi[-_]space[-_]growth[-_]factor/;
const userSet = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => SEMI_SPACE_FLAG.test(flag));

// under a debugger (`node --inspect`) the one process is the one to inspect
const debugging = process.execArgv.some((flag) => flag.startsWith('--inspect'));

if (!userSet && !debugging && args.find((a) => !a.startsWith('-')) === 'aggregate') {
  // The aggregate's own thread holds an organisation's figures: 4 MB semi-spaces keep its peak under the bench's
  // 512 MB (460-493 MB over 1,000 reports), where 1 MB ones (the setting below) reached 518-534 MB and node's
  // 16 MB 514-544 MB. V8 reads the size only as it starts, so the command runs in a node started with it:
  // ≈ 50 ms on a command of seconds.
  process.exitCode = await runInNode(['--max-semi-space-size=4', ...process.execArgv, fileURLToPath(import.meta.url), ...args]);
} else {
  // The young generation held at its first size (1 MB semi-spaces), where node lets it grow to 16 MB (node 24:
  // 64 MB): measured on rails' whole history (99,429 commits), a peak of 246 MB against 253 MB with 4 MB
  // semi-spaces and 280-283 MB with node's default, for 2-4 % more time. V8 reads the growth factor each time the
  // young generation would grow, so it holds from here (node 20 to 26).
  if (!userSet) setFlagsFromString('--semi-space-growth-factor=1');
  const { run } = await import(entry.href);
  process.exitCode = await run(args);
}

/** Runs node with `argv`, its output this process's, and ends as it ended: its exit code, or its signal. */
function runInNode(argv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { stdio: 'inherit' });
    // a terminal's Ctrl-C reaches both processes; a kill or a CI job's cancel reaches this one: passed on
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const pass = (signal) => child.kill(signal);
    for (const s of signals) process.on(s, pass);
    child.on('error', (error) => {
      process.stderr.write(`flowaudit: cannot start node (${process.execPath}): ${error.message}\n`);
      resolve(4);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, pass);
      if (signal === null) return resolve(code ?? 4);
      // die of the same signal, so the shell sees 128 + its number
      process.kill(process.pid, signal);
      resolve(128 + (constants.signals[signal] ?? 0));
    });
  });
}
