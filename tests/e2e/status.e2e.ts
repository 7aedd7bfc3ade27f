import type { SnapshotListItem } from '@handover/shared';
import type { Page } from 'playwright-core';
import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';

const { server, seeded, browser } = setupSeededServer({ planName: 'Status plan' });

/** The page's print(), replaced so the test counts calls instead of opening the dialog. */
type PrintStub = { print: () => void; printed: number };
type Page_ = { items: SnapshotListItem[]; total: number };
const snapshots = () => seeded.admin.call<Page_>('GET', `/plans/${seeded.plan.id}/snapshots?limit=50`);

async function statusPage(options: { width?: number; height?: number } = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const { context, page, errors } = await newPage(browser, server.baseUrl, options);
  // The print dialog is the browser's own: the test checks what it would print, not the dialog.
  await page.addInitScript(() => {
    const w = globalThis as unknown as PrintStub;
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}/status`);
  await page.getByRole('heading', { name: 'Status', level: 1 }).waitFor();
  return { page, errors, close: () => context.close() };
}

async function take(page: Page, rag: string, note: string) {
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Take a snapshot' }) });
  await form.getByLabel('RAG status').selectOption(rag);
  await form.getByLabel('Status note').fill(note);
  await form.getByRole('button', { name: 'Take a snapshot' }).click();
  await page.getByRole('status').filter({ hasText: 'Snapshot taken' }).waitFor();
}

test('When the plan has no snapshots, then the overview says so; a lead backfills and the readiness trend and slip chart draw from the weeks', async () => {
  const reader = await newPage(browser, server.baseUrl);
  await signIn(reader.page, seeded.executive.email, seeded.executive.password);
  await reader.page.goto(`/plans/${seeded.plan.id}`);
  const emptyForReader = reader.page.getByTestId('no-snapshots');
  await expect(emptyForReader).toContainText('No snapshots yet');
  expect(await emptyForReader.getByRole('button').count()).toBe(0);
  await reader.context.close();

  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${seeded.plan.id}`);
  await page.getByTestId('no-snapshots').getByRole('button', { name: 'Backfill from history' }).click();
  await expect(page.getByTestId('chart-readiness-trend').getByText(/^Readiness \d+% in the week of .*, \d+% in the week of/)).toBeVisible();
  const stored = await snapshots();
  expect(stored.total).toBeGreaterThanOrEqual(9);
  expect(stored.items.every((s) => s.kind === 'weekly')).toBe(true);
  for (const id of ['chart-readiness-trend', 'chart-slip']) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await page.getByTestId(id).locator('.recharts-surface').waitFor();
  }
  await expect(page.getByTestId('what-changed').getByText(/^Readiness \d+% → \d+%/)).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('When a lead takes two snapshots, then the history lists them newest first with their status, and the API holds them', async () => {
  const { page, errors, close } = await statusPage();
  await take(page, 'amber', 'Two handovers are late.');
  await take(page, 'green', 'Back on track.');
  const rows = page.getByRole('table', { name: 'Snapshots, newest first' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Taken by hand');
  await expect(rows.nth(1)).toContainText('Green');
  await expect(rows.nth(1)).toContainText('Back on track.');
  await expect(rows.nth(2)).toContainText('Amber');
  const stored = await snapshots();
  expect(stored.items.slice(0, 2).map((s) => [s.kind, s.rag, s.note])).toEqual([
    ['manual', 'green', 'Back on track.'],
    ['manual', 'amber', 'Two handovers are late.'],
  ]);
  expect(errors).toEqual([]);
  await close();
});

test('When a lead edits a status note, then it is saved; when someone else edited it meanwhile, then the dialog says so and nothing is overwritten', async () => {
  const { page, errors, close } = await statusPage();
  const [latest] = (await snapshots()).items;
  await page.getByRole('button', { name: /^Edit the status of / }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Status note').fill('Back on track: newsletter handed over.');
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByRole('status').filter({ hasText: /saved\.$/ })).toBeVisible();
  const saved = (await snapshots()).items[0]!;
  expect(saved).toMatchObject({ id: latest!.id, rag: 'green', note: 'Back on track: newsletter handed over.', version: latest!.version + 1 });

  // Open the editor, then a colleague changes the same note through the API.
  await page.getByRole('button', { name: /^Edit the status of / }).first().click();
  await dialog.getByLabel('RAG status').selectOption('red');
  await seeded.admin.call('PATCH', `/plans/${seeded.plan.id}/snapshots/${saved.id}`, { note: 'Changed by the admin.' }, { 'If-Match': `"${saved.version}"` });
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(dialog.getByText(/Someone else changed this status note meanwhile/)).toBeVisible();
  const after = (await snapshots()).items[0]!;
  expect(after).toMatchObject({ rag: 'green', note: 'Changed by the admin.', version: saved.version + 1 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('table', { name: 'Snapshots, newest first' }).getByRole('row').nth(1)).toContainText('Changed by the admin.');
  expect(errors).toEqual([]);
  await close();
});

test('When a reader compares two snapshots, then what changed between them is listed, for the pair picked', async () => {
  const { page, errors, close } = await statusPage();
  const panel = page.getByTestId('compare');
  await expect(panel.getByText(/^Readiness \d+% → \d+% \(.\d+ points\)\.$/)).toBeVisible();
  for (const heading of ['Gates changed', 'Milestones completed', 'Milestones slipped', 'Handovers moved', 'Exit items moved']) await expect(panel.getByRole('heading', { name: heading })).toBeVisible();
  const [to, from] = (await snapshots()).items;
  await panel.getByLabel('From').selectOption(to!.id);
  await panel.getByLabel('To').selectOption(from!.id);
  await expect(panel.getByText(/^Readiness /)).toBeVisible();
  await panel.getByLabel('To').selectOption(to!.id);
  await expect(panel.getByText('Pick two different snapshots.')).toBeVisible();
  expect(errors).toEqual([]);
  await close();
});

test('When "Print weekly report" is pressed, then the print shows the report alone, black on white, on one A4 page', async () => {
  const { page, errors, close } = await statusPage();
  await page.getByRole('table', { name: 'Snapshots, newest first' }).waitFor();
  await page.getByRole('button', { name: 'Print weekly report' }).click();
  const report = page.getByTestId('weekly-report');
  await expect(report).toContainText('Weekly report: Status plan');
  await expect(report).toContainText('Changed by the admin.');
  await expect(report.getByRole('heading', { name: 'Gates changed' })).toBeVisible();
  await page.waitForFunction(() => (globalThis as unknown as PrintStub).printed === 1);

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await page.locator('.app-nav').first().isVisible()).toBe(false);
  expect(await page.getByRole('table', { name: 'Snapshots, newest first' }).isVisible()).toBe(false);
  expect(await page.getByTestId('compare').isVisible()).toBe(false);
  await expect(report).toBeVisible();
  const colours = await page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="weekly-report"]');
    return { color: getComputedStyle(el).color, background: getComputedStyle(document.body).backgroundColor };
  })()`);
  expect(colours).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  expect(errors).toEqual([]);
  await close();
});

/** What sticks out sideways: the page itself, or a card's content (by the card's heading). */
const CLIPPED = `(() => ({
  page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  cards: [...document.querySelectorAll('.card')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.querySelector('h2')?.textContent),
}))()`;

test('When a lead opens the Status page on a phone (375 px), then nothing scrolls sideways and every card holds its content, on the overview’s status cards too', async () => {
  const { page, errors, close } = await statusPage({ width: 375, height: 812 });
  await page.getByRole('table', { name: 'Snapshots, newest first' }).waitFor();
  const clipped = await page.evaluate(CLIPPED);
  expect(clipped).toEqual({ page: false, cards: [] });
  // The keyboard goes from the page's action on to the take-snapshot form.
  await page.getByRole('button', { name: 'Print weekly report' }).focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(`document.activeElement?.closest('main') !== null`)).toBe(true);
  // The overview's status cards too.
  await page.goto(`/plans/${seeded.plan.id}`);
  await page.getByTestId('what-changed').waitFor();
  await page.getByTestId('chart-slip').scrollIntoViewIfNeeded();
  await page.getByTestId('chart-slip').locator('.recharts-surface').waitFor();
  expect(await page.evaluate(CLIPPED)).toEqual({ page: false, cards: [] });
  expect(errors).toEqual([]);
  await close();
});
