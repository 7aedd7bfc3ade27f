import fs from 'node:fs';
import path from 'node:path';
import { addDays, type Summary } from '@handover/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';
import { startDemo, type DemoServer } from './support/server';

let browser: Browser;

/** `2026-10-04` → `4 Oct 2026`, as the dashboard writes a day. */
const formatDay = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Every chart of the overview, drawn: Recharts charts have their marks, the heat map its cells. A
 * chart is drawn when it comes near the viewport, so each card is scrolled to as a reader would.
 */
async function expectEveryChartDrawn(page: Page): Promise<void> {
  const card = (id: string) => page.getByTestId(`chart-${id}`);
  for (const id of ['readiness', 'gates', 'exit', 'posts', 'milestones', 'ladder', 'heatmap', 'coverage', 'adoption']) {
    await expect(card(id)).toBeVisible();
    // Every drawing keeps its accessible name, drawn or not yet.
    for (const frame of await card(id).locator('.chart-frame').all()) expect(await frame.getAttribute('aria-label')).toMatch(/\w{8,}/);
    await card(id).scrollIntoViewIfNeeded();
  }
  await expect(card('posts').locator('.recharts-bar-rectangle path, path.recharts-rectangle').first()).toBeVisible();
  expect(await card('posts').locator('path.recharts-rectangle').count()).toBeGreaterThan(10);
  expect(await card('posts').locator('path.recharts-line-curve').count()).toBe(2);
  expect(await card('posts').locator('.recharts-reference-line').count()).toBe(1);
  for (const id of ['milestones', 'ladder', 'coverage']) {
    await expect(card(id).locator('path.recharts-rectangle').first()).toBeVisible();
  }
  await expect(card('adoption').locator('path.recharts-line-curve').first()).toBeVisible();
  expect(await card('heatmap').locator('td.heat').count()).toBeGreaterThan(0);
  expect(await card('readiness').getByTestId('readiness-score').textContent()).toMatch(/^\d+%$/);
  expect(await card('gates').locator('.gates li').count()).toBe(6);
  await expect(page.getByTestId('verdict')).toBeVisible();
}

/** The vertical extent of an element on the page. */
async function box(page: Page, testId: string): Promise<{ top: number; bottom: number }> {
  const b = await page.getByTestId(testId).boundingBox();
  if (!b) throw new Error(`${testId} is not on the page`);
  return { top: b.y, bottom: b.y + b.height };
}

/** A card's one-line reading (the muted line under its heading). */
const cardSummary = (page: Page, id: string) => page.getByTestId(`chart-${id}`).locator('p.muted').first().textContent();

