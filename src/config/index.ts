export { DEFAULT_THRESHOLDS } from './defaults.js';
export { initConfigText } from './init.js';
export { loadConfig } from './load.js';
export type { Config } from './types.js';
