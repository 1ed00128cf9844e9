// The Action's entry, bundled into dist-action/index.js (scripts/bundle-action.mjs): the runner runs it with
// node, in the workspace, with the inputs in INPUT_* variables. Only this file sets the exit code.
import { processIo } from '../cli.js';
import { runAction } from './run.js';

process.exitCode = await runAction(processIo());
