// Preloaded into the measured node process (`node --import <this file> …`): at exit, writes the process's own
// peak RSS in KB (getrusage RUSAGE_SELF, so without the git processes it ran) to $FLOWAUDIT_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.FLOWAUDIT_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try { writeFileSync(out, String(process.resourceUsage().maxRSS)); } catch { /* best effort */ }
  });
}
