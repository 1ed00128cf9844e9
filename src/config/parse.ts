/*
 * A config file's text, validated and filled in from the defaults: what `loadConfig` loads only when there is a
 * file, and the schema library (zod) with it.
 */
import { ConfigError } from '../errors.js';
import { defaultConfig } from './defaults.js';
import { describeIssues } from './issues.js';
import { parseJsonc } from '../jsonc.js';
import { configSchema, type ConfigFile } from './schema.js';
import { WEEKDAYS, type Config } from './types.js';
import { parseClock } from './values.js';

/**
 * Validates config text (JSON with comments) and fills in the defaults. `name` is how errors name the file.
 * @throws ConfigError: "config .flowaudit.json: thresholds.pickupP50 must be a duration like 24h or a number of seconds"
 */
export function parseConfigText(text: string, name: string): Config {
  let raw: unknown;
  try {
    raw = parseJsonc(text);
  } catch (error) {
    throw new ConfigError(`config ${name}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  // zod leaves a record's key `__proto__` out without a word: a product so named would vanish from the counts
  const products = typeof raw === 'object' && raw !== null ? (raw as { products?: unknown }).products : undefined;
  if (typeof products === 'object' && products !== null && Object.hasOwn(products, '__proto__')) {
    throw new ConfigError(`config ${name}: products.__proto__ cannot be a product's name: name it otherwise`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = describeIssues(result.error.issues, knownKeys);
    throw new ConfigError(`config ${name}: ${problems.join('; ')}`, { cause: result.error });
  }
  const config = withDefaults(result.data);
  const hoursProblem = checkBusinessHours(config);
  if (hoursProblem) throw new ConfigError(`config ${name}: ${hoursProblem}`);
  return config;
}

function withDefaults(file: ConfigFile): Config {
  const d = defaultConfig();
  const days = file.businessHours?.days;
  return {
    bots: file.bots ?? d.bots,
    deploy: { ...d.deploy, ...defined(file.deploy) },
    revertWindow: file.revertWindow ?? d.revertWindow,
    incidentLabel: file.incidentLabel ?? d.incidentLabel,
    bugLabel: file.bugLabel ?? d.bugLabel,
    ai: { ...d.ai, ...defined(file.ai) },
    requiredApprovals: file.requiredApprovals ?? d.requiredApprovals,
    businessHours: {
      ...d.businessHours,
      ...defined(file.businessHours),
      // week order, each once, whatever order the file lists them in
      ...(days && { days: WEEKDAYS.filter((day) => days.includes(day)) }),
    },
    thresholds: { ...d.thresholds, ...defined(file.thresholds) },
    sizeExcluded: file.sizeExcluded ?? d.sizeExcluded,
    check: file.check ?? d.check,
    products: Object.fromEntries(Object.entries(file.products ?? {}).map(([name, p]) => [name, { paths: p.paths, tags: p.tags ?? null }])),
    source: null,
  };
}

/** `{a: 1, b: undefined}` → `{a: 1}`, so an absent key does not overwrite a default. */
function defined<T extends object>(value: T | undefined): { [K in keyof T]?: Exclude<T[K], undefined> } {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** start before end, checked after defaults fill in whichever the file leaves out. */
export function checkBusinessHours(config: Config): string | null {
  const { start, end } = config.businessHours;
  if ((parseClock(end) ?? 0) <= (parseClock(start) ?? 0)) return `businessHours.end (${end}) must be later than businessHours.start (${start})`;
  return null;
}

/** The keys allowed at a path of the file, for "did you mean" hints. */
function knownKeys(path: ReadonlyArray<PropertyKey>): readonly string[] {
  let shape: unknown = configSchema.shape;
  for (const key of path) {
    const field = (shape as Record<string, unknown> | undefined)?.[String(key)];
    shape = unwrapShape(field);
  }
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

function unwrapShape(schema: unknown): unknown {
  let s = schema as { shape?: unknown; unwrap?: () => unknown } | undefined;
  while (s && s.shape === undefined && typeof s.unwrap === 'function') s = s.unwrap() as typeof s;
  return s?.shape;
}
