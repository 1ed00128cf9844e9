import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderProductsHtml, renderProductsMarkdown, renderProductsText } from '../../src/render/products.js';
import type { TextContext } from '../../src/render/text/layout.js';
import type { ProductRow } from '../../src/report/products-schema.js';
import { CALENDAR_DAYS } from '../../src/units.js';
import { buildReport, change, D, EVIL_TITLE } from './report-builder.js';

const row = (name: string, extra: Partial<ProductRow> = {}): ProductRow => ({
  name, paths: [`packages/${name}`], changes: 3, deploys: 2, failedDeploys: 0, deploysPerWeek: 0.5, coveredDays: 28,
  leadTimeP50: 2 * D, leadTimeAtLeast: null, changeFailureRate: 0, unreleased: 1, ...extra,
});
const ctx: TextContext = { c: new Chalk({ level: 0 }), color: false, width: 100, timeZone: 'UTC', durations: CALENDAR_DAYS };

describe('the products table', () => {
  const base = buildReport([change('#1', '2026-03-02T10:00:00Z', { coding: D })]);

  it('is absent for a repository of one product', () => {
    expect(renderProductsText(base, ctx)).toEqual([]);
    expect(renderProductsMarkdown(base)).toEqual([]);
    expect(renderProductsHtml(base)).toBe('');
  });

  it('gives no rate under a whole week, but deploys in days; a bound where the median is not reached', () => {
    const report = { ...base, summary: { ...base.summary, products: [row('@acme/web', { deploysPerWeek: null, coveredDays: 5, deploys: 2, leadTimeP50: null, leadTimeAtLeast: 9 * D }), row('@acme/api')] } };
    const md = renderProductsMarkdown(report).join('\n');
    expect(md).toContain('| @acme/web | 3 | 2 | 2 deploys in 5 days | ≥ 9d | 0% | 1 |');
    expect(md).toContain('| @acme/api | 3 | 2 | 0.50 | 2d | 0% | 1 |');
    // the common scope is left out of the terminal's names, and said
    const text = renderProductsText(report, ctx).join('\n');
    expect(text).toMatch(/│ web +│/);
    expect(text.replace(/\s+/g, ' ')).toContain('without their common @acme/');
  });

  it('leaves a Go repository\'s common module path out of the terminal\'s names, its root module shown as .', () => {
    const report = { ...base, summary: { ...base.summary, products: [row('go.example.com/kit'), row('go.example.com/kit/sdk/metric'), row('go.example.com/kit/api')] } };
    const text = renderProductsText(report, ctx).join('\n');
    expect(text).toMatch(/│ \. +│/);
    expect(text).toMatch(/│ sdk\/metric +│/);
    expect(text.replace(/\s+/g, ' ')).toContain('without their common go.example.com/kit/ (. is go.example.com/kit itself)');
    // a Go module's major version is kept with the name it versions (containerd: `containerd/v2` beside `containerd/api`)
    const majors = { ...base, summary: { ...base.summary, products: [row('github.com/containerd/containerd/v2'), row('github.com/containerd/containerd/api')] } };
    const majorText = renderProductsText(majors, ctx).join('\n');
    expect(majorText).toMatch(/│ containerd\/v2 +│/);
    expect(majorText).toMatch(/│ containerd\/api +│/);
    // a common start that is not a whole folder is no scope
    const near = { ...base, summary: { ...base.summary, products: [row('create-vite'), row('create-vitest')] } };
    expect(renderProductsText(near, ctx).join('\n')).toMatch(/│ create-vite +│/);
  });

  it('leaves the common scope out of the HTML\'s names too, and says so under the title', () => {
    // opentelemetry-js-contrib's 73 rows, each `@opentelemetry/…`: on a phone the names broke over three lines
    const report = { ...base, summary: { ...base.summary, products: [row('@opentelemetry/instrumentation-pg'), row('@opentelemetry/instrumentation-redis')] } };
    const html = renderProductsHtml(report);
    expect([...html.matchAll(/<th scope="row" class="ext">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['instrumentation-pg', 'instrumentation-redis']);
    expect(html).toContain('Names are without their common @opentelemetry/.');
    // without a common scope, whole names and no such sentence
    const mixed = renderProductsHtml({ ...base, summary: { ...base.summary, products: [row('@acme/web'), row('c-lib')] } });
    expect(mixed).toContain('>@acme/web</th>');
    expect(mixed).not.toContain('Names are without');
  });

  it('escapes a product\'s name in every format', () => {
    const report = { ...base, summary: { ...base.summary, products: [row(EVIL_TITLE), row('api')] } };
    expect(renderProductsHtml(report)).not.toContain('<img');
    expect(renderProductsMarkdown(report).join('\n')).not.toContain('<script>');
    expect(renderProductsText(report, ctx).join('\n')).not.toContain('\x1b');
  });
});
