import leven from 'leven';
import { CATALOGUE, catalogueEntries, isFigure, type Figure, type FigureGroup, type FigureKind } from '../metrics/catalogue.js';

export type { FigureKind } from '../metrics/catalogue.js';

export type FigureLookup =
  | { ok: true; segments: string[]; kind: FigureKind; figure: Figure }
  | { ok: false; problem: string };

/**
 * Resolves a dot path (without the `summary.` prefix) to a figure of the catalogue, so a misspelt path is caught
 * before any repository is read. A group with a `value` (the DORA keys) stands for its value, so
 * `dora.changeFailureRate` is `dora.changeFailureRate.value`.
 */
export function lookupFigure(path: string): FigureLookup {
  const segments = path.split('.');
  let node: Figure | FigureGroup = CATALOGUE;
  const walked: string[] = [];
  for (const segment of segments) {
    if (isFigure(node)) return { ok: false, problem: `'${walked.join('.')}' is a single figure and has no '${segment}'` };
    const next: Figure | FigureGroup | undefined = Object.hasOwn(node.members, segment) ? node.members[segment] : undefined;
    if (next === undefined) {
      const where = walked.length === 0 ? 'the summary' : walked.join('.');
      const near = nearest(path);
      return { ok: false, problem: `unknown figure '${path}'${near === null ? '' : `: did you mean '${near}'?`} (${where} has ${Object.keys(node.members).join(', ')})` };
    }
    walked.push(segment);
    node = next;
  }
  if (!isFigure(node)) {
    const value = node.members['value'];
    if (value !== undefined && isFigure(value)) return { ok: true, segments: [...segments, 'value'], kind: value.kind, figure: value };
    return { ok: false, problem: `'${path}' is a group: name one of its figures (${Object.keys(node.members).join(', ')})` };
  }
  return { ok: true, segments, kind: node.kind, figure: node };
}

let paths: string[] | undefined;

/** The figure a misspelt path most likely meant: the nearest by edit distance, if near enough to be a slip. */
function nearest(path: string): string | null {
  paths ??= catalogueEntries().flatMap((e) => (e.path === e.segments.join('.') ? [e.path] : [e.path, e.segments.join('.')]));
  let best: { path: string; distance: number } | null = null;
  for (const candidate of paths) {
    const distance = leven(path.toLowerCase(), candidate.toLowerCase());
    if (best === null || distance < best.distance) best = { path: candidate, distance };
  }
  // a slip is a few letters: a fifth of the path, at least one
  return best !== null && best.distance <= Math.max(1, Math.floor(path.length / 5)) ? best.path : null;
}
