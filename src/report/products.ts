import type { Report } from './schema.js';
import type { ProductRow } from './products-schema.js';
import { sliceReport } from './slices.js';
import { epoch } from './convert.js';
import { largest } from '../lists.js';

/** A product as the report names it: its name and where its code is. */
export interface ProductPaths {
  name: string;
  paths: readonly string[];
  /** a package born in the window: when (epoch seconds); its history, and its rates per week, begin there */
  born?: number;
  /** a package removed in the window: when (epoch seconds); its history, and its rates per week, end there */
  gone?: number;
}

/** The change ids of a product: the window's changes marked with it (the model marks them, SPEC section 3). */
export function productChangeIds(report: Report, product: string): Set<string> {
  return new Set(report.changes.filter((c) => c.products?.includes(product) === true).map((c) => c.id));
}

/**
 * The report of one product: its changes, each measured to the product's own first deploy of it
 * (`productDeploys`), and its own deploys (`product` of each deploy). Pure.
 */
export function productReport(report: Report, product: string, life: Pick<ProductPaths, 'born' | 'gone'> = {}): Report {
  // a release line may still ship a package its branch removed (vercel/ai's v4 line tagged @ai-sdk/solid for a month
  // after main dropped it): its history runs to its last deploy then, not one counted after its end
  const lastDeploy = (): number => largest(report.deploys.filter((d) => d.product === product).map((d) => epoch(d.at) ?? -Infinity));
  return sliceReport(report, productChangeIds(report, product), {
    ownProduct: (p) => p === product,
    ...(life.born !== undefined && { historyFrom: life.born }),
    ...(life.gone !== undefined && { historyUntil: Math.max(life.gone, lastDeploy()) }),
  });
}

/**
 * `summary.products` (SPEC section 3): one row per product with a change or a deploy in the window, each figure
 * computed as the whole report's over the product's changes and deploys, most deploys first; undefined for a
 * repository of fewer than two products. Pure.
 */
export function productTable(report: Report, products: readonly ProductPaths[]): ProductRow[] | undefined {
  if (products.length < 2) return undefined;
  const rows: ProductRow[] = [];
  for (const product of products) {
    const own = productReport(report, product.name, product);
    const s = own.summary;
    const f = s.dora.deploymentFrequency;
    if (s.changes === 0 && f.count === 0 && s.unreleased.count === 0) continue;
    rows.push({
      name: product.name,
      paths: [...product.paths],
      changes: s.changes,
      deploys: f.count,
      failedDeploys: own.deploys.filter((d) => d.failed).length,
      deploysPerWeek: f.value,
      coveredDays: f.coveredDays ?? 0,
      ...(product.born !== undefined && { historyFrom: own.window.historyFrom ?? null }),
      ...(own.window.historyUntil !== undefined && { historyUntil: own.window.historyUntil }),
      leadTimeP50: s.leadTime.p50,
      leadTimeAtLeast: s.leadTime.p50 === null ? (s.leadTime.bounds?.p50 ?? s.leadTime.atLeast) : null,
      changeFailureRate: s.dora.changeFailureRate.value,
      unreleased: s.unreleased.count,
    });
  }
  return rows.sort((a, b) => b.deploys - a.deploys || b.changes - a.changes || a.name.localeCompare(b.name));
}

/** The report with its `summary.products`, when it has two products or more. Pure. */
export function withProducts(report: Report, products: readonly ProductPaths[]): Report {
  const rows = productTable(report, products);
  return rows === undefined ? report : { ...report, summary: { ...report.summary, products: rows } };
}
