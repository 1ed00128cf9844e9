import { describe, expect, it } from 'vitest';
import { unknownTagsWarning } from '../../src/audit/products.js';

describe('the warning for tags that name no product', () => {
  it("says how many of them are the previous period's, which the report compares the window with", () => {
    // loki's 90 days to 2026-08-22: helm-loki-7.1.0, 7.2.0 and 7.3.0 in the window, 6.54.0, 6.55.0 and 7.0.0 before it
    const tags = ['helm-loki-6.54.0', 'helm-loki-6.55.0', 'helm-loki-7.0.0', 'helm-loki-7.1.0', 'helm-loki-7.2.0', 'helm-loki-7.3.0'];
    expect(unknownTagsWarning(tags, 3)).toBe(
      "6 tags (3 of them in the previous period) name no package of the workspace and are no deploy (helm-loki-6.54.0, helm-loki-6.55.0, helm-loki-7.0.0, helm-loki-7.1.0, helm-loki-7.2.0, …): name their product in the config's products to count them",
    );
    expect(unknownTagsWarning(tags.slice(0, 2), 2)).toMatch(/^2 tags \(in the previous period\) name no package/);
    expect(unknownTagsWarning(tags.slice(0, 1), 1)).toMatch(/^1 tag \(in the previous period\) names no package/);
    expect(unknownTagsWarning(tags.slice(3), 0)).toMatch(/^3 tags name no package/);
    expect(unknownTagsWarning([], 0)).toBeNull();
  });
});
