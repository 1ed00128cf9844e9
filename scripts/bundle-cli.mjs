// Build step (npm run build), after tsc: the CLI that bin/flowaudit.js runs, bundled from dist/cli.js into
// chunks under dist/bin/ (each command's own, loaded when it runs). Node loads an ES module per file: a report
// imported 210 files (ours, zod's 95), about 130 ms (165 ms of CPU) before its first git process; bundled, 28
// files and about 60 ms (80 ms of CPU). dist/ stays as tsc wrote it: the library (dist/index.js), the types
// and the aggregate worker thread are read from there.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = path.join(dist, 'bin');

await build({
  input: path.join(dist, 'cli.js'),
  platform: 'node',
  // dependencies are bundled, CommonJS ones too (commander, ignore, cli-table3), but for jsonc-parser: its UMD
  // build requires its own files by computed name (and it is required only when a config file is read)
  external: (id) => id.startsWith('node:') || /^jsonc-parser(\/|$)/.test(id),
  plugins: [sameImportMetaUrl()],
  output: { dir: out, format: 'esm', entryFileNames: 'flowaudit.js', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});

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
