import { ConfigError } from '../errors.js';
import { pathSliceGlob } from '../glob.js';
import type { ChangedFile } from '../sources/git/changed-files.js';
import { teamsOf, UNOWNED, type Owners } from './owners.js';

/** One predicate over a window's changes (SPEC section 10). */
export type Slice =
  | { kind: 'team'; name: string }
  | { kind: 'product'; name: string }
  | { kind: 'path'; glob: string }
  | { kind: 'label'; name: string }
  | { kind: 'ai' }
  | { kind: 'other' }
  | { kind: 'bots' }
  | { kind: 'author'; who: string };

/** What a slice reads of one change. */
export interface SliceFacts {
  id: string;
  /** the files it touched with their changed lines; empty when the clone could not say */
  files: readonly ChangedFile[];
  /** its pull request's labels (GitHub mode); empty from git alone */
  labels: readonly string[];
  /** the products of a monorepo it is of (touched, or shipped by); empty in a repository of one product */
  products?: readonly string[];
  aiAssisted: boolean;
  bot: boolean;
  /** its author's login or name, and email when known */
  author: string;
  authorEmail?: string;
}

const SLICE = /^(team|product|path|label|author):(.+)$/;

/**
 * Reads a slice as written on the command line: `team:NAME`, `product:NAME`, `path:GLOB`, `label:NAME`, `ai`,
 * `other`, `bots`, `author:EMAIL-OR-LOGIN`. Names are matched without case, as GitHub's.
 * @throws ConfigError (exit 2) for anything else
 */
export function parseSlice(text: string): Slice {
  const written = text.trim();
  if (written === 'ai' || written === 'other' || written === 'bots') return { kind: written };
  const m = SLICE.exec(written);
  const value = m?.[2]?.trim() ?? '';
  if (!m || value === '') {
    const shown = written.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
    throw new ConfigError(`'${shown}' is not a slice: write team:NAME, product:NAME, path:GLOB, label:NAME, author:EMAIL-OR-LOGIN, ai, other or bots`);
  }
  switch (m[1]) {
    case 'team':
      return { kind: 'team', name: value.replace(/^@/, '').replace(/^[^/]*\//, '').toLowerCase() };
    case 'product':
      return { kind: 'product', name: value.toLowerCase() };
    case 'path':
      return { kind: 'path', glob: value };
    case 'label':
      return { kind: 'label', name: value.toLowerCase() };
    default:
      return { kind: 'author', who: value.toLowerCase() };
  }
}

/** A slice as written back: its name in a table, a comparison or a gate. */
export function sliceName(slice: Slice): string {
  switch (slice.kind) {
    case 'team':
      return `team:${slice.name}`;
    case 'product':
      return `product:${slice.name}`;
    case 'path':
      return `path:${slice.glob}`;
    case 'label':
      return `label:${slice.name}`;
    case 'author':
      return `author:${slice.who}`;
    default:
      return slice.kind;
  }
}

/** Whether a slice needs the files each change touched (and, for teams, the CODEOWNERS file). */
export function needsFiles(slice: Slice): boolean {
  return slice.kind === 'team' || slice.kind === 'path';
}

/**
 * The predicate of a slice over the changes' facts; `owners` is the CODEOWNERS file at the window's end (null:
 * there is none, and every change is unowned). `team:unowned` is the changes no team owns a third of.
 */
export function slicePredicate(slice: Slice, owners: Owners | null): (facts: SliceFacts) => boolean {
  switch (slice.kind) {
    case 'team':
      return (f) => {
        const teams = owners === null ? [] : teamsOf(f.files, owners);
        return slice.name === UNOWNED ? teams.length === 0 : teams.includes(slice.name);
      };
    case 'path': {
      const matches = pathSliceGlob(slice.glob);
      return (f) => f.files.some((file) => matches(file.path));
    }
    case 'product':
      return (f) => (f.products ?? []).some((p) => p.toLowerCase() === slice.name);
    case 'label':
      return (f) => f.labels.some((l) => l.toLowerCase() === slice.name);
    case 'ai':
      return (f) => f.aiAssisted;
    case 'other':
      return (f) => !f.aiAssisted;
    case 'bots':
      return (f) => f.bot;
    case 'author':
      return (f) => f.author.toLowerCase() === slice.who || f.authorEmail?.toLowerCase() === slice.who;
  }
}

/** How `--by` groups the changes: by owning team, by product, by folder DEPTH levels deep, or by pull request label. */
export type Grouping = { kind: 'team' } | { kind: 'product' } | { kind: 'path'; depth: number } | { kind: 'label' };

/**
 * Reads `--by`: `team`, `product`, `path:DEPTH` (1–9) or `label`.
 * @throws ConfigError (exit 2) for anything else
 */
export function parseGrouping(text: string): Grouping {
  const written = text.trim();
  if (written === 'team' || written === 'product' || written === 'label') return { kind: written };
  const m = /^path:([1-9])$/.exec(written);
  if (m) return { kind: 'path', depth: Number(m[1]) };
  const shown = written.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  throw new ConfigError(`--by '${shown}' is not a grouping: write team, product, path:DEPTH (such as path:2) or label`);
}

/** the group of the changes whose files are all at the top of the tree (path:DEPTH) or that have no label */
export const NO_GROUP = { path: '(top level)', label: '(no label)', product: '(no product)' } as const;

/**
 * Each change's groups under `by`, by slice name (`team:payments`, `path:src/api`, `label:bug`), in the order
 * the changes come: a change is in every group holding at least a third of its changed lines (teams and
 * folders, never split in fractions), in each of its labels or in each of its products; one in none is in
 * `team:unowned`, the top level, `(no label)` or `(no product)`. Pure.
 */
export function groupChanges(facts: readonly SliceFacts[], by: Grouping, owners: Owners | null): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const put = (name: string, id: string): void => {
    const ids = groups.get(name);
    if (ids) ids.push(id);
    else groups.set(name, [id]);
  };
  const folders = by.kind === 'path' ? folderOwners(by.depth) : null;
  for (const f of facts) {
    let names: string[];
    if (by.kind === 'label') names = [...new Set(f.labels.map((l) => l.toLowerCase()))].map((l) => `label:${l}`);
    else if (by.kind === 'product') names = (f.products ?? []).map((p) => `product:${p}`);
    else {
      const of = folders ?? owners;
      names = (of === null ? [] : teamsOf(f.files, of)).map((n) => `${by.kind}:${n}`);
    }
    if (names.length === 0) names = [by.kind === 'team' ? `team:${UNOWNED}` : by.kind === 'label' ? `label:${NO_GROUP.label}` : `${by.kind}:${NO_GROUP[by.kind]}`];
    for (const name of names) put(name, f.id);
  }
  return groups;
}

/** The folder `depth` levels deep as a path's owner: `src/api/x.ts` at depth 2 is `src/api`; a shallower file has none. */
function folderOwners(depth: number): Owners {
  return {
    of(path) {
      const parts = path.split('/');
      return parts.length > depth ? [parts.slice(0, depth).join('/')] : [];
    },
  };
}
