/*
 * The `(#N)` a title ends in: GitHub appends it to a squash's subject, and backports and bots carry it over
 * (`Backport of Fix x into v1.14 (#38148)`). The one pattern every reader of that number goes through, so a
 * revert's, a backport's and a deploy's idea of "the same title" cannot drift apart.
 */
import { withoutLineTag } from './release-names.js';

const TRAILING = /\s*\(#(\d+)\)\s*$/;

/** Whether a title ends in a pull request's number: `Fix the parser (#12)`. */
export function endsWithNumber(title: string): boolean {
  // most titles end in none: no regular expression is run over them
  return title.includes('(#') && TRAILING.test(title);
}

/** The number a title ends in, or null. */
export function trailingNumber(title: string): number | null {
  const m = title.includes('(#') ? TRAILING.exec(title) : null;
  return m === null ? null : Number(m[1]);
}

/** A title less the number it ends in, trimmed: what a change's squash, its revert's quote and its backport share. */
export function withoutNumber(title: string): string {
  return (title.includes('(#') ? title.replace(TRAILING, '') : title).trim();
}

/**
 * A title less its own pull request's number (`number`), where it ends in it: a merge GitHub titled as a squash
 * (`Fix it (#12)` of #12), while `revert: x (#11)` of #12 keeps the number it names.
 */
export function withoutOwnNumber(title: string, number: number | null): string {
  return number !== null && trailingNumber(title) === number ? withoutNumber(title) : title;
}

/** The subject a copy keeps, less the release line's tag a backport puts before it and the `(#N)` it ends in. */
export function copySubject(subject: string): string {
  return withoutNumber(withoutLineTag(subject));
}
