import type { z } from 'zod';

// a key that reads as a setting's name is named in errors; any other is content, and content is never quoted
const PLAIN_KEY = /^[A-Za-z][\w-]{0,39}$/;

/** `['ai', 'markers', 1]` → `ai.markers[1]` */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = PLAIN_KEY.test(String(key)) ? String(key) : '(a key that is not a setting name)';
      out += out === '' ? name : `.${name}`;
    }
  }
  return out;
}

/**
 * One readable sentence per zod issue: the field's path, then what it must be. Unknown keys name the
 * closest known key, if one is close. `known(path)` lists the keys allowed at `path`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], known: (path: ReadonlyArray<PropertyKey>) => readonly string[]): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const near = PLAIN_KEY.test(key) ? closest(key, known(issue.path)) : null;
        out.push(`${fieldPath([...issue.path, key])} is not a known setting${near ? ` (did you mean ${near}?)` : ''}`);
      }
      continue;
    }
    const path = fieldPath(issue.path);
    out.push(path === '' ? issue.message : `${path} ${issue.message}`);
  }
  return out;
}

/** The known key nearest to `key` (case-insensitive edit distance ≤ 2 and under half its length), if any. */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.min(3, Math.ceil(key.length / 2));
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
