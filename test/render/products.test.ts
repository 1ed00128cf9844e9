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

  it('is absent when the one product busy in the window is the root package, whose row would repeat the report', () => {
    // cargo's 90 days: the `cargo` crate at the root changed and shipped, its `home` crate neither
    const root = { ...base, summary: { ...base.summary, products: [row('cargo', { paths: ['.'] })] } };
    expect(renderProductsText(root, ctx)).toEqual([]);
    expect(renderProductsMarkdown(root)).toEqual([]);
    expect(renderProductsHtml(root)).toBe('');
    // one package of a workspace is not the whole repository: its row is drawn, counted in the singular
    const one = { ...base, summary: { ...base.summary, products: [row('web')] } };
    expect(renderProductsText(one, ctx).join(' ').replace(/\s+/g, ' ')).toContain('1 product, each with its own deploys');
    expect(renderProductsMarkdown(one).join('\n')).toContain('| web | 3 | 2 | 0.50 | 2d | 0% | 1 |');
    expect(renderProductsHtml(one)).toContain('<th scope="row" class="ext">web</th>');
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

  it('leaves a Go repository\'s common module path out of the terminal\'s names, its root module shown by its last part', () => {
    // golang/tools' root module golang.org/x/tools beside golang.org/x/tools/gopls read `.`, and `product:.` by product
    const report = { ...base, summary: { ...base.summary, products: [row('go.example.com/kit'), row('go.example.com/kit/sdk/metric'), row('go.example.com/kit/api')] } };
    const text = renderProductsText(report, ctx).join('\n');
    expect(text).toMatch(/│ kit +│/);
    expect(text).not.toMatch(/│ \. +│/);
    expect(text).toMatch(/│ sdk\/metric +│/);
    expect(text.replace(/\s+/g, ' ')).toContain('without their common go.example.com/kit/ (kit is go.example.com/kit itself)');
    expect(renderProductsHtml(report)).toContain('<th scope="row" class="ext">kit</th>');
    // a root module's major version is no name; a last part another product's row shows already is shown whole
    const v2 = renderProductsText({ ...base, summary: { ...base.summary, products: [row('go.example.com/kit/v2'), row('go.example.com/kit/v2/api')] } }, ctx).join('\n');
    expect(v2).toMatch(/│ kit +│/);
    expect(v2.replace(/\s+/g, ' ')).toContain('(kit is go.example.com/kit/v2 itself)');
    const twice = renderProductsText({ ...base, summary: { ...base.summary, products: [row('go.example.com/kit'), row('go.example.com/kit/kit')] } }, ctx).join('\n');
    expect(twice).toMatch(/│ go\.example\.com\/kit +│/);
    expect(twice).toMatch(/│ kit +│/);
    expect(twice.replace(/\s+/g, ' ')).toContain('without their common go.example.com/kit/. CFR');
    // a Go module's major version is kept with the name it versions (containerd: `containerd/v2` beside `containerd/api`)
    const majors = { ...base, summary: { ...base.summary, products: [row('github.com/containerd/containerd/v2'), row('github.com/containerd/containerd/api')] } };
    const majorText = renderProductsText(majors, ctx).join('\n');
    expect(majorText).toMatch(/│ containerd\/v2 +│/);
    expect(majorText).toMatch(/│ containerd\/api +│/);
    // a common start that is not a whole folder is no scope
    const near = { ...base, summary: { ...base.summary, products: [row('create-vite'), row('create-vitest')] } };
    expect(renderProductsText(near, ctx).join('\n')).toMatch(/│ create-vite +│/);
  });

  it('leaves a Maven group or .NET namespace of two parts or more out of the names, and no one word', () => {
    // java-sdk-contrib's modules: at 80 columns their whole names left room for 3 of the table's 7 columns
    const maven = { ...base, summary: { ...base.summary, products: [row('dev.openfeature.contrib.providers.flagd'), row('dev.openfeature.contrib.hooks.otel'), row('dev.openfeature.contrib.parent')] } };
    const text = renderProductsText(maven, ctx).join('\n');
    expect(text).toMatch(/│ providers\.flagd +│/);
    expect(text).toMatch(/│ parent +│/);
    expect(text.replace(/\s+/g, ' ')).toContain('without their common group dev.openfeature.contrib. CFR');
    // a phone breaks a name after a dot, not inside a word (`OpenTelemetry.Instru|mentation.AspNetCore`)
    expect([...renderProductsHtml(maven).matchAll(/<th scope="row" class="ext">((?:[^<]|<wbr>)*)<\/th>/g)].map((m) => m[1])).toEqual(['providers.<wbr>flagd', 'hooks.<wbr>otel', 'parent']);
    const azure = { ...base, summary: { ...base.summary, products: [row('Azure.Storage.Blobs'), row('Azure.Storage.Queues')] } };
    expect(renderProductsText(azure, ctx).join('\n')).toMatch(/│ Blobs +│/);
    // one shared word is no group, and a name with a folder is read by its folders only
    for (const names of [['socket.io-client', 'socket.io-parser'], ['@acme/x.y.a', 'a.b.c'], ['a.b.c', 'a.x.c']]) {
      const report = { ...base, summary: { ...base.summary, products: names.map((n) => row(n)) } };
      expect(renderProductsText(report, ctx).join(' ').replace(/\s+/g, ' ')).not.toContain('without their common');
    }
  });

  it('leaves the common scope out of the HTML\'s names too, and says so under the title', () => {
    // opentelemetry-js-contrib's 73 rows, each `@opentelemetry/…`: on a phone the names broke over three lines
    const report = { ...base, summary: { ...base.summary, products: [row('@opentelemetry/instrumentation-pg'), row('@opentelemetry/instrumentation-redis')] } };
    const html = renderProductsHtml(report);
    expect([...html.matchAll(/<th scope="row" class="ext">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['instrumentation-pg', 'instrumentation-redis']);
    expect(html).toContain('Names are without their common @opentelemetry/.');
    // without a common scope, whole names and no such sentence
    const mixed = renderProductsHtml({ ...base, summary: { ...base.summary, products: [row('@acme/web'), row('c-lib')] } });
    expect(mixed).toContain('>@acme/<wbr>web</th>');
    expect(mixed).not.toContain('Names are without');
  });

  it('marks a rate over the part of the window a package existed, and says what the mark means', () => {
    // swarm: 90 deploys over the 15 weeks it existed (added and removed in the window) beside svelte's over the year
    const products = [
      row('@acme/swarm', { deploys: 90, deploysPerWeek: 5.887203, coveredDays: 107.01, historyFrom: '2024-10-30T09:13:59Z', historyUntil: '2025-02-14T09:30:56Z' }),
      row('@acme/svelte', { deploys: 90, deploysPerWeek: 1.726, coveredDays: 365 }),
      row('@acme/solid', { deploys: 62, deploysPerWeek: 1.940565, coveredDays: 223.65, historyUntil: '2025-04-02T15:30:30Z' }),
      // born before the window (null): over all of it, no mark
      row('@acme/old', { deploys: 3, deploysPerWeek: 0.057, coveredDays: 365, historyFrom: null }),
      // added four days before the window's end: no rate, its span said in the cell itself
      row('@acme/new', { deploys: 1, deploysPerWeek: null, coveredDays: 4, historyFrom: '2025-08-18T00:00:00Z' }),
    ];
    const report = { ...base, summary: { ...base.summary, products } };
    const md = renderProductsMarkdown(report).join('\n');
    expect(md).toContain('| @acme/swarm | 3 | 90 | 5.89\\* |');
    expect(md).toContain('| @acme/svelte | 3 | 90 | 1.73 |');
    expect(md).toContain('| @acme/solid | 3 | 62 | 1.94\\* |');
    expect(md).toContain('| @acme/old | 3 | 3 | 0.06 |');
    expect(md).toContain('| @acme/new | 3 | 1 | 1 deploy in 4 days |');
    const note = 'A rate marked * is per week of the part of the window its package existed: it was added or removed in the window.';
    expect(md).toContain(note.replace('*', '\\*'));
    expect(renderProductsHtml(report)).toContain(note);
    expect(renderProductsHtml(report)).toContain('<td class="num">5.89*</td>');
    const text = renderProductsText(report, ctx).join('\n');
    expect(text).toMatch(/│ swarm +│ +3 │ +90 │ +5\.89\* │/);
    // an unmarked rate is followed by a space where the others have the mark: the figures stay aligned
    expect(text).toMatch(/│ svelte +│ +3 │ +90 │ +1\.73 {2}│/);
    const lines = text.split('\n');
    const column = (name: string, figure: string): number => lines.find((l) => l.includes(`│ ${name} `))?.indexOf(figure) ?? -1;
    expect(column('swarm', '5.89')).toBeGreaterThan(0);
    expect(column('svelte', '1.73')).toBe(column('swarm', '5.89'));
    expect(renderProductsHtml(report)).toContain('<td class="num">1.73\u2007</td>');
    expect(text.replace(/\s+/g, ' ')).toContain(note);
    // where the terminal drops the rates, their mark is not explained
    const narrow = renderProductsText(report, { ...ctx, width: 40 }).join('\n');
    expect(narrow).not.toContain('5.89');
    expect(narrow.replace(/\s+/g, ' ')).not.toContain('A rate marked');
  });

  it('marks no rate where every product\'s history begins with the report\'s own (a young repository)', () => {
    const young = { ...base, window: { ...base.window, historyFrom: '2025-06-02T00:00:00Z' } };
    const products = [row('@acme/a', { historyFrom: '2025-06-02T00:00:00Z' }), row('@acme/b', { historyFrom: '2025-06-02T00:00:00Z' })];
    const md = renderProductsMarkdown({ ...young, summary: { ...young.summary, products } }).join('\n');
    expect(md).toContain('| @acme/a | 3 | 2 | 0.50 |');
    expect(renderProductsHtml({ ...young, summary: { ...young.summary, products } })).toContain('<td class="num">0.50</td>');
    expect(md).not.toContain('A rate marked');
  });

  it('escapes a product\'s name in every format', () => {
    const report = { ...base, summary: { ...base.summary, products: [row(EVIL_TITLE), row('api')] } };
    expect(renderProductsHtml(report)).not.toContain('<img');
    expect(renderProductsMarkdown(report).join('\n')).not.toContain('<script>');
    expect(renderProductsText(report, ctx).join('\n')).not.toContain('\x1b');
  });
});
