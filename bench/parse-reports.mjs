// The aggregate benchmark's baseline: read each file given and JSON.parse it, keeping nothing — the least any
// aggregate of these reports has to do.
import { readFileSync } from 'node:fs';

let changes = 0;
for (const file of process.argv.slice(2)) changes += JSON.parse(readFileSync(file, 'utf8')).changes.length;
if (changes < 0) console.log(changes);
