import { ConfigError } from '../errors.js';
import { MEGABYTE, readRegularLines, UnreadableFile } from '../io/read-regular.js';
import type { DeployRef } from '../model/github-deploys.js';
import type { Incident } from '../model/incidents.js';
import type { Tester } from '../patterns.js';
import { EventsError, eventsReader, type DeployEvent, type EventsRead } from '../sources/events/parse.js';
import { commitsNamed } from '../sources/git/commit-ids.js';
import type { RepoInfo } from '../sources/git/repo.js';
import { firstFew } from '../units.js';

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
 * The records' commits as the repository names them: a sha is the commit whose id it is or starts with, never
 * a branch or tag of that name (src/sources/git/commit-ids.ts). A deploy of a commit it does not hold, or of a
 * sha more than one commit starts with, is dropped and each is said in a warning, as is an incident naming one
 * (it is then linked by time).
 */
export async function resolveEvents(repo: RepoInfo, read: EventsRead, environment: Tester, warning: (message: string) => void): Promise<Events> {
  const wanted = new Set<string>();
  for (const d of read.deploys) wanted.add(d.sha);
  for (const i of read.incidents) if (i.sha !== null) wanted.add(i.sha);
  const named = await commitsNamed(repo.cwd, [...wanted], hexLengthOf(repo));
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  /** The one commit `sha` names, else null, with `where` told in the warning that says why. */
  const commitOf = (sha: string, where: string): string | null => {
    const commits = named.get(sha) ?? [];
    if (commits.length === 1) return commits[0] as string;
    (commits.length === 0 ? unknown : ambiguous).push(`${sha} (${where})`);
    return null;
  };
  const resolved = (event: DeployEvent): DeployRef[] => {
    const sha = commitOf(event.sha, event.source);
    if (sha === null) return [];
    // an environment named is production only when it matches --environment; none named: the user's own choice
    if (event.environment !== null && !environment.test(event.environment)) return [];
    const where = event.product ?? event.environment ?? 'deploy';
    return [{ name: `${where}@${sha.slice(0, 7)}`, sha, at: event.at, target: event.product ?? '' }];
  };
  const deploys = read.deploys.filter((d) => d.status === 'success').flatMap(resolved);
  const failed = read.deploys.filter((d) => d.status === 'failed').flatMap(resolved);
  const incidents = read.incidents.map((i): Incident => {
    const sha = i.sha === null ? null : commitOf(i.sha, `${i.source}, incident ${i.id}`);
    return { id: i.id, openedAt: i.openedAt, resolvedAt: i.resolvedAt, product: i.product, sha };
  });
  if (unknown.length > 0) {
    warning(`${unknown.length} events-file ${unknown.length === 1 ? 'sha is' : 'shas are'} no commit of this repository and ${unknown.length === 1 ? 'was' : 'were'} left out: ${firstFew(unknown, 10)}`);
  }
  if (ambiguous.length > 0) {
    warning(`${ambiguous.length} events-file ${ambiguous.length === 1 ? 'sha is' : 'shas are'} the start of more than one commit's id and ${ambiguous.length === 1 ? 'was' : 'were'} left out (write more of its digits): ${firstFew(ambiguous, 10)}`);
  }
  return { deploys, failed, incidents };
}

/** The length of the repository's commit ids (40, or 64 in a SHA-256 repository), as its refs show it; null when none does. */
function hexLengthOf(repo: RepoInfo): number | null {
  const known = repo.refs.find((r) => r.commit !== '');
  return known === undefined ? null : known.commit.length;
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
