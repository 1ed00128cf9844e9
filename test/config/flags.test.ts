import { describe, expect, it } from 'vitest';
import { defaultConfig, DEFAULT_THRESHOLDS } from '../../src/config/defaults.js';
import { mergeFlags } from '../../src/config/flags.js';
import { parseConfigText } from '../../src/config/load.js';

const fromFile = () =>
  parseConfigText(
    '{ "bots": ["^ci$"], "deploy": { "from": "tags", "tagPattern": "^v" }, "ai": { "labels": ["ai"] }, "thresholds": { "pickupP50": "8h" }, "check": ["a"] }',
    '.flowaudit.json',
  );

describe('mergeFlags', () => {
  it('lets every given flag override the file, and keeps the rest', () => {
    const file = fromFile();
    const merged = mergeFlags(file, {
      deployFrom: 'merge',
      tagPattern: '^release-',
      environment: '^live$',
      incidentLabel: 'outage',
      botPattern: 'robot',
      aiMarkers: ['^Via: ai'],
      aiLabels: ['llm'],
      requiredApprovals: '2',
      businessHours: true,
      timezone: 'America/New_York',
      threshold: ['pickupP50=12h', 'changeFailureRate=10%', 'wipPerAuthor=4'],
      sizeExcluded: ['docs/**'],
      check: ['b', 'c'],
    });
    expect(merged).toEqual({
      ...file,
      bots: ['robot'],
      deploy: { from: 'merge', tagPattern: '^release-', environment: '^live$' },
      incidentLabel: 'outage',
      ai: { markers: ['^Via: ai'], labels: ['llm'] },
      requiredApprovals: 2,
      businessHours: { ...file.businessHours, enabled: true, timezone: 'America/New_York' },
      thresholds: { ...DEFAULT_THRESHOLDS, pickupP50: 12 * 3600, changeFailureRate: 0.1, wipPerAuthor: 4 },
      sizeExcluded: ['docs/**'],
      check: ['b', 'c'],
    });
  });

  it('changes nothing without flags, and never the config it was given', () => {
    const file = fromFile();
    const before = structuredClone(file);
    expect(mergeFlags(file, {})).toEqual(file);
    mergeFlags(file, { threshold: ['pickupP50=1h'], businessHours: true, aiLabels: [] });
    expect(file).toEqual(before);
  });

  it('overrides a threshold the file did not set, keeping the file\'s others', () => {
    const merged = mergeFlags(fromFile(), { threshold: ['checksP50=900'] });
    expect(merged.thresholds.checksP50).toBe(900);
    expect(merged.thresholds.pickupP50).toBe(8 * 3600);
  });

  it('lists the known thresholds when a name is wrong', () => {
    expect(() => mergeFlags(defaultConfig(), { threshold: ['pickup=1h'] })).toThrow(expect.objectContaining({ hint: expect.stringContaining('pickupP50, reviewWaitP50') }));
  });

  it('works on the defaults when there is no file', () => {
    expect(mergeFlags(defaultConfig(), { deployFrom: 'releases' }).deploy.from).toBe('releases');
  });

  const bad: Array<[Parameters<typeof mergeFlags>[1], string]> = [
    [{ deployFrom: 'ftp' }, "--deploy-from 'ftp' must be one of auto, deployments, releases, tags, merge"],
    [{ tagPattern: '(' }, "--tag-pattern '(' is not a valid regular expression: missing closing )"],
    [{ botPattern: '[' }, "--bot-pattern '[' is not a valid regular expression: missing closing ]"],
    [{ aiMarkers: ['ok', '*x'] }, "--ai-marker '*x' is not a valid regular expression: missing argument to repetition operator"],
    [{ timezone: 'Mars/Olympus' }, "--timezone 'Mars/Olympus' must be an IANA time zone like Europe/Berlin or UTC"],
    [{ requiredApprovals: 'two' }, "--required-approvals 'two' must be a whole number of at least 1"],
    [{ threshold: ['pickupP50=soon'] }, "--threshold pickupP50 'soon' must be a duration like 24h or a number of seconds"],
    [{ threshold: ['flakyRate=20'] }, "--threshold flakyRate '20' must be a ratio like 0.15 or a percentage like 15%"],
    [{ threshold: ['pickupP50'] }, "--threshold 'pickupP50' must be NAME=VALUE, like pickupP50=12h"],
    [{ threshold: ['pickup=1h'] }, "--threshold 'pickup=1h': pickup is not a known threshold"],
    [{ sizeExcluded: [' '] }, "--size-exclude ' ' must be a path pattern (a non-empty string)"],
  ];
  for (const [flags, message] of bad) {
    it(`rejects ${message.split(' ')[0]} ${JSON.stringify(Object.values(flags)[0])}`, () => {
      expect(() => mergeFlags(defaultConfig(), flags)).toThrow(expect.objectContaining({ name: 'ConfigError', message }));
    });
  }
});
