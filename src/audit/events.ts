import { ConfigError } from '../errors.js';
import { MEGABYTE, readRegularLines, UnreadableFile } from '../io/read-regular.js';
import type { DeployRef } from '../model/github-deploys.js';
import type { Incident } from '../model/incidents.js';
import type { Tester } from '../patterns.js';
import { EventsError, eventsReader, type DeployEvent, type EventsRead } from '../sources/events/parse.js';
import { gitOutput } from '../sources/git/run.js';
import type { RepoInfo } from '../sources/git/repo.js';

// an events file is a log of deploys and incidents: years of them fit in far less
const MAX_EVENTS_FILE = 64 * MEGABYTE;

/** The events files' records, resolved against the repository. */
export interface Events {
  /** successful deploys to a production environment (or none named), whose commit the repository holds */
  deploys: DeployRef[];
  /** failed ones, the same way */
  failed: DeployRef[];
  incidents: Incident[];
}

export const NO_EVENTS: Events = { deploys: [], failed: [], incidents: [] };

/**
 * Every events file, read whole before anything else is: a bad line stops the run (exit 2), so no report is
 * made from half a file.
 * @throws ConfigError `FILE:LINE: field '…' …`, or the file's name and why it cannot be read
 */
export function readEventsFiles(paths: readonly string[]): EventsRead {
  const all: EventsRead = { deploys: [], incidents: [] };
  for (const path of paths) {
    try {
      // a line at a time: the records are all that is kept of a file
      readRegularLines(path, MAX_EVENTS_FILE, eventsReader(path, all));
    } catch (error) {
      if (error instanceof UnreadableFile) throw new ConfigError(`--events ${clean(path)} ${error.message}`);
      if (error instanceof EventsError) throw new ConfigError(`${error.message}; see "Events files" in the README`);
      throw error;
    }
  }
  return all;
}

/**
 * The records' commits as the repository names them (one `git cat-file`): a deploy of a commit it does not
 * hold is dropped and each is said in a warning, as is an incident naming one (it is then linked by time).
 */
export async function resolveEvents(repo: RepoInfo, read: EventsRead, environment: Tester, warning: (message: string) => void): Promise<Events> {
  const wanted = [...new Set([...read.deploys.map((d) => d.sha), ...read.incidents.flatMap((i) => (i.sha === null ? [] : [i.sha]))])];
  const full = await commitsOf(repo, wanted);
  const unknown: string[] = [];
  const resolved = (event: DeployEvent): DeployRef[] => {
    const sha = full.get(event.sha);
    if (sha === undefined) {
      unknown.push(`${event.sha} (${event.source})`);
      return [];
    }
    // an environment named is production only when it matches --environment; none named: the user's own choice
    if (event.environment !== null && !environment.test(event.environment)) return [];
    const where = event.product ?? event.environment ?? 'deploy';
    return [{ name: `${where}@${sha.slice(0, 7)}`, sha, at: event.at, target: event.product ?? '' }];
  };
  const deploys = read.deploys.filter((d) => d.status === 'success').flatMap(resolved);
  const failed = read.deploys.filter((d) => d.status === 'failed').flatMap(resolved);
  const incidents = read.incidents.map((i): Incident => {
    const sha = i.sha === null ? null : (full.get(i.sha) ?? null);
    if (i.sha !== null && sha === null) unknown.push(`${i.sha} (${i.source}, incident ${i.id})`);
    return { id: i.id, openedAt: i.openedAt, resolvedAt: i.resolvedAt, product: i.product, sha };
  });
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 10).join(', ');
    warning(`${unknown.length} events-file ${unknown.length === 1 ? 'sha is' : 'shas are'} no commit of this repository and ${unknown.length === 1 ? 'was' : 'were'} left out: ${shown}${unknown.length > 10 ? ', …' : ''}`);
  }
  return { deploys, failed, incidents };
}

/** Full shas of the commits the (possibly abbreviated) shas name; a missing or ambiguous one is absent. */
async function commitsOf(repo: RepoInfo, shas: readonly string[]): Promise<Map<string, string>> {
  const full = new Map<string, string>();
  if (shas.length === 0) return full;
  const output = await gitOutput(repo.cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], shas.map((s) => `${s}^{commit}`).join('\n') + '\n');
  const lines = output.split('\n');
  shas.forEach((sha, i) => {
    const match = /^([0-9a-f]{40,64}) commit$/.exec(lines[i] ?? '');
    if (match) full.set(sha, match[1] as string);
  });
  return full;
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
