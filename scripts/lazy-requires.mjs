// A rolldown plugin for the CommonJS packages flowaudit requires only when it needs them
// (`createRequire(import.meta.url)('re2js')` in src/patterns.ts, `…('jsonc-parser')` in src/jsonc.ts):
// a bundler cannot follow such a require, so each bundle says where the package goes instead.
//
// - 'inline' (the Action's one file): the require becomes the package's ES module, imported by the module that
//   asked for it and bundled with it; the runner has no node_modules, and one more module loaded at start costs
//   an Action nothing.
// - 'beside' (the CLI's chunks): the require names a CommonJS file written beside the chunks
//   (`dist/bin/re2js.cjs`), made from the package by `writeBeside` (minified: it is the package's code, not
//   ours, and half the size); a run that needs no pattern or config still
//   never loads it, and the installed package needs neither package from node_modules.

import path from 'node:path';
import { build } from 'rolldown';

/** The packages required lazily, by name. */
export const LAZY = ['re2js', 'jsonc-parser'];

const call = (name) => new RegExp(`createRequire\\(import\\.meta\\.url\\)\\((['"])${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\1\\)`, 'g');

/**
 * The plugin. `beside`: the file name of a package's CommonJS copy beside the output, relative to it.
 * @param {'inline' | 'beside'} mode
 */
export function lazyRequires(mode) {
  return {
    name: 'lazy-requires',
    transform: {
      order: 'pre',
      handler(code) {
        let out = code;
        for (const [i, name] of LAZY.entries()) {
          if (!call(name).test(out)) continue;
          if (mode === 'inline') out = `import * as lazy${i} from ${JSON.stringify(name)};\n${out.replace(call(name), `lazy${i}`)}`;
          // a placeholder first: the chunk's own import.meta.url, which no later transform may move
          else out = out.replace(call(name), `__lazyRequire__(${JSON.stringify(`./${besideName(name)}`)})`);
        }
        return out === code ? null : { code: out, map: null };
      },
    },
    renderChunk(code) {
      if (mode !== 'beside' || !code.includes('__lazyRequire__(')) return null;
      // a name of its own: the chunk may import createRequire for other modules, under any name
      return `import { createRequire as lazyCreateRequire } from 'node:module';\n${code.replaceAll('__lazyRequire__(', 'lazyCreateRequire(import.meta.url)(')}`;
    },
  };
}

/** `re2js.cjs`: the file a package is written to beside the chunks. */
export function besideName(name) {
  return `${name.replace(/^@/, '').replace(/\//g, '-')}.cjs`;
}

/** Writes each lazily required package as one CommonJS file in `dir`, from its ES module build. */
export async function writeBeside(dir, { cwd }) {
  for (const name of LAZY) {
    await build({
      cwd,
      input: name,
      platform: 'node',
      // jsonc-parser's CommonJS build is UMD requiring its own files by computed name: its ES modules are bundleable
      resolve: { mainFields: ['module', 'main'] },
      output: { file: path.join(dir, besideName(name)), format: 'cjs', minify: true, comments: { legal: true } },
      logLevel: 'warn',
    });
  }
}
