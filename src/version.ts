import { readFileSync } from 'node:fs';

/** The package version, read once from package.json (one level up from both src/ and dist/). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Where the JSON Schema `name` (`report`, `config`) of this version is published: the file the package ships in
 * schema/, as served from the npm registry by unpkg. Versioned, so a report names the schema it was written to.
 */
export function schemaUrl(name: 'report' | 'config'): string {
  return `https://unpkg.com/flowaudit@${VERSION}/schema/${name}.schema.json`;
}
