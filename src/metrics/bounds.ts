type Percentile = 'p50' | 'p75' | 'p90';

/** A percentile with changes still waiting: a bound of its own (`bounds`), or the figure's lowest (`atLeast`). */
export interface Bounded {
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p90: number | null;
  readonly atLeast?: number | null | undefined;
  readonly bounds?: Readonly<Record<Percentile, number | null>> | undefined;
}

/** The lower bound of a percentile the estimate does not reach (null when it is reached, or nothing bounds it). */
export function boundOf(figure: Bounded, key: Percentile): number | null {
  if (figure[key] !== null) return null;
  return figure.bounds?.[key] ?? figure.atLeast ?? null;
}
