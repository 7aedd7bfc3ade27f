import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, signIn } from './support/browser';
import { startDemo, type DemoServer } from './support/server';

// Phone, print and screenshots on the demo data: wide tables, long names, every chart filled.

let browser: Browser;
let demo: DemoServer;
let planId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  demo = await startDemo();
  const { context, page } = await newPage(browser, demo.baseUrl);
  await signIn(page, demo.accounts.lead!.email, demo.accounts.lead!.password);
  const plans = (await page.evaluate(`fetch('/api/v1/plans').then((r) => r.json())`)) as { items: { id: string }[] };
  planId = plans.items[0]!.id;
  await context.close();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function open(role: 'lead' | 'executive' | 'agency', route: string, options: Parameters<typeof newPage>[2] = {}) {
  const { context, page, errors } = await newPage(browser, demo.baseUrl, options);
  const account = demo.accounts[role]!;
  await signIn(page, account.email, account.password);
  await page.goto(`/plans/${planId}${route}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.spinner').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  return { page, errors, close: () => context.close() };
}

type Clipping = { page: boolean; cards: string[]; navCut: string[]; silentScrollers: number };
/** What sticks out at the page's width: the page itself, a card's content, a nav tab, a table that scrolls without a cue. */
const clipping = (page: Page): Promise<Clipping> =>
  page.evaluate(`(() => {
    const root = document.documentElement;
    const cards = [...document.querySelectorAll('.card')]
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => (c.querySelector('h2, h3') || c).textContent.trim().slice(0, 40));
    const navCut = [...document.querySelectorAll('.app-nav a')]
      .filter((a) => { const r = a.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth + 0.5; })
      .map((a) => a.textContent.trim());
    const silentScrollers = [...document.querySelectorAll('.table-wrap')]
      .filter((t) => t.scrollWidth > t.clientWidth + 1 && !t.closest('.scroll-region--right, .scroll-region--left')).length;
    return { page: root.scrollWidth > root.clientWidth, cards, navCut, silentScrollers };
  })()`);

describe('on a phone (375 px)', () => {
  test.each(['', '/milestones', '/skills', '/handovers', '/exit', '/posts', '/import', '/roster', '/activity', '/members'])(
    'When a lead opens %p, then nothing is clipped: the page does not scroll sideways, cards hold their content, every tab is whole, wide tables say they scroll',
    async (route) => {
      const { page, errors, close } = await open('lead', route, { width: 375, height: 812 });
      await page.waitForTimeout(500);
      expect(await clipping(page)).toEqual({ page: false, cards: [], navCut: [], silentScrollers: 0 });
      expect(errors).toEqual([]);
      await close();
    },
  );

  test('When agency staff open the Exit page on a phone with the add form, an evidence form and the session form open, then nothing is clipped', async () => {
    const { page, errors, close } = await open('agency', '/exit', { width: 375, height: 812 });
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByRole('button', { name: /^Edit evidence of / }).first().click();
    await page.getByRole('button', { name: 'Record a session' }).click();
    await page.getByRole('form', { name: 'Record a knowledge-transfer session' }).waitFor();
    await page.getByText(/^History/).first().click();
    expect(await clipping(page)).toEqual({ page: false, cards: [], navCut: [], silentScrollers: 0 });
    expect(errors).toEqual([]);
    await close();
  });

  test('When a lead opens the exit dialog on a phone, then it fits: no sideways scroll, and its confirmation is in view once scrolled to', async () => {
    const { page, errors, close } = await open('lead', '/exit', { width: 375, height: 812 });
    await page.getByRole('button', { name: 'End the agency arrangement…' }).click();
    const dialog = page.getByRole('dialog', { name: 'End the agency arrangement?' });
    await dialog.getByTestId('exit-open-gates').waitFor();
    const fits = await dialog.evaluate((d) => ({ inside: d.getBoundingClientRect().right <= d.ownerDocument.documentElement.clientWidth, sideways: d.scrollWidth > d.clientWidth + 1 }));
    expect(fits).toEqual({ inside: true, sideways: false });
    const confirm = dialog.getByRole('button', { name: 'End it with gates open' });
    await confirm.scrollIntoViewIfNeeded();
    expect(await confirm.isVisible()).toBe(true);
    expect(await clipping(page)).toMatchObject({ page: false });
    expect(errors).toEqual([]);
    await close();
  });

  test('When a lead previews an import on a phone, then the mapping form, the counts and the unknown values fit', async () => {
    const { page, errors, close } = await open('lead', '/import', { width: 375, height: 812 });
    await page.getByLabel('Export file').setInputFiles(path.join(__dirname, '../fixtures/ingest/meta-facebook.csv'));
    await page.getByTestId('import-preview').waitFor();
    await page.waitForTimeout(300);
    expect(await clipping(page)).toEqual({ page: false, cards: [], navCut: [], silentScrollers: 0 });
    expect(errors).toEqual([]);
    await close();
  });
});

test('When the heat map is shown on a desktop, then every skill column is in view', async () => {
  const { page, close } = await open('executive', '', { width: 1280 });
  const heatmap = page.getByTestId('chart-heatmap').getByRole('region', { name: 'Skills heat map' });
  await expect(heatmap).toBeVisible();
  expect(await page.evaluate(`(() => { const el = document.querySelector('[data-testid="chart-heatmap"] .table-wrap'); return el.scrollWidth <= el.clientWidth + 1; })()`)).toBe(true);
  await close();
});

describe('printed', () => {
  test('When the overview is printed from the dark theme with background graphics off, then it prints light, with legend keys and heat levels that survive', async () => {
    const { page, close } = await open('lead', '', { width: 1280, colorScheme: 'dark' });
    // Drawn as they come into view: the posts chart is scrolled to (printing itself draws every chart, see the Print button).
    await page.getByTestId('chart-posts').scrollIntoViewIfNeeded();
    await page.getByTestId('chart-posts').locator('.recharts-surface').waitFor();
    await page.emulateMedia({ media: 'print' });
    const look = (await page.evaluate(`(() => {
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
      const light = (c) => rgb(c).every((v) => v > 200);
      const dark = (c) => rgb(c).every((v) => v < 80);
      const th = document.querySelector('th');
      const swatches = [...document.querySelectorAll('.legend__swatch')];
      const heat = [0, 1, 2, 3, 4].map((l) => {
        const cell = document.querySelector('.heat-' + l);
        return cell ? parseFloat(getComputedStyle(cell).borderBottomWidth) : null;
      });
      const gate = document.querySelector('.gate__icon');
      return {
        headerLight: light(getComputedStyle(th).backgroundColor),
        headerTextDark: dark(getComputedStyle(th).color),
        bodyTextDark: dark(getComputedStyle(document.body).color),
        swatches: swatches.length,
        svgSwatches: swatches.filter((s) => s.tagName.toLowerCase() === 'svg' && s.querySelector('rect[fill], line[stroke]')).length,
        heat,
        gateBorder: parseFloat(getComputedStyle(gate).borderTopWidth),
      };
    })()`)) as { headerLight: boolean; headerTextDark: boolean; bodyTextDark: boolean; swatches: number; svgSwatches: number; heat: (number | null)[]; gateBorder: number };
    expect(look).toMatchObject({ headerLight: true, headerTextDark: true, bodyTextDark: true });
    expect(look.swatches).toBeGreaterThan(8);
    expect(look.svgSwatches).toBe(look.swatches);
    // Each level's rule is thicker than the one below: readable without colour.
    const levels = look.heat.filter((w): w is number => w !== null);
    expect(levels.length).toBeGreaterThanOrEqual(4);
    expect([...levels].sort((a, b) => a - b)).toEqual(levels);
    expect(new Set(levels).size).toBe(levels.length);
    expect(look.gateBorder).toBeGreaterThan(0);
    await expect(page.locator('.app-header')).toBeHidden();

    // The verdict prints first, in black, with its tone as a rule (not a background) that survives.
    await expect(page.getByTestId('verdict')).toBeVisible();
    const verdict = (await page.evaluate(`(() => {
      const v = document.querySelector('[data-testid="verdict"]');
      const readiness = document.querySelector('[data-testid="chart-readiness"]');
      const text = v.querySelector('.verdict__text');
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
      return {
        text: v.textContent,
        above: v.getBoundingClientRect().bottom <= readiness.getBoundingClientRect().top,
        textDark: rgb(getComputedStyle(text).color).every((x) => x < 80),
        rule: parseFloat(getComputedStyle(v).borderLeftWidth),
      };
    })()`)) as { text: string; above: boolean; textDark: boolean; rule: number };
    expect(verdict).toMatchObject({ above: true, textDark: true });
    expect(verdict.text).toMatch(/^(Yes|Not yet): /);
    expect(verdict.rule).toBeGreaterThanOrEqual(6);

    // Chromium's own PDF with the browser default: no background graphics.
    const pdf = await page.pdf({ printBackground: false, format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await close();
  });
});

describe('screenshots', () => {
  const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
  const pages = [
    { name: 'milestones', route: '/milestones', role: 'lead' },
    { name: 'handovers', route: '/handovers', role: 'lead' },
    { name: 'posts', route: '/posts', role: 'lead' },
  ] as const;
  const cases = pages.flatMap((p) =>
    (['desktop', 'phone'] as const).flatMap((device) => (['light', 'dark'] as const).map((colorScheme) => ({ ...p, device, colorScheme }))),
  );

  test.each(cases)('When a $role opens $name ($device, $colorScheme), then a screenshot is saved', async ({ name, route, role, device, colorScheme }) => {
    const width = device === 'phone' ? 375 : 1280;
    const { page, errors, close } = await open(role, route, { width, height: device === 'phone' ? 812 : 900, colorScheme });
    await page.waitForTimeout(300);
    expect((await clipping(page)).page).toBe(false);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${device}-${colorScheme}.png`), fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
    await close();
  });
});
