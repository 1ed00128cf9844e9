import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { FORMATS } from '../../src/render/formats.js';
import { VERSION } from '../../src/version.js';
import type { FixtureRepo } from '../helpers/git-fixture.js';
import { mainScenario } from '../scenarios.js';

/*
 * The package as a user gets it: packed from this build (`npm test` builds first), then installed from its
 * tarball into an empty folder, with no registry (it has no dependency to fetch), and run from there.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const MB = 1024 * 1024;
interface Manifest {
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
  engines: { node: string };
  exports: Record<string, { import?: string; types?: string } | string>;
  bin: Record<string, string>;
  types: string;
  files: string[];
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const bundle = join(ROOT, 'dist/bin');
const chunks = readdirSync(bundle).filter((name) => name.endsWith('.js'));

let dir: string;
let packed: { filename: string; files: Array<{ path: string; size: number }> };
let installed: string;
let install: SpawnSyncReturns<string>;

/** What npm packs: the manifest, the files it lists and the script that writes the packed manifest. */
const PACKED_FROM = ['package.json', 'scripts/pack-manifest.mjs', ...manifest.files];
let copy: string;
let packedManifest: Manifest;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowaudit-package-'));
  // packed through npm's own prepack and postpack, from a copy: this build is done (`npm test` builds first), and
  // packing the clone itself would rewrite its manifest under the other tests' feet
  copy = join(dir, 'clone');
  for (const path of PACKED_FROM) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  const copied = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as Manifest;
  copied.scripts.prepack = (copied.scripts.prepack ?? '').replace('npm run build && ', '');
  writeFileSync(join(copy, 'package.json'), `${JSON.stringify(copied, null, 2)}\n`);
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: copy, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout) as [typeof packed])[0];
  const manifestOut = spawnSync('tar', ['-xzf', join(dir, packed.filename), '-O', 'package/package.json'], { encoding: 'utf8' });
  expect(manifestOut.status, manifestOut.stderr).toBe(0);
  packedManifest = JSON.parse(manifestOut.stdout) as Manifest;
  installed = join(dir, 'user');
  mkdirSync(installed);
  writeFileSync(join(installed, 'package.json'), '{ "name": "user", "private": true }\n');
  install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)], { cwd: installed, encoding: 'utf8' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The packages a bundled file loads by bare name: static and dynamic imports, require and createRequire(…)(…); a
 * property named `from` (the text `deploy.from "branch"` in an error) is no import.
 */
function bareSpecifiers(code: string): string[] {
  const names = [...code.matchAll(/(?:(?<![.\w])from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\)\s*\(\s*)["']([@a-z0-9][\w.@/-]*)["']/g)].map((m) => m[1] ?? '');
  return names.filter((name) => !name.startsWith('node:')).map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0] ?? name));
}

describe('the package', () => {
  it('lists as dependencies exactly the packages its bundle loads at run time: none', () => {
    const loaded = new Set(chunks.flatMap((name) => bareSpecifiers(readFileSync(join(bundle, name), 'utf8'))));
    expect([...loaded].sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
    expect(loaded.size).toBe(0);
  });

  it('builds where a clone is installed, and runs no script where the package is: it is built when packed', () => {
    // `npm install && npx flowaudit report` in a fresh clone
    expect(manifest.scripts.prepare).toBe('npm run build');
    expect(manifest.scripts.prepack).toBe('npm run build && node scripts/pack-manifest.mjs strip');
    for (const script of ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare']) expect(packedManifest.scripts[script], script).toBeUndefined();
    // the rest of the packed manifest is the clone's
    expect({ ...packedManifest, scripts: { ...packedManifest.scripts, prepare: manifest.scripts.prepare, prepack: manifest.scripts.prepack } }).toEqual(manifest);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/install script|allowScripts/i);
  });

  it('leaves the packed clone\'s manifest as it was', () => {
    const copied = readFileSync(join(copy, 'package.json'), 'utf8');
    expect(JSON.parse(copied)).toMatchObject({ scripts: { prepare: 'npm run build', postpack: 'node scripts/pack-manifest.mjs restore' } });
    expect(readdirSync(copy).filter((name) => name.startsWith('package.json'))).toEqual(['package.json']);
  });

  it('packs the bundle, the entry points, one validator, one types file and the schemas, and nothing tsc wrote apart', () => {
    const files = new Set(packed.files.map((f) => f.path));
    const library = manifest.exports['.'];
    const entries = [...Object.values(manifest.bin), typeof library === 'string' ? library : library?.import ?? '', manifest.types].map((p) => p.replace(/^\.\//, ''));
    for (const file of [...entries, ...chunks.map((name) => `dist/bin/${name}`), 'dist/bin/re2js.cjs', 'dist/bin/jsonc-parser.cjs', 'dist/aggregate/digest-worker.js', 'dist/aggregate/validate-report.js', 'schema/report.schema.json', 'schema/config.schema.json']) {
      expect(files.has(file), file).toBe(true);
    }
    // tsc's own output is bundled already, its declarations too: shipping them would double the package
    expect([...files].filter((f) => f.endsWith('.d.ts'))).toEqual(['dist/bin/index.d.ts']);
    expect([...files].filter((f) => /^dist\/(?!bin\/|aggregate\/(digest-worker|validate-report)\.js$)/.test(f))).toEqual([]);
    // what a user reads beside the README ships; how the code is laid out (architecture.md) is for contributors
    expect([...files].filter((f) => f.startsWith('docs/')).sort()).toEqual(['docs/definitions.md', 'docs/examples/organisation-audit.yml', 'docs/organisation.md']);
    expect([...files].filter((f) => /^(src|test|dist-action)\//.test(f))).toEqual([]);
  });

  it('types the formats\' loaders as renderers, not by spelling out the report once per format', () => {
    const types = readFileSync(join(installed, 'node_modules', 'flowaudit', 'dist', 'bin', 'index.d.ts'), 'utf8');
    // inferred, each loader's type repeated the report's whole shape: 0.3 MB of the 0.46 MB of types
    expect(types.match(/readonly load: \(\) => Promise<Renderer>;/g)).toHaveLength(FORMATS.length);
    expect(types.length).toBeLessThan(250_000);
  });

  it('takes at most 3 MB installed', () => {
    const du = spawnSync('du', ['-sk', join(installed, 'node_modules')], { encoding: 'utf8' });
    expect(du.status, du.stderr).toBe(0);
    const kilobytes = Number(du.stdout.split('\t')[0]);
    expect(kilobytes * 1024).toBeLessThanOrEqual(3 * MB);
    expect(readdirSync(join(installed, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['flowaudit']);
  });
});

describe('the installed package', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = mainScenario();
  });
  afterAll(() => repo.cleanup());

  it('runs its CLI, with a config file and the patterns it names (the files loaded only when needed)', () => {
    const bin = join(installed, 'node_modules', '.bin', 'flowaudit');
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(VERSION);
    writeFileSync(join(repo.dir, '.flowaudit.json'), '{\n  // 1.0 and 1.1 only\n  "deploy": { "tagPattern": "^v1\\\\.[01]\\\\." },\n}\n');
    const r = spawnSync(bin, ['report', repo.dir, '--format', 'json', '--no-github', '--since', '2026-03-01T12:00:00Z', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { deploys: Array<{ ref: string }> }).deploys.map((d) => d.ref)).toEqual(['v1.0.0', 'v1.1.0']);
  });

  it('exports the library, and types every export and nothing else', () => {
    const script = "const m = await import('flowaudit'); console.log(JSON.stringify(Object.keys(m).sort()))";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: installed, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(Object.keys(library).sort());
    // a user's module, type-checked against the installed types, zod installed beside them as README says
    const consumer = join(dir, 'consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    cpSync(join(installed, 'node_modules', 'flowaudit'), join(consumer, 'node_modules', 'flowaudit'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', 'zod'), join(consumer, 'node_modules', 'zod'));
    const user = join(consumer, 'use.mts');
    writeFileSync(user, [
      "import { audit, renderMarkdown, reportSchema, ConfigError, type Report, type AuditOptions } from 'flowaudit';",
      "const options: AuditOptions = { path: '.', since: '90d' };",
      'const report: Report = await audit(options);',
      'const text: string = renderMarkdown(report);',
      'const again: Report = reportSchema.parse(JSON.parse(text));',
      'export const seen = [again.summary.leadTime.p50, new ConfigError("x").exitCode];',
      '',
    ].join('\n'));
    const program = ts.createProgram([user], {
      module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true,
      types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')],
    });
    // the user's module and flowaudit's types checked whole; zod's own files only where they are used
    const types = join(consumer, 'node_modules', 'flowaudit', manifest.types);
    const checked = [user, types].map((file) => program.getSourceFile(file));
    expect(checked.every(Boolean)).toBe(true);
    const problems = [...program.getOptionsDiagnostics(), ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])]
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    const text = readFileSync(types, 'utf8');
    const exported = [...text.matchAll(/^export (?:declare )?(?:const|function|class|interface|type) (\w+)/gm)].map((m) => m[1]);
    const listed = [...text.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim().split(/\s+as\s+/).pop() ?? '')).filter(Boolean);
    for (const name of Object.keys(library)) expect([...exported, ...listed], name).toContain(name);
    expect(exported.length + listed.length).toBeLessThan(60);
  });
});
