import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/render/sanitize.js';
import { renderHtml } from '../../src/render/html.js';
import { buildReport, CHARTS, EVIL_TITLE, sampleChanges } from './report-builder.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('skipping HTML browser test: /usr/bin/chromium not installed (apt-get install chromium)');

(hasChromium ? describe : describe.skip)('the HTML report in a real browser (Debian Chromium)', () => {
  let dir: string;
  let fileUrl: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowaudit-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(buildReport(sampleChanges())));
    fileUrl = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(fileUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('makes no request but for the file itself, and logs no error (CSP violations included)', () => {
    expect(requests).toEqual([fileUrl]);
    expect(errors).toEqual([]);
  });

  it('renders every chart with a visible size and its title', async () => {
    for (const [id, title] of Object.entries(CHARTS)) {
      const svg = page.locator(`svg[data-chart="${id}"]`);
      const box = await svg.boundingBox();
      expect(box?.width, id).toBeGreaterThan(100);
      expect(box?.height, id).toBeGreaterThan(40);
      expect(await svg.locator(':scope > title').textContent()).toBe(title);
      expect(await svg.locator('rect, path, circle').count(), id).toBeGreaterThan(0);
    }
  });

  it('keeps an <img onerror> title as text: no image element exists', async () => {
    // a string: the test compiles without the DOM library
    expect(await page.evaluate('document.querySelectorAll("img").length')).toBe(0);
    expect(await page.locator('script[src], iframe, object, embed').count()).toBe(0);
    const titles = await page.locator('#changes-table td.title').allTextContents();
    expect(titles).toContain(terminalSafe(EVIL_TITLE));
  });

  it('sorts the table of changes by the column clicked, nulls last, and back', async () => {
    const column = async (index: number): Promise<string[]> =>
      page.$$eval(`#changes-table tbody tr td:nth-child(${index})`, (cells) => cells.map((c) => c.getAttribute('data-v') ?? c.textContent ?? ''));
    const leadIndex = 1 + (await page.$$eval('#changes-table thead th', (ths) => ths.findIndex((th) => th.textContent === 'Lead time')));
    const header = page.locator('#changes-table thead th', { hasText: /^Lead time$/ });
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await column(leadIndex);
    const known = ascending.filter((v) => v !== '').map(Number);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(ascending.slice(known.length).every((v) => v === '')).toBe(true);
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = (await column(leadIndex)).filter((v) => v !== '').map(Number);
    expect(descending).toEqual([...known].reverse());
    await page.locator('#changes-table thead th', { hasText: /^Change$/ }).getByRole('button').click();
    expect((await column(1)).slice(0, 3)).toEqual(['#101', '#102', '#103']);
  });

  it('takes a full-page screenshot', async () => {
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});
