import type { Change, Deploy } from '../domain.js';
import { formatDuration } from '../units.js';

/** An incident from any source (a labelled GitHub issue, an events file), as the linking reads it. */
export interface Incident {
  /** as the failure reason names it: `#12` for a GitHub issue, the tool's id for an events file */
  id: string;
  openedAt: number;
  resolvedAt: number | null;
  /** the product it hit; null: the repository's */
  product: string | null;
  /** the full sha of the commit it names as its cause; null when it names none */
  sha: string | null;
}

export interface LinkOptions {
  /** seconds after a deploy within which an incident is its failure: a later one follows no deploy */
  window: number;
  /** what a deploy put out: its product (an events record's `product`, a tag's), '' for the repository's */
  productOf: (deploy: Deploy) => string;
  /** the changes, to find the deploy that shipped a named commit */
  changes: readonly Change[];
}

export interface Linked {
  /** the deploys in the order given, the ones an incident failed replaced by failed copies */
  deploys: Deploy[];
  /** incidents that follow no deploy within the window (or of their product): they fail nothing */
  unlinked: Incident[];
}

/**
 * Which deploy each incident failed (issue 29), by rules a reader can check by hand: an incident naming a
 * commit fails the first deploy that shipped it; any other fails the last deploy before it opened — of its
 * product when it names one — when that deploy is at most `window` before it; else it is unlinked. A failed
 * deploy is restored at the incident's resolution (DORA's and DevLake's failed deployment recovery time).
 * `deploys` must be in time order. Pure.
 */
export function linkIncidents(deploys: readonly Deploy[], incidents: readonly Incident[], options: LinkOptions): Linked {
  const out = [...deploys];
  const unlinked: Incident[] = [];
  const shippedBy = shipperOf(deploys, options.changes);
  for (const incident of incidents) {
    const index = (incident.sha === null ? undefined : shippedBy.get(incident.sha)) ?? lastBefore(out, incident, options);
    const deploy = index === undefined ? undefined : out[index];
    if (index === undefined || deploy === undefined) {
      unlinked.push(incident);
      continue;
    }
    const restored = incident.resolvedAt === null ? null : Math.max(0, incident.resolvedAt - deploy.at);
    out[index] = {
      ...deploy,
      failed: true,
      failureReasons: [...deploy.failureReasons, `incident ${incident.id}`],
      restoredAfter: restored === null ? deploy.restoredAfter : Math.min(deploy.restoredAfter ?? Infinity, restored),
    };
  }
  return { deploys: out, unlinked };
}

/** The index of the last deploy at or before the incident opened, of its product, within the window. */
function lastBefore(deploys: readonly Deploy[], incident: Incident, options: LinkOptions): number | undefined {
  for (let i = deploys.length - 1; i >= 0; i -= 1) {
    const deploy = deploys[i] as Deploy;
    if (deploy.at > incident.openedAt) continue;
    if (incident.product !== null && options.productOf(deploy) !== incident.product) continue;
    return incident.openedAt - deploy.at <= options.window ? i : undefined;
  }
  return undefined;
}

/** Each commit's first shipping deploy, by sha: the changes' commits and landing commits, and the deploys' own. */
function shipperOf(deploys: readonly Deploy[], changes: readonly Change[]): Map<string, number> {
  const bySha = new Map(changes.map((c) => [c.sha, c]));
  const shipper = new Map<string, number>();
  const set = (sha: string, index: number): void => {
    if (!shipper.has(sha)) shipper.set(sha, index);
  };
  deploys.forEach((deploy, index) => {
    for (const landing of deploy.changeShas) {
      set(landing, index);
      for (const sha of bySha.get(landing)?.commitShas ?? []) set(sha, index);
    }
    set(deploy.sha, index);
  });
  return shipper;
}

/** An unlinked incident as a warning says it. */
export function unlinkedText(incident: Incident, window: number): string {
  const product = incident.product === null ? '' : ` of product ${incident.product}`;
  return `incident ${incident.id} follows no deploy${product} within ${formatDuration(window)}: it is listed as unlinked and fails no deploy`;
}
