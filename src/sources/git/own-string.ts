/* Strings that share no memory with the git output they were read from. */

/**
 * A copy of an ASCII `s` (a sha) that shares no memory with the line it was cut from: V8 keeps a cut of 13
 * characters or more as a view of the whole line, so every sha cut from git's output kept its line alive as long
 * as the model held the sha — 10 MB of rails' lines at its report's peak.
 */
export function ownAscii(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'latin1').toString('latin1');
}

/** A copy of `s` that shares no memory with the message it was cut from. */
export function own(s: string): string {
  return s.length === 0 ? '' : Buffer.from(s, 'utf8').toString('utf8');
}
