// Empties dist/ and schema/ before a build, so nothing a removed source once compiled to ships in the package.
import { rmSync } from 'node:fs';

for (const dir of ['dist', 'schema']) rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
