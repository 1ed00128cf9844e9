import { z } from 'zod';
import { PRODUCT } from '../metrics/catalogue.js';
import { figureSchema } from '../metrics/schema.js';

export const productRowSchema = z.object({
  name: z.string().describe('the product: a workspace package\'s declared name (@changesets/cli, tokio) or a name the config gives'),
  paths: z.array(z.string()).describe('where its code is: the package\'s folder, or the config\'s path patterns'),
  changes: figureSchema(PRODUCT.changes),
  deploys: figureSchema(PRODUCT.deploys),
  failedDeploys: figureSchema(PRODUCT.failedDeploys),
  deploysPerWeek: figureSchema(PRODUCT.deploysPerWeek),
  coveredDays: figureSchema(PRODUCT.coveredDays),
  historyFrom: z.string().nullable().optional().describe('a package born in the window: when its manifest was added, where its history and its rates per week begin (null: before the window); absent for one that was there at its start'),
  historyUntil: z.string().optional().describe('a package removed in the window: when its manifest was deleted, where its history and its rates per week end; absent for one still there at its end'),
  leadTimeP50: figureSchema(PRODUCT.leadTimeP50),
  leadTimeAtLeast: figureSchema(PRODUCT.leadTimeAtLeast),
  changeFailureRate: figureSchema(PRODUCT.changeFailureRate),
  unreleased: figureSchema(PRODUCT.unreleased),
});
export type ProductRow = z.infer<typeof productRowSchema>;

export const productsSchema = z
  .array(productRowSchema)
  .describe('a monorepo\'s products (two or more, from package tags and workspace manifests or the config): one row each, most deploys first; absent for a repository of one product');
