import { compileGlob, GlobError, type Glob } from '../glob.js';
import type { ChangedFile } from '../sources/git/changed-files.js';

interface OwnerRule {
  glob: Glob;
  /** the owners' names; empty: the pattern takes ownership away (a later line with no owner) */
  owners: string[];
}

/** Who owns which path, as one CODEOWNERS file says. */
export interface Owners {
  /** the owners of `path`: those of the last pattern that matches it; empty when none does */
  of(path: string): readonly string[];
}

/**
 * Reads a CODEOWNERS file as GitHub applies it ("About code owners"): gitignore-style patterns, matched with
 * case, the last matching line wins, a line with a pattern and no owner leaves the path unowned, and `docs/*`
 * owns the files directly in docs/, not those deeper. An owner is named without its `@` and its organisation
 * (`@acme/payments` is `payments`, `@alice` is `alice`), an email as written: `team:payments` names it so.
 * Lines GitHub would skip (a `!` negation, a `[…]` range it does not support) are skipped; so is a pattern past
 * what one glob may cost (GLOB_LIMITS), told to `refused` with its line number and why. Every pattern matches in
 * time linear in the path (src/glob.ts). Pure; answers are cached per path.
 */
export function parseCodeowners(text: string, refused: (line: number, why: string) => void = () => undefined): Owners {
  const rules: OwnerRule[] = [];
  let number = 0;
  // one line at a time, each split by a scan of its own: a long line costs its length, never its square
  for (const raw of text.split('\n')) {
    number++;
    const line = stripComment(raw).trim();
    if (line === '') continue;
    const [pattern, ...rest] = line.split(/[ \t]+/);
    if (pattern === undefined || pattern.startsWith('!') || pattern.includes('[')) continue;
    const owners = rest.filter((o) => o.includes('@')).map(ownerName);
    try {
      rules.push({ glob: compileGlob(pattern, 'gitignore', { contents: !pattern.endsWith('/*') }), owners });
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      refused(number, error.message);
    }
  }
  const cache = new Map<string, readonly string[]>();
  return {
    of(path) {
      const known = cache.get(path);
      if (known !== undefined) return known;
      let owners: readonly string[] = [];
      for (let i = rules.length - 1; i >= 0; i--) {
        const rule = rules[i] as OwnerRule;
        if (rule.glob.test(path)) {
          owners = rule.owners;
          break;
        }
      }
      cache.set(path, owners);
      return owners;
    },
  };
}

/** The line before its comment: an unescaped `#` at the start or after a space or tab starts one. */
function stripComment(line: string): string {
  for (let at = line.indexOf('#'); at !== -1; at = line.indexOf('#', at + 1)) {
    if (at === 0 || line[at - 1] === ' ' || line[at - 1] === '\t') return line.slice(0, at);
  }
  return line;
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
