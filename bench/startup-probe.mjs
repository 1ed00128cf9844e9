// Preloaded into one instrumented flowaudit run (`node --import <this file> …`, through NODE_OPTIONS): writes to
// $FLOWAUDIT_BENCH_STARTUP_FILE, at exit, one JSON line per git process flowaudit started ({at, args}, `at` in
// ms since the process started) and when its first byte of stdout came, so the bench can say how long module
// loading took (the first git process) and how many git processes ran before history streaming began.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { writeFileSync } from 'node:fs';

const out = process.env.FLOWAUDIT_BENCH_STARTUP_FILE;
if (out) {
  const childProcess = createRequire(import.meta.url)('node:child_process');
  const events = [];
  const wrap = (name) => {
    const original = childProcess[name];
    childProcess[name] = function probed(file, args, ...rest) {
      const event = { kind: name, at: performance.now(), file, args: Array.isArray(args) ? args : [] };
      events.push(event);
      const child = original.call(this, file, args, ...rest);
      child?.stdout?.once?.('data', () => { event.firstByte = performance.now(); });
      child?.once?.('close', () => { event.closed = performance.now(); });
      return child;
    };
  };
  wrap('spawn');
  const spawnSync = childProcess.spawnSync;
  childProcess.spawnSync = function probedSync(file, args, ...rest) {
    const event = { kind: 'spawnSync', at: performance.now(), file, args: Array.isArray(args) ? args : [] };
    events.push(event);
    const result = spawnSync.call(this, file, args, ...rest);
    event.closed = performance.now();
    return result;
  };
  // `import { spawn } from 'node:child_process'` in flowaudit then sees the wrapped functions
  syncBuiltinESMExports();
  process.on('exit', () => {
    try {
      writeFileSync(out, JSON.stringify({ exitAt: performance.now(), events }));
    } catch { /* best effort */ }
  });
}
