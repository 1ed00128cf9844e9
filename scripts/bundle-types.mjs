// Build step (npm run build), after tsc: the library's types in one file beside the bundled library it
// describes, dist/bin/index.d.ts (package.json's `types`), made from the declarations tsc wrote in dist/. Only
// what src/index.ts exports is exported; the types those name are declared in the file, unexported, and zod's
// are imported from zod. tsc's 250 declaration files, one per module, stay out of the package.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDtsBundle } from 'dts-bundle-generator';

const dist = new URL('../dist/', import.meta.url);
const [types] = generateDtsBundle(
  [{ filePath: fileURLToPath(new URL('index.d.ts', dist)), output: { noBanner: true, exportReferencedTypes: false }, libraries: { importedLibraries: ['zod'] } }],
  { preferredConfigPath: fileURLToPath(new URL('tsconfig.types.json', import.meta.url)) },
);
writeFileSync(new URL('bin/index.d.ts', dist), `// the types of flowaudit's library (src/index.ts), bundled by scripts/bundle-types.mjs\n${types}`);
