/*
 * The layers of src/, in the one direction data flows (STYLE.md): shared types and units at the bottom, then
 * sources → model → metrics → advice → report (the builder) → render, and on top the application (audit,
 * aggregate, config, commands, the CLI) that wires them. A module may import its own layer and those below.
 */
const LAYERS = [
  // the checked reader and the temp-file registry are shared: the GitHub cache (a source) reads a file it did not
  // write in this run, and writes one through a temp file, as the application's config, reports and -o do
  ['shared', '^src/(domain|errors|units|time|lists|version|stage-labels|patterns|glob|glob-match|release-names|jsonc)\\.ts$|^src/io/(read-regular|temp-files)\\.ts$'],
  ['sources', '^src/sources/'],
  ['model', '^src/model/'],
  ['metrics', '^src/metrics/'],
  ['advice', '^src/advice/'],
  ['report', '^src/report/'],
  ['render', '^src/(render|gates|compare)/'],
];
const APP = '^src/(audit|aggregate|commands|config|action)/|^src/io/(?!(read-regular|temp-files)\\.ts$)|^src/(cli|options|index)\\.ts$';

const forbidden = [
  { name: 'no-circular', severity: 'error', comment: 'an import cycle', from: {}, to: { circular: true } },
  { name: 'no-test-imports', severity: 'error', from: { path: '^src/' }, to: { path: '^test/' } },
  { name: 'app-imported-from-below', severity: 'error', comment: 'only the application wires the layers', from: { path: LAYERS.map(([, p]) => p) }, to: { path: APP } },
];
LAYERS.forEach(([name, path], i) => {
  const above = LAYERS.slice(i + 1).map(([, p]) => p);
  if (above.length > 0) {
    forbidden.push({ name: `${name}-imports-upward`, severity: 'error', comment: `${name} imports only its own layer and those below`, from: { path }, to: { path: above } });
  }
});

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^src/',
  },
};
