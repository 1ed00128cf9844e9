// Preloaded through NODE_OPTIONS (`--import=` this file) into runs of the built CLI: appends the node flags each
// process was started with (process.execArgv, as JSON) to the file named by FLOWAUDIT_TEST_ARGV_FILE, one line per
// process, so a test sees which node processes a run started and with what.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.FLOWAUDIT_TEST_ARGV_FILE;
if (out && isMainThread) appendFileSync(out, `${JSON.stringify(process.execArgv)}\n`);
