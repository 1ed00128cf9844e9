#!/usr/bin/env -S node --max-semi-space-size=4
// --max-semi-space-size=4 bounds the young generation, which otherwise grows to node's default 16 MB semi-spaces
// on a large history: measured on the bench's release case (100,000 commits), 16 MB semi-spaces raised the peak
// by 20 MB with no CPU saved, against a peak of ≈ 226 MB and a budget of 250 MB. On the aggregate of 1,000
// reports it bounds nothing (two alternating pairs: 477 / 503 MB with it, 463 / 482 MB without). `node dist/…`
// runs without it; `env -S` passes it through the shebang on Linux and macOS.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin/flowaudit.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('flowaudit: not built yet: run `npm install` (it builds) or `npm run build` in the flowaudit folder\n');
  process.exit(2);
}
const { run } = await import(entry.href);
process.exitCode = await run(process.argv.slice(2));
