import type { Report } from '../report/schema.js';
import { minuteOf } from './format.js';

type Unlinked = NonNullable<Report['unlinkedIncidents']>[number];

/** The lead of the unlinked incidents' list, the same in every format. */
export const UNLINKED_LEAD = 'incidents that followed no deploy within the incident window (--incident-window), so they fail none:';

/** `PD-2, opened 2026-03-10 12:00 (product api), resolved 2026-03-10 15:00`; the id is untrusted text: escape it. */
export function unlinkedText(incident: Unlinked): string {
  const product = incident.product === null ? '' : ` (product ${incident.product})`;
  const resolved = incident.resolvedAt === null ? ', not resolved' : `, resolved ${minuteOf(incident.resolvedAt)}`;
  return `${incident.id}, opened ${minuteOf(incident.openedAt)} UTC${product}${resolved}`;
}
