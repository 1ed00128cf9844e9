import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import leven from 'leven';
import { createSupportsColor } from 'supports-color';
import { helpText } from './commands/help.js';
import { resolvePath, type CliIo } from './commands/io.js';
import { addFailOn, addOutputOptions, addReportOptions, checkFormat, compareFormat, HELP_GROUPS, REPOS_FORMATS } from './commands/report-options.js';
import { ConfigError, FlowauditError, GitHubError, RateLimitError } from './errors.js';
import { groupingHelp, sliceForms } from './model/slices.js';
import { StdoutClosed } from './io/stdout.js';
import { FORMATS } from './render/formats.js';
import { terminalOutput, terminalSafe } from './render/sanitize.js';
import { redactEnvTokens } from './sources/github/token.js';
import { VERSION } from './version.js';

export type { CliIo } from './commands/io.js';

/** the exit code of an error flowaudit did not expect: its own, so CI never mistakes a bug for a breached threshold */
export const UNEXPECTED = 4;

const COMMANDS = ['report', 'check', 'compare', 'aggregate', 'repos', 'init', 'help'];

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
    .addHelpText('after', helpText('flowaudit'))
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // one line: what is wrong, and what to do (a suggestion, else the help)
      outputError: (s, write) => write(`flowaudit: ${terminalSafe(usageWords(s)).replace(/(?<!\?)$/, '; see flowaudit --help')}\n`),
    });

  const formatOption = (): Option => new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text');

  // the options in --help's order: window and changes, deploys, GitHub, gates, then output
  addOutputOptions(
    addFailOn(
      addReportOptions(
        program
          .command('report', { isDefault: true })
          .description('report the value stream of every change merged in the window (several paths: one report for all)')
          .argument('[paths...]', 'repositories to audit (default: .)'),
      ),
    )
      .optionsGroup(HELP_GROUPS.output)
      .addOption(formatOption())
      .option('--concurrency <n>', 'repositories read at once, with several paths', '2')
      .option('--with-changes', 'with several paths: list every change, deploy and open pull request (CSV always does)')
      .option('--by <grouping>', `one row per slice: ${groupingHelp()}`)
      .option('--step-summary', 'under GitHub Actions, write the summary to the step summary (automatic with --fail-on)'),
  )
    .addHelpText('after', helpText('report'))
    // each command's code is loaded when it runs: a report never loads compare's or aggregate's
    .action(async (paths: string[], flags) => done(await (await import('./commands/report.js')).reportCommand(paths, flags, io)));

  addOutputOptions(
    addFailOn(
      addReportOptions(
        program
          .command('check')
          .description('evaluate thresholds (--fail-on, or "check" in the config file): exit 1 when any is breached')
          .argument('[path]', 'repository to audit', '.'),
      ),
    )
      .option('--report <file>', 'gate this JSON report (flowaudit report --format json) instead of auditing')
      .option('--list', 'list every figure a threshold may name, its unit and whether this run measures it')
      .optionsGroup(HELP_GROUPS.output)
      .addOption(checkFormat),
  )
    .addHelpText('after', helpText('check'))
    .action(async (path: string, flags) => {
      const [{ checkCommand }, { loadConfig }] = await Promise.all([import('./commands/check.js'), import('./config/index.js')]);
      done(await checkCommand(path, flags, io, async () => (await loadConfig({ repoRoot: resolvePath(path, io.cwd), ...(flags.config && { file: flags.config, cwd: io.cwd }) })).check));
    });

  addOutputOptions(
    addReportOptions(
      program
        .command('compare')
        .description('compare two reports: each side a JSON report file, a window such as 2026-01-01..2026-03-31, or a slice such as team:payments')
        .argument('<before>', `JSON report file, window, or slice of --path's window (${sliceForms().join(', ')}, rest)`)
        .argument('<after>', 'JSON report file, window or slice, as <before>')
        .option('--path <path>', 'repository whose windows are compared', '.')
        .optionsGroup(HELP_GROUPS.output)
        .addOption(compareFormat),
    ),
  )
    .addHelpText('after', helpText('compare'))
    .action(async (before: string, after: string, flags) => done(await (await import('./commands/compare.js')).compareCommand(before, after, flags, io)));

  addOutputOptions(
    program
      .command('aggregate')
      .description('one report over JSON reports produced per repository (percentiles recomputed from the changes)')
      .argument('<files...>', 'JSON reports (flowaudit report --format json)')
      .addOption(formatOption())
      .option('--with-changes', 'list every change, deploy and open pull request (CSV always does)')
      .option('--expect <file>', 'the repositories `repos --format json` listed: those without a report are listed as failed (exit 1)'),
  )
    .addHelpText('after', helpText('aggregate'))
    .action(async (files: string[], flags) => done(await (await import('./commands/aggregate.js')).aggregateCommand(files, flags, io)));

  addOutputOptions(
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
      .option('--verbose', 'report GitHub requests and query cost on stderr'),
  )
    .addHelpText('after', helpText('repos'))
    .action(async (org: string, flags) => done(await (await import('./commands/repos.js')).reposCommand(org, flags, io)));

  program
    .command('init')
    .description('write a commented starting .flowaudit.json in the repository')
    .argument('[path]', 'repository root', '.')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', helpText('init'))
    .action(async (path: string, flags: { force?: boolean }) => {
      const root = resolvePath(path, io.cwd);
      const target = join(root, '.flowaudit.json');
      const [{ initConfigText }, { writeNewFile }] = await Promise.all([import('./config/index.js'), import('./io/write-new.js')]);
      // a new regular file in the repository, never written through a link or device planted at the name
      await writeNewFile(target, initConfigText(), { replace: flags.force === true, inside: root });
      io.stderr.write(`flowaudit: wrote ${terminalSafe(target)}\n`);
    });

  try {
    mistypedCommand(argv, io);
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    exitCode = handleError(error, io, debug, !argv.includes('repos'));
  }
  return exitCode;
}

