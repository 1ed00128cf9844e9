import { ConfigError } from '../errors.js';
import type { Slice, SliceContext, SliceFacts, SliceKind, SliceNames, SliceNeed } from './slice-kind.js';
import { SLICE_KINDS } from './slice-kinds.js';

/*
 * Slices as the command line, gates and pages read and write them, made from the registry of kinds
 * (`slice-kinds.ts`): how a slice is parsed and named, whether a change is in it, what it reads, how `--by` groups
 * changes into rows and what those rows are called. No function here names a kind.
 */

export type { Slice, SliceContext, SliceFacts, SliceNames } from './slice-kind.js';

type Registry = Readonly<Record<string, SliceKind>>;

const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

/** `a, b or c` */
export function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}

/** The kind named by the text before a slice's or a grouping's first colon; undefined when no kind has that name. */
function kindNamed(name: string, kinds: Registry): SliceKind | undefined {
  // a kind's name is read without case, as its values are (`AI`, `Team:payments`): the registry's are lower case
  const key = name.toLowerCase();
  return Object.hasOwn(kinds, key) ? kinds[key] : undefined;
}

/** A kind as a slice of it is written in help: `team:NAME`, `bots`, `ai[:TOOL]` (the name alone is a slice too). */
function writtenKind(kind: SliceKind): string {
  if (kind.meta.argument === undefined) return kind.meta.name;
  return kind.meta.alone ? `${kind.meta.name}[:${kind.meta.argument}]` : `${kind.meta.name}:${kind.meta.argument}`;
}

/** Every kind as a slice of it is written, in the registry's order: the errors' and the README's list. */
export function sliceForms(kinds: Registry = SLICE_KINDS): string[] {
  return Object.values(kinds).map(writtenKind);
}

/**
 * Reads a slice as written on the command line, in a gate or a compare side: a kind's name, and for a kind that
 * takes one, a colon and a non-empty value (`team:payments`, `path:src/api/`, `ai`), normalised as the kind
 * compares it (names without case, as GitHub's).
 * @throws ConfigError (exit 2) listing every kind, for anything else
 */
export function parseSlice(text: string, kinds: Registry = SLICE_KINDS): Slice {
  const written = text.trim();
  const colon = written.indexOf(':');
  const name = colon === -1 ? written : written.slice(0, colon);
  const value = colon === -1 ? null : written.slice(colon + 1).trim();
  const kind = kindNamed(name, kinds);
  if (kind !== undefined) {
    const { name: own } = kind.meta;
    if ((kind.meta.argument === undefined || kind.meta.alone) && value === null) return { kind: own, value: null };
    if (kind.meta.argument !== undefined && value) {
      const normal = kind.normalise === undefined ? value : kind.normalise(value);
      const values = kind.meta.values;
      if (values === undefined || values.includes(normal)) return { kind: own, value: normal };
      throw new ConfigError(`'${printable(written)}' is not a slice: ${own}:${kind.meta.argument} takes ${orList(values)}`);
    }
  }
  throw new ConfigError(`'${printable(written)}' is not a slice: write ${orList(sliceForms(kinds))}`);
}

/**
 * Whether a command-line argument names a slice rather than a file or a window (`compare`'s sides): it starts with
 * a kind's name followed, for a kind that takes a value, by a colon, else by its end or `@` (a window of its own),
 * or it is one of `also` (`rest`). A slice it names may still be unreadable: `parseSlice` says why.
 */
export function namesSlice(text: string, also: readonly string[] = [], kinds: Registry = SLICE_KINDS): boolean {
  const name = /^[a-z][a-z0-9-]*/i.exec(text)?.[0] ?? '';
  const next = text.charAt(name.length);
  const kind = kindNamed(name, kinds);
  const alone = next === '' || next === '@';
  if (also.includes(name.toLowerCase())) return alone;
  if (kind === undefined) return false;
  if (kind.meta.argument === undefined) return alone;
  return next === ':' || (kind.meta.alone === true && alone);
}

/** A slice as written back: its name in a table, a comparison or a gate (`team:payments`, `bots`). */
export function sliceName(slice: Slice): string {
  return slice.value === null ? slice.kind : `${slice.kind}:${slice.value}`;
}

function kindOf(slice: Slice, kinds: Registry): SliceKind {
  const kind = kindNamed(slice.kind, kinds);
  // a slice is made by parseSlice from the same registry: another is a caller's bug
  if (kind === undefined) throw new Error(`no slice kind ${slice.kind}`);
  return kind;
}