describe('on a seeded plan', () => {
  const { server, seeded } = setupSeededServer({ browser: false });

  test('When an executive opens the overview, then every chart is drawn, with a table alternative and a CSV download, and no edit control', async () => {
    const { context, page, errors } = await newPage(browser, server.baseUrl);
    // Nothing the page runs breaks its Content-Security-Policy (a caught `new Function` probe included).
    await page.addInitScript(`window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.sourceFile));`);
    await signIn(page, seeded.executive.email, seeded.executive.password);
    await page.getByRole('link', { name: new RegExp(seeded.plan.name) }).click();
    await page.getByRole('heading', { name: 'Can the agency go, and when?' }).waitFor();
    await expectEveryChartDrawn(page);

    const posts = page.getByTestId('chart-posts');
    await posts.getByText('Show table').click();
    const table = posts.getByRole('region', { name: 'Posts per week: agency vs in-house' });
    await expect(table).toBeVisible();
    expect(await table.getByRole('row').count()).toBeGreaterThan(10);

    const [download] = await Promise.all([page.waitForEvent('download'), posts.getByRole('button', { name: /Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe(`e2e-plan-posts-per-week-${new Date().toISOString().slice(0, 10)}.csv`);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    // The dashed line is the share's trend, never called a forecast of the exit.
    expect(csv.split('\r\n')[0]).toBe('Week of,Agency,Co-authored,In-house,In-house share,In-house share trend,Target');
    expect(csv.split('\r\n').length).toBeGreaterThan(11);

    await expect(page.getByTestId('chart-gates')).toContainText('Internally networked');
    await expect(page.getByRole('button', { name: /Edit|New milestone|Log handover/ })).toHaveCount(0);
    expect(await page.evaluate('window.violations')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('When the overview is printed, then the navigation and buttons are hidden and the charts keep a fixed size', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await signIn(page, seeded.lead.email, seeded.lead.password);
    await page.goto(`/plans/${seeded.plan.id}`);
    await expectEveryChartDrawn(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    const box = await page.getByTestId('chart-posts').locator('.chart-frame').boundingBox();
    expect(box?.width).toBe(680);
    await context.close();
  });
});

describe('on the demo data', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo();
  }, 240_000);
  afterAll(async () => {
    await demo?.stop();
  });

  const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
  const cases = [
    { name: 'overview-desktop-light', width: 1280, colorScheme: 'light' },
    { name: 'overview-desktop-dark', width: 1280, colorScheme: 'dark' },
    { name: 'overview-phone-light', width: 375, colorScheme: 'light' },
    { name: 'overview-phone-dark', width: 375, colorScheme: 'dark' },
  ] as const;

  test.each(cases)('When an executive opens the demo overview ($name), then every chart is drawn and a screenshot is saved', async ({ name, width, colorScheme }) => {
    const account = demo.accounts.executive;
    expect(account).toBeDefined();
    const { context, page, errors } = await newPage(browser, demo.baseUrl, { width, height: width < 600 ? 812 : 900, colorScheme });
    await signIn(page, account!.email, account!.password);
    await page.getByRole('list', { name: 'Plans' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Can the agency go, and when?' }).waitFor();
    await expectEveryChartDrawn(page);
    // The page must not scroll sideways on a phone: wide tables scroll inside their own region.
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
    await context.close();
  });

  async function openDemo(options: Parameters<typeof newPage>[2] = {}) {
    const { context, page, errors } = await newPage(browser, demo.baseUrl, options);
    await signIn(page, demo.accounts.executive!.email, demo.accounts.executive!.password);
    await page.getByRole('list', { name: 'Plans' }).getByRole('link').first().click();
    await page.getByTestId('verdict').waitFor();
    return { context, page, errors };
  }

  test('When an executive opens the overview on a phone, then the first thing after the question is the answer: not yet, the gate that limits the exit, and its date', async () => {
    const { context, page, errors } = await openDemo({ width: 375, height: 812 });
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toContainText('Not yet: ');
    const text = (await verdict.textContent()) ?? '';
    expect(text).toMatch(/earliest exit \d{1,2} [A-Z][a-z]{2,3} \d{4}, limited by (internal adoption|critical skills|the in-house share|handovers|milestones) \(/);
    expect(text).toContain('As of today');
    // First in reading order and on screen: above the readiness card, within the phone's first screen.
    const answer = await box(page, 'verdict');
    expect(answer.bottom).toBeLessThanOrEqual((await box(page, 'chart-readiness')).top);
    expect(answer.bottom).toBeLessThanOrEqual(812);
    expect(await page.evaluate(`!!(document.querySelector('[data-testid="verdict"]').compareDocumentPosition(document.querySelector('[data-testid="chart-readiness"]')) & Node.DOCUMENT_POSITION_FOLLOWING)`)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('When a day 8 weeks back is chosen, then the verdict, the milestones done and the ladder are those of that day, and Back to today returns', async () => {
    const { context, page, errors } = await openDemo();
    const today = await page.getByTestId('verdict').textContent();
    const milestonesToday = await cardSummary(page, 'milestones');
    const ladderToday = await cardSummary(page, 'ladder');
    const planId = new URL(page.url()).pathname.split('/')[2];
    const past = addDays(new Date().toISOString().slice(0, 10), -56);

    await page.getByLabel('As of').fill(past);
    await expect(page.getByTestId('verdict')).toContainText(`As of ${formatDay(past)}, a past day`);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(past);
    const then = (await page.evaluate(`fetch('/api/v1/plans/${planId}/summary?asOf=${past}').then((r) => r.json())`)) as Summary;
    await expect(page.getByTestId('chart-milestones')).toContainText(`${then.milestones.done} of ${then.milestones.total} done;`);
    expect(await cardSummary(page, 'milestones')).toMatch(new RegExp(`^${then.milestones.done} of ${then.milestones.total} done;`));
    await expect(page.getByTestId('chart-ladder')).toContainText(`; ${Math.round(then.handovers.acceptedShare * 100)}% accepted`);
    expect(await cardSummary(page, 'milestones')).not.toBe(milestonesToday);
    expect(await cardSummary(page, 'ladder')).not.toBe(ladderToday);
    expect(await page.getByTestId('verdict').textContent()).not.toBe(today);
    await expect(page.getByTestId('chart-exit').locator('.timeline')).toContainText(`As of ${formatDay(past).replace(/ \d{4}$/, '')}`);

    await page.getByRole('button', { name: 'Back to today' }).click();
    await expect(page.getByTestId('verdict')).toContainText('As of today');
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
    await expect(page.getByTestId('chart-milestones')).toContainText(milestonesToday ?? '');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('as of a past date', () => {
  const { server, seeded } = setupSeededServer({ browser: false });

  test('When a date is chosen, then the summary is computed as of that day and the link keeps it', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await signIn(page, seeded.executive.email, seeded.executive.password);
    await page.goto(`/plans/${seeded.plan.id}`);
    await expectEveryChartDrawn(page);
    const asOf = seeded.plan.startDate;
    await page.getByLabel('As of').fill(asOf);
    await expect(page.getByTestId('verdict')).toContainText('a past day');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(asOf);
    const summary = await seeded.admin.call<{ readiness: { score: number } }>('GET', `/plans/${seeded.plan.id}/summary?asOf=${asOf}`);
    await expect(page.getByTestId('readiness-score')).toContainText(`${Math.round(summary.readiness.score * 100)}%`);
    await context.close();
  });

  test('When a keyboard user is on a past day, then Back to today is the next stop after the As-of field, and pressing it returns to today with the focus on the date', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await signIn(page, seeded.executive.email, seeded.executive.password);
    await page.goto(`/plans/${seeded.plan.id}?asOf=${seeded.plan.startDate}`);
    await expect(page.getByTestId('verdict')).toContainText('a past day');
    await page.getByRole('button', { name: 'Print' }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Back to today');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('verdict')).toContainText('As of today');
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
    await expect(page.getByRole('button', { name: 'Back to today' })).toHaveCount(0);
    expect(await page.evaluate(`document.activeElement.labels?.[0]?.textContent`)).toBe('As of');
    await context.close();
  });
});
