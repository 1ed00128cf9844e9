import { defaultConfig, THRESHOLD_DEFAULTS } from './defaults.js';
import type { Thresholds } from './types.js';
import { schemaUrl } from '../version.js';
import { formatThreshold } from './values.js';

const j = (value: unknown): string => JSON.stringify(value);

/**
 * The starting `.flowaudit.json` that `flowaudit init` writes: every setting at its default, each with a
 * `//` comment saying what it does (the loader accepts comments). Reads back to exactly the defaults.
 */
export function initConfigText(): string {
  const d = defaultConfig();
  const names = Object.keys(THRESHOLD_DEFAULTS) as Array<keyof Thresholds>;
  const thresholds = names.flatMap((name, i) => {
    const spec = THRESHOLD_DEFAULTS[name];
    const comma = i < names.length - 1 ? ',' : '';
    return [`    // ${spec.reason}`, `    ${j(name)}: ${j(formatThreshold(spec.kind, spec.value))}${comma}`];
  });
  return [
    '// flowaudit configuration. Comments are allowed; every key is optional and falls back to the value shown.',
    '// Command-line flags override what is set here.',
    '{',
    '  // the JSON Schema of this file: editors complete and check it',
    `  "$schema": ${j(schemaUrl('config'))},`,
    '',
    '  // extra bot authors, as regular expressions (case-insensitive), on top of Renovate, Dependabot and [bot] logins',
    `  "bots": ${j(d.bots)},`,
    '',
    '  "deploy": {',
    '    // where deploys come from: auto (the first the repository has), events, deployments, releases, tags or merge',
    `    "from": ${j(d.deploy.from)},`,
    // the default pattern is longer than a line a terminal shows (README: --tag-pattern); left out, it applies
    '    // tags that count as deploys (regular expression); left out, the default takes 1.2, v1.2.3, package tags',
    '    // (pkg@1.2.3, tokio-1.49.0), dates (2026-08-17) and underscored versions (rel_2_0_52): README, --tag-pattern',
    '    // to take v1.2.3 alone: "tagPattern": "^v\\\\d+\\\\.\\\\d+\\\\.\\\\d+$",',
    '    // GitHub deployment environments that count as production (regular expression)',
    `    "environment": ${j(d.deploy.environment)},`,
    '    // GitHub Actions workflows whose successful runs are deploys, by name or file (regular expression, ignoring case)',
    `    "workflow": ${j(d.deploy.workflow)},`,
    '    // count pre-release tags and releases (-rc1, -beta.2, .beta1) as deploys: they are test builds',
    `    "includePrereleases": ${j(d.deploy.includePrereleases)}`,
    '  },',
    '',
    '  // a revert within this time of a deploy fails it; a later revert is a redesign, not an incident',
    `  "revertWindow": ${j(`${d.revertWindow / 86400}d`)},`,
    '',
    '  // an issue with this label, opened after a deploy and before the next, marks that deploy failed',
    `  "incidentLabel": ${j(d.incidentLabel)},`,
    '',
    '  // pull request labels that mark a bug fix, counted as a repair (regular expression, case-insensitive)',
    `  "bugLabel": ${j(d.bugLabel)},`,
    '',
    '  "ai": {',
    '    // extra markers of AI-assisted commits (regular expressions), on top of the built-in trailers',
    `    "markers": ${j(d.ai.markers)},`,
    '    // pull request labels that mark a change AI-assisted',
    `    "labels": ${j(d.ai.labels)},`,
    '    // your own AI agents\' accounts (logins, app slugs or email addresses): their work is never a bot\'s',
    `    "agents": ${j(d.ai.agents)}`,
    '  },',
    '',
    '  // approvals from someone other than the author before a change counts as approved',
    `  "requiredApprovals": ${j(d.requiredApprovals)},`,
    '',
    '  // count only working time in every duration (days: mon … sun; times HH:MM in the time zone)',
    '  "businessHours": {',
    `    "enabled": ${j(d.businessHours.enabled)},`,
    `    "timezone": ${j(d.businessHours.timezone)},`,
    `    "days": ${JSON.stringify(d.businessHours.days).replace(/,/g, ', ')},`,
    `    "start": ${j(d.businessHours.start)},`,
    `    "end": ${j(d.businessHours.end)}`,
    '  },',
    '',
    '  // when a recommendation fires: each is the largest healthy value. Durations like "24h", "3d", "10m" or',
    '  // seconds; shares like "15%" or 0.15',
    '  "thresholds": {',
    ...thresholds,
    '  },',
    '',
    '  // paths that do not count toward change size (gitignore-style), on top of lock, vendored and generated files',
    `  "sizeExcluded": ${j(d.sizeExcluded)},`,
    '',
    '  // threshold expressions checked in CI: the run exits 1 when one fails',
    `  "check": ${j(d.check)},`,
    '',
    '  // products of a monorepo beyond those its workspace packages and their tags show, such as',
    '  // {"api": {"paths": ["services/api/**"], "tags": "^api-v"}}',
    `  "products": ${j(d.products)}`,
    '}',
    '',
  ].join('\n');
}
