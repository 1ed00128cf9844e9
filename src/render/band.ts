/*
 * A DORA key against the 2024 clusters in the report's words (`summary.dora.<key>.position`, written by the report
 * builder from the catalogue's published values: `metrics/clusters.ts`): "DORA 2024: high cluster, between one day
 * and one week", or the published values a change failure rate lies between. Every format prints these words; none
 * makes its own. A report written before they were added names its band alone.
 */

/** The words for a DORA key's position against the clusters; '' when it has none. */
export function clusterText(figure: { readonly band?: string | null; readonly position?: string | null }): string {
  if (figure.position !== undefined) return figure.position ?? '';
  return figure.band ? `DORA 2024: ${figure.band} cluster` : '';
}
