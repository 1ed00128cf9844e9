// Writes the JSON Schemas of the JSON report and of .flowaudit.json from their zod schemas (the one source of
// truth), after `tsc` has compiled them to dist/. Run by `npm run build`; the files ship in the package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../dist/config/schema.js';
import { reportSchema } from '../dist/report/schema.js';
import { schemaUrl } from '../dist/version.js';

const out = new URL('../schema/', import.meta.url);
mkdirSync(out, { recursive: true });

const write = (name, schema, io, title, indent) => {
  const json = { ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }), $id: schemaUrl(name), title };
  writeFileSync(new URL(`${name}.schema.json`, out), `${JSON.stringify(json, null, indent)}\n`);
};

// a report is what flowaudit writes: its output side; a config is what a person writes: its input side. The
// report's is read by validators and code generators, and indented it was 0.61 MB of the package's 3 MB budget
// (0.27 MB without the white space); its sub-schemas stay inline (zod's `reused: 'ref'` would make it 0.19 MB, but
// name every shared part `__schemaN`, the names a code generator would give its types). The config's is small,
// and people read it beside their editor's completions
write('report', reportSchema, 'output', 'flowaudit JSON report (schemaVersion 1)', 0);
write('config', configSchema, 'input', 'flowaudit configuration (.flowaudit.json)', 2);