/** What the slices read besides each change's own record: the files each change touched, the CODEOWNERS file. */
export function sliceNeeds(slices: ReadonlyArray<Slice>, kinds: Registry = SLICE_KINDS): Set<SliceNeed> {
  return new Set(slices.flatMap((s) => kindOf(s, kinds).meta.needs));
}

/** The predicate of a slice over the changes' facts, given what the repository says (its CODEOWNERS file). */
export function slicePredicate(slice: Slice, context: SliceContext, kinds: Registry = SLICE_KINDS): (facts: SliceFacts) => boolean {
  return kindOf(slice, kinds).predicate(slice, context);
}

/** How a slice's report is built: over its own product's deploys (a product's), counting the bots' changes (`bots`). */
export function sliceMeasure(slice: Slice, kinds: Registry = SLICE_KINDS): { countBots: boolean; ownProduct: ((product: string | undefined) => boolean) | undefined } {
  const kind = kindOf(slice, kinds);
  return { countBots: kind.meta.countsBots === true, ownProduct: kind.ownProduct?.(slice) };
}

/**
 * Refuses slices that name nothing `report` has (SPEC section 10: a product no tag or config names), each kind
 * saying why (`unknown`): an empty slice would compare as figures of no change, and a gate on it never fail.
 * @throws ConfigError (exit 2) naming the first such slice and what the report has
 */
export function refuseUnknownSlices(slices: ReadonlyArray<Slice>, report: SliceNames, kinds: Registry = SLICE_KINDS): void {
  for (const slice of slices) {
    const why = kindOf(slice, kinds).unknown?.(slice, report) ?? null;
    if (why !== null) throw new ConfigError(why);
  }
}

/** How `--by` groups the changes: a kind that has a grouping, and the value after its colon (`path:2`), if it takes one. */
export interface Grouping {
  readonly kind: string;
  readonly argument: string | null;
}

/** The kinds `--by` takes, in the registry's order. */
function groupingKinds(kinds: Registry): Array<SliceKind & { by: NonNullable<SliceKind['by']> }> {
  return Object.values(kinds).filter((k): k is SliceKind & { by: NonNullable<SliceKind['by']> } => k.by !== undefined);
}

const writtenGrouping = (kind: SliceKind & { by: NonNullable<SliceKind['by']> }): string =>
  kind.by.argument === undefined ? kind.meta.name : `${kind.meta.name}:${kind.by.argument.text}`;

/** `--by`'s values, in the registry's order: `team`, `path:DEPTH`. */
export function groupingChoices(kinds: Registry = SLICE_KINDS): string[] {
  return groupingKinds(kinds).map(writtenGrouping);
}

/** What a row of each `--by` table is, in the registry's order: `team`, `folder`. */
export function groupingNouns(kinds: Registry = SLICE_KINDS): string[] {
  return groupingKinds(kinds).map((k) => k.meta.noun);
}

/** `--by`'s help: `team (CODEOWNERS), product (a monorepo's), path:DEPTH (folders) or label (GitHub)`. */
export function groupingHelp(kinds: Registry = SLICE_KINDS): string {
  return orList(groupingKinds(kinds).map((k) => `${writtenGrouping(k)} (${k.by.help})`));
}

/**
 * Reads `--by`: a kind that has a grouping, and for one that takes an argument, a colon and an argument its
 * pattern allows (`path:2`).
 * @throws ConfigError (exit 2) listing the groupings, for anything else
 */
export function parseGrouping(text: string, kinds: Registry = SLICE_KINDS): Grouping {
  const written = text.trim();
  const colon = written.indexOf(':');
  const name = colon === -1 ? written : written.slice(0, colon);
  const argument = colon === -1 ? null : written.slice(colon + 1);
  const kind = kindNamed(name, kinds);
  const by = kind?.by;
  if (kind !== undefined && by !== undefined) {
    if (by.argument === undefined && argument === null) return { kind: kind.meta.name, argument: null };
    if (by.argument !== undefined && argument !== null && by.argument.pattern.test(argument)) return { kind: kind.meta.name, argument };
  }
  const choices = groupingKinds(kinds).map((k) => (k.by.argument === undefined ? k.meta.name : `${writtenGrouping(k)} (such as ${k.meta.name}:${k.by.argument.example})`));
  throw new ConfigError(`--by '${printable(written)}' is not a grouping: write ${orList(choices)}`);
}

