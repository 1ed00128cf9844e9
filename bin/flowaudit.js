#!/usr/bin/env -S node --max-semi-space-size=4 --no-lazy-feedback-allocation --interrupt-budget=270336
// --max-semi-space-size: a smaller young generation keeps peak memory within budget on large histories
// (npm run bench). --no-lazy-feedback-allocation and --interrupt-budget (4 times V8's): a function collects
// type feedback from its first call, and is optimized later. Most of a small repository's run is code called
// a few hundred times, where optimizing costs more than it saves and takes the CPU git diffs on: 10 alternating
// runs of the small bench case, 0.46 s wall and 0.66 s CPU with both against 0.52 s and 0.78 s without; no
// change in CPU or memory on 100,000 commits or on an aggregate of 1,000 reports (bench/README.md). `env -S`
// passes the flags through the shebang on Linux and macOS.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin/flowaudit.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('flowaudit: not built yet: run `npm install` (or `npm run build`) in the flowaudit folder\n');
  process.exit(2);
}
const { run } = await import(entry.href);
process.exitCode = await run(process.argv.slice(2));
