import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig, DEFAULT_THRESHOLDS } from '../../src/config/defaults.js';
import { loadConfig } from '../../src/config/load.js';
import { parseConfigText } from '../../src/config/parse.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowaudit-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FILE = '.flowaudit.json';

/** The ConfigError message `text` gets from the loader. */
function problem(text: string): string {
  try {
    parseConfigText(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('loadConfig', () => {
  it('gives the defaults when the repository has no .flowaudit.json', async () => {
    expect(await loadConfig({ repoRoot: dir })).toEqual(defaultConfig());
  });

  it('reads a full file, with comments and trailing commas, into seconds and ratios', async () => {
    writeFileSync(
      join(dir, FILE),
      `// team settings
      {
        "bots": ["^ci-robot$"],
        "deploy": { "from": "releases", "tagPattern": "^release-", "environment": "^live$", "workflow": "^ship", "includePrereleases": true },
        "revertWindow": "7d",
        "incidentLabel": "sev1",
        "bugLabel": "^defect$",
        /* markers may hold // and /* inside strings */
        "ai": { "markers": ["^Via: https?://ai\\\\.example/\\\\*"], "labels": ["ai", "copilot",], "agents": ["acme-agent[bot]", "agent@acme.dev"] },
        "requiredApprovals": 2,
        "businessHours": { "enabled": true, "timezone": "Europe/Berlin", "days": ["fri", "mon", "wed"], "start": "08:30", "end": "16:00" },
        "thresholds": { "pickupP50": "4h", "deployWaitP50": "1d 12h", "checksP50": 900, "changeFailureRate": "10%", "flakyRate": 0.02, "wipPerAuthor": 3, "aiRatio": 2 },
        "sizeExcluded": ["docs/**", "*.snap"],
        "check": ["pickup.p50 < 24h"],
        "products": { "api": { "paths": ["services/api/**"], "tags": "^api-v" }, "web": { "paths": ["web/**"] } },
      }`,
    );
    const config = await loadConfig({ repoRoot: dir });
    expect(config).toEqual({
      bots: ['^ci-robot$'],
      deploy: { from: 'releases', tagPattern: '^release-', environment: '^live$', workflow: '^ship', includePrereleases: true },
      revertWindow: 7 * 86400,
      incidentLabel: 'sev1',
      bugLabel: '^defect$',
      ai: { markers: ['^Via: https?://ai\\.example/\\*'], labels: ['ai', 'copilot'], agents: ['acme-agent[bot]', 'agent@acme.dev'] },
      requiredApprovals: 2,
      businessHours: { enabled: true, timezone: 'Europe/Berlin', days: ['mon', 'wed', 'fri'], start: '08:30', end: '16:00' },
      thresholds: { ...DEFAULT_THRESHOLDS, pickupP50: 4 * 3600, deployWaitP50: 36 * 3600, checksP50: 900, changeFailureRate: 0.1, flakyRate: 0.02, wipPerAuthor: 3, aiRatio: 2 },
      sizeExcluded: ['docs/**', '*.snap'],
      check: ['pickup.p50 < 24h'],
      products: { api: { paths: ['services/api/**'], tags: '^api-v' }, web: { paths: ['web/**'], tags: null } },
      source: join(dir, FILE),
    });
  });

  it('fills what a partial file leaves out from the defaults', async () => {
    writeFileSync(join(dir, FILE), '{ "deploy": { "from": "tags" }, "businessHours": { "enabled": true }, "thresholds": { "reworkShare": "50%" } }');
    const config = await loadConfig({ repoRoot: dir });
    const d = defaultConfig();
    expect(config.deploy).toEqual({ ...d.deploy, from: 'tags' });
    expect(config.businessHours).toEqual({ ...d.businessHours, enabled: true });
    expect(config.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, reworkShare: 0.5 });
    expect(config.bots).toEqual([]);
  });

  it('reads --config FILE relative to cwd, over the repository file', async () => {
    writeFileSync(join(dir, FILE), '{ "incidentLabel": "from-repo" }');
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf', 'audit.json'), '{ "incidentLabel": "from-flag" }');
    expect((await loadConfig({ repoRoot: dir, file: 'conf/audit.json', cwd: dir })).incidentLabel).toBe('from-flag');
    expect((await loadConfig({ repoRoot: '/nonexistent', file: join(dir, 'conf', 'audit.json') })).incidentLabel).toBe('from-flag');
  });

  it('fails when an explicit --config file is missing', async () => {
    await expect(loadConfig({ repoRoot: dir, file: 'nope.json', cwd: dir })).rejects.toThrow(
      expect.objectContaining({ name: 'ConfigError', message: 'config nope.json: file not found', hint: expect.stringContaining('--config') }),
    );
  });

  it('fails when the config path cannot be read', async () => {
    mkdirSync(join(dir, FILE));
    await expect(loadConfig({ repoRoot: dir })).rejects.toThrow('config .flowaudit.json is a directory: a config is a small JSON file (see `flowaudit init`)');
  });
});

describe('config errors name the file and the bad field', () => {
  const cases: Array<[string, string]> = [
    ['{ "thresholds": { "pickupP50": "soon" } }', 'thresholds.pickupP50 must be a duration like 24h or a number of seconds'],
    ['{ "thresholds": { "pickupP50": -5 } }', 'thresholds.pickupP50 must be a duration like 24h or a number of seconds'],
    ['{ "thresholds": { "changeFailureRate": 15 } }', 'thresholds.changeFailureRate must be a ratio like 0.15 or a percentage like 15%'],
    ['{ "thresholds": { "unreviewedShare": "150%" } }', 'thresholds.unreviewedShare must be a ratio like 0.15 or a percentage like 15%'],
    ['{ "thresholds": { "wipPerAuthor": "many" } }', 'thresholds.wipPerAuthor must be a number like 2 (0 or more)'],
    ['{ "thresholds": { "aiRatio": 0.5 } }', 'thresholds.aiRatio must be a factor like 1.5 (1 or more)'],
    ['{ "thresholds": { "pickupp50": "1h" } }', 'thresholds.pickupp50 is not a known setting (did you mean pickupP50?)'],
    ['{ "thresholds": [] }', 'thresholds must be an object'],
    ['{ "colour": true }', 'colour is not a known setting'],
    ['{ "bot": [] }', 'bot is not a known setting (did you mean bots?)'],
    ['{ "bots": "dependabot" }', 'bots must be a list of regular expressions'],
    ['{ "bots": ["ok", "(unclosed"] }', 'bots[1] is not a valid regular expression: missing closing )'],
    ['{ "bots": [42] }', 'bots[0] must be a regular expression (a string)'],
    ['{ "deploy": { "from": "ftp" } }', 'deploy.from must be one of auto, events, branch, deployments, workflow, releases, tags, merge'],
    ['{ "deploy": { "tagPattern": "[v" } }', 'deploy.tagPattern is not a valid regular expression: missing closing ]'],
    ['{ "deploy": { "workflow": "(deploy" } }', 'deploy.workflow is not a valid regular expression: missing closing )'],
    ['{ "deploy": { "workflow": ["deploy"] } }', 'deploy.workflow must be a regular expression (a string)'],
    ['{ "deploy": "tags" }', 'deploy must be an object'],
    ['{ "incidentLabel": "" }', 'incidentLabel must be a label name (a non-empty string)'],
    ['{ "bugLabel": "(bug" }', 'bugLabel is not a valid regular expression: missing closing )'],
    ['{ "ai": { "labels": ["ai", 7] } }', 'ai.labels[1] must be a label name (a non-empty string)'],
    ['{ "ai": { "markers": "claude" } }', 'ai.markers must be a list of regular expressions'],
    ['{ "requiredApprovals": 0 }', 'requiredApprovals must be a whole number of at least 1'],
    ['{ "requiredApprovals": "2" }', 'requiredApprovals must be a whole number of at least 1'],
    ['{ "businessHours": { "enabled": "yes" } }', 'businessHours.enabled must be true or false'],
    ['{ "businessHours": { "timezone": "Mars/Olympus" } }', 'businessHours.timezone must be an IANA time zone like Europe/Berlin or UTC'],
    ['{ "businessHours": { "days": [] } }', 'businessHours.days must name at least one day'],
    ['{ "businessHours": { "days": ["mon", "Friday"] } }', 'businessHours.days[1] must be one of mon, tue, wed, thu, fri, sat, sun'],
    ['{ "businessHours": { "start": "9am" } }', 'businessHours.start must be a time of day like 09:00'],
    ['{ "businessHours": { "end": "08:00" } }', 'businessHours.end (08:00) must be later than businessHours.start (09:00)'],
    ['{ "sizeExcluded": ["docs/**", ""] }', 'sizeExcluded[1] must be a path pattern (a non-empty string)'],
    ['{ "check": "pickup < 1d" }', 'check must be a list of threshold expressions (strings)'],
    ['{ "products": { "api": { "paths": [] } } }', 'products.api.paths must name at least one path pattern like "services/api/**"'],
    ['{ "products": { "api": { "paths": ["api/**"], "tags": "(v" } } }', 'products.api.tags is not a valid regular expression: missing closing )'],
    ['{ "products": { "api": { "path": ["api/**"] } } }', 'products.api.paths must be a list of path patterns like "services/api/**"; products.api.path is not a known setting'],
    ['{ "products": ["api"] }', 'products must be an object of products by name, like {"api": {"paths": ["services/api/**"]}}'],
    ['[]', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
  ];
  for (const [text, message] of cases) {
    it(message, () => {
      expect(problem(text)).toBe(`config .flowaudit.json: ${message}`);
    });
  }

  it('lists every bad field at once', () => {
    expect(problem('{ "requiredApprovals": 0, "thresholds": { "flakyRate": "often" } }')).toBe(
      'config .flowaudit.json: requiredApprovals must be a whole number of at least 1; thresholds.flakyRate must be a ratio like 0.15 or a percentage like 15%',
    );
  });

  it('says where the JSON breaks, in lines and columns', () => {
    expect(problem('{\n  "bots": []\n  "check": []\n}')).toMatch(/^config \.flowaudit\.json: not valid JSON: .* line 3 column 3/);
    expect(problem('{ "bots": [] /* never closed ')).toMatch(/^config \.flowaudit\.json: not valid JSON: /);
  });

  it('names the --config file as given', async () => {
    writeFileSync(join(dir, 'ci.json'), '{ "thresholds": { "pickupP50": "x" } }');
    await expect(loadConfig({ repoRoot: dir, file: 'ci.json', cwd: dir })).rejects.toThrow(
      'config ci.json: thresholds.pickupP50 must be a duration like 24h or a number of seconds',
    );
  });
});
