/**
 * The GitHub Action (action.yml, `runs.using: node20`): its inputs read as the runner hands them over
 * (`INPUT_<NAME>`), made into the `flowaudit report` command line that the CLI runs in this process, and its
 * outputs appended to `$GITHUB_OUTPUT`. The summary and the annotations are the CLI's own (it sees
 * `GITHUB_ACTIONS=true`). Bundled into one committed file by scripts/bundle-action.mjs: a runner installs and
 * builds nothing, and no shell runs, so it runs alike on Linux, macOS and Windows.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { run, type CliIo } from '../cli.js';
import { escapeData, escapeProperty } from '../gates/actions.js';
import { FORMATS, formatExtension, type Format } from '../render/formats.js';

/** The step's outcome: `report`, `breached` and `exit-code`, as action.yml declares them. */
export interface ActionOutputs {
  report: string;
  breached: 'true' | 'false';
  'exit-code': string;
}

/** An input as the runner passes it: `fail-on` is `INPUT_FAIL-ON` (spaces become `_`, nothing else changes). */
function input(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined ? fallback : value.trim();
}

/** YAML's booleans, as GitHub's own actions read them; anything else is an error. */
function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean | string {
  const value = input(env, name, String(fallback));
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  return `${name} must be true or false, not '${value}'`;
}

/**
 * The command line the Action's inputs make, or what is wrong with them: `report PATH --format F --output FILE
 * --step-summary`, the window, a `--fail-on` per non-empty line of `fail-on` (and `--strict` with them unless
 * strict is false), `--no-github` without a token. `fail` is how a breach ends the step.
 */
export function actionCommand(env: NodeJS.ProcessEnv): { args: string[]; report: string; fail: boolean; token: string } | { error: string } {
  const format = input(env, 'format', 'json');
  if (!(FORMATS as readonly string[]).includes(format)) return { error: `format must be one of ${FORMATS.join(', ')}, not '${format}'` };
  const fail = flag(env, 'fail', true);
  const strict = flag(env, 'strict', true);
  if (typeof fail === 'string') return { error: fail };
  if (typeof strict === 'string') return { error: strict };
  const report = input(env, 'report') || `flowaudit-report.${formatExtension(format as Format)}`;
  const args = ['report', input(env, 'path', '.') || '.', '--format', format, '--output', report, '--step-summary'];
  const since = input(env, 'since');
  const until = input(env, 'until');
  const token = input(env, 'token');
  if (since !== '') args.push('--since', since);
  if (until !== '') args.push('--until', until);
  if (token === '') args.push('--no-github');
  const gates = input(env, 'fail-on').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  for (const gate of gates) args.push('--fail-on', gate);
  // with thresholds, one on a figure this run cannot measure fails too unless strict is false
  if (strict && gates.length > 0) args.push('--strict');
  return { args, report, fail, token };
}

/**
 * Appends outputs to the file `$GITHUB_OUTPUT` names, each as `name<<DELIMITER` … `DELIMITER`, the form whose
 * value may hold any line (the delimiter is random, so no value can end it early). Nothing when it is not set.
 */
function setOutputs(env: NodeJS.ProcessEnv, outputs: ActionOutputs): void {
  const file = env['GITHUB_OUTPUT'];
  if (file === undefined || file === '') return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, Object.entries(outputs).map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`).join(''));
}

/**
 * Runs the Action: the audit, its outputs, and the step's exit code — flowaudit's when it is 2 or more (bad
 * input, a rate limit, a bug), 1 for a breach unless `fail` is false, else 0.
 */
export async function runAction(io: CliIo): Promise<number> {
  const command = actionCommand(io.env);
  if ('error' in command) {
    io.stderr.write(`::error title=${escapeProperty('flowaudit')}::${escapeData(command.error)}\n`);
    return 2;
  }
  // the token goes where the CLI looks for one on github.com, and only to this run
  const env = command.token === '' ? io.env : { ...io.env, GH_TOKEN: command.token };
  const code = await run(command.args, { ...io, env });
  const breached = code === 1;
  try {
    setOutputs(io.env, { report: command.report, breached: breached ? 'true' : 'false', 'exit-code': String(code) });
  } catch (error) {
    io.stderr.write(`::error title=${escapeProperty('flowaudit')}::${escapeData(`cannot write the outputs to $GITHUB_OUTPUT: ${(error as Error).message}`)}\n`);
    return 2;
  }
  if (code > 1) return code;
  return breached && command.fail ? 1 : 0;
}
