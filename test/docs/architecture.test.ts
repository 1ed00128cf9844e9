import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const page = readFileSync(new URL('docs/architecture.md', ROOT), 'utf8');
/** every `path` the page names: a backquoted src/, test/, docs/ or schema/ path, or a root file */
const named = [...page.matchAll(/`((?:src|test|docs|schema)\/[^`\s]+|\.dependency-cruiser\.cjs)`/g)].map((m) => m[1] as string);

describe('docs/architecture.md', () => {
  it('names the files a newcomer touches', () => {
    // a page that lost its paths would pass the check below vacuously
    expect(named.length).toBeGreaterThan(30);
    for (const step of ['src/metrics/catalogue.ts', 'src/model/build.ts', 'src/sources/deploys/index.ts', 'src/render/formats.ts', 'src/advice/index.ts', 'src/model/slices.ts']) expect(named).toContain(step);
  });

  it('names only paths that exist', () => {
    const missing = named.filter((path) => !existsSync(new URL(path.replace(/\/$/, ''), ROOT)));
    expect(missing).toEqual([]);
  });
});
