import { Option, type Command } from 'commander';
import type { DeploySignalKind } from '../domain.js';
import { DEFAULT_BUSINESS_HOURS } from '../metrics/business-hours.js';
import { ConfigError } from '../errors.js';
import type { AuditOptions } from '../options.js';
import { parseDuration } from '../units.js';
import { resolvePath, warner, type CliIo, type ProgressLine } from './io.js';
import { deployFromChoices, parseDeployFrom } from '../sources/deploys/flag-values.js';

/** Flags every command that audits a repository takes. */
export interface ReportFlags {
  since?: string;
  until?: string;
  branch?: string;
  /** `--deploy-from`: the source, and what follows its name for one that takes an argument (a deploy branch's name) */
  deployFrom?: { kind: DeploySignalKind; argument?: string };
  tagPattern?: string;
  includePrereleases?: boolean;
  revertWindow?: string;
  now?: string;
  includeBots?: boolean;
  businessHours?: boolean;
  timezone?: string;
  config?: string;
  debug?: boolean;
  github?: boolean;
  repo?: string;
  apiUrl?: string;
  cache?: boolean;
  refresh?: boolean;
  partial?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  environment?: string;
  workflow?: string;
  incidentLabel?: string;
  bugLabel?: string;
  events?: string[];
  incidentWindow?: string;
  requiredApprovals?: string;
  timeout?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const checkFormat = new Option('-f, --format <format>', 'format of the results').choices(['text', 'json', 'markdown']).default('text');
export const REPOS_FORMATS = ['matrix', 'json', 'text'] as const;
export const compareFormat = new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text');

/** `--help` lists the options under these headings, in this order: what is read, then deploys, GitHub, gates, output. */
export const HELP_GROUPS = { window: 'Window and changes:', deploys: 'Deploys:', github: 'GitHub:', gates: 'Gates:', output: 'Output:' } as const;

export function addReportOptions(command: Command): Command {
  return command
    .optionsGroup(HELP_GROUPS.window)
    .option('--since <when>', 'window start: ISO date or a span back from now (90d, 12w)')
    .option('--until <when>', 'window end (exclusive), every figure measured as of it: ISO date or span; default now')
    .option('-b, --branch <name>', 'tracked branch (default: origin/HEAD, else the checked-out branch, else main, master or trunk)')
    .option('--now <iso>', 'measure every figure at this time (default: the window\'s end, or the clock)')
    .option('--include-bots', 'count bot-authored changes in the stage figures')
    .option('--business-hours', 'count only working time (Mon–Fri 09:00–17:00) in every duration')
    .option('--timezone <tz>', 'IANA time zone of weeks (queues) and shown times, and of the working day with --business-hours (default UTC)')
    .option('--config <file>', 'config file (default: .flowaudit.json at the repository root)')
    .optionsGroup(HELP_GROUPS.deploys)
    .addOption(new Option('--deploy-from <signal>', `deploy signal: ${deployFromChoices()} (default: the first the repository has)`).argParser((value) => parseDeployFrom(value)))
    .option('--tag-pattern <regex>', 'tags that count as deploys')
    .option('--include-prereleases', 'count pre-release tags and releases (-rc1, .beta2) as deploys')
    .option('--revert-window <duration>', 'a revert within this time of a deploy fails it (default 14d)')
    .option('--events <file>', 'deploys and incidents from any system: a JSON Lines or CSV file (repeatable)', collect)
    .option('--incident-window <duration>', 'an incident fails the last deploy at most this long before it (default 7d)')
    .optionsGroup(HELP_GROUPS.github)
    .option('--no-github', 'git only, even when a GitHub token is found')
    .option('--repo <owner/name>', 'the GitHub repository (default: from origin)')
    .option('--api-url <url>', 'GitHub GraphQL endpoint (GitHub Enterprise: https://HOST/api/graphql)')
    .option('--environment <regex>', 'GitHub deployment environments that are production')
    .option('--workflow <regex>', 'workflows whose successful runs are deploys, by name or file, ignoring case (default deploy|release|publish|cd)')
    .option('--incident-label <label>', 'issue label that marks an incident')
    .option('--bug-label <regex>', 'pull request labels that mark a bug fix, a repair (default: bug, type: bug, kind/bug, regression)')
    .option('--required-approvals <n>', 'approvals a change needs to count as approved')
    .option('--no-cache', 'neither read nor write the GitHub cache')
    .option('--refresh', 'ignore the GitHub cache and fetch everything again')
    .option('--partial', 'on a GitHub rate limit that resets too late, report on what was fetched')
    .option('--timeout <seconds>', 'longest wait for each GitHub request (default 30)')
    .option('--verbose', 'on stderr: the pattern that chose the deploys, GitHub requests and query cost');
}

export function addFailOn(command: Command): Command {
  return command
    .optionsGroup(HELP_GROUPS.gates)
    .option('--fail-on <expression>', 'threshold such as leadTime.p50<=7d (repeatable); exit 1 when breached', collect)
    .option('--strict', 'a threshold on a figure this run cannot measure fails (exit 1) instead of passing with a warning');
}

/** What every command that prints takes: where the output goes, colour, width, and how much goes to stderr. */
export function addOutputOptions(command: Command): Command {
  return command
    .optionsGroup(HELP_GROUPS.output)
    .option('-o, --output <file>', 'write to a file instead of stdout (- for stdout)')
    .option('--color', 'colour even when stdout is not a terminal')
    .option('--no-color', 'no colour (also NO_COLOR, FORCE_COLOR=0)')
    .option('--width <columns>', 'lay the text out to this many columns (default: the terminal\'s, else 80)')
    .option('-q, --quiet', 'no progress or warnings on stderr (errors are still shown)')
    .option('--debug', 'show stack traces of errors');
}

/** Maps flags to the library's options; the window may be overridden (compare's sides). */
export function toAuditOptions(path: string, flags: ReportFlags, io: CliIo, progress: ProgressLine, window: { since?: string; until?: string } = {}): AuditOptions {
  const since = window.since ?? flags.since;
  const until = window.until ?? flags.until;
  return {
    path: resolvePath(path, io.cwd),
    ...(since !== undefined && { since }),
    ...(until !== undefined && { until }),
    ...(flags.branch !== undefined && { branch: flags.branch }),
    ...(flags.deployFrom !== undefined && { deployFrom: flags.deployFrom.kind }),
    // the one source that takes an argument today names its branch with it (branch:NAME)
    ...(flags.deployFrom?.argument !== undefined && { deployBranch: flags.deployFrom.argument }),
    ...(flags.tagPattern !== undefined && { tagPattern: flags.tagPattern }),
    ...(flags.includePrereleases && { includePrereleases: true }),
    ...(flags.revertWindow !== undefined && { revertWindow: positiveDuration(flags.revertWindow, '--revert-window') }),
    ...(flags.now !== undefined && { now: flags.now }),
    ...(flags.includeBots && { includeBots: true }),
    ...(flags.businessHours && { businessHours: { ...DEFAULT_BUSINESS_HOURS, ...(flags.timezone && { timezone: flags.timezone }) } }),
    ...(flags.timezone !== undefined && { timezone: flags.timezone }),
    ...(flags.config !== undefined && { configFile: resolvePath(flags.config, io.cwd) }),
    ...(flags.github === false && { github: false }),
    ...(flags.repo !== undefined && { repo: flags.repo }),
    ...(flags.apiUrl !== undefined && { apiUrl: flags.apiUrl }),
    ...(flags.environment !== undefined && { environment: flags.environment }),
    ...(flags.workflow !== undefined && { workflow: flags.workflow }),
    ...(flags.incidentLabel !== undefined && { incidentLabel: flags.incidentLabel }),
    ...(flags.bugLabel !== undefined && { bugLabel: flags.bugLabel }),
    ...(flags.events !== undefined && { events: flags.events.map((f) => resolvePath(f, io.cwd)) }),
    ...(flags.incidentWindow !== undefined && { incidentWindow: positiveDuration(flags.incidentWindow, '--incident-window') }),
    ...(flags.requiredApprovals !== undefined && { requiredApprovals: wholeNumber(flags.requiredApprovals, '--required-approvals', 1, 100) }),
    ...(flags.timeout !== undefined && { timeoutSeconds: wholeNumber(flags.timeout, '--timeout', 1, 3600) }),
    ...(flags.cache === false && { noCache: true }),
    ...(flags.refresh && { refresh: true }),
    ...(flags.partial && { partial: true }),
    ...(flags.verbose && { verbose: true }),
    env: io.env,
    warn: warner(io, flags.quiet),
    progress: progress.update,
  };
}

function positiveDuration(value: string, flag: string): number {
  const seconds = parseDuration(value);
  if (seconds === null || seconds <= 0) throw new ConfigError(`${flag} '${value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}' is not a duration: use one like 14d, 36h or 2w`);
  return seconds;
}

/**
 * A flag's whole number in [min, max], written as digits only (not 1e3, 0x10 or 2.0).
 * @throws ConfigError naming the flag and the range
 */
export function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const text = value.trim();
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new ConfigError(`${flag} '${value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}' must be a whole number from ${min} to ${max}`);
  return n;
}
