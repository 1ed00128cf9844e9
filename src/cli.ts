import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { aggregateCommand } from './commands/aggregate.js';
import { checkCommand } from './commands/check.js';
import { compareCommand, compareFormat } from './commands/compare.js';
import { emit, resolvePath, type CliIo } from './commands/io.js';
import { addFailOn, addReportOptions } from './commands/report-options.js';
import { reportCommand } from './commands/report.js';
import { REPOS_FORMATS, reposCommand } from './commands/repos.js';
import { initConfigText, loadConfig } from './config/index.js';
import { ConfigError, FlowauditError } from './errors.js';
import { FORMATS } from './render/index.js';
import { terminalSafe } from './render/sanitize.js';
import { VERSION } from './version.js';

export type { CliIo } from './commands/io.js';

/** the exit code of an error flowaudit did not expect: its own, so CI never mistakes a bug for a breached threshold */
export const UNEXPECTED = 4;

/**
 * Runs the CLI and returns the exit code: 0 done, 1 thresholds breached (or a repository failed), 2 bad
 * input, 3 an API rate limit, 4 an unexpected error (a bug: never 1, which CI reads as a breach). Only the
 * bin sets process.exitCode.
 */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const done = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('flowaudit')
    .description('Where the time of each change goes, from first commit through review to production.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${s.trim().replace(/^error: /, 'flowaudit: ').replace(/\n+/g, ' ')}; see flowaudit --help\n`),
    });

  const formatOption = (): Option => new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text');

  addFailOn(
    addReportOptions(
      program
        .command('report', { isDefault: true })
        .description('report the value stream of every change merged in the window (several paths: one report for all)')
        .argument('[paths...]', 'repositories to audit (default: .)')
        .addOption(formatOption())
        .option('-o, --output <file>', 'write the report to a file instead of stdout')
        .option('--concurrency <n>', 'repositories read at once, with several paths', '2')
        .option('--with-changes', 'with several paths: list every change, deploy and open pull request (CSV always does)')
        .option('--no-color', 'no colour in the terminal report (also NO_COLOR)'),
    ),
  ).action(async (paths: string[], flags) => done(await reportCommand(paths, flags, io)));

  addFailOn(
    addReportOptions(
      program
        .command('check')
        .description('evaluate thresholds (--fail-on, or "check" in the config file): exit 1 when any is breached')
        .argument('[path]', 'repository to audit', '.')
        .option('-o, --output <file>', 'write the results to a file instead of stdout'),
    ),
  ).action(async (path: string, flags) =>
    done(await checkCommand(path, flags, io, () => loadConfig({ repoRoot: resolvePath(path, io.cwd), ...(flags.config && { file: flags.config, cwd: io.cwd }) }).check)),
  );

  addReportOptions(
    program
      .command('compare')
      .description('compare two reports: each side a JSON report file or a window such as 2026-01-01..2026-03-31')
      .argument('<before>', 'JSON report file or window')
      .argument('<after>', 'JSON report file or window')
      .option('--path <path>', 'repository whose windows are compared', '.')
      .addOption(compareFormat)
      .option('-o, --output <file>', 'write to a file instead of stdout')
      .option('--no-color', 'no colour'),
  ).action(async (before: string, after: string, flags) => done(await compareCommand(before, after, flags, io)));

  program
    .command('aggregate')
    .description('one report over JSON reports produced per repository (percentiles recomputed from the changes)')
    .argument('<files...>', 'JSON reports (flowaudit report --format json)')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--with-changes', 'list every change, deploy and open pull request (CSV always does)')
    .option('--expect <file>', 'the repositories `repos --format json` listed: those without a report are listed as failed (exit 1)')
    .option('--no-color', 'no colour')
    .option('--debug', 'show stack traces of errors')
    .action(async (files: string[], flags) => done(await aggregateCommand(files, flags, io)));

  program
    .command('repos')
    .description("list an organisation's active repositories as a GitHub Actions matrix (one job per repository)")
    .argument('<org>', 'GitHub organisation')
    .option('--active-since <when>', 'a commit on the default branch since: a span (90d, 6mo) or an ISO date', '90d')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...REPOS_FORMATS]).default('matrix'))
    .option('--max-jobs <n>', 'at most this many matrix jobs: past it, each job audits a batch', '256')
    .option('--forks', 'list forks too')
    .option('--api-url <url>', 'GitHub GraphQL endpoint (GitHub Enterprise: https://HOST/api/graphql)')
    .option('--now <iso>', 'take this time as now')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--verbose', 'report GitHub requests and query cost on stderr')
    .option('--debug', 'show stack traces of errors')
    .action(async (org: string, flags) => done(await reposCommand(org, flags, io)));

  program
    .command('init')
    .description('write a commented starting .flowaudit.json in the repository')
    .argument('[path]', 'repository root', '.')
    .option('--force', 'overwrite an existing file')
    .action((path: string, flags: { force?: boolean }) => {
      const target = join(resolvePath(path, io.cwd), '.flowaudit.json');
      if (existsSync(target) && !flags.force) throw new ConfigError(`${target} exists already: edit it, or pass --force to overwrite it`);
      emit(io, initConfigText(), target);
      io.stderr.write(`flowaudit: wrote ${target}\n`);
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
  if (error instanceof FlowauditError) {
    io.stderr.write(`flowaudit: ${terminalSafe(error.message)}\n`);
    if (error.hint) io.stderr.write(`  ${terminalSafe(error.hint)}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`flowaudit: unexpected error: ${terminalSafe(message)} (run with --debug and report it)\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return UNEXPECTED;
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
