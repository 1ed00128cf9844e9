import { readFileSync } from 'node:fs';

/** The package version, read once from package.json (one level up from both src/ and dist/). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Where the JSON Schema `name` (`report`, `config`) of this version is: the file committed in the repository's
 * schema/, at the version's tag, as GitHub serves it raw. Versioned, so a report names the schema it was
 * written to; and it resolves without any registry, as the Action does (`uses: OWNER/flowaudit@TAG`).
 */
export function schemaUrl(name: 'report' | 'config'): string {
  return `https://raw.githubusercontent.com/flowaudit/flowaudit/v${VERSION}/schema/${name}.schema.json`;
}
