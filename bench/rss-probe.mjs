// Preloaded into the measured node process (`node --import <this file> …`): at exit, writes the process's own
// peak RSS in KB (getrusage RUSAGE_SELF, so without the git processes it ran) to $FLOWAUDIT_BENCH_RSS_FILE. The
// aggregate runs in a second node (bin/flowaudit.js) that inherits the probe and ends first: the larger peak stays.
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.env.FLOWAUDIT_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      let earlier = 0;
      try { earlier = Number(readFileSync(out, 'utf8')) || 0; } catch { /* the first process to end */ }
      writeFileSync(out, String(Math.max(earlier, process.resourceUsage().maxRSS)));
    } catch { /* best effort */ }
  });
}
