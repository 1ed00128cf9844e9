/*
 * Preloaded into the built CLI (`node --import` this file) by the signal cases, to stop a run in the middle of a
 * write and signal it there, as a user's Ctrl-C or a closed terminal would land. It changes nothing else.
 *
 * FLOWAUDIT_STALL=report: every write through a file handle (the report's) never finishes; "stalled" is
 * printed to stderr when the first one starts.
 * FLOWAUDIT_STALL=cache: a synchronous write of a temp file (the GitHub cache's) completes, "stalled" is
 * printed, and the write does not return until the file FLOWAUDIT_STALL_ACK exists (the test creates it once it
 * has sent its signal; 5 s at most), so the signal is known to arrive during the write.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const mode = process.env.FLOWAUDIT_STALL;

if (mode === 'report') {
  const handle = await fs.promises.open(process.execPath, 'r');
  const prototype = Object.getPrototypeOf(handle);
  await handle.close();
  prototype.write = function stalledWrite() {
    process.stderr.write('stalled\n');
    // a pending timer keeps the process alive, as a slow disk would
    setInterval(() => undefined, 1000);
    return new Promise(() => undefined);
  };
}

if (mode === 'cache') {
  const write = fs.writeFileSync;
  const ack = process.env.FLOWAUDIT_STALL_ACK ?? '';
  fs.writeFileSync = function stalledWriteFileSync(path, ...rest) {
    write.call(this, path, ...rest);
    if (!String(path).endsWith('.tmp')) return;
    process.stderr.write('stalled\n');
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (let waited = 0; waited < 5000 && !fs.existsSync(ack); waited += 10) Atomics.wait(cell, 0, 0, 10);
  };
  syncBuiltinESMExports();
}
