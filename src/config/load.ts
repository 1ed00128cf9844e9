import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { MEGABYTE, readRegularFile, UnreadableFile } from '../io/read-regular.js';
import { defaultConfig } from './defaults.js';
import type { Config } from './types.js';

export const CONFIG_FILE = '.flowaudit.json';
/** A config is a few hundred bytes: anything near this is the wrong file. */
export const MAX_CONFIG_BYTES = MEGABYTE;

export interface LoadConfigOptions {
  /** the audited repository's root: where `.flowaudit.json` is looked for */
  repoRoot: string;
  /** `--config FILE`: must exist; relative to `cwd` */
  file?: string;
  /** the directory `file` is relative to; default the process's */
  cwd?: string;
}

/**
 * Reads and validates the config: `--config FILE` when given, else `.flowaudit.json` at the repository
 * root. No default file means the defaults; comments (`//`, `/* *\/`) and trailing commas are allowed.
 * The file must be a regular file under 1 MB; no error quotes what it holds. The validation (`parse.ts`, and
 * the schema library with it) is loaded only when there is a file: most reports run without one.
 * @throws ConfigError naming the file and the bad field, or when an explicit file is missing or unreadable
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const explicit = options.file !== undefined;
  const name = options.file ?? CONFIG_FILE;
  const path = options.file === undefined ? join(options.repoRoot, CONFIG_FILE) : isAbsolute(options.file) ? options.file : resolve(options.cwd ?? process.cwd(), options.file);
  let text: string;
  try {
    text = readRegularFile(path, MAX_CONFIG_BYTES);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    if (error.code === 'ENOENT' && !explicit) return defaultConfig();
    if (error.code === 'ENOENT') throw new ConfigError(`config ${name}: file not found`, { hint: 'check the path given to --config, or run `flowaudit init` to write one', cause: error });
    throw new ConfigError(`config ${name} ${error.message}: a config is a small JSON file (see \`flowaudit init\`)`, { cause: error });
  }
  const { parseConfigText } = await import('./parse.js');
  return { ...parseConfigText(text, name), source: path };
}
