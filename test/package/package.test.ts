import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The package as npm would pack it (after `npm run build`): the bundled CLI and library inline their
 * dependencies, so `dependencies` holds exactly what the bundle still loads from node_modules at run time —
 * a dependency listed but bundled costs every user its install, one bundled-out but unlisted breaks them.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  engines: { node: string };
  exports: Record<string, { import?: string } | string>;
  bin: Record<string, string>;
};
const bundle = join(ROOT, 'dist/bin');
const chunks = readdirSync(bundle).filter((name) => name.endsWith('.js'));

/** The packages a bundled file loads by bare name: static and dynamic imports, require and createRequire(…)(…). */
function bareSpecifiers(code: string): string[] {
  const names = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\)\s*\(\s*)["']([@a-z0-9][\w.@/-]*)["']/g)].map((m) => m[1] ?? '');
  return names.filter((name) => !name.startsWith('node:')).map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0] ?? name));
}

describe('the package', () => {
  it('lists as dependencies exactly the packages its bundle loads at run time', () => {
    const loaded = new Set(chunks.flatMap((name) => bareSpecifiers(readFileSync(join(bundle, name), 'utf8'))));
    expect([...loaded].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });

  it('its dependencies install on the Node it says it runs on', () => {
    const ours = Number(/^>=\s*(\d+)/.exec(manifest.engines.node)?.[1]);
    expect(ours).toBe(20);
    for (const name of Object.keys(manifest.dependencies)) {
      const wanted = (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node;
      if (wanted === undefined) continue;
      expect(Number(/^>=\s*(\d+)/.exec(wanted)?.[1]), `${name} wants node ${wanted}`).toBeLessThanOrEqual(ours);
    }
  });

  it('packs the bundle, the entry points and the schemas, and not the unbundled build', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files = new Set((JSON.parse(r.stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path));
    const library = manifest.exports['.'];
    const entries = [...Object.values(manifest.bin), typeof library === 'string' ? library : library?.import ?? ''].map((p) => p.replace(/^\.\//, ''));
    for (const file of [...entries, ...chunks.map((name) => `dist/bin/${name}`), 'dist/aggregate/digest-worker.js', 'dist/index.d.ts', 'schema/report.schema.json', 'schema/config.schema.json', 'action.yml']) {
      expect(files.has(file), file).toBe(true);
    }
    // tsc's own output is bundled already: shipping it would double the package
    expect(files.has('dist/cli.js')).toBe(false);
    expect(files.has('dist/index.js')).toBe(false);
  });
});
