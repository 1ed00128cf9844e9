import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparedRow } from '../../src/metrics/compared.js';
import { renderHtml } from '../../src/render/html.js';
import type { Report } from '../../src/report/schema.js';
import { terminalSafe } from '../../src/render/sanitize.js';
import { EVIL_TITLE } from './report-builder.js';
import { githubReport, largeGitReport, multiRepositoryReport } from './rich-report.js';

/*
 * The HTML report opened in Debian's Chromium at a desktop and a phone width: what a reader would see go wrong.
 * Full-page screenshots land in test-artifacts/html/ (git-ignored) to be looked at. FLOWAUDIT_HTML_REPORT=<a
 * JSON report> adds a real repository's report to the same checks (e.g. of a clone of rails/rails).
 */

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('skipping HTML browser test: /usr/bin/chromium not installed (apt-get install chromium)');

const ARTIFACTS = resolve('test-artifacts/html');
const WIDTHS = [1280, 390] as const;

const GITHUB_SECTIONS = ['stages', 'recommendations', 'dora', 'lead-time', 'size', 'deploys', 'unreleased', 'review', 'rework', 'ci', 'wip', 'ai', 'ai-defects', 'ai-load', 'queues', 'changes', 'notes'];

interface Fixture {
  name: string;
  report: Report;
  sections: string[];
  /** the page may be at most this tall (px) at each width */
  maxHeight: Record<(typeof WIDTHS)[number], number>;
}

const given = process.env.FLOWAUDIT_HTML_REPORT;
const FIXTURES: Fixture[] = [
  { name: 'github', report: githubReport(), sections: GITHUB_SECTIONS, maxHeight: { 1280: 15_500, 390: 20_000 } },
  { name: 'multi', report: multiRepositoryReport(), sections: ['repositories', ...GITHUB_SECTIONS], maxHeight: { 1280: 17_500, 390: 22_500 } },
  // 3,000 changes over two years: fully expanded, its table alone was over 100,000 px
  { name: 'large-git', report: largeGitReport(3000), sections: ['stages', 'dora', 'lead-time', 'trends', 'size', 'deploys', 'repair', 'unreleased', 'review', 'ai', 'ai-defects', 'queues', 'changes', 'notes'], maxHeight: { 1280: 11_500, 390: 13_500 } },
  ...(given ? [{ name: 'given', report: JSON.parse(readFileSync(given, 'utf8')) as Report, sections: ['stages', 'dora', 'lead-time', 'deploys', 'changes'], maxHeight: { 1280: 20_000, 390: 30_000 } }] : []),
];

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

// page.evaluate bodies are strings: the tests compile without the DOM library
const VISIBLE_TEXT = `(() => {
  const skip = 'script, style, title, desc, .ext, td.id, [hidden]';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  return out;
})()`;

const CHART_TEXT = `(() => [...document.querySelectorAll('svg.chart')].flatMap((svg) => {
  const box = svg.viewBox.baseVal;
  const scale = svg.getBoundingClientRect().width / box.width;
  return [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '').map((t) => {
    const b = t.getBBox();
    return { chart: svg.dataset.chart, text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height, width: box.width, height: box.height };
  });
}))()`;

