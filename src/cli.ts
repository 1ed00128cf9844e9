import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { audit } from './audit.js';
import type { DeploySignalKind } from './domain.js';
import { FlowauditError } from './errors.js';
import { DEFAULT_BUSINESS_HOURS } from './metrics/business-hours.js';
import { writeFileAtomic } from './io/write-atomic.js';
import type { AuditOptions, Format } from './options.js';
import { renderCsv } from './render/csv.js';
import { renderJson } from './render/json.js';
import { terminalSafe } from './render/sanitize.js';
import { renderText } from './render/text.js';
import { VERSION } from './version.js';

/** What the process needs from its surroundings: injectable so tests run the CLI in-process. */
export interface CliIo {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface ReportFlags {
  format: Format;
  output?: string;
  since?: string;
  until?: string;
  branch?: string;
  deployFrom?: DeploySignalKind;
  tagPattern?: string;
  now?: string;
  includeBots?: boolean;
  businessHours?: boolean;
  timezone: string;
  debug?: boolean;
  color?: boolean;
}

/** Runs the CLI and returns the exit code: 0 done, 1 thresholds breached, 2 bad input, 3 an API limit. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes('--debug');
  const program = new Command('flowaudit')
    .description('Where the time of each change goes, from first commit through review to production.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${s.trim().replace(/^error: /, 'flowaudit: ')}; see flowaudit --help\n`),
    });

  program
    .command('report', { isDefault: true })
    .description('report the value stream of every change merged in the window')
    .argument('[path]', 'repository to audit', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--since <when>', 'window start: ISO date or a span back from now (90d, 12w)', undefined)
    .option('--until <when>', 'window end (exclusive): ISO date or span; default now')
    .option('-b, --branch <name>', 'tracked branch (default: origin/HEAD, else main or master)')
    .addOption(new Option('--deploy-from <signal>', 'deploy signal').choices(['tags', 'merge']))
    .option('--tag-pattern <regex>', 'tags that count as deploys', undefined)
    .option('--now <iso>', 'take this time as now, for reproducible output')
    .option('--include-bots', 'count bot-authored changes in the stage figures')
    .option('--business-hours', 'count only working time (Mon–Fri 09:00–17:00) in every duration')
    .option('--timezone <tz>', 'time zone of the working day, with --business-hours', 'UTC')
    .option('--no-color', 'no colour in the terminal report (also NO_COLOR)')
    .option('--debug', 'show stack traces of errors')
    .action(async (path: string, flags: ReportFlags) => {
      debug = Boolean(flags.debug);
      const tty = Boolean(io.stderr.isTTY);
      const options: AuditOptions = {
        path: resolvePath(path, io.cwd),
        ...(flags.since !== undefined && { since: flags.since }),
        ...(flags.until !== undefined && { until: flags.until }),
        ...(flags.branch !== undefined && { branch: flags.branch }),
        ...(flags.deployFrom !== undefined && { deployFrom: flags.deployFrom }),
        ...(flags.tagPattern !== undefined && { tagPattern: flags.tagPattern }),
        ...(flags.now !== undefined && { now: flags.now }),
        includeBots: Boolean(flags.includeBots),
        ...(flags.businessHours && { businessHours: { ...DEFAULT_BUSINESS_HOURS, timezone: flags.timezone } }),
        warn: (m) => io.stderr.write(`flowaudit: warning: ${terminalSafe(m)}\n`),
        progress: (m) => {
          if (tty) io.stderr.write(`\r\u001b[2K${m}…`);
        },
      };
      const report = await audit(options);
      if (tty) io.stderr.write('\r\u001b[2K');
      const color = flags.color !== false && !flags.output && Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
      const text =
        flags.format === 'json' ? renderJson(report) : flags.format === 'csv' ? renderCsv(report) : renderText(report, { color });
      if (flags.output) writeFileAtomic(resolvePath(flags.output, io.cwd), text);
      else io.stdout.write(text);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    exitCode = handleError(error, io, debug);
  }
  return exitCode;
}

function handleError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  if (error instanceof InvalidArgumentError) return 2;
  if (error instanceof FlowauditError) {
    io.stderr.write(`flowaudit: ${terminalSafe(error.message)}\n`);
    if (error.hint) io.stderr.write(`  ${terminalSafe(error.hint)}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`flowaudit: unexpected error: ${terminalSafe(message)} (run with --debug and report it)\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}

function resolvePath(path: string, cwd: string): string {
  return path.startsWith('/') ? path : `${cwd}/${path}`;
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
