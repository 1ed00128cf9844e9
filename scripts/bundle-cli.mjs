// Build step (npm run build), after tsc: the CLI that bin/flowaudit.js runs, bundled from dist/cli.js into
// chunks under dist/bin/ (each command's own, loaded when it runs). Node loads an ES module per file: a report
// imported 210 files (ours, zod's 95), about 130 ms (165 ms of CPU) before its first git process; bundled, 28
// files and about 60 ms (80 ms of CPU). The aggregate's worker thread is bundled beside it, sharing its chunks:
// unbundled, each worker loaded its modules one file at a time for 0.32 s before its first report, 0.2 s
// bundled; dist/aggregate/digest-worker.js, where the library and the CLI start it, then only imports the
// bundle. The library (dist/index.js) is bundled beside them as dist/bin/index.js, which package.json exports.
// Every dependency is in the bundle, so the installed package needs nothing from node_modules: the two
// required only when needed (re2js, jsonc-parser) are each one CommonJS file beside the chunks
// (scripts/lazy-requires.mjs). The rest of dist/ stays as tsc wrote it, for the types' bundle.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { lazyRequires, writeBeside } from './lazy-requires.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = path.join(dist, 'bin');

const worker = path.join(dist, 'aggregate', 'digest-worker.js');
await build({
  input: { flowaudit: path.join(dist, 'cli.js'), 'digest-worker': worker, index: path.join(dist, 'index.js') },
  platform: 'node',
  // dependencies are bundled, CommonJS ones too (commander, cli-table3)
  external: (id) => id.startsWith('node:'),
  plugins: [lazyRequires('beside'), sameImportMetaUrl()],
  // whitespace only: names stay readable in a profile, and the installed package shrinks by a third
  output: { dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } } },
  logLevel: 'warn',
});
await writeBeside(out, { cwd: fileURLToPath(new URL('..', import.meta.url)) });
writeFileSync(worker, "// the aggregate's worker thread, bundled (scripts/bundle-cli.mjs)\nimport '../bin/digest-worker.js';\n");

/**
 * A module that finds a file beside it (`new URL('./digest-worker.js', import.meta.url)`, the package.json)
 * keeps finding it from the bundle: its `import.meta.url` is made the URL of the file tsc wrote.
 */
function sameImportMetaUrl() {
  return {
    name: 'same-import-meta-url',
    transform(code, id) {
      if (!id.startsWith(dist) || !code.includes('import.meta.url')) return null;
      const relative = path.relative(out, id).split(path.sep).join('/');
      return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), map: null };
    },
  };
}
