/*
 * The examples and exit codes each command's --help ends with. The exit codes are the CLI's contract with CI
 * scripts, so each command lists the ones it can return.
 */

const CODES = {
  ok: '  0  done',
  breach: '  1  a --fail-on threshold was breached, or a repository (of several) could not be read',
  checkBreach: '  1  a threshold was breached',
  input: '  2  bad input: a flag, the config file, a path, a date, a report file; an output that cannot be written',
  rate: '  3  a GitHub rate limit that resets too late (see --partial)',
  bug: '  4  an unexpected error: a bug in flowaudit (run with --debug and report it)',
};

const HELP: Record<string, { examples: string[]; codes: string[] }> = {
  flowaudit: {
    examples: [
      'flowaudit                                   # report on the repository here',
      'flowaudit report ~/src/api --since 90d --format html -o report.html',
      'flowaudit check --fail-on "leadTime.p50<=7d"',
      'flowaudit help report                       # every flag of a command',
    ],
    codes: [CODES.ok, CODES.breach, CODES.input, CODES.rate, CODES.bug],
  },
  report: {
    examples: [
      'flowaudit report                            # text report of the repository here, last 90 days',
      'flowaudit report --format json -o report.json',
      'flowaudit report --format json | jq .summary.leadTime',
      'flowaudit report ~/src/api ~/src/web        # one report over both, a row each',
      'flowaudit report --since 2026-01-01 --until 2026-04-01 --width 100',
      'flowaudit report --fail-on "stages.pickup.p75<=24h" --format html -o report.html',
      'flowaudit report --by team                  # a row per CODEOWNERS team, and the unowned share',
    ],
    codes: [CODES.ok, CODES.breach, CODES.input, CODES.rate, CODES.bug],
  },
  check: {
    examples: [
      'flowaudit check --fail-on "leadTime.p50<=7d" --fail-on "dora.changeFailureRate<=15%"',
      'flowaudit check                             # the "check" list of .flowaudit.json',
      'flowaudit check --report report.json --fail-on "cycleTime.p90<=10d"   # no re-audit',
      'flowaudit check --format json --fail-on "changes>=10"',
    ],
    codes: [CODES.ok.replace('done', 'every threshold holds (or was not measured)'), CODES.checkBreach, CODES.input, CODES.rate, CODES.bug],
  },
  compare: {
    examples: [
      'flowaudit compare 2026-01-01..2026-03-31 2026-04-01..2026-06-30',
      'flowaudit compare before.json after.json --format markdown',
      'flowaudit compare team:payments team:checkout        # two slices of one window',
      'flowaudit compare label:ai-pilot rest',
    ],
    codes: [CODES.ok, CODES.input, CODES.rate, CODES.bug],
  },
  aggregate: {
    examples: [
      'flowaudit aggregate api.json web.json --format html -o all.html',
      'flowaudit aggregate reports/*.json --format csv -o changes.csv',
      'flowaudit aggregate reports/*.json --expect repositories.json --format json -o org.json',
    ],
    codes: [CODES.ok, '  1  a repository --expect lists has no report', CODES.input, CODES.bug],
  },
  repos: {
    examples: [
      'flowaudit repos acme                        # the matrix of active repositories, for $GITHUB_OUTPUT',
      'flowaudit repos acme --active-since 30d --format json -o repositories.json',
    ],
    codes: [CODES.ok, CODES.input.replace('bad input', 'bad input or no token'), CODES.rate, CODES.bug],
  },
  init: {
    examples: ['flowaudit init                              # .flowaudit.json here', 'flowaudit init ~/src/api --force'],
    codes: [CODES.ok, CODES.input.replace('bad input', 'bad input (the file exists: pass --force)'), CODES.bug],
  },
};

/** The examples and exit codes shown after a command's options. */
export function helpText(command: keyof typeof HELP): string {
  const help = HELP[command];
  if (!help) return '';
  return ['', 'Examples:', ...help.examples.map((e) => `  ${e}`), '', 'Exit codes:', ...help.codes, ''].join('\n');
}