interface ChartText {
  chart: string;
  text: string;
  px: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

const H = 3600;
const D = 24 * H;

/**
 * The github fixture with a previous period, its rows as vercel/ai's year to August 2026 had them: durations whose
 * change and interval take a line or more (`+10m 7s (+6m 54s … +12m 46s), worse`).
 */
function withPreviousPeriod(report: Report): Report {
  const row = (label: string, before: number, after: number, low: number, high: number): ComparedRow => ({
    key: 'dora.leadTime', group: 'dora', label, unit: 'seconds', lowerIsBetter: true, before, after, change: after - before,
    relativeChange: (after - before) / before, direction: after > before ? 'worse' : 'better', interval: { difference: after - before, low, high, real: true },
    sample: { before: 2065, after: 2728 }, lowSample: false,
  });
  const rows = [
    row('first → last p50', 103, 710, 414, 766),
    row('review & merge p90', 16 * H + 720, D + 19 * H, 18 * H + 2640, D + 13 * H),
    row('deploy wait p90', 72 * D + 12 * H, 55 * D + 5 * H, -(27 * D + 15 * H), -(9 * D + 4 * H)),
    row('failed deployment recovery time', 7 * D + 3 * H, 15 * H + 2460, -(6 * D + 20 * H), -(5 * D)),
  ];
  return { ...report, summary: { ...report.summary, previous: { since: '2025-12-08T00:00:00Z', until: '2026-02-02T00:00:00Z', covered: true, changes: 2065, deploys: 2143, rows } } };
}

(hasChromium ? describe : describe.skip)('the HTML report in a real browser (Debian Chromium)', () => {
  let dir: string;
  let browser: Browser;
  const files = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of FIXTURES) {
      const file = join(dir, `${f.name}.html`);
      writeFileSync(file, renderHtml(f.report));
      files.set(f.name, file);
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(fixture: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
    const opened: Opened = { page, url: pathToFileURL(files.get(fixture) as string).href, requests: [], errors: [] };
    page.on('request', (request) => opened.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') opened.errors.push(message.text());
    });
    page.on('pageerror', (error) => opened.errors.push(error.message));
    await page.goto(opened.url, { waitUntil: 'load' });
    return opened;
  }

  for (const fixture of FIXTURES) {
    for (const width of WIDTHS) {
      it(`${fixture.name} at ${width} px: no request, no error, no sideways scroll, every section, words not keys, a bounded page`, async () => {
        const { page, url, requests, errors } = await open(fixture.name, width);
        try {
          expect(requests).toEqual([url]);
          expect(errors).toEqual([]);
          const size = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, height: document.documentElement.scrollHeight })')) as { scroll: number; client: number; height: number };
          expect(size.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(size.client);
          expect(size.height).toBeLessThan(fixture.maxHeight[width]);
          for (const id of fixture.sections) {
            const box = await page.locator(`section#${id}`).boundingBox();
            expect(box?.height ?? 0, `section #${id}`).toBeGreaterThan(30);
          }
          const text = (await page.evaluate(VISIBLE_TEXT)) as string[];
          // a summary key ("leadTime", "p50Age") or a number of seconds ("4398303") shown as such
          expect(text.filter((t) => /\b[a-z]+\d*[A-Z][A-Za-z]*\b/.test(t)), 'raw keys').toEqual([]);
          expect(text.filter((t) => /(?<![\w#.:/-])\d{5,}(?![\w.])/.test(t)), 'bare numbers of seconds').toEqual([]);
          await page.screenshot({ path: join(ARTIFACTS, `${fixture.name}-${width}.png`), fullPage: true });
        } finally {
          await page.close();
        }
      });
    }

    it(`${fixture.name}: chart text is never cut off by its chart's edge, and at 390 px reads at 11 px or more`, async () => {
      const { page } = await open(fixture.name, 390);
      try {
        const texts = (await page.evaluate(CHART_TEXT)) as ChartText[];
        expect(texts.length).toBeGreaterThan(20);
        const cut = texts.filter((t) => t.left < -0.5 || t.right > t.width + 0.5 || t.top < -0.5 || t.bottom > t.height + 0.5);
        expect(cut.map((t) => `${t.chart}: ${t.text}`)).toEqual([]);
        const small = texts.filter((t) => t.px < 11);
        expect(small.map((t) => `${t.chart}: ${t.text} at ${t.px.toFixed(1)} px`)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('opens on the answer: the headline, where the time goes and the first fix start on the first screen at 1280 px; a phone names the stage columns it leaves out', async () => {
    const desk = await open('github', 1280);
    try {
      // before, the first fix began some 1,100 px down, under the DORA keys, the trends and the deploys
      const fix = await desk.page.locator('section#recommendations').boundingBox();
      expect(fix?.y ?? Infinity).toBeLessThan(900 - 100);
      expect(await desk.page.locator('section#stages .narrow-only').isVisible()).toBe(false);
    } finally {
      await desk.page.close();
    }
    const phone = await open('github', 390);
    try {
      expect(await phone.page.locator('section#stages thead th').allTextContents()).toEqual(expect.arrayContaining(['Stage', 'p50', 'p90', 'Share']));
      expect(await phone.page.locator('section#stages thead th:visible').allTextContents()).toEqual(['Stage', 'p50', 'p90', 'Share']);
      expect(await phone.page.locator('section#stages .narrow-only').textContent()).toBe('Left out on a narrow screen: Changes, p75 (turn the phone or widen the window to see them).');
      expect(await phone.page.locator('section#stages .narrow-only').isVisible()).toBe(true);
    } finally {
      await phone.page.close();
    }
  });

  it('at 1280 px every table fits the screen: no column scrolled out of view', async () => {
    // prometheus/prometheus's page at 1280 px hid the queue table's "Mean time in stage" behind a sideways scroll, the
    // column its Little's-law caption multiplies by (seven unwrapped heads), and the change list's lead time, size and
    // flags; a report over several repositories hid its unreleased changes, and its change list's flags (the
    // repository a column of its own: 1,386 px against 1,248)
    for (const name of FIXTURES.map((f) => f.name)) {
      const { page } = await open(name, 1280);
      try {
        const hidden = (await page.evaluate(`[...document.querySelectorAll('.scroll')].filter((s) => s.scrollWidth > s.clientWidth).map((s) => s.closest('section').id)`)) as string[];
        expect(hidden, name).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('at 390 px the DORA keys and the previous period fit the screen: no column of theirs scrolled out of view', async () => {
    // vercel/ai's page at 390 px showed the previous period's Change column cut after its first letters, and the DORA
    // keys' bands and counts past the edge: their 12rem name column and unwrapped heads pushed them out
    const file = join(dir, 'previous.html');
    writeFileSync(file, renderHtml(withPreviousPeriod(githubReport())));
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const hidden = await page.evaluate(`['dora', 'previous'].map((id) => { const s = document.querySelector('section#' + id + ' .scroll'); return [id, s.scrollWidth - s.clientWidth]; })`);
      expect(hidden).toEqual([['dora', 0], ['previous', 0]]);
      expect(await page.locator('section#previous tbody tr').first().locator('td').last().textContent()).toBe('+10m 7s (+6m 54s … +12m 46s), worse');
      expect(await page.locator('section#previous tbody tr').first().locator('td').last().isVisible()).toBe(true);
      // the one column a phone leaves out of the DORA keys, said under them
      expect(await page.locator('section#dora .narrow-only').textContent()).toBe('Left out on a narrow screen: Over (turn the phone or widen the window to see them).');
      expect(await page.locator('section#dora .narrow-only').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('dark mode: the page background is dark and the chart text light', async () => {
    const { page } = await open('github', 390, 'dark');
    try {
      const colours = (await page.evaluate(`({ body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.querySelector('svg.chart text:not([fill])')).fill })`)) as { body: string; text: string };
      expect(colours.body).toBe('rgb(13, 17, 23)');
      expect(colours.text).toBe('rgb(230, 237, 243)');
      await page.screenshot({ path: join(ARTIFACTS, 'github-390-dark.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('keeps hostile titles as text: no image, script or frame element exists', async () => {
    const { page } = await open('github', 1280);
    try {
      expect(await page.evaluate('document.querySelectorAll("img, iframe, object, embed, script[src]").length')).toBe(0);
      await page.locator('#changes-search').fill('rm -rf');
      const titles = await page.locator('#changes-table tr:not([hidden]) td.title').allTextContents();
      expect(titles).toEqual([terminalSafe(EVIL_TITLE)]);
    } finally {
      await page.close();
    }
  });

  it('its Content-Security-Policy runs the page\'s own script only and lets no request out, even for markup that slipped past escaping', async () => {
    // what a bug in escaping would let a hostile title put in the page: scripts of every kind, remote images, a frame, a base
    const injected = [
      '<base href="http://127.0.0.1:9/">',
      '<script>document.title = "pwned inline"</script>',
      '<script src="data:text/javascript,document.title=%22pwned src%22"></script>',
      '<img src="data:," onerror="document.title = \'pwned handler\'">',
      '<img src="http://127.0.0.1:9/beacon.png">',
      '<div style="background:url(http://127.0.0.1:9/bg.png)">x</div>',
      '<iframe src="http://127.0.0.1:9/frame"></iframe>',
      '<a id="js-link" href="javascript:document.title=%22pwned link%22">x</a>',
    ].join('');
    const html = readFileSync(files.get('github') as string, 'utf8');
    const file = join(dir, 'injected.html');
    writeFileSync(file, html.replace('<main>', `<main>${injected}`));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const blocked: string[] = [];
    const refused: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // Chromium reports a request CSP stopped before it was sent as a request that failed: blocked, never sent
    page.on('requestfailed', (request) => {
      if (/csp|BLOCKED_BY_CSP/i.test(request.failure()?.errorText ?? '')) blocked.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.locator('#js-link').click();
      expect(await page.title()).toBe(terminalSafe(`flowaudit · ${githubReport().repository.remote ?? ''}`));
      expect(requests.filter((url) => !blocked.includes(url))).toEqual([pathToFileURL(file).href]);
      expect(blocked.length).toBeGreaterThanOrEqual(2);
      expect(refused.length).toBeGreaterThanOrEqual(4);
      // the page's own script ran: it wrote the status of the table of changes
      expect(await page.locator('#changes-status').textContent()).toMatch(/^1–\d+ of \d+$/);
    } finally {
      await page.close();
    }
  });

  describe('the table of changes of a large history', () => {
    let page: Page;
    const visible = async (): Promise<string[]> => page.$$eval('#changes-table tbody tr:not([hidden]) td:first-child', (cells) => cells.map((c) => c.textContent ?? ''));
    const leadTimes = async (selector: string): Promise<Array<number | null>> => {
      const index = 1 + (await page.$$eval('#changes-table thead th', (ths) => ths.findIndex((th) => th.textContent === 'Lead time')));
      return page.$$eval(`#changes-table tbody ${selector} td:nth-child(${index})`, (cells) => cells.map((c) => (c.getAttribute('data-v') ? Number(c.getAttribute('data-v')) : null)));
    };
    const status = async (): Promise<string> => (await page.locator('#changes-status').textContent()) ?? '';

    beforeAll(async () => {
      ({ page } = await open('large-git', 1280));
    });
    afterAll(async () => page?.close());

    it('opens on the 50 slowest, slowest first', async () => {
      expect(await visible()).toHaveLength(50);
      expect(await status()).toBe('1–50 of 3000');
      const shown = await leadTimes('tr:not([hidden])');
      const rest = await leadTimes('tr[hidden]');
      const known = shown.filter((v): v is number => v !== null);
      expect(known).toEqual([...known].sort((a, b) => b - a));
      expect(Math.min(...known)).toBeGreaterThanOrEqual(Math.max(...rest.filter((v): v is number => v !== null)));
    });

    it('pages forward and back', async () => {
      const first = await visible();
      await page.locator('#changes-next').click();
      expect(await status()).toBe('51–100 of 3000');
      const second = await visible();
      expect(second).toHaveLength(50);
      expect(second.filter((id) => first.includes(id))).toEqual([]);
      await page.locator('#changes-prev').click();
      expect(await visible()).toEqual(first);
      expect(await page.locator('#changes-prev').isDisabled()).toBe(true);
    });

    it('searches every change, not only the page shown', async () => {
      // one change in four is titled "… improve the query planner"
      await page.locator('#changes-search').fill('query planner');
      expect(await status()).toBe('1–50 of 750 matching');
      const titles = await page.locator('#changes-table tr:not([hidden]) td.title').allTextContents();
      expect(titles.every((t) => t.includes('query planner'))).toBe(true);
      await page.locator('#changes-search').fill('');
      expect(await status()).toBe('1–50 of 3000');
    });

    it('sorts every change by the column clicked, unknown values last', async () => {
      const header = page.locator('#changes-table thead th', { hasText: /^Lead time$/ });
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const all = await leadTimes('tr');
      const known = all.filter((v): v is number => v !== null);
      expect(known).toEqual([...known].sort((a, b) => a - b));
      expect(all.slice(known.length).every((v) => v === null)).toBe(true);
      expect((await leadTimes('tr:not([hidden])'))[0]).toBe(known[0]);
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect((await leadTimes('tr:not([hidden])'))[0]).toBe(known.at(-1));
    });

    it('shows 20 rows a page on a phone', async () => {
      const phone = await open('large-git', 390);
      try {
        expect(await phone.page.locator('#changes-table tbody tr:not([hidden])').count()).toBe(20);
        expect(await phone.page.locator('#changes-status').textContent()).toBe('1–20 of 3000');
      } finally {
        await phone.page.close();
      }
    });
  });

  it('several repositories: the title column sorts by repository, each one slowest first, and the search finds a repository', async () => {
    const { page } = await open('multi', 1280);
    try {
      const rows = async (selector: string): Promise<Array<[string, number]>> => {
        const lead = 1 + (await page.$$eval('#changes-table thead th', (ths) => ths.findIndex((th) => th.textContent === 'Lead time')));
        return page.$$eval(`#changes-table tbody ${selector}`, (trs, i) => trs.map((tr) => [tr.querySelector('.repo')?.textContent ?? '', Number(tr.querySelector(`td:nth-child(${i})`)?.getAttribute('data-v') ?? NaN)] as [string, number]), lead);
      };
      const before = await rows('tr');
      const names = [...new Set(before.map(([name]) => name))].sort((a, b) => a.localeCompare(b));
      expect(names.length).toBeGreaterThan(1);
      await page.locator('#changes-table thead th', { hasText: /^Repository · title$/ }).getByRole('button').click();
      const after = await rows('tr');
      // every repository's changes together, in name order, each in the order the table opened in (slowest first)
      expect(after.map(([name]) => name)).toEqual(names.flatMap((n) => before.filter(([name]) => name === n).map(([name]) => name)));
      for (const n of names) expect(after.filter(([name]) => name === n)).toEqual(before.filter(([name]) => name === n));
      await page.locator('#changes-search').fill(names[1] as string);
      const found = await rows('tr:not([hidden])');
      expect(found.length).toBeGreaterThan(0);
      expect(found.every(([name]) => name.includes(names[1] as string))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('saved the screenshots', () => {
    for (const f of FIXTURES) for (const w of WIDTHS) expect(statSync(join(ARTIFACTS, `${f.name}-${w}.png`)).size).toBeGreaterThan(10_000);
  });
});
