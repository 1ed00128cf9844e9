export { DEFAULT_THRESHOLDS, THRESHOLD_DEFAULTS, defaultConfig } from './defaults.js';
export { initConfigText } from './init.js';
export { CONFIG_FILE, loadConfig, parseConfigText, type LoadConfigOptions } from './load.js';
export type { Config, ThresholdKind, Thresholds, Weekday } from './types.js';
