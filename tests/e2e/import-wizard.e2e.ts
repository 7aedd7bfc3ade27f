import { addDays, mondayOf } from '@handover/shared';
import type { Page } from 'playwright-core';
import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';

// The mapped import in the browser (docs/domain.md#import-wizard-and-roster-page): a Meta Business Suite export
// whose authors the roster does not know yet, classified from the preview, imported, and the share
// chart on the overview moving with it.

const { server, seeded, browser } = setupSeededServer({ planName: 'Import wizard plan' });

const today = () => new Date().toISOString().slice(0, 10);
/** `2026-11-24` at `10:00` → `11/24/2026 10:00`, as Meta writes `Publish time`. */
const metaTime = (date: string, time: string) => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)} ${time}`;

/** A Facebook content export (Meta's columns, `Lifetime` in its Date column) with an author column added by the team. */
function metaExport(week: string): string {
  const header = 'Post ID,Page ID,Page name,Title,Publish time,Permalink,Post type,Date,Author';
  const row = (n: number, day: number, author: string) =>
    `1042_90${n},1042,Café Nord,Post ${n},${metaTime(addDays(week, day), '10:00')},https://www.facebook.com/1042/posts/90${n},Photo,Lifetime,${author}`;
  return `\uFEFF${[header, row(1, 1, 'Sam Agency'), row(2, 2, 'Sam Agency'), row(3, 2, 'Ines Inhouse'), row(4, 3, 'Ines Inhouse')].join('\n')}\n`;
}

/** The agency and in-house counts of one week in the overview's posts table. */
async function weekCounts(page: Page, week: string): Promise<{ agency: number; inHouse: number }> {
  const card = page.getByTestId('chart-posts');
  await card.scrollIntoViewIfNeeded();
  const details = card.locator('details');
  if (!(await details.evaluate((d) => (d as unknown as { open: boolean }).open))) await card.getByText('Show table').click();
  const label = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${week}T00:00:00Z`));
  const cells = await card.getByRole('row', { name: new RegExp(`^${label}`) }).locator('td').allTextContents();
  return { agency: Number(cells[0]), inHouse: Number(cells[2]) };
}

test('When a lead imports a Meta export with unknown authors, then each is classified in one keypress, the preview follows, and the import moves the share chart', async () => {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  const plan = seeded.plan;
  const week = addDays(mondayOf(today()), -7);
  await signIn(page, seeded.lead.email, seeded.lead.password);
  await page.goto(`/plans/${plan.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const before = await weekCounts(page, week);

  // Client-side navigation: the overview's share stays cached, so only invalidation can refresh it.
  const nav = page.getByRole('navigation', { name: `Plan ${plan.name}` });
  await nav.getByRole('link', { name: 'Import posts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import posts' }).waitFor();
  await page.getByLabel('Export file').setInputFiles({ name: 'facebook-content.csv', mimeType: 'text/csv', buffer: Buffer.from(metaExport(week)) });
  await expect(page.getByText(/recognised\./)).toBeVisible();
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('meta_facebook');

  // The preset reads no author; the team's added column is mapped by hand.
  await page.getByLabel('My own column mapping').check();
  await expect(page.getByLabel('Author')).toHaveValue('Author');
  await expect(page.getByLabel('Published at')).toHaveValue('Publish time');
  await page.getByLabel('Date format').selectOption('MM/DD/YYYY HH:mm');
  await page.getByLabel('Channel', { exact: true }).fill('facebook');

  const authors = page.getByTestId('unknown-authors');
  await expect(authors.getByRole('row', { name: /Sam Agency/ })).toBeVisible();
  await expect(page.getByTestId('import-blockers')).toContainText('4 rows are not classified');

  const agencyButton = authors.getByRole('button', { name: 'Agency: add “Sam Agency” to the roster as agency' });
  await agencyButton.focus();
  await page.keyboard.press('Enter');
  await expect(authors.getByRole('row', { name: /Sam Agency/ })).toHaveCount(0);
  await expect(page.getByTestId('import-by-side').locator('div', { hasText: 'Agency' }).locator('dd')).toContainText('2');

  await authors.getByRole('button', { name: 'In-house: add “Ines Inhouse” to the roster as in-house' }).click();
  await expect(page.getByTestId('unknown-authors')).toContainText('None: the roster knows every author');

  await page.getByRole('button', { name: 'Import 4 posts' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 4 posts from “facebook-content.csv”');

  await nav.getByRole('link', { name: 'Roster' }).click();
  await expect(page.getByRole('row', { name: /Sam Agency/ })).toContainText('Agency');
  await expect(page.getByRole('row', { name: /Ines Inhouse/ })).toContainText('In-house');

  await nav.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const want = { agency: before.agency + 2, inHouse: before.inHouse + 2 };
  let after = await weekCounts(page, week);
  for (let i = 0; i < 20 && JSON.stringify(after) !== JSON.stringify(want); i++) {
    await page.waitForTimeout(250);
    after = await weekCounts(page, week);
  }
  expect(after).toEqual(want);
  expect(errors).toEqual([]);
  await context.close();
});
