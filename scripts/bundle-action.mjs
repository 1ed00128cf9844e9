// The GitHub Action's program (`npm run build:action`; committed): src/action/main.ts and everything it runs —
// the CLI, its dependencies, re2js and jsonc-parser — bundled from the sources into one ES module,
// dist-action/index.js, which action.yml runs with the runner's own node (`runs.using: node20`), as
// actions/checkout and the typescript-action template run their committed dist/index.js: no install, no build,
// no shell on the runner. Its own folder, not dist/: dist/ is the package's build, emptied by every
// `npm run build` and never committed; dist-action/ is committed and changes only when this script is run.
// test/action/bundle.test.ts builds it again into a temporary folder and fails when the committed file differs.
//
// node scripts/bundle-action.mjs [OUT_DIR]   (default dist-action/)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { lazyRequires } from './lazy-requires.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The file the Action runs, relative to the repository (action.yml's `runs.main`). */
export const ACTION_ENTRY = 'dist-action/index.js';

/** Bundles the Action into `outDir/index.js`; returns its path. */
export async function bundleAction(outDir = path.join(root, path.dirname(ACTION_ENTRY))) {
  const node = /^>=\s*(\d+)/.exec(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node)?.[1];
  const file = path.join(outDir, path.basename(ACTION_ENTRY));
  await build({
    // every path the bundle names is relative to the repository, wherever it is checked out
    cwd: root,
    input: path.join(root, 'src', 'action', 'main.ts'),
    platform: 'node',
    tsconfig: path.join(root, 'tsconfig.build.json'),
    transform: { target: `node${node}` },
    // the sources import each other as `.js`, the files tsc writes
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] }, mainFields: ['module', 'main'] },
    external: (id) => id.startsWith('node:'),
    plugins: [lazyRequires('inline'), modulesNamedFromTheRepository()],
    // one file: each command's code is loaded with the CLI, not a chunk at a time
    output: { file, format: 'esm', codeSplitting: false, comments: { legal: true, annotation: false, jsdoc: false } },
    logLevel: 'warn',
  });
  return file;
}

/**
 * Each module's heading comment (`// src/cli.ts`, `// node_modules/commander/lib/help.js`) names it from the
 * repository even where node_modules is a link to elsewhere (`// ../../elsewhere/node_modules/…`), so the
 * bundle is the same wherever it is built and names no other folder of the machine.
 */
function modulesNamedFromTheRepository() {
  return {
    name: 'modules-named-from-the-repository',
    renderChunk: (code) => code.replace(/^\/\/ (?:\.\.\/)+(?:[^\n]*?\/)?node_modules\//gm, '// node_modules/'),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  await bundleAction(out);
}