/**
 * A usage error commander found, in flowaudit's words rather than commander's (`option '-f, --format <format>'
 * argument 'pdf' is invalid. Allowed choices are …` reads `--format 'pdf' is not one of …`). A message this
 * does not know is passed on without commander's `error: `.
 */
export function usageWords(message: string): string {
  const text = message.trim().replace(/^error: /, '');
  const flag = (spec: string): string => spec.replace(/\s*[<[].*$/, '').split(/,\s*/).pop() ?? spec;
  const rules: Array<[RegExp, (...m: string[]) => string]> = [
    [/^option '([^']+)' argument '(.*)' is invalid\. Allowed choices are (.*?)\.?$/s, (_, spec = '', value = '', choices = '') => `${flag(spec)} '${value}' is not one of ${choices}`],
    [/^option '([^']+)' argument '(.*)' is invalid\.?\s*(.*)$/s, (_, spec = '', value = '', why = '') => `${flag(spec)} '${value}' is not valid${why ? `: ${why}` : ''}`],
    [/^option '([^']+)' argument missing$/, (_, spec = '') => `${flag(spec)} needs a value (${spec.replace(/^[^<[]*/, '')})`],
    [/^unknown option '([^']+)'\s*\(Did you mean (.+)\?\)$/s, (_, option = '', near = '') => `no option ${option}: did you mean ${near}?`],
    [/^unknown option '([^']+)'$/, (_, option = '') => `no option ${option}`],
    [/^missing required argument '([^']+)'$/, (_, name = '') => `the argument <${name}> is missing`],
    [/^too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (_, command = '', expected = '', got = '') => `${command || 'this command'} takes ${expected} argument${expected === '1' ? '' : 's'}, not ${got}`],
    [/^unknown command '([^']+)'$/, (_, name = '') => `no command ${name}`],
  ];
  for (const [pattern, words] of rules) {
    const m = pattern.exec(text);
    if (m) return words(...m);
  }
  return text;
}

/**
 * `report` is the default command, so `flowaudit reprot` would audit a path named "reprot": a first word that
 * is no path but close to a command's name is taken for a typo of it.
 * @throws ConfigError naming the command meant
 */
function mistypedCommand(argv: readonly string[], io: CliIo): void {
  const word = argv[0];
  if (word === undefined || word.startsWith('-') || COMMANDS.includes(word) || existsSync(resolvePath(word, io.cwd))) return;
  const near = COMMANDS.map((name) => ({ name, distance: leven(word.toLowerCase(), name) })).sort((a, b) => a.distance - b.distance)[0];
  if (near && near.distance <= 2) {
    throw new ConfigError(`unknown command '${terminalSafe(word)}' (and no such path): did you mean '${near.name}'?`, { hint: 'see flowaudit --help' });
  }
}

/**
 * A GitHub failure other than a rate limit (no network, a bad token, an unreachable host) while auditing: the
 * audit can go on from git alone, so the hint says how (`repos` has no git to fall back on).
 */
function hintOf(error: FlowauditError, canGoOnWithoutGithub: boolean): string | undefined {
  if (!canGoOnWithoutGithub || !(error instanceof GitHubError) || error instanceof RateLimitError || error.hint?.includes('--no-github')) return error.hint;
  return `${error.hint ? `${error.hint}; ` : ''}or run again with --no-github to report from git alone`;
}

function handleError(error: unknown, io: CliIo, debug: boolean, canGoOnWithoutGithub = true): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2;
  }
  // the reader of stdout went away (`| head`): as quiet as any other program
  if (error instanceof StdoutClosed) return 0;
  // whatever built the message, no token from the environment leaves in it
  const safe = (text: string): string => terminalSafe(redactEnvTokens(text, io.env));
  if (error instanceof FlowauditError) {
    io.stderr.write(`flowaudit: ${safe(error.message)}\n`);
    const hint = hintOf(error, canGoOnWithoutGithub);
    if (hint) io.stderr.write(`  ${safe(hint)}\n`);
    if (debug && error.stack) io.stderr.write(`${terminalOutput(redactEnvTokens(error.stack, io.env), false)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`flowaudit: unexpected error: ${safe(message)} (run with --debug and report it)\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${terminalOutput(redactEnvTokens(error.stack, io.env), false)}\n`);
  return UNEXPECTED;
}

/** The process's own streams, environment and folder, as the bin and the Action run the CLI. */
export function processIo(): CliIo {
  // write errors are seen by each write's callback (io/stdout.ts); without a listener a closed pipe would also
  // surface as an unhandled 'error' event and a stack trace
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const color = createSupportsColor(process.stdout, { sniffFlags: false });
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdoutColorLevel: color === false ? 0 : color.level };
}
