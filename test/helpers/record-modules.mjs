// Preloaded with `node --import` into a run of the built CLI: appends the URL of every module it loads to the
// file named by FLOWAUDIT_TEST_MODULES_FILE, one per line (the load hook runs on its own thread in Node 20).
import { register } from 'node:module';

register('./record-modules-hook.mjs', import.meta.url);
