import { newPage, signIn } from './support/browser';
import { setupSeededServer } from './support/seeded-server';

const { server, seeded, browser } = setupSeededServer();

test('When agency staff sign in, then the navigation lists every page they may read, and no lead screen', async () => {
  const { context, page } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.agency.email, seeded.agency.password);
  await page.goto(`/plans/${seeded.plan.id}`);
  const nav = page.getByRole('navigation', { name: `Plan ${seeded.plan.name}` });
  await expect(nav.getByRole('link', { name: 'Handovers' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Posts' })).toBeVisible();
  // They may read milestones and skill coverage (read only), not the activity log.
  await expect(nav.getByRole('link', { name: 'Milestones' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Skills & people' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Activity' })).toHaveCount(0);
  await expect(page.getByText('your role: Agency staff')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await context.close();
});

test('When agency staff log a handover and move it up the ladder, then it reaches in-house with its history, and only a lead can accept it', async () => {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.agency.email, seeded.agency.password);
  await page.goto(`/plans/${seeded.plan.id}/handovers`);
  await page.getByRole('button', { name: 'New handover' }).click();
  const form = page.getByRole('form', { name: 'Log a handover' });
  await form.getByRole('button', { name: 'Log handover' }).click();
  await expect(form.getByText('must not be empty')).toBeVisible();
  await form.getByLabel('Responsibility').fill('Answer TikTok comments');
  await form.getByLabel('Channel (optional)').fill('tiktok');
  await form.getByRole('button', { name: 'Log handover' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Logged “Answer TikTok comments”.' })).toBeVisible();

  const card = page.getByTestId('handover').filter({ hasText: 'Answer TikTok comments' });
  await card.getByLabel('Note for the move of Answer TikTok comments').fill('Sam shadows from Monday');
  await card.getByRole('button', { name: /Move to shadowing/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is now at “Shadowing”' })).toBeVisible();
  await card.getByRole('button', { name: /Move to reverse shadowing/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is now at “Reverse shadowing”' })).toBeVisible();
  await card.getByRole('button', { name: /Move to in-house/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is now at “In-house”' })).toBeVisible();
  // Agency staff stop at in-house: no accept, no reopen.
  await expect(card.getByRole('button', { name: /Accept|Back to|Reopen/ })).toHaveCount(0);

  await card.getByText(/History \(3\)/).click();
  await expect(card.locator('.history')).toContainText('Agency → Shadowing');
  await expect(card.locator('.history')).toContainText('Sam shadows from Monday');
  // History names the person, not their email.
  const members = await seeded.admin.call<{ items: { email: string; name: string }[] }>('GET', `/plans/${seeded.plan.id}/members`);
  await expect(card.locator('.history')).toContainText(members.items.find((m) => m.email === seeded.agency.email)!.name);
  expect(await card.locator('.history').textContent()).not.toContain('@');
  expect(errors).toEqual([]);
  await context.close();

  const lead = await newPage(browser, server.baseUrl);
  await signIn(lead.page, seeded.lead.email, seeded.lead.password);
  await lead.page.goto(`/plans/${seeded.plan.id}/handovers`);
  const leadCard = lead.page.getByTestId('handover').filter({ hasText: 'Answer TikTok comments' });
  await leadCard.getByRole('button', { name: /^Accept/ }).click();
  await expect(lead.page.getByRole('status').filter({ hasText: 'is now at “Accepted”' })).toBeVisible();
  await leadCard.getByRole('button', { name: /^Reopen/ }).click();
  await expect(lead.page.getByRole('status').filter({ hasText: 'is now at “In-house”' })).toBeVisible();
  await lead.context.close();
});

const HEADER = 'channel,published_at,source,external_id,author';

test('When agency staff upload a CSV with one bad line, then the dry run lists it by line; the fixed file imports with progress and the posts appear', async () => {
  const { context, page, errors } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.agency.email, seeded.agency.password);
  await page.goto(`/plans/${seeded.plan.id}/posts`);
  const good = ['instagram,2026-03-02T10:00:00Z,agency,csv-1,Alex', 'linkedin,2026-03-03T11:30:00Z,agency,csv-2,Alex'];
  const bad = [HEADER, good[0], 'instagram,not-a-date,agency,csv-3,Alex', good[1]].join('\n');
  const input = page.getByLabel('CSV file');
  await input.setInputFiles({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(`${bad}\n`) });

  const report = page.getByTestId('import-errors');
  await expect(report).toBeVisible();
  await expect(report).toContainText('1 line to fix');
  const row = report.getByRole('row', { name: /not-a-date/ });
  await expect(row).toContainText('3');
  await expect(row).toContainText('published_at');
  const before = await seeded.admin.call<{ total: number }>('GET', `/plans/${seeded.plan.id}/posts?limit=1`);

  const fixed = [HEADER, good[0], 'instagram,2026-03-04T09:15:00Z,agency,csv-3,Alex', good[1]].join('\n');
  await input.setInputFiles({ name: 'posts-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(`${fixed}\n`) });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('3 new rows to import');
  const still = await seeded.admin.call<{ total: number }>('GET', `/plans/${seeded.plan.id}/posts?limit=1`);
  expect(still.total).toBe(before.total);

  // The progress bar can be brief on a small file: record that it was shown at all.
  await page.evaluate(`(() => {
    window.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('progress[aria-label="Import progress"]')) window.__sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  await preview.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 3 posts');
  expect(await page.evaluate('window.__sawProgress')).toBe(true);
  const after = await seeded.admin.call<{ total: number }>('GET', `/plans/${seeded.plan.id}/posts?limit=1`);
  expect(after.total).toBe(before.total + 3);
  const list = page.getByRole('form', { name: 'Filter posts' });
  await list.getByLabel('From').fill('2026-03-01');
  await list.getByLabel('To').fill('2026-03-31');
  await expect(page.getByRole('cell', { name: 'csv-3' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Posts 1–3 of 3/ })).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});

test('When agency staff record one post, then only the agency source is offered and the post is listed', async () => {
  const { context, page } = await newPage(browser, server.baseUrl);
  await signIn(page, seeded.agency.email, seeded.agency.password);
  await page.goto(`/plans/${seeded.plan.id}/posts`);
  const form = page.getByRole('form', { name: 'Record a post' });
  await expect(form.getByLabel('Made by')).toBeVisible();
  expect(await form.getByLabel('Made by').locator('option').allTextContents()).toEqual(['Agency']);
  await form.getByLabel('Channel').fill('Facebook');
  await form.getByLabel('Published at').fill('2026-03-05T14:30:00');
  await form.getByLabel('External id (optional)').fill('fb-77');
  await form.getByRole('button', { name: 'Record post' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded an agency post on facebook' })).toBeVisible();
  await page.getByRole('form', { name: 'Filter posts' }).getByLabel('Channel').fill('facebook');
  await expect(page.getByRole('cell', { name: 'fb-77' })).toBeVisible();
  await context.close();
});
