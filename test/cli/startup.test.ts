import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { BIN } from '../helpers/cli-run.js';
import { MAIN_WINDOW as WINDOW, withMainScenario } from '../scenarios.js';

const RECORD = fileURLToPath(new URL('../helpers/record-modules.mjs', import.meta.url));
const scene = withMainScenario('flowaudit-startup-');

/** where zod's core defines its base class: the bundle, its comments stripped, names no path of zod's */
const ZOD_CORE = /\bconst \$ZodType\s*=/;

/** The built CLI's modules a run loads: their paths, and which hold the schema library (zod). */
function modulesOf(args: string[]): { code: number; loaded: string[]; withZod: string[] } {
  const file = join(scene.dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, '');
  const r = spawnSync(process.execPath, ['--import', RECORD, BIN, ...args], { env: { ...process.env, FLOWAUDIT_TEST_MODULES_FILE: file, NO_COLOR: '1' }, encoding: 'utf8' });
  const loaded = [...new Set(readFileSync(file, 'utf8').split('\n').filter((url) => url.includes('/dist/')))].map((url) => fileURLToPath(url));
  return { code: r.status ?? -1, loaded, withZod: loaded.filter((path) => ZOD_CORE.test(readFileSync(path, 'utf8'))) };
}

describe('startup', () => {
  // zod builds every schema of the report when loaded, a cost on every run that reads no JSON: the metrics
  // import only their types from the schemas
  it('a report without a config file never loads the schema library; one with a config file does, to validate it', () => {
    const plain = modulesOf(['report', scene.repo.dir, '--no-github', '--format', 'json', ...WINDOW]);
    expect(plain.code).toBe(0);
    expect(plain.loaded.length).toBeGreaterThan(5);
    expect(plain.withZod).toEqual([]);

    const config = join(scene.dir, 'flowaudit.json');
    writeFileSync(config, '{ "incidentLabel": "sev1" }');
    const configured = modulesOf(['report', scene.repo.dir, '--no-github', '--format', 'json', '--config', config, ...WINDOW]);
    expect(configured.code).toBe(0);
    expect(configured.withZod.length).toBeGreaterThan(0);
  });
});

// Alpine's /usr/bin/env (and node's -alpine images') is BusyBox's, which has no -S: a shebang that passes node a flag
// through it never starts the CLI. The kernel runs a shebang as its interpreter, the rest of the line as one
// argument, then the script: run here with BusyBox's env in place of the system's
const BUSYBOX = spawnSync('busybox', ['true']).error === undefined;
if (!BUSYBOX) console.warn('startup: busybox is not installed (apt-get install busybox): the BusyBox env case is skipped');

describe('the bin under BusyBox env (Alpine)', () => {
  it.skipIf(!BUSYBOX)('starts through its shebang', () => {
    const shebang = /^#!(\S+)(?:[ \t]+(.*))?$/.exec(readFileSync(BIN, 'utf8').split('\n')[0] ?? '');
    expect(shebang?.[1]).toBe('/usr/bin/env');
    const argument = shebang?.[2]?.trim();
    const r = spawnSync('busybox', ['env', ...(argument ? [argument] : []), BIN, '--version'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ status: 0, stdout: `${VERSION}\n` });
  });
});
