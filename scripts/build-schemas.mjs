// Writes the JSON Schemas of the JSON report and of .flowaudit.json from their zod schemas (the one source of
// truth), after `tsc` has compiled them to dist/. Run by `npm run build`; the files ship in the package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../dist/config/schema.js';
import { reportSchema } from '../dist/report/schema.js';
import { schemaUrl } from '../dist/version.js';

const out = new URL('../schema/', import.meta.url);
mkdirSync(out, { recursive: true });

const write = (name, schema, io, title) => {
  const json = { ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }), $id: schemaUrl(name), title };
  writeFileSync(new URL(`${name}.schema.json`, out), `${JSON.stringify(json, null, 2)}\n`);
};

// a report is what flowaudit writes: its output side; a config is what a person writes: its input side
write('report', reportSchema, 'output', 'flowaudit JSON report (schemaVersion 1)');
write('config', configSchema, 'input', 'flowaudit configuration (.flowaudit.json)');
