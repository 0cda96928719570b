/**
 * The HTML report in a real headless Chromium (from the npm registry, @sparticuz/chromium, driven
 * by playwright-core; see helpers/browser.ts): it loads with no console errors and no network
 * request, the radar shows six labelled axes with the pillars' scores, and a screenshot is
 * written. `npm ci` brings the browser, so this runs on any machine with nothing installed by hand.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../src/report/schema.js';
import { headlessChromium } from './helpers/browser.js';
import { cli, fixture } from './helpers/cli.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let context: BrowserContext;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-html-'));
  // A fresh profile per run: nothing cached from an earlier page can hide a request.
  const browser = await headlessChromium();
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    args: ARGS,
    headless: true,
  });
});

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, extra: string[] = []) {
  const json = await cli(['audit', fixture(name), '--format', 'json', ...extra]);
  expect(json.code, json.stderr).toBe(0);
  const report = reportSchema.parse(JSON.parse(json.stdout)) as Report;
  const html = await cli(['audit', fixture(name), '--format', 'html', ...extra]);
  expect(html.code, html.stderr).toBe(0);
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html.stdout);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, report, file, consoleErrors, requests };
}

describe('HTML report in headless Chromium', () => {
  it('go service: loads cleanly, no requests, six labelled radar axes with the right scores, screenshot', async () => {
    // Reliability is skipped so that one axis has nothing assessed and must read "not assessed", not 0.
    const { page, report, consoleErrors, requests } = await open('reports-go-service', ['--skip', 'reliability']);
    const axes = await page.$$eval('svg.radar g.axis', (gs) =>
      gs.map((g) => ({
        pillar: g.getAttribute('data-pillar'),
        label: [...g.querySelectorAll('text.label tspan')].map((t) => t.textContent).join(' '),
        value: g.querySelector('text.value')?.textContent,
        box: (g.querySelector('text.label') as unknown as { getBBox(): { width: number } }).getBBox().width,
      })),
    );
    expect(axes).toHaveLength(6);
    expect(axes.map((a) => a.pillar)).toEqual(report.pillars.map((p) => p.id));
    for (const [i, p] of report.pillars.entries()) {
      expect(axes[i]!.label).toBe(p.title);
      expect(axes[i]!.value).toBe(p.score === null ? 'not assessed' : String(p.score));
      expect(axes[i]!.box).toBeGreaterThan(0); // the label is actually laid out, not empty
    }
    expect(axes.find((a) => a.pillar === 'reliability')!.value).toBe('not assessed');
    // The score polygon has one vertex per pillar and each scored vertex sits at score% of the radius.
    const geometry = await page.$eval('svg.radar', (svg) => {
      const vb = svg.getAttribute('viewBox')!.split(' ').map(Number);
      const [cx, cy] = [vb[2]! / 2, vb[3]! / 2];
      const axisEnd = [...svg.querySelectorAll('g.axis line')].map((l) => [
        Number(l.getAttribute('x2')),
        Number(l.getAttribute('y2')),
      ]);
      const pts = svg
        .querySelector('polygon.score')!
        .getAttribute('points')!
        .split(' ')
        .map((p: string) => p.split(',').map(Number));
      return pts.map(
        (p: number[], i: number) =>
          Math.hypot(p[0]! - cx, p[1]! - cy) / Math.hypot(axisEnd[i]![0]! - cx, axisEnd[i]![1]! - cy),
      );
    });
    expect(geometry).toHaveLength(6);
    report.pillars.forEach((p, i) => expect(geometry[i]!).toBeCloseTo((p.score ?? 0) / 100, 2));

    // Score bars: one per pillar, as wide as the score.
    const bars = await page.$$eval('#pillars tbody tr', (rows) =>
      rows.map((r) => (r.querySelector('.bar > span') as unknown as { style: { width: string } }).style.width),
    );
    expect(bars).toEqual(report.pillars.map((p) => `${p.score ?? 0}%`));

    // Evidence is collapsed by default and opens on click.
    const details = page.locator('details.evidence').first();
    expect(await details.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    await details.locator('summary').click();
    expect(await details.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);

    const shot = join(process.env.READINESS_SCREENSHOT_DIR ?? dir, 'reports-go-service.png');
    // The viewport, not the full page: a full-page capture of a long page fails under load in the
    // headless shell ("Unable to capture screenshot"), and the first screen is what a reader sees.
    await page.screenshot({ path: shot });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('hostile repository content stays text: no injected element, no request, no console error', async () => {
    const { page, consoleErrors, requests } = await open('reports-hostile');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    // The README heading with an <img onerror> arrives as visible text inside the evidence.
    const texts = await page.$$eval('code.snippet', (cs) => cs.map((c) => c.textContent));
    expect(texts).toContain('# <img src=x onerror=alert(1)> | settle `core` **bold**');
    // The very long path is shortened so it cannot push the layout sideways.
    const widest = await page.evaluate(() => {
      const root = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
      ).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(widest).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
