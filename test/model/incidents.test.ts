import { describe, expect, it } from 'vitest';
import type { Change, Deploy } from '../../src/domain.js';
import { linkIncidents, type Incident } from '../../src/model/incidents.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T10:00:00Z') / 1000;
const deploy = (ref: string, at: number, changeShas: string[] = []): Deploy => ({
  ref, sha: `${ref}sha`, at, changeShas, rollback: false, rework: false, failed: false, failureReasons: [], restoredAfter: null,
});
const incident = (id: string, openedAt: number, more: Partial<Incident> = {}): Incident => ({ id, openedAt, resolvedAt: null, product: null, sha: null, ...more });
// the change landed as m2 holds commit c2a: deploy B shipped it
const changes = [{ sha: 'm1', commitShas: ['c1a'] }, { sha: 'm2', commitShas: ['c2a', 'c2b'] }] as unknown as Change[];
const A = deploy('A', T0, ['m1']);
const B = deploy('B', T0 + 2 * DAY, ['m2']);
const C = deploy('C', T0 + 3 * DAY);
const link = (incidents: Incident[], productOf: (d: Deploy) => string = () => ''): ReturnType<typeof linkIncidents> =>
  linkIncidents([A, B, C], incidents, { window: 7 * DAY, productOf, changes });
const failed = (deploys: Deploy[]): Array<[string, string[], number | null]> => deploys.filter((d) => d.failed).map((d) => [d.ref, d.failureReasons, d.restoredAfter]);

describe('linkIncidents', () => {
  it('fails the last deploy before the incident, restored at its resolution', () => {
    // opened 1h after A, resolved 5h after A: A failed, recovery = resolvedAt − A = 5h
    const { deploys, unlinked } = link([incident('PD-1', T0 + HOUR, { resolvedAt: T0 + 5 * HOUR })]);
    expect(failed(deploys)).toEqual([['A', ['incident PD-1'], 5 * HOUR]]);
    expect(unlinked).toEqual([]);
  });

  it('lists an incident opened more than the window after the last deploy as unlinked, failing nothing', () => {
    // C at T0+3d; opened 8 days after C
    const late = incident('PD-2', C.at + 8 * DAY);
    const { deploys, unlinked } = link([late]);
    expect(failed(deploys)).toEqual([]);
    expect(unlinked).toEqual([late]);
    // exactly 7 days after C is within the window
    expect(failed(link([incident('PD-3', C.at + 7 * DAY)]).deploys)).toEqual([['C', ['incident PD-3'], null]]);
  });

  it('fails the deploy that shipped the commit an incident names, not the last one before it', () => {
    // opened after C, but names c2b, a commit of the change B shipped; resolved 1 day after B
    const { deploys } = link([incident('PD-4', C.at + HOUR, { sha: 'c2b', resolvedAt: B.at + DAY })]);
    expect(failed(deploys)).toEqual([['B', ['incident PD-4'], DAY]]);
  });

  it('fails the last deploy of the incident\'s product, skipping later deploys of other products', () => {
    const productOf = (d: Deploy): string => (d.ref === 'A' ? 'api' : 'web');
    expect(failed(link([incident('PD-5', C.at + HOUR, { product: 'api' })], productOf).deploys)).toEqual([['A', ['incident PD-5'], null]]);
    // the api's last deploy is 3 days and 1 hour back; with a 2-day window it is too far
    const narrow = linkIncidents([A, B, C], [incident('PD-6', C.at + HOUR, { product: 'api' })], { window: 2 * DAY, productOf, changes });
    expect(failed(narrow.deploys)).toEqual([]);
    expect(narrow.unlinked.map((i) => i.id)).toEqual(['PD-6']);
  });

  it('an incident before every deploy is unlinked, and the deploys given are not changed', () => {
    const { unlinked } = link([incident('PD-7', T0 - HOUR)]);
    expect(unlinked.map((i) => i.id)).toEqual(['PD-7']);
    link([incident('PD-8', T0 + HOUR)]);
    expect(A.failed).toBe(false);
  });

  it('keeps the shortest recovery when two incidents fail one deploy', () => {
    const { deploys } = link([incident('PD-9', T0 + HOUR, { resolvedAt: T0 + 9 * HOUR }), incident('PD-10', T0 + 2 * HOUR, { resolvedAt: T0 + 3 * HOUR })]);
    expect(failed(deploys)).toEqual([['A', ['incident PD-9', 'incident PD-10'], 3 * HOUR]]);
  });
});
