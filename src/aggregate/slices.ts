import type { MeasuredChange, MeasuredDeploy, OpenPull } from '../domain.js';
import type { Report } from '../report/schema.js';
import { groupingOf, sortByGrouping } from '../model/slices.js';
import { noGroupShare, sliceRow } from '../report/slices.js';
import type { SliceRow, Slices } from '../report/slices-schema.js';

/*
 * Slices across repositories: a report written with `--by` names, for each listed change, the slices it is in
 * (`changes[].slices`); an aggregate pools each slice's changes by name over every repository (team `payments`
 * wherever it owns code) and builds the slice's figures again from the pooled changes — percentiles of the
 * pooled changes, never a mean of the repositories' medians.
 */

/** What an aggregate keeps of a report's `--by` table. */
export interface DigestSlices {
  /** the grouping, as `--by` was written: team, path:2, label, product */
  by: string;
  /** where the owners were read (`.github/CODEOWNERS`); null when there was no CODEOWNERS file or not by team */
  owners: string | null;
  /**
   * slice name → the ids of its changes; null when the report does not say which change is in which slice. A
   * Map: the names are the report's (a slice may be called `constructor` or `__proto__`, which an object's
   * keys would take for its own)
   */
  members: Map<string, string[]> | null;
  /** its rows as it wrote them: what is told of a report whose changes cannot be pooled */
  rows: Array<{ name: string; changes: number }>;
  /** why it has no rows: nothing to group so (a repository of one product, by product); null when it was grouped */
  ungrouped: string | null;
}

/** The `--by` table of a report as an aggregate keeps it; null when it was written without `--by`. Pure. */
export function digestSlices(report: Report): DigestSlices | null {
  const slices = report.summary.slices;
  if (slices === undefined) return null;
  const counted = report.changes.filter((c) => c.counted);
  // a report with counted changes and none naming its slices was written before changes named them
  const listed = counted.length === 0 || counted.some((c) => c.slices !== undefined);
  let members: Map<string, string[]> | null = null;
  if (listed) {
    members = new Map();
    for (const c of counted) {
      for (const name of c.slices ?? []) {
        const ids = members.get(name);
        if (ids === undefined) members.set(name, [c.id]);
        else ids.push(c.id);
      }
    }
  }
  return { by: slices.by, owners: slices.owners, members, rows: slices.rows.map((r) => ({ name: r.name, changes: r.changes })), ungrouped: slices.ungrouped ?? null };
}

/** A repository taken into the aggregate, as pooling reads it. */
export interface SlicedRepository {
  name: string;
  slices: DigestSlices | null;
}

/** What the pooled table is built from: the whole's measured changes, deploys and open pull requests, and the builder. */
export interface PoolInput {
  repositories: readonly SlicedRepository[];
  changes: readonly MeasuredChange[];
  deploys: readonly MeasuredDeploy[];
  openPulls: readonly OpenPull[];
  /** whether the whole counts a change (its policy: bots only when every report counted them) */
  counts: (change: MeasuredChange) => boolean;
  /** the whole's builder over a part of its changes, deploys and open pull requests */
  build: (changes: readonly MeasuredChange[], deploys: readonly MeasuredDeploy[], openPulls: readonly OpenPull[]) => Report;
}

const keyOf = (repository: string, id: string): string => `${repository}\u0000${id}`;

/**
 * `summary.slices` of an aggregate: each slice named in any report written with the most common `--by`, its
 * changes pooled from every repository that has it and its figures built again over them, with the deploys and
 * open pull requests of those repositories (a deploy ships every team's changes at once). `warnings` says what
 * could not be pooled: a report written without `--by`, with another grouping, or without naming each change's
 * slices (its rows' counts are told; their medians cannot be combined). Undefined when no report has slices.
 * Pure, given `build`.
 */
export function poolSlices(input: PoolInput): { slices: Slices | undefined; warnings: string[] } {
  const sliced = input.repositories.filter((r) => r.slices !== null);
  if (sliced.length === 0) return { slices: undefined, warnings: [] };
  const by = mostCommon(sliced.map((r) => (r.slices as DigestSlices).by));
  const warnings: string[] = [];
  const pooled = new Map<string, Set<string>>();
  const from = new Map<string, Set<string>>();
  const withOwners = new Map<string, string | null>();
  for (const r of input.repositories) {
    const s = r.slices;
    if (s === null) {
      warnings.push(`${r.name}: its report was written without --by ${by}: its changes are in no slice row (write it with --by ${by} to pool them)`);
      continue;
    }
    if (s.by !== by) {
      warnings.push(`${r.name}: its report is by ${s.by}, the others by ${by}: its changes are in no slice row`);
      continue;
    }
    if (s.ungrouped !== null) {
      warnings.push(`${r.name}: ${s.ungrouped} Its changes are in no row.`);
      continue;
    }
    if (s.members === null) {
      const told = s.rows.map((row) => `${row.name} ${row.changes}`).join(', ');
      warnings.push(`${r.name}: its report does not say which change is in which slice (an older flowaudit wrote it): its rows (${told}) are not pooled — their change counts add up, their medians cannot be combined; write it again to pool it`);
      continue;
    }
    withOwners.set(r.name, s.owners);
    for (const [name, ids] of s.members) {
      let keys = pooled.get(name);
      if (keys === undefined) pooled.set(name, (keys = new Set()));
      for (const id of ids) keys.add(keyOf(r.name, id));
      let repositories = from.get(name);
      if (repositories === undefined) from.set(name, (repositories = new Set()));
      if (ids.length > 0) repositories.add(r.name);
    }
  }
  const rows: SliceRow[] = [];
  let counted = 0;
  // each change's key made once, not once per slice (an organisation's 600,000 changes, a row per team)
  const changeKeys = input.changes.map((c) => (c.repository === undefined ? null : keyOf(c.repository, c.id)));
  const inSet = (keys: ReadonlySet<string>) => (_c: MeasuredChange, i: number): boolean => {
    const key = changeKeys[i];
    return key !== null && key !== undefined && keys.has(key);
  };
  for (const [name, keys] of pooled) {
    const repositories = from.get(name) ?? new Set<string>();
    const changes = input.changes.filter(inSet(keys));
    const mine = <T extends { repository?: string }>(list: readonly T[]): T[] => list.filter((x) => x.repository !== undefined && repositories.has(x.repository));
    const report = input.build(changes, mine(input.deploys), mine(input.openPulls));
    rows.push({ ...sliceRow(name, report), repositories: [...repositories].sort() });
  }
  // by owners (teams), every counted change of a report is in one row at least (unowned included): the whole they
  // are a share of
  const byOwners = groupingOf(by)?.by.owners === true;
  const all = new Set<string>();
  for (const keys of pooled.values()) for (const key of keys) all.add(key);
  const inAll = inSet(all);
  if (byOwners) counted = input.changes.filter((c, i) => inAll(c, i) && input.counts(c)).length;
  const sorted = sortByGrouping(rows, by);
  const owners = [...new Set(withOwners.values())];
  return {
    slices: {
      by,
      owners: !byOwners ? null : owners.length === 1 ? (owners[0] ?? null) : owners.filter((o) => o !== null).length > 0 ? 'CODEOWNERS of each repository' : null,
      unownedShare: byOwners ? noGroupShare(sorted, by, counted) : null,
      rows: sorted,
    },
    warnings,
  };
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
