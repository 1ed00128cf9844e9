import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/*
 * schema/ is committed so that the `$id` and `$schema` URLs (the file at a version's tag) resolve; `npm test`
 * builds first, which writes the schemas from the zod ones: a committed file that differs from what the build
 * wrote is stale, and users would validate against an old shape.
 */
describe('the committed JSON Schemas', () => {
  it.runIf(existsSync(`${root}.git`))('are what the build writes from the zod schemas', () => {
    const stale = execFileSync('git', ['status', '--porcelain', '--', 'schema/'], { cwd: root, encoding: 'utf8' });
    expect(stale, 'run `npm run build` and commit schema/').toBe('');
  });
});