/** A grouping as written back: `team`, `path:2` (whatever case `--by` was given in). */
export function groupingName(grouping: Grouping): string {
  return grouping.argument === null ? grouping.kind : `${grouping.kind}:${grouping.argument}`;
}

/** The kind of a `--by` table, by the grouping it was written with (`path:2`); undefined for one no kind has. */
export function groupingOf(by: string, kinds: Registry = SLICE_KINDS): (SliceKind & { by: NonNullable<SliceKind['by']> }) | undefined {
  const kind = kindNamed(by.split(':')[0] ?? '', kinds);
  return kind?.by === undefined ? undefined : (kind as SliceKind & { by: NonNullable<SliceKind['by']> });
}

/** One of a `--by` table's rows in a sentence: `team`, `folder`; `slice` for a grouping no kind has. */
export function groupingNoun(by: string, kinds: Registry = SLICE_KINDS): string {
  return groupingOf(by, kinds)?.meta.noun ?? 'slice';
}

/** A `--by` table's title: `By team`, `By AI tool`, `By folder (path:2)` (the grouping written as given when it takes a value). */
export function groupingTitle(by: string, kinds: Registry = SLICE_KINDS): string {
  return `By ${groupingNoun(by, kinds)}${by.includes(':') ? ` (${by})` : ''}`;
}

/** Whether a row of a table by `by` is that of the changes in no group (`team:unowned`, `path:(top level)`). */
export function isNoGroup(name: string, by: string, kinds: Registry = SLICE_KINDS): boolean {
  const kind = groupingOf(by, kinds);
  return kind !== undefined && name === `${kind.meta.name}:${kind.by.none}`;
}

/**
 * The slice a row of a table by `by` is (`product:@acme/a`, normalised as the kind compares it); null for the row of
 * the changes in no group, which is no slice of the kind (`product:(no product)` has no deploys of its own).
 */
export function rowSlice(name: string, by: string, kinds: Registry = SLICE_KINDS): Slice | null {
  const kind = groupingOf(by, kinds);
  if (kind === undefined || isNoGroup(name, by, kinds) || !name.startsWith(`${kind.meta.name}:`)) return null;
  const value = name.slice(kind.meta.name.length + 1);
  return { kind: kind.meta.name, value: kind.normalise === undefined ? value : kind.normalise(value) };
}

/**
 * Rows of a table by `by` in the grouping's order: the row of the changes in no group last, the others by the
 * grouping's own order of their values, else most changes first; ties by name. Pure.
 */
export function sortByGrouping<R extends { name: string; changes: number }>(rows: readonly R[], by: string, kinds: Registry = SLICE_KINDS): R[] {
  const kind = groupingOf(by, kinds);
  const order = kind?.by.order;
  const prefix = kind === undefined ? '' : `${kind.meta.name}:`;
  const last = (r: R): number => (isNoGroup(r.name, by, kinds) ? 1 : 0);
  const own = (a: R, b: R): number => (order === undefined ? b.changes - a.changes : order(a.name.slice(prefix.length), b.name.slice(prefix.length)));
  return [...rows].sort((a, b) => last(a) - last(b) || own(a, b) || a.name.localeCompare(b.name));
}

/**
 * Each change's groups under `by`, by slice name (`team:payments`, `path:src/api`, `label:bug`), in the order the
 * changes come: a change is in every group its kind gives it (teams and folders holding at least a third of its
 * changed lines, each of its labels or products), one in none in the kind's `none` group (`team:unowned`). Pure.
 */
export function groupChanges(facts: readonly SliceFacts[], by: Grouping, context: SliceContext, kinds: Registry = SLICE_KINDS): Map<string, string[]> {
  const kind = kindNamed(by.kind, kinds);
  const grouping = kind?.by;
  if (grouping === undefined) throw new Error(`no grouping ${by.kind}`);
  const groups = new Map<string, string[]>();
  for (const f of facts) {
    const values = grouping.groups(f, context, by.argument);
    for (const value of values.length === 0 ? [grouping.none] : values) {
      const name = `${by.kind}:${value}`;
      const ids = groups.get(name);
      if (ids) ids.push(f.id);
      else groups.set(name, [f.id]);
    }
  }
  return groups;
}
