import { STAGES } from '../domain.js';

/** What a figure measures, which decides the units a threshold on it may use. */
export type FigureKind = 'duration' | 'ratio' | 'count' | 'number';

/** A group of figures in `report.summary`, by key; leaves are the figure's kind. */
export interface FigureGroup {
  readonly [key: string]: FigureKind | FigureGroup;
}

const DISTRIBUTION: FigureGroup = { count: 'count', p50: 'duration', p75: 'duration', p90: 'duration', mean: 'duration' };
// changes still waiting counted as right-censored: the percentiles are the estimate, `atLeast` its bound
const CENSORED: FigureGroup = { ...DISTRIBUTION, censored: 'count', atLeast: 'duration' };
const STAGE: FigureGroup = { ...DISTRIBUTION, share: 'ratio', shareOfTotal: 'ratio' };
const dora = (kind: FigureKind): FigureGroup => ({ value: kind, count: 'count' });
const QUEUE_TREND: FigureGroup = {
  arrivalsPerWeek: 'number', departuresPerWeek: 'number', growthPerWeek: 'number', meanQueue: 'number', meanTimeInStage: 'duration', littleQueue: 'number',
};

/**
 * The numeric figures of `report.summary` (SPEC section 7) a threshold may name. Kept by hand rather than
 * derived from a report, so a misspelt path is caught before any repository is read.
 */
export const FIGURES: FigureGroup = {
  changes: 'count',
  excluded: { bots: 'count', syncs: 'count' },
  stages: Object.fromEntries(STAGES.map((stage) => [stage, stage === 'deploy' ? { ...STAGE, ...CENSORED } : STAGE])),
  shareBasis: { changes: 'count' },
  cycleTime: DISTRIBUTION,
  leadTime: CENSORED,
  leadTimeDeployed: DISTRIBUTION,
  unreleased: { count: 'count', p50Age: 'duration', oldestAge: 'duration' },
  flow: {
    anomalies: { clockSkew: 'count' },
    size: { count: 'count', p50: 'number', p90: 'number', over200: 'ratio', over400: 'ratio' },
    reverted: 'count',
  },
  ai: { assisted: 'count', other: 'count' },
  dora: {
    deploymentFrequency: { ...dora('number'), deployDaysPerWeek: 'number' },
    leadTime: dora('duration'),
    changeFailureRate: dora('ratio'),
    timeToRestore: dora('duration'),
    reworkRate: dora('ratio'),
  },
  // a stage the data cannot see (pickup from git alone) has no trend: a threshold on it is "not measured"
  queueTrend: Object.fromEntries(STAGES.map((stage) => [stage, QUEUE_TREND])),
};

export type FigureLookup =
  | { ok: true; segments: string[]; kind: FigureKind }
  | { ok: false; problem: string };

/**
 * Resolves a dot path (without the `summary.` prefix) to a figure. A group with a `value` (the DORA keys)
 * stands for its value, so `dora.changeFailureRate` is `dora.changeFailureRate.value`.
 */
export function lookupFigure(path: string): FigureLookup {
  const segments = path.split('.');
  let node: FigureKind | FigureGroup = FIGURES;
  const walked: string[] = [];
  for (const segment of segments) {
    if (typeof node === 'string') return { ok: false, problem: `'${walked.join('.')}' is a single figure and has no '${segment}'` };
    const next: FigureKind | FigureGroup | undefined = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (next === undefined) {
      const where = walked.length === 0 ? 'the summary' : walked.join('.');
      return { ok: false, problem: `unknown figure '${path}' (${where} has ${Object.keys(node).join(', ')})` };
    }
    walked.push(segment);
    node = next;
  }
  if (typeof node !== 'string') {
    const value: FigureKind | FigureGroup | undefined = node['value'];
    if (typeof value === 'string') return { ok: true, segments: [...segments, 'value'], kind: value };
    return { ok: false, problem: `'${path}' is a group: name one of its figures (${Object.keys(node).join(', ')})` };
  }
  return { ok: true, segments, kind: node };
}
