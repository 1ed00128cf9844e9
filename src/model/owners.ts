import ignore, { type Ignore } from 'ignore';
import type { ChangedFile } from '../sources/git/changed-files.js';


interface OwnerRule {
  matcher: Ignore;
  /** `docs/*`: GitHub matches the files directly in docs/, not those deeper (gitignore would) */
  directOnly: boolean;
  /** the owners' names; empty: the pattern takes ownership away (a later line with no owner) */
  owners: string[];
}

/** Who owns which path, as one CODEOWNERS file says. */
export interface Owners {
  /** the owners of `path`: those of the last pattern that matches it; empty when none does */
  of(path: string): readonly string[];
}

/**
 * Reads a CODEOWNERS file as GitHub applies it: gitignore-style patterns, the last matching line wins, a line
 * with a pattern and no owner leaves the path unowned. An owner is named without its `@` and its organisation
 * (`@acme/payments` is `payments`, `@alice` is `alice`), an email as written: `team:payments` names it so.
 * Lines GitHub would skip (a `!` negation, a `[…]` range it does not support) are skipped. Pure; answers are
 * cached per path.
 */
export function parseCodeowners(text: string): Owners {
  const rules: OwnerRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // an unescaped # starts a comment, at the start of a line or after a space
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const [pattern, ...rest] = line.split(/\s+/);
    if (pattern === undefined || pattern.startsWith('!') || /\[/.test(pattern)) continue;
    const owners = rest.filter((o) => o.startsWith('@') || o.includes('@')).map(ownerName);
    rules.push({ matcher: ignore().add(pattern), directOnly: /\/\*$/.test(pattern), owners });
  }
  const cache = new Map<string, readonly string[]>();
  return {
    of(path) {
      const known = cache.get(path);
      if (known !== undefined) return known;
      let owners: readonly string[] = [];
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i] as OwnerRule;
        if (matches(rule, path)) {
          owners = rule.owners;
          break;
        }
      }
      cache.set(path, owners);
      return owners;
    },
  };
}

function matches(rule: OwnerRule, path: string): boolean {
  if (!rule.matcher.ignores(path)) return false;
  if (!rule.directOnly) return true;
  // `dir/*` matched through a directory below dir/: not a file directly in it
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (rule.matcher.ignores(`${parts.slice(0, i).join('/')}/`)) return false;
  return true;
}

function ownerName(owner: string): string {
  if (!owner.startsWith('@')) return owner.toLowerCase();
  const name = owner.slice(1);
  return (name.includes('/') ? name.slice(name.indexOf('/') + 1) : name).toLowerCase();
}

/** the name of the slice of changes no team owns a third of */
export const UNOWNED = 'unowned';

/**
 * The teams a change belongs to: every owner of at least a third of its changed lines (so a change is never
 * split in fractions, and belongs to at most three); a change whose files have no changed lines (binary files
 * only) is weighed by files instead. Sorted by name; empty when no owner reaches a third.
 */
export function teamsOf(files: readonly ChangedFile[], owners: Owners): string[] {
  const byLines = files.some((f) => f.lines > 0);
  const weight = (f: ChangedFile): number => (byLines ? f.lines : 1);
  let total = 0;
  const owned = new Map<string, number>();
  for (const file of files) {
    const w = weight(file);
    total += w;
    // a file owned by several owners counts whole for each: each of them owns it
    for (const owner of new Set(owners.of(file.path))) owned.set(owner, (owned.get(owner) ?? 0) + w);
  }
  if (total === 0) return [];
  return [...owned].filter(([, lines]) => 3 * lines >= total).map(([owner]) => owner).sort();
}
