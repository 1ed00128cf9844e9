import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The Action runs the committed dist-action/index.js: it must be exactly what the sources build now, or a
 * workflow would run code no one reviewed as source. Built again here, from the same sources, by the same script.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'flowaudit-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the Action\'s committed bundle', () => {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle-action.mjs'), out], { cwd: ROOT, encoding: 'utf8' });
  const committed = readFileSync(join(ROOT, 'dist-action', 'index.js'), 'utf8');

  it('is what scripts/bundle-action.mjs builds from the sources now (else: npm run build:action, and commit dist-action/)', () => {
    expect(built.status, built.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['index.js']);
    const fresh = readFileSync(join(out, 'index.js'), 'utf8');
    // a byte-for-byte comparison, said in a line rather than a 40,000-line diff
    expect(fresh === committed, 'dist-action/index.js is not what the sources build: run `npm run build:action` and commit it').toBe(true);
  });

  it('names no path of the machine that built it, and stays a sensible size', () => {
    for (const path of [ROOT.replace(/\/$/, ''), homedir(), tmpdir(), '/home/', '/Users/', 'C:\\']) expect(committed.includes(path), path).toBe(false);
    // every module is named from the repository (`// src/cli.ts`), none from a folder above it
    expect(committed).not.toMatch(/^\/\/ \.\.\//m);
    const bytes = Buffer.byteLength(committed);
    // the CLI whole, its dependencies within: about 1.4 MB (actions/checkout's own is 1.3 MB)
    expect(bytes).toBeLessThan(2_000_000);
    expect(bytes).toBeGreaterThan(500_000);
  });
});
