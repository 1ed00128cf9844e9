#!/usr/bin/env -S node --max-semi-space-size=4 --no-lazy-feedback-allocation
// --max-semi-space-size: a smaller young generation keeps peak memory within budget on large histories
// (npm run bench). --no-lazy-feedback-allocation: a function collects type feedback from its first call, so
// the optimizing compiler starts sooner; most of a small repository's run is code run a few hundred times
// (0.05 s of 0.6 s in alternating runs; no change on 100,000 commits). `env -S` passes both through the
// shebang on Linux and macOS.
// The CLI is compiled to dist/ and bundled into dist/bin/ by `npm install` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin/flowaudit.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('flowaudit: not built yet: run `npm install` (or `npm run build`) in the flowaudit folder\n');
  process.exit(2);
}
const { run } = await import(entry.href);
process.exitCode = await run(process.argv.slice(2));
