import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { reportProblems, type Checked } from '../../src/report/invariants.js';

/*
 * The published JSON Schemas (schema/*.schema.json, generated from the zod schemas by `npm run build`, which
 * `npm test` runs first), checked with ajv: an independent validator, so a report that zod accepts but the
 * published schema does not (or the other way round) fails a test.
 */

const validators = new Map<string, ValidateFunction>();

function validator(name: 'report' | 'config'): ValidateFunction {
  const known = validators.get(name);
  if (known) return known;
  const file = new URL(`../../schema/${name}.schema.json`, import.meta.url);
  if (!existsSync(file)) throw new Error(`schema/${name}.schema.json is missing: run npm run build`);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  validators.set(name, validate);
  return validate;
}

/** Problems ajv finds in `data` against schema/NAME.schema.json, one line each; [] when valid. */
export function schemaProblems(name: 'report' | 'config', data: unknown): string[] {
  const validate = validator(name);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/**
 * Throws, naming the problems, unless `json` (text or parsed) is a report valid against the published schema
 * and the rules between its fields that no JSON Schema states (src/report/invariants.ts): every report a test
 * makes is one flowaudit would read back.
 */
export function expectValidReport(json: string | unknown): void {
  const data: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  const problems = schemaProblems('report', data);
  if (problems.length > 0) throw new Error(`the JSON report does not match schema/report.schema.json:\n${problems.slice(0, 10).join('\n')}`);
  const broken = reportProblems(data as Checked);
  if (broken.length > 0) throw new Error(`the JSON report breaks the report's rules:\n${broken.slice(0, 10).map((p) => `${p.path.join('.')}: ${p.message}`).join('\n')}`);
}

/** True when text is a flowaudit JSON report (not the results of check, nor a comparison). */
export function looksLikeReport(text: string): boolean {
  return /^\{\s*"\$schema": "[^"]*report\.schema\.json"/.test(text);
}
